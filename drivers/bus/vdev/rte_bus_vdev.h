/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_BUS_VDEV_H_
#define _RTE_BUS_VDEV_H_

/**
 * @file
 * The vdev bus: virtual devices made from devargs (DPDK 22.11 API).
 * rte_vdev_init and rte_vdev_uninit act in this process only; use
 * rte_dev_probe / rte_eal_hotplug_add for the whole group.
 */

#ifdef __cplusplus
extern "C" {
#endif

/** Create and probe a virtual device in this process. 0 or a negative errno (-EEXIST). */
int rte_vdev_init(const char *name, const char *args);

/** Remove a virtual device from this process. 0 or a negative errno (-ENOENT). */
int rte_vdev_uninit(const char *name);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_BUS_VDEV_H_ */
