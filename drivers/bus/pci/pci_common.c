/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The PCI bus: its drivers and devices, probing (at init in the primary;
 * one device at a time for hotplug in every process), removing, policy
 * (-a/-b) and the IOVA mode its devices need.
 *
 * A secondary probes nothing by itself at init: it joins the group and
 * attaches the devices the primary has (hotplug_mp.c), so it sees exactly
 * what the primary attached, its BARs at the same addresses.
 */

#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bus_driver.h>
#include <bus_pci_driver.h>
#include <rte_bus_pci.h>
#include <rte_common.h>
#include <rte_devargs.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>

#include "pci_private.h"

RTE_LOG_REGISTER_DEFAULT(pci_logtype, NOTICE);

/* Process-local; the lists and every device's state under pci_lock (recursive: probes may nest). */
struct pci_device_list pci_devices = TAILQ_HEAD_INITIALIZER(pci_devices);
pthread_mutex_t pci_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
/* Registered from constructors, before main(); read-only afterwards. */
static TAILQ_HEAD(, rte_pci_driver) pci_drivers = TAILQ_HEAD_INITIALIZER(pci_drivers);

void
rte_pci_register(struct rte_pci_driver *driver)
{
	TAILQ_INSERT_TAIL(&pci_drivers, driver, next);
}

void
rte_pci_unregister(struct rte_pci_driver *driver)
{
	TAILQ_REMOVE(&pci_drivers, driver, next);
}

static bool
id_field_matches(uint16_t want, uint16_t have)
{
	return want == RTE_PCI_ANY_ID || want == have;
}

const struct rte_pci_id *
pci_match_id(const struct rte_pci_id *table, const struct rte_pci_id *id)
{
	const struct rte_pci_id *t;

	for (t = table; t != NULL && t->vendor_id != 0; t++) {
		if (id_field_matches(t->vendor_id, id->vendor_id) &&
		    id_field_matches(t->device_id, id->device_id) &&
		    id_field_matches(t->subsystem_vendor_id, id->subsystem_vendor_id) &&
		    id_field_matches(t->subsystem_device_id, id->subsystem_device_id) &&
		    (t->class_id == RTE_CLASS_ANY_ID || t->class_id == id->class_id))
			return t;
	}
	return NULL;
}

struct pci_device *
pci_device_find(const struct rte_pci_addr *addr)
{
	struct rte_pci_device *dev;

	TAILQ_FOREACH(dev, &pci_devices, next) {
		if (rte_pci_addr_cmp(&dev->addr, addr) == 0)
			return PCI_PRIV(dev);
	}
	return NULL;
}

void
pci_device_insert(struct pci_device *pd)
{
	struct rte_pci_device *dev;

	TAILQ_FOREACH(dev, &pci_devices, next) {
		if (rte_pci_addr_cmp(&pd->dev.addr, &dev->addr) < 0) {
			TAILQ_INSERT_BEFORE(dev, &pd->dev, next);
			return;
		}
	}
	TAILQ_INSERT_TAIL(&pci_devices, &pd->dev, next);
}

/* I/O ports a driver left open go with it. */
static void
ioports_close(struct pci_device *pd)
{
	int bar;

	for (bar = 0; bar < PCI_MAX_RESOURCE; bar++) {
		if (pd->ioport_fd[bar] >= 0)
			close(pd->ioport_fd[bar]);
		pd->ioport_fd[bar] = -1;
	}
}

void
pci_device_free(struct pci_device *pd)
{
	ioports_close(pd);
	TAILQ_REMOVE(&pci_devices, &pd->dev, next);
	rte_intr_instance_free(pd->dev.intr_handle);
	rte_intr_instance_free(pd->dev.vfio_req_intr_handle);
	free(pd);
}

static const char *
kdrv_name(enum rte_pci_kernel_driver kdrv)
{
	switch (kdrv) {
	case RTE_PCI_KDRV_VFIO:
		return "vfio-pci";
	case RTE_PCI_KDRV_IGB_UIO:
		return "igb_uio";
	case RTE_PCI_KDRV_UIO_GENERIC:
		return "uio_pci_generic";
	case RTE_PCI_KDRV_NONE:
		return "no driver";
	default:
		return "a kernel driver";
	}
}

/* Explicitly attached (hotplug) devices are allowed; others as -a/-b say. */
static bool
allowed(const struct pci_device *pd)
{
	const struct rte_devargs *da = pd->dev.device.devargs;

	if (da != NULL)
		return da->policy == RTE_DEV_ALLOWED;
	return rte_bus_device_allowed(&pci_bus, pd->dev.name);
}

/* 0: drv took the device; 1: it did not (declined, or cannot use it); < 0: failure. */
static int
probe_with(struct pci_device *pd, struct rte_pci_driver *drv)
{
	struct rte_pci_device *dev = &pd->dev;
	bool map = (drv->drv_flags & RTE_PCI_DRV_NEED_MAPPING) != 0;
	int ret;

	if (map && dev->kdrv != RTE_PCI_KDRV_VFIO && dev->kdrv != RTE_PCI_KDRV_IGB_UIO &&
	    dev->kdrv != RTE_PCI_KDRV_UIO_GENERIC) {
		/* Common at init (NICs on their kernel drivers); plug says it louder. */
		PCI_LOG(DEBUG, "%s: driver %s needs its BARs, but it is bound to %s\n",
			dev->name, drv->driver.name, kdrv_name(dev->kdrv));
		return 1;
	}
	/* Set first: mapping and the driver's probe look at the driver's flags. */
	dev->driver = drv;
	if (map) {
		ret = rte_pci_map_device(dev);
		if (ret < 0) {
			dev->driver = NULL;
			return ret;
		}
	}
	ret = drv->probe(drv, dev);
	if (ret != 0) {
		if (map)
			rte_pci_unmap_device(dev);
		dev->driver = NULL;
		if (ret < 0)
			PCI_LOG(ERR, "driver %s failed to probe %s: %s\n", drv->driver.name,
				dev->name, strerror(-ret));
		return ret;
	}
	dev->device.driver = &drv->driver;
	return 0;
}

/* The first matching driver that takes the device; 1 when none does. With pci_lock held. */
static int
probe_one(struct pci_device *pd)
{
	struct rte_pci_driver *drv;
	int ret;

	TAILQ_FOREACH(drv, &pci_drivers, next) {
		if (pci_match_id(drv->id_table, &pd->dev.id) == NULL)
			continue;
		ret = probe_with(pd, drv);
		if (ret <= 0)
			return ret;
	}
	return 1;
}

static int
pci_probe(void)
{
	struct rte_pci_device *dev;
	int ret, first = 0;

	/* A secondary attaches what the primary has when it joins, and nothing else. */
	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0;
	pthread_mutex_lock(&pci_lock);
	TAILQ_FOREACH(dev, &pci_devices, next) {
		if (dev->device.driver != NULL || !allowed(PCI_PRIV(dev)))
			continue;
		ret = probe_one(PCI_PRIV(dev));
		/* A device named with -a must work; others that fail are only logged. */
		if (ret < 0 && first == 0 && dev->device.devargs != NULL)
			first = ret;
	}
	pthread_mutex_unlock(&pci_lock);
	return first;
}

static int
pci_plug(struct rte_device *device)
{
	struct pci_device *pd = PCI_PRIV(RTE_DEV_TO_PCI(device));
	int ret;

	pthread_mutex_lock(&pci_lock);
	if (device->driver != NULL) {
		ret = -EEXIST;
	} else if (!allowed(pd)) {
		PCI_LOG(ERR, "%s is blocked (-b)\n", pd->dev.name);
		ret = -EPERM;
	} else {
		ret = probe_one(pd);
		if (ret > 0)
			PCI_LOG(ERR, "no driver takes %s (vendor 0x%04x device 0x%04x, bound "
				"to %s; drivers that map BARs need vfio-pci, uio_pci_generic "
				"or igb_uio)\n",
				pd->dev.name, pd->dev.id.vendor_id, pd->dev.id.device_id,
				kdrv_name(pd->dev.kdrv));
	}
	/* The EAL frees the devargs of a failed attach; an unprobed device keeps none. */
	if (ret != 0 && device->driver == NULL)
		device->devargs = NULL;
	pthread_mutex_unlock(&pci_lock);
	return ret;
}

/* The driver's remove, then unmap. With pci_lock held. */
static int
remove_one(struct pci_device *pd)
{
	struct rte_pci_device *dev = &pd->dev;
	struct rte_pci_driver *drv = dev->driver;
	int ret;

	if (drv == NULL)
		return 0;
	ret = drv->remove != NULL ? drv->remove(dev) : -ENOTSUP;
	if (ret < 0) {
		PCI_LOG(ERR, "driver %s failed to remove %s: %s\n", drv->driver.name, dev->name,
			strerror(-ret));
		return ret;
	}
	rte_pci_unmap_device(dev);
	ioports_close(pd);
	dev->driver = NULL;
	dev->device.driver = NULL;
	return 0;
}

static int
pci_unplug(struct rte_device *device)
{
	struct pci_device *pd = PCI_PRIV(RTE_DEV_TO_PCI(device));
	struct rte_devargs *da = NULL;
	int ret;

	pthread_mutex_lock(&pci_lock);
	ret = remove_one(pd);
	if (ret == 0) {
		da = device->devargs;
		device->devargs = NULL;
	}
	pthread_mutex_unlock(&pci_lock);
	if (da != NULL)
		rte_devargs_remove(da);
	return ret;
}

static struct rte_device *
pci_find_device(const struct rte_device *start, rte_dev_cmp_t cmp, const void *data)
{
	struct rte_pci_device *dev;
	struct rte_device *found = NULL;

	pthread_mutex_lock(&pci_lock);
	dev = start != NULL ? TAILQ_NEXT(RTE_DEV_TO_PCI_CONST(start), next) :
			      TAILQ_FIRST(&pci_devices);
	for (; dev != NULL; dev = TAILQ_NEXT(dev, next)) {
		if (cmp(&dev->device, data) == 0) {
			found = &dev->device;
			break;
		}
	}
	pthread_mutex_unlock(&pci_lock);
	return found;
}

static int
pci_cleanup(void)
{
	struct rte_pci_device *dev;
	int ret = 0;

	pthread_mutex_lock(&pci_lock);
	while ((dev = TAILQ_FIRST(&pci_devices)) != NULL) {
		if (remove_one(PCI_PRIV(dev)) < 0) {
			ret = -EBUSY;
			/* Its driver keeps it; what the bus holds goes anyway. */
			rte_pci_unmap_device(dev);
		}
		pci_device_free(PCI_PRIV(dev));
	}
	pthread_mutex_unlock(&pci_lock);
	pci_vfio_mp_fini();
	return ret;
}

/*
 * IOVA as PA when a device user space will drive (a driver matches it and
 * -a/-b let it be probed) is on UIO (no IOMMU) or on VFIO without an
 * IOMMU; VA when they are all on VFIO with one.
 */
static enum rte_iova_mode
pci_get_iommu_class(void)
{
	struct rte_pci_driver *drv;
	struct rte_pci_device *dev;
	bool uio = false, vfio = false;

	pthread_mutex_lock(&pci_lock);
	TAILQ_FOREACH(dev, &pci_devices, next) {
		TAILQ_FOREACH(drv, &pci_drivers, next) {
			if (pci_match_id(drv->id_table, &dev->id) != NULL)
				break;
		}
		if (drv == NULL || !allowed(PCI_PRIV(dev)))
			continue;
		uio |= dev->kdrv == RTE_PCI_KDRV_IGB_UIO || dev->kdrv == RTE_PCI_KDRV_UIO_GENERIC;
		vfio |= dev->kdrv == RTE_PCI_KDRV_VFIO;
	}
	pthread_mutex_unlock(&pci_lock);
	if (uio || (vfio && pci_vfio_noiommu()))
		return RTE_IOVA_PA;
	return vfio ? RTE_IOVA_VA : RTE_IOVA_DC;
}

static int
pci_dma(bool map, struct rte_device *device, void *addr, uint64_t iova, size_t len)
{
	struct rte_pci_device *dev = RTE_DEV_TO_PCI(device);
	struct rte_pci_driver *drv = dev->driver;

	if (drv != NULL && map && drv->dma_map != NULL)
		return drv->dma_map(dev, addr, iova, len);
	if (drv != NULL && !map && drv->dma_unmap != NULL)
		return drv->dma_unmap(dev, addr, iova, len);
	if (dev->kdrv == RTE_PCI_KDRV_VFIO)
		return pci_vfio_dma(map, (uintptr_t)addr, iova, len);
	PCI_LOG(ERR, "%s: cannot %s DMA memory: not on VFIO and its driver has no dma_%s\n",
		dev->name, map ? "map" : "unmap", map ? "map" : "unmap");
	rte_errno = ENOTSUP;
	return -ENOTSUP;
}

static int
pci_dma_map(struct rte_device *device, void *addr, uint64_t iova, size_t len)
{
	return pci_dma(true, device, addr, iova, len);
}

static int
pci_dma_unmap(struct rte_device *device, void *addr, uint64_t iova, size_t len)
{
	return pci_dma(false, device, addr, iova, len);
}

/* The kernel says the device is gone: accesses to its BARs must not fault. */
static int
pci_hot_unplug_handler(struct rte_device *device)
{
	struct pci_device *pd = PCI_PRIV(RTE_DEV_TO_PCI(device));

	pthread_mutex_lock(&pci_lock);
	pci_maps_fail(pd);
	pthread_mutex_unlock(&pci_lock);
	PCI_LOG(NOTICE, "%s was removed: its BARs now read as zeros\n", pd->dev.name);
	return 0;
}

/* In a SIGBUS handler: no lock, no logging. */
static int
pci_sigbus_handler(const void *failure_addr)
{
	struct pci_device *pd = pci_maps_find(failure_addr);

	if (pd == NULL)
		return 1;
	pci_maps_fail(pd);
	return 0;
}

void
rte_pci_dump(FILE *f)
{
	struct rte_pci_device *dev;
	int i;

	if (f == NULL)
		return;
	pthread_mutex_lock(&pci_lock);
	TAILQ_FOREACH(dev, &pci_devices, next) {
		fprintf(f, "%s %04x:%04x (subsystem %04x:%04x, class %06x) numa %d, %s%s%s\n",
			dev->name, dev->id.vendor_id, dev->id.device_id,
			dev->id.subsystem_vendor_id, dev->id.subsystem_device_id,
			dev->id.class_id, dev->device.numa_node, kdrv_name(dev->kdrv),
			dev->driver != NULL ? ", driven by " : "",
			dev->driver != NULL ? dev->driver->driver.name : "");
		for (i = 0; i < PCI_MAX_RESOURCE; i++) {
			if (dev->mem_resource[i].len == 0)
				continue;
			fprintf(f, "   BAR%d 0x%" PRIx64 " %" PRIu64 " bytes, mapped at %p\n", i,
				dev->mem_resource[i].phys_addr, dev->mem_resource[i].len,
				dev->mem_resource[i].addr);
		}
	}
	pthread_mutex_unlock(&pci_lock);
}

struct rte_bus pci_bus = {
	.scan = pci_scan,
	.probe = pci_probe,
	.find_device = pci_find_device,
	.plug = pci_plug,
	.unplug = pci_unplug,
	.parse = pci_parse,
	.devargs_parse = pci_devargs_parse,
	.dma_map = pci_dma_map,
	.dma_unmap = pci_dma_unmap,
	.get_iommu_class = pci_get_iommu_class,
	.dev_iterate = pci_dev_iterate,
	.hot_unplug_handler = pci_hot_unplug_handler,
	.sigbus_handler = pci_sigbus_handler,
	.cleanup = pci_cleanup,
};

RTE_REGISTER_BUS(pci, pci_bus);
