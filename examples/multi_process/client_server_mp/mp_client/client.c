/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * mp_client: a secondary of client_server_mp. Client N takes the packets
 * mp_server put on its ring and sends each out of the port paired with
 * the one it came in on (0 <-> 1, 2 <-> 3...; an unpaired last port sends
 * back out of itself), on Tx queue N, which is its alone. It stops when
 * the server does, at SIGINT or SIGTERM, or after --duration seconds, and
 * prints its counts.
 *
 *     mp_client -l 1 --no-huge --proc-type=secondary -- -n 0
 */

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_debug.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_memzone.h>
#include <rte_ring.h>

#include "../shared/common.h"

/* This run's counts; the slot accumulates every run's, for the server. */
struct client_counts {
	uint64_t received;
	uint64_t sent;
	uint64_t dropped;
};

struct client_config {
	unsigned int id;          /* -n */
	unsigned int duration;    /* --duration in seconds; 0: until the server stops or a signal */
};

static void
usage(const char *prgname)
{
	printf("%s [EAL options] --proc-type=secondary -- -n CLIENT_ID [--duration S]\n"
	       "  -n CLIENT_ID    which client this is, 0 to the server's -n minus 1\n"
	       "  --duration S    stop after S seconds (default: when the server stops,\n"
	       "                  or at SIGINT or SIGTERM)\n",
	       prgname);
}

static void
parse_app_args(struct client_config *cfg, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "duration", required_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 },
	};
	bool id_given = false;
	int opt;

	while ((opt = getopt_long(argc, argv, "n:", opts, NULL)) != -1) {
		switch (opt) {
		case 'n':
			cfg->id = (unsigned int)number_arg("-n", optarg, 10, 0, MAX_CLIENTS - 1);
			id_given = true;
			break;
		case 'D':
			cfg->duration = (unsigned int)number_arg("--duration", optarg, 10, 1,
								 86400);
			break;
		default:
			/* getopt said what was wrong. */
			usage_exit(usage, argv[0], "invalid command line\n");
		}
	}
	if (optind < argc)
		usage_exit(usage, argv[0], "unexpected argument '%s'\n", argv[optind]);
	if (!id_given)
		usage_exit(usage, argv[0], "-n CLIENT_ID is required\n");
}

/* Take the slot if it is free or its holder is gone; else say who holds it. */
static bool
take_slot(struct client_slot *slot, pid_t *holder)
{
	pid_t cur = __atomic_load_n(&slot->pid, __ATOMIC_ACQUIRE);

	for (;;) {
		if (pid_alive(cur)) {
			*holder = cur;
			return false;
		}
		if (__atomic_compare_exchange_n(&slot->pid, &cur, getpid(), false, __ATOMIC_ACQ_REL,
						__ATOMIC_ACQUIRE))
			return true;
	}
}

/* Find what the server made, check it suits this client, and take the slot. */
static struct shared_info *
attach_to_server(const struct client_config *cfg, struct rte_ring **ring)
{
	static const char hint[] = "is mp_server running with this --file-prefix?";
	const struct rte_memzone *mz;
	char name[RTE_RING_NAMESIZE];
	struct shared_info *info;
	pid_t holder;

	if (rte_eal_process_type() != RTE_PROC_SECONDARY)
		rte_exit(EXIT_FAILURE, "mp_client must be a secondary: %s\n",
			 "start mp_server first, then mp_client --proc-type=secondary");
	mz = rte_memzone_lookup(SHARED_INFO_NAME);
	if (mz == NULL)
		rte_exit(EXIT_FAILURE, "cannot find memzone %s: %s\n", SHARED_INFO_NAME, hint);
	info = mz->addr;
	if (cfg->id >= info->nb_clients)
		rte_exit(EXIT_FAILURE,
			 "client %u is out of range: the server serves clients 0 to %u\n", cfg->id,
			 info->nb_clients - 1);
	*ring = rte_ring_lookup(client_ring_name(cfg->id, name));
	if (*ring == NULL)
		rte_exit(EXIT_FAILURE, "cannot find ring %s: %s\n", name, hint);
	/* Per-lcore mbuf caches are indexed by lcore id, whatever the process. */
	if (rte_lcore_id() == info->server_lcore)
		rte_exit(EXIT_FAILURE,
			 "client %u would share lcore %u's mbuf cache with the server: %s\n",
			 cfg->id, info->server_lcore, "give it another lcore id (-l, --lcores)");
	/* A ring has one consumer: one process per client id. */
	if (!take_slot(&info->clients[cfg->id], &holder))
		rte_exit(EXIT_FAILURE, "client %u is already running (pid %d)\n", cfg->id,
			 (int)holder);
	return info;
}

/* For each port id, the port its packets leave by. */
static void
pair_ports(const struct shared_info *info, uint16_t out[RTE_MAX_ETHPORTS])
{
	uint16_t i, pair;

	for (i = 0; i < RTE_MAX_ETHPORTS; i++)
		out[i] = RTE_MAX_ETHPORTS;
	for (i = 0; i < info->nb_ports; i++) {
		if (!rte_eth_dev_is_valid_port(info->ports[i]))
			rte_exit(EXIT_FAILURE, "port %u of the server is not attached here\n",
				 info->ports[i]);
		/* An unpaired last port sends back out of itself. */
		pair = (i ^ 1) < info->nb_ports ? i ^ 1 : i;
		out[info->ports[i]] = info->ports[pair];
	}
}

/* Count in this run's counts and in the slot (once per burst, not per packet). */
static void
count(uint64_t *mine, uint64_t *shared, uint64_t n)
{
	*mine += n;
	__atomic_fetch_add(shared, n, __ATOMIC_RELAXED);
}

static void
flush_batch(struct mbuf_batch *b, uint16_t port, uint16_t queue, struct client_slot *slot,
	    struct client_counts *c)
{
	uint16_t n = rte_eth_tx_burst(port, queue, b->pkts, b->n);

	count(&c->sent, &slot->sent, n);
	if (n < b->n) {
		rte_pktmbuf_free_bulk(&b->pkts[n], b->n - n);
		count(&c->dropped, &slot->dropped, b->n - n);
	}
	b->n = 0;
}

static void
forward(const struct client_config *cfg, const struct shared_info *info, struct rte_ring *ring,
	struct client_slot *slot, struct client_counts *c)
{
	uint64_t end = cfg->duration == 0 ? UINT64_MAX :
		rte_get_timer_cycles() + cfg->duration * rte_get_timer_hz();
	static struct mbuf_batch batch[RTE_MAX_ETHPORTS];
	uint16_t out[RTE_MAX_ETHPORTS], port, queue = (uint16_t)cfg->id;
	struct rte_mbuf *pkts[BURST_SIZE];
	unsigned int n, i;

	pair_ports(info, out);
	while (!quit && !__atomic_load_n(&info->stop, __ATOMIC_ACQUIRE) &&
	       rte_get_timer_cycles() < end) {
		n = rte_ring_sc_dequeue_burst(ring, (void **)pkts, BURST_SIZE, NULL);
		if (n == 0)
			continue;
		count(&c->received, &slot->received, n);
		for (i = 0; i < n; i++) {
			port = pkts[i]->port;
			if (port >= RTE_MAX_ETHPORTS || out[port] == RTE_MAX_ETHPORTS) {
				rte_pktmbuf_free(pkts[i]);
				count(&c->dropped, &slot->dropped, 1);
				continue;
			}
			port = out[port];
			batch[port].pkts[batch[port].n++] = pkts[i];
		}
		for (i = 0; i < info->nb_ports; i++) {
			port = info->ports[i];
			if (batch[port].n > 0)
				flush_batch(&batch[port], port, queue, slot, c);
		}
	}
}

int
main(int argc, char **argv)
{
	struct client_counts counts = { 0 };
	struct client_config cfg = { 0 };
	struct shared_info *info;
	struct client_slot *slot;
	struct rte_ring *ring;
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "cannot initialise the EAL: %s\n", rte_strerror(rte_errno));
	parse_app_args(&cfg, argc - ret, argv + ret);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);

	info = attach_to_server(&cfg, &ring);
	slot = &info->clients[cfg.id];
	printf("client %u: sending on Tx queue %u of %u ports\n", cfg.id, cfg.id, info->nb_ports);
	fflush(stdout);

	forward(&cfg, info, ring, slot, &counts);

	printf("client %u: received %" PRIu64 " sent %" PRIu64 " dropped %" PRIu64 "\n", cfg.id,
	       counts.received, counts.sent, counts.dropped);
	fflush(stdout);
	/* Leaving: the server may release the ports once every client is gone. */
	__atomic_store_n(&slot->pid, 0, __ATOMIC_RELEASE);
	rte_eal_cleanup();
	return 0;
}
