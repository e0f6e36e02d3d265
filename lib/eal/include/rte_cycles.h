/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_CYCLES_H_
#define _RTE_CYCLES_H_

/**
 * @file
 * Time-stamp counter and delays (DPDK 22.11 API).
 */

#include <stdint.h>
#include <time.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MS_PER_S 1000
#define US_PER_S 1000000
#define NS_PER_S 1000000000

/** The CPU's cycle counter (nanoseconds of CLOCK_MONOTONIC where there is none). */
static inline uint64_t
rte_rdtsc(void)
{
#if defined(__x86_64__) || defined(__i386__)
	return __builtin_ia32_rdtsc();
#elif defined(__aarch64__)
	uint64_t tsc;

	asm volatile("mrs %0, cntvct_el0" : "=r" (tsc));
	return tsc;
#else
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
#endif
}

/** rte_rdtsc() that no earlier memory access may pass. */
static inline uint64_t
rte_rdtsc_precise(void)
{
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	return rte_rdtsc();
}

static inline uint64_t
rte_get_tsc_cycles(void)
{
	return rte_rdtsc();
}

/** Cycles per second of rte_rdtsc(); measured once, on first use. */
uint64_t rte_get_tsc_hz(void);

static inline uint64_t
rte_get_timer_cycles(void)
{
	return rte_get_tsc_cycles();
}

static inline uint64_t
rte_get_timer_hz(void)
{
	return rte_get_tsc_hz();
}

/** Wait us microseconds; busy-waits by default (see rte_delay_us_callback_register). */
extern void (*rte_delay_us)(unsigned int us);

static inline void
rte_delay_ms(unsigned int ms)
{
	rte_delay_us(ms * 1000);
}

/** Busy-wait us microseconds. */
void rte_delay_us_block(unsigned int us);

/** Sleep us microseconds, giving the cpu away. */
void rte_delay_us_sleep(unsigned int us);

/** Replace what rte_delay_us() does. */
void rte_delay_us_callback_register(void (*userfunc)(unsigned int));

#ifdef __cplusplus
}
#endif

#endif /* _RTE_CYCLES_H_ */
