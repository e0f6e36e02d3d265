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
 * releases the sockets and every process's copies; bad devargs fail once,
 * cleanly.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>

#include "mp_harness.h"
#include "test.h"
#include "veth_harness.h"

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

/*
 * count frames of tag (802.1Q-tagged with vlan when not 0) from tx's port
 * on its Tx queue txq to rx's port: all there, intact, alone.
 */
static void
flow(struct mp_proc *rx, const char *rx_port, struct mp_proc *tx, const char *tx_port,
     unsigned int txq, unsigned int count, unsigned int tag, unsigned int maxlen,
     unsigned int vlan)
{
	char reply[128], want[64];

	assert_int_equal(mp_send(rx, "pkt_rx %s %u %u 20000 0 %u", rx_port, count, tag, vlan), 0);
	snprintf(want, sizeof(want), "sent=%u", count);
	veth_expect(tx, want, "pkt_tx %s %u %u %u %u 100 %u", tx_port, txq, count, maxlen, tag,
		    vlan);
	assert_int_equal(mp_recv(rx, reply, sizeof(reply), 30000), 0);
	snprintf(want, sizeof(want), "rx=%u bad=0 other=0", count);
	assert_string_equal(reply, want);
}

static void
expect_stats(struct mp_proc *const pr[], unsigned int n, const char *port, const char *want)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		veth_expect(pr[i], want, "pkt_stats %s", port);
}

/*
 * One socket per port in the kernel, used from three processes: a
 * secondary's frames reach the primary, the primary's reach another
 * secondary; a secondary that joins later sends too; a detach from the
 * primary leaves no socket and no copy anywhere.
 */
static void
test_traffic(void **state)
{
	const char *prefix = mp_prefix();
	struct mp_proc *pr[4];
	unsigned long fds[3];
	const char *why;
	unsigned int i;

	(void)state;
	why = veth_setup(&env, "lsaf");
	if (why != NULL)
		TEST_SKIP("%s", why);
	pr[0] = spawn("p", prefix, true);
	pr[1] = spawn("s1", prefix, false);
	pr[2] = spawn("s2", prefix, false);
	for (i = 0; i < 3; i++)
		fds[i] = open_fds(pr[i]);
	veth_expect(pr[0], "ok", "eth_pool 4095");
	veth_expect(pr[1], "0", "attach net_af_packet0,iface=%s", env.a);
	veth_expect(pr[0], "0", "attach net_af_packet1,iface=%s", env.b);
	assert_int_equal(veth_packet_sockets(env.ifindex_a), 1);
	assert_int_equal(veth_packet_sockets(env.ifindex_b), 1);
	/* A secondary holds a copy of each socket's fd. */
	assert_int_equal(open_fds(pr[1]), fds[1] + 2);
	veth_expect(pr[0], "0", "eth_up net_af_packet0 1");
	veth_expect(pr[0], "0", "eth_up net_af_packet1 1");

	flow(pr[0], "net_af_packet1", pr[1], "net_af_packet0", 0, 300, 21, 1500, 0);
	flow(pr[2], "net_af_packet0", pr[0], "net_af_packet1", 0, 300, 22, 1500, 0);
	/* The kernel hands VLAN tags apart: they are put back in place. */
	flow(pr[0], "net_af_packet1", pr[2], "net_af_packet0", 0, 100, 24, 1500, 42);
	expect_stats(pr, 3, "net_af_packet0", "in=300 out=400 ierr=0 oerr=0");
	expect_stats(pr, 3, "net_af_packet1", "in=400 out=300 ierr=0 oerr=0");

	/* A secondary starting now gets the fds at its init. */
	pr[3] = spawn("s3", prefix, false);
	veth_expect(pr[3], "0:net_af_packet0 1:net_af_packet1", "eth_ports");
	flow(pr[0], "net_af_packet1", pr[3], "net_af_packet0", 0, 50, 23, 1500, 0);
	assert_int_equal(veth_packet_sockets(env.ifindex_a), 1);

	veth_expect(pr[0], "0", "detach net_af_packet0");
	assert_int_equal(veth_packet_sockets(env.ifindex_a), 0);
	veth_expect(pr[2], "0", "detach net_af_packet1");
	assert_int_equal(veth_packet_sockets(env.ifindex_b), 0);
	for (i = 0; i < 4; i++)
		veth_expect(pr[i], "-", "eth_ports");
	for (i = 0; i < 3; i++)
		assert_int_equal(open_fds(pr[i]), fds[i]);
	for (i = 4; i > 0; i--)
		assert_int_equal(mp_quit(pr[i - 1]), 0);
}

/* Several queue pairs, a ring geometry of the devargs, qdisc bypass. */
static void
test_qpairs(void **state)
{
	const char *prefix = mp_prefix();
	struct mp_proc *pr[2];
	unsigned long fds;
	const char *why;

	(void)state;
	why = veth_setup(&env, "lsaq");
	if (why != NULL)
		TEST_SKIP("%s", why);
	pr[0] = spawn("p", prefix, true);
	pr[1] = spawn("s1", prefix, false);
	fds = open_fds(pr[1]);
	veth_expect(pr[0], "ok", "eth_pool 4095");
	veth_expect(pr[1], "0", "attach net_af_packet0,iface=%s,qpairs=3,blocksz=8192,"
		    "framesz=2048,framecnt=64", env.a);
	veth_expect(pr[0], "0", "attach net_af_packet1,iface=%s,qdisc_bypass=1", env.b);
	assert_int_equal(veth_packet_sockets(env.ifindex_a), 3);
	assert_int_equal(open_fds(pr[1]), fds + 4);
	veth_expect(pr[0], "0", "eth_up net_af_packet0 3");
	veth_expect(pr[0], "0", "eth_up net_af_packet1 1");

	/* Tx queue 2 of the secondary; Rx from whichever queue the kernel's hash picks. */
	flow(pr[0], "net_af_packet1", pr[1], "net_af_packet0", 2, 200, 31, 1500, 0);
	flow(pr[1], "net_af_packet0", pr[0], "net_af_packet1", 0, 60, 32, 1500, 0);
	expect_stats(pr, 2, "net_af_packet0", "in=60 out=200 ierr=0 oerr=0");

	veth_expect(pr[0], "0", "detach net_af_packet0");
	veth_expect(pr[1], "0", "detach net_af_packet1");
	assert_int_equal(veth_packet_sockets(env.ifindex_a), 0);
	assert_int_equal(veth_packet_sockets(env.ifindex_b), 0);
	assert_int_equal(open_fds(pr[1]), fds);
	assert_int_equal(mp_quit(pr[1]), 0);
	assert_int_equal(mp_quit(pr[0]), 0);
}

static unsigned int
count_of(const char *text, const char *what)
{
	unsigned int n = 0;

	for (text = strstr(text, what); text != NULL; text = strstr(text + 1, what))
		n++;
	return n;
}

/* Bad devargs: one clear line from the primary's probe, and nothing attached anywhere. */
static void
test_bad_devargs(void **state)
{
	static const struct {
		unsigned int from;     /* 0: the primary, 1: the secondary */
		const char *devargs;
		const char *ret;
		const char *line;
	} cases[] = {
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
	const char *prefix = mp_prefix();
	struct mp_proc *pr[2];
	unsigned int i, j;

	(void)state;
	pr[0] = spawn("p", prefix, true);
	pr[1] = spawn("s1", prefix, false);
	for (i = 0; i < RTE_DIM(cases); i++) {
		char reply[64];

		assert_int_equal(mp_call(pr[cases[i].from], reply, sizeof(reply), "attach %s",
					 cases[i].devargs), 0);
		if (strcmp(reply, cases[i].ret) != 0)
			fail_msg("attach %s answered %s, expected %s", cases[i].devargs, reply,
				 cases[i].ret);
		for (j = 0; j < 2; j++) {
			veth_expect(pr[j], "-", "devices");
			veth_expect(pr[j], "-", "eth_ports");
		}
		if (count_of(mp_stderr(pr[0]), cases[i].line) != 1)
			fail_msg("the primary logged '%s' %u times:\n%s", cases[i].line,
				 count_of(mp_stderr(pr[0]), cases[i].line), mp_stderr(pr[0]));
	}
	/* The secondary never probed: nothing to say. */
	assert_int_equal(count_of(mp_stderr(pr[1]), "AF_PACKET:"), 0);
	assert_int_equal(mp_quit(pr[1]), 0);
	assert_int_equal(mp_quit(pr[0]), 0);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test_teardown(test_traffic, cleanup),
	cmocka_unit_test_teardown(test_qpairs, cleanup),
	cmocka_unit_test_teardown(test_bad_devargs, cleanup),
};

REGISTER_TEST_GROUP(af_packet_mp, tests);
