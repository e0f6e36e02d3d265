/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Port set-up. Only the primary configures the ports: their configuration
 * and queues are shared by the group, so a secondary finds them ready and
 * only checks that they have a queue for every process.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include <rte_debug.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>

#include "symmetric_mp.h"

#define MBUF_POOL "symmetric_mp_mbufs"
#define RX_DESC 1024
#define TX_DESC 1024
#define MBUF_CACHE 256
/* What one queue pair may hold at once: full rings, a burst, a cache. */
#define MBUFS_PER_QUEUE (RX_DESC + TX_DESC + BURST_SIZE + MBUF_CACHE)

static struct rte_mempool *
pool_create(const struct app_config *cfg)
{
	unsigned int n = cfg->nb_ports * cfg->num_procs * MBUFS_PER_QUEUE;
	struct rte_mempool *mp;

	mp = rte_pktmbuf_pool_create(MBUF_POOL, n, MBUF_CACHE, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
				     rte_socket_id());
	if (mp == NULL)
		rte_exit(EXIT_FAILURE,
			 "cannot create the pool of %u mbufs: %s (more memory: -m MB)\n", n,
			 rte_strerror(rte_errno));
	return mp;
}

static void
port_setup(uint16_t port, unsigned int nb_queues, struct rte_mempool *mp)
{
	char link_text[RTE_ETH_LINK_MAX_STR_LEN];
	struct rte_eth_conf conf = { 0 };
	uint16_t nb_rxd = RX_DESC, nb_txd = TX_DESC;
	struct rte_eth_dev_info info;
	struct rte_eth_link link;
	int socket = rte_eth_dev_socket_id(port);
	uint16_t q;
	int ret;

	ret = rte_eth_dev_info_get(port, &info);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "port %u: cannot get its information: %s\n", port,
			 rte_strerror(-ret));
	if (info.max_rx_queues < nb_queues || info.max_tx_queues < nb_queues)
		rte_exit(EXIT_FAILURE,
			 "port %u (%s) allows %u Rx and %u Tx queues, %u processes need %u%s\n",
			 port, info.driver_name, info.max_rx_queues, info.max_tx_queues, nb_queues,
			 nb_queues, " (net_ring with nodeaction devargs: one per queue)");
	ret = rte_eth_dev_configure(port, (uint16_t)nb_queues, (uint16_t)nb_queues, &conf);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "port %u: cannot configure %u queue pairs: %s\n", port,
			 nb_queues, rte_strerror(-ret));
	ret = rte_eth_dev_adjust_nb_rx_tx_desc(port, &nb_rxd, &nb_txd);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "port %u: cannot fit its ring sizes: %s\n", port,
			 rte_strerror(-ret));
	for (q = 0; q < nb_queues; q++) {
		ret = rte_eth_rx_queue_setup(port, q, nb_rxd, (unsigned int)socket, NULL, mp);
		if (ret < 0)
			rte_exit(EXIT_FAILURE, "port %u: cannot set up Rx queue %u: %s\n", port, q,
				 rte_strerror(-ret));
		ret = rte_eth_tx_queue_setup(port, q, nb_txd, (unsigned int)socket, NULL);
		if (ret < 0)
			rte_exit(EXIT_FAILURE, "port %u: cannot set up Tx queue %u: %s\n", port, q,
				 rte_strerror(-ret));
	}
	/* Forwarding takes every frame, whatever its destination address. */
	ret = rte_eth_promiscuous_enable(port);
	if (ret < 0 && ret != -ENOTSUP)
		rte_exit(EXIT_FAILURE, "port %u: cannot enable promiscuous mode: %s\n", port,
			 rte_strerror(-ret));
	ret = rte_eth_dev_start(port);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "port %u: cannot start: %s\n", port, rte_strerror(-ret));
	ret = rte_eth_link_get_nowait(port, &link);
	if (ret < 0)
		snprintf(link_text, sizeof(link_text), "link unknown: %s", rte_strerror(-ret));
	else
		rte_eth_link_to_str(link_text, sizeof(link_text), &link);
	printf("port %u: %u queue pairs, %s\n", port, nb_queues, link_text);
}

void
ports_setup(const struct app_config *cfg)
{
	struct rte_mempool *mp = pool_create(cfg);
	uint16_t i;

	for (i = 0; i < cfg->nb_ports; i++)
		port_setup(cfg->ports[i], cfg->num_procs, mp);
}

void
ports_check(const struct app_config *cfg)
{
	struct rte_eth_dev_info info;
	uint16_t i, port;
	int ret;

	for (i = 0; i < cfg->nb_ports; i++) {
		port = cfg->ports[i];
		ret = rte_eth_dev_info_get(port, &info);
		if (ret < 0)
			rte_exit(EXIT_FAILURE, "port %u: cannot get its information: %s\n", port,
				 rte_strerror(-ret));
		if (info.nb_rx_queues != cfg->num_procs || info.nb_tx_queues != cfg->num_procs)
			rte_exit(EXIT_FAILURE,
				 "port %u has %u Rx and %u Tx queues, --num-procs %u needs %u%s\n",
				 port, info.nb_rx_queues, info.nb_tx_queues, cfg->num_procs,
				 cfg->num_procs, ": give every process the primary's --num-procs");
	}
}

void
ports_stop(const struct app_config *cfg)
{
	uint16_t i;
	int ret;

	for (i = 0; i < cfg->nb_ports; i++) {
		ret = rte_eth_dev_stop(cfg->ports[i]);
		if (ret < 0)
			fprintf(stderr, "port %u: cannot stop: %s\n", cfg->ports[i],
				rte_strerror(-ret));
	}
}
