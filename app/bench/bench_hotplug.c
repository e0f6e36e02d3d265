/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Hotplug and start-up: how long rte_eal_init() takes in a primary and a
 * secondary, and how long attaching and detaching a net_null device takes,
 * from the primary and from a secondary, with 0, 1, 4 and 16 secondaries
 * following.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <rte_bus.h>
#include <rte_common.h>
#include <rte_dev.h>

#include "bench.h"
#include "mp_harness.h"

#define CYCLES 40

static double
us_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e6 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e3;
}

static int
cmd_bench_init_us(const char *args, char *reply, size_t size)
{
	RTE_SET_USED(args);
	snprintf(reply, size, "%llu", (unsigned long long)mp_eal_init_us);
	return 0;
}
REGISTER_MP_COMMAND(bench_init_us, cmd_bench_init_us);

/* "bench_hotplug N": attach and detach net_null0 N times; "attach_us detach_us" medians. */
static int
cmd_bench_hotplug(const char *args, char *reply, size_t size)
{
	double attach[CYCLES], detach[CYCLES];
	struct timespec t0;
	unsigned int n, i;
	int ret;

	if (sscanf(args, "%u", &n) != 1 || n == 0 || n > CYCLES)
		return snprintf(reply, size, "usage"), 0;
	for (i = 0; i < n; i++) {
		clock_gettime(CLOCK_MONOTONIC, &t0);
		ret = rte_dev_probe("net_null0");
		attach[i] = us_since(&t0);
		if (ret != 0)
			return snprintf(reply, size, "attach failed %d", ret), 0;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		ret = rte_eal_hotplug_remove("vdev", "net_null0");
		detach[i] = us_since(&t0);
		if (ret != 0)
			return snprintf(reply, size, "detach failed %d", ret), 0;
	}
	snprintf(reply, size, "%.1f %.1f", bench_median(attach, n), bench_median(detach, n));
	return 0;
}
REGISTER_MP_COMMAND(bench_hotplug, cmd_bench_hotplug);

static int
report_hotplug(struct mp_proc *p, const char *from, unsigned int n)
{
	char r[128], name[96];
	double a, d;

	if (mp_call(p, r, sizeof(r), "bench_hotplug %u", CYCLES) < 0 ||
	    sscanf(r, "%lf %lf", &a, &d) != 2) {
		fprintf(stderr, "bench hotplug from %s with %u secondaries: %s\n", from, n, r);
		return -1;
	}
	snprintf(name, sizeof(name), "attach net_null from %s, %u secondaries", from, n);
	bench_report(name, a, "us");
	snprintf(name, sizeof(name), "detach net_null from %s, %u secondaries", from, n);
	bench_report(name, d, "us");
	return 0;
}

static int
bench_init(void)
{
	double primary[5], secondary[5];
	struct mp_proc *p, *s;
	char r[64];
	unsigned int i;

	/* Medians of a few starts: the first one pays for cold caches. */
	for (i = 0; i < RTE_DIM(primary); i++) {
		p = bench_group_start(&s, 1);
		if (p == NULL || mp_call(p, r, sizeof(r), "bench_init_us") < 0)
			return -1;
		primary[i] = atof(r);
		if (mp_call(s, r, sizeof(r), "bench_init_us") < 0)
			return -1;
		secondary[i] = atof(r);
		mp_cleanup_all();
	}
	bench_report("rte_eal_init, primary", bench_median(primary, RTE_DIM(primary)) / 1000.0,
		     "ms");
	bench_report("rte_eal_init, secondary",
		     bench_median(secondary, RTE_DIM(secondary)) / 1000.0, "ms");
	return 0;
}
REGISTER_BENCH(init, bench_init);

static int
bench_hotplug(void)
{
	static const unsigned int counts[] = { 0, 1, 4, 16 };
	struct mp_proc *sec[16], *p;
	unsigned int i;
	int ret = 0;

	for (i = 0; i < RTE_DIM(counts); i++) {
		p = bench_group_start(sec, counts[i]);
		if (p == NULL)
			return -1;
		ret |= report_hotplug(p, "the primary", counts[i]);
		if (counts[i] > 0)
			ret |= report_hotplug(sec[0], "a secondary", counts[i]);
		mp_cleanup_all();
	}
	return ret;
}
REGISTER_BENCH(hotplug, bench_hotplug);
