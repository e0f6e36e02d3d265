/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * mp_server: the primary of client_server_mp. It owns the ports, receives
 * from each and hands the packets to its clients (mp_client, secondaries)
 * round robin, one ring per client; the clients transmit them. It prints
 * the counts of every port and client every --stats-period seconds and
 * when it stops (SIGINT, SIGTERM, or after --duration seconds).
 *
 *     mp_server -l 0 --no-huge --vdev=net_null0 --vdev=net_null1 -- -n 2
 *     mp_client -l 1 --no-huge --proc-type=secondary -- -n 0
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
#include <rte_mbuf.h>
#include <rte_ring.h>

#include "server.h"

/* The server's own counts; the clients' are in their slots. */
struct server_counts {
	uint64_t port_rx[RTE_MAX_ETHPORTS];
	uint64_t enqueued[MAX_CLIENTS];
	uint64_t ring_full[MAX_CLIENTS];   /* packets freed: the client's ring was full */
};

static void
usage(const char *prgname)
{
	printf("%s [EAL options] -- -n CLIENTS [-p PORTMASK] [--duration S] [--stats-period S]\n"
	       "  -n CLIENTS          clients to serve, 1 to %d\n"
	       "  -p PORTMASK         ports to receive from, in hexadecimal (default: every port)\n"
	       "  --duration S        stop after S seconds (default: at SIGINT or SIGTERM)\n"
	       "  --stats-period S    print the counts every S seconds, 0: only at the end\n"
	       "                      (default 1)\n",
	       prgname, MAX_CLIENTS);
}

static void
parse_app_args(struct server_config *cfg, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "duration", required_argument, NULL, 'D' },
		{ "stats-period", required_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	cfg->stats_period = 1;
	while ((opt = getopt_long(argc, argv, "n:p:", opts, NULL)) != -1) {
		switch (opt) {
		case 'n':
			cfg->nb_clients = (unsigned int)number_arg("-n", optarg, 10, 1,
								   MAX_CLIENTS);
			break;
		case 'p':
			cfg->port_mask = (uint32_t)number_arg("-p", optarg, 16, 1, UINT32_MAX);
			break;
		case 'D':
			cfg->duration = (unsigned int)number_arg("--duration", optarg, 10, 1,
								 86400);
			break;
		case 'S':
			cfg->stats_period = (unsigned int)number_arg("--stats-period", optarg,
								     10, 0, 86400);
			break;
		default:
			/* getopt said what was wrong. */
			usage_exit(usage, argv[0], "invalid command line\n");
		}
	}
	if (optind < argc)
		usage_exit(usage, argv[0], "unexpected argument '%s'\n", argv[optind]);
	if (cfg->nb_clients == 0)
		usage_exit(usage, argv[0], "-n CLIENTS is required\n");
}

static void
print_stats(const struct shared_info *info, const struct server_counts *c, const char *title)
{
	const struct client_slot *s;
	uint64_t rx = 0, given = 0;
	unsigned int i;

	printf("%s:\n", title);
	for (i = 0; i < info->nb_ports; i++) {
		printf("port %u: rx %" PRIu64 "\n", info->ports[i], c->port_rx[i]);
		rx += c->port_rx[i];
	}
	for (i = 0; i < info->nb_clients; i++) {
		s = &info->clients[i];
		printf("client %u: enqueued %" PRIu64 " ring_full %" PRIu64 " | received %" PRIu64
		       " sent %" PRIu64 " dropped %" PRIu64 "\n", i, c->enqueued[i],
		       c->ring_full[i],
		       __atomic_load_n(&s->received, __ATOMIC_RELAXED),
		       __atomic_load_n(&s->sent, __ATOMIC_RELAXED),
		       __atomic_load_n(&s->dropped, __ATOMIC_RELAXED));
		given += c->enqueued[i];
	}
	printf("total: rx %" PRIu64 " distributed %" PRIu64 "\n", rx, given);
	fflush(stdout);
}

/* Put a client's batch on its ring; what does not fit is freed and counted. */
static void
flush_batch(struct mbuf_batch *b, struct rte_ring *ring, struct server_counts *c,
	    unsigned int client)
{
	unsigned int n = rte_ring_sp_enqueue_burst(ring, (void **)b->pkts, b->n, NULL);

	c->enqueued[client] += n;
	if (n < b->n) {
		rte_pktmbuf_free_bulk(&b->pkts[n], b->n - n);
		c->ring_full[client] += b->n - n;
	}
	b->n = 0;
}

static void
distribute(const struct server_config *cfg, const struct shared_info *info,
	   struct rte_ring *rings[], struct server_counts *c)
{
	uint64_t hz = rte_get_timer_hz(), now = rte_get_timer_cycles();
	uint64_t end = cfg->duration == 0 ? UINT64_MAX : now + cfg->duration * hz;
	uint64_t next_stats = cfg->stats_period == 0 ? UINT64_MAX : now + cfg->stats_period * hz;
	struct mbuf_batch batch[MAX_CLIENTS] = { 0 };
	struct rte_mbuf *pkts[BURST_SIZE];
	unsigned int next = 0, i, j, cl;
	uint16_t nb_rx, port;

	while (!quit && (now = rte_get_timer_cycles()) < end) {
		for (i = 0; i < info->nb_ports; i++) {
			port = info->ports[i];
			nb_rx = rte_eth_rx_burst(port, 0, pkts, BURST_SIZE);
			if (nb_rx == 0)
				continue;
			c->port_rx[i] += nb_rx;
			for (j = 0; j < nb_rx; j++) {
				/* The client sends out of this port's pair: say which it was. */
				pkts[j]->port = port;
				batch[next].pkts[batch[next].n++] = pkts[j];
				next = next + 1 == info->nb_clients ? 0 : next + 1;
			}
			for (cl = 0; cl < info->nb_clients; cl++) {
				if (batch[cl].n > 0)
					flush_batch(&batch[cl], rings[cl], c, cl);
			}
		}
		if (now >= next_stats) {
			print_stats(info, c, "stats");
			next_stats = now + cfg->stats_period * hz;
		}
	}
}

int
main(int argc, char **argv)
{
	static struct server_counts counts;
	struct rte_ring *rings[MAX_CLIENTS];
	struct server_config cfg = { 0 };
	struct shared_info *info;
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "cannot initialise the EAL: %s\n", rte_strerror(rte_errno));
	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		rte_exit(EXIT_FAILURE, "mp_server must be the primary process: start it first\n");
	parse_app_args(&cfg, argc - ret, argv + ret);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);

	info = server_init(&cfg, rings);
	printf("server: distributing packets from %u ports to %u clients\n", info->nb_ports,
	       info->nb_clients);
	fflush(stdout);

	distribute(&cfg, info, rings, &counts);

	server_shutdown(info);
	print_stats(info, &counts, "final stats");
	rte_eal_cleanup();
	return 0;
}
