/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef SIMPLE_MP_EXAMPLE_H
#define SIMPLE_MP_EXAMPLE_H

#include <cmdline_parse.h>
#include <rte_mempool.h>
#include <rte_ring.h>

/* Size of a message buffer: the longest message is one less. */
#define MSG_SIZE 256

/*
 * The shared objects as this process uses them: it sends on send_ring and
 * receives on recv_ring (the primary's send ring is a secondary's receive
 * ring). Set by main() before any lcore uses them, read-only afterwards.
 */
extern struct rte_ring *send_ring;
extern struct rte_ring *recv_ring;
extern struct rte_mempool *message_pool;

/* The commands of the CLI: send, help, quit. */
extern cmdline_parse_ctx_t simple_mp_ctx[];

#endif /* SIMPLE_MP_EXAMPLE_H */
