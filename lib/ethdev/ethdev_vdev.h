/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _ETHDEV_VDEV_H_
#define _ETHDEV_VDEV_H_

/**
 * @file
 * Ports of virtual devices (DPDK 22.11's ethdev_vdev.h), for vdev PMDs.
 */

#include <errno.h>
#include <stddef.h>

#include <bus_vdev_driver.h>
#include <ethdev_driver.h>
#include <rte_common.h>
#include <rte_errno.h>
#include <rte_malloc.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * In the primary's probe: allocate the port of a vdev, named after it,
 * with private_data_size zeroed bytes of dev_private in the shared heap
 * (none when 0), its device and NUMA node set. NULL after a log line.
 */
static inline struct rte_eth_dev *
rte_eth_vdev_allocate(struct rte_vdev_device *dev, size_t private_data_size)
{
	const char *name = rte_vdev_device_name(dev);
	struct rte_eth_dev *eth_dev = rte_eth_dev_allocate(name);

	if (eth_dev == NULL)
		return NULL;
	if (private_data_size != 0) {
		eth_dev->data->dev_private = rte_zmalloc_socket(name, private_data_size,
								RTE_CACHE_LINE_SIZE,
								dev->device.numa_node);
		if (eth_dev->data->dev_private == NULL) {
			RTE_ETHDEV_LOG(ERR, "%s: no memory for %zu bytes of port data\n", name,
				       private_data_size);
			rte_eth_dev_release_port(eth_dev);
			rte_errno = ENOMEM;
			return NULL;
		}
	}
	eth_dev->device = &dev->device;
	eth_dev->intr_handle = NULL;
	eth_dev->data->numa_node = dev->device.numa_node;
	return eth_dev;
}

#ifdef __cplusplus
}
#endif

#endif /* _ETHDEV_VDEV_H_ */
