/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Memzones, tailqs and memsegs in one process: reserve, look up, free,
 * alignment and boundaries, a full table, bad names, and the errors each
 * gives.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_memory.h>
#include <rte_memzone.h>
#include <rte_tailq.h>

#include "test.h"

static int
setup(void **state)
{
	(void)state;
	return test_eal_init_once();
}

static void
count_zone(const struct rte_memzone *mz, void *arg)
{
	(void)mz;
	(*(unsigned int *)arg)++;
}

static unsigned int
zone_count(void)
{
	unsigned int n = 0;

	rte_memzone_walk(count_zone, &n);
	return n;
}

static void
test_reserve_lookup_free(void **state)
{
	const struct rte_memzone *mz, *again;
	unsigned int before = zone_count();

	(void)state;
	mz = rte_memzone_reserve("mz_basic", 10000, SOCKET_ID_ANY, 0);
	assert_non_null(mz);
	assert_string_equal(mz->name, "mz_basic");
	assert_int_equal(mz->len, 10000);
	assert_true(rte_is_aligned(mz->addr, RTE_CACHE_LINE_SIZE));
	assert_int_equal(mz->iova, rte_mem_virt2iova(mz->addr));
	memset(mz->addr, 0x5a, mz->len);
	assert_ptr_equal(rte_memzone_lookup("mz_basic"), mz);
	assert_int_equal(zone_count(), before + 1);

	again = rte_memzone_reserve("mz_basic", 100, SOCKET_ID_ANY, 0);
	assert_null(again);
	assert_int_equal(rte_errno, EEXIST);

	assert_int_equal(rte_memzone_free(mz), 0);
	assert_null(rte_memzone_lookup("mz_basic"));
	assert_int_equal(rte_memzone_free(mz), -EINVAL);
	assert_int_equal(rte_memzone_free(NULL), -EINVAL);
	assert_int_equal(zone_count(), before);
	assert_int_equal(rte_malloc_validate(), 0);
}

static void
test_aligned_and_bounded(void **state)
{
	static const unsigned int aligns[] = { 64, 256, 4096, 1 << 16, 1 << 20 };
	const struct rte_memzone *mz;
	char name[RTE_MEMZONE_NAMESIZE];
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(aligns); i++) {
		snprintf(name, sizeof(name), "mz_align_%u", aligns[i]);
		mz = rte_memzone_reserve_aligned(name, 1000, SOCKET_ID_ANY, 0, aligns[i]);
		assert_non_null(mz);
		assert_true(rte_is_aligned(mz->addr, aligns[i]));
		assert_int_equal(rte_memzone_free(mz), 0);
	}
	/* 3000 bytes within 4 KiB windows: never across a multiple of 4096. */
	for (i = 0; i < 16; i++) {
		snprintf(name, sizeof(name), "mz_bound_%u", i);
		mz = rte_memzone_reserve_bounded(name, 3000, SOCKET_ID_ANY, 0, 64, 4096);
		assert_non_null(mz);
		assert_int_equal((uintptr_t)mz->addr / 4096,
				 ((uintptr_t)mz->addr + mz->len - 1) / 4096);
	}
	for (i = 0; i < 16; i++) {
		snprintf(name, sizeof(name), "mz_bound_%u", i);
		assert_int_equal(rte_memzone_free(rte_memzone_lookup(name)), 0);
	}
	assert_null(rte_memzone_reserve_aligned("mz_bad_align", 100, SOCKET_ID_ANY, 0, 3));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_memzone_reserve_bounded("mz_bad_bound", 100, SOCKET_ID_ANY, 0, 64, 96));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_memzone_reserve_bounded("mz_small_bound", 8192, SOCKET_ID_ANY, 0, 64,
						 4096));
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_malloc_validate(), 0);
}

static void
test_bad_names_and_args(void **state)
{
	char long_name[RTE_MEMZONE_NAMESIZE + 1];
	const struct rte_memzone *mz;

	(void)state;
	memset(long_name, 'x', RTE_MEMZONE_NAMESIZE);
	long_name[RTE_MEMZONE_NAMESIZE] = '\0';
	assert_null(rte_memzone_reserve(long_name, 100, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, ENAMETOOLONG);
	/* One character shorter fits. */
	long_name[RTE_MEMZONE_NAMESIZE - 1] = '\0';
	mz = rte_memzone_reserve(long_name, 100, SOCKET_ID_ANY, 0);
	assert_non_null(mz);
	assert_int_equal(rte_memzone_free(mz), 0);

	assert_null(rte_memzone_reserve("", 100, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_memzone_reserve(NULL, 100, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_memzone_reserve("mz_socket", 100, RTE_MAX_NUMA_NODES, 0));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_memzone_reserve("mz_flags", 100, SOCKET_ID_ANY, 0x80000000));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_memzone_reserve("mz_huge", SIZE_MAX / 2, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, ENOMEM);
	assert_null(rte_memzone_lookup(NULL));
	assert_null(rte_memzone_lookup("no such zone"));
}

/* Without hugepages, a demand for 1 GB pages fails unless it is only a hint. */
static void
test_page_size_flags(void **state)
{
	const struct rte_memzone *mz;

	(void)state;
	assert_false(rte_eal_has_hugepages());
	assert_null(rte_memzone_reserve("mz_1g", 4096, SOCKET_ID_ANY, RTE_MEMZONE_1GB));
	assert_int_equal(rte_errno, ENOMEM);
	mz = rte_memzone_reserve("mz_1g_hint", 4096, SOCKET_ID_ANY,
				 RTE_MEMZONE_1GB | RTE_MEMZONE_SIZE_HINT_ONLY);
	assert_non_null(mz);
	assert_int_equal(rte_memzone_free(mz), 0);
	/* IOVA is VA here, so every zone is IOVA-contiguous. */
	mz = rte_memzone_reserve("mz_contig", 1 << 20, SOCKET_ID_ANY, RTE_MEMZONE_IOVA_CONTIG);
	assert_non_null(mz);
	assert_int_equal(rte_memzone_free(mz), 0);
}

/* len 0: the largest free area; it is then all taken. */
static void
test_largest_zone(void **state)
{
	struct rte_malloc_socket_stats s;
	const struct rte_memzone *mz;

	(void)state;
	mz = rte_memzone_reserve("mz_all", 0, SOCKET_ID_ANY, 0);
	assert_non_null(mz);
	assert_true(mz->len > 0);
	assert_int_equal(rte_malloc_get_socket_stats(0, &s), 0);
	assert_true(s.greatest_free_size < mz->len);
	assert_int_equal(rte_memzone_free(mz), 0);
}

/* Fill the table: the next reservation fails with ENOSPC, freeing one makes room. */
static void
test_table_full(void **state)
{
	const struct rte_memzone **zones = calloc(RTE_MAX_MEMZONE, sizeof(*zones));
	char name[RTE_MEMZONE_NAMESIZE];
	unsigned int first = zone_count(), n, i;

	(void)state;
	assert_non_null(zones);
	for (n = zone_count(); n < RTE_MAX_MEMZONE; n++) {
		snprintf(name, sizeof(name), "mz_fill_%u", n);
		zones[n] = rte_memzone_reserve(name, 64, SOCKET_ID_ANY, 0);
		assert_non_null(zones[n]);
	}
	assert_null(rte_memzone_reserve("mz_one_too_many", 64, SOCKET_ID_ANY, 0));
	assert_int_equal(rte_errno, ENOSPC);
	assert_int_equal(zone_count(), RTE_MAX_MEMZONE);
	assert_int_equal(rte_memzone_free(zones[first]), 0);
	zones[first] = rte_memzone_reserve("mz_fill_again", 64, SOCKET_ID_ANY, 0);
	assert_non_null(zones[first]);
	for (i = first; i < n; i++)
		assert_int_equal(rte_memzone_free(zones[i]), 0);
	free(zones);
	assert_int_equal(rte_malloc_validate(), 0);
}

static void
test_dump(void **state)
{
	const struct rte_memzone *mz;
	struct test_capture cap;
	char *buf;

	(void)state;
	mz = rte_memzone_reserve("mz_dumped", 128, SOCKET_ID_ANY, 0);
	assert_non_null(mz);
	rte_memzone_dump(test_capture_open(&cap));
	buf = test_capture_close(&cap);
	assert_text_has(buf, "name:<mz_dumped>");
	free(buf);
	assert_int_equal(rte_memzone_free(mz), 0);
}

static struct rte_tailq_elem test_tailq = {
	.name = "test_tailq",
};
EAL_REGISTER_TAILQ(test_tailq)

static void
test_tailqs(void **state)
{
	static struct rte_tailq_elem late = { .name = "test_tailq_late" };
	static struct rte_tailq_elem dup = { .name = "test_tailq" };
	struct rte_tailq_entry_head *list;
	struct rte_tailq_entry *e;
	struct test_capture cap;
	char *buf;

	(void)state;
	/* Registered by a constructor, given its shared head at init. */
	assert_non_null(test_tailq.head);
	assert_ptr_equal(rte_eal_tailq_lookup("test_tailq"), test_tailq.head);
	list = RTE_TAILQ_CAST(test_tailq.head, rte_tailq_entry_head);
	e = rte_zmalloc(NULL, sizeof(*e), 0);
	assert_non_null(e);
	rte_mcfg_tailq_write_lock();
	TAILQ_INSERT_TAIL(list, e, next);
	rte_mcfg_tailq_write_unlock();
	assert_ptr_equal(TAILQ_FIRST(&test_tailq.head->tailq_head), e);

	/* Registered after init: attached at once. A name taken twice is refused. */
	assert_int_equal(rte_eal_tailq_register(&late), 0);
	assert_non_null(late.head);
	assert_int_equal(rte_eal_tailq_register(&dup), -1);
	assert_int_equal(rte_errno, EEXIST);
	assert_null(rte_eal_tailq_lookup("no_such_tailq"));

	rte_dump_tailq(test_capture_open(&cap));
	buf = test_capture_close(&cap);
	assert_text_has(buf, "qname:<test_tailq>, entries:1");
	free(buf);

	rte_mcfg_tailq_write_lock();
	TAILQ_REMOVE(list, e, next);
	rte_mcfg_tailq_write_unlock();
	rte_free(e);
}

static int
count_seg(const struct rte_memseg_list *msl, const struct rte_memseg *ms, void *arg)
{
	size_t *total = arg;

	assert_true(RTE_PTR_DIFF(ms->addr, msl->base_va) < msl->len);
	*total += ms->len;
	return 0;
}

/* Without hugepages: IOVA is VA, and one memseg covers the heap. */
static void
test_memsegs(void **state)
{
	size_t total = 0;
	void *p;
	struct rte_memseg *ms;
	struct test_capture cap;
	char *buf;

	(void)state;
	assert_int_equal(rte_eal_iova_mode(), RTE_IOVA_VA);
	assert_int_equal(rte_memseg_walk(count_seg, &total), 0);
	assert_int_equal(total, rte_eal_get_physmem_size());
	p = rte_malloc(NULL, 100, 0);
	assert_non_null(p);
	assert_int_equal(rte_mem_virt2iova(p), (uintptr_t)p);
	assert_int_equal(rte_malloc_virt2iova(p), (uintptr_t)p);
	ms = rte_mem_virt2memseg(p, NULL);
	assert_non_null(ms);
	assert_true(p >= ms->addr && RTE_PTR_DIFF(p, ms->addr) < ms->len);
	assert_int_equal(ms->iova, (uintptr_t)ms->addr);
	assert_null(rte_mem_virt2memseg(&total, NULL));
	assert_null(rte_mem_virt2memseg_list(&total));
	rte_free(p);

	rte_dump_physmem_layout(test_capture_open(&cap));
	buf = test_capture_close(&cap);
	assert_text_has(buf, "Segment 0:");
	free(buf);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test_setup(test_reserve_lookup_free, setup),
	cmocka_unit_test_setup(test_aligned_and_bounded, setup),
	cmocka_unit_test_setup(test_bad_names_and_args, setup),
	cmocka_unit_test_setup(test_page_size_flags, setup),
	cmocka_unit_test_setup(test_largest_zone, setup),
	cmocka_unit_test_setup(test_table_full, setup),
	cmocka_unit_test_setup(test_dump, setup),
	cmocka_unit_test_setup(test_tailqs, setup),
	cmocka_unit_test_setup(test_memsegs, setup),
};

REGISTER_TEST_GROUP(memzone, tests);
