/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/* The shared heap: cost of rte_malloc + rte_free, and what an idle secondary costs. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_malloc.h>

#include "bench.h"
#include "mp_harness.h"

#define BATCHES 2000
#define PER_BATCH 100

/* Median ns of one rte_malloc + rte_free pair of size bytes, over batches. */
static double
malloc_free_ns(size_t size)
{
	static double per_pair[BATCHES];
	unsigned int b, i;

	for (b = 0; b < BATCHES; b++) {
		uint64_t start = rte_rdtsc_precise();

		for (i = 0; i < PER_BATCH; i++) {
			void *p = rte_malloc(NULL, size, 0);

			if (p == NULL)
				return -1;
			rte_free(p);
		}
		per_pair[b] = (double)(rte_rdtsc_precise() - start) / PER_BATCH;
	}
	return bench_median(per_pair, BATCHES) * bench_ns_per_cycle();
}

static int
bench_malloc(void)
{
	static const size_t sizes[] = { 64, 1024, 64 * 1024 };
	char name[64];
	unsigned int i;

	if (bench_eal_init_once() != 0)
		return -1;
	for (i = 0; i < RTE_DIM(sizes); i++) {
		double ns = malloc_free_ns(sizes[i]);

		if (ns < 0)
			return -1;
		snprintf(name, sizeof(name), "rte_malloc+rte_free %zu B (median)", sizes[i]);
		bench_report(name, ns, "ns");
	}
	return 0;
}
REGISTER_BENCH(malloc, bench_malloc);

/* VmRSS of a process, in kB; -1 when unreadable. */
static long
rss_kb(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "VmRSS: %ld kB", &kb) == 1)
			break;
	}
	fclose(f);
	return kb;
}

/* Resident memory of a primary and of an idle secondary. */
static int
bench_idle_rss(void)
{
	struct mp_proc *p, *s;
	char reply[64];

	p = bench_group_start(&s, 1);
	if (p == NULL)
		return -1;
	/* A round trip, so that the secondary is done starting. */
	if (mp_call(s, reply, sizeof(reply), "ping") < 0)
		return -1;
	bench_report("resident memory, idle primary", (double)rss_kb(p->pid), "kB");
	bench_report("resident memory, idle secondary", (double)rss_kb(s->pid), "kB");
	mp_quit(s);
	mp_quit(p);
	return 0;
}
REGISTER_BENCH(idle_rss, bench_idle_rss);
