/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef BENCH_H
#define BENCH_H

/*
 * lockstep-bench: each file measures one area and registers a section;
 * "lockstep-bench [--json] [SECTION...]" runs them (all by default) and
 * prints every figure as it is measured, then the table (or JSON).
 * Figures are medians over repeated runs.
 */

#include <stddef.h>
#include <stdint.h>

#include <rte_common.h>

struct bench_section {
	const char *name;
	int (*fn)(void);
	struct bench_section *next;
};

void bench_section_register(struct bench_section *s);

#define REGISTER_BENCH(sname, func) \
	static struct bench_section sname##_bench = { .name = #sname, .fn = func }; \
	RTE_INIT(sname##_bench_register) \
	{ \
		bench_section_register(&sname##_bench); \
	}

/* Record one figure. */
void bench_report(const char *name, double value, const char *unit);

/* The median of n values (sorts them). */
double bench_median(double *v, size_t n);

/* Nanoseconds per cycle of rte_rdtsc(). */
double bench_ns_per_cycle(void);

/* Initialise the EAL of the bench process itself once (no-huge, private prefix). */
int bench_eal_init_once(void);


/*
 * EAL arguments of a benchmark group's primary and secondaries: Lockstep
 * runs without hugepages; DPDK needs them for secondaries.
 */
extern const char *const *bench_primary_args;
extern const char *const *bench_secondary_args;

struct mp_proc;

/*
 * Start a primary and n secondaries (in sec) under a fresh prefix; the
 * primary, or NULL after logging why.
 */
struct mp_proc *bench_group_start(struct mp_proc **sec, unsigned int n);

#endif /* BENCH_H */
