/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <pthread.h>
#include <stdint.h>
#include <time.h>

#include <rte_common.h>
#include <rte_cycles.h>

/* Length of the calibration: long enough for 0.1% at nanosecond clocks. */
#define TSC_CALIBRATE_NS (10 * 1000 * 1000)

static uint64_t tsc_hz;
static pthread_once_t tsc_once = PTHREAD_ONCE_INIT;

static uint64_t
monotonic_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC_RAW, &ts);
	return (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
}

/*
 * Count cycles against the monotonic clock. Done on first use rather than
 * at init, so that processes that never ask pay nothing at start-up.
 */
static void
tsc_calibrate(void)
{
#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)
	uint64_t ns0, ns1, c0, c1;

	ns0 = monotonic_ns();
	c0 = rte_rdtsc_precise();
	do {
		ns1 = monotonic_ns();
	} while (ns1 - ns0 < TSC_CALIBRATE_NS);
	c1 = rte_rdtsc_precise();
	tsc_hz = (c1 - c0) * NS_PER_S / (ns1 - ns0);
#else
	tsc_hz = NS_PER_S; /* rte_rdtsc() counts nanoseconds here */
#endif
}

uint64_t
rte_get_tsc_hz(void)
{
	pthread_once(&tsc_once, tsc_calibrate);
	return tsc_hz;
}
