/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * symmetric_mp: N processes forward packets between the same ports, each
 * on its own queue. The primary configures every port with N Rx and N Tx
 * queues; process K (--proc-id K) polls Rx queue K of each port and sends
 * what it gets on Tx queue K of the paired port (0 <-> 1, 2 <-> 3...). No
 * queue is touched by two processes, so they need no locks between them.
 *
 *     symmetric_mp -l 0 --no-huge --vdev=net_null0 --vdev=net_null1 \
 *         --proc-type=primary -- --num-procs 2 --proc-id 0
 *     symmetric_mp -l 1 --no-huge --proc-type=secondary -- --num-procs 2 --proc-id 1
 *
 * Each process forwards on its main lcore until SIGINT or SIGTERM (or for
 * --duration seconds), then prints its own packet counts and exits.
 */

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_debug.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>

#include "symmetric_mp.h"

/* This process's counts for one port: Rx from it, Tx to it, Tx refused. */
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
	printf("%s [EAL options] -- [-p PORTMASK] [--num-procs N] [--proc-id K] [--duration S]\n"
	       "  -p PORTMASK      ports to use, in hexadecimal (default: every port)\n"
	       "  --num-procs N    processes in the group, and queues per port (default 1)\n"
	       "  --proc-id K      this process's queue, 0 to N-1 (default 0)\n"
	       "  --duration S     stop after S seconds (default: at SIGINT or SIGTERM)\n",
	       prgname);
}

/* The value of option name: a number from min to max; exits saying so otherwise. */
static long
number_arg(const char *name, const char *text, int base, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, base);
	if (errno == 0 && end != text && *end == '\0' && v >= min && v <= max)
		return v;
	if (base == 16)
		rte_exit(EXIT_FAILURE,
			 "invalid %s '%s': give a hexadecimal mask from 0x%lx to 0x%lx\n", name,
			 text, min, max);
	rte_exit(EXIT_FAILURE, "invalid %s '%s': give a number from %ld to %ld\n", name, text,
		 min, max);
}

/*
 * The ports of mask (0: every port), in id order; exits when the mask
 * names a missing port. As in DPDK's examples, a mask covers ports 0-31.
 */
static void
select_ports(struct app_config *cfg, uint32_t mask)
{
	bool every = mask == 0;
	uint16_t port;

	RTE_ETH_FOREACH_DEV(port) {
		if (every || (port < 32 && (mask & (UINT32_C(1) << port))))
			cfg->ports[cfg->nb_ports++] = port;
		if (port < 32)
			mask &= ~(UINT32_C(1) << port);
	}
	if (mask != 0)
		rte_exit(EXIT_FAILURE, "-p names ports that do not exist (mask 0x%" PRIx32 ")\n",
			 mask);
	if (cfg->nb_ports == 0 || cfg->nb_ports % 2 != 0)
		rte_exit(EXIT_FAILURE, "symmetric_mp needs an even number of ports, not %u: %s\n",
			 cfg->nb_ports, "it forwards between pairs");
}

static void
parse_app_args(struct app_config *cfg, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "num-procs", required_argument, NULL, 'N' },
		{ "proc-id", required_argument, NULL, 'K' },
		{ "duration", required_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 },
	};
	uint32_t mask = 0;
	int opt;

	cfg->num_procs = 1;
	while ((opt = getopt_long(argc, argv, "p:", opts, NULL)) != -1) {
		switch (opt) {
		case 'p':
			mask = (uint32_t)number_arg("-p", optarg, 16, 1, UINT32_MAX);
			break;
		case 'N':
			cfg->num_procs = (unsigned int)number_arg("--num-procs", optarg, 10, 1,
								  RTE_MAX_QUEUES_PER_PORT);
			break;
		case 'K':
			cfg->proc_id = (unsigned int)number_arg("--proc-id", optarg, 10, 0,
								RTE_MAX_QUEUES_PER_PORT - 1);
			break;
		case 'D':
			cfg->duration = (unsigned int)number_arg("--duration", optarg, 10, 1,
								 86400);
			break;
		default:
			/* getopt said what was wrong. */
			usage(argv[0]);
			rte_exit(EXIT_FAILURE, "invalid command line\n");
		}
	}
	if (optind < argc) {
		usage(argv[0]);
		rte_exit(EXIT_FAILURE, "unexpected argument '%s'\n", argv[optind]);
	}
	if (cfg->proc_id >= cfg->num_procs)
		rte_exit(EXIT_FAILURE,
			 "--proc-id %u is out of range: --num-procs %u allows 0 to %u\n",
			 cfg->proc_id, cfg->num_procs, cfg->num_procs - 1);
	select_ports(cfg, mask);
}

static void
forward(const struct app_config *cfg, struct port_counts *counts)
{
	uint64_t end = cfg->duration == 0 ? UINT64_MAX :
		rte_get_timer_cycles() + cfg->duration * rte_get_timer_hz();
	uint16_t q = (uint16_t)cfg->proc_id;
	struct rte_mbuf *bufs[BURST_SIZE];
	uint16_t i, nb_rx, nb_tx;

	while (!quit && rte_get_timer_cycles() < end) {
		for (i = 0; i < cfg->nb_ports; i++) {
			nb_rx = rte_eth_rx_burst(cfg->ports[i], q, bufs, BURST_SIZE);
			if (nb_rx == 0)
				continue;
			nb_tx = rte_eth_tx_burst(cfg->ports[i ^ 1], q, bufs, nb_rx);
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
	struct app_config cfg = { 0 };
	bool primary;
	uint16_t i;
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "cannot initialise the EAL: %s\n", rte_strerror(rte_errno));
	parse_app_args(&cfg, argc - ret, argv + ret);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);

	primary = rte_eal_process_type() == RTE_PROC_PRIMARY;
	if (primary)
		ports_setup(&cfg);
	else
		ports_check(&cfg);
	printf("process %u (%s): forwarding on queue %u of %u ports\n", cfg.proc_id,
	       primary ? "primary" : "secondary", cfg.proc_id, cfg.nb_ports);
	fflush(stdout);

	forward(&cfg, counts);

	printf("process %u: stopping\n", cfg.proc_id);
	for (i = 0; i < cfg.nb_ports; i++)
		printf("process %u: port %u: rx %" PRIu64 " tx %" PRIu64 " dropped %" PRIu64 "\n",
		       cfg.proc_id, cfg.ports[i], counts[i].rx, counts[i].tx, counts[i].dropped);
	fflush(stdout);
	/*
	 * The ports are the group's: the primary alone stops them, and its
	 * cleanup releases them, so stop the secondaries first.
	 */
	if (primary)
		ports_stop(&cfg);
	rte_eal_cleanup();
	return 0;
}
