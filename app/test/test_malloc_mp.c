/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The shared heap across processes, without hugepages (group malloc_mp)
 * and on hugetlbfs (group malloc_mp_huge, skipped where hugepages cannot
 * be had): memzones seen at the same address everywhere, memory freed by
 * another process than the one that allocated it, concurrent stress, and
 * secondaries killed while holding memory or a lock.
 */

#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_memzone.h>
#include <rte_random.h>

#include "mp_group.h"
#include "test.h"

static void
fill(void *p, size_t len, unsigned int seed)
{
	unsigned char *b = p;
	size_t i;

	for (i = 0; i < len; i++)
		b[i] = (unsigned char)(seed * 31 + i);
}

static bool
filled(const void *p, size_t len, unsigned int seed)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < len; i++) {
		if (b[i] != (unsigned char)(seed * 31 + i))
			return false;
	}
	return true;
}

/* "mz_write NAME LEN SEED" -> "ok ADDR" */
static int
cmd_mz_write(const char *args, char *reply, size_t size)
{
	char name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;
	size_t len;
	unsigned int seed;

	if (sscanf(args, "%31s %zu %u", name, &len, &seed) != 3)
		return snprintf(reply, size, "usage"), 0;
	mz = rte_memzone_reserve(name, len, SOCKET_ID_ANY, 0);
	if (mz == NULL)
		return snprintf(reply, size, "err %d", rte_errno), 0;
	fill(mz->addr, len, seed);
	snprintf(reply, size, "ok %p", mz->addr);
	return 0;
}
REGISTER_MP_COMMAND(mz_write, cmd_mz_write);

/* "mz_check NAME SEED" -> "ok ADDR" when the zone holds the pattern */
static int
cmd_mz_check(const char *args, char *reply, size_t size)
{
	char name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;
	unsigned int seed;

	if (sscanf(args, "%31s %u", name, &seed) != 2)
		return snprintf(reply, size, "usage"), 0;
	mz = rte_memzone_lookup(name);
	if (mz == NULL)
		snprintf(reply, size, "missing");
	else if (!filled(mz->addr, mz->len, seed))
		snprintf(reply, size, "corrupt");
	else
		snprintf(reply, size, "ok %p", mz->addr);
	return 0;
}
REGISTER_MP_COMMAND(mz_check, cmd_mz_check);

/* "alloc SIZE SEED" -> "ok ADDR" */
static int
cmd_alloc(const char *args, char *reply, size_t size)
{
	size_t len;
	unsigned int seed;
	void *p;

	if (sscanf(args, "%zu %u", &len, &seed) != 2)
		return snprintf(reply, size, "usage"), 0;
	p = rte_malloc(NULL, len, 0);
	if (p == NULL)
		return snprintf(reply, size, "err %d", rte_errno), 0;
	fill(p, len, seed);
	snprintf(reply, size, "ok %p", p);
	return 0;
}
REGISTER_MP_COMMAND(alloc, cmd_alloc);

/* "check_free ADDR SIZE SEED" -> "ok" when the block held the pattern (and is freed) */
static int
cmd_check_free(const char *args, char *reply, size_t size)
{
	size_t len;
	unsigned int seed;
	void *p;

	if (sscanf(args, "%p %zu %u", &p, &len, &seed) != 3)
		return snprintf(reply, size, "usage"), 0;
	snprintf(reply, size, "%s", filled(p, len, seed) ? "ok" : "corrupt");
	rte_free(p);
	return 0;
}
REGISTER_MP_COMMAND(check_free, cmd_check_free);

/*
 * "stress ITERATIONS SEED": random allocations (16 B to 16 KB, random
 * alignment) and frees with up to 64 blocks live, each block checked
 * before it is freed. "ok" or "fail WHAT".
 */
static int
cmd_stress(const char *args, char *reply, size_t size)
{
	enum { LIVE = 64 };
	struct { void *p; size_t len; unsigned int seed; } live[LIVE] = { { NULL, 0, 0 } };
	unsigned int iterations, seed, i, slot;
	const char *fail = NULL;

	if (sscanf(args, "%u %u", &iterations, &seed) != 2)
		return snprintf(reply, size, "usage"), 0;
	rte_srand(seed);
	for (i = 0; i < iterations && fail == NULL; i++) {
		slot = (unsigned int)rte_rand_max(LIVE);
		if (live[slot].p != NULL) {
			if (!filled(live[slot].p, live[slot].len, live[slot].seed))
				fail = "corrupt";
			rte_free(live[slot].p);
			live[slot].p = NULL;
			continue;
		}
		live[slot].len = 16 + (size_t)rte_rand_max(16 * 1024);
		live[slot].seed = i;
		live[slot].p = rte_malloc(NULL, live[slot].len, 64u << rte_rand_max(4));
		if (live[slot].p == NULL)
			fail = "alloc";
		else
			fill(live[slot].p, live[slot].len, i);
	}
	for (slot = 0; slot < LIVE; slot++) {
		if (live[slot].p != NULL && !filled(live[slot].p, live[slot].len, live[slot].seed))
			fail = "corrupt";
		rte_free(live[slot].p);
	}
	snprintf(reply, size, fail == NULL ? "ok" : "fail %s", fail);
	return 0;
}
REGISTER_MP_COMMAND(stress, cmd_stress);

/* "validate" -> result of rte_malloc_validate */
REGISTER_MP_COMMAND_INT(validate, rte_malloc_validate());

static int
cmd_alloc_count(const char *args, char *reply, size_t size)
{
	struct rte_malloc_socket_stats s;

	(void)args;
	rte_malloc_get_socket_stats(0, &s);
	snprintf(reply, size, "%u", s.alloc_count);
	return 0;
}
REGISTER_MP_COMMAND(alloc_count, cmd_alloc_count);

/* Take the memzone lock and keep it, to be killed holding it. */
static int
cmd_hold_mem_lock(const char *args, char *reply, size_t size)
{
	(void)args;
	rte_mcfg_mem_write_lock();
	snprintf(reply, size, "held");
	return 0;
}
REGISTER_MP_COMMAND(hold_mem_lock, cmd_hold_mem_lock);

/* The group under test: no-huge, or hugepages with a small heap. */
struct mode {
	const char *const *primary;
	const char *const *secondary;
};

static const char *const nohuge_primary[] = { "--no-huge", "-m", "64", NULL };
static const char *const nohuge_secondary[] = { "--no-huge", "--proc-type=secondary", NULL };
static const char *const huge_primary[] = { "-m", "16", NULL };
static const char *const huge_secondary[] = { "--proc-type=secondary", NULL };

static const struct mode nohuge = { nohuge_primary, nohuge_secondary };
static const struct mode huge = { huge_primary, huge_secondary };

/* Skip unless a hugepage-backed primary can start here; the reason is EAL's own line. */
static void
require_mode(const struct mode *m)
{
	char err[4096];
	int ret;

	if (m == &nohuge)
		return;
	ret = mp_eal_init_error(mp_prefix(), m->primary, err, sizeof(err));
	if (ret != 0) {
		err[strcspn(err, "\n")] = '\0';
		TEST_SKIP("hugepages unusable here: %s", err);
	}
}

static struct mp_proc *
start(const struct mode *m, const char *prefix, bool primary, const char *name)
{
	return mp_start_eal(name, prefix, primary ? m->primary : m->secondary, 0);
}

static void
memzone_shared(const struct mode *m)
{
	const char *prefix;
	struct mp_proc *p, *s;
	char a[128], b[128];

	require_mode(m);
	prefix = mp_prefix();
	p = start(m, prefix, true, "primary");
	s = start(m, prefix, false, "secondary");
	mp_expect_prefix(p, "ok ", a, sizeof(a), "mz_write mz_from_primary 100000 7");
	mp_expect_prefix(s, "ok ", b, sizeof(b), "mz_check mz_from_primary 7");
	assert_string_equal(a, b); /* the same address */
	mp_expect_prefix(s, "ok ", a, sizeof(a), "mz_write mz_from_secondary 5000 9");
	mp_expect_prefix(p, "ok ", b, sizeof(b), "mz_check mz_from_secondary 9");
	assert_string_equal(a, b);
	mp_expect_prefix(s, "err 17", a, sizeof(a), "mz_write mz_from_primary 10 1");
	assert_int_equal(mp_quit(s), 0);
	assert_int_equal(mp_quit(p), 0);
}

static void
cross_free(const struct mode *m)
{
	const char *prefix;
	struct mp_proc *p, *s;
	char r[128], count[32], addr[128];

	require_mode(m);
	prefix = mp_prefix();
	p = start(m, prefix, true, "primary");
	s = start(m, prefix, false, "secondary");
	mp_expect_prefix(p, "", count, sizeof(count), "alloc_count");
	mp_expect_prefix(s, "ok ", r, sizeof(r), "alloc 40000 5");
	snprintf(addr, sizeof(addr), "%s", r + 3);
	mp_expect_prefix(p, "ok", r, sizeof(r), "check_free %s 40000 5", addr);
	mp_expect_prefix(s, "0", r, sizeof(r), "validate");
	mp_expect_prefix(p, "0", r, sizeof(r), "validate");
	mp_expect_prefix(s, count, r, sizeof(r), "alloc_count");
	/* And the other way round. */
	mp_expect_prefix(p, "ok ", r, sizeof(r), "alloc 100 6");
	snprintf(addr, sizeof(addr), "%s", r + 3);
	mp_expect_prefix(s, "ok", r, sizeof(r), "check_free %s 100 6", addr);
	mp_expect_prefix(p, count, r, sizeof(r), "alloc_count");
	assert_int_equal(mp_quit(s), 0);
	assert_int_equal(mp_quit(p), 0);
}

/* A primary and three secondaries allocate and free at once; the heap stays sound. */
static void
concurrent_stress(const struct mode *m)
{
	enum { NPROC = 4 };
	struct mp_proc *procs[NPROC];
	const char *prefix;
	char r[128], count[32];
	unsigned int i;

	require_mode(m);
	prefix = mp_prefix();
	procs[0] = start(m, prefix, true, "primary");
	for (i = 1; i < NPROC; i++)
		procs[i] = start(m, prefix, false, "secondary");
	mp_expect_prefix(procs[0], "", count, sizeof(count), "alloc_count");
	for (i = 0; i < NPROC; i++)
		assert_int_equal(mp_send(procs[i], "stress 20000 %u", i + 1), 0);
	for (i = 0; i < NPROC; i++) {
		assert_int_equal(mp_recv(procs[i], r, sizeof(r), MP_TIMEOUT_MS * 6), 0);
		assert_string_equal(r, "ok");
	}
	for (i = 0; i < NPROC; i++)
		mp_expect_prefix(procs[i], "0", r, sizeof(r), "validate");
	mp_expect_prefix(procs[1], count, r, sizeof(r), "alloc_count");
	for (i = NPROC; i > 0; i--)
		assert_int_equal(mp_quit(procs[i - 1]), 0);
}

/* A secondary killed between allocations: its blocks stay allocated, the heap works. */
static void
killed_between_allocations(const struct mode *m)
{
	const char *prefix;
	struct mp_proc *p, *s;
	char r[128];
	unsigned int i;

	require_mode(m);
	prefix = mp_prefix();
	p = start(m, prefix, true, "primary");
	s = start(m, prefix, false, "secondary");
	for (i = 0; i < 20; i++)
		mp_expect_prefix(s, "ok ", r, sizeof(r), "alloc 3000 1");
	mp_kill(s, SIGKILL);
	assert_int_equal(mp_wait_exit(s, MP_TIMEOUT_MS), 128 + SIGKILL);
	mp_free(s);
	mp_expect_prefix(p, "ok", r, sizeof(r), "stress 5000 3");
	mp_expect_prefix(p, "0", r, sizeof(r), "validate");
	/* A new secondary joins and uses the heap as usual. */
	s = start(m, prefix, false, "secondary-2");
	mp_expect_prefix(s, "ok", r, sizeof(r), "stress 5000 4");
	mp_expect_prefix(s, "0", r, sizeof(r), "validate");
	assert_int_equal(mp_quit(s), 0);
	assert_int_equal(mp_quit(p), 0);
}

/* A secondary killed holding the memzone lock does not block the others. */
static void
killed_holding_lock(const struct mode *m)
{
	const char *prefix;
	struct mp_proc *p, *s;
	char r[128];

	require_mode(m);
	prefix = mp_prefix();
	p = start(m, prefix, true, "primary");
	s = start(m, prefix, false, "secondary");
	mp_expect_prefix(s, "held", r, sizeof(r), "hold_mem_lock");
	mp_kill(s, SIGKILL);
	assert_int_equal(mp_wait_exit(s, MP_TIMEOUT_MS), 128 + SIGKILL);
	mp_free(s);
	mp_expect_prefix(p, "ok ", r, sizeof(r), "mz_write mz_after_death 4096 2");
	mp_expect_prefix(p, "ok ", r, sizeof(r), "mz_check mz_after_death 2");
	assert_int_equal(mp_quit(p), 0);
}

#define MODE_TESTS(fn) \
static void fn##_nohuge(void **state) { (void)state; fn(&nohuge); } \
static void fn##_huge(void **state) { (void)state; fn(&huge); }

MODE_TESTS(memzone_shared)
MODE_TESTS(cross_free)
MODE_TESTS(concurrent_stress)
MODE_TESTS(killed_between_allocations)
MODE_TESTS(killed_holding_lock)

static const struct CMUnitTest nohuge_tests[] = {
	cmocka_unit_test(memzone_shared_nohuge),
	cmocka_unit_test(cross_free_nohuge),
	cmocka_unit_test(concurrent_stress_nohuge),
	cmocka_unit_test(killed_between_allocations_nohuge),
	cmocka_unit_test(killed_holding_lock_nohuge),
};

static const struct CMUnitTest huge_tests[] = {
	cmocka_unit_test(memzone_shared_huge),
	cmocka_unit_test(cross_free_huge),
	cmocka_unit_test(concurrent_stress_huge),
	cmocka_unit_test(killed_between_allocations_huge),
	cmocka_unit_test(killed_holding_lock_huge),
};

REGISTER_TEST_GROUP(malloc_mp, nohuge_tests);
REGISTER_TEST_GROUP(malloc_mp_huge, huge_tests);
