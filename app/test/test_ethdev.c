/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The ethdev application API in one process (group ethdev), on net_null
 * and net_ring ports: lookup, info and configuration, queues, start, stop
 * and close, stats and xstats, link, MAC and modes, ownership, event
 * callbacks, iterators, Tx buffers and the driver SDK, with bad arguments
 * for each call. The PMDs' own behaviour is in test_soft_pmds.c, ports
 * across processes in test_ethdev_mp.c.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ethdev_driver.h>
#include <rte_bus_vdev.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "eth_fixture.h"
#include "test.h"

static void
test_probe_and_lookup(void **state)
{
	char name[RTE_ETH_NAME_MAX_LEN];
	uint16_t before = rte_eth_dev_count_avail(), port_id, p;
	unsigned int seen = 0;

	(void)state;
	port_id = eth_vdev_port("net_null0", NULL);
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
test_info_and_configure(void **state)
{
	struct rte_eth_conf conf = { 0 };
	struct rte_eth_dev_info info;
	uint16_t port_id;

	(void)state;
	port_id = eth_vdev_port("net_null0", NULL);
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
	port_id = eth_vdev_port("net_null0", "size=1500");
	assert_int_equal(rte_eth_rx_queue_setup(port_id, 0, 0, SOCKET_ID_ANY, NULL, eth_pool),
			 -EINVAL); /* not configured: no queue 0 yet */
	assert_int_equal(rte_eth_dev_configure(port_id, 2, 2, &conf), 0);
	assert_int_equal(rte_eth_rx_queue_setup(port_id, 2, 0, SOCKET_ID_ANY, NULL, eth_pool),
			 -EINVAL);
	assert_int_equal(rte_eth_tx_queue_setup(port_id, 2, 0, SOCKET_ID_ANY, NULL), -EINVAL);
	assert_int_equal(rte_eth_rx_queue_setup(port_id, 0, 0, SOCKET_ID_ANY, NULL, NULL),
			 -EINVAL);
	assert_int_equal(rte_eth_rx_queue_setup(RTE_MAX_ETHPORTS, 0, 0, SOCKET_ID_ANY, NULL,
						eth_pool), -ENODEV);
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
	assert_int_equal(rte_eth_rx_queue_setup(port_id, 0, 0, SOCKET_ID_ANY, &rxconf, eth_pool),
			 -EINVAL);
	/* Not every queue set up: no start. */
	eth_setup_queues(port_id, 1, 1);
	assert_int_equal(rte_eth_dev_start(port_id), -EINVAL);
	eth_setup_queues(port_id, 2, 2);
	/* Setting a queue up again replaces it. */
	eth_setup_queues(port_id, 2, 2);
	assert_int_equal(rte_eth_dev_start(port_id), 0);
	assert_int_equal(rte_eth_rx_queue_setup(port_id, 0, 0, SOCKET_ID_ANY, NULL, eth_pool),
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
	port_id = eth_vdev_port("net_null0", NULL);
	assert_int_equal(rte_eth_dev_start(port_id), -EINVAL); /* not configured */
	eth_port_up(port_id, 1, NULL);
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
	null_id = eth_vdev_port("net_null0", NULL);
	eth_port_up(null_id, 2, NULL);
	assert_int_equal(rte_eth_dev_reset(null_id), 0);
	assert_int_equal(rte_eth_devices[null_id].data->dev_started, 0);
	assert_int_equal(rte_eth_dev_start(null_id), -EINVAL); /* configure it again first */
	eth_port_up(null_id, 1, NULL);
	ring_id = eth_ring_port("ut_reset");
	assert_int_equal(rte_eth_dev_reset(ring_id), -ENOTSUP);
	assert_int_equal(rte_eth_dev_reset(RTE_MAX_ETHPORTS), -ENODEV);
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
	port_id = eth_vdev_port("net_null0", "size=60");
	eth_port_up(port_id, 2, NULL);
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
	port_id = eth_vdev_port("net_null0", NULL);
	assert_int_equal(rte_eth_link_get_nowait(port_id, &link), 0);
	assert_int_equal(link.link_status, RTE_ETH_LINK_DOWN);
	assert_true(rte_eth_link_to_str(text, sizeof(text), &link) > 0);
	assert_string_equal(text, "Link down");
	eth_port_up(port_id, 1, NULL);
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
	port_id = eth_vdev_port("net_null0", NULL);
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
	eth_port_up(port_id, 1, NULL);
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
	port_id = eth_vdev_port("net_null0", NULL);
	other = eth_vdev_port("net_null1", NULL);
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
	port_id = eth_vdev_port("net_null0", NULL);
	assert_int_equal(count_events(&all, port_id, RTE_ETH_EVENT_NEW), 1);
	assert_true(all.valid_in_new);

	/* Link status events with intr_conf.lsc. */
	assert_int_equal(rte_eth_dev_callback_register(port_id, RTE_ETH_EVENT_INTR_LSC,
						       log_event, &lsc), 0);
	eth_port_up(port_id, 1, &lsc_conf);
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
	port_id = eth_vdev_port("net_null0", NULL);
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
	port_id = eth_vdev_port("net_null0", NULL);
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
	n0 = UINT64_C(1) << eth_vdev_port("net_null0", NULL);
	n1 = UINT64_C(1) << eth_vdev_port("net_null1", "size=128");
	r = UINT64_C(1) << eth_ring_port("ut_iter");

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
	assert_int_equal(rte_eth_macaddr_get(eth_port_of("net_null1"), &mac), 0);
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
test_port_id_reuse(void **state)
{
	uint16_t a, b, c, again;

	(void)state;
	a = eth_vdev_port("net_null0", NULL);
	b = eth_vdev_port("net_null1", NULL);
	c = eth_vdev_port("net_null2", NULL);
	assert_true(a < b && b < c);
	assert_int_equal(rte_vdev_uninit("net_null1"), 0);
	assert_false(rte_eth_dev_is_valid_port(b));
	again = eth_ring_port("ut_reuse");
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
	port_id = eth_vdev_port("net_null0", NULL);
	eth_port_up(port_id, 1, NULL);
	assert_int_equal(rte_pktmbuf_alloc_bulk(eth_pool, pkts, 6), 0);
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
	assert_int_equal(rte_pktmbuf_alloc_bulk(eth_pool, pkts, 3), 0);
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
	cmocka_unit_test_setup_teardown(test_probe_and_lookup, eth_fixture_setup, eth_fixture_teardown),
	cmocka_unit_test_setup_teardown(test_info_and_configure, eth_fixture_setup, eth_fixture_teardown),
	cmocka_unit_test_setup_teardown(test_queue_setup, eth_fixture_setup, eth_fixture_teardown),
	cmocka_unit_test_setup_teardown(test_start_stop_close, eth_fixture_setup, eth_fixture_teardown),
	cmocka_unit_test_setup_teardown(test_reset, eth_fixture_setup, eth_fixture_teardown),
	cmocka_unit_test_setup_teardown(test_xstats, eth_fixture_setup, eth_fixture_teardown),
	cmocka_unit_test_setup_teardown(test_link, eth_fixture_setup, eth_fixture_teardown),
	cmocka_unit_test_setup_teardown(test_mac_modes_mtu, eth_fixture_setup, eth_fixture_teardown),
	cmocka_unit_test_setup_teardown(test_owner, eth_fixture_setup, eth_fixture_teardown),
	cmocka_unit_test_setup_teardown(test_callbacks, eth_fixture_setup, eth_fixture_teardown),
	cmocka_unit_test_setup_teardown(test_callback_busy, eth_fixture_setup, eth_fixture_teardown),
	cmocka_unit_test_setup_teardown(test_iterator, eth_fixture_setup, eth_fixture_teardown),
	cmocka_unit_test_setup_teardown(test_port_id_reuse, eth_fixture_setup, eth_fixture_teardown),
	cmocka_unit_test_setup_teardown(test_tx_buffer, eth_fixture_setup, eth_fixture_teardown),
	cmocka_unit_test_setup_teardown(test_driver_api, eth_fixture_setup, eth_fixture_teardown),
};

REGISTER_TEST_GROUP(ethdev, tests);
