/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/* The example applications, run as a user would run them. */

#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mp_harness.h"
#include "test.h"

static void
example_path(const char *name, char *buf, size_t size)
{
	const char *dir = getenv("LOCKSTEP_EXAMPLES_DIR");

	if (dir == NULL)
		TEST_SKIP("LOCKSTEP_EXAMPLES_DIR is not set (run through meson test)");
	snprintf(buf, size, "%s/%s", dir, name);
}

/* helloworld -l 0-1 --no-huge: one hello from each lcore, exit 0. */
static void
test_helloworld(void **state)
{
	char path[PATH_MAX], prefix_opt[96], line[256];
	const char *argv[] = { path, "-l", "0-1", "--no-huge", prefix_opt, NULL };
	bool from0 = false, from1 = false;
	unsigned int lines = 0;
	cpu_set_t set;
	struct mp_proc *p;

	(void)state;
	sched_getaffinity(0, sizeof(set), &set);
	if (!CPU_ISSET(0, &set) || !CPU_ISSET(1, &set))
		TEST_SKIP("needs cpus 0 and 1");
	example_path("helloworld", path, sizeof(path));
	snprintf(prefix_opt, sizeof(prefix_opt), "--file-prefix=%s", mp_prefix());
	p = mp_spawn_argv("helloworld", argv, 0);
	assert_non_null(p);
	while (mp_recv(p, line, sizeof(line), MP_TIMEOUT_MS) == 0) {
		from0 |= strcmp(line, "hello from core 0") == 0;
		from1 |= strcmp(line, "hello from core 1") == 0;
		lines++;
	}
	assert_int_equal(mp_wait_exit(p, MP_TIMEOUT_MS), 0);
	mp_free(p);
	assert_true(from0);
	assert_true(from1);
	assert_int_equal(lines, 2);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_helloworld),
};

REGISTER_TEST_GROUP(examples, tests);
