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

#ifdef __cplusplus
}
#endif

#endif /* _DEV_DRIVER_H_ */
