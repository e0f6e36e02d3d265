/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Ethernet ports across a primary and its secondaries (group ethdev_mp),
 * with net_null and net_ring attached and detached by multi-process
 * hotplug (the "attach", "detach" and "devices" commands are in
 * test_hotplug_driver.c, the eth_* ones shared with other groups in
 * eth_commands.c): same port id and name everywhere, a secondary
 * sending on a port the primary configured and receives on, detach from a
 * secondary while the primary polls, the port id reused after a detach,
 * NEW and DESTROY in secondaries, bad devargs failing once and cleanly,
 * a port's owner the same in every process.
 */

#include <inttypes.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_bus_vdev.h>
#include <rte_common.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "eth_commands.h"
#include "mp_group.h"
#include "test.h"

#define BURST 32
/* Seconds a data command may run, and how long the test waits for its reply. */
#define CMD_LIMIT_S 30
#define REPLY_WAIT_MS ((CMD_LIMIT_S + 15) * 1000)

/* Helper side: commands of the "eal" role. */

/* "eth_tx NAME COUNT" -> "sent=N": COUNT packets numbered 0.. on queue 0 */
static int
cmd_tx(const char *args, char *reply, size_t size)
{
	struct rte_mempool *mp = rte_mempool_lookup(ETH_MP_POOL);
	struct rte_mbuf *pkts[BURST];
	char name[RTE_ETH_NAME_MAX_LEN];
	uint64_t deadline = mp_now_ms() + CMD_LIMIT_S * 1000;
	uint32_t count, seq = 0;
	uint16_t port_id, n = 0, sent, i;

	if (sscanf(args, "%63s %" SCNu32, name, &count) != 2 || mp == NULL ||
	    rte_eth_dev_get_port_by_name(name, &port_id) < 0)
		return snprintf(reply, size, "usage"), 0;
	while ((seq < count || n > 0) && mp_now_ms() < deadline) {
		/* Fill the burst up with the next packets, keeping the unsent ones. */
		while (n < BURST && seq < count) {
			char *data;

			pkts[n] = rte_pktmbuf_alloc(mp);
			if (pkts[n] == NULL)
				break;
			data = rte_pktmbuf_append(pkts[n], 64);
			memcpy(data, &seq, sizeof(seq));
			seq++;
			n++;
		}
		sent = rte_eth_tx_burst(port_id, 0, pkts, n);
		for (i = sent; i < n; i++)
			pkts[i - sent] = pkts[i];
		n -= sent;
		if (sent == 0)
			sched_yield();
	}
	rte_pktmbuf_free_bulk(pkts, n);
	snprintf(reply, size, "sent=%" PRIu32, seq - n);
	return 0;
}
REGISTER_MP_COMMAND(eth_tx, cmd_tx);

/* "eth_rx NAME COUNT" -> "rx=N bad=M": receive COUNT packets on queue 0, in order */
static int
cmd_rx(const char *args, char *reply, size_t size)
{
	struct rte_mbuf *pkts[BURST];
	char name[RTE_ETH_NAME_MAX_LEN];
	uint64_t deadline = mp_now_ms() + CMD_LIMIT_S * 1000;
	uint32_t count, got = 0, bad = 0, seq;
	uint16_t port_id, n, i;

	if (sscanf(args, "%63s %" SCNu32, name, &count) != 2 || rte_eth_dev_get_port_by_name(name, &port_id) < 0)
		return snprintf(reply, size, "usage"), 0;
	while (got < count && mp_now_ms() < deadline) {
		n = rte_eth_rx_burst(port_id, 0, pkts, BURST);
		for (i = 0; i < n; i++) {
			memcpy(&seq, rte_pktmbuf_mtod(pkts[i], void *), sizeof(seq));
			bad += seq != got || pkts[i]->pkt_len != 64;
			got++;
		}
		rte_pktmbuf_free_bulk(pkts, n);
		if (n == 0)
			sched_yield();
	}
	snprintf(reply, size, "rx=%" PRIu32 " bad=%" PRIu32, got, bad);
	return 0;
}
REGISTER_MP_COMMAND(eth_rx, cmd_rx);

/* "eth_burst NAME" -> "rx=N tx=M": one Rx burst on queue 0, sent back on Tx queue 0 */
static int
cmd_burst(const char *args, char *reply, size_t size)
{
	struct rte_mbuf *pkts[BURST];
	uint16_t port_id, n, sent;

	if (rte_eth_dev_get_port_by_name(args, &port_id) < 0)
		return snprintf(reply, size, "-ENODEV"), 0;
	n = rte_eth_rx_burst(port_id, 0, pkts, BURST);
	sent = rte_eth_tx_burst(port_id, 0, pkts, n);
	rte_pktmbuf_free_bulk(pkts + sent, n - sent);
	snprintf(reply, size, "rx=%u tx=%u", n, sent);
	return 0;
}
REGISTER_MP_COMMAND(eth_burst, cmd_burst);

/* "eth_uninit NAME" -> result of rte_vdev_uninit: this process only */
REGISTER_MP_COMMAND_INT(eth_uninit, rte_vdev_uninit(args));

/* NEW and DESTROY events seen in this process, in order. */
static pthread_mutex_t events_lock = PTHREAD_MUTEX_INITIALIZER;
static char events[1024];

static int
record_event(uint16_t port_id, enum rte_eth_event_type type, void *arg, void *ret_param)
{
	char name[RTE_ETH_NAME_MAX_LEN] = "?";
	size_t len;

	(void)arg;
	(void)ret_param;
	rte_eth_dev_get_name_by_port(port_id, name);
	pthread_mutex_lock(&events_lock);
	len = strlen(events);
	snprintf(events + len, sizeof(events) - len, "%s%s:%u:%s", len != 0 ? " " : "",
		 type == RTE_ETH_EVENT_NEW ? "NEW" : "DESTROY", port_id, name);
	pthread_mutex_unlock(&events_lock);
	return 0;
}

/* "eth_watch" -> result of registering for NEW and DESTROY of every port */
static int
cmd_watch(const char *args, char *reply, size_t size)
{
	int ret;

	(void)args;
	ret = rte_eth_dev_callback_register(RTE_ETH_ALL, RTE_ETH_EVENT_NEW, record_event, NULL);
	if (ret == 0)
		ret = rte_eth_dev_callback_register(RTE_ETH_ALL, RTE_ETH_EVENT_DESTROY,
						    record_event, NULL);
	snprintf(reply, size, "%d", ret);
	return 0;
}
REGISTER_MP_COMMAND(eth_watch, cmd_watch);

/* "eth_events" -> "NEW:ID:NAME DESTROY:ID:NAME ..." ("-": none) */
static int
cmd_events(const char *args, char *reply, size_t size)
{
	(void)args;
	pthread_mutex_lock(&events_lock);
	snprintf(reply, size, "%s", events[0] != '\0' ? events : "-");
	pthread_mutex_unlock(&events_lock);
	return 0;
}
REGISTER_MP_COMMAND(eth_events, cmd_events);

/*
 * A poller on queue 0 of a port, the way an application keeps one safe
 * across a detach: its DESTROY callback (on the hotplug thread) asks the
 * poller to stop and waits until it has, before the port goes away.
 */
static struct {
	pthread_t thread;
	uint16_t port_id;
	bool stop;
	bool stopped;
	bool destroyed;
	uint64_t rx;
	uint64_t rx_at_destroy;
} poller;

static void *
poll_loop(void *arg)
{
	uint64_t deadline = mp_now_ms() + CMD_LIMIT_S * 1000;
	struct rte_mbuf *pkts[BURST];
	uint16_t n, sent;

	(void)arg;
	while (!__atomic_load_n(&poller.stop, __ATOMIC_ACQUIRE) && mp_now_ms() < deadline) {
		n = rte_eth_rx_burst(poller.port_id, 0, pkts, BURST);
		sent = rte_eth_tx_burst(poller.port_id, 0, pkts, n);
		rte_pktmbuf_free_bulk(pkts + sent, n - sent);
		__atomic_fetch_add(&poller.rx, n, __ATOMIC_RELEASE);
		sched_yield();
	}
	__atomic_store_n(&poller.stopped, true, __ATOMIC_RELEASE);
	return NULL;
}

static int
stop_poller(uint16_t port_id, enum rte_eth_event_type type, void *arg, void *ret_param)
{
	uint64_t deadline = mp_now_ms() + 5000;

	(void)type;
	(void)arg;
	(void)ret_param;
	if (port_id != poller.port_id)
		return 0;
	__atomic_store_n(&poller.stop, true, __ATOMIC_RELEASE);
	while (!__atomic_load_n(&poller.stopped, __ATOMIC_ACQUIRE) && mp_now_ms() < deadline)
		usleep(1000);
	poller.rx_at_destroy = __atomic_load_n(&poller.rx, __ATOMIC_ACQUIRE);
	__atomic_store_n(&poller.destroyed, true, __ATOMIC_RELEASE);
	return 0;
}

/* "eth_poll_start NAME" -> "rx=N" once the poller has received packets */
static int
cmd_poll_start(const char *args, char *reply, size_t size)
{
	uint64_t deadline = mp_now_ms() + 5000;

	memset(&poller, 0, sizeof(poller));
	if (rte_eth_dev_get_port_by_name(args, &poller.port_id) < 0 ||
	    rte_eth_dev_callback_register(RTE_ETH_ALL, RTE_ETH_EVENT_DESTROY, stop_poller,
					  NULL) < 0 ||
	    pthread_create(&poller.thread, NULL, poll_loop, NULL) != 0)
		return snprintf(reply, size, "fail"), 0;
	while (__atomic_load_n(&poller.rx, __ATOMIC_ACQUIRE) == 0 && mp_now_ms() < deadline)
		usleep(1000);
	snprintf(reply, size, "rx=%" PRIu64, __atomic_load_n(&poller.rx, __ATOMIC_ACQUIRE));
	return 0;
}
REGISTER_MP_COMMAND(eth_poll_start, cmd_poll_start);

static unsigned int slow_destroy_ms;

static int
slow_destroy(uint16_t port_id, enum rte_eth_event_type type, void *arg, void *ret_param)
{
	(void)port_id;
	(void)type;
	(void)arg;
	(void)ret_param;
	usleep(slow_destroy_ms * 1000);
	return 0;
}

/*
 * "eth_slow_destroy MS" -> "0": this process's DESTROY callbacks take MS
 * more milliseconds, so its part of a detach is seen to take a while.
 */
static int
cmd_slow_destroy(const char *args, char *reply, size_t size)
{
	slow_destroy_ms = (unsigned int)atoi(args);
	snprintf(reply, size, "%d", rte_eth_dev_callback_register(RTE_ETH_ALL,
				RTE_ETH_EVENT_DESTROY, slow_destroy, NULL));
	return 0;
}
REGISTER_MP_COMMAND(eth_slow_destroy, cmd_slow_destroy);

/* "eth_poll_stop" -> "destroyed=D rx_at_destroy=N" */
static int
cmd_poll_stop(const char *args, char *reply, size_t size)
{
	(void)args;
	__atomic_store_n(&poller.stop, true, __ATOMIC_RELEASE);
	pthread_join(poller.thread, NULL);
	rte_eth_dev_callback_unregister(RTE_ETH_ALL, RTE_ETH_EVENT_DESTROY, stop_poller, NULL);
	snprintf(reply, size, "destroyed=%d rx_at_destroy=%" PRIu64, poller.destroyed,
		 poller.rx_at_destroy);
	return 0;
}
REGISTER_MP_COMMAND(eth_poll_stop, cmd_poll_stop);

/* "eth_owner_new" -> a new owner id */
static int
cmd_owner_new(const char *args, char *reply, size_t size)
{
	uint64_t id;
	int ret;

	(void)args;
	ret = rte_eth_dev_owner_new(&id);
	if (ret < 0)
		return snprintf(reply, size, "%d", ret), 0;
	snprintf(reply, size, "%" PRIu64, id);
	return 0;
}
REGISTER_MP_COMMAND(eth_owner_new, cmd_owner_new);

/* "eth_owner_set NAME ID OWNER" -> result of rte_eth_dev_owner_set */
static int
cmd_owner_set(const char *args, char *reply, size_t size)
{
	struct rte_eth_dev_owner owner = { 0 };
	char name[RTE_ETH_NAME_MAX_LEN];
	uint16_t port_id;

	if (sscanf(args, "%63s %" SCNu64 " %63s", name, &owner.id, owner.name) != 3 ||
	    rte_eth_dev_get_port_by_name(name, &port_id) < 0)
		return snprintf(reply, size, "usage"), 0;
	snprintf(reply, size, "%d", rte_eth_dev_owner_set(port_id, &owner));
	return 0;
}
REGISTER_MP_COMMAND(eth_owner_set, cmd_owner_set);

/* "eth_owner_unset NAME ID" -> result of rte_eth_dev_owner_unset */
static int
cmd_owner_unset(const char *args, char *reply, size_t size)
{
	char name[RTE_ETH_NAME_MAX_LEN];
	uint16_t port_id;
	uint64_t id;

	if (sscanf(args, "%63s %" SCNu64, name, &id) != 2 ||
	    rte_eth_dev_get_port_by_name(name, &port_id) < 0)
		return snprintf(reply, size, "usage"), 0;
	snprintf(reply, size, "%d", rte_eth_dev_owner_unset(port_id, id));
	return 0;
}
REGISTER_MP_COMMAND(eth_owner_unset, cmd_owner_unset);

/* "eth_owner NAME" -> "ID OWNER" of the port's owner, "-" when nobody owns it */
static int
cmd_owner(const char *args, char *reply, size_t size)
{
	struct rte_eth_dev_owner owner;
	uint16_t port_id;
	int ret;

	ret = rte_eth_dev_get_port_by_name(args, &port_id);
	if (ret == 0)
		ret = rte_eth_dev_owner_get(port_id, &owner);
	if (ret < 0)
		return snprintf(reply, size, "%d", ret), 0;
	if (owner.id == RTE_ETH_DEV_NO_OWNER)
		return snprintf(reply, size, "-"), 0;
	snprintf(reply, size, "%" PRIu64 " %s", owner.id, owner.name);
	return 0;
}
REGISTER_MP_COMMAND(eth_owner, cmd_owner);

/* "eth_avail" -> rte_eth_dev_count_avail(): the ports nobody owns */
REGISTER_MP_COMMAND_INT(eth_avail, rte_eth_dev_count_avail());

/* Test side. */

/* Ports attached in the primary, or from a secondary, are in every process, alike. */
static void
test_attach_everywhere(void **state)
{
	char first[128];
	struct mp_group g;

	(void)state;
	mp_group_start(&g, NULL, 2, 0);
	mp_expect(g.p, "0", "attach net_null0");
	mp_expect(g.s[1], "0", "attach net_ring0,nodeaction=mp_r0:0:CREATE");
	mp_expect_all(&g, "0:net_null0 1:net_ring0", "eth_ports");
	/* The same port: same id and MAC address (shared data) everywhere. */
	assert_int_equal(mp_call(g.p, first, sizeof(first), "eth_port net_ring0"), 0);
	assert_int_equal(atoi(first), 1);
	mp_expect_all(&g, first, "eth_port net_ring0");
	/* A secondary that joins afterwards finds them as they are. */
	mp_group_add(&g, NULL);
	mp_expect(g.s[2], "0:net_null0 1:net_ring0", "eth_ports");
	mp_expect(g.s[2], first, "eth_port net_ring0");
	/* Detached, from a secondary and from the primary: gone everywhere. */
	mp_expect(g.s[2], "0", "detach net_null0");
	mp_expect_all(&g, "1:net_ring0", "eth_ports");
	mp_expect(g.p, "0", "detach net_ring0");
	mp_expect_all(&g, "-", "eth_ports");
	mp_expect_all(&g, "-", "devices");
	mp_group_stop(&g);
}

/* A secondary sends on a loopback port the primary set up; the primary gets it all, in order. */
static void
test_secondary_tx_primary_rx(void **state)
{
	const unsigned int total = 20000;
	char reply[128], want[64];
	struct mp_group g;

	(void)state;
	mp_group_start(&g, NULL, 1, 0);
	mp_expect(g.p, "0", "attach net_ring0,nodeaction=mp_lb:0:CREATE");
	mp_expect(g.p, "ok", "eth_pool 4095");
	mp_expect(g.p, "0", "eth_up net_ring0 1");
	/* The ring holds 1023: both sides run at once. */
	assert_int_equal(mp_send(g.s[0], "eth_tx net_ring0 %u", total), 0);
	assert_int_equal(mp_send(g.p, "eth_rx net_ring0 %u", total), 0);
	assert_int_equal(mp_recv(g.p, reply, sizeof(reply), REPLY_WAIT_MS), 0);
	snprintf(want, sizeof(want), "rx=%u bad=0", total);
	assert_string_equal(reply, want);
	assert_int_equal(mp_recv(g.s[0], reply, sizeof(reply), REPLY_WAIT_MS), 0);
	snprintf(want, sizeof(want), "sent=%u", total);
	assert_string_equal(reply, want);
	/* The counters are in shared memory: the same numbers everywhere. */
	snprintf(want, sizeof(want), "in=%u out=%u", total, total);
	mp_expect_all(&g, want, "eth_stats net_ring0");
	mp_expect(g.s[0], "0", "detach net_ring0");
	mp_expect_all(&g, "-", "eth_ports");
	mp_group_stop(&g);
}

/*
 * A secondary dropping its view leaves the port working for the others;
 * a detach from a secondary keeps the primary's port working (its poller
 * receiving) until the primary's own part, then it is gone everywhere.
 */
static void
test_detach_from_secondary(void **state)
{
	char reply[128];
	unsigned long rx_start, rx_end;
	int destroyed;
	struct mp_group g;

	(void)state;
	mp_group_start(&g, NULL, 2, 0);
	mp_expect(g.p, "0", "attach net_null0");
	mp_expect(g.p, "ok", "eth_pool 4095");
	mp_expect(g.p, "0", "eth_up net_null0 1");
	mp_expect(g.s[0], "0", "eth_uninit net_null0");
	mp_expect(g.s[0], "-", "eth_ports");
	mp_expect(g.p, "0:net_null0", "eth_ports");
	mp_expect(g.s[1], "0:net_null0", "eth_ports");
	mp_expect(g.p, "net_null0", "eth_slot 0");
	mp_expect(g.p, "rx=32 tx=32", "eth_burst net_null0");
	mp_expect(g.s[1], "rx=32 tx=32", "eth_burst net_null0");

	assert_int_equal(mp_call(g.p, reply, sizeof(reply), "eth_poll_start net_null0"), 0);
	assert_int_equal(sscanf(reply, "rx=%lu", &rx_start), 1);
	assert_true(rx_start > 0);
	/* The secondary's part takes 100 ms: the primary's poller must go on meanwhile. */
	mp_expect(g.s[1], "0", "eth_slow_destroy 100");
	mp_expect(g.s[1], "0", "detach net_null0");
	assert_int_equal(mp_call(g.p, reply, sizeof(reply), "eth_poll_stop"), 0);
	assert_int_equal(sscanf(reply, "destroyed=%d rx_at_destroy=%lu", &destroyed, &rx_end), 2);
	assert_int_equal(destroyed, 1);
	/* It kept receiving while the secondaries detached. */
	assert_true(rx_end > rx_start);
	mp_expect_all(&g, "-", "eth_ports");
	mp_expect_all(&g, "-", "eth_slot 0");
	mp_expect_all(&g, "-", "devices");
	mp_group_stop(&g);
}

/* After a multi-process detach, the next attach gets the freed port id, everywhere. */
static void
test_port_id_reuse(void **state)
{
	struct mp_group g;

	(void)state;
	mp_group_start(&g, NULL, 2, 0);
	mp_expect(g.p, "0", "attach net_null0");
	mp_expect(g.s[0], "0", "attach net_null1");
	mp_expect_all(&g, "0:net_null0 1:net_null1", "eth_ports");
	mp_expect(g.s[1], "0", "detach net_null0");
	mp_expect_all(&g, "-", "eth_slot 0");
	mp_expect_all(&g, "net_null1", "eth_slot 1");
	mp_expect(g.s[0], "0", "attach net_ring0,nodeaction=mp_reuse:0:CREATE");
	mp_expect_all(&g, "0:net_ring0 1:net_null1", "eth_ports");
	mp_expect(g.p, "0", "detach net_ring0");
	mp_expect(g.p, "0", "detach net_null1");
	mp_expect_all(&g, "-", "eth_slot 0");
	mp_expect_all(&g, "-", "eth_slot 1");
	mp_group_stop(&g);
}

/* NEW and DESTROY fire in every process, secondaries included, with the port's name. */
static void
test_events(void **state)
{
	struct mp_group g;

	(void)state;
	mp_group_start(&g, NULL, 2, 0);
	mp_expect_all(&g, "0", "eth_watch");
	mp_expect(g.p, "0", "attach net_null0");
	mp_expect(g.s[1], "0", "attach net_ring0,nodeaction=mp_ev:0:CREATE");
	mp_expect_all(&g, "NEW:0:net_null0 NEW:1:net_ring0", "eth_events");
	mp_expect(g.s[0], "0", "detach net_null0");
	mp_expect_all(&g, "NEW:0:net_null0 NEW:1:net_ring0 DESTROY:0:net_null0", "eth_events");
	mp_expect(g.p, "0", "detach net_ring0");
	mp_expect_all(&g, "NEW:0:net_null0 NEW:1:net_ring0 DESTROY:0:net_null0 "
		   "DESTROY:1:net_ring0", "eth_events");
	mp_group_stop(&g);
}

/* Bad devargs: one clear line from the PMD, in the primary, and nothing attached anywhere. */
static void
test_bad_devargs(void **state)
{
	static const struct mp_bad_attach cases[] = {
		{ 0, "net_null0,size=abc", NULL,
		  "net_null0: invalid devargs 'size=abc': size takes" },
		{ 1, "net_null0,bogus=1", NULL,
		  "net_null0: invalid devargs 'bogus=1': the keys are" },
		{ 2, "net_null0,copy=1,no-rx=1", NULL, "copy and no-rx exclude each other" },
		{ 1, "net_ring0,nodeaction=mp_x:0:MAKE", NULL, "net_ring0: invalid devargs "
		  "'nodeaction=mp_x:0:MAKE': nodeaction takes" },
		{ 0, "net_ring0,nodeaction=mp_missing:0:ATTACH", NULL,
		  "cannot attach ring mp_missing" },
	};
	struct mp_group g;
	unsigned int i;

	(void)state;
	mp_group_start(&g, NULL, 2, MP_CAPTURE_STDERR);
	for (i = 0; i < RTE_DIM(cases); i++)
		mp_expect_attach_fails(&g, &cases[i]);
	/* The secondaries never probed: nothing to say. */
	assert_int_equal(mp_log_count(g.s[0], "invalid devargs"), 0);
	assert_int_equal(mp_log_count(g.s[1], "invalid devargs"), 0);
	/* And the names are free for good devargs. */
	mp_expect(g.s[0], "0", "attach net_null0,size=128");
	mp_expect(g.s[1], "0", "attach net_ring0,nodeaction=mp_x:0:CREATE");
	mp_expect_all(&g, "0:net_null0 1:net_ring0", "eth_ports");
	mp_group_stop(&g);
}

/*
 * A port's owner is in its shared data, owner ids come from one counter
 * of the group: an owner the primary set is the owner in a secondary too
 * (same id, same name, the port hidden from RTE_ETH_FOREACH_DEV), a
 * secondary cannot take the port over (-EPERM, as in DPDK), and it can
 * release it with the owner's id, for every process.
 */
static void
test_owner_shared(void **state)
{
	char id_p[32], id_s[32], want[64];
	struct mp_group g;

	(void)state;
	mp_group_start(&g, NULL, 2, MP_CAPTURE_STDERR);
	mp_expect(g.p, "0", "attach net_null0");
	mp_expect(g.s[0], "0", "attach net_null1");
	mp_expect_all(&g, "-", "eth_owner net_null0");
	mp_expect_all(&g, "2", "eth_avail");
	assert_int_equal(mp_call(g.p, id_p, sizeof(id_p), "eth_owner_new"), 0);
	assert_true(strtoull(id_p, NULL, 10) > 0);
	mp_expect(g.p, "0", "eth_owner_set net_null0 %s app_p", id_p);
	snprintf(want, sizeof(want), "%s app_p", id_p);
	mp_expect_all(&g, want, "eth_owner net_null0");
	mp_expect_all(&g, "1", "eth_avail");

	/* A secondary's new id is another one; with it, or with the owner's, no taking over. */
	assert_int_equal(mp_call(g.s[0], id_s, sizeof(id_s), "eth_owner_new"), 0);
	assert_true(strtoull(id_s, NULL, 10) > 0);
	assert_string_not_equal(id_s, id_p);
	mp_expect(g.s[0], "-" RTE_STR(EPERM), "eth_owner_set net_null0 %s app_s", id_s);
	mp_expect(g.s[1], "-" RTE_STR(EPERM), "eth_owner_set net_null0 %s app_s", id_p);
	mp_expect(g.s[1], "-" RTE_STR(EPERM), "eth_owner_unset net_null0 %s", id_s);
	mp_expect_all(&g, want, "eth_owner net_null0");
	/* Each refusal says who has the port, once. */
	assert_int_equal(mp_log_count(g.s[0], "port 0 is owned by app_p"), 1);
	assert_int_equal(mp_log_count(g.s[1], "port 0 is owned by app_p"), 2);

	/* Released by a secondary with the owner's id: nobody owns it, anywhere. */
	mp_expect(g.s[1], "0", "eth_owner_unset net_null0 %s", id_p);
	mp_expect_all(&g, "-", "eth_owner net_null0");
	mp_expect_all(&g, "2", "eth_avail");
	/* And the secondary's owner may now have it. */
	mp_expect(g.s[0], "0", "eth_owner_set net_null0 %s app_s", id_s);
	snprintf(want, sizeof(want), "%s app_s", id_s);
	mp_expect_all(&g, want, "eth_owner net_null0");
	mp_group_stop(&g);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_attach_everywhere),
	cmocka_unit_test(test_secondary_tx_primary_rx),
	cmocka_unit_test(test_detach_from_secondary),
	cmocka_unit_test(test_port_id_reuse),
	cmocka_unit_test(test_events),
	cmocka_unit_test(test_bad_devargs),
	cmocka_unit_test(test_owner_shared),
};

REGISTER_TEST_GROUP(ethdev_mp, tests);
