/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Mempools: cycles per object of rte_mempool_get_bulk + rte_mempool_put_bulk
 * of 32 objects, through the lcore cache and, for comparison, straight to
 * the ring. Medians over repeated runs.
 */

#include <stdio.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_mempool.h>

#include "bench.h"

#define RUNS 101
#define ROUNDS 2000
#define BULK 32

/* Median cycles per object of ROUNDS get_bulk + put_bulk pairs; -1 on error. */
static double
get_put(struct rte_mempool *mp)
{
	static double per_obj[RUNS];
	void *objs[BULK];
	unsigned int run, i;

	for (run = 0; run < RUNS; run++) {
		uint64_t start = rte_rdtsc_precise();

		for (i = 0; i < ROUNDS; i++) {
			if (rte_mempool_get_bulk(mp, objs, BULK) != 0)
				return -1;
			rte_mempool_put_bulk(mp, objs, BULK);
		}
		per_obj[run] = (double)(rte_rdtsc_precise() - start) / ((double)ROUNDS * BULK);
	}
	return bench_median(per_obj, RUNS);
}

static int
bench_mempool(void)
{
	static const struct {
		const char *name;
		unsigned int cache;
	} kinds[] = {
		{ "mempool get+put bulk 32, cache 256", 256 },
		{ "mempool get+put bulk 32, no cache", 0 },
	};
	struct rte_mempool *mp;
	unsigned int k;
	double v;

	if (bench_eal_init_once() != 0)
		return -1;
	for (k = 0; k < RTE_DIM(kinds); k++) {
		mp = rte_mempool_create("bench_mempool", 8191, 64, kinds[k].cache, 0, NULL, NULL,
					NULL, NULL, SOCKET_ID_ANY, 0);
		if (mp == NULL)
			return -1;
		v = get_put(mp);
		rte_mempool_free(mp);
		if (v < 0)
			return -1;
		bench_report(kinds[k].name, v, "cycles/obj");
	}
	return 0;
}
REGISTER_BENCH(mempool, bench_mempool);
