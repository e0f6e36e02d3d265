/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_ETH_RING_H_
#define _RTE_ETH_RING_H_

/**
 * @file
 * net_ring: ports over rte_rings (DPDK 22.11 API). Rx queue i dequeues
 * from its ring, Tx queue i enqueues to its ring; a port whose Rx and Tx
 * rings are the same is a loopback. The rings are in shared memory, so
 * every process of the group may burst on the port.
 *
 * As a vdev: "net_ringN,nodeaction=NAME:NODE:CREATE|ATTACH[,nodeaction=...]",
 * each nodeaction one Rx/Tx queue pair over the ring NAME, which CREATE
 * makes (on NUMA node NODE; freed with the port) and ATTACH finds; without
 * devargs, one queue pair over a new ring named after the device.
 */

#include <rte_ring.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Make a port "net_ring_<name>" in this process over existing rings: Rx
 * queue i over rx_queues[i], Tx queue i over tx_queues[i] (at most 16 of
 * each). The rings stay the caller's. In a secondary, this attaches to the
 * primary's port of that name. Returns the port id, or -1 with rte_errno
 * set (EINVAL, EEXIST, ENOMEM, ENODEV).
 */
int rte_eth_from_rings(const char *name, struct rte_ring *const rx_queues[],
		       const unsigned int nb_rx_queues, struct rte_ring *const tx_queues[],
		       const unsigned int nb_tx_queues, const unsigned int numa_node);

/** A loopback port over one ring: rte_eth_from_rings(r->name, &r, 1, &r, 1, its node). */
int rte_eth_from_ring(struct rte_ring *r);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ETH_RING_H_ */
