/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The vdev bus: a virtual device exists because devargs name it (--vdev,
 * hotplug); the driver whose name (or alias) is the longest prefix of the
 * device name probes it. A secondary gets the primary's devices through
 * the EAL's hotplug join, as devargs like any others.
 */

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include <bus_driver.h>
#include <bus_vdev_driver.h>
#include <rte_bus_vdev.h>
#include <rte_common.h>
#include <rte_devargs.h>
#include <rte_errno.h>
#include <rte_kvargs.h>
#include <rte_log.h>
#include <rte_memory.h>
#include <rte_string_fns.h>

#include "eal_private.h"

RTE_LOG_REGISTER_DEFAULT(vdev_logtype, NOTICE);
#define VDEV_LOG(level, ...) \
	rte_log(RTE_LOG_ ## level, vdev_logtype, "VDEV: " __VA_ARGS__)

/* Process-local lists, under vdev_lock (recursive: a probe may create devices). */
static TAILQ_HEAD(, rte_vdev_device) vdev_devices = TAILQ_HEAD_INITIALIZER(vdev_devices);
static TAILQ_HEAD(, rte_vdev_driver) vdev_drivers = TAILQ_HEAD_INITIALIZER(vdev_drivers);
static pthread_mutex_t vdev_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;

static struct rte_bus vdev_bus;

void
rte_vdev_register(struct rte_vdev_driver *driver)
{
	TAILQ_INSERT_TAIL(&vdev_drivers, driver, next);
}

void
rte_vdev_unregister(struct rte_vdev_driver *driver)
{
	TAILQ_REMOVE(&vdev_drivers, driver, next);
}

static size_t
prefix_len(const char *prefix, const char *name)
{
	size_t len = prefix != NULL ? strlen(prefix) : 0;

	return len != 0 && strncmp(name, prefix, len) == 0 ? len : 0;
}

/* The driver whose name or alias is the longest prefix of name. */
static struct rte_vdev_driver *
find_driver(const char *name)
{
	struct rte_vdev_driver *drv, *best = NULL;
	size_t best_len = 0;

	TAILQ_FOREACH(drv, &vdev_drivers, next) {
		size_t len = RTE_MAX(prefix_len(drv->driver.name, name),
				     prefix_len(drv->driver.alias, name));

		if (len > best_len) {
			best = drv;
			best_len = len;
		}
	}
	return best;
}

/* A vdev name is a driver name with a suffix; its canonical form is itself. */
static int
vdev_parse(const char *name, void *addr)
{
	if (find_driver(name) == NULL)
		return -1;
	if (addr != NULL)
		rte_strlcpy(addr, name, RTE_DEV_NAME_MAX_LEN);
	return 0;
}

/* Called with vdev_lock held. */
static struct rte_vdev_device *
find_dev(const char *name)
{
	struct rte_vdev_device *dev;

	TAILQ_FOREACH(dev, &vdev_devices, next) {
		if (strcmp(dev->device.name, name) == 0)
			return dev;
	}
	return NULL;
}

/* Make a device for every vdev devargs that has none yet. */
static int
vdev_scan(void)
{
	struct rte_vdev_device *dev;
	struct rte_devargs *da;
	int ret = 0;

	pthread_mutex_lock(&vdev_lock);
	RTE_EAL_DEVARGS_FOREACH(vdev_bus.name, da) {
		if (find_dev(da->name) != NULL)
			continue;
		dev = calloc(1, sizeof(*dev));
		if (dev == NULL) {
			ret = -ENOMEM;
			break;
		}
		dev->device.name = da->name;
		dev->device.devargs = da;
		dev->device.bus = &vdev_bus;
		dev->device.numa_node = SOCKET_ID_ANY;
		TAILQ_INSERT_TAIL(&vdev_devices, dev, next);
	}
	pthread_mutex_unlock(&vdev_lock);
	return ret;
}

/* Probe one device; called with vdev_lock held. */
static int
probe_one(struct rte_vdev_device *dev)
{
	struct rte_vdev_driver *drv;
	int ret;

	if (dev->device.driver != NULL)
		return -EEXIST;
	drv = find_driver(dev->device.name);
	if (drv == NULL) {
		VDEV_LOG(ERR, "no driver for %s\n", dev->device.name);
		return -ENOENT;
	}
	ret = drv->probe(dev);
	if (ret != 0) {
		VDEV_LOG(ERR, "driver %s failed to probe %s: %s\n", drv->driver.name,
			 dev->device.name, strerror(ret < 0 ? -ret : EIO));
		return ret < 0 ? ret : -EIO;
	}
	dev->device.driver = &drv->driver;
	return 0;
}

static int
vdev_probe(void)
{
	struct rte_vdev_device *dev;
	int ret, first = 0;

	pthread_mutex_lock(&vdev_lock);
	TAILQ_FOREACH(dev, &vdev_devices, next) {
		if (dev->device.driver != NULL)
			continue;
		ret = probe_one(dev);
		if (ret < 0 && first == 0)
			first = ret;
	}
	pthread_mutex_unlock(&vdev_lock);
	return first;
}

/* Called with vdev_lock held. */
static void
forget(struct rte_vdev_device *dev)
{
	TAILQ_REMOVE(&vdev_devices, dev, next);
	free(dev);
}

static int
vdev_plug(struct rte_device *device)
{
	struct rte_vdev_device *dev = RTE_DEV_TO_VDEV(device);
	int ret;

	pthread_mutex_lock(&vdev_lock);
	if (dev->device.driver != NULL) {
		ret = -EEXIST;
	} else {
		ret = probe_one(dev);
		/* A vdev that failed is nothing: it goes with its devargs. */
		if (ret < 0)
			forget(dev);
	}
	pthread_mutex_unlock(&vdev_lock);
	return ret;
}

/* Called with vdev_lock held. */
static int
remove_one(struct rte_vdev_device *dev)
{
	const struct rte_vdev_driver *drv;
	int ret;

	if (dev->device.driver == NULL)
		return 0;
	drv = RTE_DRV_TO_VDRV_CONST(dev->device.driver);
	ret = drv->remove != NULL ? drv->remove(dev) : -ENOTSUP;
	if (ret < 0) {
		VDEV_LOG(ERR, "driver %s failed to remove %s: %s\n", drv->driver.name,
			 dev->device.name, strerror(-ret));
		return ret;
	}
	dev->device.driver = NULL;
	return 0;
}

static int
vdev_unplug(struct rte_device *device)
{
	struct rte_vdev_device *dev = RTE_DEV_TO_VDEV(device);
	struct rte_devargs *da = device->devargs;
	int ret;

	pthread_mutex_lock(&vdev_lock);
	ret = remove_one(dev);
	if (ret == 0)
		forget(dev);
	pthread_mutex_unlock(&vdev_lock);
	if (ret == 0 && da != NULL)
		rte_devargs_remove(da);
	return ret;
}

static struct rte_device *
vdev_find_device(const struct rte_device *start, rte_dev_cmp_t cmp, const void *data)
{
	struct rte_vdev_device *dev;
	struct rte_device *found = NULL;

	pthread_mutex_lock(&vdev_lock);
	dev = start != NULL ? TAILQ_NEXT(RTE_DEV_TO_VDEV_CONST(start), next) :
			      TAILQ_FIRST(&vdev_devices);
	for (; dev != NULL; dev = TAILQ_NEXT(dev, next)) {
		if (cmp(&dev->device, data) == 0) {
			found = &dev->device;
			break;
		}
	}
	pthread_mutex_unlock(&vdev_lock);
	return found;
}

static int
vdev_cleanup(void)
{
	struct rte_vdev_device *dev;
	int ret = 0;

	pthread_mutex_lock(&vdev_lock);
	while ((dev = TAILQ_FIRST(&vdev_devices)) != NULL) {
		if (remove_one(dev) < 0)
			ret = -EBUSY;
		forget(dev);
	}
	pthread_mutex_unlock(&vdev_lock);
	return ret;
}

static int
match_name(const char *key, const char *value, void *opaque)
{
	const struct rte_device *dev = opaque;

	RTE_SET_USED(key);
	return value != NULL && strcmp(dev->name, value) == 0 ? 0 : -1;
}

/* No filter matches every device. */
static int
cmp_kvlist(const struct rte_device *dev, const void *kvlist)
{
	if (kvlist == NULL)
		return 0;
	return rte_kvargs_process(kvlist, "name", match_name,
				  (void *)(uintptr_t)dev) == 0 ? 0 : 1;
}

/* Iterator layer "bus=vdev[,name=X]". */
static void *
vdev_dev_iterate(const void *start, const char *str, const struct rte_dev_iterator *it)
{
	static const char *const keys[] = { "name", NULL };
	struct rte_device *dev;

	RTE_SET_USED(it);
	if (rte_bus_find_device_kvargs(&vdev_bus, start, str, keys, cmp_kvlist, &dev) < 0) {
		VDEV_LOG(ERR, "cannot iterate over '%s'\n", str);
		return NULL;
	}
	return dev;
}

static struct rte_bus vdev_bus = {
	.scan = vdev_scan,
	.probe = vdev_probe,
	.find_device = vdev_find_device,
	.plug = vdev_plug,
	.unplug = vdev_unplug,
	.parse = vdev_parse,
	.dev_iterate = vdev_dev_iterate,
	.cleanup = vdev_cleanup,
};

RTE_REGISTER_BUS(vdev, vdev_bus);

int
rte_vdev_init(const char *name, const char *args)
{
	char *devargs;
	int ret;

	if (name == NULL)
		return -EINVAL;
	if (asprintf(&devargs, "vdev:%s%s%s", name, args != NULL && args[0] != '\0' ? "," : "",
		     args != NULL ? args : "") < 0)
		return -ENOMEM;
	ret = local_dev_probe(devargs, NULL);
	free(devargs);
	return ret;
}

int
rte_vdev_uninit(const char *name)
{
	struct rte_device *dev;

	if (name == NULL)
		return -EINVAL;
	dev = vdev_find_device(NULL, eal_dev_cmp_name, name);
	if (dev == NULL)
		return -ENOENT;
	return local_dev_remove(dev);
}
