/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * net_af_packet across a primary and its secondaries (group af_packet_mp),
 * over a veth pair in a namespace of the test's own: the primary's
 * sockets, one per queue pair, are all there is in the kernel whatever the
 * number of processes (secondaries map them from copies of their fds);
 * frames sent from a secondary arrive intact and the other way round; a
 * secondary joining later gets the fds too; a detach from the primary
 * releases the sockets and every process's copies; an attach a secondary
 * fails is rolled back; bad devargs fail once, cleanly.
 */

#include <errno.h>
#include <signal.h>

#include <rte_common.h>

#include "mp_group.h"
#include "test.h"
#include "veth_harness.h"

/* The test's kernel objects, deleted by veth_cleanup() whatever the test's outcome. */
static struct veth_env env = { .home_fd = -1 };

/*
 * One socket per port in the kernel, used from three processes: a
 * secondary's frames reach the primary, the primary's reach another
 * secondary; a secondary that joins later sends too; a detach from the
 * primary leaves no socket and no copy anywhere.
 */
static void
test_traffic(void **state)
{
	unsigned long fds[3];
	struct mp_group g;
	unsigned int i;

	(void)state;
	veth_setup(&env, "lsaf");
	mp_group_start(&g, NULL, 2, MP_CAPTURE_STDERR);
	for (i = 0; i < 3; i++)
		fds[i] = mp_open_fds(mp_group_proc(&g, i));
	mp_expect(g.p, "ok", "eth_pool 4095");
	mp_expect(g.s[0], "0", "attach net_af_packet0,iface=%s", env.a);
	mp_expect(g.p, "0", "attach net_af_packet1,iface=%s", env.b);
	assert_int_equal(veth_packet_sockets(env.ifindex_a), 1);
	assert_int_equal(veth_packet_sockets(env.ifindex_b), 1);
	/* A secondary holds a copy of each socket's fd. */
	assert_int_equal(mp_open_fds(g.s[0]), fds[1] + 2);
	mp_expect(g.p, "0", "eth_up net_af_packet0 1");
	mp_expect(g.p, "0", "eth_up net_af_packet1 1");

	veth_flow(g.p, "net_af_packet1", g.s[0], "net_af_packet0", 0, 300, 21, 1500, 0);
	veth_flow(g.s[1], "net_af_packet0", g.p, "net_af_packet1", 0, 300, 22, 1500, 0);
	/* The kernel hands VLAN tags apart: they are put back in place. */
	veth_flow(g.p, "net_af_packet1", g.s[1], "net_af_packet0", 0, 100, 24, 1500, 42);
	mp_expect_all(&g, "in=300 out=400 ierr=0 oerr=0", "pkt_stats net_af_packet0");
	mp_expect_all(&g, "in=400 out=300 ierr=0 oerr=0", "pkt_stats net_af_packet1");

	/* A secondary starting now gets the fds at its init. */
	mp_group_add(&g, NULL);
	mp_expect(g.s[2], "0:net_af_packet0 1:net_af_packet1", "eth_ports");
	veth_flow(g.p, "net_af_packet1", g.s[2], "net_af_packet0", 0, 50, 23, 1500, 0);
	assert_int_equal(veth_packet_sockets(env.ifindex_a), 1);

	mp_expect(g.p, "0", "detach net_af_packet0");
	assert_int_equal(veth_packet_sockets(env.ifindex_a), 0);
	mp_expect(g.s[1], "0", "detach net_af_packet1");
	assert_int_equal(veth_packet_sockets(env.ifindex_b), 0);
	mp_expect_all(&g, "-", "eth_ports");
	for (i = 0; i < 3; i++)
		assert_int_equal(mp_open_fds(mp_group_proc(&g, i)), fds[i]);
	mp_group_stop(&g);
}

/* Several queue pairs, a ring geometry of the devargs, qdisc bypass. */
static void
test_qpairs(void **state)
{
	unsigned long fds;
	struct mp_group g;

	(void)state;
	veth_setup(&env, "lsaq");
	mp_group_start(&g, NULL, 1, MP_CAPTURE_STDERR);
	fds = mp_open_fds(g.s[0]);
	mp_expect(g.p, "ok", "eth_pool 4095");
	mp_expect(g.s[0], "0", "attach net_af_packet0,iface=%s,qpairs=3,blocksz=8192,"
		  "framesz=2048,framecnt=64", env.a);
	mp_expect(g.p, "0", "attach net_af_packet1,iface=%s,qdisc_bypass=1", env.b);
	assert_int_equal(veth_packet_sockets(env.ifindex_a), 3);
	assert_int_equal(mp_open_fds(g.s[0]), fds + 4);
	mp_expect(g.p, "0", "eth_up net_af_packet0 3");
	mp_expect(g.p, "0", "eth_up net_af_packet1 1");

	/* Tx queue 2 of the secondary; Rx from whichever queue the kernel's hash picks. */
	veth_flow(g.p, "net_af_packet1", g.s[0], "net_af_packet0", 2, 200, 31, 1500, 0);
	veth_flow(g.s[0], "net_af_packet0", g.p, "net_af_packet1", 0, 60, 32, 1500, 0);
	mp_expect_all(&g, "in=60 out=200 ierr=0 oerr=0", "pkt_stats net_af_packet0");

	mp_expect(g.p, "0", "detach net_af_packet0");
	mp_expect(g.s[0], "0", "detach net_af_packet1");
	assert_int_equal(veth_packet_sockets(env.ifindex_a), 0);
	assert_int_equal(veth_packet_sockets(env.ifindex_b), 0);
	assert_int_equal(mp_open_fds(g.s[0]), fds);
	mp_group_stop(&g);
}

/*
 * A secondary that does not answer in time (stopped; --mp-timeout=1) fails
 * the attach: rolled back everywhere, the primary's socket closed and the
 * other secondary's copy too. Once it runs again it attaches and undoes
 * its part, in order, and the device attaches as before.
 */
static void
test_attach_rollback(void **state)
{
	static const char *const pargs[] = { "--no-huge", "-m", "128", "--mp-timeout=1", NULL };
	unsigned long fds;
	struct mp_group g;

	(void)state;
	veth_setup(&env, "lsar");
	mp_group_start(&g, pargs, 2, MP_CAPTURE_STDERR);
	fds = mp_open_fds(g.s[0]);
	mp_kill(g.s[1], SIGSTOP);
	assert_int_equal(mp_call_int(g.s[0], "attach net_af_packet0,iface=%s", env.a),
			 -ETIMEDOUT);
	assert_int_equal(veth_packet_sockets(env.ifindex_a), 0);
	mp_expect(g.p, "-", "devices");
	mp_expect(g.s[0], "-", "devices");
	assert_int_equal(mp_open_fds(g.s[0]), fds);
	mp_kill(g.s[1], SIGCONT);
	/* Queued after its attach and rollback: once this is done, so are they. */
	assert_int_equal(mp_call_int(g.s[1], "attach net_af_packet0,iface=%s", env.a), 0);
	mp_expect_all(&g, "net_af_packet0", "devices");
	assert_int_equal(veth_packet_sockets(env.ifindex_a), 1);
	mp_expect(g.p, "0", "detach net_af_packet0");
	assert_int_equal(veth_packet_sockets(env.ifindex_a), 0);
	assert_int_equal(mp_open_fds(g.s[0]), fds);
	mp_group_stop(&g);
}

/* Bad devargs: one clear line from the primary's probe, and nothing attached anywhere. */
static void
test_bad_devargs(void **state)
{
	static const struct mp_bad_attach cases[] = {
		{ 0, "net_af_packet0", "-22", "net_af_packet0: invalid devargs '': "
		  "iface=<interface> is required" },
		{ 1, "net_af_packet0,iface=lo,bogus=1", "-22", "net_af_packet0: invalid devargs "
		  "'iface=lo,bogus=1': the keys are iface, qpairs" },
		{ 0, "net_af_packet0,iface=lstnoif0", "-19", "net_af_packet0: no interface lstnoif0" },
		{ 1, "net_af_packet0,iface=lo,qpairs=0", "-22", "qpairs takes 1 to 16" },
		{ 0, "net_af_packet0,iface=lo,framesz=big", "-22", "blocksz, framesz and framecnt "
		  "take numbers" },
		{ 1, "net_af_packet0,iface=lo,blocksz=1000", "-22", "blocksz 1000 is not a multiple "
		  "of the page size" },
		{ 0, "net_af_packet0,iface=lo,framesz=1000", "-22", "framesz 1000 is not a "
		  "multiple of 16" },
		{ 1, "net_af_packet0,iface=lo,framecnt=3", "-22", "framecnt 3 is not a multiple" },
		{ 0, "net_af_packet0,iface=lo,qdisc_bypass=2", "-22", "qdisc_bypass takes 0 or 1" },
	};
	struct mp_group g;
	unsigned int i;

	(void)state;
	mp_group_start(&g, NULL, 1, MP_CAPTURE_STDERR);
	for (i = 0; i < RTE_DIM(cases); i++)
		mp_expect_attach_fails(&g, &cases[i]);
	/* The secondary never probed: nothing to say. */
	assert_int_equal(mp_log_count(g.s[0], "AF_PACKET:"), 0);
	mp_group_stop(&g);
}

#define VETH_TEST(t) cmocka_unit_test_prestate_setup_teardown(t, NULL, veth_cleanup, &env)

static const struct CMUnitTest tests[] = {
	VETH_TEST(test_traffic),
	VETH_TEST(test_qpairs),
	VETH_TEST(test_attach_rollback),
	VETH_TEST(test_bad_devargs),
};

REGISTER_TEST_GROUP(af_packet_mp, tests);
