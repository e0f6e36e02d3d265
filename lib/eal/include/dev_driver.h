/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _DEV_DRIVER_H_
#define _DEV_DRIVER_H_

/**
 * @file
 * What drivers and buses see of devices and drivers (DPDK 22.11's driver
 * SDK header). Applications use the accessors of rte_dev.h.
 */

#include <stdbool.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_dev.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_driver {
	TAILQ_ENTRY(rte_driver) next;
	const char *name;
	const char *alias;
};

/** Embedded in each bus's own device structure; process-local. */
struct rte_device {
	TAILQ_ENTRY(rte_device) next;
	const char *name;
	const char *bus_info;
	const struct rte_driver *driver;   /**< NULL until probed */
	const struct rte_bus *bus;
	int numa_node;
	struct rte_devargs *devargs;
};

/**
 * Whether the calling thread runs a multi-process hotplug operation
 * (rte_dev_probe(), rte_dev_remove() and their rte_eal_hotplug_* forms),
 * so that a driver's probe or remove may attach or detach other devices
 * with rte_dev_probe()/rte_dev_remove() as part of that operation, in
 * every process. Elsewhere (EAL init with --vdev, rte_vdev_init(),
 * rte_vdev_uninit(), cleanup) a nested operation is not possible: the
 * hotplug machinery is not running, or the caller holds the bus lock the
 * nested operation needs.
 */
bool rte_dev_hotplug_nestable(void);

#ifdef __cplusplus
}
#endif

#endif /* _DEV_DRIVER_H_ */
