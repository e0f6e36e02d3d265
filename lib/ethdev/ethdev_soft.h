/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _ETHDEV_SOFT_H_
#define _ETHDEV_SOFT_H_

/**
 * @file
 * What the software PMDs (net_null, net_ring, net_pcap, net_af_packet,
 * net_tap, net_bonding) share: operations of a port whose link is a
 * software state, counters kept per queue, devargs read key by key.
 * Driver-facing and Lockstep's own: not part of the DPDK API.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <ethdev_driver.h>
#include <rte_kvargs.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Set the link as the software ports have it: 10 Gbps, full duplex,
 * fixed; up or down. As rte_eth_linkstatus_notify(): a change fires
 * RTE_ETH_EVENT_INTR_LSC when the application asked for link interrupts;
 * 0 when the link changed, -1 when it was so already.
 */
int rte_eth_soft_link_set(struct rte_eth_dev *dev, bool up);

/*
 * Operations of a port whose link is only a state: dev_start and
 * dev_set_link_up bring it up, dev_stop and dev_set_link_down down.
 */
int rte_eth_soft_link_up(struct rte_eth_dev *dev);
int rte_eth_soft_link_down(struct rte_eth_dev *dev);

/** link_update: -1, the link is whatever start, stop and set_link made it. */
int rte_eth_soft_link_update(struct rte_eth_dev *dev, int wait_to_complete);

/**
 * An operation with nothing to do, for dev_configure, dev_close, and the
 * receive modes of a port that takes every packet anyway.
 */
int rte_eth_soft_noop(struct rte_eth_dev *dev);

/** mac_addr_set and mtu_set of a port that has no hardware to tell. */
int rte_eth_soft_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *mac_addr);
int rte_eth_soft_mtu_set(struct rte_eth_dev *dev, uint16_t mtu);

/**
 * dev_infos_get, the part every software port shares: one MAC address,
 * up to nb_rx Rx and nb_tx Tx queues, frames up to max_rx_pktlen,
 * multi-segment Tx, 10 Gbps fixed. The PMD adds what is its own.
 */
void rte_eth_soft_infos(struct rte_eth_dev_info *info, uint32_t max_rx_pktlen, uint16_t nb_rx,
			uint16_t nb_tx);

/**
 * A queue's counters, in the queue (shared memory): the one thread that
 * polls the queue, in whichever process, adds to them; stats_get reads.
 */
struct rte_eth_soft_qstats {
	uint64_t pkts;
	uint64_t bytes;
	uint64_t errs;     /**< Rx: frames received but not given; Tx: packets dropped */
	uint64_t nombuf;   /**< Rx: packets lost for want of mbufs */
};

/** Where a PMD keeps the counters of its Rx (rx) or Tx queue q; NULL for none. */
typedef struct rte_eth_soft_qstats *(*rte_eth_soft_qstats_of_t)(struct rte_eth_dev *dev,
								bool rx, uint16_t q);

/**
 * stats_get over the counters of Rx queues 0 to nb_rx - 1 and Tx queues
 * 0 to nb_tx - 1: the totals, and for the first RTE_ETHDEV_QUEUE_STAT_CNTRS
 * queues each queue's (q_errors: the Rx queues' errors).
 */
void rte_eth_soft_stats_sum(struct rte_eth_dev *dev, struct rte_eth_stats *stats,
			    uint16_t nb_rx, uint16_t nb_tx, rte_eth_soft_qstats_of_t qstats_of);

/** stats_reset: zero the counters of the same queues. */
void rte_eth_soft_stats_zero(struct rte_eth_dev *dev, uint16_t nb_rx, uint16_t nb_tx,
			     rte_eth_soft_qstats_of_t qstats_of);

/**
 * A number in a devargs value: digits only, in base (as strtoul(); 0:
 * decimal, 0x hexadecimal or 0 octal), at most max. 0 and the number in
 * *out, or -1 for a value that is not one.
 */
int rte_eth_soft_arg_uint(const char *value, int base, unsigned long max, unsigned long *out);

/** A devargs key of a PMD, for rte_eth_soft_args_parse(). */
struct rte_eth_soft_arg {
	const char *key;
	arg_handler_t handler;   /**< a negative return: a value the key does not take */
	const char *takes;       /**< what the key takes, for the log line */
};

/**
 * Read devargs args (NULL or "": nothing to read) whose keys are those of
 * keys[nb]: the values of each key through its handler (with opaque), key
 * after key in the order of keys[], each key at most once when once. 0, or
 * -EINVAL and what is wrong in why[size] for the PMD's log line: "the keys
 * are a, b and c" (or "the only key is a"), or "a takes <takes>[, once]".
 */
int rte_eth_soft_args_parse(const char *args, const struct rte_eth_soft_arg *keys,
			    unsigned int nb, bool once, void *opaque, char *why, size_t size);

#ifdef __cplusplus
}
#endif

#endif /* _ETHDEV_SOFT_H_ */
