/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _ETHDEV_VDEV_H_
#define _ETHDEV_VDEV_H_

/**
 * @file
 * Ports of virtual devices (DPDK 22.11's ethdev_vdev.h), for vdev PMDs,
 * and the probe and remove that Lockstep's vdev PMDs share (the rest of
 * what they share is in ethdev_soft.h).
 */

#include <errno.h>
#include <stddef.h>

#include <bus_vdev_driver.h>
#include <ethdev_driver.h>
#include <rte_common.h>
#include <rte_eal.h>
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

/**
 * A vdev PMD's probe. In the primary: primary(). In a secondary: attach
 * to the primary's port (rte_eth_dev_attach_secondary()), set its device,
 * have local() make this process's part of it (its dev_ops, burst
 * functions, process_private) and finish the probe; when local() fails (a
 * negative errno, after its log line), the port is released here again.
 * -EEXIST (the name taken, or the port attached here already) becomes
 * -EBUSY: the vdev bus reads -EEXIST as "probed already" and would keep
 * the device.
 */
static inline int
rte_eth_vdev_probe(struct rte_vdev_device *dev, int (*primary)(struct rte_vdev_device *dev),
		   int (*local)(struct rte_eth_dev *eth_dev))
{
	struct rte_eth_dev *eth_dev;
	int ret;

	if (rte_eal_process_type() != RTE_PROC_SECONDARY) {
		ret = primary(dev);
	} else {
		eth_dev = rte_eth_dev_attach_secondary(rte_vdev_device_name(dev));
		if (eth_dev == NULL) {
			ret = rte_errno > 0 ? -rte_errno : -ENODEV;
		} else {
			eth_dev->device = &dev->device;
			ret = local(eth_dev);
			if (ret < 0)
				rte_eth_dev_release_port_private(eth_dev);
			else
				rte_eth_dev_probing_finish(eth_dev);
		}
	}
	return ret == -EEXIST ? -EBUSY : ret;
}

/**
 * In the primary's probe: rte_eth_vdev_allocate() and the port's one MAC
 * address (zeroed, for the PMD to set), its data on numa_node. 0 and the
 * port in *out, or a negative errno after a log line.
 */
static inline int
rte_eth_vdev_port_create(struct rte_vdev_device *dev, size_t private_data_size, int numa_node,
			 struct rte_eth_dev **out)
{
	const char *name = rte_vdev_device_name(dev);
	struct rte_eth_dev *eth_dev = rte_eth_vdev_allocate(dev, private_data_size);

	if (eth_dev == NULL)
		return rte_errno > 0 ? -rte_errno : -ENOMEM;
	eth_dev->data->numa_node = numa_node;
	eth_dev->data->mac_addrs = rte_zmalloc_socket(name, sizeof(struct rte_ether_addr), 0,
						      numa_node);
	if (eth_dev->data->mac_addrs == NULL) {
		RTE_ETHDEV_LOG(ERR, "%s: no memory for its MAC address\n", name);
		rte_eth_dev_release_port(eth_dev);
		return -ENOMEM;
	}
	*out = eth_dev;
	return 0;
}

/**
 * A vdev PMD's remove: release the vdev's port in this process, and in
 * the primary its shared entry (the multi-process detach removes the
 * device from every secondary first). The port's process_private goes
 * into *local (when local is not NULL; NULL when there was no port) for
 * the PMD to free afterwards: the port's DESTROY has stopped this
 * process's pollers by then. 0 when the port was closed already.
 */
static inline int
rte_eth_vdev_release(struct rte_vdev_device *dev, void **local)
{
	struct rte_eth_dev *eth_dev = rte_eth_dev_allocated(rte_vdev_device_name(dev));

	if (local != NULL)
		*local = eth_dev != NULL ? eth_dev->process_private : NULL;
	if (eth_dev == NULL)
		return 0;
	return rte_eth_dev_release_port(eth_dev);
}

#ifdef __cplusplus
}
#endif

#endif /* _ETHDEV_VDEV_H_ */
