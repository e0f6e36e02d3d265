/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _BUS_DRIVER_H_
#define _BUS_DRIVER_H_

/**
 * @file
 * The bus structure and its operations, for bus drivers (DPDK 22.11's
 * driver SDK header). A bus fills a struct rte_bus and registers it with
 * RTE_REGISTER_BUS; the EAL never names a bus.
 */

#include <sys/queue.h>

#include <rte_bus.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <dev_driver.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Find the devices of the bus; 0 or a negative errno. */
typedef int (*rte_bus_scan_t)(void);

/** Probe every device of the bus that has a driver and is allowed. */
typedef int (*rte_bus_probe_t)(void);

/** The first device after start (NULL: the first) for which cmp(dev, data) is 0. */
typedef struct rte_device *(*rte_bus_find_device_t)(const struct rte_device *start,
						     rte_dev_cmp_t cmp, const void *data);

/** Probe one device (hotplug); 0, or a negative errno. */
typedef int (*rte_bus_plug_t)(struct rte_device *dev);

/** Remove one device (hotplug): its driver's remove, then forget it. */
typedef int (*rte_bus_unplug_t)(struct rte_device *dev);

/** 0 when name is a device name of this bus, with its canonical form in addr if not NULL. */
typedef int (*rte_bus_parse_t)(const char *name, void *addr);

/** Check the arguments of devargs that belong to this bus. */
typedef int (*rte_bus_devargs_parse_t)(struct rte_devargs *da);

typedef int (*rte_dev_dma_map_t)(struct rte_device *dev, void *addr, uint64_t iova,
				 size_t len);
typedef int (*rte_dev_dma_unmap_t)(struct rte_device *dev, void *addr, uint64_t iova,
				   size_t len);

typedef enum rte_iova_mode (*rte_bus_get_iommu_class_t)(void);

/** A device was removed under us (kernel event): fail it safely. */
typedef int (*rte_bus_hot_unplug_handler_t)(struct rte_device *dev);

/** SIGBUS at addr: 0 when it was this bus's device memory (now handled). */
typedef int (*rte_bus_sigbus_handler_t)(const void *failure_addr);

/** Release every device at EAL cleanup. */
typedef int (*rte_bus_cleanup_t)(void);

enum rte_bus_scan_mode {
	RTE_BUS_SCAN_UNDEFINED,
	RTE_BUS_SCAN_ALLOWLIST,
	RTE_BUS_SCAN_BLOCKLIST,
};

struct rte_bus_conf {
	enum rte_bus_scan_mode scan_mode;
};

struct rte_bus {
	TAILQ_ENTRY(rte_bus) next;
	const char *name;
	rte_bus_scan_t scan;
	rte_bus_probe_t probe;
	rte_bus_find_device_t find_device;
	rte_bus_plug_t plug;
	rte_bus_unplug_t unplug;
	rte_bus_parse_t parse;
	rte_bus_devargs_parse_t devargs_parse;
	rte_dev_dma_map_t dma_map;
	rte_dev_dma_unmap_t dma_unmap;
	struct rte_bus_conf conf;
	rte_bus_get_iommu_class_t get_iommu_class;
	rte_dev_iterate_t dev_iterate;
	rte_bus_hot_unplug_handler_t hot_unplug_handler;
	rte_bus_sigbus_handler_t sigbus_handler;
	rte_bus_cleanup_t cleanup;
};

void rte_bus_register(struct rte_bus *bus);
void rte_bus_unregister(struct rte_bus *bus);

#define RTE_REGISTER_BUS(nm, bus) \
RTE_INIT_PRIO(businitfn_ ##nm, BUS) \
{ \
	(bus).name = RTE_STR(nm); \
	rte_bus_register(&bus); \
}

/**
 * For buses: whether a device named name may be probed, given the
 * allow/block lists (-a/-b) and the bus's scan mode.
 */
bool rte_bus_device_allowed(const struct rte_bus *bus, const char *name);

/**
 * For a bus's dev_iterate: the device of bus after start (NULL: the first)
 * that cmp accepts, cmp getting the struct rte_kvargs parsed from str with
 * valid_keys, or NULL when str is NULL or empty.
 *
 * @return
 *   0 with *dev set (NULL when no device matches), or -EINVAL with rte_errno
 *   set when str is not a list of valid_keys (the bus logs it, naming them).
 */
int rte_bus_find_device_kvargs(const struct rte_bus *bus, const struct rte_device *start,
			       const char *str, const char *const valid_keys[],
			       rte_dev_cmp_t cmp, struct rte_device **dev);

#ifdef __cplusplus
}
#endif

#endif /* _BUS_DRIVER_H_ */
