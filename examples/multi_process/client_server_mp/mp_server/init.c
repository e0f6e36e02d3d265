/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/* mp_server's set-up and shutdown: pool, ports, shared info, client rings. */

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_debug.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_memzone.h>

#include "server.h"

#define MBUF_POOL "cs_mp_mbufs"
#define RX_DESC 1024
#define TX_DESC 1024
#define CLIENT_RING_SIZE 2048
#define MBUF_CACHE 256
/* How long the server waits for its clients to leave, in milliseconds. */
#define CLIENT_LEAVE_MS 2000

/*
 * Enough mbufs for every ring full at once: the ports' rings, the client
 * rings, a burst in each process and a full cache on each lcore.
 */
static struct rte_mempool *
pool_create(unsigned int nb_ports, unsigned int nb_clients)
{
	unsigned int n = nb_ports * (RX_DESC + nb_clients * TX_DESC) +
		nb_clients * (CLIENT_RING_SIZE + BURST_SIZE) + (nb_clients + 1) * MBUF_CACHE * 2;
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
port_setup(uint16_t port, unsigned int nb_clients, struct rte_mempool *mp)
{
	char name[RTE_ETH_NAME_MAX_LEN], link_text[RTE_ETH_LINK_MAX_STR_LEN];
	struct rte_eth_conf conf = { 0 };
	uint16_t nb_rxd = RX_DESC, nb_txd = TX_DESC;
	struct rte_eth_dev_info info;
	struct rte_eth_link link;
	int socket = rte_eth_dev_socket_id(port);
	uint16_t q;
	int ret;

	if (rte_eth_dev_get_name_by_port(port, name) < 0)
		snprintf(name, sizeof(name), "?");
	ret = rte_eth_dev_info_get(port, &info);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "port %u (%s): cannot get its information: %s\n", port, name,
			 rte_strerror(-ret));
	if (info.max_tx_queues < nb_clients)
		rte_exit(EXIT_FAILURE,
			 "port %u (%s) has at most %u Tx queues, %u clients need one each (%s)\n",
			 port, name, info.max_tx_queues, nb_clients,
			 "net_ring with nodeaction devargs: one per queue");
	ret = rte_eth_dev_configure(port, 1, (uint16_t)nb_clients, &conf);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "port %u (%s): cannot configure 1 Rx and %u Tx queues: %s\n",
			 port, name, nb_clients, rte_strerror(-ret));
	ret = rte_eth_dev_adjust_nb_rx_tx_desc(port, &nb_rxd, &nb_txd);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "port %u (%s): cannot fit its ring sizes: %s\n", port, name,
			 rte_strerror(-ret));
	ret = rte_eth_rx_queue_setup(port, 0, nb_rxd, (unsigned int)socket, NULL, mp);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "port %u (%s): cannot set up its Rx queue: %s\n", port, name,
			 rte_strerror(-ret));
	for (q = 0; q < nb_clients; q++) {
		ret = rte_eth_tx_queue_setup(port, q, nb_txd, (unsigned int)socket, NULL);
		if (ret < 0)
			rte_exit(EXIT_FAILURE, "port %u (%s): cannot set up Tx queue %u: %s\n",
				 port, name, q, rte_strerror(-ret));
	}
	/* The server takes every frame, whatever its destination address. */
	ret = rte_eth_promiscuous_enable(port);
	if (ret < 0 && ret != -ENOTSUP)
		rte_exit(EXIT_FAILURE, "port %u (%s): cannot enable promiscuous mode: %s\n", port,
			 name, rte_strerror(-ret));
	ret = rte_eth_dev_start(port);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "port %u (%s): cannot start: %s\n", port, name,
			 rte_strerror(-ret));
	ret = rte_eth_link_get_nowait(port, &link);
	if (ret < 0)
		snprintf(link_text, sizeof(link_text), "link unknown");
	else
		rte_eth_link_to_str(link_text, sizeof(link_text), &link);
	printf("port %u (%s): 1 Rx queue, %u Tx queues, %s\n", port, name, nb_clients, link_text);
}

/*
 * The ports of mask (0: every port), in id order; exits when it names a
 * missing port. As in DPDK's examples, a mask covers ports 0-31.
 */
static void
select_ports(struct shared_info *info, uint32_t mask)
{
	bool every = mask == 0;
	uint16_t port;

	RTE_ETH_FOREACH_DEV(port) {
		if (every || (port < 32 && (mask & (UINT32_C(1) << port))))
			info->ports[info->nb_ports++] = port;
		if (port < 32)
			mask &= ~(UINT32_C(1) << port);
	}
	if (mask != 0)
		rte_exit(EXIT_FAILURE, "-p names ports that do not exist (mask 0x%" PRIx32 ")\n",
			 mask);
	if (info->nb_ports == 0)
		rte_exit(EXIT_FAILURE, "no port to serve: add some, e.g. --vdev=net_null0\n");
}

struct shared_info *
server_init(const struct server_config *cfg, struct rte_ring *rings[])
{
	const struct rte_memzone *mz;
	char name[RTE_RING_NAMESIZE];
	struct shared_info *info;
	struct rte_mempool *mp;
	unsigned int i;

	mz = rte_memzone_reserve(SHARED_INFO_NAME, sizeof(*info), rte_socket_id(), 0);
	if (mz == NULL)
		rte_exit(EXIT_FAILURE, "cannot reserve memzone %s: %s\n", SHARED_INFO_NAME,
			 rte_strerror(rte_errno));
	info = mz->addr;
	memset(info, 0, sizeof(*info));
	info->nb_clients = cfg->nb_clients;
	info->server_lcore = rte_lcore_id();
	select_ports(info, cfg->port_mask);

	mp = pool_create(info->nb_ports, cfg->nb_clients);
	for (i = 0; i < info->nb_ports; i++)
		port_setup(info->ports[i], cfg->nb_clients, mp);

	/* The server is the one producer of a client's ring, the client its one consumer. */
	for (i = 0; i < cfg->nb_clients; i++) {
		rings[i] = rte_ring_create(client_ring_name(i, name), CLIENT_RING_SIZE,
					   rte_socket_id(), RING_F_SP_ENQ | RING_F_SC_DEQ);
		if (rings[i] == NULL)
			rte_exit(EXIT_FAILURE, "cannot create ring %s: %s\n", name,
				 rte_strerror(rte_errno));
	}
	return info;
}

/* Whether a client runs in the slot: its pid is set and that process lives. */
static bool
client_running(const struct client_slot *slot)
{
	return pid_alive(__atomic_load_n(&slot->pid, __ATOMIC_ACQUIRE));
}

void
server_shutdown(struct shared_info *info)
{
	uint64_t end = rte_get_timer_cycles() + rte_get_timer_hz() * CLIENT_LEAVE_MS / 1000;
	unsigned int i, left;
	int ret;

	__atomic_store_n(&info->stop, 1, __ATOMIC_RELEASE);
	do {
		left = 0;
		for (i = 0; i < info->nb_clients; i++)
			left += client_running(&info->clients[i]);
		if (left > 0)
			rte_delay_us_sleep(10 * 1000);
	} while (left > 0 && rte_get_timer_cycles() < end);
	for (i = 0; i < info->nb_clients; i++) {
		if (client_running(&info->clients[i]))
			fprintf(stderr,
				"client %u (pid %d) did not stop: releasing the ports anyway\n", i,
				(int)info->clients[i].pid);
	}
	for (i = 0; i < info->nb_ports; i++) {
		ret = rte_eth_dev_stop(info->ports[i]);
		if (ret < 0)
			fprintf(stderr, "port %u: cannot stop: %s\n", info->ports[i],
				rte_strerror(-ret));
	}
}
