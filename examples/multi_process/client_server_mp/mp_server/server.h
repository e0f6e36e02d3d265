/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef MP_SERVER_H
#define MP_SERVER_H

#include <stdint.h>

#include <rte_ring.h>

#include "../shared/common.h"

/* The server's command line (after --). */
struct server_config {
	uint32_t port_mask;          /* -p; 0: every port */
	unsigned int nb_clients;     /* -n */
	unsigned int duration;       /* --duration in seconds; 0: until a signal */
	unsigned int stats_period;   /* --stats-period in seconds; 0: only at the end */
};

/*
 * Set up everything the clients use: the mbuf pool, the ports (one Rx
 * queue, one Tx queue per client), the shared info and one ring per
 * client, in rings[]. Exits with a reason on any failure.
 */
struct shared_info *server_init(const struct server_config *cfg, struct rte_ring *rings[]);

/*
 * Ask the clients to leave and wait for them (a bounded time), then stop
 * the ports: the clients transmit on them, and the server's exit releases
 * them.
 */
void server_shutdown(struct shared_info *info);

#endif /* MP_SERVER_H */
