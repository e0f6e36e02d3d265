/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include <bus_driver.h>
#include <rte_common.h>
#include <rte_devargs.h>
#include <rte_errno.h>
#include <rte_kvargs.h>
#include <rte_log.h>

#include "eal_internal_cfg.h"
#include "eal_private.h"

/* Longest devargs string accepted: name, arguments and all. */
#define DEVARGS_MAX_LEN 4096

/*
 * The process's devargs list: -a, -b and --vdev at init, then hotplug.
 * Protected by devargs_lock (recursive: a driver probed under it may add
 * devargs for the devices it creates itself).
 */
static TAILQ_HEAD(, rte_devargs) devargs_list = TAILQ_HEAD_INITIALIZER(devargs_list);
static pthread_mutex_t devargs_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

/* Arguments must be key=value pairs (or bare keys) with balanced brackets. */
static bool
args_well_formed(const char *args)
{
	struct rte_kvargs *kv;

	if (args[0] == '\0')
		return true;
	kv = rte_kvargs_parse(args, NULL);
	rte_kvargs_free(kv);
	return kv != NULL;
}

int
rte_devargs_parse(struct rte_devargs *da, const char *dev)
{
	const char *comma, *colon, *name;
	struct rte_bus *bus = NULL;
	size_t name_len;

	if (da == NULL)
		return -EINVAL;
	memset(da, 0, sizeof(*da));
	if (dev == NULL || dev[0] == '\0') {
		RTE_LOG(ERR, EAL, "device arguments are empty\n");
		return -EINVAL;
	}
	if (strnlen(dev, DEVARGS_MAX_LEN) == DEVARGS_MAX_LEN) {
		RTE_LOG(ERR, EAL, "device arguments '%.32s...' are longer than %d characters\n",
			dev, DEVARGS_MAX_LEN - 1);
		return -ENAMETOOLONG;
	}
	comma = strchr(dev, ',');
	name_len = comma != NULL ? (size_t)(comma - dev) : strlen(dev);
	name = dev;
	/* "bus:name" when the text before the first ':' is a bus (PCI addresses hold ':' too). */
	colon = memchr(dev, ':', name_len);
	if (colon != NULL) {
		char busname[RTE_DEV_NAME_MAX_LEN];

		if ((size_t)(colon - dev) < sizeof(busname)) {
			memcpy(busname, dev, (size_t)(colon - dev));
			busname[colon - dev] = '\0';
			bus = rte_bus_find_by_name(busname);
		}
		if (bus != NULL) {
			name = colon + 1;
			name_len -= (size_t)(name - dev);
		}
	}
	if (name_len == 0) {
		RTE_LOG(ERR, EAL, "device arguments '%s' have no device name\n", dev);
		return -EINVAL;
	}
	if (name_len >= sizeof(da->name)) {
		RTE_LOG(ERR, EAL, "device name in '%s' is longer than %zu characters\n",
			dev, sizeof(da->name) - 1);
		return -ENAMETOOLONG;
	}
	memcpy(da->name, name, name_len);
	da->name[name_len] = '\0';
	if (bus == NULL) {
		bus = rte_bus_find_by_device_name(da->name);
		if (bus == NULL) {
			RTE_LOG(ERR, EAL, "no bus knows device '%s' (in '%s')\n", da->name, dev);
			return -ENODEV;
		}
	} else if (bus->parse(da->name, NULL) != 0) {
		RTE_LOG(ERR, EAL, "bus %s has no device or driver for '%s'\n",
			bus->name, da->name);
		return -ENODEV;
	}
	da->data = strdup(comma != NULL ? comma + 1 : "");
	if (da->data == NULL)
		return -ENOMEM;
	da->args = da->data;
	da->bus = bus;
	da->bus_str = bus->name;
	if (!args_well_formed(da->args)) {
		RTE_LOG(ERR, EAL, "malformed arguments for device %s: '%s'\n", da->name, da->args);
		rte_devargs_reset(da);
		return -EINVAL;
	}
	if (bus->devargs_parse != NULL && bus->devargs_parse(da) != 0) {
		RTE_LOG(ERR, EAL, "bus %s refused the arguments of %s: '%s'\n",
			bus->name, da->name, da->args);
		rte_devargs_reset(da);
		return -EINVAL;
	}
	return 0;
}

int
rte_devargs_parsef(struct rte_devargs *da, const char *format, ...)
{
	va_list ap;
	char *s;
	int ret;

	if (da == NULL || format == NULL)
		return -EINVAL;
	va_start(ap, format);
	ret = vasprintf(&s, format, ap);
	va_end(ap);
	if (ret < 0)
		return -ENOMEM;
	ret = rte_devargs_parse(da, s);
	free(s);
	return ret;
}

void
rte_devargs_reset(struct rte_devargs *da)
{
	if (da == NULL)
		return;
	free(da->data);
	da->data = NULL;
	da->args = NULL;
}

/* Called with devargs_lock held. */
static struct rte_devargs *
find_listed(const struct rte_devargs *da)
{
	struct rte_devargs *l;

	TAILQ_FOREACH(l, &devargs_list, next) {
		if (l->bus == da->bus && strcmp(l->name, da->name) == 0)
			return l;
	}
	return NULL;
}

int
rte_devargs_insert(struct rte_devargs **da)
{
	struct rte_devargs *listed, contents;

	if (da == NULL || *da == NULL || (*da)->bus == NULL)
		return -EINVAL;
	pthread_mutex_lock(&devargs_lock);
	listed = find_listed(*da);
	if (listed == NULL) {
		TAILQ_INSERT_TAIL(&devargs_list, *da, next);
	} else if (listed != *da) {
		/* Keep the listed struct, which devices point to, with the new contents. */
		contents = **da;
		contents.next = listed->next;
		rte_devargs_reset(listed);
		*listed = contents;
		free(*da);
		*da = listed;
	}
	pthread_mutex_unlock(&devargs_lock);
	return 0;
}

/* Allow/block entries set their bus's scan mode, as -a and -b do in DPDK. */
static int
devargs_policy(struct rte_devargs *da, enum rte_devtype type)
{
	enum rte_bus_scan_mode mode = type == RTE_DEVTYPE_ALLOWED ? RTE_BUS_SCAN_ALLOWLIST :
								     RTE_BUS_SCAN_BLOCKLIST;

	da->type = type;
	da->policy = type == RTE_DEVTYPE_BLOCKED ? RTE_DEV_BLOCKED : RTE_DEV_ALLOWED;
	if (type == RTE_DEVTYPE_VIRTUAL)
		return 0;
	if (da->bus->conf.scan_mode != RTE_BUS_SCAN_UNDEFINED && da->bus->conf.scan_mode != mode) {
		RTE_LOG(ERR, EAL, "bus %s cannot have both allowed and blocked devices\n",
			da->bus->name);
		return -EINVAL;
	}
	da->bus->conf.scan_mode = mode;
	return 0;
}

int
rte_devargs_add(enum rte_devtype devtype, const char *devargs_str)
{
	struct rte_devargs *da = calloc(1, sizeof(*da));
	int ret;

	if (da == NULL)
		return -ENOMEM;
	ret = rte_devargs_parse(da, devargs_str);
	if (ret == 0)
		ret = devargs_policy(da, devtype);
	if (ret == 0)
		ret = rte_devargs_insert(&da);
	if (ret < 0) {
		rte_devargs_reset(da);
		free(da);
	}
	return ret;
}

int
rte_devargs_remove(struct rte_devargs *devargs)
{
	struct rte_devargs *listed;

	if (devargs == NULL || devargs->bus == NULL)
		return -EINVAL;
	pthread_mutex_lock(&devargs_lock);
	listed = find_listed(devargs);
	if (listed != NULL)
		TAILQ_REMOVE(&devargs_list, listed, next);
	pthread_mutex_unlock(&devargs_lock);
	if (listed == NULL)
		return 1;
	rte_devargs_reset(listed);
	free(listed);
	return 0;
}

unsigned int
rte_devargs_type_count(enum rte_devtype devtype)
{
	struct rte_devargs *da;
	unsigned int n = 0;

	pthread_mutex_lock(&devargs_lock);
	TAILQ_FOREACH(da, &devargs_list, next)
		n += da->type == devtype;
	pthread_mutex_unlock(&devargs_lock);
	return n;
}

void
rte_devargs_dump(FILE *f)
{
	struct rte_devargs *da;

	pthread_mutex_lock(&devargs_lock);
	fprintf(f, "User device list:\n");
	TAILQ_FOREACH(da, &devargs_list, next)
		fprintf(f, "  [%s]: %s %s\n", da->bus != NULL ? da->bus->name : "??",
			da->name, da->args);
	pthread_mutex_unlock(&devargs_lock);
}

struct rte_devargs *
rte_devargs_next(const char *busname, const struct rte_devargs *start)
{
	struct rte_devargs *da;

	pthread_mutex_lock(&devargs_lock);
	da = start != NULL ? TAILQ_NEXT(start, next) : TAILQ_FIRST(&devargs_list);
	while (da != NULL && busname != NULL && strcmp(da->bus->name, busname) != 0)
		da = TAILQ_NEXT(da, next);
	pthread_mutex_unlock(&devargs_lock);
	return da;
}

/* At init: the devices of -a, -b and --vdev, in command-line order. */
int
eal_devargs_init(void)
{
	const struct internal_config *cfg = eal_get_internal_configuration();
	static const enum rte_devtype types[] = {
		[EAL_DEVOPT_ALLOW] = RTE_DEVTYPE_ALLOWED,
		[EAL_DEVOPT_BLOCK] = RTE_DEVTYPE_BLOCKED,
		[EAL_DEVOPT_VDEV] = RTE_DEVTYPE_VIRTUAL,
	};
	const struct eal_devopt *d;
	int ret;

	TAILQ_FOREACH(d, &cfg->devopts, next) {
		ret = rte_devargs_add(types[d->type], d->arg);
		if (ret < 0)
			return ret;
	}
	return 0;
}

void
eal_devargs_cleanup(void)
{
	struct rte_devargs *da;

	pthread_mutex_lock(&devargs_lock);
	while ((da = TAILQ_FIRST(&devargs_list)) != NULL) {
		TAILQ_REMOVE(&devargs_list, da, next);
		if (da->bus != NULL)
			da->bus->conf.scan_mode = RTE_BUS_SCAN_UNDEFINED;
		rte_devargs_reset(da);
		free(da);
	}
	pthread_mutex_unlock(&devargs_lock);
}
