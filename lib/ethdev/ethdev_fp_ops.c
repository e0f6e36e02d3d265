/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * This process's fast-path table (rte_ethdev_core.h). An entry that is not
 * live holds dummies, so that a burst on a stopped or released port
 * returns 0 instead of jumping through a stale pointer.
 *
 * Bursting on a port while it is being started, stopped or released is
 * the application's error, as in DPDK; the store order below only makes
 * the window narrower: a live function is published after its queue
 * table, and withdrawn before it.
 */

#include <rte_common.h>

#include "ethdev_private.h"

struct rte_eth_fp_ops rte_eth_fp_ops[RTE_MAX_ETHPORTS];

/* The queue table of every dummy entry: NULL for any queue id. */
static void *no_queues[RTE_MAX_QUEUES_PER_PORT];

uint16_t
rte_eth_pkt_burst_dummy(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts)
{
	RTE_SET_USED(queue);
	RTE_SET_USED(pkts);
	RTE_SET_USED(nb_pkts);
	return 0;
}

void
eth_dev_fp_ops_reset(uint16_t port_id)
{
	struct rte_eth_fp_ops *p = &rte_eth_fp_ops[port_id];

	__atomic_store_n(&p->rx_pkt_burst, rte_eth_pkt_burst_dummy, __ATOMIC_RELEASE);
	__atomic_store_n(&p->tx_pkt_burst, rte_eth_pkt_burst_dummy, __ATOMIC_RELEASE);
	__atomic_store_n(&p->tx_pkt_prepare, NULL, __ATOMIC_RELEASE);
	__atomic_store_n(&p->rxq.data, no_queues, __ATOMIC_RELEASE);
	__atomic_store_n(&p->txq.data, no_queues, __ATOMIC_RELEASE);
}

void
eth_dev_fp_ops_setup(struct rte_eth_dev *dev)
{
	struct rte_eth_fp_ops *p = &rte_eth_fp_ops[eth_dev_id(dev)];

	__atomic_store_n(&p->rxq.data, dev->data->rx_queues, __ATOMIC_RELEASE);
	__atomic_store_n(&p->txq.data, dev->data->tx_queues, __ATOMIC_RELEASE);
	__atomic_store_n(&p->tx_pkt_prepare, dev->tx_pkt_prepare, __ATOMIC_RELEASE);
	__atomic_store_n(&p->rx_pkt_burst,
			 dev->rx_pkt_burst != NULL ? dev->rx_pkt_burst : rte_eth_pkt_burst_dummy,
			 __ATOMIC_RELEASE);
	__atomic_store_n(&p->tx_pkt_burst,
			 dev->tx_pkt_burst != NULL ? dev->tx_pkt_burst : rte_eth_pkt_burst_dummy,
			 __ATOMIC_RELEASE);
}

RTE_INIT(eth_dev_fp_ops_init)
{
	uint16_t i;

	for (i = 0; i < RTE_MAX_ETHPORTS; i++)
		eth_dev_fp_ops_reset(i);
}
