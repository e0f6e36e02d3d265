/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The process model: primary, secondary and auto; a secondary without a
 * primary; two primaries on one prefix; prefixes side by side; what
 * rte_eal_init() and rte_eal_cleanup() leave behind; the runtime directory;
 * how rte_panic(), RTE_VERIFY() and rte_exit() end a process.
 */

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <rte_debug.h>
#include <rte_eal.h>
#include <rte_errno.h>

#include "eal_internal_cfg.h"
#include "eal_memcfg.h"
#include "mp_group.h"
#include "test.h"

static const char *const no_huge[] = { "--no-huge", NULL };
static const char *const secondary[] = { "--no-huge", "--proc-type=secondary", NULL };
static const char *const automatic[] = { "--no-huge", "--proc-type=auto", NULL };

static int
cmd_alive(const char *args, char *reply, size_t size)
{
	(void)args;
	snprintf(reply, size, "%d", rte_eal_primary_proc_alive(NULL));
	return 0;
}
REGISTER_MP_COMMAND(alive, cmd_alive);

static int
cmd_init_again(const char *args, char *reply, size_t size)
{
	char *argv[] = { "again", "--no-huge", NULL };
	int ret;

	(void)args;
	ret = rte_eal_init(2, argv);
	snprintf(reply, size, "%d %d", ret, rte_errno);
	return 0;
}
REGISTER_MP_COMMAND(init_again, cmd_init_again);

/* "heap_path" -> the file behind the group's heap */
static int
cmd_heap_path(const char *args, char *reply, size_t size)
{
	(void)args;
	snprintf(reply, size, "%s", eal_shared_config()->hdr.heap_path);
	return 0;
}
REGISTER_MP_COMMAND(heap_path, cmd_heap_path);

/* "runtime_dir" -> what rte_eal_get_runtime_dir() says */
static int
cmd_runtime_dir(const char *args, char *reply, size_t size)
{
	(void)args;
	snprintf(reply, size, "%s", rte_eal_get_runtime_dir());
	return 0;
}
REGISTER_MP_COMMAND(runtime_dir, cmd_runtime_dir);

/* The fatal commands below kill their helper on purpose: no core file for that. */
static void
no_core_file(void)
{
	const struct rlimit none = { 0, 0 };

	setrlimit(RLIMIT_CORE, &none);
}

/* "panic TEXT" -> no reply: rte_panic() with TEXT */
static int
cmd_panic(const char *args, char *reply, size_t size)
{
	(void)reply;
	(void)size;
	no_core_file();
	rte_panic("asked to panic: %s\n", args);
}
REGISTER_MP_COMMAND(panic, cmd_panic);

/* "verify_fail" -> no reply: an RTE_VERIFY() that does not hold */
static int
cmd_verify_fail(const char *args, char *reply, size_t size)
{
	(void)reply;
	(void)size;
	no_core_file();
	RTE_VERIFY(args[0] == '!');
	return 0;
}
REGISTER_MP_COMMAND(verify_fail, cmd_verify_fail);

/* "exit CODE" -> no reply: rte_exit(CODE) */
static int
cmd_exit(const char *args, char *reply, size_t size)
{
	int code = atoi(args);

	(void)reply;
	(void)size;
	rte_exit(code, "asked to exit with %d\n", code);
}
REGISTER_MP_COMMAND(exit, cmd_exit);

static bool
exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

static void
runtime_file(const char *prefix, const char *name, char *buf, size_t size)
{
	char dir[PATH_MAX];

	assert_int_equal(mp_runtime_dir(prefix, dir, sizeof(dir)), 0);
	assert_true((size_t)snprintf(buf, size, "%s%s%s", dir, name[0] != '\0' ? "/" : "",
				     name) < size);
}

/* Spawn the eal role with args and a prefix, capturing stderr; do not wait for it. */
static struct mp_proc *
spawn_raw(const char *prefix, const char *const args[])
{
	const char *argv[16];
	char prefix_opt[96];
	unsigned int n = 0;

	snprintf(prefix_opt, sizeof(prefix_opt), "--file-prefix=%s", prefix);
	argv[n++] = prefix_opt;
	while (*args != NULL && n < RTE_DIM(argv) - 1)
		argv[n++] = *args++;
	argv[n] = NULL;
	return mp_spawn_role("raw", "eal", argv, MP_CAPTURE_STDERR);
}

/* A helper with first_args, then one with second_args: the first is the primary. */
static void
start_pair(struct mp_group *g, const char *const first_args[],
	   const char *const second_args[])
{
	mp_group_start(g, first_args, 0, 0);
	mp_group_add(g, second_args);
	mp_expect(g->p, "pong primary", "ping");
	mp_expect(g->s[0], "pong secondary", "ping");
}

static void
test_primary_then_secondary(void **state)
{
	struct mp_group g;

	(void)state;
	start_pair(&g, no_huge, secondary);
	mp_expect(g.s[0], "1", "alive");
	mp_group_stop(&g);
}

static void
test_auto(void **state)
{
	struct mp_group g;

	(void)state;
	start_pair(&g, automatic, automatic);
	mp_group_stop(&g);
}

/* A secondary on prefix fails at once, saying there is no primary. */
static void
assert_no_primary(const char *prefix)
{
	struct timespec start;
	char err[4096];

	clock_gettime(CLOCK_MONOTONIC, &start);
	assert_int_equal(mp_eal_init_error(prefix, secondary, err, sizeof(err)), ENOENT);
	assert_true(mp_ms_since(&start) < 1000);
	assert_text_has(err, "no primary process is running", prefix);
}

/* A secondary with nobody to join. */
static void
test_secondary_without_primary(void **state)
{
	(void)state;
	assert_no_primary(mp_prefix());
}

/* The same when a crashed primary left its config file behind. */
static void
test_secondary_after_primary_crash(void **state)
{
	const char *prefix = mp_prefix();
	struct mp_proc *p;
	char config[PATH_MAX];

	(void)state;
	p = mp_start_eal("primary", prefix, no_huge, 0);
	mp_kill(p, SIGKILL);
	assert_int_equal(mp_wait_exit(p, MP_TIMEOUT_MS), 128 + SIGKILL);
	mp_free(p);
	runtime_file(prefix, "config", config, sizeof(config));
	assert_true(exists(config));
	assert_int_equal(rte_eal_primary_proc_alive(config), 0);
	assert_no_primary(prefix);

	/* The next primary reclaims what the crashed one left. */
	p = mp_start_eal("primary-2", prefix, no_huge, 0);
	assert_int_equal(rte_eal_primary_proc_alive(config), 1);
	assert_int_equal(mp_quit(p), 0);
	assert_false(exists(config));
}

static void
test_two_primaries_one_prefix(void **state)
{
	const char *prefix = mp_prefix();
	const char *const primary[] = { "--no-huge", "--proc-type=primary", NULL };
	struct mp_proc *p;
	char err[4096];

	(void)state;
	p = mp_start_eal("primary", prefix, no_huge, 0);
	assert_int_equal(mp_eal_init_error(prefix, primary, err, sizeof(err)), EEXIST);
	assert_text_has(err, "a primary process is already running");
	/* The first primary did not notice. */
	mp_expect(p, "pong primary", "ping");
	assert_int_equal(mp_quit(p), 0);
}

static void
test_two_prefixes(void **state)
{
	const char *pa = mp_prefix(), *pb = mp_prefix();
	struct mp_proc *a, *b, *sa, *sb;

	(void)state;
	a = mp_start_eal("primary-a", pa, no_huge, 0);
	b = mp_start_eal("primary-b", pb, no_huge, 0);
	sa = mp_start_eal("secondary-a", pa, secondary, 0);
	sb = mp_start_eal("secondary-b", pb, secondary, 0);
	mp_expect(sa, "pong secondary", "ping");
	assert_int_equal(mp_quit(a), 0);
	/* Group b does not care that group a's primary left. */
	mp_expect(sb, "1", "alive");
	mp_expect(sa, "0", "alive");
	assert_int_equal(mp_quit(sa), 0);
	assert_int_equal(mp_quit(sb), 0);
	assert_int_equal(mp_quit(b), 0);
}

/*
 * Whoever leaves last, nothing of the group stays: neither the runtime
 * directory nor the heap file (which may be outside it, in /dev/shm).
 */
static void
test_cleanup_leaves_nothing(void **state)
{
	struct mp_group g;
	struct mp_proc *p, *s;
	char dir[PATH_MAX], heap[PATH_MAX];

	(void)state;
	start_pair(&g, no_huge, secondary);
	runtime_file(g.prefix, "", dir, sizeof(dir));
	assert_true(exists(dir));
	assert_int_equal(mp_call(g.p, heap, sizeof(heap), "heap_path"), 0);
	assert_true(exists(heap));
	mp_group_stop(&g);
	assert_false(exists(dir));
	assert_false(exists(heap));

	/* The primary leaves first this time. */
	p = mp_start_eal("primary", g.prefix, no_huge, 0);
	s = mp_start_eal("secondary", g.prefix, secondary, 0);
	assert_int_equal(mp_quit(p), 0);
	assert_int_equal(mp_quit(s), 0);
	assert_false(exists(dir));
	assert_false(exists(heap));
}

/* A runtime directory left open to others (made by hand, say) is made private again. */
static void
test_runtime_dir_private(void **state)
{
	const char *prefix = mp_prefix();
	char dir[PATH_MAX];
	struct mp_proc *p;
	struct stat st;

	(void)state;
	runtime_file(prefix, "", dir, sizeof(dir));
	*strrchr(dir, '/') = '\0';
	assert_true(mkdir(dir, 0700) == 0 || errno == EEXIST);
	runtime_file(prefix, "", dir, sizeof(dir));
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(chmod(dir, 0777), 0);
	p = mp_start_eal("primary", prefix, no_huge, 0);
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	assert_int_equal(mp_quit(p), 0);
	assert_false(exists(dir));
}

static void
test_init_twice(void **state)
{
	const char *prefix = mp_prefix();
	struct mp_proc *p;

	(void)state;
	p = mp_start_eal("primary", prefix, no_huge, 0);
	mp_expect(p, "-1 " RTE_STR(EALREADY), "init_again");
	assert_int_equal(mp_quit(p), 0);
}

/* A bad option: rte_eal_init() returns -1 with EINVAL after one line naming it. */
static void
test_bad_option(void **state)
{
	const char *const args[] = { "--no-huge", "--bogus", NULL };
	char err[4096];

	(void)state;
	assert_int_equal(mp_eal_init_error(mp_prefix(), args, err, sizeof(err)), EINVAL);
	assert_string_equal(err, "EAL: unknown option '--bogus'\n");
}

/* Read a helper's stdout until it closes; true if any line holds needle. */
static bool
output_has(struct mp_proc *p, const char *needle)
{
	char line[256];
	bool found = false;

	while (mp_recv(p, line, sizeof(line), MP_TIMEOUT_MS) == 0)
		found |= strstr(line, needle) != NULL;
	return found;
}

static void
test_help_and_version(void **state)
{
	const char *const help[] = { "-h", NULL };
	const char *const version[] = { "--no-huge", "-v", NULL };
	struct mp_proc *p;

	(void)state;
	p = spawn_raw(mp_prefix(), help);
	assert_non_null(p);
	assert_true(output_has(p, "Usage:"));
	assert_int_equal(mp_wait_exit(p, MP_TIMEOUT_MS), 0);
	mp_free(p);

	p = spawn_raw(mp_prefix(), version);
	assert_non_null(p);
	mp_send(p, "quit");
	assert_true(output_has(p, "RTE Version: 'Lockstep"));
	assert_int_equal(mp_wait_exit(p, MP_TIMEOUT_MS), 0);
	mp_free(p);
}

/* Occupy the group's address in a secondary before it initialises. */
static int
role_squatter(int argc, char **argv)
{
	void *addr = (void *)(uintptr_t)EAL_DEFAULT_BASE_VIRTADDR;

	if (mmap(addr, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE,
		 -1, 0) != addr)
		return 99;
	return mp_role_eal(argc, argv);
}
REGISTER_MP_ROLE(squatter, role_squatter);

static void
test_address_taken(void **state)
{
	const char *prefix = mp_prefix();
	char prefix_opt[96];
	const char *const args[] = { prefix_opt, "--no-huge", "--proc-type=secondary", NULL };
	struct mp_proc *p, *s;
	char reply[128];

	(void)state;
	p = mp_start_eal("primary", prefix, no_huge, 0);
	snprintf(prefix_opt, sizeof(prefix_opt), "--file-prefix=%s", prefix);
	s = mp_spawn_role("squatter", "squatter", args, MP_CAPTURE_STDERR);
	assert_non_null(s);
	assert_int_equal(mp_recv(s, reply, sizeof(reply), MP_TIMEOUT_MS), 0);
	assert_int_equal(mp_wait_exit(s, MP_TIMEOUT_MS), 1);
	assert_true(strncmp(reply, "init-failed", 11) == 0);
	assert_text_has(mp_stderr(s), "--base-virtaddr");
	mp_free(s);
	mp_expect(p, "pong primary", "ping");
	assert_int_equal(mp_quit(p), 0);
}

/*
 * Hugepages that cannot be had: one line saying why (how many are needed
 * and free, or that no hugetlbfs is mounted) and suggesting --no-huge.
 */
static void
test_hugepages_missing(void **state)
{
	const char *const args[] = { "-m", "1048576", NULL };
	char err[4096];

	(void)state;
	assert_int_equal(mp_eal_init_error(mp_prefix(), args, err, sizeof(err)), ENOMEM);
	assert_text_has(err, "--no-huge");
	assert_true(strstr(err, "not enough hugepages") != NULL ||
		    strstr(err, "no usable hugetlbfs mount") != NULL);
	/* One line. */
	assert_non_null(strchr(err, '\n'));
	assert_null(strchr(strchr(err, '\n') + 1, '\n'));
}

/*
 * rte_eal_get_runtime_dir() names the group's directory, the same in the
 * primary and a secondary (sockets and files of the group go there), and
 * that directory is private to the user (mode 0700).
 */
static void
test_runtime_dir(void **state)
{
	char dir[PATH_MAX];
	struct mp_group g;
	struct stat st;

	(void)state;
	start_pair(&g, no_huge, secondary);
	assert_int_equal(mp_runtime_dir(g.prefix, dir, sizeof(dir)), 0);
	mp_expect(g.p, dir, "runtime_dir");
	mp_expect(g.s[0], dir, "runtime_dir");
	assert_int_equal(stat(dir, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 07777, 0700);
	mp_group_stop(&g);
}

/* Send p a command it dies of; how it ended (mp_wait_exit), p freed. */
static int
die_of(struct mp_proc **p, const char *cmd, char *err, size_t size)
{
	int status;

	assert_int_equal(mp_send(*p, "%s", cmd), 0);
	status = mp_wait_exit(*p, MP_TIMEOUT_MS);
	snprintf(err, size, "%s", mp_stderr(*p));
	mp_free(*p);
	*p = NULL;
	return status;
}

/*
 * rte_panic() and a failing RTE_VERIFY() log why (with the function, and
 * the expression for RTE_VERIFY) to stderr, then abort(): the process dies
 * of SIGABRT, so that a core dump shows where. The others of the group go on.
 */
static void
test_panic_and_verify(void **state)
{
	char err[16384];
	struct mp_group g;

	(void)state;
	mp_group_start(&g, no_huge, 1, MP_CAPTURE_STDERR);
	assert_int_equal(die_of(&g.s[0], "panic on request", err, sizeof(err)),
			 128 + SIGABRT);
	assert_text_has(err, "PANIC in cmd_panic():", "asked to panic: on request\n");
	mp_expect(g.p, "pong primary", "ping");
	assert_int_equal(die_of(&g.p, "verify_fail", err, sizeof(err)), 128 + SIGABRT);
	assert_text_has(err, "PANIC in cmd_verify_fail():",
			"assert \"args[0] == '!'\" failed\n");
}

/*
 * rte_exit() logs its message, releases the EAL (rte_eal_cleanup) and
 * exits with the code given: from a secondary, the group goes on; from
 * the primary, the last to leave, nothing of the group stays behind.
 */
static void
test_exit(void **state)
{
	char err[16384], dir[PATH_MAX], heap[PATH_MAX];
	struct mp_group g;

	(void)state;
	mp_group_start(&g, no_huge, 1, MP_CAPTURE_STDERR);
	assert_int_equal(die_of(&g.s[0], "exit 3", err, sizeof(err)), 3);
	assert_text_has(err, "asked to exit with 3\n");
	mp_expect(g.p, "pong primary", "ping");
	runtime_file(g.prefix, "", dir, sizeof(dir));
	assert_true(exists(dir));
	assert_int_equal(mp_call(g.p, heap, sizeof(heap), "heap_path"), 0);
	assert_true(exists(heap));
	assert_int_equal(die_of(&g.p, "exit 42", err, sizeof(err)), 42);
	assert_text_has(err, "asked to exit with 42\n");
	assert_false(exists(dir));
	assert_false(exists(heap));
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_hugepages_missing),
	cmocka_unit_test(test_primary_then_secondary),
	cmocka_unit_test(test_auto),
	cmocka_unit_test(test_secondary_without_primary),
	cmocka_unit_test(test_secondary_after_primary_crash),
	cmocka_unit_test(test_two_primaries_one_prefix),
	cmocka_unit_test(test_two_prefixes),
	cmocka_unit_test(test_cleanup_leaves_nothing),
	cmocka_unit_test(test_runtime_dir_private),
	cmocka_unit_test(test_init_twice),
	cmocka_unit_test(test_bad_option),
	cmocka_unit_test(test_help_and_version),
	cmocka_unit_test(test_address_taken),
	cmocka_unit_test(test_runtime_dir),
	cmocka_unit_test(test_panic_and_verify),
	cmocka_unit_test(test_exit),
};

REGISTER_TEST_GROUP(eal_proc, tests);
