/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Rings in one process: creation and its errors, exact-size rings, the
 * bulk/burst/single flavours at the full and empty edges, index
 * wrap-around, element sizes, rings in user memory, and a threaded MP/MC
 * stress. Rings across processes are in test_data_mp.c.
 */

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_memzone.h>
#include <rte_pause.h>
#include <rte_ring.h>
#include <rte_ring_elem.h>

#include "test.h"

static int
setup(void **state)
{
	(void)state;
	return test_eal_init_once();
}

static void *
val(uintptr_t v)
{
	return (void *)v;
}

static void
test_create_lookup_free(void **state)
{
	const struct rte_memzone *mz;
	struct rte_ring *r;

	(void)state;
	r = rte_ring_create("ut_basic", 64, SOCKET_ID_ANY, 0);
	assert_non_null(r);
	assert_string_equal(r->name, "ut_basic");
	mz = rte_memzone_lookup(RTE_RING_MZ_PREFIX "ut_basic");
	assert_non_null(mz);
	assert_ptr_equal(mz->addr, r);
	assert_ptr_equal(rte_ring_lookup("ut_basic"), r);
	assert_int_equal(rte_ring_get_size(r), 64);
	assert_int_equal(rte_ring_get_capacity(r), 63);
	assert_true(rte_ring_empty(r));
	assert_false(rte_ring_full(r));
	assert_int_equal(rte_ring_count(r), 0);
	assert_int_equal(rte_ring_free_count(r), 63);
	assert_false(rte_ring_is_prod_single(r));
	assert_false(rte_ring_is_cons_single(r));
	rte_ring_free(r);
	rte_errno = 0;
	assert_null(rte_ring_lookup("ut_basic"));
	assert_int_equal(rte_errno, ENOENT);
	assert_null(rte_memzone_lookup(RTE_RING_MZ_PREFIX "ut_basic"));
	rte_ring_free(NULL);
}

static void
expect_create_error(const char *name, unsigned int esize, unsigned int count,
		    unsigned int flags, int err)
{
	rte_errno = 0;
	assert_null(rte_ring_create_elem(name, esize, count, SOCKET_ID_ANY, flags));
	assert_int_equal(rte_errno, err);
}

static void
test_create_errors(void **state)
{
	char name[64];
	struct rte_ring *r, *dup;

	(void)state;
	expect_create_error("ut_bad", 8, 64, 0x100, EINVAL);
	expect_create_error("ut_bad", 8, 0, 0, EINVAL);
	expect_create_error("ut_bad", 8, 1, 0, EINVAL);
	expect_create_error("ut_bad", 8, 100, 0, EINVAL);
	expect_create_error("ut_bad", 8, RTE_RING_SZ_MASK + 1U, 0, EINVAL);
	expect_create_error("ut_bad", 8, 1U << 30, RING_F_EXACT_SZ, EINVAL);
	expect_create_error("ut_bad", 6, 64, 0, EINVAL);
	expect_create_error("ut_bad", 0, 64, 0, EINVAL);
	expect_create_error(NULL, 8, 64, 0, EINVAL);
	assert_int_equal(rte_ring_get_memsize(100), -EINVAL);
	assert_int_equal(rte_ring_get_memsize_elem(6, 64), -EINVAL);
	assert_true(rte_ring_get_memsize(64) >= (ssize_t)(sizeof(struct rte_ring) + 64 * 8));
	assert_true(rte_ring_get_memsize_elem(16, 64) >=
		    (ssize_t)(sizeof(struct rte_ring) + 64 * 16));

	/* The longest name fits "RG_" + name in a memzone name; one more does not. */
	memset(name, 'n', sizeof(name));
	name[RTE_RING_NAMESIZE] = '\0';
	expect_create_error(name, 8, 64, 0, ENAMETOOLONG);
	name[RTE_RING_NAMESIZE - 1] = '\0';
	r = rte_ring_create(name, 64, SOCKET_ID_ANY, 0);
	assert_non_null(r);
	assert_ptr_equal(rte_ring_lookup(name), r);

	rte_errno = 0;
	dup = rte_ring_create(name, 32, SOCKET_ID_ANY, 0);
	assert_null(dup);
	assert_int_equal(rte_errno, EEXIST);
	rte_ring_free(r);
}

static void
test_exact_size(void **state)
{
	struct rte_ring *r;
	unsigned int i, free_space;

	(void)state;
	r = rte_ring_create("ut_exact", 100, SOCKET_ID_ANY, RING_F_EXACT_SZ);
	assert_non_null(r);
	assert_int_equal(rte_ring_get_size(r), 128);
	assert_int_equal(rte_ring_get_capacity(r), 100);
	for (i = 0; i < 100; i++)
		assert_int_equal(rte_ring_enqueue(r, val(i + 1)), 0);
	assert_true(rte_ring_full(r));
	assert_int_equal(rte_ring_count(r), 100);
	assert_int_equal(rte_ring_enqueue(r, val(1000)), -ENOBUFS);
	assert_int_equal(rte_ring_enqueue_burst(r, (void *[]){ val(1) }, 1, &free_space), 0);
	assert_int_equal(free_space, 0);
	rte_ring_free(r);

	/* A power of two with EXACT_SZ still holds exactly that many. */
	r = rte_ring_create("ut_exact2", 64, SOCKET_ID_ANY, RING_F_EXACT_SZ);
	assert_non_null(r);
	assert_int_equal(rte_ring_get_size(r), 128);
	assert_int_equal(rte_ring_get_capacity(r), 64);
	rte_ring_free(r);

	r = rte_ring_create("ut_exact1", 1, SOCKET_ID_ANY, RING_F_EXACT_SZ);
	assert_non_null(r);
	assert_int_equal(rte_ring_get_capacity(r), 1);
	assert_int_equal(rte_ring_enqueue(r, val(7)), 0);
	assert_int_equal(rte_ring_enqueue(r, val(8)), -ENOBUFS);
	rte_ring_free(r);
}

static void
test_bulk_edges(void **state)
{
	void *in[16], *out[16];
	unsigned int i, free_space = 99, avail = 99;
	struct rte_ring *r;
	void *obj;

	(void)state;
	for (i = 0; i < 16; i++)
		in[i] = val(100 + i);
	r = rte_ring_create("ut_bulk", 16, SOCKET_ID_ANY, 0);
	assert_non_null(r);

	/* Empty: nothing to dequeue, whatever the flavour. */
	assert_int_equal(rte_ring_dequeue_bulk(r, out, 1, &avail), 0);
	assert_int_equal(avail, 0);
	assert_int_equal(rte_ring_dequeue(r, &obj), -ENOENT);
	assert_int_equal(rte_ring_mc_dequeue_burst(r, out, 4, &avail), 0);

	/* Bulk is all or nothing: 16 never fit in a capacity of 15. */
	assert_int_equal(rte_ring_enqueue_bulk(r, in, 16, &free_space), 0);
	assert_int_equal(free_space, 15);
	assert_true(rte_ring_empty(r));
	assert_int_equal(rte_ring_mp_enqueue_bulk(r, in, 15, &free_space), 15);
	assert_int_equal(free_space, 0);
	assert_true(rte_ring_full(r));
	assert_int_equal(rte_ring_enqueue(r, in[0]), -ENOBUFS);
	assert_int_equal(rte_ring_sp_enqueue_bulk(r, in, 1, &free_space), 0);

	assert_int_equal(rte_ring_dequeue_bulk(r, out, 16, &avail), 0);
	assert_int_equal(avail, 15);
	assert_int_equal(rte_ring_count(r), 15);
	assert_int_equal(rte_ring_mc_dequeue_bulk(r, out, 15, &avail), 15);
	assert_int_equal(avail, 0);
	for (i = 0; i < 15; i++)
		assert_ptr_equal(out[i], in[i]);
	assert_true(rte_ring_empty(r));
	rte_ring_free(r);
}

static void
test_burst_partial(void **state)
{
	void *in[32], *out[32];
	unsigned int i, free_space, avail;
	struct rte_ring *r;

	(void)state;
	for (i = 0; i < 32; i++)
		in[i] = val(1 + i);
	r = rte_ring_create("ut_burst", 16, SOCKET_ID_ANY, 0);
	assert_non_null(r);
	assert_int_equal(rte_ring_enqueue_burst(r, in, 10, &free_space), 10);
	assert_int_equal(free_space, 5);
	/* Only 5 of the next 10 fit. */
	assert_int_equal(rte_ring_mp_enqueue_burst(r, in + 10, 10, &free_space), 5);
	assert_int_equal(free_space, 0);
	assert_int_equal(rte_ring_sp_enqueue_burst(r, in, 3, &free_space), 0);
	assert_int_equal(rte_ring_dequeue_burst(r, out, 8, &avail), 8);
	assert_int_equal(avail, 7);
	assert_int_equal(rte_ring_sc_dequeue_burst(r, out + 8, 20, &avail), 7);
	assert_int_equal(avail, 0);
	for (i = 0; i < 15; i++)
		assert_ptr_equal(out[i], in[i]);
	assert_int_equal(rte_ring_dequeue_burst(r, out, 20, NULL), 0);
	assert_int_equal(rte_ring_enqueue_burst(r, in, 0, &free_space), 0);
	assert_int_equal(free_space, 15);
	rte_ring_free(r);
}

/* Enqueue with flavour which (0-8) from tab; how many went in. */
static unsigned int
enqueue_flavour(struct rte_ring *r, unsigned int which, void **tab)
{
	switch (which) {
	case 0: return rte_ring_mp_enqueue(r, tab[0]) == 0;
	case 1: return rte_ring_sp_enqueue(r, tab[0]) == 0;
	case 2: return rte_ring_enqueue(r, tab[0]) == 0;
	case 3: return rte_ring_mp_enqueue_bulk(r, tab, 4, NULL);
	case 4: return rte_ring_sp_enqueue_bulk(r, tab, 4, NULL);
	case 5: return rte_ring_enqueue_bulk(r, tab, 4, NULL);
	case 6: return rte_ring_mp_enqueue_burst(r, tab, 3, NULL);
	case 7: return rte_ring_sp_enqueue_burst(r, tab, 3, NULL);
	default: return rte_ring_enqueue_burst(r, tab, 3, NULL);
	}
}

/* Dequeue with flavour which (0-8) into tab; how many came out. */
static unsigned int
dequeue_flavour(struct rte_ring *r, unsigned int which, void **tab)
{
	switch (which) {
	case 0: return rte_ring_mc_dequeue(r, &tab[0]) == 0;
	case 1: return rte_ring_sc_dequeue(r, &tab[0]) == 0;
	case 2: return rte_ring_dequeue(r, &tab[0]) == 0;
	case 3: return rte_ring_mc_dequeue_bulk(r, tab, 2, NULL);
	case 4: return rte_ring_sc_dequeue_bulk(r, tab, 2, NULL);
	case 5: return rte_ring_dequeue_bulk(r, tab, 2, NULL);
	case 6: return rte_ring_mc_dequeue_burst(r, tab, 4, NULL);
	case 7: return rte_ring_sc_dequeue_burst(r, tab, 4, NULL);
	default: return rte_ring_dequeue_burst(r, tab, 4, NULL);
	}
}

/* Every enqueue flavour, each followed by a dequeue flavour: FIFO order throughout. */
static void
check_flavours(struct rte_ring *r)
{
	uintptr_t next_in = 1, next_out = 1;
	unsigned int i, j, n;
	void *tab[16];

	/* A backlog, so that every dequeue flavour finds enough. */
	for (j = 0; j < 16; j++)
		tab[j] = val(next_in + j);
	assert_int_equal(rte_ring_enqueue_bulk(r, tab, 16, NULL), 16);
	next_in += 16;
	for (i = 0; i < 90; i++) {
		for (j = 0; j < 4; j++)
			tab[j] = val(next_in + j);
		n = enqueue_flavour(r, i % 9, tab);
		assert_true(n > 0);
		next_in += n;
		n = dequeue_flavour(r, (i / 9 + i) % 9, tab);
		assert_true(n > 0);
		for (j = 0; j < n; j++)
			assert_int_equal((uintptr_t)tab[j], next_out + j);
		next_out += n;
		assert_int_equal(rte_ring_count(r), next_in - next_out);
	}
	while ((n = rte_ring_dequeue_burst(r, tab, 16, NULL)) != 0) {
		for (j = 0; j < n; j++)
			assert_int_equal((uintptr_t)tab[j], next_out + j);
		next_out += n;
	}
	assert_int_equal(next_out, next_in);
	assert_true(rte_ring_empty(r));
}

static void
test_flavours(void **state)
{
	static const unsigned int flags[] = {
		0, RING_F_SP_ENQ, RING_F_SC_DEQ, RING_F_SP_ENQ | RING_F_SC_DEQ,
	};
	struct rte_ring *r;
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(flags); i++) {
		r = rte_ring_create("ut_flavours", 256, SOCKET_ID_ANY, flags[i]);
		assert_non_null(r);
		assert_int_equal(rte_ring_is_prod_single(r), !!(flags[i] & RING_F_SP_ENQ));
		assert_int_equal(rte_ring_is_cons_single(r), !!(flags[i] & RING_F_SC_DEQ));
		assert_int_equal(rte_ring_get_prod_sync_type(r),
				 (flags[i] & RING_F_SP_ENQ) ? RTE_RING_SYNC_ST : RTE_RING_SYNC_MT);
		check_flavours(r);
		rte_ring_free(r);
	}
}

/* FIFO across the 2^32 wrap of the head and tail indexes, with odd sizes. */
static void
test_index_wrap(void **state)
{
	void *in[37], *out[37];
	uintptr_t next_in = 1, next_out = 1;
	struct rte_ring *r;
	unsigned int i, j, n, got;
	const uint32_t start = UINT32_MAX - 500;

	(void)state;
	r = rte_ring_create("ut_wrap", 64, SOCKET_ID_ANY, 0);
	assert_non_null(r);
	r->prod.head = r->prod.tail = start;
	r->cons.head = r->cons.tail = start;
	for (i = 0; i < 2000; i++) {
		n = 1 + (i * 7) % 37;
		for (j = 0; j < n; j++)
			in[j] = val(next_in + j);
		got = rte_ring_enqueue_burst(r, in, n, NULL);
		next_in += got;
		assert_int_equal(rte_ring_count(r), next_in - next_out);
		n = 1 + (i * 5) % 37;
		got = rte_ring_dequeue_burst(r, out, n, NULL);
		for (j = 0; j < got; j++)
			assert_int_equal((uintptr_t)out[j], next_out + j);
		next_out += got;
		assert_int_equal(rte_ring_free_count(r), 63 - (next_in - next_out));
	}
	/* The indexes did wrap. */
	assert_true(r->prod.tail < start);
	rte_ring_free(r);
}

static void
fill_elem(uint8_t *e, unsigned int esize, unsigned int seq)
{
	unsigned int i;

	for (i = 0; i < esize; i++)
		e[i] = (uint8_t)(seq * 13 + i);
}

static void
check_elem_size(unsigned int esize)
{
	enum { N = 50 };
	uint8_t *in = malloc((size_t)N * esize), *out = malloc((size_t)N * esize);
	unsigned int i, round, avail;
	struct rte_ring *r;

	assert_non_null(in);
	assert_non_null(out);
	r = rte_ring_create_elem("ut_elem", esize, N, SOCKET_ID_ANY, RING_F_EXACT_SZ);
	assert_non_null(r);
	/* Three rounds of 40 then 50 elements in a ring of 64 slots: the second wraps. */
	for (round = 0; round < 3; round++) {
		unsigned int n = round == 1 ? N : 40;

		for (i = 0; i < n; i++)
			fill_elem(in + (size_t)i * esize, esize, round * 100 + i);
		assert_int_equal(rte_ring_enqueue_bulk_elem(r, in, esize, n, NULL), n);
		assert_int_equal(rte_ring_enqueue_bulk_elem(r, in, esize, N + 1 - n, NULL), 0);
		memset(out, 0, (size_t)N * esize);
		assert_int_equal(rte_ring_dequeue_burst_elem(r, out, esize, N, &avail), n);
		assert_int_equal(avail, 0);
		assert_memory_equal(in, out, (size_t)n * esize);
	}
	/* Single elements and the mp/sc flavours. */
	fill_elem(in, esize, 7);
	assert_int_equal(rte_ring_mp_enqueue_elem(r, in, esize), 0);
	assert_int_equal(rte_ring_sp_enqueue_burst_elem(r, in, esize, 1, NULL), 1);
	assert_int_equal(rte_ring_sc_dequeue_elem(r, out, esize), 0);
	assert_memory_equal(in, out, esize);
	assert_int_equal(rte_ring_mc_dequeue_bulk_elem(r, out, esize, 1, NULL), 1);
	assert_memory_equal(in, out, esize);
	assert_int_equal(rte_ring_dequeue_elem(r, out, esize), -ENOENT);
	rte_ring_free(r);
	free(in);
	free(out);
}

static void
test_elem_sizes(void **state)
{
	static const unsigned int sizes[] = { 4, 8, 12, 16, 20, 24, 32, 40, 64, 128 };
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(sizes); i++)
		check_elem_size(sizes[i]);
}

static void
test_init_user_memory(void **state)
{
	ssize_t size = rte_ring_get_memsize(32);
	struct rte_ring *r;
	void *obj;

	(void)state;
	assert_true(size > 0);
	r = rte_malloc(NULL, (size_t)size, RTE_CACHE_LINE_SIZE);
	assert_non_null(r);
	assert_int_equal(rte_ring_init(r, "ut_user", 32, 0x80), -EINVAL);
	assert_int_equal(rte_ring_init(r, "ut_user", 33, 0), -EINVAL);
	assert_int_equal(rte_ring_init(r, "a_name_much_too_long_for_a_ring", 32, 0),
			 -ENAMETOOLONG);
	assert_int_equal(rte_ring_init(r, "ut_user", 32, RING_F_SP_ENQ | RING_F_SC_DEQ), 0);
	assert_null(r->memzone);
	assert_null(rte_ring_lookup("ut_user"));
	assert_int_equal(rte_ring_get_capacity(r), 31);
	assert_int_equal(rte_ring_enqueue(r, val(5)), 0);
	assert_int_equal(rte_ring_dequeue(r, &obj), 0);
	assert_ptr_equal(obj, val(5));
	/* Not ours to free: refused, and the memory stays valid. */
	rte_ring_free(r);
	assert_int_equal(rte_ring_enqueue(r, val(6)), 0);
	assert_int_equal(rte_ring_count(r), 1);
	rte_free(r);
}

static void
test_reset(void **state)
{
	struct rte_ring *r;
	unsigned int i;
	void *obj;

	(void)state;
	r = rte_ring_create("ut_reset", 32, SOCKET_ID_ANY, 0);
	assert_non_null(r);
	for (i = 0; i < 20; i++)
		assert_int_equal(rte_ring_enqueue(r, val(i + 1)), 0);
	rte_ring_reset(r);
	assert_true(rte_ring_empty(r));
	assert_int_equal(rte_ring_count(r), 0);
	assert_int_equal(rte_ring_dequeue(r, &obj), -ENOENT);
	assert_int_equal(rte_ring_enqueue(r, val(42)), 0);
	assert_int_equal(rte_ring_dequeue(r, &obj), 0);
	assert_ptr_equal(obj, val(42));
	rte_ring_free(r);
}

static void
test_dump(void **state)
{
	struct rte_ring *r;
	struct test_capture cap;
	char *text;
	FILE *f;

	(void)state;
	r = rte_ring_create("ut_dump", 64, SOCKET_ID_ANY, RING_F_SC_DEQ);
	assert_non_null(r);
	assert_int_equal(rte_ring_enqueue(r, val(1)), 0);
	f = test_capture_open(&cap);
	rte_ring_dump(f, r);
	rte_ring_list_dump(f);
	text = test_capture_close(&cap);
	assert_text_has(text, "ring <ut_dump>", "capacity=63", "used=1", "cons: single");
	/* Once from rte_ring_dump, once from the list. */
	assert_non_null(strstr(strstr(text, "ring <ut_dump>") + 1, "ring <ut_dump>"));
	free(text);
	rte_ring_free(r);
}

/*
 * Threads (not lcores: rings do not care) hammering one ring. Each value
 * is producer id << 32 | sequence; each consumer checks that every
 * producer's values reach it in increasing order, and the totals are
 * checked at the end.
 */
#define STRESS_PRODUCERS 2
#define STRESS_CONSUMERS 2
#define STRESS_PER_PRODUCER 500000

struct stress_shared {
	struct rte_ring *r;
	uint64_t deadline;       /* in timer cycles */
	uint64_t consumed;       /* by all consumers, atomically */
	uint64_t expected;       /* what the consumers wait for */
};

struct stress_thread {
	struct stress_shared *sh;
	unsigned int id;
	bool failed;
	uint64_t count[STRESS_PRODUCERS];
	uint64_t sum[STRESS_PRODUCERS];
};

static void *
stress_producer(void *arg)
{
	struct stress_thread *t = arg;
	struct rte_ring *r = t->sh->r;
	uint64_t seq = 0;
	unsigned int i, n;
	void *tab[32];

	while (seq < STRESS_PER_PRODUCER && rte_get_timer_cycles() < t->sh->deadline) {
		n = (unsigned int)RTE_MIN(1 + seq % 32, STRESS_PER_PRODUCER - seq);
		for (i = 0; i < n; i++)
			tab[i] = val(((uintptr_t)t->id << 32) | (uintptr_t)(seq + i));
		/* Alternate all-or-nothing and partial enqueues. */
		n = (seq & 1) ? rte_ring_enqueue_burst(r, tab, n, NULL) :
				rte_ring_enqueue_bulk(r, tab, n, NULL);
		if (n == 0)
			rte_pause();
		seq += n;
	}
	t->failed = seq != STRESS_PER_PRODUCER;
	return NULL;
}

static void *
stress_consumer(void *arg)
{
	struct stress_thread *t = arg;
	struct stress_shared *sh = t->sh;
	int64_t last[STRESS_PRODUCERS] = { -1, -1 };
	unsigned int i, n, p;
	void *tab[32];

	while (__atomic_load_n(&sh->consumed, __ATOMIC_RELAXED) < sh->expected) {
		if (rte_get_timer_cycles() > sh->deadline) {
			t->failed = true;
			break;
		}
		n = rte_ring_dequeue_burst(sh->r, tab, 1 + (unsigned int)(rte_rdtsc() % 32), NULL);
		for (i = 0; i < n; i++) {
			uintptr_t v = (uintptr_t)tab[i];
			int64_t seq = (int64_t)(v & UINT32_MAX);

			p = (unsigned int)(v >> 32);
			if (p >= STRESS_PRODUCERS || seq <= last[p]) {
				t->failed = true;
				continue;
			}
			last[p] = seq;
			t->count[p]++;
			t->sum[p] += (uint64_t)seq;
		}
		if (n == 0)
			rte_pause();
		else
			__atomic_fetch_add(&sh->consumed, n, __ATOMIC_RELAXED);
	}
	return NULL;
}

static void
stress(unsigned int flags, unsigned int nb_prod, unsigned int nb_cons)
{
	struct stress_thread prod[STRESS_PRODUCERS], cons[STRESS_CONSUMERS];
	pthread_t tp[STRESS_PRODUCERS], tc[STRESS_CONSUMERS];
	const uint64_t expected_sum =
		(uint64_t)STRESS_PER_PRODUCER * (STRESS_PER_PRODUCER - 1) / 2;
	struct stress_shared sh = {
		.deadline = rte_get_timer_cycles() + 60 * rte_get_timer_hz(),
		.expected = (uint64_t)nb_prod * STRESS_PER_PRODUCER,
	};
	unsigned int i, p;

	sh.r = rte_ring_create("ut_stress", 1024, SOCKET_ID_ANY, flags);
	assert_non_null(sh.r);
	memset(prod, 0, sizeof(prod));
	memset(cons, 0, sizeof(cons));
	for (i = 0; i < nb_cons; i++) {
		cons[i].sh = &sh;
		cons[i].id = i;
		assert_int_equal(pthread_create(&tc[i], NULL, stress_consumer, &cons[i]), 0);
	}
	for (i = 0; i < nb_prod; i++) {
		prod[i].sh = &sh;
		prod[i].id = i;
		assert_int_equal(pthread_create(&tp[i], NULL, stress_producer, &prod[i]), 0);
	}
	for (i = 0; i < nb_prod; i++)
		pthread_join(tp[i], NULL);
	for (i = 0; i < nb_cons; i++)
		pthread_join(tc[i], NULL);
	for (i = 0; i < nb_prod; i++)
		assert_false(prod[i].failed);
	for (p = 0; p < nb_prod; p++) {
		uint64_t count = 0, sum = 0;

		for (i = 0; i < nb_cons; i++) {
			assert_false(cons[i].failed);
			count += cons[i].count[p];
			sum += cons[i].sum[p];
		}
		assert_int_equal(count, STRESS_PER_PRODUCER);
		assert_int_equal(sum, expected_sum);
	}
	assert_true(rte_ring_empty(sh.r));
	rte_ring_free(sh.r);
}

static void
test_stress_spsc(void **state)
{
	(void)state;
	stress(RING_F_SP_ENQ | RING_F_SC_DEQ, 1, 1);
}

static void
test_stress_mpmc(void **state)
{
	(void)state;
	stress(0, STRESS_PRODUCERS, STRESS_CONSUMERS);
}

/* Without an EAL there is nowhere to put a ring. */
TEST_NO_EAL(ring, rte_ring_create("no_eal", 64, SOCKET_ID_ANY, 0), rte_ring_lookup("no_eal"))

static const struct CMUnitTest tests[] = {
	cmocka_unit_test_setup(test_create_lookup_free, setup),
	cmocka_unit_test_setup(test_create_errors, setup),
	cmocka_unit_test_setup(test_exact_size, setup),
	cmocka_unit_test_setup(test_bulk_edges, setup),
	cmocka_unit_test_setup(test_burst_partial, setup),
	cmocka_unit_test_setup(test_flavours, setup),
	cmocka_unit_test_setup(test_index_wrap, setup),
	cmocka_unit_test_setup(test_elem_sizes, setup),
	cmocka_unit_test_setup(test_init_user_memory, setup),
	cmocka_unit_test_setup(test_reset, setup),
	cmocka_unit_test_setup(test_dump, setup),
	cmocka_unit_test_setup(test_stress_spsc, setup),
	cmocka_unit_test_setup(test_stress_mpmc, setup),
	cmocka_unit_test(test_no_eal),
};

REGISTER_TEST_GROUP(ring, tests);
