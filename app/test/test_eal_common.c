/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The EAL's basic building blocks, none of which needs rte_eal_init():
 * rte_common.h arithmetic and macros, string helpers, rte_strerror and the
 * random generator. Locks and atomics are in test_eal_sync.c, the
 * time-stamp counter and delays in test_eal_cycles.c.
 */

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_random.h>
#include <rte_string_fns.h>

#include "test.h"

/* rte_common.h */

static void
test_common_align(void **state)
{
	uint64_t v64 = 0x100000001ULL;
	uint8_t v8 = 255;

	(void)state;
	assert_int_equal(RTE_ALIGN_FLOOR(13u, 8), 8);
	assert_int_equal(RTE_ALIGN_CEIL(13u, 8), 16);
	assert_int_equal(RTE_ALIGN_CEIL(16u, 8), 16);
	assert_int_equal(RTE_ALIGN_FLOOR(16u, 8), 16);
	assert_int_equal(RTE_ALIGN(1u, 64), 64);
	assert_int_equal(RTE_ALIGN(0u, 64), 0);
	assert_int_equal(RTE_ALIGN_CEIL(v64, 4096), 0x100001000ULL);
	assert_int_equal(RTE_ALIGN_FLOOR(v64, 4096), 0x100000000ULL);
	/* The mask is built in the type of the value: no high bits lost. */
	assert_int_equal(RTE_ALIGN_FLOOR(0xffffffffffffffffULL, 2), 0xfffffffffffffffeULL);
	assert_int_equal(RTE_ALIGN_FLOOR(v8, 16), 240);

	assert_int_equal(RTE_ALIGN_MUL_CEIL(10, 3), 12);
	assert_int_equal(RTE_ALIGN_MUL_CEIL(9, 3), 9);
	assert_int_equal(RTE_ALIGN_MUL_FLOOR(10, 3), 9);
	assert_int_equal(RTE_ALIGN_MUL_FLOOR(2, 3), 0);

	assert_int_equal(RTE_CACHE_LINE_ROUNDUP(1), RTE_CACHE_LINE_SIZE);
	assert_int_equal(RTE_CACHE_LINE_ROUNDUP(RTE_CACHE_LINE_SIZE + 1),
			 2 * RTE_CACHE_LINE_SIZE);
}

static void
test_common_ptr(void **state)
{
	static char buf[256] __rte_aligned(64);
	char *p = buf + 5;
	uint32_t *q;

	(void)state;
	assert_ptr_equal(RTE_PTR_ADD(buf, 10), buf + 10);
	assert_ptr_equal(RTE_PTR_SUB(p, 5), buf);
	assert_int_equal(RTE_PTR_DIFF(buf + 200, p), 195);

	assert_ptr_equal(RTE_PTR_ALIGN_FLOOR(p, 4), buf + 4);
	assert_ptr_equal(RTE_PTR_ALIGN_CEIL(p, 4), buf + 8);
	assert_ptr_equal(RTE_PTR_ALIGN(p, 64), buf + 64);
	assert_ptr_equal(RTE_PTR_ALIGN(buf + 64, 64), buf + 64);
	assert_ptr_equal(RTE_PTR_ALIGN_FLOOR(buf + 127, 64), buf + 64);

	/* The result has the type of the pointer given. */
	q = RTE_PTR_ALIGN_CEIL((uint32_t *)(void *)(buf + 4), 16);
	assert_ptr_equal(q, buf + 16);
	assert_ptr_equal(q + 1, buf + 20);

	assert_true(rte_is_aligned(buf + 64, 64));
	assert_false(rte_is_aligned(buf + 32, 64));
	assert_true(rte_is_aligned(buf + 32, 32));
}

static void
test_common_pow2(void **state)
{
	volatile uint64_t big;
	uint32_t v;

	(void)state;
	assert_false(rte_is_power_of_2(0));
	assert_true(rte_is_power_of_2(1));
	assert_true(rte_is_power_of_2(2));
	assert_false(rte_is_power_of_2(3));
	assert_true(rte_is_power_of_2(0x80000000u));
	assert_false(rte_is_power_of_2(0xffffffffu));
	/* Through a variable: with constants clang sees a tautology and warns. */
	big = 1ULL << 40;
	assert_false(RTE_IS_POWER_OF_2(big - big));
	assert_true(RTE_IS_POWER_OF_2(big));
	assert_false(RTE_IS_POWER_OF_2(big + 1));

	assert_int_equal(rte_align32pow2(0), 0);
	assert_int_equal(rte_align32pow2(1), 1);
	assert_int_equal(rte_align32pow2(3), 4);
	assert_int_equal(rte_align32pow2(5), 8);
	assert_int_equal(rte_align32pow2(64), 64);
	assert_int_equal(rte_align32pow2(0x80000000u), 0x80000000u);
	assert_int_equal(rte_align32pow2(0x80000001u), 0);

	assert_int_equal(rte_align32prevpow2(0), 0);
	assert_int_equal(rte_align32prevpow2(1), 1);
	assert_int_equal(rte_align32prevpow2(3), 2);
	assert_int_equal(rte_align32prevpow2(64), 64);
	assert_int_equal(rte_align32prevpow2(0x7fffffffu), 0x40000000u);
	assert_int_equal(rte_align32prevpow2(0xffffffffu), 0x80000000u);

	assert_int_equal(rte_align64pow2(1), 1);
	assert_int_equal(rte_align64pow2(0x100000001ULL), 0x200000000ULL);
	assert_int_equal(rte_align64pow2(1ULL << 63), 1ULL << 63);
	assert_int_equal(rte_align64prevpow2(0x1ffffffffULL), 0x100000000ULL);
	assert_int_equal(rte_align64prevpow2(UINT64_MAX), 1ULL << 63);

	/* Against the definition, over a range. */
	for (v = 1; v <= (1u << 18); v++) {
		uint32_t up = rte_align32pow2(v), down = rte_align32prevpow2(v);

		if (!rte_is_power_of_2(up) || up < v || up / 2 >= v ||
		    !rte_is_power_of_2(down) || down > v || down * 2 <= v ||
		    rte_align64pow2(v) != up)
			fail_msg("align pow2 of %u: up %u down %u", v, up, down);
	}
}

static void
test_common_bit_ops(void **state)
{
	uint32_t pos = 99, v;

	(void)state;
	assert_int_equal(rte_bsf32(1), 0);
	assert_int_equal(rte_bsf32(0x18), 3);
	assert_int_equal(rte_bsf32(0x80000000u), 31);
	assert_int_equal(rte_bsf32_safe(0, &pos), 0);
	assert_int_equal(pos, 99);
	assert_int_equal(rte_bsf32_safe(0x100, &pos), 1);
	assert_int_equal(pos, 8);

	assert_int_equal(rte_bsf64(1ULL << 40), 40);
	assert_int_equal(rte_bsf64(1ULL << 63), 63);
	pos = 99;
	assert_int_equal(rte_bsf64_safe(0, &pos), 0);
	assert_int_equal(pos, 99);
	assert_int_equal(rte_bsf64_safe(0x30000000000ULL, &pos), 1);
	assert_int_equal(pos, 40);

	assert_int_equal(rte_fls_u32(0), 0);
	assert_int_equal(rte_fls_u32(1), 1);
	assert_int_equal(rte_fls_u32(0x1234), 13);
	assert_int_equal(rte_fls_u32(0x80000000u), 32);
	assert_int_equal(rte_fls_u64(0), 0);
	assert_int_equal(rte_fls_u64(0x100000000ULL), 33);
	assert_int_equal(rte_fls_u64(1ULL << 63), 64);

	/* Rounded-up log2, 0 for 0 and 1. */
	assert_int_equal(rte_log2_u32(0), 0);
	assert_int_equal(rte_log2_u32(1), 0);
	assert_int_equal(rte_log2_u32(2), 1);
	assert_int_equal(rte_log2_u32(3), 2);
	assert_int_equal(rte_log2_u32(4), 2);
	assert_int_equal(rte_log2_u32(5), 3);
	assert_int_equal(rte_log2_u32(0x80000000u), 31);
	assert_int_equal(rte_log2_u32(0x80000001u), 32);
	assert_int_equal(rte_log2_u32(UINT32_MAX), 32);
	assert_int_equal(rte_log2_u64(0), 0);
	assert_int_equal(rte_log2_u64(1), 0);
	assert_int_equal(rte_log2_u64(0x100000000ULL), 32);
	assert_int_equal(rte_log2_u64(0x100000001ULL), 33);
	assert_int_equal(rte_log2_u64(UINT64_MAX), 64);

	for (v = 2; v <= (1u << 18); v++) {
		uint32_t l = rte_log2_u32(v);

		if (l >= 32 || (1u << l) < v || (1u << (l - 1)) >= v ||
		    rte_log2_u64(v) != l)
			fail_msg("log2 of %u: %u", v, l);
	}
}

struct outer {
	uint64_t a;
	char name[12];
	uint32_t member;
};

static void
test_common_macros(void **state)
{
	static const int array[7];
	struct outer o;
	int i = 5, j = 3;

	(void)state;
	assert_int_equal(RTE_MIN(3, 7), 3);
	assert_int_equal(RTE_MAX(3, 7), 7);
	assert_int_equal(RTE_MIN(-1, 2), -1);
	assert_int_equal(RTE_MAX(UINT64_MAX, 2ULL), UINT64_MAX);
	/* Each argument is evaluated once. */
	assert_int_equal(RTE_MIN(i++, j++), 3);
	assert_int_equal(i, 6);
	assert_int_equal(j, 4);
	assert_int_equal(RTE_MAX(i++, 0), 6);
	assert_int_equal(i, 7);

	assert_int_equal(RTE_DIM(array), 7);
	assert_int_equal(RTE_DIM(o.name), 12);
	assert_int_equal(RTE_SIZEOF_FIELD(struct outer, name), 12);

	assert_ptr_equal(container_of(&o.member, struct outer, member), &o);
	assert_ptr_equal(container_of(&o.name, struct outer, name), &o);
	assert_ptr_equal(container_of(&o.a, struct outer, a), &o);

	RTE_BUILD_BUG_ON(sizeof(uint32_t) != 4);
	RTE_BUILD_BUG_ON(RTE_DIM(array) != 7);

	assert_string_equal(RTE_STR(not_a_macro), "not_a_macro");
	/* A macro argument is expanded first. */
	assert_string_equal(RTE_STR(RTE_CACHE_LINE_MIN_SIZE), "64");
	assert_int_equal(RTE_BIT32(31), 0x80000000u);
	assert_int_equal(RTE_BIT64(63), 1ULL << 63);
	assert_int_equal(RTE_LEN2MASK(5, uint8_t), 0x1f);
	assert_int_equal(RTE_LEN2MASK(64, uint64_t), UINT64_MAX);
	assert_int_equal(RTE_GB, 1ULL << 30);
}

/* rte_string_fns.h */

static void
test_string_strlcpy(void **state)
{
	char buf[8];

	(void)state;
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(rte_strlcpy(buf, "hello", 4), 5);
	assert_string_equal(buf, "hel");
	assert_int_equal(buf[4], 'x');

	assert_int_equal(rte_strlcpy(buf, "hello", 6), 5);
	assert_string_equal(buf, "hello");
	assert_int_equal(rte_strlcpy(buf, "", sizeof(buf)), 0);
	assert_string_equal(buf, "");

	/* Size 0 writes nothing but still says how long src is. */
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(rte_strlcpy(buf, "abc", 0), 3);
	assert_int_equal(buf[0], 'x');

	/* strlcpy, from libc or from rte_string_fns.h, behaves the same. */
	assert_int_equal(strlcpy(buf, "truncated here", sizeof(buf)), 14);
	assert_string_equal(buf, "truncat");
}

static void
test_string_strlcat(void **state)
{
	char buf[8] = "ab";
	char full[4] = { 'x', 'x', 'x', 'x' };

	(void)state;
	assert_int_equal(rte_strlcat(buf, "cd", sizeof(buf)), 4);
	assert_string_equal(buf, "abcd");
	assert_int_equal(rte_strlcat(buf, "efghij", sizeof(buf)), 10);
	assert_string_equal(buf, "abcdefg");
	assert_int_equal(rte_strlcat(buf, "z", sizeof(buf)), 8);
	assert_string_equal(buf, "abcdefg");

	/* A destination without a terminator within size is left alone. */
	assert_int_equal(rte_strlcat(full, "yz", sizeof(full)), 6);
	assert_memory_equal(full, "xxxx", 4);

	buf[0] = '\0';
	assert_int_equal(strlcat(buf, "12", sizeof(buf)), 2);
	assert_int_equal(strlcat(buf, "345678", sizeof(buf)), 8);
	assert_string_equal(buf, "1234567");
}

static void
test_string_strscpy(void **state)
{
	char buf[6];

	(void)state;
	rte_errno = 0;
	assert_int_equal(rte_strscpy(buf, "abc", sizeof(buf)), 3);
	assert_string_equal(buf, "abc");
	assert_int_equal(rte_strscpy(buf, "abcde", sizeof(buf)), 5);
	assert_string_equal(buf, "abcde");
	assert_int_equal(rte_strscpy(buf, "", sizeof(buf)), 0);
	assert_string_equal(buf, "");
	assert_int_equal(rte_errno, 0);

	assert_int_equal(rte_strscpy(buf, "abcdef", sizeof(buf)), -E2BIG);
	assert_int_equal(rte_errno, E2BIG);
	assert_string_equal(buf, "abcde");

	rte_errno = 0;
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(rte_strscpy(buf, "a", 0), -E2BIG);
	assert_int_equal(rte_errno, E2BIG);
	assert_int_equal(buf[0], 'x');
}

static void
test_string_strsplit(void **state)
{
	char *tok[8];
	char s1[] = "a,b,,c";
	char s2[] = "k1=v1,k2=v2,k3";
	char s3[] = "x:y:";
	char s4[] = "";
	char s5[] = ",lead";

	(void)state;
	assert_int_equal(rte_strsplit(s1, sizeof(s1), tok, RTE_DIM(tok), ','), 4);
	assert_string_equal(tok[0], "a");
	assert_string_equal(tok[1], "b");
	assert_string_equal(tok[2], "");
	assert_string_equal(tok[3], "c");

	/* At maxtokens the rest of the string stays in the last token. */
	assert_int_equal(rte_strsplit(s2, sizeof(s2), tok, 2, ','), 2);
	assert_string_equal(tok[0], "k1=v1");
	assert_string_equal(tok[1], "k2=v2,k3");

	assert_int_equal(rte_strsplit(s3, sizeof(s3), tok, RTE_DIM(tok), ':'), 2);
	assert_string_equal(tok[0], "x");
	assert_string_equal(tok[1], "y");
	assert_int_equal(rte_strsplit(s4, sizeof(s4), tok, RTE_DIM(tok), ':'), 0);
	assert_int_equal(rte_strsplit(s5, sizeof(s5), tok, RTE_DIM(tok), ','), 2);
	assert_string_equal(tok[0], "");
	assert_string_equal(tok[1], "lead");

	errno = 0;
	assert_int_equal(rte_strsplit(NULL, 10, tok, RTE_DIM(tok), ','), -1);
	assert_int_equal(errno, EINVAL);
	errno = 0;
	assert_int_equal(rte_strsplit(s1, sizeof(s1), NULL, 4, ','), -1);
	assert_int_equal(errno, EINVAL);
}

static void
test_string_str_to_size(void **state)
{
	static const struct {
		const char *in;
		uint64_t size;
	} cases[] = {
		{ "0", 0 },
		{ "123", 123 },
		{ "4K", 4 * RTE_KB },
		{ "4k", 4 * RTE_KB },
		{ "3M", 3 * RTE_MB },
		{ "512m", 512 * RTE_MB },
		{ "2G", 2 * RTE_GB },
		{ "64g", 64 * RTE_GB },
		{ "  64M", 64 * RTE_MB },
		{ "0x10K", 16 * RTE_KB },
		{ "18446744073709551615", UINT64_MAX },
		/* Invalid: 0. */
		{ "", 0 },
		{ "   ", 0 },
		{ "abc", 0 },
		{ "K", 0 },
		{ "-5", 0 },
		{ "-5M", 0 },
		{ "  -1", 0 },
		{ "18446744073709551616", 0 },
		{ "99999999999999999999999G", 0 },
	};
	unsigned int i, bad = 0;

	(void)state;
	for (i = 0; i < RTE_DIM(cases); i++) {
		uint64_t got = rte_str_to_size(cases[i].in);

		if (got != cases[i].size) {
			bad++;
			print_error("rte_str_to_size(\"%s\") = %llu, expected %llu\n",
				    cases[i].in, (unsigned long long)got,
				    (unsigned long long)cases[i].size);
		}
	}
	assert_int_equal(bad, 0);
}

/* rte_errno.h */

static void *
errno_thread(void *arg)
{
	int *seen = arg;

	*seen = rte_errno;
	rte_errno = EPERM;
	return NULL;
}

static void
test_errno_strerror(void **state)
{
	int seen = -1;

	(void)state;
	assert_string_equal(rte_strerror(EINVAL), strerror(EINVAL));
	assert_string_equal(rte_strerror(ENOMEM), strerror(ENOMEM));
	assert_string_equal(rte_strerror(E2BIG), strerror(E2BIG));
	assert_string_equal(rte_strerror(0), strerror(0));
	assert_string_equal(rte_strerror(E_RTE_SECONDARY), "Invalid call in secondary process");
	assert_string_equal(rte_strerror(E_RTE_NO_CONFIG), "Missing rte_config structure");

	/* Lockstep reads a negative errno (as functions return it) as its value. */
	assert_string_equal(rte_strerror(-EINVAL), strerror(EINVAL));
	assert_string_equal(rte_strerror(-E_RTE_SECONDARY), "Invalid call in secondary process");

	/* Anything else still gives a message. */
	assert_true(strlen(rte_strerror(RTE_MAX_ERRNO)) > 0);
	assert_true(strlen(rte_strerror(RTE_MAX_ERRNO + 100)) > 0);
	assert_true(strlen(rte_strerror(INT_MAX)) > 0);
	assert_true(strlen(rte_strerror(INT_MIN)) > 0);

	/* rte_errno belongs to the thread. */
	rte_errno = E_RTE_NO_CONFIG;
	test_run_threads(1, errno_thread, &seen);
	assert_int_equal(seen, 0);
	assert_int_equal(rte_errno, E_RTE_NO_CONFIG);
	rte_errno = 0;
}

/* rte_random.h */

static void
test_random_max(void **state)
{
	static const uint64_t bounds[] = {
		2, 3, 5, 7, 10, 100, 1000, 65537, (1ULL << 32) + 1,
		3ULL << 40, (1ULL << 63) + 1, UINT64_MAX,
	};
	unsigned int hist[17];
	uint64_t n, v, max_seen;
	unsigned int i, k;

	(void)state;
	for (k = 0; k < 1000; k++) {
		assert_int_equal(rte_rand_max(0), 0);
		assert_int_equal(rte_rand_max(1), 0);
	}

	/* Always below the bound, and reaching into its top part. */
	for (i = 0; i < RTE_DIM(bounds); i++) {
		max_seen = 0;
		for (k = 0; k < 2000; k++) {
			v = rte_rand_max(bounds[i]);
			if (v >= bounds[i])
				fail_msg("rte_rand_max(%llu) = %llu",
					 (unsigned long long)bounds[i], (unsigned long long)v);
			max_seen = RTE_MAX(max_seen, v);
		}
		assert_true(max_seen >= bounds[i] - bounds[i] / 4 - 1);
	}

	/* Small ranges: every value comes up. */
	for (n = 2; n <= RTE_DIM(hist); n++) {
		memset(hist, 0, sizeof(hist));
		for (k = 0; k < 64 * n; k++) {
			v = rte_rand_max(n);
			if (v >= n)
				fail_msg("rte_rand_max(%llu) = %llu", (unsigned long long)n,
					 (unsigned long long)v);
			hist[v]++;
		}
		for (v = 0; v < n; v++) {
			if (hist[v] == 0)
				fail_msg("rte_rand_max(%llu) never gave %llu",
					 (unsigned long long)n, (unsigned long long)v);
		}
	}

	/* And evenly: 10000 expected per value, 95 the standard deviation. */
	memset(hist, 0, sizeof(hist));
	for (k = 0; k < 100000; k++) {
		v = rte_rand_max(10);
		if (v >= 10)
			fail_msg("rte_rand_max(10) = %llu", (unsigned long long)v);
		hist[v]++;
	}
	for (v = 0; v < 10; v++)
		assert_in_range(hist[v], 9000, 11000);
}

static void
test_random_drand(void **state)
{
	unsigned int k, low = 0, high = 0;
	double d, sum = 0;

	(void)state;
	for (k = 0; k < 100000; k++) {
		d = rte_drand();
		if (!(d >= 0.0 && d < 1.0))
			fail_msg("rte_drand() = %f", d);
		sum += d;
		low += d < 0.1;
		high += d >= 0.9;
	}
	assert_true(sum / k > 0.49 && sum / k < 0.51);
	assert_in_range(low, 9000, 11000);
	assert_in_range(high, 9000, 11000);
}

#define SEQ_LEN 16

static void
draw(uint64_t seq[SEQ_LEN])
{
	unsigned int i;

	for (i = 0; i < SEQ_LEN; i++)
		seq[i] = rte_rand();
}

/* A thread that draws once, then a sequence after each reseed by the main thread. */
struct rand_thread {
	pthread_barrier_t barrier;
	uint64_t seq[3][SEQ_LEN];
};

static void *
rand_thread_main(void *arg)
{
	struct rand_thread *rt = arg;
	unsigned int i;

	rte_rand();
	for (i = 0; i < RTE_DIM(rt->seq); i++) {
		pthread_barrier_wait(&rt->barrier); /* main reseeds */
		pthread_barrier_wait(&rt->barrier);
		draw(rt->seq[i]);
	}
	return NULL;
}

static void
test_random_srand(void **state)
{
	uint64_t a[SEQ_LEN], b[SEQ_LEN], c[SEQ_LEN];
	struct rand_thread rt;
	pthread_t th;
	unsigned int i, j;

	(void)state;
	rte_srand(42);
	draw(a);
	draw(b);
	rte_srand(42);
	draw(c);
	assert_memory_equal(a, c, sizeof(a));
	/* A real sequence, not a constant. */
	assert_memory_not_equal(a, b, sizeof(a));
	for (i = 1; i < SEQ_LEN; i++)
		assert_int_not_equal(a[i], a[0]);
	rte_srand(43);
	draw(c);
	assert_memory_not_equal(a, c, sizeof(a));

	/* A thread already drawing picks up each new seed. */
	assert_int_equal(pthread_barrier_init(&rt.barrier, NULL, 2), 0);
	assert_int_equal(pthread_create(&th, NULL, rand_thread_main, &rt), 0);
	for (i = 0; i < RTE_DIM(rt.seq); i++) {
		static const uint64_t seeds[] = { 1234, 1234, 1235 };

		pthread_barrier_wait(&rt.barrier);
		rte_srand(seeds[i]);
		pthread_barrier_wait(&rt.barrier);
	}
	assert_int_equal(pthread_join(th, NULL), 0);
	pthread_barrier_destroy(&rt.barrier);
	assert_memory_equal(rt.seq[0], rt.seq[1], sizeof(rt.seq[0]));
	assert_memory_not_equal(rt.seq[1], rt.seq[2], sizeof(rt.seq[1]));
	for (j = 0; j < SEQ_LEN; j++)
		assert_int_not_equal(rt.seq[0][j], rt.seq[2][j]);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_common_align),
	cmocka_unit_test(test_common_ptr),
	cmocka_unit_test(test_common_pow2),
	cmocka_unit_test(test_common_bit_ops),
	cmocka_unit_test(test_common_macros),
	cmocka_unit_test(test_string_strlcpy),
	cmocka_unit_test(test_string_strlcat),
	cmocka_unit_test(test_string_strscpy),
	cmocka_unit_test(test_string_strsplit),
	cmocka_unit_test(test_string_str_to_size),
	cmocka_unit_test(test_errno_strerror),
	cmocka_unit_test(test_random_max),
	cmocka_unit_test(test_random_drand),
	cmocka_unit_test(test_random_srand),
};

REGISTER_TEST_GROUP(eal_common, tests);
