/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * What the single-process ethdev tests share (groups ethdev and
 * soft_pmds): the EAL and an mbuf pool, ports made and tracked so that
 * teardown removes them, queues set up and ports started.
 */

#include <stdio.h>

#include <rte_bus_vdev.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <rte_eth_ring.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_ring.h>

#include "eth_fixture.h"
#include "test.h"

#define POOL_NAME "eth_ut_pool"

struct rte_mempool *eth_pool;

/* The devices (and rings) a test made, removed by teardown. */
static char made_devs[16][RTE_DEV_NAME_MAX_LEN];
static unsigned int nb_made_devs;
static struct rte_ring *made_rings[16];
static unsigned int nb_made_rings;

int
eth_fixture_setup(void **state)
{
	(void)state;
	if (test_eal_init_once() != 0)
		return -1;
	eth_pool = rte_mempool_lookup(POOL_NAME);
	if (eth_pool == NULL)
		eth_pool = rte_pktmbuf_pool_create(POOL_NAME, 4095, 32, 0,
						   RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	return eth_pool != NULL ? 0 : -1;
}

int
eth_fixture_teardown(void **state)
{
	unsigned int i;
	uint16_t p;

	(void)state;
	for (p = 0; p < RTE_MAX_ETHPORTS; p++)
		if (rte_eth_dev_is_valid_port(p))
			rte_eth_dev_stop(p);
	for (i = 0; i < nb_made_devs; i++)
		rte_vdev_uninit(made_devs[i]);
	for (i = 0; i < nb_made_rings; i++)
		rte_ring_free(made_rings[i]);
	nb_made_devs = nb_made_rings = 0;
	/* Nothing a test made may outlive it. */
	return rte_eth_dev_count_total() == 0 && rte_mempool_full(eth_pool) ? 0 : -1;
}

void
eth_track_dev(const char *name)
{
	snprintf(made_devs[nb_made_devs++], RTE_DEV_NAME_MAX_LEN, "%s", name);
}

void
eth_track_ring(struct rte_ring *r)
{
	made_rings[nb_made_rings++] = r;
}

struct rte_ring *
eth_make_ring(const char *name)
{
	struct rte_ring *r = rte_ring_create(name, 1024, SOCKET_ID_ANY,
					     RING_F_SP_ENQ | RING_F_SC_DEQ);

	assert_non_null(r);
	eth_track_ring(r);
	return r;
}

uint16_t
eth_port_of(const char *name)
{
	uint16_t port_id = RTE_MAX_ETHPORTS;

	assert_int_equal(rte_eth_dev_get_port_by_name(name, &port_id), 0);
	return port_id;
}

/* The port of a new vdev (net_null, net_ring) made with rte_vdev_init(). */
uint16_t
eth_vdev_port(const char *name, const char *args)
{
	assert_int_equal(rte_vdev_init(name, args), 0);
	eth_track_dev(name);
	return eth_port_of(name);
}

/* A loopback net_ring port over one new ring, made with rte_eth_from_ring. */
uint16_t
eth_ring_port(const char *ring_name)
{
	char devname[RTE_DEV_NAME_MAX_LEN];
	int port_id = rte_eth_from_ring(eth_make_ring(ring_name));

	assert_true(port_id >= 0);
	snprintf(devname, sizeof(devname), "net_ring_%s", ring_name);
	eth_track_dev(devname);
	return (uint16_t)port_id;
}

void
eth_setup_queues(uint16_t port_id, uint16_t nb_rx, uint16_t nb_tx)
{
	uint16_t q;

	for (q = 0; q < nb_rx; q++)
		assert_int_equal(rte_eth_rx_queue_setup(port_id, q, 0, SOCKET_ID_ANY, NULL, eth_pool),
				 0);
	for (q = 0; q < nb_tx; q++)
		assert_int_equal(rte_eth_tx_queue_setup(port_id, q, 0, SOCKET_ID_ANY, NULL), 0);
}

/* Configure with nb queues each way, set them up, start. */
void
eth_port_up(uint16_t port_id, uint16_t nb, const struct rte_eth_conf *conf)
{
	const struct rte_eth_conf zero = { 0 };

	assert_int_equal(rte_eth_dev_configure(port_id, nb, nb, conf != NULL ? conf : &zero), 0);
	eth_setup_queues(port_id, nb, nb);
	assert_int_equal(rte_eth_dev_start(port_id), 0);
}
