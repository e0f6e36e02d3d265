/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_ETHDEV_CORE_H_
#define _RTE_ETHDEV_CORE_H_

/**
 * @file
 * The fast-path table behind the inline rte_eth_rx_burst() and
 * rte_eth_tx_burst(); included by rte_ethdev.h, not by applications.
 *
 * rte_eth_fp_ops[] is per process: function pointers mean nothing in
 * another process. Its queue arrays point into shared memory (the port's
 * data->rx_queues and tx_queues, fixed for the port's whole life), so a
 * process sees queues set up by any other. An entry holds dummies (bursts
 * of 0 packets over a table of NULL queues) unless the port is usable in
 * this process: from its start here, or from its probe in a secondary,
 * until its stop or release here.
 */

#include <stdint.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_mbuf;

typedef uint16_t (*eth_rx_burst_t)(void *rxq, struct rte_mbuf **rx_pkts, uint16_t nb_pkts);
typedef uint16_t (*eth_tx_burst_t)(void *txq, struct rte_mbuf **tx_pkts, uint16_t nb_pkts);
typedef uint16_t (*eth_tx_prep_t)(void *txq, struct rte_mbuf **tx_pkts, uint16_t nb_pkts);

/** A port's queues as the fast path sees them. */
struct rte_ethdev_qdata {
	void **data;   /**< RTE_MAX_QUEUES_PER_PORT queue pointers */
};

struct rte_eth_fp_ops {
	eth_rx_burst_t rx_pkt_burst;
	struct rte_ethdev_qdata rxq;
	eth_tx_burst_t tx_pkt_burst;
	eth_tx_prep_t tx_pkt_prepare;
	struct rte_ethdev_qdata txq;
} __rte_cache_aligned;

extern struct rte_eth_fp_ops rte_eth_fp_ops[RTE_MAX_ETHPORTS];

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ETHDEV_CORE_H_ */
