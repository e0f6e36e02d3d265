/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Devices in one process: accessors, probing and removing a device here
 * (local_dev_probe/local_dev_remove, what every process does for its part
 * of a hotplug), device iterators, device-event callbacks and detach
 * vetoes. The multi-process side of hotplug is hotplug_mp.c.
 */

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>
#include <unistd.h>

#include <bus_driver.h>
#include <dev_driver.h>
#include <rte_class.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_errno.h>
#include <rte_log.h>

#include "eal_memcfg.h"
#include "eal_private.h"

const char *
rte_driver_name(const struct rte_driver *driver)
{
	return driver != NULL ? driver->name : NULL;
}

const struct rte_bus *
rte_dev_bus(const struct rte_device *dev)
{
	return dev->bus;
}

const char *
rte_dev_bus_info(const struct rte_device *dev)
{
	return dev->bus_info;
}

const struct rte_devargs *
rte_dev_devargs(const struct rte_device *dev)
{
	return dev->devargs;
}

const struct rte_driver *
rte_dev_driver(const struct rte_device *dev)
{
	return dev->driver;
}

const char *
rte_dev_name(const struct rte_device *dev)
{
	return dev->name;
}

int
rte_dev_numa_node(const struct rte_device *dev)
{
	return dev->numa_node;
}

int
rte_dev_is_probed(const struct rte_device *dev)
{
	return dev != NULL && dev->driver != NULL;
}

int
eal_dev_cmp_name(const struct rte_device *dev, const void *name)
{
	return strcmp(dev->name, name);
}

int
eal_dev_cmp_ptr(const struct rte_device *dev, const void *ptr)
{
	return dev != ptr;
}

int
eal_dev_devargs_str(const struct rte_device *dev, char *buf, size_t size)
{
	const char *args = dev->devargs != NULL ? dev->devargs->args : "";
	int n = snprintf(buf, size, "%s:%s%s%s", dev->bus->name, dev->name,
			 args[0] != '\0' ? "," : "", args);

	return (n < 0 || (size_t)n >= size) ? -ENAMETOOLONG : 0;
}

int
local_dev_probe(const char *devargs, struct rte_device **new_dev)
{
	struct rte_device *dev;
	struct rte_devargs *da;
	struct rte_bus *bus;
	int ret;

	if (new_dev != NULL)
		*new_dev = NULL;
	da = calloc(1, sizeof(*da));
	if (da == NULL)
		return -ENOMEM;
	ret = rte_devargs_parse(da, devargs);
	if (ret < 0)
		goto fail;
	bus = da->bus;
	if (bus->plug == NULL) {
		RTE_LOG(ERR, EAL, "bus %s cannot hotplug devices (%s)\n", bus->name, da->name);
		ret = -ENOTSUP;
		goto fail;
	}
	/* An existing device keeps its devargs: this attach is refused below. */
	dev = bus->find_device(NULL, eal_dev_cmp_name, da->name);
	if (dev != NULL && rte_dev_is_probed(dev)) {
		RTE_LOG(DEBUG, EAL, "device %s is already attached\n", da->name);
		ret = -EEXIST;
		goto fail;
	}
	da->type = RTE_DEVTYPE_VIRTUAL;
	da->policy = RTE_DEV_ALLOWED;
	ret = rte_devargs_insert(&da);
	if (ret < 0)
		goto fail;
	/* The bus makes the device out of its devargs (vdev), or finds it (pci). */
	ret = bus->scan();
	if (ret < 0)
		goto unlist;
	dev = bus->find_device(NULL, eal_dev_cmp_name, da->name);
	if (dev == NULL) {
		RTE_LOG(ERR, EAL, "bus %s has no device %s\n", bus->name, da->name);
		ret = -ENODEV;
		goto unlist;
	}
	ret = bus->plug(dev);
	if (ret > 0)
		ret = -ENOTSUP; /* no driver matched */
	if (ret == 0 && !rte_dev_is_probed(dev)) {
		RTE_LOG(ERR, EAL, "device %s: bus %s probed it, but no driver took it\n", da->name,
			bus->name);
		ret = -ENODEV;
	}
	if (ret < 0) {
		/* The bus's line said why (its driver failed, none matched): one line is enough. */
		RTE_LOG(DEBUG, EAL, "cannot attach device %s: %s\n", da->name, strerror(-ret));
		/* The bus forgets a device that failed (vdev); dev may be gone. */
		goto unlist;
	}
	if (new_dev != NULL)
		*new_dev = dev;
	return 0;
unlist:
	rte_devargs_remove(da);
	return ret;
fail:
	rte_devargs_reset(da);
	free(da);
	return ret;
}

int
local_dev_remove(struct rte_device *dev)
{
	int ret;

	if (dev == NULL || !rte_dev_is_probed(dev))
		return -ENOENT;
	if (dev->bus->unplug == NULL) {
		RTE_LOG(ERR, EAL, "bus %s cannot remove devices (%s)\n", dev->bus->name, dev->name);
		return -ENOTSUP;
	}
	ret = dev->bus->unplug(dev);
	if (ret < 0)
		RTE_LOG(ERR, EAL, "cannot detach device %s: %s\n", dev->name, strerror(-ret));
	return ret;
}

struct rte_device *
eal_dev_find(const char *busname, const char *devname)
{
	struct rte_bus *bus = rte_bus_find_by_name(busname);

	if (bus == NULL || devname == NULL)
		return NULL;
	return bus->find_device(NULL, eal_dev_cmp_name, devname);
}

/*
 * Iterators: "bus=NAME[,k=v...]" and/or "class=NAME[,k=v...]", layers
 * separated by '/'. The strings after "bus=NAME," and "class=NAME," go to
 * the bus's and class's dev_iterate.
 */
static char *
layer_of(const char *str, const char *key, char **name)
{
	const char *p = strstr(str, key);
	const char *end, *comma;
	char *layer;

	if (p == NULL || (p != str && p[-1] != '/'))
		return NULL;
	p += strlen(key);
	end = strchr(p, '/');
	if (end == NULL)
		end = p + strlen(p);
	layer = strndup(p, (size_t)(end - p));
	if (layer == NULL)
		return NULL;
	comma = strchr(layer, ',');
	*name = strndup(layer, comma != NULL ? (size_t)(comma - layer) : strlen(layer));
	if (*name == NULL) {
		free(layer);
		return NULL;
	}
	/* What the layer passes on: its key=value list after the name. */
	memmove(layer, comma != NULL ? comma + 1 : layer + strlen(layer),
		strlen(comma != NULL ? comma + 1 : "") + 1);
	return layer;
}

static int
cmp_any(const struct rte_device *dev, const void *data)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(data);
	return 0;
}

static int
cmp_bus_ptr(const struct rte_bus *bus, const void *ptr)
{
	return bus != ptr;
}

struct rte_device *
eal_dev_next(const struct rte_device *start)
{
	struct rte_bus *bus;
	struct rte_device *dev;

	bus = start != NULL ? rte_bus_find(NULL, cmp_bus_ptr, start->bus) :
			      rte_bus_find(NULL, eal_bus_cmp_any, NULL);
	for (; bus != NULL; bus = rte_bus_find(bus, eal_bus_cmp_any, NULL)) {
		dev = bus->find_device(start, cmp_any, NULL);
		if (dev != NULL)
			return dev;
		start = NULL;
	}
	return NULL;
}

/* The next device after start: of the bus layer if there is one, else of any bus. */
static struct rte_device *
next_device(struct rte_dev_iterator *it, const struct rte_device *start)
{
	if (it->bus != NULL)
		return it->bus->dev_iterate(start, it->bus_str, it);
	return eal_dev_next(start);
}

static void
iterator_end(struct rte_dev_iterator *it)
{
	free((char *)(uintptr_t)it->bus_str);
	free((char *)(uintptr_t)it->cls_str);
	it->bus_str = it->cls_str = NULL;
	it->bus = NULL;
	it->cls = NULL;
	it->device = NULL;
	it->class_device = NULL;
}

int
rte_dev_iterator_init(struct rte_dev_iterator *it, const char *dev_str)
{
	char *bus_name = NULL, *cls_name = NULL;

	if (it == NULL || dev_str == NULL)
		return -EINVAL;
	memset(it, 0, sizeof(*it));
	it->dev_str = dev_str;
	it->bus_str = layer_of(dev_str, "bus=", &bus_name);
	it->cls_str = layer_of(dev_str, "class=", &cls_name);
	if (bus_name != NULL)
		it->bus = rte_bus_find_by_name(bus_name);
	if (cls_name != NULL)
		it->cls = rte_class_find_by_name(cls_name);
	free(bus_name);
	free(cls_name);
	if ((it->bus_str == NULL && it->cls_str == NULL) ||
	    (it->bus_str != NULL && (it->bus == NULL || it->bus->dev_iterate == NULL)) ||
	    (it->cls_str != NULL && (it->cls == NULL || it->cls->dev_iterate == NULL))) {
		RTE_LOG(ERR, EAL, "invalid device iterator string '%s'\n", dev_str);
		iterator_end(it);
		return -EINVAL;
	}
	return 0;
}

/*
 * Without a class layer: the bus layer's devices. With one: for each device
 * (of the bus layer, or of every bus), the class's objects on it, each
 * returned with it->class_device set.
 */
struct rte_device *
rte_dev_iterator_next(struct rte_dev_iterator *it)
{
	if (it == NULL || (it->bus == NULL && it->cls == NULL)) {
		if (it != NULL)
			rte_errno = EINVAL;
		return NULL;
	}
	if (it->cls == NULL) {
		it->device = next_device(it, it->device);
		if (it->device == NULL)
			iterator_end(it);
		return it->device;
	}
	for (;;) {
		if (it->device == NULL) {
			it->device = next_device(it, NULL);
			it->class_device = NULL;
		} else {
			it->class_device = it->cls->dev_iterate(it->class_device, it->cls_str, it);
			if (it->class_device != NULL)
				return it->device;
			it->device = next_device(it, it->device);
		}
		if (it->device == NULL) {
			iterator_end(it);
			return NULL;
		}
	}
}

/* Device events and detach vetoes: process-local lists, each under its lock. */
struct dev_event_cb {
	TAILQ_ENTRY(dev_event_cb) next;
	char *device_name;   /* NULL: every device */
	rte_dev_event_cb_fn cb;
	void *arg;
};

static TAILQ_HEAD(, dev_event_cb) event_cbs = TAILQ_HEAD_INITIALIZER(event_cbs);
static pthread_mutex_t event_lock = PTHREAD_MUTEX_INITIALIZER;

int
rte_dev_event_callback_register(const char *device_name, rte_dev_event_cb_fn cb, void *cb_arg)
{
	struct dev_event_cb *e, *c;
	int ret = 0;

	if (cb == NULL)
		return -EINVAL;
	c = calloc(1, sizeof(*c));
	if (c == NULL)
		return -ENOMEM;
	c->cb = cb;
	c->arg = cb_arg;
	if (device_name != NULL && (c->device_name = strdup(device_name)) == NULL) {
		free(c);
		return -ENOMEM;
	}
	pthread_mutex_lock(&event_lock);
	TAILQ_FOREACH(e, &event_cbs, next) {
		if (e->cb == cb && e->arg == cb_arg &&
		    ((e->device_name == NULL && device_name == NULL) ||
		     (e->device_name != NULL && device_name != NULL &&
		      strcmp(e->device_name, device_name) == 0))) {
			ret = -EEXIST;
			break;
		}
	}
	if (ret == 0)
		TAILQ_INSERT_TAIL(&event_cbs, c, next);
	pthread_mutex_unlock(&event_lock);
	if (ret < 0) {
		free(c->device_name);
		free(c);
	}
	return ret;
}

int
rte_dev_event_callback_unregister(const char *device_name, rte_dev_event_cb_fn cb,
				  void *cb_arg)
{
	struct dev_event_cb *e, *tmp;
	int n = 0;

	pthread_mutex_lock(&event_lock);
	TAILQ_FOREACH_SAFE(e, &event_cbs, next, tmp) {
		if (e->cb != cb || (cb_arg != (void *)-1 && e->arg != cb_arg))
			continue;
		if ((device_name == NULL) != (e->device_name == NULL) ||
		    (device_name != NULL && strcmp(device_name, e->device_name) != 0))
			continue;
		TAILQ_REMOVE(&event_cbs, e, next);
		free(e->device_name);
		free(e);
		n++;
	}
	pthread_mutex_unlock(&event_lock);
	return n > 0 ? n : -ENOENT;
}

void
rte_dev_event_callback_process(const char *device_name, enum rte_dev_event_type event)
{
	struct dev_event_cb *e;

	if (device_name == NULL || event >= RTE_DEV_EVENT_MAX)
		return;
	pthread_mutex_lock(&event_lock);
	TAILQ_FOREACH(e, &event_cbs, next) {
		if (e->device_name == NULL || strcmp(e->device_name, device_name) == 0)
			e->cb(device_name, event, e->arg);
	}
	pthread_mutex_unlock(&event_lock);
}

struct dev_veto {
	TAILQ_ENTRY(dev_veto) next;
	rte_dev_detach_veto_t cb;
	void *arg;
};

static TAILQ_HEAD(, dev_veto) vetoes = TAILQ_HEAD_INITIALIZER(vetoes);
static pthread_mutex_t veto_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned int nb_vetoes;  /* in vetoes */
static bool vetoes_shared;      /* nb_vetoes is part of the group's count */

/* The group's detach_vetoes: a change of its count by delta, counted as a change. */
#define VETOES_COUNT_MASK UINT32_MAX
#define VETOES_CHANGE (1ULL << 32)

static void
vetoes_group_add(struct eal_shared_config *cfg, int64_t delta)
{
	/* Modulo 2^64: a negative delta borrows from the carry of the change. */
	__atomic_add_fetch(&cfg->detach_vetoes, VETOES_CHANGE + (uint64_t)delta,
			   __ATOMIC_RELEASE);
}

/* With veto_lock held: the group's count of vetoes follows ours. */
static void
vetoes_count(int delta)
{
	struct eal_shared_config *cfg = eal_shared_config();

	nb_vetoes += delta;
	if (vetoes_shared && cfg != NULL)
		vetoes_group_add(cfg, delta);
}

void
eal_dev_vetoes_share(bool share)
{
	struct eal_shared_config *cfg = eal_shared_config();

	pthread_mutex_lock(&veto_lock);
	if (cfg != NULL && share != vetoes_shared && nb_vetoes > 0) {
		vetoes_group_add(cfg, share ? (int64_t)nb_vetoes : -(int64_t)nb_vetoes);
	}
	vetoes_shared = share;
	pthread_mutex_unlock(&veto_lock);
}

uint32_t
eal_dev_vetoes_local(void)
{
	uint32_t n;

	pthread_mutex_lock(&veto_lock);
	n = vetoes_shared ? nb_vetoes : 0;
	pthread_mutex_unlock(&veto_lock);
	return n;
}

uint64_t
eal_dev_group_vetoes(void)
{
	const struct eal_shared_config *cfg = eal_shared_config();

	return cfg == NULL ? VETOES_COUNT_MASK : __atomic_load_n(&cfg->detach_vetoes,
								  __ATOMIC_ACQUIRE);
}

void
eal_dev_group_vetoes_settle(uint64_t seen, uint32_t counted)
{
	struct eal_shared_config *cfg = eal_shared_config();

	if (cfg != NULL && counted < (seen & VETOES_COUNT_MASK))
		__atomic_compare_exchange_n(&cfg->detach_vetoes, &seen,
					    (seen & ~(uint64_t)VETOES_COUNT_MASK) + VETOES_CHANGE +
					    counted, false, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED);
}

int
rte_dev_detach_veto_register(rte_dev_detach_veto_t cb, void *arg)
{
	struct dev_veto *v;

	if (cb == NULL)
		return -EINVAL;
	pthread_mutex_lock(&veto_lock);
	TAILQ_FOREACH(v, &vetoes, next) {
		if (v->cb == cb && v->arg == arg) {
			pthread_mutex_unlock(&veto_lock);
			return -EEXIST;
		}
	}
	v = calloc(1, sizeof(*v));
	if (v != NULL) {
		v->cb = cb;
		v->arg = arg;
		TAILQ_INSERT_TAIL(&vetoes, v, next);
		vetoes_count(1);
	}
	pthread_mutex_unlock(&veto_lock);
	return v != NULL ? 0 : -ENOMEM;
}

int
rte_dev_detach_veto_unregister(rte_dev_detach_veto_t cb, void *arg)
{
	struct dev_veto *v, *tmp;
	int n = 0;

	pthread_mutex_lock(&veto_lock);
	TAILQ_FOREACH_SAFE(v, &vetoes, next, tmp) {
		if (v->cb == cb && (arg == (void *)-1 || v->arg == arg)) {
			TAILQ_REMOVE(&vetoes, v, next);
			free(v);
			n++;
		}
	}
	vetoes_count(-n);
	pthread_mutex_unlock(&veto_lock);
	return n > 0 ? n : -ENOENT;
}

int
eal_dev_detach_vetoed(const char *device_name)
{
	struct dev_veto *v;
	int ret = 0;

	pthread_mutex_lock(&veto_lock);
	TAILQ_FOREACH(v, &vetoes, next) {
		ret = v->cb(device_name, v->arg);
		if (ret < 0)
			break;
	}
	pthread_mutex_unlock(&veto_lock);
	if (ret < 0)
		RTE_LOG(NOTICE, EAL, "detach of %s vetoed in process %d: %s\n", device_name,
			(int)getpid(), strerror(-ret));
	return ret < 0 ? ret : 0;
}
