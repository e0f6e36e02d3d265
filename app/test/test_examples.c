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

/* Start hotplug_mp as LABEL in the group prefix. */
static struct mp_proc *
hotplug_mp_start(const char *path, const char *prefix_opt, const char *label)
{
	const char *argv[] = { path, "--no-huge", prefix_opt, "--proc-type=auto",
			       mp_floating_lcore_option(), "--", "--label", label, NULL };
	struct mp_proc *p = mp_spawn_argv(label, argv, 0);

	assert_non_null(p);
	return p;
}

/*
 * Send a command; its answer must be exactly these lines. An unknown
 * command follows it, whose answer marks the end of the first one's: no
 * line may come in between, and the next step starts only once this
 * command is finished (a list still printing would see the next attach).
 */
static void
expect_lines(struct mp_proc *p, const char *cmd, const char *const lines[])
{
	char line[512];

	assert_int_equal(mp_send(p, "%s\nend-of-answer", cmd), 0);
	for (; *lines != NULL; lines++) {
		assert_int_equal(mp_recv(p, line, sizeof(line), MP_TIMEOUT_MS), 0);
		if (strcmp(line, *lines) != 0)
			fail_msg("%s, after '%s': got '%s', expected '%s'", p->name, cmd, line,
				 *lines);
	}
	assert_int_equal(mp_recv(p, line, sizeof(line), MP_TIMEOUT_MS), 0);
	if (strcmp(line, "Command not found") != 0)
		fail_msg("%s, after '%s': got '%s', expected the end of its answer", p->name,
			 cmd, line);
}

/* status: the header, one line per process (devices last), and the verdict. */
static void
expect_status(struct mp_proc *p, unsigned int nprocs, const char *devices, const char *verdict)
{
	char line[512], expect[128];
	unsigned int i;

	assert_int_equal(mp_send(p, "status"), 0);
	assert_int_equal(mp_recv(p, line, sizeof(line), MP_TIMEOUT_MS), 0);
	assert_true(strncmp(line, "process", 7) == 0);
	for (i = 0; i < nprocs; i++) {
		assert_int_equal(mp_recv(p, line, sizeof(line), MP_TIMEOUT_MS), 0);
		assert_true(strlen(line) > strlen(devices));
		if (strcmp(line + strlen(line) - strlen(devices), devices) != 0)
			fail_msg("%s: status line '%s' does not end with '%s'", p->name, line, devices);
	}
	assert_int_equal(mp_recv(p, line, sizeof(line), MP_TIMEOUT_MS), 0);
	snprintf(expect, sizeof(expect), "%u process(es), %s", nprocs, verdict);
	assert_string_equal(line, expect);
}

/*
 * The hotplug_mp CLI in a primary and two secondaries, through pipes:
 * every command's answer, and status after a failure rolled back.
 */
static void
test_hotplug_mp_cli(void **state)
{
	char path[PATH_MAX], prefix_opt[96];
	struct mp_proc *p, *a, *b;

	(void)state;
	example_path("hotplug_mp", path, sizeof(path));
	snprintf(prefix_opt, sizeof(prefix_opt), "--file-prefix=%s", mp_prefix());
	p = hotplug_mp_start(path, prefix_opt, "P");
	/* The primary must be up before the others choose their type. */
	expect_lines(p, "list", (const char *[]){ "list all etherdev", NULL });
	a = hotplug_mp_start(path, prefix_opt, "A");
	b = hotplug_mp_start(path, prefix_opt, "B");

	expect_lines(p, "attach net_null0", (const char *[]){
		"attaching device net_null0...", "attached device net_null0", NULL });
	expect_lines(a, "list", (const char *[]){ "list all etherdev", "0\tnet_null0", NULL });
	expect_lines(b, "attach net_null1", (const char *[]){
		"attaching device net_null1...", "attached device net_null1", NULL });
	expect_lines(p, "list", (const char *[]){
		"list all etherdev", "0\tnet_null0", "1\tnet_null1", NULL });
	expect_status(a, 3, "net_null0 net_null1", "all consistent");
	expect_lines(a, "detach net_null0", (const char *[]){
		"detaching device net_null0...", "detached device net_null0", NULL });
	expect_lines(b, "list", (const char *[]){ "list all etherdev", "1\tnet_null1", NULL });

	/* Fails in B: rolled back everywhere, in the primary too. */
	expect_lines(a, "attach fault0,fail_in=B", (const char *[]){
		"attaching device fault0,fail_in=B...",
		"failed to attach device fault0,fail_in=B: Input/output error", NULL });
	expect_status(p, 3, "net_null1", "all consistent");
	expect_status(b, 3, "net_null1", "all consistent");

	expect_lines(b, "attach bogus_bus:x", (const char *[]){
		"attaching device bogus_bus:x...",
		"failed to attach device bogus_bus:x: No such device", NULL });
	expect_lines(a, "detach net_null0", (const char *[]){
		"detaching device net_null0...",
		"failed to detach device net_null0: No such file or directory", NULL });
	expect_lines(p, "bogus", (const char *[]){ "Command not found", NULL });

	assert_int_equal(mp_send(b, "quit"), 0);
	assert_int_equal(mp_wait_exit(b, MP_TIMEOUT_MS), 0);
	assert_int_equal(mp_send(a, "quit"), 0);
	assert_int_equal(mp_wait_exit(a, MP_TIMEOUT_MS), 0);
	assert_int_equal(mp_send(p, "quit"), 0);
	assert_int_equal(mp_wait_exit(p, MP_TIMEOUT_MS), 0);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_helloworld),
	cmocka_unit_test(test_hotplug_mp_cli),
};

REGISTER_TEST_GROUP(examples, tests);
