/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef ETH_FIXTURE_H
#define ETH_FIXTURE_H

/*
 * The single-process ethdev tests' fixture (groups ethdev and soft_pmds).
 * Every port or ring made through it is removed by eth_fixture_teardown,
 * which fails the test if any port or mbuf outlives it.
 */

#include <stdint.h>

#include <rte_ethdev.h>
#include <rte_mempool.h>
#include <rte_ring.h>

#define BURST 32

/* The tests' mbuf pool, made by the first eth_fixture_setup. */
extern struct rte_mempool *eth_pool;

int eth_fixture_setup(void **state);
int eth_fixture_teardown(void **state);

/* Have teardown remove the device name. */
void eth_track_dev(const char *name);

/* Have teardown free the ring r. */
void eth_track_ring(struct rte_ring *r);

/* A new ring (SP/SC, 1024), freed by teardown. */
struct rte_ring *eth_make_ring(const char *name);

/* The port of the device name (it must have one). */
uint16_t eth_port_of(const char *name);

/* The port of a new vdev (net_null, net_ring) made with rte_vdev_init(). */
uint16_t eth_vdev_port(const char *name, const char *args);

/* A loopback net_ring port over one new ring, made with rte_eth_from_ring. */
uint16_t eth_ring_port(const char *ring_name);

/* Set up nb_rx and nb_tx queues (default sizes; Rx from eth_pool). */
void eth_setup_queues(uint16_t port_id, uint16_t nb_rx, uint16_t nb_tx);

/* Configure with nb queues each way (conf NULL: all zero), set them up, start. */
void eth_port_up(uint16_t port_id, uint16_t nb, const struct rte_eth_conf *conf);

#endif /* ETH_FIXTURE_H */
