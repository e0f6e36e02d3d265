/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_PAUSE_H_
#define _RTE_PAUSE_H_

/**
 * @file
 * CPU pause hint for spin loops, and spin-waits on a memory location.
 */

#include <stdint.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Tell the CPU the caller is spinning. */
static inline void
rte_pause(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#elif defined(__aarch64__)
	asm volatile("yield" ::: "memory");
#else
	rte_compiler_barrier();
#endif
}

/* Spin until *addr equals expected; memorder is __ATOMIC_RELAXED or __ATOMIC_ACQUIRE. */
static __rte_always_inline void
rte_wait_until_equal_16(volatile uint16_t *addr, uint16_t expected, int memorder)
{
	while (__atomic_load_n(addr, memorder) != expected)
		rte_pause();
}

static __rte_always_inline void
rte_wait_until_equal_32(volatile uint32_t *addr, uint32_t expected, int memorder)
{
	while (__atomic_load_n(addr, memorder) != expected)
		rte_pause();
}

static __rte_always_inline void
rte_wait_until_equal_64(volatile uint64_t *addr, uint64_t expected, int memorder)
{
	while (__atomic_load_n(addr, memorder) != expected)
		rte_pause();
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_PAUSE_H_ */
