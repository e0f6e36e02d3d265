/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * lcores: which ones -l, -c and --lcores enable, where their threads run,
 * and launching functions on them and waiting for the results.
 */

#include <dirent.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_launch.h>
#include <rte_lcore.h>

#include "eal_private.h"
#include "mp_group.h"
#include "test.h"

/* lcore id, cpu and socket seen from inside a launched function. */
struct seen {
	unsigned int lcore;
	int cpu;
	unsigned int socket;
};

static struct seen seen[RTE_MAX_LCORE];

static int
record_self(void *arg)
{
	unsigned int id = rte_lcore_id();

	(void)arg;
	seen[id].lcore = id;
	seen[id].cpu = sched_getcpu();
	seen[id].socket = rte_socket_id();
	return (int)id + 100;
}

/* "count=N main=M lcores=a,b cpus=0-1:..." */
static int
cmd_lcores(const char *args, char *reply, size_t size)
{
	size_t used;
	unsigned int i;

	(void)args;
	used = (size_t)snprintf(reply, size, "count=%u main=%u lcores=",
				rte_lcore_count(), rte_get_main_lcore());
	RTE_LCORE_FOREACH(i) {
		rte_cpuset_t set = rte_lcore_cpuset(i);
		char cpus[64];

		eal_cpuset_format(&set, cpus, sizeof(cpus));
		used += (size_t)snprintf(reply + used, size - used, "%u@%s;", i, cpus);
	}
	return 0;
}
REGISTER_MP_COMMAND(lcores, cmd_lcores);

/* Launch record_self on every worker, wait, and report "lcore:cpu:ret ...". */
static int
cmd_launch(const char *args, char *reply, size_t size)
{
	size_t used = 0;
	unsigned int i;
	int ret;

	(void)args;
	RTE_LCORE_FOREACH_WORKER(i) {
		ret = rte_eal_remote_launch(record_self, NULL, i);
		if (ret != 0) {
			snprintf(reply, size, "launch %u failed %d", i, ret);
			return 0;
		}
	}
	reply[0] = '\0';
	RTE_LCORE_FOREACH_WORKER(i) {
		ret = rte_eal_wait_lcore(i);
		used += (size_t)snprintf(reply + used, size - used, "%u:%d:%d ",
					 seen[i].lcore, seen[i].cpu, ret);
	}
	return 0;
}
REGISTER_MP_COMMAND(launch, cmd_launch);

static volatile int release;
static volatile int calls;

static int
block_until_released(void *arg)
{
	(void)arg;
	__atomic_fetch_add(&calls, 1, __ATOMIC_RELAXED);
	while (!__atomic_load_n(&release, __ATOMIC_ACQUIRE))
		usleep(100);
	return 7;
}

/*
 * A busy worker refuses a second launch and makes mp_remote_launch refuse
 * everything; once released, wait gives the function's result.
 */
static int
cmd_busy(const char *args, char *reply, size_t size)
{
	unsigned int w = rte_get_next_lcore(-1, 1, 0);
	int first, second, mp, state_running, waited, main_calls;

	(void)args;
	release = 0;
	calls = 0;
	first = rte_eal_remote_launch(block_until_released, NULL, w);
	second = rte_eal_remote_launch(block_until_released, NULL, w);
	mp = rte_eal_mp_remote_launch(block_until_released, NULL, SKIP_MAIN);
	state_running = rte_eal_get_lcore_state(w) == RUNNING;
	__atomic_store_n(&release, 1, __ATOMIC_RELEASE);
	waited = rte_eal_wait_lcore(w);

	/* CALL_MAIN runs the function on the main lcore too, synchronously. */
	calls = 0;
	rte_eal_mp_remote_launch(block_until_released, NULL, CALL_MAIN);
	rte_eal_mp_wait_lcore();
	main_calls = calls;
	snprintf(reply, size, "%d %d %d %d %d %d %d", first, second, mp, state_running,
		 waited, main_calls, rte_eal_get_lcore_state(w) == WAIT);
	return 0;
}
REGISTER_MP_COMMAND(busy, cmd_busy);

/* Bad lcore ids are refused, never crash. */
static int
cmd_bad_launch(const char *args, char *reply, size_t size)
{
	(void)args;
	snprintf(reply, size, "%d %d %d %d %d",
		 rte_eal_remote_launch(record_self, NULL, RTE_MAX_LCORE),
		 rte_eal_remote_launch(record_self, NULL, rte_get_main_lcore()),
		 rte_eal_remote_launch(NULL, NULL, rte_get_next_lcore(-1, 1, 0)),
		 rte_lcore_index(RTE_MAX_LCORE), rte_lcore_to_cpu_id(-5));
	return 0;
}
REGISTER_MP_COMMAND(bad_launch, cmd_bad_launch);

static unsigned int
allowed_cpus(void)
{
	rte_cpuset_t set;

	sched_getaffinity(0, sizeof(set), &set);
	return (unsigned int)CPU_COUNT(&set);
}

static bool
cpus_0_and_1_allowed(void)
{
	rte_cpuset_t set;

	sched_getaffinity(0, sizeof(set), &set);
	return CPU_ISSET(0, &set) && CPU_ISSET(1, &set);
}

/*
 * Start an EAL with args on cpus 0 and 1 and check the lcores it enabled
 * and what a function launched on each worker reports ("lcores" and
 * "launch" replies); the helper stays up for more.
 */
static struct mp_proc *
spawn_lcores(const char *const args[], const char *lcores, const char *launched)
{
	struct mp_proc *p;

	if (!cpus_0_and_1_allowed())
		TEST_SKIP("needs cpus 0 and 1");
	p = mp_start_eal("lcores", mp_prefix(), args, 0);
	mp_expect(p, lcores, "lcores");
	mp_expect(p, launched, "launch");
	return p;
}

static void
test_corelist(void **state)
{
	const char *const args[] = { "--no-huge", "-l", "0-1", NULL };
	struct mp_proc *p;

	(void)state;
	p = spawn_lcores(args, "count=2 main=0 lcores=0@0;1@1;", "1:1:101 ");
	/* first ok, second busy, mp busy, running, result 7, 2 calls, idle again */
	mp_expect(p, "0 -16 -16 1 7 2 1", "busy");
	mp_expect(p, "-22 -22 -22 -1 -1", "bad_launch");
	assert_int_equal(mp_quit(p), 0);
}

static void
test_coremask_and_main(void **state)
{
	const char *const args[] = { "--no-huge", "-c", "0x3", "--main-lcore=1", NULL };

	(void)state;
	assert_int_equal(mp_quit(spawn_lcores(args, "count=2 main=1 lcores=0@0;1@1;",
					      "0:0:100 ")), 0);
}

static void
test_lcores_mapping(void **state)
{
	const char *const args[] = { "--no-huge", "--lcores=0@1,(5,7)@0", NULL };

	(void)state;
	assert_int_equal(mp_quit(spawn_lcores(args, "count=3 main=0 lcores=0@1;5@0;7@0;",
					      "5:0:105 7:0:107 ")), 0);
}

/* Worker threads carry their lcore in their name. */
static void
test_thread_names(void **state)
{
	const char *const args[] = { "--no-huge", "--lcores=0@0,3@0", NULL };
	struct mp_proc *p;
	char path[PATH_MAX], comm[32];
	struct dirent *e;
	bool found = false;
	DIR *d;

	(void)state;
	p = mp_start_eal("lcores", mp_prefix(), args, 0);
	mp_expect(p, "pong primary", "ping");
	snprintf(path, sizeof(path), "/proc/%d/task", (int)p->pid);
	d = opendir(path);
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		FILE *f;

		snprintf(path, sizeof(path), "/proc/%d/task/%s/comm", (int)p->pid, e->d_name);
		f = fopen(path, "r");
		if (f == NULL)
			continue;
		if (fgets(comm, sizeof(comm), f) != NULL)
			found |= strcmp(comm, "lcore-worker-3\n") == 0;
		fclose(f);
	}
	closedir(d);
	assert_true(found);
	assert_int_equal(mp_quit(p), 0);
}

/* An lcore on a cpu the process may not use fails init, naming the cpu. */
static void
test_unavailable_cpu(void **state)
{
	char list[32], err[4096], expect[64];
	const char *const args[] = { "--no-huge", "-l", list, NULL };

	(void)state;
	if (allowed_cpus() >= RTE_MAX_LCORE - 1)
		TEST_SKIP("every lcore id has a cpu here");
	snprintf(list, sizeof(list), "%u", RTE_MAX_LCORE - 1);
	assert_int_equal(mp_eal_init_error(mp_prefix(), args, err, sizeof(err)), EINVAL);
	snprintf(expect, sizeof(expect), "cpu %u not available", RTE_MAX_LCORE - 1);
	assert_text_has(err, expect);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_corelist),
	cmocka_unit_test(test_coremask_and_main),
	cmocka_unit_test(test_lcores_mapping),
	cmocka_unit_test(test_thread_names),
	cmocka_unit_test(test_unavailable_cpu),
};

REGISTER_TEST_GROUP(eal_lcore, tests);
