/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * net_bonding across a primary and its secondaries (group bonding_mp),
 * over net_null and net_ring members: a bond made with member devargs
 * is in every process with the same port id and members; traffic through
 * it in each mode reaches the members, counted there; members hotplugged
 * later join it; a member detached (while processes send through the
 * bond) leaves it everywhere, and active-backup fails over; the bond
 * detached from a secondary takes the members it attached along; an
 * attach failing in a secondary, or bad devargs, leave nothing anywhere.
 *
 * The helpers also use the commands of test_hotplug_driver.c (attach,
 * detach, devices) and eth_commands.c (eth_pool, eth_up, eth_ports,
 * eth_stats, eth_slot).
 */

#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_bus_vdev.h>
#include <rte_common.h>
#include <rte_eth_bond.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "eth_commands.h"
#include "mp_group.h"
#include "test.h"

#define BURST 32
#define WAIT_MS 5000

/* Helper side: commands of the "eal" role. */

static int
port_of(const char *name, uint16_t *port_id)
{
	return rte_eth_dev_get_port_by_name(name, port_id);
}

static void
join_ports(char *buf, size_t size, const uint16_t *ports, int n)
{
	size_t used = 0;
	int i;

	buf[0] = '\0';
	if (n <= 0)
		snprintf(buf, size, n == 0 ? "-" : "%d", n);
	for (i = 0; i < n && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%u", i ? "," : "", ports[i]);
}

/* "bond_info BOND" -> "mode=M primary=P members=A,B active=A,B" (P: the error when none) */
static int
cmd_info(const char *args, char *reply, size_t size)
{
	uint16_t bond, ports[RTE_MAX_ETHPORTS];
	char members[128], active[128];

	if (port_of(args, &bond) < 0)
		return snprintf(reply, size, "no bond"), 0;
	join_ports(members, sizeof(members), ports,
		   rte_eth_bond_members_get(bond, ports, RTE_DIM(ports)));
	join_ports(active, sizeof(active), ports,
		   rte_eth_bond_active_slaves_get(bond, ports, RTE_DIM(ports)));
	snprintf(reply, size, "mode=%d primary=%d members=%s active=%s",
		 rte_eth_bond_mode_get(bond), rte_eth_bond_primary_get(bond), members, active);
	return 0;
}
REGISTER_MP_COMMAND(bond_info, cmd_info);

/* "bond_set BOND add|slave_add|remove|primary MEMBER" or "bond_set BOND mode M" -> the result */
static int
cmd_set(const char *args, char *reply, size_t size)
{
	char bname[RTE_ETH_NAME_MAX_LEN], op[16], arg[RTE_ETH_NAME_MAX_LEN];
	uint16_t bond, member;
	int ret;

	if (sscanf(args, "%63s %15s %63s", bname, op, arg) != 3 || port_of(bname, &bond) < 0)
		return snprintf(reply, size, "usage"), 0;
	if (strcmp(op, "mode") == 0)
		return snprintf(reply, size, "%d", rte_eth_bond_mode_set(bond, (uint8_t)atoi(arg))), 0;
	if (port_of(arg, &member) < 0)
		return snprintf(reply, size, "no port %s", arg), 0;
	if (strcmp(op, "add") == 0)
		ret = rte_eth_bond_member_add(bond, member);
	else if (strcmp(op, "slave_add") == 0)
		ret = rte_eth_bond_slave_add(bond, member);
	else if (strcmp(op, "remove") == 0)
		ret = rte_eth_bond_slave_remove(bond, member);
	else if (strcmp(op, "primary") == 0)
		ret = rte_eth_bond_primary_set(bond, member);
	else
		return snprintf(reply, size, "usage"), 0;
	snprintf(reply, size, "%d", ret);
	return 0;
}
REGISTER_MP_COMMAND(bond_set, cmd_set);

/* "bond_create NAME MODE" -> rte_eth_bond_create's result */
static int
cmd_create(const char *args, char *reply, size_t size)
{
	char name[RTE_ETH_NAME_MAX_LEN];
	unsigned int mode;

	if (sscanf(args, "%63s %u", name, &mode) != 2)
		return snprintf(reply, size, "usage"), 0;
	snprintf(reply, size, "%d", rte_eth_bond_create(name, (uint8_t)mode, 0));
	return 0;
}
REGISTER_MP_COMMAND(bond_create, cmd_create);

/* "bond_free NAME" -> 0 or error */
REGISTER_MP_COMMAND_INT(bond_free, rte_eth_bond_free(args));

/* "bond_local NAME ARGS" -> rte_vdev_init(NAME, ARGS): in this process only */
static int
cmd_local(const char *args, char *reply, size_t size)
{
	char name[RTE_ETH_NAME_MAX_LEN], vargs[192];

	if (sscanf(args, "%63s %191s", name, vargs) != 2)
		return snprintf(reply, size, "usage"), 0;
	snprintf(reply, size, "%d", rte_vdev_init(name, vargs));
	return 0;
}
REGISTER_MP_COMMAND(bond_local, cmd_local);

/* "bond_zero PORT" -> result of rte_eth_stats_reset (a bond's: its members') */
static int
cmd_zero(const char *args, char *reply, size_t size)
{
	uint16_t port_id;

	if (port_of(args, &port_id) < 0)
		return snprintf(reply, size, "usage"), 0;
	snprintf(reply, size, "%d", rte_eth_stats_reset(port_id));
	return 0;
}
REGISTER_MP_COMMAND(bond_zero, cmd_zero);

/*
 * COUNT frames from 02:00:00:00:00:<seq % flows> to broadcast, on queue q,
 * retrying what the port refuses for up to WAIT_MS if wait, else not at
 * all; how many went.
 */
static uint32_t
send_frames(uint16_t port_id, uint16_t q, uint32_t count, uint32_t flows, bool wait)
{
	struct rte_mempool *mp = rte_mempool_lookup(ETH_MP_POOL);
	uint64_t deadline = mp_now_ms() + WAIT_MS;
	struct rte_mbuf *pkts[BURST];
	uint32_t seq = 0;
	uint16_t n = 0, sent, i;

	if (mp == NULL)
		return 0;
	do {
		while (n < BURST && seq < count) {
			struct rte_ether_hdr *eh;

			pkts[n] = rte_pktmbuf_alloc(mp);
			if (pkts[n] == NULL)
				break;
			eh = (struct rte_ether_hdr *)rte_pktmbuf_append(pkts[n], 64);
			memset(eh, 0, 64);
			memset(&eh->dst_addr, 0xff, sizeof(eh->dst_addr));
			eh->src_addr.addr_bytes[0] = 0x02;
			eh->src_addr.addr_bytes[5] = (uint8_t)(seq % flows);
			seq++;
			n++;
		}
		sent = rte_eth_tx_burst(port_id, q, pkts, n);
		for (i = sent; i < n; i++)
			pkts[i - sent] = pkts[i];
		n = (uint16_t)(n - sent);
		if (sent == 0)
			sched_yield();
	} while (wait && (seq < count || n > 0) && mp_now_ms() < deadline);
	rte_pktmbuf_free_bulk(pkts, n);
	return seq - n;
}

/* "bond_tx BOND COUNT FLOWS" -> "sent=N" */
static int
cmd_tx(const char *args, char *reply, size_t size)
{
	char name[RTE_ETH_NAME_MAX_LEN];
	uint32_t count, flows;
	uint16_t port_id;

	if (sscanf(args, "%63s %" SCNu32 " %" SCNu32, name, &count, &flows) != 3 || flows == 0 ||
	    port_of(name, &port_id) < 0)
		return snprintf(reply, size, "usage"), 0;
	snprintf(reply, size, "sent=%" PRIu32, send_frames(port_id, 0, count, flows, true));
	return 0;
}
REGISTER_MP_COMMAND(bond_tx, cmd_tx);

/* "bond_rx BOND COUNT" -> "rx=N port=P": up to COUNT packets from queue 0, P: their port */
static int
cmd_rx(const char *args, char *reply, size_t size)
{
	uint64_t deadline = mp_now_ms() + WAIT_MS;
	struct rte_mbuf *pkts[BURST];
	char name[RTE_ETH_NAME_MAX_LEN];
	uint32_t count, got = 0;
	uint16_t port_id, n, i;
	int port = -1;

	if (sscanf(args, "%63s %" SCNu32, name, &count) != 2 || port_of(name, &port_id) < 0)
		return snprintf(reply, size, "usage"), 0;
	while (got < count && mp_now_ms() < deadline) {
		n = rte_eth_rx_burst(port_id, 0, pkts, (uint16_t)RTE_MIN(count - got, (uint32_t)BURST));
		for (i = 0; i < n; i++) {
			if (port != -2 && port != pkts[i]->port)
				port = port == -1 ? pkts[i]->port : -2;
		}
		rte_pktmbuf_free_bulk(pkts, n);
		got += n;
		if (n == 0)
			sched_yield();
	}
	snprintf(reply, size, "rx=%" PRIu32 " port=%d", got, port);
	return 0;
}
REGISTER_MP_COMMAND(bond_rx, cmd_rx);

/* A thread sending and receiving through a queue of a bond until told to stop. */
static struct {
	pthread_t thread;
	uint16_t port_id;
	uint16_t q;
	bool stop;
	uint64_t sent;
	uint64_t received;
} traffic;

static void *
traffic_loop(void *arg)
{
	uint64_t deadline = mp_now_ms() + 30000;
	struct rte_mbuf *pkts[BURST];
	uint16_t n;

	(void)arg;
	while (!__atomic_load_n(&traffic.stop, __ATOMIC_ACQUIRE) && mp_now_ms() < deadline) {
		/* One try: the loopback ring members fill up until someone receives. */
		__atomic_fetch_add(&traffic.sent, send_frames(traffic.port_id, traffic.q, BURST, 7,
							      false), __ATOMIC_RELEASE);
		n = rte_eth_rx_burst(traffic.port_id, traffic.q, pkts, BURST);
		rte_pktmbuf_free_bulk(pkts, n);
		__atomic_fetch_add(&traffic.received, n, __ATOMIC_RELEASE);
		/*
		 * Pollers in several processes may outnumber the cpus: one
		 * preempted inside the mbuf pool's ring would hold the others
		 * spinning for its whole time slice.
		 */
		usleep(100);
	}
	return NULL;
}

/* "bond_traffic_start BOND Q" -> "ok" once packets went through queue Q */
static int
cmd_traffic_start(const char *args, char *reply, size_t size)
{
	uint64_t deadline = mp_now_ms() + WAIT_MS;
	char name[RTE_ETH_NAME_MAX_LEN];

	memset(&traffic, 0, sizeof(traffic));
	if (sscanf(args, "%63s %hu", name, &traffic.q) != 2 || port_of(name, &traffic.port_id) < 0 ||
	    pthread_create(&traffic.thread, NULL, traffic_loop, NULL) != 0)
		return snprintf(reply, size, "fail"), 0;
	while (__atomic_load_n(&traffic.sent, __ATOMIC_ACQUIRE) == 0 && mp_now_ms() < deadline)
		usleep(1000);
	snprintf(reply, size, "%s", traffic.sent > 0 ? "ok" : "stuck");
	return 0;
}
REGISTER_MP_COMMAND(bond_traffic_start, cmd_traffic_start);

/* "bond_traffic_stop" -> "moved=1" when packets went both ways */
static int
cmd_traffic_stop(const char *args, char *reply, size_t size)
{
	(void)args;
	__atomic_store_n(&traffic.stop, true, __ATOMIC_RELEASE);
	pthread_join(traffic.thread, NULL);
	snprintf(reply, size, "moved=%d", traffic.sent > 0 && traffic.received > 0);
	return 0;
}
REGISTER_MP_COMMAND(bond_traffic_stop, cmd_traffic_stop);

/* Test side. */

#define BOND_NULL2 "net_bonding0,mode=0,member=net_null0,member=net_null1"

/* Made in the primary with members attached by its devargs: the same everywhere. */
static void
test_bond_everywhere(void **state)
{
	struct mp_group g;

	(void)state;
	mp_group_start(&g, NULL, 2, 0);
	mp_expect(g.p, "0", "attach " BOND_NULL2);
	mp_expect_all(&g, "0:net_bonding0 1:net_null0 2:net_null1", "eth_ports");
	mp_expect_all(&g, "mode=0 primary=1 members=1,2 active=1,2", "bond_info net_bonding0");
	/* A secondary that joins afterwards finds it as it is. */
	mp_group_add(&g, NULL);
	mp_expect(g.s[2], "0:net_bonding0 1:net_null0 2:net_null1", "eth_ports");
	mp_expect(g.s[2], "mode=0 primary=1 members=1,2 active=1,2", "bond_info net_bonding0");
	/* Changes from any process show in every process. */
	mp_expect(g.s[2], "0", "bond_set net_bonding0 mode 1");
	mp_expect(g.s[0], "0", "bond_set net_bonding0 primary net_null1");
	mp_expect_all(&g, "mode=1 primary=2 members=1,2 active=2", "bond_info net_bonding0");
	/* Detached from a secondary: gone everywhere, with the members it attached. */
	mp_expect(g.s[1], "0", "detach net_bonding0");
	mp_expect_all(&g, "-", "eth_ports");
	mp_expect_all(&g, "-", "devices");
	mp_group_stop(&g);
}

/* Member counters "in=A out=B" of both members, as every process sees them. */
static void
expect_members(struct mp_group *g, const char *first, const char *second)
{
	mp_expect_all(g, first, "eth_stats net_null0");
	mp_expect_all(g, second, "eth_stats net_null1");
}

/* The out= counter of a port, as p sees it. */
static unsigned long
port_out(struct mp_proc *p, const char *port)
{
	unsigned long in, out;
	char reply[128];

	assert_int_equal(mp_call(p, reply, sizeof(reply), "eth_stats %s", port), 0);
	assert_int_equal(sscanf(reply, "in=%lu out=%lu", &in, &out), 2);
	return out;
}

/* Traffic through the bond from every process, in each mode, counted on the members. */
static void
test_bond_modes(void **state)
{
	struct mp_group g;

	(void)state;
	mp_group_start(&g, NULL, 2, 0);
	mp_expect(g.s[0], "0", "attach " BOND_NULL2);
	mp_expect(g.p, "ok", "eth_pool 4095");
	/* Started by the primary, which starts the members: every process may burst. */
	mp_expect(g.p, "0", "eth_up net_bonding0 1");

	/* Round robin: every other packet on each member. */
	mp_expect(g.s[0], "sent=100", "bond_tx net_bonding0 100 1");
	expect_members(&g, "in=0 out=50", "in=0 out=50");
	mp_expect(g.s[1], "rx=64 port=0", "bond_rx net_bonding0 64");
	expect_members(&g, "in=32 out=50", "in=32 out=50");
	mp_expect_all(&g, "in=64 out=100", "eth_stats net_bonding0");

	/* Balance: one flow stays on one member; flows of both parities use both. */
	mp_expect(g.s[1], "0", "bond_set net_bonding0 mode 2");
	mp_expect(g.p, "0", "bond_zero net_bonding0");
	mp_expect(g.p, "sent=100", "bond_tx net_bonding0 100 1");
	expect_members(&g, "in=0 out=100", "in=0 out=0");
	mp_expect(g.s[1], "sent=96", "bond_tx net_bonding0 96 16");
	expect_members(&g, "in=0 out=148", "in=0 out=48");

	/* Active-backup: all on the primary, then all on the new one. */
	mp_expect(g.p, "0", "bond_set net_bonding0 mode 1");
	mp_expect(g.s[0], "0", "bond_zero net_bonding0");
	mp_expect(g.s[1], "sent=40", "bond_tx net_bonding0 40 5");
	mp_expect(g.s[0], "rx=32 port=0", "bond_rx net_bonding0 32");
	expect_members(&g, "in=32 out=40", "in=0 out=0");
	mp_expect(g.s[1], "0", "bond_set net_bonding0 primary net_null1");
	mp_expect(g.p, "sent=40", "bond_tx net_bonding0 40 5");
	assert_int_equal(port_out(g.s[1], "net_null1"), 40);
	assert_int_equal(port_out(g.s[1], "net_null0"), 40);

	mp_expect(g.p, "0", "detach net_bonding0");
	mp_expect_all(&g, "-", "devices");
	mp_group_stop(&g);
}

/*
 * Members hotplugged after the bond join it from any process; a member
 * detached while every process sends through the bond leaves it
 * everywhere, and active-backup fails over to the other; the bond goes,
 * the members it did not attach stay, free to join another bond.
 */
static void
test_bond_hotplugged_members(void **state)
{
	unsigned long out;
	uint64_t deadline;
	unsigned int i;
	struct mp_group g;

	(void)state;
	mp_group_start(&g, NULL, 2, 0);
	mp_expect(g.s[1], "0", "attach net_bonding0,mode=1");
	mp_expect_all(&g, "mode=1 primary=-2 members=- active=-", "bond_info net_bonding0");
	mp_expect(g.s[0], "0", "attach net_null0");
	mp_expect(g.p, "0", "attach net_ring0,nodeaction=bond_r0:0:CREATE,"
	       "nodeaction=bond_r1:0:CREATE,nodeaction=bond_r2:0:CREATE");
	mp_expect(g.s[1], "0", "bond_set net_bonding0 add net_null0");
	mp_expect(g.s[0], "0", "bond_set net_bonding0 add net_ring0");
	mp_expect_all(&g, "mode=1 primary=1 members=1,2 active=1", "bond_info net_bonding0");
	/* Removed and added again, from other processes, with the older names. */
	mp_expect(g.p, "0", "bond_set net_bonding0 remove net_ring0");
	mp_expect_all(&g, "mode=1 primary=1 members=1 active=1", "bond_info net_bonding0");
	mp_expect(g.s[1], "0", "bond_set net_bonding0 slave_add net_ring0");
	mp_expect_all(&g, "mode=1 primary=1 members=1,2 active=1", "bond_info net_bonding0");
	/* A member of one bond cannot join another. */
	mp_expect(g.p, "3", "bond_create net_bonding1 0");
	mp_expect(g.s[0], "-16", "bond_set net_bonding1 add net_null0");
	mp_expect(g.s[1], "0", "bond_free net_bonding1");

	mp_expect(g.p, "ok", "eth_pool 4095");
	/* A queue per process: a queue is polled by one lcore, as in DPDK. */
	mp_expect(g.p, "0", "eth_up net_bonding0 3");
	mp_expect(g.s[0], "0", "bond_set net_bonding0 mode 0");
	for (i = 0; i <= g.ns; i++)
		mp_expect(mp_group_proc(&g, i), "ok", "bond_traffic_start net_bonding0 %u", i);
	/* The active member goes while packets flow: the other takes over, everywhere. */
	mp_expect(g.s[1], "0", "bond_set net_bonding0 mode 1");
	mp_expect(g.s[1], "0", "detach net_null0");
	mp_expect_all(&g, "mode=1 primary=2 members=2 active=2", "bond_info net_bonding0");
	/* Packets go on flowing, through net_ring0 now. */
	out = port_out(g.p, "net_ring0");
	deadline = mp_now_ms() + WAIT_MS;
	while (port_out(g.s[0], "net_ring0") == out && mp_now_ms() < deadline)
		usleep(10 * 1000);
	assert_true(port_out(g.s[0], "net_ring0") > out);
	for (i = 0; i <= g.ns; i++)
		mp_expect(mp_group_proc(&g, i), "moved=1", "bond_traffic_stop");

	/* The bond goes; net_ring0, which it did not attach, stays, no member any more. */
	mp_expect(g.s[0], "0", "detach net_bonding0");
	mp_expect_all(&g, "net_ring0", "devices");
	mp_expect(g.s[1], "0", "bond_create net_bonding2 1");
	mp_expect(g.p, "0", "bond_set net_bonding2 add net_ring0");
	mp_expect_all(&g, "mode=1 primary=2 members=2 active=2", "bond_info net_bonding2");
	mp_expect(g.s[0], "0", "bond_free net_bonding2");
	mp_expect(g.p, "0", "detach net_ring0");
	mp_expect_all(&g, "-", "devices");
	mp_group_stop(&g);
}

/* A member failing to attach in a secondary: the bond fails, nothing is left anywhere. */
static void
test_bond_attach_rollback(void **state)
{
	char reply[64];
	struct mp_group g;

	(void)state;
	mp_group_start(&g, NULL, 2, 0);
	assert_int_equal(mp_call(g.s[0], reply, sizeof(reply), "attach net_bonding0,mode=0,"
				 "member=net_null0,member=[hp_test0,fail_probe=[s2]]"), 0);
	assert_int_equal(atoi(reply), -EIO);
	mp_expect_all(&g, "-", "devices");
	mp_expect_all(&g, "-", "eth_ports");
	mp_expect_all(&g, "-", "eth_slot 0");
	/* A member device that is no port: refused, detached again. */
	mp_expect(g.s[1], "-19", "attach net_bonding0,mode=1,member=net_null0,member=hp_test0");
	mp_expect_all(&g, "-", "devices");
	mp_expect_all(&g, "-", "eth_ports");
	/*
	 * Made in one process by rte_vdev_init(), which holds the vdev bus:
	 * it cannot attach member devices (that would wait for itself).
	 */
	mp_expect(g.p, "-95", "bond_local net_bonding0 mode=0,member=net_null0");
	mp_expect_all(&g, "-", "devices");
	/* And the names are free. */
	mp_expect(g.s[1], "0", "attach " BOND_NULL2);
	mp_expect_all(&g, "0:net_bonding0 1:net_null0 2:net_null1", "eth_ports");
	mp_group_stop(&g);
}

/* Bad devargs: one clear line from the PMD in the primary, nothing attached anywhere. */
static void
test_bond_bad_devargs(void **state)
{
	static const struct mp_bad_attach cases[] = {
		{ 0, "net_bonding0,mode=0,speed=1", "-22", "net_bonding0: invalid devargs "
		  "'mode=0,speed=1': the keys are mode, member (or slave), primary and socket_id" },
		{ 1, "net_bonding0,mode=7", "-22", "net_bonding0: invalid devargs 'mode=7': "
		  "mode takes 0 (round robin), 1 (active-backup) or 2 (balance), once" },
		{ 2, "net_bonding0,member=net_null0", "-22", "net_bonding0: invalid devargs "
		  "'member=net_null0': mode is required" },
		{ 1, "net_bonding0,mode=1,member=nosuch0", "-2", "net_bonding0: member 'nosuch0' "
		  "is not a port, and no bus has or could make such a device" },
		{ 2, "net_bonding0,mode=1,member=net_null0,primary=net_null1", "-22",
		  "net_bonding0: primary net_null1 is not one of its members" },
		{ 0, "net_bonding0,mode=0,slave=net_null0,slave=net_null0", "-22",
		  "net_bonding0: member net_null0 is given twice" },
		{ 1, "net_bonding0,mode=0,member=net_null0,member=[net_ring0,nodeaction=x:0:MAKE]",
		  "-22", "net_bonding0: cannot attach member net_ring0,nodeaction=x:0:MAKE" },
	};
	struct mp_group g;
	unsigned int i;

	(void)state;
	mp_group_start(&g, NULL, 2, MP_CAPTURE_STDERR);
	for (i = 0; i < RTE_DIM(cases); i++)
		mp_expect_attach_fails(&g, &cases[i]);
	/* The secondaries never probed a bond: nothing to say. */
	assert_int_equal(mp_log_count(g.s[0], "BOND:"), 0);
	assert_int_equal(mp_log_count(g.s[1], "BOND:"), 0);
	mp_group_stop(&g);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_bond_everywhere),
	cmocka_unit_test(test_bond_modes),
	cmocka_unit_test(test_bond_hotplugged_members),
	cmocka_unit_test(test_bond_attach_rollback),
	cmocka_unit_test(test_bond_bad_devargs),
};

REGISTER_TEST_GROUP(bonding_mp, tests);
