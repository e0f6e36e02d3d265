/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The shared heap in one process: sizes and alignment, fragmentation and
 * coalescing, exhaustion, realloc, bad arguments. The heap is the test
 * process's own (no-huge) group; every test leaves it as it found it.
 */

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_memory.h>

#include "test.h"

static int
setup(void **state)
{
	(void)state;
	return test_eal_init_once();
}

static struct rte_malloc_socket_stats
stats(void)
{
	struct rte_malloc_socket_stats s;

	assert_int_equal(rte_malloc_get_socket_stats(0, &s), 0);
	return s;
}

/* The heap is back to what it was: no leak, one free block per hole. */
static void
assert_heap_as(const struct rte_malloc_socket_stats *before)
{
	struct rte_malloc_socket_stats now = stats();

	assert_int_equal(rte_malloc_validate(), 0);
	assert_int_equal(now.alloc_count, before->alloc_count);
	assert_int_equal(now.heap_allocsz_bytes, before->heap_allocsz_bytes);
	assert_int_equal(now.free_count, before->free_count);
	assert_int_equal(now.greatest_free_size, before->greatest_free_size);
}

static void
test_sizes_and_alignment(void **state)
{
	static const size_t sizes[] = { 1, 7, 63, 64, 65, 100, 1000, 4095, 4096, 4097,
					65536, 100000, 1 << 20 };
	static const unsigned int aligns[] = { 0, 1, 2, 64, 128, 4096, 65536, 1 << 20 };
	struct rte_malloc_socket_stats before = stats();
	void *p[RTE_DIM(sizes)][RTE_DIM(aligns)];
	unsigned int i, j;
	size_t k;

	(void)state;
	for (i = 0; i < RTE_DIM(sizes); i++) {
		for (j = 0; j < RTE_DIM(aligns); j++) {
			p[i][j] = rte_malloc("test", sizes[i], aligns[j]);
			assert_non_null(p[i][j]);
			assert_true(rte_is_aligned(p[i][j],
					RTE_MAX(aligns[j], (unsigned int)RTE_CACHE_LINE_SIZE)));
			assert_true(rte_malloc_usable_size(p[i][j]) >= sizes[i]);
			memset(p[i][j], (int)(i * RTE_DIM(aligns) + j), sizes[i]);
		}
	}
	assert_int_equal(rte_malloc_validate(), 0);
	/* No block overlapped another: each still holds its own pattern. */
	for (i = 0; i < RTE_DIM(sizes); i++) {
		for (j = 0; j < RTE_DIM(aligns); j++) {
			const unsigned char *b = p[i][j];

			for (k = 0; k < sizes[i]; k++)
				assert_int_equal(b[k], (unsigned char)(i * RTE_DIM(aligns) + j));
			rte_free(p[i][j]);
		}
	}
	assert_heap_as(&before);
}

/* Free every other block, then the rest: holes merge back into one block. */
static void
test_fragmentation_and_coalescing(void **state)
{
	struct rte_malloc_socket_stats before = stats(), mid;
	enum { N = 512 };
	void *p[N];
	unsigned int i;

	(void)state;
	for (i = 0; i < N; i++) {
		p[i] = rte_malloc(NULL, 1000 + i * 8, 0);
		assert_non_null(p[i]);
	}
	for (i = 0; i < N; i += 2)
		rte_free(p[i]);
	mid = stats();
	assert_int_equal(rte_malloc_validate(), 0);
	assert_int_equal(mid.alloc_count, before.alloc_count + N / 2);
	/* Each hole is its own free block, plus the rest of the heap. */
	assert_int_equal(mid.free_count, before.free_count + N / 2);
	/* A hole is reused for a block that fits it, before the rest of the heap. */
	p[0] = rte_malloc(NULL, 1000, 0);
	assert_non_null(p[0]);
	assert_true(p[0] < p[N - 1]);
	rte_free(p[0]);
	for (i = 1; i < N; i += 2)
		rte_free(p[i]);
	assert_heap_as(&before);
}

/* Allocate until nothing is left: NULL with ENOMEM, the heap still sound. */
static void
test_exhaustion(void **state)
{
	struct rte_malloc_socket_stats before = stats();
	enum { MAX = 4096 };
	void **p = calloc(MAX, sizeof(*p));
	size_t chunk = before.heap_totalsz_bytes / 64;
	unsigned int n = 0;

	(void)state;
	assert_non_null(p);
	while (n < MAX && (p[n] = rte_malloc(NULL, chunk, 0)) != NULL)
		n++;
	assert_true(n < MAX);
	assert_int_equal(rte_errno, ENOMEM);
	assert_true(n >= 32);
	assert_int_equal(rte_malloc_validate(), 0);
	/* Smaller blocks still fit in what is left. */
	while (n < MAX && (p[n] = rte_malloc(NULL, 4096, 0)) != NULL)
		n++;
	assert_null(rte_malloc(NULL, before.heap_totalsz_bytes, 0));
	assert_int_equal(rte_errno, ENOMEM);
	assert_int_equal(rte_malloc_validate(), 0);
	while (n > 0)
		rte_free(p[--n]);
	free(p);
	assert_heap_as(&before);
}

static void
fill(void *p, size_t len, unsigned char seed)
{
	unsigned char *b = p;
	size_t i;

	for (i = 0; i < len; i++)
		b[i] = (unsigned char)(seed + i);
}

static bool
filled(const void *p, size_t len, unsigned char seed)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < len; i++) {
		if (b[i] != (unsigned char)(seed + i))
			return false;
	}
	return true;
}

static void
test_resize(void **state)
{
	struct rte_malloc_socket_stats before = stats();
	void *p, *q, *blocker, *r;

	(void)state;
	/* Shrinking stays in place and keeps the data. */
	p = rte_malloc(NULL, 64 * 1024, 0);
	assert_non_null(p);
	fill(p, 64 * 1024, 1);
	q = rte_realloc(p, 1000, 0);
	assert_ptr_equal(q, p);
	assert_true(filled(q, 1000, 1));
	assert_int_equal(rte_malloc_validate(), 0);

	/* Growing into the free space just freed stays in place too. */
	p = rte_realloc(q, 32 * 1024, 0);
	assert_ptr_equal(p, q);
	assert_true(filled(p, 1000, 1));

	/* Growing against a busy neighbour moves, keeping the data. */
	fill(p, 32 * 1024, 2);
	blocker = rte_malloc(NULL, 64, 0);
	assert_non_null(blocker);
	r = rte_realloc(p, 256 * 1024, 0);
	assert_non_null(r);
	assert_true(filled(r, 32 * 1024, 2));
	assert_int_equal(rte_malloc_validate(), 0);

	/* A stricter alignment than the block has moves it. */
	q = rte_realloc(r, 1024, 1 << 20);
	assert_non_null(q);
	assert_true(rte_is_aligned(q, 1 << 20));
	assert_true(filled(q, 1024, 2));

	/* NULL acts as malloc; bad input fails and leaves the block alone. */
	r = rte_realloc(NULL, 100, 0);
	assert_non_null(r);
	assert_null(rte_realloc(q, 0, 0));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_realloc(q, 100, 3));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_realloc((char *)q + 64, 100, 0));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_realloc(q, before.heap_totalsz_bytes, 0));
	assert_int_equal(rte_errno, ENOMEM);
	assert_true(filled(q, 1024, 2));

	rte_free(r);
	rte_free(q);
	rte_free(blocker);
	assert_heap_as(&before);
}

static void
test_zmalloc_calloc(void **state)
{
	struct rte_malloc_socket_stats before = stats();
	volatile size_t huge;
	unsigned char *p;
	size_t i;

	(void)state;
	/* Dirty a block, free it, and get it back zeroed. */
	p = rte_malloc(NULL, 4096, 0);
	assert_non_null(p);
	memset(p, 0xa5, 4096);
	rte_free(p);
	p = rte_zmalloc(NULL, 4096, 0);
	assert_non_null(p);
	for (i = 0; i < 4096; i++)
		assert_int_equal(p[i], 0);
	rte_free(p);

	p = rte_calloc(NULL, 100, 40, 0);
	assert_non_null(p);
	for (i = 0; i < 4000; i++)
		assert_int_equal(p[i], 0);
	rte_free(p);

	/* Through a variable: the compiler would reject the constant overflow. */
	huge = SIZE_MAX / 2;
	assert_null(rte_calloc(NULL, huge, 4, 0));
	assert_int_equal(rte_errno, EINVAL);
	assert_heap_as(&before);
}

static void
test_bad_arguments(void **state)
{
	struct rte_malloc_socket_stats before = stats(), s;
	volatile size_t huge;
	char local[128];
	void *p;

	(void)state;
	assert_null(rte_malloc(NULL, 0, 0));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_malloc(NULL, 64, 3));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_malloc_socket(NULL, 64, 0, RTE_MAX_NUMA_NODES));
	assert_int_equal(rte_errno, EINVAL);
	huge = SIZE_MAX;
	assert_null(rte_malloc(NULL, huge, 0));

	/* Freeing what the heap did not hand out is refused, not a crash. */
	rte_free(NULL);
	rte_free(local);
	p = rte_malloc(NULL, 256, 0);
	assert_non_null(p);
	rte_free((char *)p + 64);
	rte_free(p);
	rte_free(p); /* twice */
	assert_int_equal(rte_malloc_usable_size(p), 0);
	assert_int_equal(rte_malloc_usable_size(local), 0);

	assert_int_equal(rte_malloc_get_socket_stats(-1, &s), -1);
	assert_int_equal(rte_malloc_get_socket_stats(RTE_MAX_NUMA_NODES, &s), -1);
	assert_heap_as(&before);
}

static void
test_stats_and_dump(void **state)
{
	struct rte_malloc_socket_stats before = stats(), s;
	struct test_capture cap;
	char *buf;
	void *p;

	(void)state;
	p = rte_malloc(NULL, 1000, 0);
	assert_non_null(p);
	s = stats();
	assert_int_equal(s.alloc_count, before.alloc_count + 1);
	assert_true(s.heap_allocsz_bytes >= before.heap_allocsz_bytes + 1000);
	assert_int_equal(s.heap_freesz_bytes + s.heap_allocsz_bytes, s.heap_totalsz_bytes);
	assert_true(s.greatest_free_size < before.greatest_free_size);

	rte_malloc_dump_stats(test_capture_open(&cap), NULL);
	buf = test_capture_close(&cap);
	assert_text_has(buf, "Alloc_count:");
	free(buf);
	rte_free(p);
	assert_heap_as(&before);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test_setup(test_sizes_and_alignment, setup),
	cmocka_unit_test_setup(test_fragmentation_and_coalescing, setup),
	cmocka_unit_test_setup(test_exhaustion, setup),
	cmocka_unit_test_setup(test_resize, setup),
	cmocka_unit_test_setup(test_zmalloc_calloc, setup),
	cmocka_unit_test_setup(test_bad_arguments, setup),
	cmocka_unit_test_setup(test_stats_and_dump, setup),
};

REGISTER_TEST_GROUP(malloc, tests);
