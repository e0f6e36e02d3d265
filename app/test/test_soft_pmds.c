/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The software PMDs in one process (group soft_pmds): net_null's devargs,
 * traffic and mbuf exhaustion; net_ring over rte_eth_from_rings(), a full
 * ring, and nodeaction devargs.
 */

#include <errno.h>

#include <ethdev_driver.h>
#include <rte_bus_vdev.h>
#include <rte_eth_ring.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_ring.h>

#include "eth_fixture.h"
#include "test.h"

static void
test_null_devargs(void **state)
{
	static const char *const bad[] = {
		"size=abc", "size=0", "size=70000", "size=", "copy=2", "copy=yes", "no-rx=-1",
		"bogus=1", "copy=1,no-rx=1",
	};
	uint16_t before = rte_eth_dev_count_total(), port_id;
	struct rte_eth_dev_info info;
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(bad); i++) {
		if (rte_vdev_init("net_null1", bad[i]) != -EINVAL)
			fail_msg("net_null1,%s was not refused with -EINVAL", bad[i]);
		assert_int_equal(rte_eth_dev_count_total(), before);
		assert_null(rte_eth_dev_allocated("net_null1"));
	}
	port_id = eth_vdev_port("net_null1", "size=256,copy=1");
	assert_int_equal(rte_eth_dev_info_get(port_id, &info), 0);
	assert_int_equal(info.min_rx_bufsize, 256);
	port_id = eth_vdev_port("net_null2", "no-rx=1,copy=0");
	assert_int_equal(rte_eth_dev_count_total(), before + 2);
}

static void
test_null_rx_tx(void **state)
{
	struct rte_mbuf *pkts[BURST];
	struct rte_eth_stats st;
	uint16_t port_id, norx_id, n, i;

	(void)state;
	port_id = eth_vdev_port("net_null0", "size=100");
	/* Not started: the fast path is a dummy. */
	assert_int_equal(rte_eth_rx_burst(port_id, 0, pkts, BURST), 0);
	eth_port_up(port_id, 2, NULL);
	n = rte_eth_rx_burst(port_id, 1, pkts, BURST);
	assert_int_equal(n, BURST);
	for (i = 0; i < n; i++) {
		assert_int_equal(pkts[i]->pkt_len, 100);
		assert_int_equal(pkts[i]->data_len, 100);
		assert_int_equal(pkts[i]->port, port_id);
	}
	assert_int_equal(rte_eth_tx_burst(port_id, 0, pkts, n), n);
	assert_int_equal(rte_eth_stats_get(port_id, &st), 0);
	assert_int_equal(st.ipackets, BURST);
	assert_int_equal(st.ibytes, BURST * 100);
	assert_int_equal(st.opackets, BURST);
	assert_int_equal(st.obytes, BURST * 100);
	assert_int_equal(st.q_ipackets[1], BURST);
	assert_int_equal(st.q_ipackets[0], 0);
	assert_int_equal(st.q_opackets[0], BURST);
	assert_int_equal(rte_eth_stats_reset(port_id), 0);
	assert_int_equal(rte_eth_stats_get(port_id, &st), 0);
	assert_int_equal(st.ipackets + st.opackets, 0);
	assert_int_equal(rte_eth_stats_get(port_id, NULL), -EINVAL);
	assert_int_equal(rte_eth_stats_get(RTE_MAX_ETHPORTS, &st), -ENODEV);
	assert_int_equal(rte_eth_stats_reset(RTE_MAX_ETHPORTS), -ENODEV);
	/* Stopped: nothing comes in, nothing goes out. */
	assert_int_equal(rte_eth_dev_stop(port_id), 0);
	assert_int_equal(rte_eth_rx_burst(port_id, 0, pkts, BURST), 0);

	/* no-rx receives nothing, but sends. */
	norx_id = eth_vdev_port("net_null1", "no-rx=1");
	eth_port_up(norx_id, 1, NULL);
	assert_int_equal(rte_eth_rx_burst(norx_id, 0, pkts, BURST), 0);
	assert_int_equal(rte_pktmbuf_alloc_bulk(eth_pool, pkts, 4), 0);
	assert_int_equal(rte_eth_tx_burst(norx_id, 0, pkts, 4), 4);

	/* copy goes through the bytes. */
	port_id = eth_vdev_port("net_null2", "copy=1,size=64");
	eth_port_up(port_id, 1, NULL);
	n = rte_eth_rx_burst(port_id, 0, pkts, BURST);
	assert_int_equal(n, BURST);
	assert_int_equal(rte_eth_tx_burst(port_id, 0, pkts, n), n);
	/* tx_prepare without a PMD hook takes everything. */
	assert_int_equal(rte_eth_tx_prepare(port_id, 0, pkts, 7), 7);
}

/* An exhausted eth_pool: rx_nombuf counts what could not be received. */
static void
test_null_nombuf(void **state)
{
	struct rte_mbuf *held[64], *pkts[BURST];
	struct rte_mempool *tiny;
	struct rte_eth_stats st;
	uint16_t port_id;

	(void)state;
	tiny = rte_pktmbuf_pool_create("eth_ut_tiny", 63, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
				       SOCKET_ID_ANY);
	assert_non_null(tiny);
	port_id = eth_vdev_port("net_null0", NULL);
	assert_int_equal(rte_eth_dev_configure(port_id, 1, 1, &(struct rte_eth_conf){ 0 }), 0);
	assert_int_equal(rte_eth_rx_queue_setup(port_id, 0, 0, SOCKET_ID_ANY, NULL, tiny), 0);
	assert_int_equal(rte_eth_tx_queue_setup(port_id, 0, 0, SOCKET_ID_ANY, NULL), 0);
	assert_int_equal(rte_eth_dev_start(port_id), 0);
	assert_int_equal(rte_pktmbuf_alloc_bulk(tiny, held, 63), 0);
	assert_int_equal(rte_eth_rx_burst(port_id, 0, pkts, BURST), 0);
	assert_int_equal(rte_eth_stats_get(port_id, &st), 0);
	assert_int_equal(st.rx_nombuf, BURST);
	rte_pktmbuf_free_bulk(held, 63);
	assert_int_equal(rte_eth_dev_stop(port_id), 0);
	assert_int_equal(rte_vdev_uninit("net_null0"), 0);
	rte_mempool_free(tiny);
}

static void
test_ring_from_rings(void **state)
{
	struct rte_ring *rx[2], *tx[2], *many[17];
	struct rte_mbuf *pkts[BURST], *got[BURST];
	struct rte_eth_dev_info info;
	struct rte_eth_stats st;
	int port_id;
	unsigned int i;

	(void)state;
	rx[0] = tx[1] = eth_make_ring("ut_ra");
	rx[1] = tx[0] = eth_make_ring("ut_rb");
	port_id = rte_eth_from_rings("ut_cross", rx, 2, tx, 2, SOCKET_ID_ANY);
	assert_true(port_id >= 0);
	eth_track_dev("net_ring_ut_cross");
	assert_int_equal(eth_port_of("net_ring_ut_cross"), port_id);
	assert_int_equal(rte_eth_dev_info_get(port_id, &info), 0);
	assert_string_equal(info.driver_name, "net_ring");
	assert_int_equal(info.max_rx_queues, 2);
	assert_int_equal(rte_eth_dev_configure(port_id, 3, 2, &(struct rte_eth_conf){ 0 }),
			 -EINVAL); /* too many queues */
	eth_port_up(port_id, 2, NULL);
	/* Tx queue 0 feeds ring b, which Rx queue 1 reads. */
	assert_int_equal(rte_pktmbuf_alloc_bulk(eth_pool, pkts, BURST), 0);
	assert_int_equal(rte_eth_tx_burst(port_id, 0, pkts, BURST), BURST);
	assert_int_equal(rte_eth_rx_burst(port_id, 0, got, BURST), 0);
	assert_int_equal(rte_eth_rx_burst(port_id, 1, got, BURST), BURST);
	for (i = 0; i < BURST; i++)
		assert_ptr_equal(got[i], pkts[i]);
	rte_pktmbuf_free_bulk(got, BURST);
	assert_int_equal(rte_eth_stats_get(port_id, &st), 0);
	assert_int_equal(st.ipackets, BURST);
	assert_int_equal(st.opackets, BURST);
	assert_int_equal(st.q_ipackets[1], BURST);
	assert_int_equal(st.q_opackets[0], BURST);
	assert_int_equal(st.oerrors, 0);

	/* Bad arguments. */
	for (i = 0; i < RTE_DIM(many); i++)
		many[i] = rx[0];
	rte_errno = 0;
	assert_int_equal(rte_eth_from_rings("ut_bad", many, 17, tx, 1, SOCKET_ID_ANY), -1);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_eth_from_rings("ut_bad", NULL, 1, tx, 1, SOCKET_ID_ANY), -1);
	assert_int_equal(rte_eth_from_rings(NULL, rx, 1, tx, 1, SOCKET_ID_ANY), -1);
	many[1] = NULL;
	assert_int_equal(rte_eth_from_rings("ut_bad", many, 2, tx, 1, SOCKET_ID_ANY), -1);
	assert_int_equal(rte_eth_from_ring(NULL), -1);
	/* The same name twice. */
	assert_int_equal(rte_eth_from_rings("ut_cross", rx, 1, tx, 1, SOCKET_ID_ANY), -1);
	assert_int_equal(rte_errno, EEXIST);
}

/* A full ring refuses the rest: oerrors counts them, the caller keeps them. */
static void
test_ring_full(void **state)
{
	struct rte_mbuf *pkts[BURST];
	struct rte_ring *r;
	struct rte_eth_stats st;
	uint16_t port_id, sent;
	int id;

	(void)state;
	r = rte_ring_create("ut_small", 16, SOCKET_ID_ANY, RING_F_SP_ENQ | RING_F_SC_DEQ);
	assert_non_null(r);
	eth_track_ring(r);
	id = rte_eth_from_ring(r);
	assert_true(id >= 0);
	port_id = (uint16_t)id;
	eth_track_dev("net_ring_ut_small");
	eth_port_up(port_id, 1, NULL);
	assert_int_equal(rte_pktmbuf_alloc_bulk(eth_pool, pkts, BURST), 0);
	sent = rte_eth_tx_burst(port_id, 0, pkts, BURST);
	assert_int_equal(sent, 15);
	assert_int_equal(rte_eth_stats_get(port_id, &st), 0);
	assert_int_equal(st.oerrors, BURST - 15);
	rte_pktmbuf_free_bulk(pkts + sent, BURST - sent);
	assert_int_equal(rte_eth_rx_burst(port_id, 0, pkts, BURST), 15);
	rte_pktmbuf_free_bulk(pkts, 15);
}

static void
test_ring_nodeaction(void **state)
{
	static const char *const bad[] = {
		"nodeaction=ut_x", "nodeaction=ut_x:0", "nodeaction=ut_x:0:MAKE",
		"nodeaction=:0:CREATE", "nodeaction=ut_x:zero:CREATE", "nodeaction=ut_x:0:create",
		"nodeaction=ut_x:999:CREATE", "bogus=1",
		"nodeaction=ut_x:0:CREATE,nodeaction=ut_missing:0:ATTACH",
	};
	struct rte_mbuf *pkts[BURST], *got[BURST];
	struct rte_eth_dev_info info;
	uint16_t a, b;
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(bad); i++) {
		int ret = rte_vdev_init("net_ring9", bad[i]);

		if (ret >= 0)
			fail_msg("net_ring9,%s was accepted", bad[i]);
		assert_null(rte_eth_dev_allocated("net_ring9"));
		/* Nothing made for a port that is not. */
		assert_null(rte_ring_lookup("ut_x"));
	}
	assert_int_equal(rte_vdev_init("net_ring9", bad[8]), -ENOENT);
	assert_int_equal(rte_vdev_init("net_ring9", bad[0]), -EINVAL);

	/* Two pairs on new rings; another port attached to the first ring. */
	a = eth_vdev_port("net_ring0", "nodeaction=ut_n0:0:CREATE,nodeaction=ut_n1:0:CREATE");
	assert_non_null(rte_ring_lookup("ut_n0"));
	assert_non_null(rte_ring_lookup("ut_n1"));
	b = eth_vdev_port("net_ring1", "nodeaction=ut_n0:0:ATTACH");
	eth_port_up(a, 2, NULL);
	eth_port_up(b, 1, NULL);
	assert_int_equal(rte_pktmbuf_alloc_bulk(eth_pool, pkts, BURST), 0);
	assert_int_equal(rte_eth_tx_burst(a, 0, pkts, BURST), BURST);
	assert_int_equal(rte_eth_rx_burst(b, 0, got, BURST), BURST);
	assert_int_equal(rte_eth_tx_burst(b, 0, got, BURST), BURST);
	assert_int_equal(rte_eth_rx_burst(a, 0, pkts, BURST), BURST);
	rte_pktmbuf_free_bulk(pkts, BURST);
	/* CREATE an existing ring: refused. */
	assert_true(rte_vdev_init("net_ring2", "nodeaction=ut_n1:0:CREATE") < 0);
	assert_int_equal(rte_eth_dev_stop(b), 0);
	assert_int_equal(rte_vdev_uninit("net_ring1"), 0);
	assert_non_null(rte_ring_lookup("ut_n0")); /* attached: not the port's to free */
	assert_int_equal(rte_eth_dev_stop(a), 0);
	assert_int_equal(rte_vdev_uninit("net_ring0"), 0);
	assert_null(rte_ring_lookup("ut_n0"));     /* created: freed with the port */
	assert_null(rte_ring_lookup("ut_n1"));

	/* No devargs: 16 loopback pairs over rings named after the device. */
	a = eth_vdev_port("net_ring3", NULL);
	assert_int_equal(rte_eth_dev_info_get(a, &info), 0);
	assert_int_equal(info.max_rx_queues, 16);
	assert_int_equal(info.max_tx_queues, 16);
	assert_non_null(rte_ring_lookup("net_ring3_0"));
	assert_non_null(rte_ring_lookup("net_ring3_15"));
	eth_port_up(a, 16, NULL);
	assert_int_equal(rte_pktmbuf_alloc_bulk(eth_pool, pkts, BURST), 0);
	assert_int_equal(rte_eth_tx_burst(a, 15, pkts, BURST), BURST);
	assert_int_equal(rte_eth_rx_burst(a, 0, got, BURST), 0);
	assert_int_equal(rte_eth_rx_burst(a, 15, got, BURST), BURST);
	rte_pktmbuf_free_bulk(got, BURST);
	assert_int_equal(rte_eth_dev_stop(a), 0);
	assert_int_equal(rte_vdev_uninit("net_ring3"), 0);
	assert_null(rte_ring_lookup("net_ring3_0"));
	/* Too long a name to name 16 rings after: refused, nothing left. */
	assert_int_equal(rte_vdev_init("net_ring_with_a_very_long_name_x", NULL), -ENAMETOOLONG);
	assert_null(rte_ring_lookup("net_ring_with_a_very_long_name_x_0"));
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test_setup_teardown(test_null_devargs, eth_fixture_setup, eth_fixture_teardown),
	cmocka_unit_test_setup_teardown(test_null_rx_tx, eth_fixture_setup, eth_fixture_teardown),
	cmocka_unit_test_setup_teardown(test_null_nombuf, eth_fixture_setup, eth_fixture_teardown),
	cmocka_unit_test_setup_teardown(test_ring_from_rings, eth_fixture_setup, eth_fixture_teardown),
	cmocka_unit_test_setup_teardown(test_ring_full, eth_fixture_setup, eth_fixture_teardown),
	cmocka_unit_test_setup_teardown(test_ring_nodeaction, eth_fixture_setup, eth_fixture_teardown),
};

REGISTER_TEST_GROUP(soft_pmds, tests);
