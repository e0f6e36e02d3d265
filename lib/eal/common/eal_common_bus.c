/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/queue.h>

#include <bus_driver.h>
#include <rte_bus.h>
#include <rte_common.h>
#include <rte_debug.h>
#include <rte_devargs.h>
#include <rte_errno.h>
#include <rte_kvargs.h>
#include <rte_log.h>
#include <rte_string_fns.h>

#include "eal_private.h"

/* Registered from constructors, before main(); read-only afterwards. */
static TAILQ_HEAD(, rte_bus) buses = TAILQ_HEAD_INITIALIZER(buses);

void
rte_bus_register(struct rte_bus *bus)
{
	RTE_VERIFY(bus != NULL && bus->name != NULL && bus->name[0] != '\0');
	/* A bus must find its devices and say what names are its own. */
	RTE_VERIFY(bus->scan != NULL && bus->probe != NULL && bus->find_device != NULL);
	RTE_VERIFY(bus->parse != NULL);
	TAILQ_INSERT_TAIL(&buses, bus, next);
}

void
rte_bus_unregister(struct rte_bus *bus)
{
	TAILQ_REMOVE(&buses, bus, next);
}

const char *
rte_bus_name(const struct rte_bus *bus)
{
	return bus->name;
}

/* Every bus is scanned, whatever another's failure; the first error is returned. */
int
rte_bus_scan(void)
{
	struct rte_bus *bus;
	int ret, first = 0;

	TAILQ_FOREACH(bus, &buses, next) {
		ret = bus->scan();
		if (ret < 0) {
			RTE_LOG(ERR, EAL, "scan of bus %s failed: %s\n", bus->name, strerror(-ret));
			if (first == 0)
				first = ret;
		}
	}
	return first;
}

int
rte_bus_probe(void)
{
	struct rte_bus *bus;
	int ret, first = 0;

	TAILQ_FOREACH(bus, &buses, next) {
		ret = bus->probe();
		if (ret < 0 && first == 0)
			first = ret;
	}
	return first;
}

void
rte_bus_dump(FILE *f)
{
	struct rte_bus *bus;

	TAILQ_FOREACH(bus, &buses, next)
		fprintf(f, "%s\n", bus->name);
}

struct rte_bus *
rte_bus_find(const struct rte_bus *start, rte_bus_cmp_t cmp, const void *data)
{
	struct rte_bus *bus = start != NULL ? TAILQ_NEXT(start, next) : TAILQ_FIRST(&buses);

	for (; bus != NULL; bus = TAILQ_NEXT(bus, next)) {
		if (cmp(bus, data) == 0)
			return bus;
	}
	return NULL;
}

int
eal_bus_cmp_any(const struct rte_bus *bus, const void *data)
{
	RTE_SET_USED(bus);
	RTE_SET_USED(data);
	return 0;
}

static int
cmp_name(const struct rte_bus *bus, const void *name)
{
	return strcmp(bus->name, name);
}

struct rte_bus *
rte_bus_find_by_name(const char *busname)
{
	return busname != NULL ? rte_bus_find(NULL, cmp_name, busname) : NULL;
}

static int
cmp_has_device(const struct rte_bus *bus, const void *dev)
{
	return bus->find_device(NULL, eal_dev_cmp_ptr, dev) == NULL;
}

struct rte_bus *
rte_bus_find_by_device(const struct rte_device *dev)
{
	return dev != NULL ? rte_bus_find(NULL, cmp_has_device, dev) : NULL;
}

static int
cmp_parses(const struct rte_bus *bus, const void *name)
{
	return bus->parse(name, NULL);
}

struct rte_bus *
rte_bus_find_by_device_name(const char *str)
{
	char name[RTE_DEV_NAME_MAX_LEN];
	char *args;

	if (str == NULL)
		return NULL;
	rte_strlcpy(name, str, sizeof(name));
	args = strchr(name, ',');
	if (args != NULL)
		*args = '\0';
	return rte_bus_find(NULL, cmp_parses, name);
}

enum rte_iova_mode
rte_bus_get_iommu_class(void)
{
	bool want_pa = false, want_va = false;
	struct rte_bus *bus;

	TAILQ_FOREACH(bus, &buses, next) {
		enum rte_iova_mode mode;

		if (bus->get_iommu_class == NULL)
			continue;
		mode = bus->get_iommu_class();
		want_pa |= mode == RTE_IOVA_PA;
		want_va |= mode == RTE_IOVA_VA;
	}
	if (want_pa && want_va) {
		RTE_LOG(WARNING, EAL, "some buses need IOVA as PA and others as VA: "
			"neither is chosen for them, and some devices may fail to probe\n");
		return RTE_IOVA_DC;
	}
	return want_pa ? RTE_IOVA_PA : want_va ? RTE_IOVA_VA : RTE_IOVA_DC;
}

/* Whether two names are the same device of bus: their parsed forms are equal. */
static bool
same_device(const struct rte_bus *bus, const char *a, const char *b)
{
	uint8_t pa[RTE_DEV_NAME_MAX_LEN * 2], pb[RTE_DEV_NAME_MAX_LEN * 2];

	memset(pa, 0, sizeof(pa));
	memset(pb, 0, sizeof(pb));
	if (bus->parse(a, pa) != 0 || bus->parse(b, pb) != 0)
		return strcmp(a, b) == 0;
	return memcmp(pa, pb, sizeof(pa)) == 0;
}

bool
rte_bus_device_allowed(const struct rte_bus *bus, const char *name)
{
	struct rte_devargs *da;

	RTE_EAL_DEVARGS_FOREACH(bus->name, da) {
		if (da->type == RTE_DEVTYPE_VIRTUAL || !same_device(bus, da->name, name))
			continue;
		return da->policy == RTE_DEV_ALLOWED;
	}
	return bus->conf.scan_mode != RTE_BUS_SCAN_ALLOWLIST;
}

int
rte_bus_find_device_kvargs(const struct rte_bus *bus, const struct rte_device *start,
			   const char *str, const char *const valid_keys[], rte_dev_cmp_t cmp,
			   struct rte_device **dev)
{
	struct rte_kvargs *kvlist = NULL;

	if (str != NULL && str[0] != '\0') {
		kvlist = rte_kvargs_parse(str, valid_keys);
		if (kvlist == NULL) {
			rte_errno = EINVAL;
			return -EINVAL;
		}
	}
	*dev = bus->find_device(start, cmp, kvlist);
	rte_kvargs_free(kvlist);
	return 0;
}

void
eal_bus_cleanup(void)
{
	struct rte_bus *bus;

	TAILQ_FOREACH(bus, &buses, next) {
		if (bus->cleanup != NULL)
			bus->cleanup();
	}
}
