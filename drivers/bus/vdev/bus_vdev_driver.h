/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _BUS_VDEV_DRIVER_H_
#define _BUS_VDEV_DRIVER_H_

/**
 * @file
 * Virtual device drivers (DPDK 22.11 driver SDK header). A driver
 * registers with RTE_PMD_REGISTER_VDEV(name, drv); a device whose name
 * starts with the driver's name (or alias) is probed by it.
 */

#include <sys/queue.h>

#include <rte_bus_vdev.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <dev_driver.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_vdev_device {
	TAILQ_ENTRY(rte_vdev_device) next;
	struct rte_device device;
};

#define RTE_DEV_TO_VDEV(ptr) container_of(ptr, struct rte_vdev_device, device)
#define RTE_DEV_TO_VDEV_CONST(ptr) container_of(ptr, const struct rte_vdev_device, device)
#define RTE_DRV_TO_VDRV(ptr) container_of(ptr, struct rte_vdev_driver, driver)
#define RTE_DRV_TO_VDRV_CONST(ptr) container_of(ptr, const struct rte_vdev_driver, driver)

static inline const char *
rte_vdev_device_name(const struct rte_vdev_device *dev)
{
	if (dev != NULL && dev->device.name != NULL)
		return dev->device.name;
	return NULL;
}

/** The device's arguments ("key=value,..."), "" when none. */
static inline const char *
rte_vdev_device_args(const struct rte_vdev_device *dev)
{
	if (dev != NULL && dev->device.devargs != NULL)
		return dev->device.devargs->args;
	return "";
}

typedef int (rte_vdev_probe_t)(struct rte_vdev_device *dev);
typedef int (rte_vdev_remove_t)(struct rte_vdev_device *dev);
typedef int (rte_vdev_dma_map_t)(struct rte_vdev_device *dev, void *addr, uint64_t iova,
				 size_t len);
typedef int (rte_vdev_dma_unmap_t)(struct rte_vdev_device *dev, void *addr, uint64_t iova,
				   size_t len);

struct rte_vdev_driver {
	TAILQ_ENTRY(rte_vdev_driver) next;
	struct rte_driver driver;
	rte_vdev_probe_t *probe;
	rte_vdev_remove_t *remove;
	rte_vdev_dma_map_t *dma_map;
	rte_vdev_dma_unmap_t *dma_unmap;
	uint32_t drv_flags;
};

/** The driver can be probed with IOVA as VA. */
#define RTE_VDEV_DRV_NEED_IOVA_AS_VA 0x0001

void rte_vdev_register(struct rte_vdev_driver *driver);
void rte_vdev_unregister(struct rte_vdev_driver *driver);

#define RTE_PMD_REGISTER_VDEV(nm, vdrv) \
static const char *vdrvinit_ ## nm ## _alias; \
RTE_INIT(vdrvinitfn_ ##vdrv) \
{ \
	(vdrv).driver.name = RTE_STR(nm); \
	(vdrv).driver.alias = vdrvinit_ ## nm ## _alias; \
	rte_vdev_register(&vdrv); \
} \
RTE_PMD_EXPORT_NAME(nm, __COUNTER__)

#define RTE_PMD_REGISTER_ALIAS(nm, alias) \
static const char *vdrvinit_ ## nm ## _alias = RTE_STR(alias)

#ifdef __cplusplus
}
#endif

#endif /* _BUS_VDEV_DRIVER_H_ */
