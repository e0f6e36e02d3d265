/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The runner: "lockstep-test GROUP [TEST]" runs a group (or one test of
 * it), "--list" lists everything, "--role NAME ..." starts a helper of a
 * multi-process test. Each test runs on its own so that its outcome
 * (passed, failed, skipped) is known; when LOCKSTEP_TEST_RESULTS names a
 * file, one line per test is appended to it. Exit code: 0 when nothing
 * failed and something passed, 77 (meson's "skipped") when everything was
 * skipped, 1 otherwise.
 */

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>

#include "mp_harness.h"
#include "test.h"

static struct test_group *groups;
static bool skipped;
static char skip_reason[256];

void
test_group_register(struct test_group *group)
{
	struct test_group **g = &groups;

	/* Keep them sorted by name for --list. */
	while (*g != NULL && strcmp((*g)->name, group->name) < 0)
		g = &(*g)->next;
	group->next = *g;
	*g = group;
}

struct thread_start {
	pthread_barrier_t barrier;
	void *(*fn)(void *);
	void *arg;
};

static void *
thread_start_main(void *arg)
{
	struct thread_start *ts = arg;

	pthread_barrier_wait(&ts->barrier);
	return ts->fn(ts->arg);
}

void
test_run_threads(unsigned int n, void *(*fn)(void *), void *arg)
{
	struct thread_start ts = { .fn = fn, .arg = arg };
	pthread_t th[TEST_THREADS];
	unsigned int i;

	assert_true(n <= RTE_DIM(th));
	assert_int_equal(pthread_barrier_init(&ts.barrier, NULL, n), 0);
	for (i = 0; i < n; i++)
		assert_int_equal(pthread_create(&th[i], NULL, thread_start_main, &ts), 0);
	for (i = 0; i < n; i++)
		assert_int_equal(pthread_join(th[i], NULL), 0);
	pthread_barrier_destroy(&ts.barrier);
}

void
test_note_skip(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(skip_reason, sizeof(skip_reason), fmt, ap);
	va_end(ap);
	skipped = true;
	fprintf(stderr, "SKIP: %s\n", skip_reason);
}

static void
record(const char *status, const char *group, const char *test, const char *reason)
{
	const char *path = getenv("LOCKSTEP_TEST_RESULTS");
	char line[512];
	int fd, n;

	if (path == NULL || path[0] == '\0')
		return;
	n = snprintf(line, sizeof(line), "%s %s/%s%s%s\n", status, group, test,
		     reason[0] != '\0' ? " " : "", reason);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(line))
		n = sizeof(line) - 1;
	/* O_APPEND: groups run in parallel and each line is one write. */
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	if (write(fd, line, (size_t)n) != n)
		fprintf(stderr, "cannot record the result of %s/%s\n", group, test);
	close(fd);
}

static int
run_group(const struct test_group *g, const char *only)
{
	unsigned int passed = 0, failed = 0, nskipped = 0;
	size_t i;

	for (i = 0; i < g->count; i++) {
		const struct CMUnitTest *t = &g->tests[i];
		const char *status;
		int fails;

		if (only != NULL && strcmp(t->name, only) != 0)
			continue;
		skipped = false;
		skip_reason[0] = '\0';
		fails = _cmocka_run_group_tests(g->name, t, 1, NULL, NULL);
		mp_cleanup_all();
		if (fails != 0) {
			status = "FAIL";
			failed++;
		} else if (skipped) {
			status = "SKIP";
			nskipped++;
		} else {
			status = "PASS";
			passed++;
		}
		record(status, g->name, t->name, skipped ? skip_reason : "");
	}
	printf("%s: %u passed, %u failed, %u skipped\n", g->name, passed, failed, nskipped);
	if (passed + failed + nskipped == 0) {
		fprintf(stderr, "no test '%s' in group %s\n", only, g->name);
		return 1;
	}
	if (failed != 0)
		return 1;
	return passed == 0 ? 77 : 0;
}

static void
list_all(void)
{
	const struct test_group *g;
	size_t i;

	for (g = groups; g != NULL; g = g->next)
		for (i = 0; i < g->count; i++)
			printf("%s %s\n", g->name, g->tests[i].name);
}

static char eal_prefix[64];

static void
eal_cleanup_at_exit(void)
{
	char dir[4096];

	rte_eal_cleanup();
	if (mp_runtime_dir(eal_prefix, dir, sizeof(dir)) == 0)
		rmdir(dir);
}

int
test_eal_init_once(void)
{
	static int ret = 1;
	char prefix_opt[96];
	char *argv[] = {
		"lockstep-test", "--no-huge", prefix_opt,
		(char *)(uintptr_t)mp_floating_lcore_option(), NULL,
	};

	if (ret != 1)
		return ret;
	snprintf(eal_prefix, sizeof(eal_prefix), "lst_unit_%d", (int)getpid());
	snprintf(prefix_opt, sizeof(prefix_opt), "--file-prefix=%s", eal_prefix);
	ret = rte_eal_init((int)RTE_DIM(argv) - 1, argv) < 0 ? -rte_errno : 0;
	if (ret == 0)
		atexit(eal_cleanup_at_exit);
	return ret;
}

int
main(int argc, char **argv)
{
	const struct test_group *g;

	if (argc >= 3 && strcmp(argv[1], "--role") == 0) {
		/* The role sees argv[0] followed by its own arguments. */
		const char *role = argv[2];

		argv[2] = argv[0];
		return mp_role_run(role, argc - 2, argv + 2);
	}

	/*
	 * A helper that exits turns writes to it into EPIPE, not a signal.
	 * Helpers die with this process (PR_SET_PDEATHSIG), however it ends.
	 */
	signal(SIGPIPE, SIG_IGN);

	if (argc == 2 && strcmp(argv[1], "--list") == 0) {
		list_all();
		return 0;
	}
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: %s GROUP [TEST] | --list | --role NAME [ARGS]\n", argv[0]);
		return 1;
	}
	for (g = groups; g != NULL; g = g->next) {
		if (strcmp(g->name, argv[1]) == 0)
			return run_group(g, argc == 3 ? argv[2] : NULL);
	}
	fprintf(stderr, "no test group '%s' (see --list)\n", argv[1]);
	return 1;
}
