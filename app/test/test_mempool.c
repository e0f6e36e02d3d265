/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Mempools in one process: creation and its errors, get/put at the empty
 * and full edges, the per-lcore cache (refill, flush threshold, bypass for
 * large requests and non-EAL threads, user caches), callbacks and
 * iterators, object layout, ops chosen by flags or by name (and custom
 * ops), the per-process ops check, audit, dump. Pools across processes are
 * in test_data_mp.c.
 */

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_mempool.h>
#include <rte_memzone.h>
#include <rte_spinlock.h>
#include <rte_string_fns.h>

#include "test.h"

static int
setup(void **state)
{
	(void)state;
	return test_eal_init_once();
}

/* Custom ops for the tests: a locked stack in shared memory. */
struct ut_stack {
	rte_spinlock_t lock;
	uint32_t len;
	uint32_t size;
	void *objs[];
};

static int
stack_alloc(struct rte_mempool *mp)
{
	struct ut_stack *s = rte_zmalloc_socket("ut_stack",
			sizeof(*s) + (size_t)mp->size * sizeof(void *), 0, mp->socket_id);

	if (s == NULL)
		return -ENOMEM;
	rte_spinlock_init(&s->lock);
	s->size = mp->size;
	mp->pool_data = s;
	return 0;
}

static void
stack_free(struct rte_mempool *mp)
{
	rte_free(mp->pool_data);
}

static int
stack_enqueue(struct rte_mempool *mp, void * const *obj_table, unsigned int n)
{
	struct ut_stack *s = mp->pool_data;
	int ret = -ENOBUFS;

	rte_spinlock_lock(&s->lock);
	if (s->len + n <= s->size) {
		memcpy(&s->objs[s->len], obj_table, n * sizeof(void *));
		__atomic_store_n(&s->len, s->len + n, __ATOMIC_RELAXED);
		ret = 0;
	}
	rte_spinlock_unlock(&s->lock);
	return ret;
}

static int
stack_dequeue(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	struct ut_stack *s = mp->pool_data;
	int ret = -ENOENT;

	rte_spinlock_lock(&s->lock);
	if (n <= s->len) {
		__atomic_store_n(&s->len, s->len - n, __ATOMIC_RELAXED);
		memcpy(obj_table, &s->objs[s->len], n * sizeof(void *));
		ret = 0;
	}
	rte_spinlock_unlock(&s->lock);
	return ret;
}

static unsigned int
stack_count(const struct rte_mempool *mp)
{
	const struct ut_stack *s = mp->pool_data;

	return __atomic_load_n(&s->len, __ATOMIC_RELAXED);
}

static const struct rte_mempool_ops ut_stack_ops = {
	.name = "ut_stack",
	.alloc = stack_alloc,
	.free = stack_free,
	.enqueue = stack_enqueue,
	.dequeue = stack_dequeue,
	.get_count = stack_count,
};

RTE_MEMPOOL_REGISTER_OPS(ut_stack_ops);

static struct rte_mempool *
make_pool(const char *name, unsigned int n, unsigned int elt_size, unsigned int cache_size,
	  unsigned int flags)
{
	struct rte_mempool *mp = rte_mempool_create(name, n, elt_size, cache_size, 0, NULL, NULL,
						    NULL, NULL, SOCKET_ID_ANY, flags);

	assert_non_null(mp);
	return mp;
}

static void
test_create_lookup_free(void **state)
{
	struct rte_mempool *mp;

	(void)state;
	mp = make_pool("ut_mp", 1023, 64, 32, 0);
	assert_string_equal(mp->name, "ut_mp");
	assert_int_equal(mp->size, 1023);
	assert_int_equal(mp->populated_size, 1023);
	assert_int_equal(mp->cache_size, 32);
	assert_string_equal(mp->ops_name, "ring_mp_mc");
	assert_int_equal(rte_mempool_avail_count(mp), 1023);
	assert_int_equal(rte_mempool_in_use_count(mp), 0);
	assert_true(rte_mempool_full(mp));
	assert_false(rte_mempool_empty(mp));
	assert_ptr_equal(rte_mempool_lookup("ut_mp"), mp);
	assert_ptr_equal(rte_memzone_lookup("MP_ut_mp")->addr, mp);
	assert_non_null(rte_memzone_lookup("MP_ut_mp_0"));
	assert_non_null(rte_ring_lookup("MP_ut_mp"));
	rte_mempool_free(mp);
	rte_errno = 0;
	assert_null(rte_mempool_lookup("ut_mp"));
	assert_int_equal(rte_errno, ENOENT);
	assert_null(rte_memzone_lookup("MP_ut_mp"));
	assert_null(rte_memzone_lookup("MP_ut_mp_0"));
	assert_null(rte_ring_lookup("MP_ut_mp"));
	rte_mempool_free(NULL);
}

static void
expect_create_error(const char *name, unsigned int n, unsigned int cache_size,
		    unsigned int flags, int err)
{
	rte_errno = 0;
	assert_null(rte_mempool_create(name, n, 64, cache_size, 0, NULL, NULL, NULL, NULL,
				       SOCKET_ID_ANY, flags));
	assert_int_equal(rte_errno, err);
}

static void
test_create_errors(void **state)
{
	struct rte_mempool *mp;
	char name[64];

	(void)state;
	expect_create_error("ut_bad", 1024, RTE_MEMPOOL_CACHE_MAX_SIZE + 1, 0, EINVAL);
	/* A cache whose flush threshold (1.5 x) exceeds the pool. */
	expect_create_error("ut_bad", 100, 68, 0, EINVAL);
	expect_create_error("ut_bad", 100, 0, 0x1000, EINVAL);
	expect_create_error("ut_bad", 100, 0, RTE_MEMPOOL_F_POOL_CREATED, EINVAL);
	expect_create_error("ut_bad", 0, 0, 0, EINVAL);
	expect_create_error(NULL, 10, 0, 0, EINVAL);
	memset(name, 'p', sizeof(name));
	name[RTE_MEMPOOL_NAMESIZE] = '\0';
	expect_create_error(name, 10, 0, 0, ENAMETOOLONG);
	name[RTE_MEMPOOL_NAMESIZE - 1] = '\0';
	mp = make_pool(name, 100, 64, 66, 0);
	assert_ptr_equal(rte_mempool_lookup(name), mp);
	expect_create_error(name, 10, 0, 0, EEXIST);
	rte_mempool_free(mp);
	/* Far more than the heap: ENOMEM, and nothing left behind. */
	rte_errno = 0;
	assert_null(rte_mempool_create("ut_huge", 4, 512 << 20, 0, 0, NULL, NULL, NULL, NULL,
				       SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, ENOMEM);
	assert_null(rte_mempool_lookup("ut_huge"));
	assert_null(rte_memzone_lookup("MP_ut_huge"));
	assert_null(rte_ring_lookup("MP_ut_huge"));
}

static int
cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;

	return (x > y) - (x < y);
}

static void
test_get_put_edges(void **state)
{
	enum { N = 64 };
	void *objs[N + 1];
	struct rte_mempool *mp;
	unsigned int i;

	(void)state;
	mp = make_pool("ut_edges", N, 32, 0, 0);
	assert_null(rte_mempool_default_cache(mp, rte_lcore_id()));
	for (i = 0; i < N; i++)
		assert_int_equal(rte_mempool_get(mp, &objs[i]), 0);
	assert_true(rte_mempool_empty(mp));
	assert_int_equal(rte_mempool_in_use_count(mp), N);
	assert_int_equal(rte_mempool_get(mp, &objs[N]), -ENOENT);
	/* Every object once. */
	qsort(objs, N, sizeof(objs[0]), cmp_ptr);
	for (i = 1; i < N; i++)
		assert_true(objs[i] != objs[i - 1]);
	for (i = 0; i < N; i++) {
		assert_ptr_equal(rte_mempool_from_obj(objs[i]), mp);
		rte_mempool_put(mp, objs[i]);
	}
	assert_true(rte_mempool_full(mp));
	/* All or nothing. */
	assert_int_equal(rte_mempool_get_bulk(mp, objs, N + 1), -ENOENT);
	assert_int_equal(rte_mempool_avail_count(mp), N);
	assert_int_equal(rte_mempool_get_bulk(mp, objs, N), 0);
	assert_true(rte_mempool_empty(mp));
	rte_mempool_put_bulk(mp, objs, N);
	assert_true(rte_mempool_full(mp));
	rte_mempool_audit(mp);
	rte_mempool_free(mp);
}

static void
test_ops_by_flags(void **state)
{
	static const struct {
		unsigned int flags;
		const char *ops;
	} cases[] = {
		{ 0, "ring_mp_mc" },
		{ RTE_MEMPOOL_F_SP_PUT, "ring_sp_mc" },
		{ MEMPOOL_F_SC_GET, "ring_mp_sc" },
		{ RTE_MEMPOOL_F_SP_PUT | RTE_MEMPOOL_F_SC_GET, "ring_sp_sc" },
	};
	struct rte_mempool *mp;
	unsigned int i;
	void *obj[3];

	(void)state;
	for (i = 0; i < RTE_DIM(cases); i++) {
		mp = make_pool("ut_flags", 100, 16, 8, cases[i].flags);
		assert_string_equal(mp->ops_name, cases[i].ops);
		assert_int_equal(rte_ring_is_prod_single(mp->pool_data),
				 !!(cases[i].flags & RTE_MEMPOOL_F_SP_PUT));
		assert_int_equal(rte_ring_is_cons_single(mp->pool_data),
				 !!(cases[i].flags & RTE_MEMPOOL_F_SC_GET));
		assert_int_equal(rte_mempool_get_bulk(mp, obj, 3), 0);
		rte_mempool_put_bulk(mp, obj, 3);
		assert_true(rte_mempool_full(mp));
		rte_mempool_free(mp);
	}
}

static unsigned int
backend(const struct rte_mempool *mp)
{
	return rte_mempool_ops_get_count(mp);
}

static void
test_cache_refill_and_flush(void **state)
{
	void *objs[64], *one;
	struct rte_mempool_cache *c;
	struct rte_mempool *mp;

	(void)state;
	mp = make_pool("ut_cache", 1024, 64, 32, 0);
	assert_true(rte_lcore_id() < RTE_MAX_LCORE);
	c = rte_mempool_default_cache(mp, rte_lcore_id());
	assert_non_null(c);
	assert_null(rte_mempool_default_cache(mp, LCORE_ID_ANY));
	assert_int_equal(c->size, 32);
	assert_int_equal(c->flushthresh, 48);
	assert_int_equal(c->len, 0);

	/* A miss refills the cache: one object for the caller, a full cache besides. */
	assert_int_equal(rte_mempool_get(mp, &one), 0);
	assert_int_equal(c->len, 32);
	assert_int_equal(backend(mp), 1024 - 33);
	assert_int_equal(rte_mempool_avail_count(mp), 1023);
	assert_int_equal(rte_mempool_in_use_count(mp), 1);
	/* A hit touches only the cache; a put goes back to it, the last put the first out. */
	rte_mempool_put(mp, one);
	assert_int_equal(c->len, 33);
	assert_true(rte_mempool_full(mp));
	assert_int_equal(rte_mempool_get(mp, &objs[0]), 0);
	assert_ptr_equal(objs[0], one);
	rte_mempool_put(mp, objs[0]);

	/* Requests larger than the cache bypass it. */
	assert_int_equal(rte_mempool_get_bulk(mp, objs, 40), 0);
	assert_int_equal(c->len, 33);
	assert_int_equal(backend(mp), 1024 - 33 - 40);
	rte_mempool_put_bulk(mp, objs, 40);
	assert_int_equal(c->len, 33);
	assert_int_equal(backend(mp), 1024 - 33);

	rte_mempool_cache_flush(NULL, mp);
	assert_int_equal(c->len, 0);
	assert_int_equal(backend(mp), 1024);

	/* Over the flush threshold, the older objects go back to the backend. */
	assert_int_equal(rte_mempool_get_bulk(mp, objs, 32), 0);
	assert_int_equal(c->len, 32);
	assert_int_equal(rte_mempool_get_bulk(mp, objs + 32, 16), 0);
	assert_int_equal(c->len, 16);
	rte_mempool_put_bulk(mp, objs, 32);
	assert_int_equal(c->len, 48);
	rte_mempool_put_bulk(mp, objs + 32, 16);
	assert_int_equal(c->len, 16);
	assert_int_equal(backend(mp), 1024 - 16);
	assert_true(rte_mempool_full(mp));
	rte_mempool_audit(mp);
	rte_mempool_free(mp);
}

/* When the backend runs low, a get takes just what it needs; when too low, nothing. */
static void
test_cache_low_backend(void **state)
{
	void *held[1024], *objs[32];
	struct rte_mempool_cache *c;
	struct rte_mempool *mp;
	unsigned int nb_held = 0;

	(void)state;
	mp = make_pool("ut_cache_low", 1024, 64, 32, 0);
	c = rte_mempool_default_cache(mp, rte_lcore_id());
	/* Leave 10 objects in the backend, none in the cache. */
	while (backend(mp) > 10) {
		assert_int_equal(rte_mempool_generic_get(mp, &held[nb_held], 1, NULL), 0);
		nb_held++;
	}
	assert_int_equal(c->len, 0);
	assert_int_equal(rte_mempool_get_bulk(mp, objs, 20), -ENOENT);
	assert_int_equal(backend(mp), 10);
	assert_int_equal(rte_mempool_get_bulk(mp, objs, 8), 0);
	assert_int_equal(c->len, 0);
	assert_int_equal(backend(mp), 2);
	rte_mempool_put_bulk(mp, objs, 8);
	rte_mempool_generic_put(mp, held, nb_held, NULL);
	assert_true(rte_mempool_full(mp));
	rte_mempool_free(mp);
}

struct thread_check {
	struct rte_mempool *mp;
	unsigned int lcore;
	unsigned int backend_before, backend_after;
	int ret;
};

static void *
non_eal_thread(void *arg)
{
	struct thread_check *t = arg;
	void *obj;

	t->lcore = rte_lcore_id();
	t->backend_before = backend(t->mp);
	t->ret = rte_mempool_get(t->mp, &obj);
	t->backend_after = backend(t->mp);
	if (t->ret == 0)
		rte_mempool_put(t->mp, obj);
	return NULL;
}

static void
test_cache_non_eal_thread(void **state)
{
	struct thread_check t = { 0 };
	struct rte_mempool_cache *c;
	pthread_t th;
	unsigned int len;

	(void)state;
	t.mp = make_pool("ut_cache_thread", 256, 64, 16, 0);
	c = rte_mempool_default_cache(t.mp, rte_lcore_id());
	len = c->len;
	assert_int_equal(pthread_create(&th, NULL, non_eal_thread, &t), 0);
	assert_int_equal(pthread_join(th, NULL), 0);
	assert_int_equal(t.lcore, LCORE_ID_ANY);
	assert_int_equal(t.ret, 0);
	/* Exactly one object out of the backend: no cache refill. */
	assert_int_equal(t.backend_before - t.backend_after, 1);
	assert_int_equal(c->len, len);
	assert_true(rte_mempool_full(t.mp));
	rte_mempool_free(t.mp);
}

static void
test_user_cache(void **state)
{
	struct rte_mempool_cache *c;
	struct rte_mempool *mp;
	void *objs[4];

	(void)state;
	rte_errno = 0;
	assert_null(rte_mempool_cache_create(0, SOCKET_ID_ANY));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_mempool_cache_create(RTE_MEMPOOL_CACHE_MAX_SIZE + 1, SOCKET_ID_ANY));
	mp = make_pool("ut_user_cache", 256, 64, 0, 0);
	c = rte_mempool_cache_create(16, SOCKET_ID_ANY);
	assert_non_null(c);
	assert_int_equal(c->size, 16);
	assert_int_equal(rte_mempool_generic_get(mp, objs, 4, c), 0);
	assert_int_equal(c->len, 16);
	assert_int_equal(backend(mp), 256 - 20);
	rte_mempool_generic_put(mp, objs, 4, c);
	assert_int_equal(c->len, 20);
	/* A pool without caches counts only its backend: the user cache is the user's. */
	assert_int_equal(rte_mempool_avail_count(mp), 236);
	rte_mempool_cache_flush(c, mp);
	assert_int_equal(c->len, 0);
	assert_true(rte_mempool_full(mp));
	rte_mempool_cache_free(c);
	rte_mempool_free(mp);
}

struct cb_record {
	unsigned int mp_init_calls;
	uint32_t populated_at_mp_init;
	unsigned int obj_calls;
	bool order_ok;
	unsigned int mem_calls;
};

static void
record_mp_init(struct rte_mempool *mp, void *arg)
{
	struct cb_record *r = arg;

	r->mp_init_calls++;
	r->populated_at_mp_init = mp->populated_size;
}

static void
record_obj_init(struct rte_mempool *mp, void *arg, void *obj, unsigned int idx)
{
	struct cb_record *r = arg;

	(void)mp;
	if (idx != r->obj_calls)
		r->order_ok = false;
	*(uint32_t *)obj = idx * 3 + 1;
	r->obj_calls++;
}

static void
check_obj(struct rte_mempool *mp, void *arg, void *obj, unsigned int idx)
{
	struct cb_record *r = arg;
	rte_iova_t iova = rte_mem_virt2iova(obj);

	if (*(uint32_t *)obj != idx * 3 + 1 || rte_mempool_from_obj(obj) != mp ||
	    (iova != RTE_BAD_IOVA && rte_mempool_virt2iova(obj) != iova) ||
	    !rte_is_aligned(obj, RTE_CACHE_LINE_SIZE))
		r->order_ok = false;
	r->obj_calls++;
}

static void
count_mem(struct rte_mempool *mp, void *arg, struct rte_mempool_memhdr *hdr, unsigned int idx)
{
	struct cb_record *r = arg;

	if (hdr->mp != mp || idx != r->mem_calls || hdr->nb_objs == 0)
		r->order_ok = false;
	r->mem_calls++;
}

static void
test_callbacks_and_iterators(void **state)
{
	struct cb_record rec = { .order_ok = true };
	struct rte_mempool *mp;
	unsigned char *priv;

	(void)state;
	mp = rte_mempool_create("ut_cb", 500, 40, 16, 100, record_mp_init, &rec,
				record_obj_init, &rec, SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	assert_int_equal(rec.mp_init_calls, 1);
	assert_int_equal(rec.populated_at_mp_init, 0);
	assert_int_equal(rec.obj_calls, 500);
	assert_true(rec.order_ok);

	rec.obj_calls = 0;
	assert_int_equal(rte_mempool_obj_iter(mp, check_obj, &rec), 500);
	assert_int_equal(rec.obj_calls, 500);
	assert_true(rec.order_ok);
	assert_int_equal(rte_mempool_mem_iter(mp, count_mem, &rec), mp->nb_mem_chunks);
	assert_int_equal(rec.mem_calls, mp->nb_mem_chunks);
	assert_true(rec.order_ok);

	/* Private data: after the caches, rounded to a cache line, ours to write. */
	assert_int_equal(mp->private_data_size, 128);
	priv = rte_mempool_get_priv(mp);
	assert_ptr_equal(priv, (unsigned char *)mp + RTE_MEMPOOL_HEADER_SIZE(mp, 16));
	assert_true(rte_is_aligned(priv, RTE_CACHE_LINE_SIZE));
	memset(priv, 0xab, mp->private_data_size);
	assert_int_equal(mp->size, 500);
	rte_mempool_audit(mp);
	rte_mempool_free(mp);
}

static void
check_layout(unsigned int flags, uint32_t header, uint32_t trailer, unsigned int align)
{
	struct rte_mempool_objsz sz;
	struct rte_mempool *mp;
	void *a, *b;

	assert_int_equal(rte_mempool_calc_obj_size(100, flags, &sz), header + 100 + trailer);
	assert_int_equal(sz.header_size, header);
	assert_int_equal(sz.elt_size, 100);
	assert_int_equal(sz.trailer_size, trailer);
	assert_int_equal(sz.total_size, header + 100 + trailer);
	assert_int_equal(rte_mempool_calc_obj_size(100, flags, NULL), sz.total_size);
	mp = make_pool("ut_layout", 64, 100, 0, flags);
	assert_int_equal(mp->header_size, header);
	assert_int_equal(mp->trailer_size, trailer);
	assert_int_equal(rte_mempool_get(mp, &a), 0);
	assert_int_equal(rte_mempool_get(mp, &b), 0);
	assert_true(rte_is_aligned(a, align));
	assert_true(rte_is_aligned(b, align));
	assert_int_equal(RTE_PTR_DIFF(RTE_MAX(a, b), RTE_MIN(a, b)) % sz.total_size, 0);
	rte_mempool_put(mp, a);
	rte_mempool_put(mp, b);
	rte_mempool_free(mp);
}

static void
test_object_layout(void **state)
{
	(void)state;
	check_layout(0, 64, 28, RTE_CACHE_LINE_SIZE);
	check_layout(RTE_MEMPOOL_F_NO_CACHE_ALIGN, 16, 4, 8);
	check_layout(RTE_MEMPOOL_F_NO_IOVA_CONTIG | RTE_MEMPOOL_F_NO_SPREAD, 64, 28,
		     RTE_CACHE_LINE_SIZE);
}

static void
test_ops_by_name(void **state)
{
	struct rte_mempool_ops bad = { .name = "ut_bad_ops" };
	struct rte_mempool *mp;
	void *objs[10];

	(void)state;
	/* Registration errors. */
	assert_int_equal(rte_mempool_register_ops(&bad), -EINVAL);
	bad = ut_stack_ops;
	assert_int_equal(rte_mempool_register_ops(&bad), -EEXIST);
	bad.name[0] = '\0';
	assert_int_equal(rte_mempool_register_ops(&bad), -EINVAL);

	mp = rte_mempool_create_empty("ut_byname", 100, 64, 0, 0, SOCKET_ID_ANY, 0);
	assert_non_null(mp);
	assert_int_equal(mp->populated_size, 0);
	assert_int_equal(rte_mempool_avail_count(mp), 0);
	assert_int_equal(rte_mempool_set_ops_byname(mp, "no_such_ops", NULL), -EINVAL);
	assert_int_equal(rte_mempool_set_ops_byname(mp, "ut_stack", mp), 0);
	assert_string_equal(mp->ops_name, "ut_stack");
	assert_ptr_equal(mp->pool_config, mp);
	assert_int_equal(rte_mempool_populate_default(mp), 100);
	assert_int_equal(rte_mempool_populate_default(mp), -EEXIST);
	assert_int_equal(rte_mempool_set_ops_byname(mp, "ring_mp_mc", NULL), -EEXIST);
	assert_int_equal(stack_count(mp), 100);
	assert_int_equal(rte_mempool_get_bulk(mp, objs, 10), 0);
	assert_int_equal(stack_count(mp), 90);
	assert_int_equal(rte_mempool_in_use_count(mp), 10);
	rte_mempool_put_bulk(mp, objs, 10);
	assert_true(rte_mempool_full(mp));
	rte_mempool_audit(mp);
	rte_mempool_free(mp);
}

/* Run fn with logs going to a file; returns what was logged (free it). */
static char *
capture_log(void (*fn)(struct rte_mempool *), struct rte_mempool *mp)
{
	FILE *f = tmpfile();
	char *text;
	long len;

	assert_non_null(f);
	rte_openlog_stream(f);
	fn(mp);
	rte_openlog_stream(NULL);
	len = ftell(f);
	assert_true(len >= 0);
	text = calloc(1, (size_t)len + 1);
	assert_non_null(text);
	rewind(f);
	assert_int_equal(fread(text, 1, (size_t)len, f), (size_t)len);
	fclose(f);
	return text;
}

static void
do_lookup(struct rte_mempool *mp)
{
	assert_ptr_equal(rte_mempool_lookup(mp->name), mp);
}

static void
do_first_use(struct rte_mempool *mp)
{
	void *obj;

	/* As a process that has not used ops of this index yet. */
	rte_mempool_ops_table.checked[mp->ops_index] = 0;
	assert_int_equal(rte_mempool_get(mp, &obj), 0);
	rte_mempool_put(mp, obj);
	/* Checked once: no second message. */
	assert_int_equal(rte_mempool_get(mp, &obj), 0);
	rte_mempool_put(mp, obj);
}

/*
 * A pool made by a process whose ops table differs: simulated by changing
 * the name the pool recorded. Lookup and first use log the mismatch.
 */
static void
test_ops_check(void **state)
{
	struct rte_mempool *mp;
	char *log;

	(void)state;
	mp = make_pool("ut_ops_check", 64, 64, 0, 0);
	assert_int_equal(rte_mempool_check_ops(mp), 0);
	log = capture_log(do_lookup, mp);
	assert_string_equal(log, "");
	free(log);

	rte_strlcpy(mp->ops_name, "other_ops", sizeof(mp->ops_name));
	assert_int_equal(rte_mempool_check_ops(mp), -EINVAL);
	log = capture_log(do_lookup, mp);
	assert_text_has(log, "uses ops 'other_ops' at index", "has 'ring_mp_mc' there");
	free(log);
	log = capture_log(do_first_use, mp);
	assert_text_has(log, "uses ops 'other_ops'");
	assert_null(strstr(strstr(log, "other_ops") + 1, "uses ops"));
	free(log);

	rte_strlcpy(mp->ops_name, "ring_mp_mc", sizeof(mp->ops_name));
	assert_int_equal(rte_mempool_check_ops(mp), 0);
	rte_mempool_free(mp);
}

/* In a child (the pool is shared with it): damage, then audit; the child must die of it. */
static void
audit_must_panic(struct rte_mempool *mp, void (*damage)(struct rte_mempool *))
{
	int status;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		rte_openlog_stream(fopen("/dev/null", "w"));
		damage(mp);
		rte_mempool_audit(mp);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGABRT);
}

static void
smash_header(struct rte_mempool *mp)
{
	void *obj;

	if (rte_mempool_get(mp, &obj) == 0)
		rte_mempool_get_header(obj)->mp = NULL;
}

static void
put_twice(struct rte_mempool *mp)
{
	void *obj;

	if (rte_mempool_generic_get(mp, &obj, 1, NULL) == 0) {
		rte_mempool_generic_put(mp, &obj, 1, NULL);
		rte_mempool_put(mp, obj);
	}
}

static void
cache_garbage(struct rte_mempool *mp)
{
	struct rte_mempool_cache *c = rte_mempool_default_cache(mp, rte_lcore_id());
	static char not_an_object[64];

	c->objs[c->len++] = not_an_object + 8;
}

static void
test_audit(void **state)
{
	static void (*const damages[])(struct rte_mempool *) = {
		smash_header, put_twice, cache_garbage,
	};
	struct rte_mempool *mp;
	void *objs[10];
	unsigned int i;

	(void)state;
	/* Sound pools pass, with objects out and in the cache. */
	mp = make_pool("ut_audit", 256, 64, 16, 0);
	assert_int_equal(rte_mempool_get_bulk(mp, objs, 10), 0);
	rte_mempool_audit(mp);
	rte_mempool_put_bulk(mp, objs, 5);
	rte_mempool_audit(mp);
	rte_mempool_put_bulk(mp, objs + 5, 5);
	rte_mempool_free(mp);

	for (i = 0; i < RTE_DIM(damages); i++) {
		mp = make_pool("ut_audit_bad", 256, 64, 16, 0);
		audit_must_panic(mp, damages[i]);
		rte_mempool_free(mp);
	}
}

static void
count_pool(struct rte_mempool *mp, void *arg)
{
	if (strncmp(mp->name, "ut_walk_", 8) == 0)
		(*(unsigned int *)arg)++;
}

static void
test_walk_and_dump(void **state)
{
	struct rte_mempool *a, *b;
	unsigned int n = 0;
	struct test_capture cap;
	char *text;
	void *obj;
	FILE *f;

	(void)state;
	a = make_pool("ut_walk_a", 64, 64, 8, 0);
	b = make_pool("ut_walk_b", 32, 128, 0, RTE_MEMPOOL_F_SP_PUT);
	rte_mempool_walk(count_pool, &n);
	assert_int_equal(n, 2);
	assert_int_equal(rte_mempool_get(a, &obj), 0);
	f = test_capture_open(&cap);
	rte_mempool_dump(f, a);
	rte_mempool_list_dump(f);
	text = test_capture_close(&cap);
	assert_text_has(text, "mempool <ut_walk_a>", "mempool <ut_walk_b>", "<ring_mp_mc>",
			"<ring_sp_mc>", "in_use_count=1", "total_cache_count=");
	free(text);
	rte_mempool_put(a, obj);
	rte_mempool_free(a);
	rte_mempool_free(b);
}

/* Without an EAL there is nowhere to put a mempool. */
TEST_NO_EAL(mempool, rte_mempool_create("no_eal", 64, 64, 0, 0, NULL, NULL, NULL, NULL,
				       SOCKET_ID_ANY, 0),
	    rte_mempool_lookup("no_eal"))

static const struct CMUnitTest tests[] = {
	cmocka_unit_test_setup(test_create_lookup_free, setup),
	cmocka_unit_test_setup(test_create_errors, setup),
	cmocka_unit_test_setup(test_get_put_edges, setup),
	cmocka_unit_test_setup(test_ops_by_flags, setup),
	cmocka_unit_test_setup(test_cache_refill_and_flush, setup),
	cmocka_unit_test_setup(test_cache_low_backend, setup),
	cmocka_unit_test_setup(test_cache_non_eal_thread, setup),
	cmocka_unit_test_setup(test_user_cache, setup),
	cmocka_unit_test_setup(test_callbacks_and_iterators, setup),
	cmocka_unit_test_setup(test_object_layout, setup),
	cmocka_unit_test_setup(test_ops_by_name, setup),
	cmocka_unit_test_setup(test_ops_check, setup),
	cmocka_unit_test_setup(test_audit, setup),
	cmocka_unit_test_setup(test_walk_and_dump, setup),
	cmocka_unit_test(test_no_eal),
};

REGISTER_TEST_GROUP(mempool, tests);
