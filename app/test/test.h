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
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <rte_common.h>
#include <rte_errno.h>

#include "mp_harness.h"

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

/* The most threads test_run_threads() starts. */
#define TEST_THREADS 4

/*
 * Run fn(arg) on n threads (at most TEST_THREADS) and wait for all of
 * them. They start together, so that short loops really overlap rather
 * than run one after another.
 */
void test_run_threads(unsigned int n, void *(*fn)(void *), void *arg);

/*
 * Initialise the EAL of the test process itself, once, with these options
 * (no-huge, one lcore, a private file prefix); later calls return the first
 * result. For unit tests that need a working EAL but no peer process.
 */
int test_eal_init_once(void);

/*
 * Output gathered in memory, for the dump functions and the log:
 * test_capture_open() gives the stream to write to, test_capture_close()
 * closes it and returns what was written, which the caller frees.
 */
struct test_capture {
	FILE *f;
	char *text;
	size_t len;
};

static inline FILE *
test_capture_open(struct test_capture *c)
{
	c->text = NULL;
	c->len = 0;
	c->f = open_memstream(&c->text, &c->len);
	assert_non_null(c->f);
	return c->f;
}

static inline char *
test_capture_close(struct test_capture *c)
{
	assert_int_equal(fclose(c->f), 0);
	assert_non_null(c->text);
	return c->text;
}

/* Each of the strings is somewhere in text; a failure says which is not. */
#define assert_text_has(text, ...) \
	test_text_has(text, (const char *const[]){ __VA_ARGS__, NULL })

static inline void
test_text_has(const char *text, const char *const needles[])
{
	for (; *needles != NULL; needles++) {
		if (strstr(text, *needles) == NULL)
			fail_msg("\"%s\" is not in \"%s\"", *needles, text);
	}
}

/* What a create or a lookup gives in a process without an EAL. */
static inline bool
test_no_config(const void *obj)
{
	return obj == NULL && rte_errno == E_RTE_NO_CONFIG;
}

/*
 * test_no_eal: in a helper process that has no EAL (role lib_no_eal), the
 * create and lookup expressions both fail with E_RTE_NO_CONFIG.
 */
#define TEST_NO_EAL(lib, create, lookup) \
	static int \
	role_##lib##_no_eal(int argc, char **argv) \
	{ \
		RTE_SET_USED(argc); \
		RTE_SET_USED(argv); \
		if (!test_no_config(create)) \
			return 1; \
		return test_no_config(lookup) ? 0 : 2; \
	} \
	REGISTER_MP_ROLE(lib##_no_eal, role_##lib##_no_eal); \
	static void \
	test_no_eal(void **state) \
	{ \
		struct mp_proc *p = mp_spawn_role("no-eal", #lib "_no_eal", NULL, 0); \
		RTE_SET_USED(state); \
		assert_non_null(p); \
		assert_int_equal(mp_wait_exit(p, MP_TIMEOUT_MS), 0); \
		mp_free(p); \
	}

#endif /* TEST_H */
