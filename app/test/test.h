/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef TEST_H
#define TEST_H

/*
 * The test binary holds every test. A file about one feature defines its
 * cmocka tests and registers them as a group:
 *
 *     static const struct CMUnitTest tests[] = {
 *             cmocka_unit_test(test_something),
 *     };
 *     REGISTER_TEST_GROUP(ring, tests);
 *
 * "lockstep-test ring" runs the group, "lockstep-test ring test_something"
 * one test of it, "lockstep-test --list" lists them all. Each test runs in
 * its own process-wide state only as far as the EAL allows: rte_eal_init()
 * runs once per process, so tests that need an initialised EAL either
 * share one (test_eal_init_once) or spawn helper processes (mp_harness.h).
 */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <rte_common.h>

struct test_group {
	const char *name;
	const struct CMUnitTest *tests;
	size_t count;
	struct test_group *next;
};

void test_group_register(struct test_group *group);

#define REGISTER_TEST_GROUP(gname, test_array) \
	static struct test_group gname##_test_group = { \
		.name = #gname, \
		.tests = test_array, \
		.count = RTE_DIM(test_array), \
	}; \
	RTE_INIT(gname##_test_group_register) \
	{ \
		test_group_register(&gname##_test_group); \
	}

/* Skip the running test, printing why (counted as skipped, not passed). */
#define TEST_SKIP(...) do { \
	test_note_skip(__VA_ARGS__); \
	skip(); \
} while (0)

void test_note_skip(const char *fmt, ...) __rte_format_printf(1, 2);

/*
 * Initialise the EAL of the test process itself, once, with these options
 * (no-huge, one lcore, a private file prefix); later calls return the first
 * result. For unit tests that need a working EAL but no peer process.
 */
int test_eal_init_once(void);

#endif /* TEST_H */
