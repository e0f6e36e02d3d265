/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Ethernet ports in one process (group ethdev): net_null ports made with
 * rte_vdev_init() and net_ring ports made with rte_eth_from_rings() or
 * nodeaction devargs, driven through the whole application API, with bad
 * arguments for each call. Ports across processes are in test_ethdev_mp.c.
 * Every test removes the devices it made (teardown), so tests run alone
 * or together.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ethdev_driver.h>
#include <rte_bus_vdev.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <rte_errno.h>
#include <rte_eth_ring.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_ring.h>

#include "test.h"

#define POOL_NAME "eth_ut_pool"
#define BURST 32

static struct rte_mempool *pool;

/* The devices (and rings) a test made, removed by teardown. */
static char made_devs[16][RTE_DEV_NAME_MAX_LEN];
static unsigned int nb_made_devs;
static struct rte_ring *made_rings[16];
static unsigned int nb_made_rings;

static int
setup(void **state)
{
	(void)state;
	if (test_eal_init_once() != 0)
		return -1;
	pool = rte_mempool_lookup(POOL_NAME);
	if (pool == NULL)
		pool = rte_pktmbuf_pool_create(POOL_NAME, 4095, 32, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
					       SOCKET_ID_ANY);
	return pool != NULL ? 0 : -1;
}

static int
teardown(void **state)
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
	return rte_eth_dev_count_total() == 0 && rte_mempool_full(pool) ? 0 : -1;
}

static void
track_dev(const char *name)
{
	snprintf(made_devs[nb_made_devs++], RTE_DEV_NAME_MAX_LEN, "%s", name);
}

static struct rte_ring *
make_ring(const char *name)
{
	struct rte_ring *r = rte_ring_create(name, 1024, SOCKET_ID_ANY,
					     RING_F_SP_ENQ | RING_F_SC_DEQ);

	assert_non_null(r);
	made_rings[nb_made_rings++] = r;
	return r;
}

static uint16_t
port_of(const char *name)
{
	uint16_t port_id = RTE_MAX_ETHPORTS;

	assert_int_equal(rte_eth_dev_get_port_by_name(name, &port_id), 0);
	return port_id;
}

/* The port of a new vdev (net_null, net_ring) made with rte_vdev_init(). */
static uint16_t
vdev_port(const char *name, const char *args)
{
	assert_int_equal(rte_vdev_init(name, args), 0);
	track_dev(name);
	return port_of(name);
}

/* A loopback net_ring port over one new ring, made with rte_eth_from_ring. */
static uint16_t
ring_port(const char *ring_name)
{
	char devname[RTE_DEV_NAME_MAX_LEN];
	int port_id = rte_eth_from_ring(make_ring(ring_name));

	assert_true(port_id >= 0);
	snprintf(devname, sizeof(devname), "net_ring_%s", ring_name);
	track_dev(devname);
	return (uint16_t)port_id;
}

static void
setup_queues(uint16_t port_id, uint16_t nb_rx, uint16_t nb_tx)
{
	uint16_t q;

	for (q = 0; q < nb_rx; q++)
		assert_int_equal(rte_eth_rx_queue_setup(port_id, q, 0, SOCKET_ID_ANY, NULL, pool),
				 0);
	for (q = 0; q < nb_tx; q++)
		assert_int_equal(rte_eth_tx_queue_setup(port_id, q, 0, SOCKET_ID_ANY, NULL), 0);
}

/* Configure with nb queues each way, set them up, start. */
static void
port_up(uint16_t port_id, uint16_t nb, const struct rte_eth_conf *conf)
{
	const struct rte_eth_conf zero = { 0 };

	assert_int_equal(rte_eth_dev_configure(port_id, nb, nb, conf != NULL ? conf : &zero), 0);
	setup_queues(port_id, nb, nb);
	assert_int_equal(rte_eth_dev_start(port_id), 0);
}

static void
test_probe_and_lookup(void **state)
{
	char name[RTE_ETH_NAME_MAX_LEN];
	uint16_t before = rte_eth_dev_count_avail(), port_id, p;
	unsigned int seen = 0;

	(void)state;
	port_id = vdev_port("net_null0", NULL);
	assert_true(rte_eth_dev_is_valid_port(port_id));
	assert_int_equal(rte_eth_dev_count_avail(), before + 1);
	assert_int_equal(rte_eth_dev_count_total(), before + 1);
	assert_int_equal(rte_eth_dev_get_name_by_port(port_id, name), 0);
	assert_string_equal(name, "net_null0");
	assert_int_equal(rte_eth_dev_socket_id(port_id), SOCKET_ID_ANY);
	assert_ptr_equal(rte_eth_dev_allocated("net_null0"), &rte_eth_devices[port_id]);
	assert_int_equal(rte_eth_find_next(0), port_id);
	RTE_ETH_FOREACH_DEV(p)
		seen += p == port_id;
	assert_int_equal(seen, 1);
	/* The same device twice. */
	assert_int_equal(rte_vdev_init("net_null0", NULL), -EEXIST);

	/* Bad arguments. */
	assert_false(rte_eth_dev_is_valid_port(RTE_MAX_ETHPORTS));
	assert_false(rte_eth_dev_is_valid_port(port_id + 1));
	assert_int_equal(rte_eth_dev_get_name_by_port(port_id + 1, name), -ENODEV);
	assert_int_equal(rte_eth_dev_get_name_by_port(port_id, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_get_port_by_name("net_null9", &p), -ENODEV);
	assert_int_equal(rte_eth_dev_get_port_by_name(NULL, &p), -EINVAL);
	assert_int_equal(rte_eth_dev_get_port_by_name("net_null0", NULL), -EINVAL);
	rte_errno = 0;
	assert_int_equal(rte_eth_dev_socket_id(RTE_MAX_ETHPORTS), SOCKET_ID_ANY);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_eth_find_next(port_id + 1), RTE_MAX_ETHPORTS);
}

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
	port_id = vdev_port("net_null1", "size=256,copy=1");
	assert_int_equal(rte_eth_dev_info_get(port_id, &info), 0);
	assert_int_equal(info.min_rx_bufsize, 256);
	port_id = vdev_port("net_null2", "no-rx=1,copy=0");
	assert_int_equal(rte_eth_dev_count_total(), before + 2);
}

static void
test_info_and_configure(void **state)
{
	struct rte_eth_conf conf = { 0 };
	struct rte_eth_dev_info info;
	uint16_t port_id;

	(void)state;
	port_id = vdev_port("net_null0", NULL);
	assert_int_equal(rte_eth_dev_info_get(port_id, &info), 0);
	assert_string_equal(info.driver_name, "net_null");
	assert_non_null(info.device);
	assert_string_equal(rte_dev_name(info.device), "net_null0");
	assert_int_equal(info.max_rx_queues, RTE_MAX_QUEUES_PER_PORT);
	assert_int_equal(info.nb_rx_queues, 0);
	assert_true(*info.dev_flags & RTE_ETH_DEV_INTR_LSC);
	assert_int_equal(info.min_mtu, RTE_ETHER_MIN_MTU);
	assert_int_equal(rte_eth_dev_info_get(port_id, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_info_get(RTE_MAX_ETHPORTS, &info), -ENODEV);

	/* Refused configurations. */
	assert_int_equal(rte_eth_dev_configure(RTE_MAX_ETHPORTS, 1, 1, &conf), -ENODEV);
	assert_int_equal(rte_eth_dev_configure(port_id, 1, 1, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_configure(port_id, RTE_MAX_QUEUES_PER_PORT + 1, 1, &conf),
			 -EINVAL);
	assert_int_equal(rte_eth_dev_configure(port_id, 1, RTE_MAX_QUEUES_PER_PORT + 1, &conf),
			 -EINVAL);
	conf.rxmode.mtu = 20;
	assert_int_equal(rte_eth_dev_configure(port_id, 1, 1, &conf), -EINVAL);
	conf.rxmode.mtu = 0;
	conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_VLAN_STRIP;
	assert_int_equal(rte_eth_dev_configure(port_id, 1, 1, &conf), -EINVAL);
	conf.rxmode.offloads = 0;
	conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_TCP_TSO;
	assert_int_equal(rte_eth_dev_configure(port_id, 1, 1, &conf), -EINVAL);
	conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE;
	conf.rxmode.mq_mode = RTE_ETH_MQ_RX_RSS;
	conf.rx_adv_conf.rss_conf.rss_hf = RTE_ETH_RSS_IP;
	assert_int_equal(rte_eth_dev_configure(port_id, 1, 1, &conf), -EINVAL);
	conf.rx_adv_conf.rss_conf.rss_hf = 0;
	conf.intr_conf.rmv = 1;
	assert_int_equal(rte_eth_dev_configure(port_id, 1, 1, &conf), -EINVAL);
	conf.intr_conf.rmv = 0;

	/* Accepted: 0 and 0 mean the PMD's preference, one each. */
	assert_int_equal(rte_eth_dev_configure(port_id, 0, 0, &conf), 0);
	assert_int_equal(rte_eth_dev_info_get(port_id, &info), 0);
	assert_int_equal(info.nb_rx_queues, 1);
	assert_int_equal(info.nb_tx_queues, 1);
	conf.intr_conf.lsc = 1;
	assert_int_equal(rte_eth_dev_configure(port_id, 4, 2, &conf), 0);
	assert_int_equal(rte_eth_dev_info_get(port_id, &info), 0);
	assert_int_equal(info.nb_rx_queues, 4);
	assert_int_equal(info.nb_tx_queues, 2);
}

static void
test_queue_setup(void **state)
{
	struct rte_eth_conf conf = { 0 };
	struct rte_eth_rxconf rxconf = { 0 };
	struct rte_mempool *small;
	uint16_t port_id, nb_rx = 0, nb_tx = 5000;

	(void)state;
	port_id = vdev_port("net_null0", "size=1500");
	assert_int_equal(rte_eth_rx_queue_setup(port_id, 0, 0, SOCKET_ID_ANY, NULL, pool),
			 -EINVAL); /* not configured: no queue 0 yet */
	assert_int_equal(rte_eth_dev_configure(port_id, 2, 2, &conf), 0);
	assert_int_equal(rte_eth_rx_queue_setup(port_id, 2, 0, SOCKET_ID_ANY, NULL, pool),
			 -EINVAL);
	assert_int_equal(rte_eth_tx_queue_setup(port_id, 2, 0, SOCKET_ID_ANY, NULL), -EINVAL);
	assert_int_equal(rte_eth_rx_queue_setup(port_id, 0, 0, SOCKET_ID_ANY, NULL, NULL),
			 -EINVAL);
	assert_int_equal(rte_eth_rx_queue_setup(RTE_MAX_ETHPORTS, 0, 0, SOCKET_ID_ANY, NULL,
						pool), -ENODEV);
	assert_int_equal(rte_eth_tx_queue_setup(RTE_MAX_ETHPORTS, 0, 0, SOCKET_ID_ANY, NULL),
			 -ENODEV);
	/* Mbufs smaller than the port's packets. */
	small = rte_pktmbuf_pool_create("eth_ut_small", 63, 0, 0, RTE_PKTMBUF_HEADROOM + 512,
					SOCKET_ID_ANY);
	assert_non_null(small);
	assert_int_equal(rte_eth_rx_queue_setup(port_id, 0, 0, SOCKET_ID_ANY, NULL, small),
			 -EINVAL);
	rte_mempool_free(small);
	/* A per-queue offload the port does not offer. */
	rxconf.offloads = RTE_ETH_RX_OFFLOAD_TIMESTAMP;
	assert_int_equal(rte_eth_rx_queue_setup(port_id, 0, 0, SOCKET_ID_ANY, &rxconf, pool),
			 -EINVAL);
	/* Not every queue set up: no start. */
	setup_queues(port_id, 1, 1);
	assert_int_equal(rte_eth_dev_start(port_id), -EINVAL);
	setup_queues(port_id, 2, 2);
	/* Setting a queue up again replaces it. */
	setup_queues(port_id, 2, 2);
	assert_int_equal(rte_eth_dev_start(port_id), 0);
	assert_int_equal(rte_eth_rx_queue_setup(port_id, 0, 0, SOCKET_ID_ANY, NULL, pool),
			 -EBUSY);
	assert_int_equal(rte_eth_tx_queue_setup(port_id, 0, 0, SOCKET_ID_ANY, NULL), -EBUSY);
	/* Fewer queues: the others are released. */
	assert_int_equal(rte_eth_dev_stop(port_id), 0);
	assert_int_equal(rte_eth_dev_configure(port_id, 1, 1, &conf), 0);
	assert_null(rte_eth_devices[port_id].data->rx_queues[1]);
	assert_int_equal(rte_eth_dev_start(port_id), 0);

	assert_int_equal(rte_eth_dev_adjust_nb_rx_tx_desc(port_id, &nb_rx, &nb_tx), 0);
	assert_int_equal(nb_rx, 0);
	assert_int_equal(nb_tx, 5000);
	assert_int_equal(rte_eth_dev_adjust_nb_rx_tx_desc(port_id, NULL, NULL), 0);
	assert_int_equal(rte_eth_dev_adjust_nb_rx_tx_desc(RTE_MAX_ETHPORTS, &nb_rx, NULL),
			 -ENODEV);
}

static void
test_start_stop_close(void **state)
{
	struct rte_eth_conf conf = { 0 };
	uint16_t port_id;

	(void)state;
	port_id = vdev_port("net_null0", NULL);
	assert_int_equal(rte_eth_dev_start(port_id), -EINVAL); /* not configured */
	port_up(port_id, 1, NULL);
	assert_int_equal(rte_eth_dev_start(port_id), 0);       /* already started */
	assert_int_equal(rte_eth_dev_configure(port_id, 1, 1, &conf), -EBUSY);
	assert_int_equal(rte_eth_dev_close(port_id), -EINVAL); /* started */
	assert_int_equal(rte_eth_dev_stop(port_id), 0);
	assert_int_equal(rte_eth_dev_stop(port_id), 0);        /* already stopped */
	assert_int_equal(rte_eth_dev_start(port_id), 0);       /* again */
	assert_int_equal(rte_eth_dev_stop(port_id), 0);
	assert_int_equal(rte_eth_dev_start(RTE_MAX_ETHPORTS), -ENODEV);
	assert_int_equal(rte_eth_dev_stop(RTE_MAX_ETHPORTS), -ENODEV);
	assert_int_equal(rte_eth_dev_close(RTE_MAX_ETHPORTS), -ENODEV);

	/* Close releases the port; the device stays until removed. */
	assert_int_equal(rte_eth_dev_close(port_id), 0);
	assert_false(rte_eth_dev_is_valid_port(port_id));
	assert_null(rte_eth_dev_allocated("net_null0"));
	assert_int_equal(rte_vdev_uninit("net_null0"), 0);
	assert_int_equal(rte_vdev_uninit("net_null0"), -ENOENT);
}

static void
test_reset(void **state)
{
	uint16_t null_id, ring_id;

	(void)state;
	null_id = vdev_port("net_null0", NULL);
	port_up(null_id, 2, NULL);
	assert_int_equal(rte_eth_dev_reset(null_id), 0);
	assert_int_equal(rte_eth_devices[null_id].data->dev_started, 0);
	assert_int_equal(rte_eth_dev_start(null_id), -EINVAL); /* configure it again first */
	port_up(null_id, 1, NULL);
	ring_id = ring_port("ut_reset");
	assert_int_equal(rte_eth_dev_reset(ring_id), -ENOTSUP);
	assert_int_equal(rte_eth_dev_reset(RTE_MAX_ETHPORTS), -ENODEV);
}

static void
free_all(struct rte_mbuf **pkts, uint16_t n)
{
	rte_pktmbuf_free_bulk(pkts, n);
}

static void
test_null_rx_tx(void **state)
{
	struct rte_mbuf *pkts[BURST];
	struct rte_eth_stats st;
	uint16_t port_id, norx_id, n, i;

	(void)state;
	port_id = vdev_port("net_null0", "size=100");
	/* Not started: the fast path is a dummy. */
	assert_int_equal(rte_eth_rx_burst(port_id, 0, pkts, BURST), 0);
	port_up(port_id, 2, NULL);
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
	norx_id = vdev_port("net_null1", "no-rx=1");
	port_up(norx_id, 1, NULL);
	assert_int_equal(rte_eth_rx_burst(norx_id, 0, pkts, BURST), 0);
	assert_int_equal(rte_pktmbuf_alloc_bulk(pool, pkts, 4), 0);
	assert_int_equal(rte_eth_tx_burst(norx_id, 0, pkts, 4), 4);

	/* copy goes through the bytes. */
	port_id = vdev_port("net_null2", "copy=1,size=64");
	port_up(port_id, 1, NULL);
	n = rte_eth_rx_burst(port_id, 0, pkts, BURST);
	assert_int_equal(n, BURST);
	assert_int_equal(rte_eth_tx_burst(port_id, 0, pkts, n), n);
	/* tx_prepare without a PMD hook takes everything. */
	assert_int_equal(rte_eth_tx_prepare(port_id, 0, pkts, 7), 7);
}

/* An exhausted pool: rx_nombuf counts what could not be received. */
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
	port_id = vdev_port("net_null0", NULL);
	assert_int_equal(rte_eth_dev_configure(port_id, 1, 1, &(struct rte_eth_conf){ 0 }), 0);
	assert_int_equal(rte_eth_rx_queue_setup(port_id, 0, 0, SOCKET_ID_ANY, NULL, tiny), 0);
	assert_int_equal(rte_eth_tx_queue_setup(port_id, 0, 0, SOCKET_ID_ANY, NULL), 0);
	assert_int_equal(rte_eth_dev_start(port_id), 0);
	assert_int_equal(rte_pktmbuf_alloc_bulk(tiny, held, 63), 0);
	assert_int_equal(rte_eth_rx_burst(port_id, 0, pkts, BURST), 0);
	assert_int_equal(rte_eth_stats_get(port_id, &st), 0);
	assert_int_equal(st.rx_nombuf, BURST);
	free_all(held, 63);
	assert_int_equal(rte_eth_dev_stop(port_id), 0);
	assert_int_equal(rte_vdev_uninit("net_null0"), 0);
	rte_mempool_free(tiny);
}

static uint64_t
xstat_by_name(uint16_t port_id, const char *name)
{
	struct rte_eth_xstat_name names[64];
	struct rte_eth_xstat values[64];
	int n, i;

	n = rte_eth_xstats_get_names(port_id, names, RTE_DIM(names));
	assert_true(n > 0 && n <= (int)RTE_DIM(names));
	assert_int_equal(rte_eth_xstats_get(port_id, values, RTE_DIM(values)), n);
	for (i = 0; i < n; i++) {
		if (strcmp(names[i].name, name) == 0) {
			assert_int_equal(values[i].id, i);
			return values[i].value;
		}
	}
	fail_msg("no xstat %s", name);
	return 0;
}

static void
test_xstats(void **state)
{
	struct rte_eth_xstat_name names[4];
	struct rte_eth_xstat values[4];
	struct rte_mbuf *pkts[BURST];
	uint16_t port_id;
	int n;

	(void)state;
	port_id = vdev_port("net_null0", "size=60");
	port_up(port_id, 2, NULL);
	/* 8 generic, 3 per Rx queue, 2 per Tx queue. */
	n = rte_eth_xstats_get_names(port_id, NULL, 0);
	assert_int_equal(n, 8 + 2 * 3 + 2 * 2);
	assert_int_equal(rte_eth_xstats_get_names(port_id, names, RTE_DIM(names)), n);
	assert_int_equal(rte_eth_xstats_get(port_id, NULL, 0), n);
	assert_int_equal(rte_eth_xstats_get(port_id, values, RTE_DIM(values)), n);
	assert_int_equal(rte_eth_rx_burst(port_id, 1, pkts, 10), 10);
	assert_int_equal(rte_eth_tx_burst(port_id, 0, pkts, 10), 10);
	assert_int_equal(xstat_by_name(port_id, "rx_good_packets"), 10);
	assert_int_equal(xstat_by_name(port_id, "rx_good_bytes"), 600);
	assert_int_equal(xstat_by_name(port_id, "rx_q1_packets"), 10);
	assert_int_equal(xstat_by_name(port_id, "rx_q0_packets"), 0);
	assert_int_equal(xstat_by_name(port_id, "tx_q0_bytes"), 600);
	assert_int_equal(xstat_by_name(port_id, "rx_mbuf_allocation_errors"), 0);
	assert_int_equal(rte_eth_xstats_reset(port_id), 0);
	assert_int_equal(xstat_by_name(port_id, "tx_good_packets"), 0);
	assert_int_equal(rte_eth_xstats_get_names(RTE_MAX_ETHPORTS, NULL, 0), -ENODEV);
	assert_int_equal(rte_eth_xstats_get(RTE_MAX_ETHPORTS, NULL, 0), -ENODEV);
}

static void
test_link(void **state)
{
	struct rte_eth_link link;
	char text[RTE_ETH_LINK_MAX_STR_LEN];
	uint16_t port_id;

	(void)state;
	port_id = vdev_port("net_null0", NULL);
	assert_int_equal(rte_eth_link_get_nowait(port_id, &link), 0);
	assert_int_equal(link.link_status, RTE_ETH_LINK_DOWN);
	assert_true(rte_eth_link_to_str(text, sizeof(text), &link) > 0);
	assert_string_equal(text, "Link down");
	port_up(port_id, 1, NULL);
	assert_int_equal(rte_eth_link_get(port_id, &link), 0);
	assert_int_equal(link.link_status, RTE_ETH_LINK_UP);
	assert_int_equal(link.link_speed, RTE_ETH_SPEED_NUM_10G);
	assert_int_equal(link.link_duplex, RTE_ETH_LINK_FULL_DUPLEX);
	rte_eth_link_to_str(text, sizeof(text), &link);
	assert_string_equal(text, "Link up at 10 Gbps FDX Fixed");
	assert_int_equal(rte_eth_dev_set_link_down(port_id), 0);
	assert_int_equal(rte_eth_link_get_nowait(port_id, &link), 0);
	assert_int_equal(link.link_status, RTE_ETH_LINK_DOWN);
	assert_int_equal(rte_eth_dev_set_link_up(port_id), 0);
	assert_int_equal(rte_eth_link_get_nowait(port_id, &link), 0);
	assert_int_equal(link.link_status, RTE_ETH_LINK_UP);

	assert_string_equal(rte_eth_link_speed_to_str(RTE_ETH_SPEED_NUM_100G), "100 Gbps");
	assert_string_equal(rte_eth_link_speed_to_str(RTE_ETH_SPEED_NUM_2_5G), "2.5 Gbps");
	assert_string_equal(rte_eth_link_speed_to_str(RTE_ETH_SPEED_NUM_NONE), "None");
	assert_string_equal(rte_eth_link_speed_to_str(RTE_ETH_SPEED_NUM_UNKNOWN), "Unknown");
	assert_string_equal(rte_eth_link_speed_to_str(12345), "Invalid");
	assert_int_equal(rte_eth_link_to_str(NULL, 10, &link), -EINVAL);
	assert_int_equal(rte_eth_link_to_str(text, 0, &link), -EINVAL);
	assert_int_equal(rte_eth_link_to_str(text, sizeof(text), NULL), -EINVAL);
	assert_int_equal(rte_eth_link_get(port_id, NULL), -EINVAL);
	assert_int_equal(rte_eth_link_get(RTE_MAX_ETHPORTS, &link), -ENODEV);
	assert_int_equal(rte_eth_dev_set_link_up(RTE_MAX_ETHPORTS), -ENODEV);
}

static void
test_mac_modes_mtu(void **state)
{
	struct rte_ether_addr mac, want = { .addr_bytes = { 0x02, 0, 0, 0, 0, 0x42 } };
	struct rte_ether_addr mcast = { .addr_bytes = { 0x01, 0, 0x5e, 0, 0, 1 } };
	struct rte_ether_addr zero = { .addr_bytes = { 0 } };
	uint16_t port_id, mtu;

	(void)state;
	port_id = vdev_port("net_null0", NULL);
	assert_int_equal(rte_eth_macaddr_get(port_id, &mac), 0);
	assert_true(rte_is_valid_assigned_ether_addr(&mac));
	assert_int_equal(rte_eth_dev_default_mac_addr_set(port_id, &want), 0);
	assert_int_equal(rte_eth_macaddr_get(port_id, &mac), 0);
	assert_true(rte_is_same_ether_addr(&mac, &want));
	assert_int_equal(rte_eth_dev_default_mac_addr_set(port_id, &mcast), -EINVAL);
	assert_int_equal(rte_eth_dev_default_mac_addr_set(port_id, &zero), -EINVAL);
	assert_int_equal(rte_eth_dev_default_mac_addr_set(port_id, NULL), -EINVAL);
	assert_int_equal(rte_eth_macaddr_get(port_id, NULL), -EINVAL);
	assert_int_equal(rte_eth_macaddr_get(RTE_MAX_ETHPORTS, &mac), -ENODEV);

	assert_int_equal(rte_eth_promiscuous_get(port_id), 0);
	assert_int_equal(rte_eth_promiscuous_enable(port_id), 0);
	assert_int_equal(rte_eth_promiscuous_enable(port_id), 0);
	assert_int_equal(rte_eth_promiscuous_get(port_id), 1);
	assert_int_equal(rte_eth_promiscuous_disable(port_id), 0);
	assert_int_equal(rte_eth_promiscuous_get(port_id), 0);
	assert_int_equal(rte_eth_allmulticast_enable(port_id), 0);
	assert_int_equal(rte_eth_allmulticast_get(port_id), 1);
	assert_int_equal(rte_eth_allmulticast_disable(port_id), 0);
	assert_int_equal(rte_eth_allmulticast_get(port_id), 0);
	assert_int_equal(rte_eth_promiscuous_get(RTE_MAX_ETHPORTS), -ENODEV);
	assert_int_equal(rte_eth_promiscuous_enable(RTE_MAX_ETHPORTS), -ENODEV);
	assert_int_equal(rte_eth_allmulticast_get(RTE_MAX_ETHPORTS), -ENODEV);

	assert_int_equal(rte_eth_dev_get_mtu(port_id, &mtu), 0);
	assert_int_equal(mtu, RTE_ETHER_MTU);
	assert_int_equal(rte_eth_dev_set_mtu(port_id, 9000), -EINVAL); /* not configured */
	port_up(port_id, 1, NULL);
	assert_int_equal(rte_eth_dev_set_mtu(port_id, 9000), 0);
	assert_int_equal(rte_eth_dev_get_mtu(port_id, &mtu), 0);
	assert_int_equal(mtu, 9000);
	assert_int_equal(rte_eth_dev_set_mtu(port_id, 10), -EINVAL);
	assert_int_equal(rte_eth_dev_get_mtu(port_id, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_get_mtu(RTE_MAX_ETHPORTS, &mtu), -ENODEV);
	assert_int_equal(rte_eth_dev_set_mtu(RTE_MAX_ETHPORTS, 1500), -ENODEV);
}

static void
test_owner(void **state)
{
	struct rte_eth_dev_owner a = { .name = "app_a" }, b = { .name = "app_b" }, got;
	struct rte_eth_dev_owner nameless = { 0 };
	uint16_t port_id, other, p;
	unsigned int seen = 0;

	(void)state;
	port_id = vdev_port("net_null0", NULL);
	other = vdev_port("net_null1", NULL);
	assert_int_equal(rte_eth_dev_owner_new(&a.id), 0);
	assert_int_equal(rte_eth_dev_owner_new(&b.id), 0);
	assert_true(b.id > a.id && a.id != RTE_ETH_DEV_NO_OWNER);
	assert_int_equal(rte_eth_dev_owner_new(NULL), -EINVAL);

	assert_int_equal(rte_eth_dev_owner_set(port_id, &a), 0);
	assert_int_equal(rte_eth_dev_owner_get(port_id, &got), 0);
	assert_int_equal(got.id, a.id);
	assert_string_equal(got.name, "app_a");
	/* Owned ports are hidden from RTE_ETH_FOREACH_DEV. */
	assert_int_equal(rte_eth_dev_count_avail(), 1);
	assert_int_equal(rte_eth_dev_count_total(), 2);
	RTE_ETH_FOREACH_DEV(p)
		seen += p == port_id;
	assert_int_equal(seen, 0);
	assert_int_equal(rte_eth_find_next_owned_by(0, a.id), port_id);
	assert_int_equal(rte_eth_find_next_owned_by(port_id + 1, a.id), RTE_MAX_ETHPORTS);

	/* Conflicts. */
	assert_int_equal(rte_eth_dev_owner_set(port_id, &b), -EPERM);
	assert_int_equal(rte_eth_dev_owner_set(port_id, &a), -EPERM);
	assert_int_equal(rte_eth_dev_owner_unset(port_id, b.id), -EPERM);
	assert_int_equal(rte_eth_dev_owner_unset(port_id, b.id + 100), -EINVAL);
	nameless.id = b.id + 100;
	assert_int_equal(rte_eth_dev_owner_set(other, &nameless), -EINVAL);
	nameless.id = b.id;
	memset(nameless.name, 'x', sizeof(nameless.name));
	assert_int_equal(rte_eth_dev_owner_set(other, &nameless), -EINVAL);
	assert_int_equal(rte_eth_dev_owner_set(other, NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_owner_set(RTE_MAX_ETHPORTS, &a), -ENODEV);
	assert_int_equal(rte_eth_dev_owner_get(RTE_MAX_ETHPORTS, &got), -ENODEV);
	assert_int_equal(rte_eth_dev_owner_get(port_id, NULL), -EINVAL);

	assert_int_equal(rte_eth_dev_owner_unset(port_id, a.id), 0);
	assert_int_equal(rte_eth_dev_owner_get(port_id, &got), 0);
	assert_int_equal(got.id, RTE_ETH_DEV_NO_OWNER);
	assert_int_equal(rte_eth_dev_count_avail(), 2);

	/* Delete releases every port of an owner. */
	assert_int_equal(rte_eth_dev_owner_set(port_id, &b), 0);
	assert_int_equal(rte_eth_dev_owner_set(other, &b), 0);
	assert_int_equal(rte_eth_dev_count_avail(), 0);
	assert_int_equal(rte_eth_dev_owner_delete(b.id), 0);
	assert_int_equal(rte_eth_dev_count_avail(), 2);
	assert_int_equal(rte_eth_dev_owner_delete(RTE_ETH_DEV_NO_OWNER), -EINVAL);
	assert_int_equal(rte_eth_dev_owner_delete(b.id + 100), -EINVAL);
}

#define MAX_EVENTS 32

struct event_log {
	unsigned int n;
	struct {
		uint16_t port_id;
		enum rte_eth_event_type type;
	} ev[MAX_EVENTS];
	int valid_in_new;   /* was the port valid (and named) when NEW fired */
};

static int
log_event(uint16_t port_id, enum rte_eth_event_type type, void *arg, void *ret_param)
{
	struct event_log *log = arg;
	char name[RTE_ETH_NAME_MAX_LEN];

	(void)ret_param;
	if (type == RTE_ETH_EVENT_NEW)
		log->valid_in_new = rte_eth_dev_get_name_by_port(port_id, name) == 0;
	if (log->n < MAX_EVENTS) {
		log->ev[log->n].port_id = port_id;
		log->ev[log->n].type = type;
		log->n++;
	}
	return 42;
}

static unsigned int
count_events(const struct event_log *log, uint16_t port_id, enum rte_eth_event_type type)
{
	unsigned int i, n = 0;

	for (i = 0; i < log->n; i++)
		n += log->ev[i].port_id == port_id && log->ev[i].type == type;
	return n;
}

static void
test_callbacks(void **state)
{
	struct rte_eth_conf lsc_conf = { .intr_conf = { .lsc = 1 } };
	/* Static: a failed assertion leaves them registered, and they must outlive it. */
	static struct event_log all, lsc;
	uint16_t port_id;

	(void)state;
	memset(&all, 0, sizeof(all));
	memset(&lsc, 0, sizeof(lsc));
	assert_int_equal(rte_eth_dev_callback_register(RTE_ETH_ALL, RTE_ETH_EVENT_NEW,
						       log_event, &all), 0);
	assert_int_equal(rte_eth_dev_callback_register(RTE_ETH_ALL, RTE_ETH_EVENT_NEW,
						       log_event, &all), 0); /* once */
	assert_int_equal(rte_eth_dev_callback_register(RTE_ETH_ALL, RTE_ETH_EVENT_DESTROY,
						       log_event, &all), 0);
	port_id = vdev_port("net_null0", NULL);
	assert_int_equal(count_events(&all, port_id, RTE_ETH_EVENT_NEW), 1);
	assert_true(all.valid_in_new);

	/* Link status events with intr_conf.lsc. */
	assert_int_equal(rte_eth_dev_callback_register(port_id, RTE_ETH_EVENT_INTR_LSC,
						       log_event, &lsc), 0);
	port_up(port_id, 1, &lsc_conf);
	assert_int_equal(count_events(&lsc, port_id, RTE_ETH_EVENT_INTR_LSC), 1);
	assert_int_equal(rte_eth_dev_set_link_down(port_id), 0);
	assert_int_equal(rte_eth_dev_set_link_down(port_id), 0); /* no change, no event */
	assert_int_equal(count_events(&lsc, port_id, RTE_ETH_EVENT_INTR_LSC), 2);
	/* A driver's event: the callbacks' result comes back. */
	assert_int_equal(rte_eth_dev_callback_register(port_id, RTE_ETH_EVENT_INTR_RMV,
						       log_event, &lsc), 0);
	assert_int_equal(rte_eth_dev_callback_process(&rte_eth_devices[port_id],
						      RTE_ETH_EVENT_INTR_RMV, NULL), 42);
	assert_int_equal(count_events(&lsc, port_id, RTE_ETH_EVENT_INTR_RMV), 1);
	assert_int_equal(rte_eth_dev_callback_unregister(port_id, RTE_ETH_EVENT_INTR_LSC,
							 log_event, (void *)-1), 0);
	assert_int_equal(rte_eth_dev_callback_unregister(port_id, RTE_ETH_EVENT_INTR_RMV,
							 log_event, &lsc), 0);
	assert_int_equal(rte_eth_dev_set_link_up(port_id), 0);
	assert_int_equal(count_events(&lsc, port_id, RTE_ETH_EVENT_INTR_LSC), 2);

	/* DESTROY as the port goes. */
	assert_int_equal(rte_eth_dev_stop(port_id), 0);
	assert_int_equal(rte_vdev_uninit("net_null0"), 0);
	assert_int_equal(count_events(&all, port_id, RTE_ETH_EVENT_DESTROY), 1);
	assert_int_equal(rte_eth_dev_callback_unregister(RTE_ETH_ALL, RTE_ETH_EVENT_NEW,
							 log_event, &all), 0);
	assert_int_equal(rte_eth_dev_callback_unregister(RTE_ETH_ALL, RTE_ETH_EVENT_DESTROY,
							 log_event, &all), 0);
	port_id = vdev_port("net_null0", NULL);
	assert_int_equal(count_events(&all, port_id, RTE_ETH_EVENT_NEW), 1);

	/* Bad arguments. */
	assert_int_equal(rte_eth_dev_callback_register(port_id, RTE_ETH_EVENT_NEW, NULL, NULL),
			 -EINVAL);
	assert_int_equal(rte_eth_dev_callback_register(port_id, RTE_ETH_EVENT_MAX, log_event,
						       NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_callback_register(port_id + 1, RTE_ETH_EVENT_NEW,
						       log_event, NULL), -ENODEV);
	assert_int_equal(rte_eth_dev_callback_unregister(port_id + 1, RTE_ETH_EVENT_NEW,
							 log_event, NULL), -ENODEV);
	assert_int_equal(rte_eth_dev_callback_unregister(port_id, RTE_ETH_EVENT_NEW, NULL,
							 NULL), -EINVAL);
}

/* A callback that unregisters itself while running is refused: it is kept. */
static int
self_unregister(uint16_t port_id, enum rte_eth_event_type type, void *arg, void *ret_param)
{
	int *ret = arg;

	(void)ret_param;
	*ret = rte_eth_dev_callback_unregister(port_id, type, self_unregister, arg);
	return 0;
}

static void
test_callback_busy(void **state)
{
	uint16_t port_id;
	int ret = 0;

	(void)state;
	port_id = vdev_port("net_null0", NULL);
	assert_int_equal(rte_eth_dev_callback_register(port_id, RTE_ETH_EVENT_INTR_RESET,
						       self_unregister, &ret), 0);
	rte_eth_dev_callback_process(&rte_eth_devices[port_id], RTE_ETH_EVENT_INTR_RESET, NULL);
	assert_int_equal(ret, -EAGAIN);
	assert_int_equal(rte_eth_dev_callback_unregister(port_id, RTE_ETH_EVENT_INTR_RESET,
							 self_unregister, &ret), 0);
}

/* The ports an iterator string yields, as a bit mask. */
static uint64_t
iterate(const char *devargs, int *init_ret)
{
	struct rte_dev_iterator it;
	uint64_t mask = 0;
	uint16_t p;

	*init_ret = rte_eth_iterator_init(&it, devargs);
	if (*init_ret < 0)
		return 0;
	for (p = rte_eth_iterator_next(&it); p != RTE_MAX_ETHPORTS; p = rte_eth_iterator_next(&it))
		mask |= UINT64_C(1) << p;
	return mask;
}

static void
test_iterator(void **state)
{
	char devargs[64], mac_str[RTE_ETHER_ADDR_FMT_SIZE];
	struct rte_dev_iterator it;
	struct rte_ether_addr mac;
	uint64_t n0, n1, r;
	uint16_t p = RTE_MAX_ETHPORTS, id;
	int ret;

	(void)state;
	n0 = UINT64_C(1) << vdev_port("net_null0", NULL);
	n1 = UINT64_C(1) << vdev_port("net_null1", "size=128");
	r = UINT64_C(1) << ring_port("ut_iter");

	assert_int_equal(iterate("net_null0", &ret), n0);
	assert_int_equal(ret, 0);
	assert_int_equal(iterate("net_null1,size=128", &ret), n1);
	assert_int_equal(iterate("vdev:net_ring_ut_iter", &ret), r);
	assert_int_equal(iterate("net_null7", &ret), 0); /* no such device: no port */
	assert_int_equal(ret, 0);
#ifdef RTE_BUS_PCI
	/* A PCI address, short or long: that device's ports (none here). */
	assert_int_equal(iterate("00:05.0", &ret), 0);
	assert_int_equal(ret, 0);
	assert_int_equal(iterate("0000:00:05.0,foo=1", &ret), 0);
	assert_int_equal(ret, 0);
#endif
	assert_int_equal(iterate("class=eth", &ret), n0 | n1 | r);
	assert_int_equal(iterate("bus=vdev", &ret), n0 | n1 | r);
	assert_int_equal(iterate("bus=vdev,name=net_null1/class=eth", &ret), n1);
	assert_int_equal(iterate("bus=vdev,name=net_ring_ut_iter", &ret), r);
	assert_int_equal(rte_eth_macaddr_get(port_of("net_null1"), &mac), 0);
	rte_ether_format_addr(mac_str, sizeof(mac_str), &mac);
	snprintf(devargs, sizeof(devargs), "class=eth,mac=%s", mac_str);
	assert_int_equal(iterate(devargs, &ret), n1);
	assert_int_equal(iterate("class=eth,mac=02:00:00:00:00:99", &ret), 0);
	assert_int_equal(ret, 0);

	/* Bad strings. */
	iterate("class=eth,speed=10", &ret);
	assert_int_equal(ret, -EINVAL);
	iterate("bus=nosuchbus", &ret);
	assert_int_equal(ret, -EINVAL);
	iterate("nosuchdevice", &ret);
	assert_true(ret < 0);
	iterate("", &ret);
	assert_int_equal(ret, -EINVAL);
	assert_int_equal(rte_eth_iterator_init(NULL, "class=eth"), -EINVAL);
	assert_int_equal(rte_eth_iterator_init(&it, NULL), -EINVAL);

	/* The macro, stopped early and cleaned up. */
	RTE_ETH_FOREACH_MATCHING_DEV(id, "class=eth", &it) {
		p = id;
		break;
	}
	assert_true(rte_eth_dev_is_valid_port(p));
	rte_eth_iterator_cleanup(&it);
	assert_int_equal(rte_eth_iterator_next(&it), RTE_MAX_ETHPORTS);
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
	rx[0] = tx[1] = make_ring("ut_ra");
	rx[1] = tx[0] = make_ring("ut_rb");
	port_id = rte_eth_from_rings("ut_cross", rx, 2, tx, 2, SOCKET_ID_ANY);
	assert_true(port_id >= 0);
	track_dev("net_ring_ut_cross");
	assert_int_equal(port_of("net_ring_ut_cross"), port_id);
	assert_int_equal(rte_eth_dev_info_get(port_id, &info), 0);
	assert_string_equal(info.driver_name, "net_ring");
	assert_int_equal(info.max_rx_queues, 2);
	assert_int_equal(rte_eth_dev_configure(port_id, 3, 2, &(struct rte_eth_conf){ 0 }),
			 -EINVAL); /* too many queues */
	port_up(port_id, 2, NULL);
	/* Tx queue 0 feeds ring b, which Rx queue 1 reads. */
	assert_int_equal(rte_pktmbuf_alloc_bulk(pool, pkts, BURST), 0);
	assert_int_equal(rte_eth_tx_burst(port_id, 0, pkts, BURST), BURST);
	assert_int_equal(rte_eth_rx_burst(port_id, 0, got, BURST), 0);
	assert_int_equal(rte_eth_rx_burst(port_id, 1, got, BURST), BURST);
	for (i = 0; i < BURST; i++)
		assert_ptr_equal(got[i], pkts[i]);
	free_all(got, BURST);
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
	made_rings[nb_made_rings++] = r;
	id = rte_eth_from_ring(r);
	assert_true(id >= 0);
	port_id = (uint16_t)id;
	track_dev("net_ring_ut_small");
	port_up(port_id, 1, NULL);
	assert_int_equal(rte_pktmbuf_alloc_bulk(pool, pkts, BURST), 0);
	sent = rte_eth_tx_burst(port_id, 0, pkts, BURST);
	assert_int_equal(sent, 15);
	assert_int_equal(rte_eth_stats_get(port_id, &st), 0);
	assert_int_equal(st.oerrors, BURST - 15);
	free_all(pkts + sent, BURST - sent);
	assert_int_equal(rte_eth_rx_burst(port_id, 0, pkts, BURST), 15);
	free_all(pkts, 15);
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
	a = vdev_port("net_ring0", "nodeaction=ut_n0:0:CREATE,nodeaction=ut_n1:0:CREATE");
	assert_non_null(rte_ring_lookup("ut_n0"));
	assert_non_null(rte_ring_lookup("ut_n1"));
	b = vdev_port("net_ring1", "nodeaction=ut_n0:0:ATTACH");
	port_up(a, 2, NULL);
	port_up(b, 1, NULL);
	assert_int_equal(rte_pktmbuf_alloc_bulk(pool, pkts, BURST), 0);
	assert_int_equal(rte_eth_tx_burst(a, 0, pkts, BURST), BURST);
	assert_int_equal(rte_eth_rx_burst(b, 0, got, BURST), BURST);
	assert_int_equal(rte_eth_tx_burst(b, 0, got, BURST), BURST);
	assert_int_equal(rte_eth_rx_burst(a, 0, pkts, BURST), BURST);
	free_all(pkts, BURST);
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
	a = vdev_port("net_ring3", NULL);
	assert_int_equal(rte_eth_dev_info_get(a, &info), 0);
	assert_int_equal(info.max_rx_queues, 16);
	assert_int_equal(info.max_tx_queues, 16);
	assert_non_null(rte_ring_lookup("net_ring3_0"));
	assert_non_null(rte_ring_lookup("net_ring3_15"));
	port_up(a, 16, NULL);
	assert_int_equal(rte_pktmbuf_alloc_bulk(pool, pkts, BURST), 0);
	assert_int_equal(rte_eth_tx_burst(a, 15, pkts, BURST), BURST);
	assert_int_equal(rte_eth_rx_burst(a, 0, got, BURST), 0);
	assert_int_equal(rte_eth_rx_burst(a, 15, got, BURST), BURST);
	free_all(got, BURST);
	assert_int_equal(rte_eth_dev_stop(a), 0);
	assert_int_equal(rte_vdev_uninit("net_ring3"), 0);
	assert_null(rte_ring_lookup("net_ring3_0"));
	/* Too long a name to name 16 rings after: refused, nothing left. */
	assert_int_equal(rte_vdev_init("net_ring_with_a_very_long_name_x", NULL), -ENAMETOOLONG);
	assert_null(rte_ring_lookup("net_ring_with_a_very_long_name_x_0"));
}

static void
test_port_id_reuse(void **state)
{
	uint16_t a, b, c, again;

	(void)state;
	a = vdev_port("net_null0", NULL);
	b = vdev_port("net_null1", NULL);
	c = vdev_port("net_null2", NULL);
	assert_true(a < b && b < c);
	assert_int_equal(rte_vdev_uninit("net_null1"), 0);
	assert_false(rte_eth_dev_is_valid_port(b));
	again = ring_port("ut_reuse");
	assert_int_equal(again, b);
}

static void
test_tx_buffer(void **state)
{
	struct rte_eth_dev_tx_buffer *buf = calloc(1, RTE_ETH_TX_BUFFER_SIZE(4));
	struct rte_mbuf *pkts[6];
	struct rte_eth_stats st;
	uint64_t dropped = 0;
	uint16_t port_id, i, sent = 0;

	(void)state;
	assert_non_null(buf);
	assert_int_equal(rte_eth_tx_buffer_init(buf, 4), 0);
	assert_int_equal(rte_eth_tx_buffer_init(buf, 0), -EINVAL);
	assert_int_equal(rte_eth_tx_buffer_init(NULL, 4), -EINVAL);
	assert_int_equal(rte_eth_tx_buffer_set_err_callback(buf, NULL, NULL), -EINVAL);
	assert_int_equal(rte_eth_tx_buffer_init(buf, 4), 0);
	port_id = vdev_port("net_null0", NULL);
	port_up(port_id, 1, NULL);
	assert_int_equal(rte_pktmbuf_alloc_bulk(pool, pkts, 6), 0);
	for (i = 0; i < 6; i++)
		sent += rte_eth_tx_buffer(port_id, 0, buf, pkts[i]);
	assert_int_equal(sent, 4);
	assert_int_equal(buf->length, 2);
	assert_int_equal(rte_eth_tx_buffer_flush(port_id, 0, buf), 2);
	assert_int_equal(rte_eth_stats_get(port_id, &st), 0);
	assert_int_equal(st.opackets, 6);
	/* A stopped port sends nothing: the error callback counts and frees. */
	assert_int_equal(rte_eth_tx_buffer_set_err_callback(buf, rte_eth_tx_buffer_count_callback,
							    &dropped), 0);
	assert_int_equal(rte_eth_dev_stop(port_id), 0);
	assert_int_equal(rte_pktmbuf_alloc_bulk(pool, pkts, 3), 0);
	for (i = 0; i < 3; i++)
		rte_eth_tx_buffer(port_id, 0, buf, pkts[i]);
	assert_int_equal(rte_eth_tx_buffer_flush(port_id, 0, buf), 0);
	assert_int_equal(dropped, 3);
	assert_int_equal(rte_eth_tx_buffer_flush(port_id, 0, buf), 0);
	free(buf);
}

/* The driver SDK: allocation, lookup, release. */
static void
test_driver_api(void **state)
{
	char long_name[RTE_ETH_NAME_MAX_LEN + 8];
	struct rte_eth_dev *dev, *again;
	uint16_t port_id;

	(void)state;
	dev = rte_eth_dev_allocate("ut_raw");
	assert_non_null(dev);
	port_id = dev->data->port_id;
	assert_false(rte_eth_dev_is_valid_port(port_id)); /* not until probing finishes */
	assert_ptr_equal(rte_eth_dev_allocated("ut_raw"), dev);
	rte_errno = 0;
	assert_null(rte_eth_dev_allocate("ut_raw"));
	assert_int_equal(rte_errno, EEXIST);
	memset(long_name, 'n', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	assert_null(rte_eth_dev_allocate(long_name));
	assert_null(rte_eth_dev_allocate(""));
	assert_null(rte_eth_dev_allocate(NULL));
	assert_null(rte_eth_dev_allocated(NULL));
	assert_null(rte_eth_dev_attach_secondary("ut_none"));
	assert_null(rte_eth_dev_attach_secondary("ut_raw")); /* attached here already */
	assert_int_equal(rte_eth_dev_release_port(NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_release_port_private(NULL), -EINVAL);
	assert_int_equal(rte_eth_dev_release_port(dev), 0);
	assert_null(rte_eth_dev_allocated("ut_raw"));
	/* Its id and name are free again. */
	again = rte_eth_dev_allocate("ut_raw");
	assert_ptr_equal(again, dev);
	assert_int_equal(again->data->port_id, port_id);
	assert_int_equal(rte_eth_dev_release_port(again), 0);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test_setup_teardown(test_probe_and_lookup, setup, teardown),
	cmocka_unit_test_setup_teardown(test_null_devargs, setup, teardown),
	cmocka_unit_test_setup_teardown(test_info_and_configure, setup, teardown),
	cmocka_unit_test_setup_teardown(test_queue_setup, setup, teardown),
	cmocka_unit_test_setup_teardown(test_start_stop_close, setup, teardown),
	cmocka_unit_test_setup_teardown(test_reset, setup, teardown),
	cmocka_unit_test_setup_teardown(test_null_rx_tx, setup, teardown),
	cmocka_unit_test_setup_teardown(test_null_nombuf, setup, teardown),
	cmocka_unit_test_setup_teardown(test_xstats, setup, teardown),
	cmocka_unit_test_setup_teardown(test_link, setup, teardown),
	cmocka_unit_test_setup_teardown(test_mac_modes_mtu, setup, teardown),
	cmocka_unit_test_setup_teardown(test_owner, setup, teardown),
	cmocka_unit_test_setup_teardown(test_callbacks, setup, teardown),
	cmocka_unit_test_setup_teardown(test_callback_busy, setup, teardown),
	cmocka_unit_test_setup_teardown(test_iterator, setup, teardown),
	cmocka_unit_test_setup_teardown(test_ring_from_rings, setup, teardown),
	cmocka_unit_test_setup_teardown(test_ring_full, setup, teardown),
	cmocka_unit_test_setup_teardown(test_ring_nodeaction, setup, teardown),
	cmocka_unit_test_setup_teardown(test_port_id_reuse, setup, teardown),
	cmocka_unit_test_setup_teardown(test_tx_buffer, setup, teardown),
	cmocka_unit_test_setup_teardown(test_driver_api, setup, teardown),
};

REGISTER_TEST_GROUP(ethdev, tests);
