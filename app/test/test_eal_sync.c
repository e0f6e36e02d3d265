/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Spinlocks, reader-writer locks, legacy and C11-style atomics. Threaded
 * tests use a few plain pthreads and small iteration counts so that each
 * takes well under a second on two cpus, sanitizers included.
 */

#include <pthread.h>
#include <stdint.h>

#include <rte_atomic.h>
#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_pause.h>
#include <rte_rwlock.h>
#include <rte_spinlock.h>
#include <rte_stdatomic.h>

#include "test.h"

/* rte_spinlock.h */

#define LOCK_ITERATIONS 20000

struct locked_counter {
	rte_spinlock_t sl;
	rte_spinlock_recursive_t slr;
	volatile uint64_t count;
	volatile int inside;
	volatile unsigned int overlaps;
};

static void
count_once(struct locked_counter *lc)
{
	uint64_t c;

	/* Read-modify-write in steps, so that a second holder would lose counts. */
	if (lc->inside++ != 0)
		lc->overlaps++;
	c = lc->count;
	rte_pause();
	lc->count = c + 1;
	lc->inside--;
}

static void *
spinlock_thread(void *arg)
{
	struct locked_counter *lc = arg;
	unsigned int i;

	for (i = 0; i < LOCK_ITERATIONS; i++) {
		rte_spinlock_lock(&lc->sl);
		count_once(lc);
		rte_spinlock_unlock(&lc->sl);
	}
	return NULL;
}

static void *
spinlock_trylock_thread(void *arg)
{
	rte_spinlock_t *sl = arg;

	return (void *)(uintptr_t)rte_spinlock_trylock(sl);
}

/* What fn(arg) returns, as an int, run in another thread. */
static int
in_other_thread(void *(*fn)(void *), void *arg)
{
	pthread_t th;
	void *ret;

	assert_int_equal(pthread_create(&th, NULL, fn, arg), 0);
	assert_int_equal(pthread_join(th, &ret), 0);
	return (int)(uintptr_t)ret;
}

static void
test_spinlock(void **state)
{
	rte_spinlock_t sl = RTE_SPINLOCK_INITIALIZER;
	struct locked_counter lc;

	(void)state;
	assert_int_equal(rte_spinlock_is_locked(&sl), 0);
	rte_spinlock_lock(&sl);
	assert_int_equal(rte_spinlock_is_locked(&sl), 1);
	assert_int_equal(rte_spinlock_trylock(&sl), 0);
	assert_int_equal(in_other_thread(spinlock_trylock_thread, &sl), 0);
	rte_spinlock_unlock(&sl);
	assert_int_equal(rte_spinlock_is_locked(&sl), 0);
	assert_int_equal(rte_spinlock_trylock(&sl), 1);
	assert_int_equal(rte_spinlock_is_locked(&sl), 1);
	rte_spinlock_unlock(&sl);

	/* Taken in one thread, released in another: it is not owned. */
	assert_int_equal(in_other_thread(spinlock_trylock_thread, &sl), 1);
	assert_int_equal(rte_spinlock_is_locked(&sl), 1);
	rte_spinlock_unlock(&sl);
	rte_spinlock_init(&sl);
	assert_int_equal(rte_spinlock_is_locked(&sl), 0);

	memset(&lc, 0, sizeof(lc));
	rte_spinlock_init(&lc.sl);
	test_run_threads(TEST_THREADS, spinlock_thread, &lc);
	assert_int_equal(lc.overlaps, 0);
	assert_int_equal(lc.count, TEST_THREADS * LOCK_ITERATIONS);
	assert_int_equal(rte_spinlock_is_locked(&lc.sl), 0);
}

static void *
recursive_thread(void *arg)
{
	struct locked_counter *lc = arg;
	unsigned int i;

	for (i = 0; i < LOCK_ITERATIONS / 2; i++) {
		rte_spinlock_recursive_lock(&lc->slr);
		rte_spinlock_recursive_lock(&lc->slr);
		count_once(lc);
		rte_spinlock_recursive_unlock(&lc->slr);
		/* Still held once: the count is still ours alone. */
		count_once(lc);
		rte_spinlock_recursive_unlock(&lc->slr);
	}
	return NULL;
}

static void *
recursive_trylock_thread(void *arg)
{
	rte_spinlock_recursive_t *slr = arg;
	int ret = rte_spinlock_recursive_trylock(slr);

	if (ret == 1)
		rte_spinlock_recursive_unlock(slr);
	return (void *)(uintptr_t)ret;
}

static void
test_spinlock_recursive(void **state)
{
	rte_spinlock_recursive_t slr = RTE_SPINLOCK_RECURSIVE_INITIALIZER;
	struct locked_counter lc;

	(void)state;
	rte_spinlock_recursive_lock(&slr);
	rte_spinlock_recursive_lock(&slr);
	assert_int_equal(rte_spinlock_recursive_trylock(&slr), 1);
	assert_int_equal(slr.count, 3);
	assert_int_equal(in_other_thread(recursive_trylock_thread, &slr), 0);

	rte_spinlock_recursive_unlock(&slr);
	rte_spinlock_recursive_unlock(&slr);
	assert_int_equal(rte_spinlock_is_locked(&slr.sl), 1);
	assert_int_equal(in_other_thread(recursive_trylock_thread, &slr), 0);
	rte_spinlock_recursive_unlock(&slr);
	assert_int_equal(rte_spinlock_is_locked(&slr.sl), 0);
	assert_int_equal(slr.count, 0);

	/* Free again: another thread takes (and releases) it. */
	assert_int_equal(in_other_thread(recursive_trylock_thread, &slr), 1);
	assert_int_equal(rte_spinlock_is_locked(&slr.sl), 0);
	assert_int_equal(rte_spinlock_recursive_trylock(&slr), 1);
	rte_spinlock_recursive_unlock(&slr);

	memset(&lc, 0, sizeof(lc));
	rte_spinlock_recursive_init(&lc.slr);
	test_run_threads(TEST_THREADS, recursive_thread, &lc);
	assert_int_equal(lc.overlaps, 0);
	assert_int_equal(lc.count, TEST_THREADS * LOCK_ITERATIONS);
	assert_int_equal(rte_spinlock_is_locked(&lc.slr.sl), 0);
}

/* rte_rwlock.h */

static void *
rwlock_writer_once(void *arg)
{
	rte_rwlock_t *rwl = arg;

	rte_rwlock_write_lock(rwl);
	rte_rwlock_write_unlock(rwl);
	return NULL;
}

static void
test_rwlock_trylock(void **state)
{
	rte_rwlock_t rwl = RTE_RWLOCK_INITIALIZER;
	uint64_t deadline;
	pthread_t th;

	(void)state;
	rte_rwlock_write_lock(&rwl);
	assert_true(rte_rwlock_write_is_locked(&rwl));
	assert_int_equal(rte_rwlock_read_trylock(&rwl), -EBUSY);
	assert_int_equal(rte_rwlock_write_trylock(&rwl), -EBUSY);
	rte_rwlock_write_unlock(&rwl);
	assert_false(rte_rwlock_write_is_locked(&rwl));

	/* Readers share, writers wait for all of them. */
	assert_int_equal(rte_rwlock_read_trylock(&rwl), 0);
	assert_int_equal(rte_rwlock_write_trylock(&rwl), -EBUSY);
	assert_int_equal(rte_rwlock_read_trylock(&rwl), 0);
	rte_rwlock_read_lock(&rwl);
	rte_rwlock_read_unlock(&rwl);
	rte_rwlock_read_unlock(&rwl);
	assert_int_equal(rte_rwlock_write_trylock(&rwl), -EBUSY);
	rte_rwlock_read_unlock(&rwl);
	assert_int_equal(rte_rwlock_write_trylock(&rwl), 0);
	assert_true(rte_rwlock_write_is_locked(&rwl));
	rte_rwlock_write_unlock(&rwl);

	/* A writer waiting behind a reader keeps new readers out. */
	rte_rwlock_read_lock(&rwl);
	assert_int_equal(pthread_create(&th, NULL, rwlock_writer_once, &rwl), 0);
	deadline = mp_now_ns() + NS_PER_S;
	while (rte_rwlock_read_trylock(&rwl) == 0) {
		rte_rwlock_read_unlock(&rwl);
		if (mp_now_ns() > deadline)
			break;
		rte_pause();
	}
	assert_true(mp_now_ns() <= deadline);
	rte_rwlock_read_unlock(&rwl);
	assert_int_equal(pthread_join(th, NULL), 0);
	assert_int_equal(rte_rwlock_write_trylock(&rwl), 0);
	rte_rwlock_write_unlock(&rwl);
	assert_int_equal(rte_rwlock_read_trylock(&rwl), 0);
	rte_rwlock_read_unlock(&rwl);
}

#define RW_WRITES 2000

/* Hold a lock a little while, so that a broken lock shows. */
static void
linger(unsigned int n)
{
	while (n-- != 0)
		rte_pause();
}

struct rw_shared {
	pthread_barrier_t start;
	rte_rwlock_t rwl;
	volatile uint64_t a;
	volatile uint64_t b;
	volatile unsigned int writers_left;
	volatile unsigned int mismatches;
	volatile unsigned int reads;
	volatile int writing; /* a writer is inside */
	volatile unsigned int overlaps;
};

static void *
rw_writer(void *arg)
{
	struct rw_shared *sh = arg;
	unsigned int i;

	pthread_barrier_wait(&sh->start);
	for (i = 0; i < RW_WRITES; i++) {
		rte_rwlock_write_lock(&sh->rwl);
		if (sh->writing++ != 0)
			sh->overlaps++;
		sh->a++;
		linger(200);
		sh->b++;
		sh->writing--;
		rte_rwlock_write_unlock(&sh->rwl);
	}
	__atomic_fetch_sub(&sh->writers_left, 1, __ATOMIC_RELEASE);
	return NULL;
}

static void *
rw_reader(void *arg)
{
	struct rw_shared *sh = arg;
	unsigned int mismatches = 0, reads = 0;

	pthread_barrier_wait(&sh->start);
	do {
		uint64_t a, b;
		int writing;

		rte_rwlock_read_lock(&sh->rwl);
		a = sh->a;
		linger(50);
		b = sh->b;
		writing = sh->writing;
		rte_rwlock_read_unlock(&sh->rwl);
		mismatches += a != b || writing != 0;
		reads++;
	} while (__atomic_load_n(&sh->writers_left, __ATOMIC_ACQUIRE) != 0);
	__atomic_fetch_add(&sh->mismatches, mismatches, __ATOMIC_RELAXED);
	__atomic_fetch_add(&sh->reads, reads, __ATOMIC_RELAXED);
	return NULL;
}

static void
test_rwlock_threads(void **state)
{
	struct rw_shared sh;
	pthread_t th[TEST_THREADS];
	unsigned int i;

	(void)state;
	memset(&sh, 0, sizeof(sh));
	rte_rwlock_init(&sh.rwl);
	sh.writers_left = TEST_THREADS / 2;
	assert_int_equal(pthread_barrier_init(&sh.start, NULL, TEST_THREADS), 0);
	for (i = 0; i < TEST_THREADS; i++)
		assert_int_equal(pthread_create(&th[i], NULL, i % 2 ? rw_reader : rw_writer,
						&sh), 0);
	for (i = 0; i < TEST_THREADS; i++)
		assert_int_equal(pthread_join(th[i], NULL), 0);
	pthread_barrier_destroy(&sh.start);
	assert_int_equal(sh.overlaps, 0);
	assert_int_equal(sh.mismatches, 0);
	assert_true(sh.reads > 0);
	assert_int_equal(sh.a, TEST_THREADS / 2 * RW_WRITES);
	assert_int_equal(sh.b, sh.a);
	assert_int_equal(rte_rwlock_write_trylock(&sh.rwl), 0);
	rte_rwlock_write_unlock(&sh.rwl);
}

/* rte_atomic.h */

/* The same checks for each width; min is the type's minimum, which max + 1 wraps to. */
#define CHECK_ATOMIC_OPS(bits, max, min) do { \
	rte_atomic##bits##_t v = RTE_ATOMIC##bits##_INIT(7); \
	volatile uint##bits##_t u = 5; \
	\
	assert_int_equal(rte_atomic##bits##_read(&v), 7); \
	rte_atomic##bits##_init(&v); \
	assert_int_equal(rte_atomic##bits##_read(&v), 0); \
	rte_atomic##bits##_set(&v, 10); \
	rte_atomic##bits##_add(&v, 5); \
	assert_int_equal(rte_atomic##bits##_read(&v), 15); \
	rte_atomic##bits##_sub(&v, 20); \
	assert_int_equal(rte_atomic##bits##_read(&v), -5); \
	rte_atomic##bits##_inc(&v); \
	rte_atomic##bits##_inc(&v); \
	rte_atomic##bits##_dec(&v); \
	assert_int_equal(rte_atomic##bits##_read(&v), -4); \
	assert_int_equal(rte_atomic##bits##_add_return(&v, 10), 6); \
	assert_int_equal(rte_atomic##bits##_sub_return(&v, 8), -2); \
	assert_false(rte_atomic##bits##_inc_and_test(&v)); \
	assert_true(rte_atomic##bits##_inc_and_test(&v)); \
	assert_false(rte_atomic##bits##_inc_and_test(&v)); \
	rte_atomic##bits##_set(&v, 2); \
	assert_false(rte_atomic##bits##_dec_and_test(&v)); \
	assert_true(rte_atomic##bits##_dec_and_test(&v)); \
	assert_false(rte_atomic##bits##_dec_and_test(&v)); \
	assert_int_equal(rte_atomic##bits##_read(&v), -1); \
	/* test_and_set succeeds only from 0. */ \
	assert_false(rte_atomic##bits##_test_and_set(&v)); \
	rte_atomic##bits##_clear(&v); \
	assert_int_equal(rte_atomic##bits##_read(&v), 0); \
	assert_true(rte_atomic##bits##_test_and_set(&v)); \
	assert_int_equal(rte_atomic##bits##_read(&v), 1); \
	assert_false(rte_atomic##bits##_test_and_set(&v)); \
	rte_atomic##bits##_clear(&v); \
	assert_int_equal(rte_atomic##bits##_read(&v), 0); \
	/* The full width is used. */ \
	rte_atomic##bits##_set(&v, max); \
	assert_true(rte_atomic##bits##_add_return(&v, 1) == (min)); \
	\
	assert_true(rte_atomic##bits##_cmpset(&u, 5, 9)); \
	assert_int_equal(u, 9); \
	assert_false(rte_atomic##bits##_cmpset(&u, 5, 11)); \
	assert_int_equal(u, 9); \
	assert_int_equal(rte_atomic##bits##_exchange(&u, (uint##bits##_t)-1), 9); \
	assert_true(u == (uint##bits##_t)-1); \
	assert_true(rte_atomic##bits##_exchange(&u, 3) == (uint##bits##_t)-1); \
	assert_int_equal(u, 3); \
} while (0)

static void
test_atomic_ops(void **state)
{
	(void)state;
	CHECK_ATOMIC_OPS(16, INT16_MAX, INT16_MIN);
	CHECK_ATOMIC_OPS(32, INT32_MAX, INT32_MIN);
	CHECK_ATOMIC_OPS(64, INT64_MAX, INT64_MIN);
}

#define ATOMIC_ITERATIONS 50000

struct atomic_counters {
	rte_atomic16_t c16;
	rte_atomic32_t c32;
	rte_atomic64_t c64;
	rte_atomic32_t down;
	rte_atomic32_t zero_seen;
	rte_atomic32_t flag;
	rte_atomic32_t flag_won;
};

static void *
atomic_thread(void *arg)
{
	struct atomic_counters *ac = arg;
	unsigned int i;

	for (i = 0; i < ATOMIC_ITERATIONS; i++) {
		rte_atomic16_inc(&ac->c16);
		rte_atomic32_add(&ac->c32, 3);
		rte_atomic64_add_return(&ac->c64, 1LL << 33);
		if (rte_atomic32_dec_and_test(&ac->down))
			rte_atomic32_inc(&ac->zero_seen);
	}
	if (rte_atomic32_test_and_set(&ac->flag))
		rte_atomic32_inc(&ac->flag_won);
	return NULL;
}

static void
test_atomic_threads(void **state)
{
	struct atomic_counters ac;
	const int64_t total = (int64_t)TEST_THREADS * ATOMIC_ITERATIONS;

	(void)state;
	memset(&ac, 0, sizeof(ac));
	rte_atomic32_set(&ac.down, (int32_t)total);
	test_run_threads(TEST_THREADS, atomic_thread, &ac);
	assert_int_equal((uint16_t)rte_atomic16_read(&ac.c16), (uint16_t)total);
	assert_int_equal(rte_atomic32_read(&ac.c32), 3 * total);
	assert_true(rte_atomic64_read(&ac.c64) == total << 33);
	assert_int_equal(rte_atomic32_read(&ac.down), 0);
	/* Exactly one decrement reached zero, exactly one thread set the flag. */
	assert_int_equal(rte_atomic32_read(&ac.zero_seen), 1);
	assert_int_equal(rte_atomic32_read(&ac.flag_won), 1);
	assert_int_equal(rte_atomic32_read(&ac.flag), 1);
}

/* rte_stdatomic.h */

struct std_shared {
	RTE_ATOMIC(uint64_t) sum;
	RTE_ATOMIC(uint32_t) cas_sum;
};

static void *
stdatomic_thread(void *arg)
{
	struct std_shared *sh = arg;
	unsigned int i;

	for (i = 0; i < ATOMIC_ITERATIONS; i++) {
		uint32_t old = rte_atomic_load_explicit(&sh->cas_sum, rte_memory_order_relaxed);

		rte_atomic_fetch_add_explicit(&sh->sum, 2, rte_memory_order_relaxed);
		/* A CAS loop: the failure path must refresh old. */
		while (!rte_atomic_compare_exchange_weak_explicit(&sh->cas_sum, &old, old + 1,
				rte_memory_order_acq_rel, rte_memory_order_relaxed))
			;
	}
	return NULL;
}

static void
test_stdatomic(void **state)
{
	RTE_ATOMIC(uint32_t) x;
	uint32_t __rte_atomic y = 0;
	uint32_t expected;
	struct std_shared sh;

	(void)state;
	rte_atomic_store_explicit(&x, 10, rte_memory_order_release);
	assert_int_equal(rte_atomic_load_explicit(&x, rte_memory_order_acquire), 10);
	assert_int_equal(rte_atomic_exchange_explicit(&x, 20, rte_memory_order_seq_cst), 10);
	assert_int_equal(x, 20);

	expected = 5;
	assert_false(rte_atomic_compare_exchange_strong_explicit(&x, &expected, 30,
			rte_memory_order_seq_cst, rte_memory_order_relaxed));
	assert_int_equal(expected, 20);
	assert_int_equal(x, 20);
	assert_true(rte_atomic_compare_exchange_strong_explicit(&x, &expected, 30,
			rte_memory_order_seq_cst, rte_memory_order_relaxed));
	assert_int_equal(x, 30);
	expected = 30;
	while (!rte_atomic_compare_exchange_weak_explicit(&x, &expected, 31,
			rte_memory_order_seq_cst, rte_memory_order_relaxed))
		assert_int_equal(expected, 30);
	assert_int_equal(x, 31);

	assert_int_equal(rte_atomic_fetch_add_explicit(&x, 9, rte_memory_order_relaxed), 31);
	assert_int_equal(rte_atomic_fetch_sub_explicit(&x, 8, rte_memory_order_relaxed), 40);
	assert_int_equal(x, 32);
	assert_int_equal(rte_atomic_fetch_or_explicit(&x, 0x3, rte_memory_order_relaxed), 32);
	assert_int_equal(rte_atomic_fetch_and_explicit(&x, 0x21, rte_memory_order_relaxed), 35);
	assert_int_equal(rte_atomic_fetch_xor_explicit(&x, 0xff, rte_memory_order_relaxed), 33);
	assert_int_equal(x, 0xde);

	rte_atomic_thread_fence(rte_memory_order_seq_cst);
	rte_atomic_store_explicit(&y, 1, rte_memory_order_relaxed);
	assert_int_equal(y, 1);

	memset(&sh, 0, sizeof(sh));
	test_run_threads(TEST_THREADS, stdatomic_thread, &sh);
	assert_int_equal(sh.sum, 2ULL * TEST_THREADS * ATOMIC_ITERATIONS);
	assert_int_equal(sh.cas_sum, TEST_THREADS * ATOMIC_ITERATIONS);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_spinlock),
	cmocka_unit_test(test_spinlock_recursive),
	cmocka_unit_test(test_rwlock_trylock),
	cmocka_unit_test(test_rwlock_threads),
	cmocka_unit_test(test_atomic_ops),
	cmocka_unit_test(test_atomic_threads),
	cmocka_unit_test(test_stdatomic),
};

REGISTER_TEST_GROUP(eal_sync, tests);
