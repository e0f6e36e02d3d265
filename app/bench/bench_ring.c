/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Rings: cycles per object of an enqueue and a dequeue in bulks of 8 and
 * 32, SP/SC and MP/MC, in one thread (the cost of the operations alone)
 * and across two threads (a producer and a consumer, cache lines moving
 * between cores). Medians over repeated runs.
 *
 * The two threads are pinned to two different CPUs, as two lcores would
 * be: left to the scheduler, they sometimes share one CPU and take turns,
 * which makes the figure several times smaller or larger from run to run.
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* the DPDK build of this file: for CPU affinity */
#endif
#include <pthread.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_pause.h>
#include <rte_ring.h>

#include "bench.h"
#include "mp_harness.h"

#define RUNS 101
#define ROUNDS 2000            /* enqueue + dequeue pairs per run */
#define TWO_THREAD_RUNS 11
#define TWO_THREAD_OBJS (1u << 20)

static void *objs[32];

static unsigned int
enqueue(struct rte_ring *r, bool single, unsigned int n)
{
	return single ? rte_ring_sp_enqueue_bulk(r, objs, n, NULL) :
			rte_ring_mp_enqueue_bulk(r, objs, n, NULL);
}

static unsigned int
dequeue(struct rte_ring *r, bool single, void **out, unsigned int n)
{
	return single ? rte_ring_sc_dequeue_bulk(r, out, n, NULL) :
			rte_ring_mc_dequeue_bulk(r, out, n, NULL);
}

/* One thread: enqueue n then dequeue n, ROUNDS times; median cycles per object. */
static double
one_thread(struct rte_ring *r, bool single, unsigned int n)
{
	static double per_obj[RUNS];
	void *out[32];
	unsigned int run, i;

	for (run = 0; run < RUNS; run++) {
		uint64_t start = rte_rdtsc_precise();

		for (i = 0; i < ROUNDS; i++) {
			enqueue(r, single, n);
			dequeue(r, single, out, n);
		}
		per_obj[run] = (double)(rte_rdtsc_precise() - start) / ((double)ROUNDS * n);
	}
	return bench_median(per_obj, RUNS);
}

struct producer {
	struct rte_ring *r;
	bool single;
	unsigned int n;
	int cpu;               /* -1: wherever the scheduler puts it */
};

static void
pin_self(int cpu)
{
	cpu_set_t set;

	if (cpu < 0)
		return;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
}

static void *
produce(void *arg)
{
	struct producer *p = arg;
	unsigned int sent = 0;

	pin_self(p->cpu);

	while (sent < TWO_THREAD_OBJS) {
		if (enqueue(p->r, p->single, p->n) != 0)
			sent += p->n;
		else
			rte_pause();
	}
	return NULL;
}

/* A producer thread and this thread consuming; median cycles per object, -1 on error. */
static double
two_threads(struct rte_ring *r, bool single, unsigned int n)
{
	static double per_obj[TWO_THREAD_RUNS];
	struct producer p = { .r = r, .single = single, .n = n, .cpu = -1 };
	unsigned int run, got;
	cpu_set_t saved;
	void *out[32];
	pthread_t th;
	int consumer_cpu = mp_cpu(0);

	pthread_getaffinity_np(pthread_self(), sizeof(saved), &saved);
	if (mp_cpu(1) >= 0) {
		p.cpu = mp_cpu(1);
		pin_self(consumer_cpu);
	}
	for (run = 0; run < TWO_THREAD_RUNS; run++) {
		uint64_t start = rte_rdtsc_precise();

		if (pthread_create(&th, NULL, produce, &p) != 0)
			return -1;
		for (got = 0; got < TWO_THREAD_OBJS; ) {
			if (dequeue(r, single, out, n) != 0)
				got += n;
			else
				rte_pause();
		}
		pthread_join(th, NULL);
		per_obj[run] = (double)(rte_rdtsc_precise() - start) / TWO_THREAD_OBJS;
	}
	pthread_setaffinity_np(pthread_self(), sizeof(saved), &saved);
	return bench_median(per_obj, TWO_THREAD_RUNS);
}

static int
bench_ring(void)
{
	static const unsigned int bulks[] = { 8, 32 };
	static const struct {
		const char *name;
		unsigned int flags;
	} kinds[] = {
		{ "SP/SC", RING_F_SP_ENQ | RING_F_SC_DEQ },
		{ "MP/MC", 0 },
	};
	char name[64];
	unsigned int k, b;

	if (bench_eal_init_once() != 0)
		return -1;
	for (k = 0; k < RTE_DIM(kinds); k++) {
		bool single = kinds[k].flags != 0;
		struct rte_ring *r = rte_ring_create("bench_ring", 1024, SOCKET_ID_ANY,
						     kinds[k].flags);

		if (r == NULL)
			return -1;
		for (b = 0; b < RTE_DIM(bulks); b++) {
			snprintf(name, sizeof(name), "ring %s bulk %u enq+deq, 1 thread",
				 kinds[k].name, bulks[b]);
			bench_report(name, one_thread(r, single, bulks[b]), "cycles/obj");
		}
		for (b = 0; b < RTE_DIM(bulks); b++) {
			double v = two_threads(r, single, bulks[b]);

			if (v < 0) {
				rte_ring_free(r);
				return -1;
			}
			snprintf(name, sizeof(name), "ring %s bulk %u, producer+consumer threads",
				 kinds[k].name, bulks[b]);
			bench_report(name, v, "cycles/obj");
		}
		rte_ring_free(r);
	}
	return 0;
}
REGISTER_BENCH(ring, bench_ring);
