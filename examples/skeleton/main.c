/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * skeleton: the smallest forwarding application. Every port gets one Rx
 * and one Tx queue over one mbuf pool; the main lcore sends what port 0
 * receives out of port 1 and back, 2 <-> 3, and so on, until SIGINT or
 * SIGTERM (or for --duration seconds), then prints its counts.
 *
 *     skeleton -l 0 --no-huge --vdev=net_ring0 --vdev=net_ring1
 *     skeleton -l 0 --no-huge --vdev=net_null0 --vdev=net_null1 -- --duration 5
 */

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_debug.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>

#define RX_DESC 1024
#define TX_DESC 1024
#define NB_MBUFS_PER_PORT 8191
#define MBUF_CACHE 250
#define BURST_SIZE 32

/* One port's counts: received from it, sent to it, refused by its Tx queue. */
struct port_counts {
	uint64_t rx;
	uint64_t tx;
	uint64_t dropped;
};

/* Set by the signal handler, read by the forwarding loop. */
static volatile sig_atomic_t quit;

static void
on_signal(int sig)
{
	RTE_SET_USED(sig);
	quit = 1;
}

static void
usage(const char *prgname)
{
	printf("%s [EAL options] -- [--duration S]\n"
	       "  --duration S   stop after S seconds, 1 to 86400\n"
	       "                 (default: at SIGINT or SIGTERM)\n",
	       prgname);
}

/* --duration S: seconds to run, or 0 (until a signal). Exits on a bad argument. */
static unsigned int
parse_app_args(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "duration", required_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 },
	};
	unsigned long duration = 0;
	char *end;
	int opt;

	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt != 'D') {
			/* getopt said what was wrong. */
			usage(argv[0]);
			rte_exit(EXIT_FAILURE, "invalid command line\n");
		}
		errno = 0;
		duration = strtoul(optarg, &end, 10);
		if (errno != 0 || end == optarg || *end != '\0' || duration == 0 ||
		    duration > 86400)
			rte_exit(EXIT_FAILURE, "invalid --duration '%s': %s\n", optarg,
				 "give a number from 1 to 86400");
	}
	if (optind < argc) {
		usage(argv[0]);
		rte_exit(EXIT_FAILURE, "unexpected argument '%s'\n", argv[optind]);
	}
	return (unsigned int)duration;
}

static void
port_init(uint16_t port, struct rte_mempool *pool)
{
	char link_text[RTE_ETH_LINK_MAX_STR_LEN];
	struct rte_eth_conf conf = { 0 };
	uint16_t nb_rxd = RX_DESC, nb_txd = TX_DESC;
	struct rte_ether_addr addr;
	struct rte_eth_link link;
	int socket = rte_eth_dev_socket_id(port);
	int ret;

	ret = rte_eth_dev_configure(port, 1, 1, &conf);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "port %u: cannot configure: %s\n", port, rte_strerror(-ret));
	ret = rte_eth_dev_adjust_nb_rx_tx_desc(port, &nb_rxd, &nb_txd);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "port %u: cannot fit its ring sizes: %s\n", port,
			 rte_strerror(-ret));
	ret = rte_eth_rx_queue_setup(port, 0, nb_rxd, (unsigned int)socket, NULL, pool);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "port %u: cannot set up its Rx queue: %s\n", port,
			 rte_strerror(-ret));
	ret = rte_eth_tx_queue_setup(port, 0, nb_txd, (unsigned int)socket, NULL);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "port %u: cannot set up its Tx queue: %s\n", port,
			 rte_strerror(-ret));
	ret = rte_eth_dev_start(port);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "port %u: cannot start: %s\n", port, rte_strerror(-ret));
	/* Forwarding takes every frame, whatever its destination address. */
	ret = rte_eth_promiscuous_enable(port);
	if (ret < 0 && ret != -ENOTSUP)
		rte_exit(EXIT_FAILURE, "port %u: cannot enable promiscuous mode: %s\n", port,
			 rte_strerror(-ret));

	ret = rte_eth_macaddr_get(port, &addr);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "port %u: cannot read its MAC address: %s\n", port,
			 rte_strerror(-ret));
	ret = rte_eth_link_get_nowait(port, &link);
	if (ret < 0)
		snprintf(link_text, sizeof(link_text), "link unknown");
	else
		rte_eth_link_to_str(link_text, sizeof(link_text), &link);
	printf("port %u: MAC " RTE_ETHER_ADDR_PRT_FMT ", %s\n", port, RTE_ETHER_ADDR_BYTES(&addr),
	       link_text);
}

/*
 * Forward on the main lcore until told to stop. Port ids need not be
 * consecutive: ports[i] pairs with ports[i ^ 1].
 */
static void
forward(const uint16_t *ports, uint16_t nb_ports, unsigned int duration,
	struct port_counts *counts)
{
	uint64_t end = duration == 0 ? UINT64_MAX :
		rte_get_timer_cycles() + duration * rte_get_timer_hz();
	struct rte_mbuf *bufs[BURST_SIZE];
	uint16_t i, nb_rx, nb_tx;

	while (!quit && rte_get_timer_cycles() < end) {
		for (i = 0; i < nb_ports; i++) {
			nb_rx = rte_eth_rx_burst(ports[i], 0, bufs, BURST_SIZE);
			if (nb_rx == 0)
				continue;
			nb_tx = rte_eth_tx_burst(ports[i ^ 1], 0, bufs, nb_rx);
			counts[i].rx += nb_rx;
			counts[i ^ 1].tx += nb_tx;
			if (nb_tx < nb_rx) {
				rte_pktmbuf_free_bulk(&bufs[nb_tx], nb_rx - nb_tx);
				counts[i ^ 1].dropped += nb_rx - nb_tx;
			}
		}
	}
}

int
main(int argc, char **argv)
{
	struct port_counts counts[RTE_MAX_ETHPORTS] = { 0 };
	uint16_t ports[RTE_MAX_ETHPORTS], nb_ports = 0, port, i;
	uint64_t forwarded = 0;
	struct rte_mempool *pool;
	unsigned int duration;
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "cannot initialise the EAL: %s\n", rte_strerror(rte_errno));
	duration = parse_app_args(argc - ret, argv + ret);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);

	RTE_ETH_FOREACH_DEV(port)
		ports[nb_ports++] = port;
	if (nb_ports == 0 || nb_ports % 2 != 0)
		rte_exit(EXIT_FAILURE, "skeleton needs an even number of ports, not %u: %s\n",
			 nb_ports, "it forwards between pairs (--vdev=net_ring0 --vdev=net_ring1)");
	pool = rte_pktmbuf_pool_create("skeleton_mbufs", NB_MBUFS_PER_PORT * nb_ports, MBUF_CACHE,
				       0, RTE_MBUF_DEFAULT_BUF_SIZE, rte_socket_id());
	if (pool == NULL)
		rte_exit(EXIT_FAILURE, "cannot create the mbuf pool: %s (more memory: -m MB)\n",
			 rte_strerror(rte_errno));
	for (i = 0; i < nb_ports; i++)
		port_init(ports[i], pool);
	if (rte_lcore_count() > 1)
		printf("note: only the main lcore forwards; the others stay idle\n");
	printf("forwarding on core %u%s\n", rte_lcore_id(), duration ? "" : " (Ctrl-C to stop)");
	fflush(stdout);

	forward(ports, nb_ports, duration, counts);

	for (i = 0; i < nb_ports; i++) {
		printf("port %u: rx %" PRIu64 " tx %" PRIu64 " dropped %" PRIu64 "\n", ports[i],
		       counts[i].rx, counts[i].tx, counts[i].dropped);
		forwarded += counts[i].tx;
	}
	printf("forwarded %" PRIu64 " packets\n", forwarded);
	fflush(stdout);
	for (i = 0; i < nb_ports; i++) {
		ret = rte_eth_dev_stop(ports[i]);
		if (ret < 0)
			fprintf(stderr, "port %u: cannot stop: %s\n", ports[i], rte_strerror(-ret));
	}
	rte_eal_cleanup();
	return 0;
}
