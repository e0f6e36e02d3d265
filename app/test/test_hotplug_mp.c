/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Hotplug across a primary and its secondaries, with the hp_test driver
 * (test_hotplug_driver.c) injecting faults in chosen processes. Every
 * test checks the devices of every process afterwards: all have the
 * device, or none has.
 */

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <rte_common.h>

#include "mp_group.h"
#include "test.h"

/* The primary of a group, unless a test needs other options. */
static const char *const primary_args[] = { "--no-huge", "-m", "64", NULL };

/* Attach from the primary and from a secondary, detach from each, with n secondaries. */
static void
four_scenarios(unsigned int n)
{
	struct mp_group g;

	mp_group_start(&g, primary_args, n, 0);
	assert_int_equal(mp_call_int(g.p, "attach %s", "hp_test0"), 0);
	mp_expect_all(&g, "hp_test0", "devices");
	assert_int_equal(mp_call_int(g.p, "detach %s", "hp_test0"), 0);
	mp_expect_all(&g, "-", "devices");
	assert_int_equal(mp_call_int(g.s[n - 1], "attach %s", "hp_test1"), 0);
	mp_expect_all(&g, "hp_test1", "devices");
	assert_int_equal(mp_call_int(g.s[0], "detach %s", "hp_test1"), 0);
	mp_expect_all(&g, "-", "devices");
	/* Already there / not there. */
	assert_int_equal(mp_call_int(g.s[0], "attach %s", "hp_test2"), 0);
	assert_int_equal(mp_call_int(g.p, "attach %s", "hp_test2"), -EEXIST);
	assert_int_equal(mp_call_int(g.s[n - 1], "attach %s", "hp_test2"), -EEXIST);
	mp_expect_all(&g, "hp_test2", "devices");
	assert_int_equal(mp_call_int(g.p, "detach %s", "hp_test9"), -ENOENT);
	assert_int_equal(mp_call_int(g.s[0], "detach %s", "hp_test9"), -ENOENT);
	mp_group_stop(&g);
}

static void
test_scenarios_1(void **state)
{
	(void)state;
	four_scenarios(1);
}

static void
test_scenarios_4(void **state)
{
	(void)state;
	four_scenarios(4);
}

/* A probe failing in secondary k: the attach fails, the device is nowhere. */
static void
test_attach_fails_in_secondary(void **state)
{
	static const char *const who[] = { "s1", "s2", "s4" };
	char devargs[64];
	struct mp_group g;
	unsigned int k;

	(void)state;
	mp_group_start(&g, primary_args, 4, 0);
	for (k = 0; k < RTE_DIM(who); k++) {
		snprintf(devargs, sizeof(devargs), "hp_test0,fail_probe=%s", who[k]);
		assert_int_equal(mp_call_int(g.s[k % 2], "attach %s", devargs), -EIO);
		mp_expect_all(&g, "-", "devices");
	}
	/* And from the primary. */
	assert_int_equal(mp_call_int(g.p, "attach %s", "hp_test0,fail_probe=s3"), -EIO);
	mp_expect_all(&g, "-", "devices");
	mp_group_stop(&g);
}

/* A remove failing in secondary k: the detach fails, the device is everywhere. */
static void
test_detach_fails_in_secondary(void **state)
{
	static const char *const who[] = { "s1", "s2", "s4" };
	char devargs[64];
	struct mp_group g;
	unsigned int k;

	(void)state;
	mp_group_start(&g, primary_args, 4, 0);
	for (k = 0; k < RTE_DIM(who); k++) {
		snprintf(devargs, sizeof(devargs), "hp_test%u,fail_remove=%s", k, who[k]);
		assert_int_equal(mp_call_int(g.p, "attach %s", devargs), 0);
	}
	mp_expect_all(&g, "hp_test0 hp_test1 hp_test2", "devices");
	for (k = 0; k < RTE_DIM(who); k++) {
		char name[16];

		snprintf(name, sizeof(name), "hp_test%u", k);
		assert_int_equal(mp_call_int(k == 1 ? g.s[2] : g.p, "detach %s", name), -EBUSY);
		mp_expect_all(&g, "hp_test0 hp_test1 hp_test2", "devices");
	}
	mp_group_stop(&g);
}

/* The primary's own probe or remove failing: nothing changes anywhere. */
static void
test_primary_fails(void **state)
{
	struct mp_group g;

	(void)state;
	mp_group_start(&g, primary_args, 2, 0);
	assert_int_equal(mp_call_int(g.s[0], "attach %s", "hp_test0,fail_probe=p"), -EIO);
	mp_expect_all(&g, "-", "devices");
	assert_int_equal(mp_call_int(g.s[1], "attach %s", "hp_test0,fail_remove=p"), 0);
	assert_int_equal(mp_call_int(g.s[0], "detach %s", "hp_test0"), -EBUSY);
	mp_expect_all(&g, "hp_test0", "devices");
	mp_group_stop(&g);
}

/* A veto in one secondary refuses the detach, from any process; nothing changes. */
static void
test_veto(void **state)
{
	struct mp_group g;

	(void)state;
	mp_group_start(&g, primary_args, 3, 0);
	assert_int_equal(mp_call_int(g.p, "attach %s", "hp_test0,veto=s2"), 0);
	assert_int_equal(mp_call_int(g.p, "detach %s", "hp_test0"), -EBUSY);
	mp_expect_all(&g, "hp_test0", "devices");
	assert_int_equal(mp_call_int(g.s[1], "detach %s", "hp_test0"), -EBUSY);
	assert_int_equal(mp_call_int(g.s[2], "detach %s", "hp_test0"), -EBUSY);
	mp_expect_all(&g, "hp_test0", "devices");
	/* The primary's own veto too. */
	assert_int_equal(mp_call_int(g.p, "attach %s", "hp_test1,veto=p"), 0);
	assert_int_equal(mp_call_int(g.s[0], "detach %s", "hp_test1"), -EBUSY);
	mp_expect_all(&g, "hp_test0 hp_test1", "devices");
	mp_group_stop(&g);
}

/*
 * A secondary killed with a veto registered leaves the group's count high
 * (the primary still asks before a detach); the next detach, which every
 * live process answers with its own count, brings it back to the truth.
 */
static void
test_veto_of_dead_process(void **state)
{
	struct mp_group g;

	(void)state;
	mp_group_start(&g, primary_args, 2, 0);
	mp_expect(g.s[0], "0", "vetoes");
	assert_int_equal(mp_call_int(g.p, "attach %s", "hp_test0,veto=s2"), 0);
	mp_expect_all(&g, "1", "vetoes");
	mp_kill(g.s[1], SIGKILL);
	assert_int_equal(mp_wait_exit(g.s[1], MP_TIMEOUT_MS), 128 + SIGKILL);
	mp_free(g.s[1]);
	g.s[1] = NULL;
	mp_expect(g.p, "1", "vetoes");
	/* Nobody alive vetoes it now; the recount drops the dead process's share. */
	assert_int_equal(mp_call_int(g.s[0], "detach %s", "hp_test0"), 0);
	mp_expect(g.p, "0", "vetoes");
	mp_expect(g.s[0], "0", "vetoes");
	/* A live veto still counts, and still refuses. */
	assert_int_equal(mp_call_int(g.p, "attach %s", "hp_test1,veto=s1"), 0);
	mp_expect(g.p, "1", "vetoes");
	assert_int_equal(mp_call_int(g.p, "detach %s", "hp_test1"), -EBUSY);
	mp_expect(g.p, "1", "vetoes");
	mp_group_stop(&g);
}

/* A secondary killed during an attach: the others finish well before the timeout. */
static void
test_killed_during_attach(void **state)
{
	struct timespec start;
	struct mp_group g;
	char r[64];

	(void)state;
	mp_group_start(&g, primary_args, 3, 0);
	clock_gettime(CLOCK_MONOTONIC, &start);
	assert_int_equal(mp_send(g.p, "attach hp_test0,hang_probe=s2,hang_ms=4000"), 0);
	usleep(300 * 1000);
	mp_kill(g.s[1], SIGKILL);
	assert_int_equal(mp_recv(g.p, r, sizeof(r), MP_TIMEOUT_MS), 0);
	assert_string_equal(r, "0");
	assert_true(mp_ms_since(&start) < 2000);
	assert_int_equal(mp_wait_exit(g.s[1], MP_TIMEOUT_MS), 128 + SIGKILL);
	mp_free(g.s[1]);
	g.s[1] = NULL;
	mp_expect_all(&g, "hp_test0", "devices");
	mp_group_stop(&g);
}

/*
 * A stopped secondary with --mp-timeout 1: the attach fails after about a
 * second and is rolled back; once the secondary runs again, it too ends
 * without the device.
 */
static void
test_stopped_during_attach(void **state)
{
	static const char *const primary[] = { "--no-huge", "-m", "64", "--mp-timeout=1", NULL };
	struct timespec start;
	struct mp_group g;
	uint64_t ms;
	char r[64];

	(void)state;
	mp_group_start(&g, primary, 2, 0);
	mp_kill(g.s[0], SIGSTOP);
	clock_gettime(CLOCK_MONOTONIC, &start);
	assert_int_equal(mp_call(g.p, r, sizeof(r), "attach hp_test0"), 0);
	ms = mp_ms_since(&start);
	assert_string_equal(r, "-" RTE_STR(ETIMEDOUT));
	assert_true(ms >= 950 && ms < 3000);
	mp_kill(g.s[0], SIGCONT);
	/*
	 * It attaches, then undoes it, in order, once it runs; "devices" may
	 * answer before its worker got there. An operation broadcast now is
	 * queued after both: once it is done, so are they. And the group
	 * works as before.
	 */
	assert_int_equal(mp_call_int(g.s[0], "attach %s", "hp_test1"), 0);
	mp_expect_all(&g, "hp_test1", "devices");
	mp_group_stop(&g);
}

/* Four secondaries attach four devices at once; two attach one device at once. */
static void
test_concurrent(void **state)
{
	struct mp_group g;
	char r[64];
	unsigned int i, ok = 0, exist = 0;

	(void)state;
	mp_group_start(&g, primary_args, 4, 0);
	for (i = 0; i < 4; i++)
		assert_int_equal(mp_send(g.s[i], "attach hp_test%u", i), 0);
	for (i = 0; i < 4; i++) {
		assert_int_equal(mp_recv(g.s[i], r, sizeof(r), MP_TIMEOUT_MS), 0);
		assert_string_equal(r, "0");
	}
	mp_expect_all(&g, "hp_test0 hp_test1 hp_test2 hp_test3", "devices");
	for (i = 0; i < 2; i++)
		assert_int_equal(mp_send(g.s[i], "attach hp_test9"), 0);
	for (i = 0; i < 2; i++) {
		assert_int_equal(mp_recv(g.s[i], r, sizeof(r), MP_TIMEOUT_MS), 0);
		ok += strcmp(r, "0") == 0;
		exist += atoi(r) == -EEXIST;
	}
	assert_int_equal(ok, 1);
	assert_int_equal(exist, 1);
	mp_expect_all(&g, "hp_test0 hp_test1 hp_test2 hp_test3 hp_test9", "devices");
	mp_group_stop(&g);
}

/*
 * A secondary started during a storm of attaches and detaches ends like
 * the primary. The storms last two seconds: the join (milliseconds) is
 * well inside them, and they are still going when it is done.
 */
static void
test_join_during_storm(void **state)
{
	char r[256], expect[256];
	struct mp_group g;
	unsigned int ops;

	(void)state;
	mp_group_start(&g, primary_args, 1, 0);
	assert_int_equal(mp_send(g.p, "storm 2000"), 0);
	assert_int_equal(mp_send(g.s[0], "storm 2000"), 0);
	usleep(100 * 1000);
	mp_group_add(&g, NULL);
	assert_int_equal(mp_recv(g.p, r, sizeof(r), 5), -ETIMEDOUT); /* still storming */
	assert_int_equal(mp_recv(g.p, r, sizeof(r), MP_TIMEOUT_MS), 0);
	assert_int_equal(sscanf(r, "ok %u", &ops), 1);
	assert_true(ops > 0);
	assert_int_equal(mp_recv(g.s[0], r, sizeof(r), MP_TIMEOUT_MS), 0);
	assert_int_equal(sscanf(r, "ok %u", &ops), 1);
	assert_true(ops > 0);
	assert_int_equal(mp_call(g.p, expect, sizeof(expect), "devices"), 0);
	mp_expect_all(&g, expect, "devices");
	mp_group_stop(&g);
}

/*
 * 1,000 attach/detach cycles: fds, heap blocks and heap bytes in use as
 * after the first, so that neither a leaked block nor one that grows
 * each cycle goes unnoticed.
 */
static void
test_no_leak_over_cycles(void **state)
{
	struct mp_resources before;
	struct mp_group g;
	char r[64];

	(void)state;
	mp_group_start(&g, primary_args, 2, 0);
	assert_int_equal(mp_call(g.p, r, sizeof(r), "cycle 1 hp_test0"), 0);
	assert_string_equal(r, "ok");
	mp_group_resources(&g, &before);
	assert_int_equal(mp_send(g.p, "cycle 1000 hp_test0"), 0);
	assert_int_equal(mp_recv(g.p, r, sizeof(r), MP_TIMEOUT_MS * 12), 0);
	assert_string_equal(r, "ok");
	mp_expect_resources(&g, &before);
	mp_expect_all(&g, "-", "devices");
	mp_group_stop(&g);
}

/* Bad devargs: one clear line, a negative errno, nothing anywhere. */
static void
test_bad_devargs(void **state)
{
	char longargs[300];
	struct mp_group g;

	(void)state;
	mp_group_start(&g, primary_args, 1, 0);
	memset(longargs, 'a', sizeof(longargs));
	memcpy(longargs, "hp_test0,x=", 11);
	longargs[sizeof(longargs) - 1] = '\0';
	assert_int_equal(mp_call_int(g.p, "attach %s", longargs), -ENAMETOOLONG);
	assert_int_equal(mp_call_int(g.s[0], "attach %s", longargs), -ENAMETOOLONG);
	assert_int_equal(mp_call_int(g.p, "attach %s", "nobus:foo"), -ENODEV);
	assert_int_equal(mp_call_int(g.s[0], "attach %s", "vdev:no_driver0"), -ENODEV);
	assert_int_equal(mp_call_int(g.s[0], "attach %s", "hp_test0,a=[b"), -EINVAL);
	assert_int_equal(mp_call_int(g.p, "attach %s", "hp_test0,unknown_key=1"), -EINVAL);
	mp_expect_all(&g, "-", "devices");
	mp_group_stop(&g);
}

/* A secondary started after the primary has devices has them all once its init returns. */
static void
test_join_gets_devices(void **state)
{
	static const char *const primary[] = { "--no-huge", "-m", "64", "--vdev=hp_test0",
					       "--vdev", "hp_test1,veto=nobody", NULL };
	struct mp_group g;

	(void)state;
	mp_group_start(&g, primary, 0, 0);
	assert_int_equal(mp_call_int(g.p, "attach %s", "hp_test2"), 0);
	mp_group_add(&g, NULL);
	mp_expect_all(&g, "hp_test0 hp_test1 hp_test2", "devices");
	mp_group_stop(&g);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_join_gets_devices),
	cmocka_unit_test(test_scenarios_1),
	cmocka_unit_test(test_scenarios_4),
	cmocka_unit_test(test_attach_fails_in_secondary),
	cmocka_unit_test(test_detach_fails_in_secondary),
	cmocka_unit_test(test_primary_fails),
	cmocka_unit_test(test_veto),
	cmocka_unit_test(test_veto_of_dead_process),
	cmocka_unit_test(test_killed_during_attach),
	cmocka_unit_test(test_stopped_during_attach),
	cmocka_unit_test(test_concurrent),
	cmocka_unit_test(test_join_during_storm),
	cmocka_unit_test(test_no_leak_over_cycles),
	cmocka_unit_test(test_bad_devargs),
};

REGISTER_TEST_GROUP(hotplug_mp, tests);
