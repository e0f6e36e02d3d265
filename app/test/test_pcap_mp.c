/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * net_pcap across a primary and its secondaries (group pcap_mp): pcap
 * files written by one port and read back by another, with the files the
 * primary's alone; live interfaces over a veth pair in a namespace of the
 * test's own, where every process opens its own handles and packets sent
 * from a secondary arrive intact; the handles closed in every process by
 * a detach; a secondary that cannot open an interface rolling the attach
 * back everywhere; bad devargs failing once, cleanly.
 */

#include <limits.h>
#include <stdio.h>

#include <rte_common.h>

#include "mp_group.h"
#include "test.h"
#include "veth_harness.h"

#ifdef RTE_NET_PCAP

/* The test's kernel objects, deleted by veth_cleanup() whatever the test's outcome. */
static struct veth_env env = { .home_fd = -1 };

/*
 * A port attached from the primary writes a file; one attached from a
 * secondary reads it back, once and in a loop. The files are the
 * primary's: the secondary's Tx drops (counted) and its Rx gets nothing.
 */
static void
test_files(void **state)
{
	char dir[PATH_MAX];
	unsigned long fds;
	struct mp_group g;

	(void)state;
	mp_group_start(&g, NULL, 1, MP_CAPTURE_STDERR);
	/* The group's runtime directory: the runner removes it, files included. */
	assert_int_equal(mp_runtime_dir(g.prefix, dir, sizeof(dir)), 0);
	fds = mp_open_fds(g.p);
	mp_expect(g.p, "ok", "eth_pool 4095");
	mp_expect(g.p, "0", "attach net_pcap0,tx_pcap=%s/out.pcap", dir);
	mp_expect(g.p, "0", "eth_up net_pcap0 1");
	mp_expect(g.p, "sent=200", "pkt_tx net_pcap0 0 200 1500 1 0");
	mp_expect(g.s[0], "sent=20", "pkt_tx net_pcap0 0 20 1500 9 0");
	mp_expect_all(&g, "in=0 out=200 ierr=0 oerr=20", "pkt_stats net_pcap0");
	assert_int_equal(mp_log_count(g.s[0], "net_pcap0: its files are the primary's"), 1);
	/* Detached from the secondary: the file is closed, whole. */
	mp_expect(g.s[0], "0", "detach net_pcap0");

	mp_expect(g.s[0], "0", "attach net_pcap1,rx_pcap=%s/out.pcap", dir);
	mp_expect(g.p, "0", "eth_up net_pcap1 1");
	mp_expect(g.s[0], "rx=0 bad=0 other=0", "pkt_rx net_pcap1 1 1 200 0");
	mp_expect(g.p, "rx=200 bad=0 other=0", "pkt_rx net_pcap1 200 1 10000 0");
	mp_expect(g.s[0], "in=200 out=0 ierr=0 oerr=0", "pkt_stats net_pcap1");

	mp_expect(g.p, "0", "attach net_pcap2,rx_pcap=%s/out.pcap,infinite_rx=1", dir);
	mp_expect(g.p, "0", "eth_up net_pcap2 1");
	mp_expect(g.p, "rx=650 bad=0 other=0", "pkt_rx net_pcap2 650 1 10000 200");
	mp_expect(g.s[0], "rx=0 bad=0 other=0", "pkt_rx net_pcap2 1 1 200 0");

	mp_expect(g.p, "0", "detach net_pcap1");
	mp_expect(g.s[0], "0", "detach net_pcap2");
	mp_expect_all(&g, "-", "devices");
	/* Every file the primary opened is closed. */
	assert_int_equal(mp_open_fds(g.p), fds);
	mp_group_stop(&g);
}

/*
 * Live interfaces: each process has its own handles, a secondary's
 * frames reach the primary's port intact and the other way round, and a
 * detach from the primary closes the handles of every process.
 */
static void
test_live(void **state)
{
	unsigned long fds[3];
	char reply[256], want[96];
	unsigned int i, stale;
	struct mp_group g;

	(void)state;
	veth_setup(&env, "lspc");
	mp_group_start(&g, NULL, 2, MP_CAPTURE_STDERR);
	for (i = 0; i < 3; i++)
		fds[i] = mp_open_fds(mp_group_proc(&g, i));
	mp_expect(g.p, "ok", "eth_pool 4095");
	/* iface= on one end: one handle per process; Rx in and Tx on the other: two. */
	mp_expect(g.s[0], "0", "attach net_pcap0,iface=%s", env.a);
	mp_expect(g.p, "0", "attach net_pcap1,rx_iface_in=%s,tx_iface=%s", env.b, env.b);
	assert_int_equal(veth_packet_sockets(env.ifindex_a), 3);
	assert_int_equal(veth_packet_sockets(env.ifindex_b), 6);
	mp_expect(g.p, "0", "eth_up net_pcap0 1");
	mp_expect(g.p, "0", "eth_up net_pcap1 1");

	/* From a secondary to the primary: only the frames coming in at b. */
	veth_flow(g.p, "net_pcap1", g.s[0], "net_pcap0", 0, 300, 11, 1500, 0);
	veth_flow(g.p, "net_pcap1", g.s[0], "net_pcap0", 0, 50, 13, 1500, 42);
	mp_expect_all(&g, "in=0 out=350 ierr=0 oerr=0", "pkt_stats net_pcap0");
	mp_expect_all(&g, "in=350 out=0 ierr=0 oerr=0", "pkt_stats net_pcap1");
	/*
	 * From the primary to another secondary. iface= captures both ways:
	 * that secondary's handle kept what s1 sent on a, as much as its buffer
	 * held. Like an application, it drains that before the flow it wants.
	 */
	assert_int_equal(mp_call(g.s[1], reply, sizeof(reply), "pkt_rx net_pcap0 1 99 300 0"), 0);
	stale = (unsigned int)mp_field(reply, "other");
	assert_true(stale > 0 && stale <= 350);
	veth_flow(g.s[1], "net_pcap0", g.p, "net_pcap1", 0, 300, 12, 1500, 0);
	snprintf(want, sizeof(want), "in=%u out=350 ierr=0 oerr=0", 300 + stale);
	mp_expect(g.s[0], want, "pkt_stats net_pcap0");

	/* Detached from the primary, both: no handle is left in any process. */
	mp_expect(g.p, "0", "detach net_pcap0");
	mp_expect(g.p, "0", "detach net_pcap1");
	assert_int_equal(veth_packet_sockets(env.ifindex_a), 0);
	assert_int_equal(veth_packet_sockets(env.ifindex_b), 0);
	mp_expect_all(&g, "-", "devices");
	for (i = 0; i < 3; i++)
		assert_int_equal(mp_open_fds(mp_group_proc(&g, i)), fds[i]);
	mp_group_stop(&g);
}

/*
 * A secondary outside the test's namespace cannot open its interface:
 * the attach fails and is rolled back in the primary, from wherever it
 * was asked.
 */
static void
test_secondary_fails(void **state)
{
	char reply[64], line[96];
	struct mp_group g;

	(void)state;
	veth_setup(&env, "lspf");
	mp_group_start(&g, NULL, 0, MP_CAPTURE_STDERR);
	veth_leave(&env);
	mp_group_add(&g, NULL);
	veth_enter(&env);
	assert_int_equal(mp_call(g.s[0], reply, sizeof(reply), "attach net_pcap0,rx_iface_in=%s",
				 env.a), 0);
	assert_string_equal(reply, "-19");
	snprintf(line, sizeof(line), "net_pcap0: cannot open interface %s", env.a);
	assert_int_equal(mp_log_count(g.s[0], line), 1);
	mp_expect_all(&g, "-", "devices");
	mp_expect(g.p, "-", "eth_ports");
	assert_int_equal(veth_packet_sockets(env.ifindex_a), 0);
	mp_group_stop(&g);
}

/* Bad devargs: one clear line from the primary's probe, and nothing attached anywhere. */
static void
test_bad_devargs(void **state)
{
	/* devargs: %s stands for the group's runtime directory. */
	static const struct mp_bad_attach cases[] = {
		{ 0, "net_pcap0", "-22", "net_pcap0: invalid devargs '': no stream" },
		{ 1, "net_pcap0,rx_pcap=%s/x.pcap,bogus=1", "-22", "the keys are rx_pcap, tx_pcap" },
		{ 0, "net_pcap0,rx_pcap=/nonexistent/lst.pcap", "-2", "net_pcap0: cannot read "
		  "rx_pcap /nonexistent/lst.pcap: No such file or directory" },
		{ 1, "net_pcap0,iface=lo,tx_pcap=%s/x.pcap", "-22", "iface goes alone" },
		{ 0, "net_pcap0,tx_pcap=%s/x.pcap,infinite_rx=1", "-22",
		  "infinite_rx needs an rx_pcap" },
		{ 1, "net_pcap0,rx_pcap=%s/x.pcap,infinite_rx=yes", "-22",
		  "infinite_rx takes 0 or 1" },
		{ 0, "net_pcap0,rx_iface=lstnoif0", NULL, "net_pcap0: cannot open interface lstnoif0" },
	};
	char dir[PATH_MAX], devargs[PATH_MAX + 128];
	struct mp_bad_attach c;
	struct mp_group g;
	unsigned int i;

	(void)state;
	mp_group_start(&g, NULL, 1, MP_CAPTURE_STDERR);
	assert_int_equal(mp_runtime_dir(g.prefix, dir, sizeof(dir)), 0);
	for (i = 0; i < RTE_DIM(cases); i++) {
		c = cases[i];
		snprintf(devargs, sizeof(devargs), cases[i].devargs, dir);
		c.devargs = devargs;
		mp_expect_attach_fails(&g, &c);
	}
	/* The secondary never probed: nothing to say. */
	assert_int_equal(mp_log_count(g.s[0], "PCAP:"), 0);
	mp_group_stop(&g);
}

#define VETH_TEST(t) cmocka_unit_test_prestate_setup_teardown(t, NULL, veth_cleanup, &env)

static const struct CMUnitTest tests[] = {
	VETH_TEST(test_files),
	VETH_TEST(test_live),
	VETH_TEST(test_secondary_fails),
	VETH_TEST(test_bad_devargs),
};

#else /* !RTE_NET_PCAP */

static void
test_pcap_not_built(void **state)
{
	(void)state;
	TEST_SKIP("net_pcap is not built here (no libpcap)");
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_pcap_not_built),
};

#endif /* RTE_NET_PCAP */

REGISTER_TEST_GROUP(pcap_mp, tests);
