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
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>

#include "mp_harness.h"
#include "test.h"
#include "veth_harness.h"

#ifdef RTE_NET_PCAP

static const char *const primary_args[] = { "--no-huge", "-m", "128", NULL };
static const char *const secondary_args[] = { "--no-huge", "--proc-type=secondary", NULL };

/* The test's kernel objects, deleted by cleanup() whatever the test's outcome. */
static struct veth_env env = { .home_fd = -1 };

static int
cleanup(void **state)
{
	(void)state;
	veth_teardown(&env);
	return 0;
}

static struct mp_proc *
spawn(const char *name, const char *prefix, bool primary)
{
	struct mp_proc *p = mp_spawn_eal_flags(name, prefix, primary ? primary_args :
					       secondary_args, MP_CAPTURE_STDERR);

	assert_non_null(p);
	return p;
}

static unsigned long
open_fds(struct mp_proc *p)
{
	char reply[128];

	assert_int_equal(mp_call(p, reply, sizeof(reply), "resources"), 0);
	return veth_field(reply, "fds");
}

static unsigned int
count_of(const char *text, const char *what)
{
	unsigned int n = 0;

	for (text = strstr(text, what); text != NULL; text = strstr(text + 1, what))
		n++;
	return n;
}

/*
 * A port attached from the primary writes a file; one attached from a
 * secondary reads it back, once and in a loop. The files are the
 * primary's: the secondary's Tx drops (counted) and its Rx gets nothing.
 */
static void
test_files(void **state)
{
	const char *prefix = mp_prefix();
	char dir[PATH_MAX];
	struct mp_proc *p, *s1;
	unsigned long fds;

	(void)state;
	p = spawn("p", prefix, true);
	s1 = spawn("s1", prefix, false);
	/* The group's runtime directory: the runner removes it, files included. */
	assert_int_equal(mp_runtime_dir(prefix, dir, sizeof(dir)), 0);
	fds = open_fds(p);
	veth_expect(p, "ok", "eth_pool 4095");
	veth_expect(p, "0", "attach net_pcap0,tx_pcap=%s/out.pcap", dir);
	veth_expect(p, "0", "eth_up net_pcap0 1");
	veth_expect(p, "sent=200", "pkt_tx net_pcap0 0 200 1500 1 0");
	veth_expect(s1, "sent=20", "pkt_tx net_pcap0 0 20 1500 9 0");
	veth_expect(p, "in=0 out=200 ierr=0 oerr=20", "pkt_stats net_pcap0");
	veth_expect(s1, "in=0 out=200 ierr=0 oerr=20", "pkt_stats net_pcap0");
	assert_int_equal(count_of(mp_stderr(s1), "net_pcap0: its files are the primary's"), 1);
	/* Detached from the secondary: the file is closed, whole. */
	veth_expect(s1, "0", "detach net_pcap0");

	veth_expect(s1, "0", "attach net_pcap1,rx_pcap=%s/out.pcap", dir);
	veth_expect(p, "0", "eth_up net_pcap1 1");
	veth_expect(s1, "rx=0 bad=0 other=0", "pkt_rx net_pcap1 1 1 200 0");
	veth_expect(p, "rx=200 bad=0 other=0", "pkt_rx net_pcap1 200 1 10000 0");
	veth_expect(s1, "in=200 out=0 ierr=0 oerr=0", "pkt_stats net_pcap1");

	veth_expect(p, "0", "attach net_pcap2,rx_pcap=%s/out.pcap,infinite_rx=1", dir);
	veth_expect(p, "0", "eth_up net_pcap2 1");
	veth_expect(p, "rx=650 bad=0 other=0", "pkt_rx net_pcap2 650 1 10000 200");
	veth_expect(s1, "rx=0 bad=0 other=0", "pkt_rx net_pcap2 1 1 200 0");

	veth_expect(p, "0", "detach net_pcap1");
	veth_expect(s1, "0", "detach net_pcap2");
	veth_expect(p, "-", "devices");
	veth_expect(s1, "-", "devices");
	/* Every file the primary opened is closed. */
	assert_int_equal(open_fds(p), fds);
	assert_int_equal(mp_quit(s1), 0);
	assert_int_equal(mp_quit(p), 0);
}

/*
 * count frames of tag (802.1Q-tagged with vlan when not 0) from tx's port
 * to rx's port, all there and intact; pkt_rx's reply in reply.
 */
static void
flow(struct mp_proc *rx, const char *rx_port, struct mp_proc *tx, const char *tx_port,
     unsigned int count, unsigned int tag, unsigned int vlan, char *reply, size_t size)
{
	char want[32];

	assert_int_equal(mp_send(rx, "pkt_rx %s %u %u 20000 0 %u", rx_port, count, tag, vlan), 0);
	snprintf(want, sizeof(want), "sent=%u", count);
	veth_expect(tx, want, "pkt_tx %s 0 %u 1500 %u 100 %u", tx_port, count, tag, vlan);
	assert_int_equal(mp_recv(rx, reply, size, 30000), 0);
	if (veth_field(reply, "rx") != count || veth_field(reply, "bad") != 0)
		fail_msg("%s: %u frames from %s on %s, got '%s'", rx->name, count, tx->name,
			 rx_port, reply);
}

/*
 * Live interfaces: each process has its own handles, a secondary's
 * frames reach the primary's port intact and the other way round, and a
 * detach from the primary closes the handles of every process.
 */
static void
test_live(void **state)
{
	const char *prefix = mp_prefix();
	unsigned long fds[3];
	struct mp_proc *pr[3];
	char reply[256], want[96];
	unsigned int i, stale;
	const char *why;

	(void)state;
	why = veth_setup(&env, "lspc");
	if (why != NULL)
		TEST_SKIP("%s", why);
	pr[0] = spawn("p", prefix, true);
	pr[1] = spawn("s1", prefix, false);
	pr[2] = spawn("s2", prefix, false);
	for (i = 0; i < 3; i++)
		fds[i] = open_fds(pr[i]);
	veth_expect(pr[0], "ok", "eth_pool 4095");
	/* iface= on one end: one handle per process; Rx in and Tx on the other: two. */
	veth_expect(pr[1], "0", "attach net_pcap0,iface=%s", env.a);
	veth_expect(pr[0], "0", "attach net_pcap1,rx_iface_in=%s,tx_iface=%s", env.b, env.b);
	assert_int_equal(veth_packet_sockets(env.ifindex_a), 3);
	assert_int_equal(veth_packet_sockets(env.ifindex_b), 6);
	veth_expect(pr[0], "0", "eth_up net_pcap0 1");
	veth_expect(pr[0], "0", "eth_up net_pcap1 1");

	/* From a secondary to the primary: only the frames coming in at b. */
	flow(pr[0], "net_pcap1", pr[1], "net_pcap0", 300, 11, 0, reply, sizeof(reply));
	assert_int_equal(veth_field(reply, "other"), 0);
	flow(pr[0], "net_pcap1", pr[1], "net_pcap0", 50, 13, 42, reply, sizeof(reply));
	assert_int_equal(veth_field(reply, "other"), 0);
	for (i = 0; i < 3; i++) {
		veth_expect(pr[i], "in=0 out=350 ierr=0 oerr=0", "pkt_stats net_pcap0");
		veth_expect(pr[i], "in=350 out=0 ierr=0 oerr=0", "pkt_stats net_pcap1");
	}
	/*
	 * From the primary to another secondary. iface= captures both ways:
	 * that secondary's handle kept what s1 sent on a, as much as its buffer
	 * held. Like an application, it drains that before the flow it wants.
	 */
	assert_int_equal(mp_call(pr[2], reply, sizeof(reply), "pkt_rx net_pcap0 1 99 300 0"), 0);
	stale = (unsigned int)veth_field(reply, "other");
	assert_true(stale > 0 && stale <= 350);
	flow(pr[2], "net_pcap0", pr[0], "net_pcap1", 300, 12, 0, reply, sizeof(reply));
	assert_int_equal(veth_field(reply, "other"), 0);
	snprintf(want, sizeof(want), "in=%u out=350 ierr=0 oerr=0", 300 + stale);
	veth_expect(pr[1], want, "pkt_stats net_pcap0");

	/* Detached from the primary, both: no handle is left in any process. */
	veth_expect(pr[0], "0", "detach net_pcap0");
	veth_expect(pr[0], "0", "detach net_pcap1");
	assert_int_equal(veth_packet_sockets(env.ifindex_a), 0);
	assert_int_equal(veth_packet_sockets(env.ifindex_b), 0);
	for (i = 0; i < 3; i++) {
		veth_expect(pr[i], "-", "devices");
		assert_int_equal(open_fds(pr[i]), fds[i]);
	}
	for (i = 3; i > 0; i--)
		assert_int_equal(mp_quit(pr[i - 1]), 0);
}

/*
 * A secondary outside the test's namespace cannot open its interface:
 * the attach fails and is rolled back in the primary, from wherever it
 * was asked.
 */
static void
test_secondary_fails(void **state)
{
	const char *prefix = mp_prefix();
	struct mp_proc *p, *s1;
	char reply[64], line[96];
	const char *why;

	(void)state;
	why = veth_setup(&env, "lspf");
	if (why != NULL)
		TEST_SKIP("%s", why);
	p = spawn("p", prefix, true);
	veth_leave(&env);
	s1 = spawn("s1", prefix, false);
	veth_enter(&env);
	assert_int_equal(mp_call(s1, reply, sizeof(reply), "attach net_pcap0,rx_iface_in=%s",
				 env.a), 0);
	assert_string_equal(reply, "-19");
	snprintf(line, sizeof(line), "net_pcap0: cannot open interface %s", env.a);
	assert_int_equal(count_of(mp_stderr(s1), line), 1);
	veth_expect(p, "-", "devices");
	veth_expect(s1, "-", "devices");
	veth_expect(p, "-", "eth_ports");
	assert_int_equal(veth_packet_sockets(env.ifindex_a), 0);
	assert_int_equal(mp_quit(s1), 0);
	assert_int_equal(mp_quit(p), 0);
}

/* Bad devargs: one clear line from the primary's probe, and nothing attached anywhere. */
static void
test_bad_devargs(void **state)
{
	static const struct {
		unsigned int from;     /* 0: the primary, 1: the secondary */
		const char *devargs;   /* %s: the group's runtime directory */
		const char *ret;
		const char *line;
	} cases[] = {
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
	const char *prefix = mp_prefix();
	struct mp_proc *pr[2];
	char dir[PATH_MAX];
	unsigned int i, j;

	(void)state;
	pr[0] = spawn("p", prefix, true);
	pr[1] = spawn("s1", prefix, false);
	assert_int_equal(mp_runtime_dir(prefix, dir, sizeof(dir)), 0);
	for (i = 0; i < RTE_DIM(cases); i++) {
		char devargs[PATH_MAX + 128], reply[64];

		snprintf(devargs, sizeof(devargs), cases[i].devargs, dir);
		assert_int_equal(mp_call(pr[cases[i].from], reply, sizeof(reply), "attach %s",
					 devargs), 0);
		if (cases[i].ret != NULL ? strcmp(reply, cases[i].ret) != 0 : atoi(reply) >= 0)
			fail_msg("attach %s answered %s", devargs, reply);
		for (j = 0; j < 2; j++) {
			veth_expect(pr[j], "-", "devices");
			veth_expect(pr[j], "-", "eth_ports");
		}
		if (count_of(mp_stderr(pr[0]), cases[i].line) != 1)
			fail_msg("the primary logged '%s' %u times:\n%s", cases[i].line,
				 count_of(mp_stderr(pr[0]), cases[i].line), mp_stderr(pr[0]));
	}
	/* The secondary never probed: nothing to say. */
	assert_int_equal(count_of(mp_stderr(pr[1]), "PCAP:"), 0);
	assert_int_equal(mp_quit(pr[1]), 0);
	assert_int_equal(mp_quit(pr[0]), 0);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test_teardown(test_files, cleanup),
	cmocka_unit_test_teardown(test_live, cleanup),
	cmocka_unit_test_teardown(test_secondary_fails, cleanup),
	cmocka_unit_test_teardown(test_bad_devargs, cleanup),
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
