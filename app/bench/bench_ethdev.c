/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Ethdev fast path: packets per second through a net_null port on one
 * core, each round an Rx burst of 32 (mbufs allocated) and a Tx burst of
 * the same 32 (mbufs freed), without and with copy=1. Medians over
 * repeated runs.
 */

#include <stdio.h>

#include <rte_bus_vdev.h>
#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "bench.h"

#define RUNS 21
#define ROUNDS 20000
#define BURST 32

/* Median Mpps of ROUNDS rx + tx bursts; -1 when the port drops packets. */
static double
rx_tx(uint16_t port_id)
{
	static double mpps[RUNS];
	struct rte_mbuf *pkts[BURST];
	unsigned int run, i;
	uint64_t pkts_done;

	for (run = 0; run < RUNS; run++) {
		uint64_t start = rte_rdtsc_precise();

		pkts_done = 0;
		for (i = 0; i < ROUNDS; i++) {
			uint16_t n = rte_eth_rx_burst(port_id, 0, pkts, BURST);

			if (rte_eth_tx_burst(port_id, 0, pkts, n) != n)
				return -1;
			pkts_done += n;
		}
		mpps[run] = (double)pkts_done * 1e3 /
			    ((double)(rte_rdtsc_precise() - start) * bench_ns_per_cycle());
	}
	return bench_median(mpps, RUNS);
}

/* A started net_null port with one queue pair; its id, or -1. */
static int
null_port(const char *name, const char *args, struct rte_mempool *mp)
{
	const struct rte_eth_conf conf = { 0 };
	uint16_t port_id;

	if (rte_vdev_init(name, args) != 0 || rte_eth_dev_get_port_by_name(name, &port_id) != 0)
		return -1;
	if (rte_eth_dev_configure(port_id, 1, 1, &conf) != 0 ||
	    rte_eth_rx_queue_setup(port_id, 0, 0, SOCKET_ID_ANY, NULL, mp) != 0 ||
	    rte_eth_tx_queue_setup(port_id, 0, 0, SOCKET_ID_ANY, NULL) != 0 ||
	    rte_eth_dev_start(port_id) != 0) {
		rte_vdev_uninit(name);
		return -1;
	}
	return port_id;
}

static int
bench_ethdev(void)
{
	static const struct {
		const char *figure;
		const char *devargs;
	} kinds[] = {
		{ "net_null rx+tx burst 32", NULL },
		{ "net_null rx+tx burst 32, copy=1", "copy=1" },
	};
	struct rte_mempool *mp;
	unsigned int k;
	double v;
	int port_id;

	if (bench_eal_init_once() != 0)
		return -1;
	mp = rte_pktmbuf_pool_create("bench_ethdev", 8191, 256, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
				     SOCKET_ID_ANY);
	if (mp == NULL)
		return -1;
	for (k = 0; k < RTE_DIM(kinds); k++) {
		port_id = null_port("net_null_bench", kinds[k].devargs, mp);
		if (port_id < 0)
			break;
		v = rx_tx((uint16_t)port_id);
		rte_eth_dev_stop((uint16_t)port_id);
		rte_vdev_uninit("net_null_bench");
		if (v < 0)
			break;
		bench_report(kinds[k].figure, v, "Mpps");
	}
	rte_mempool_free(mp);
	return k == RTE_DIM(kinds) ? 0 : -1;
}
REGISTER_BENCH(ethdev, bench_ethdev);
