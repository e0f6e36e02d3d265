/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_PREFETCH_H_
#define _RTE_PREFETCH_H_

/**
 * @file
 * Prefetch hints (DPDK 22.11 API): ask the CPU to start loading a cache
 * line that will be used soon. They never fault, whatever the address.
 */

#ifdef __cplusplus
extern "C" {
#endif

/** Into all cache levels. */
static inline void
rte_prefetch0(const volatile void *p)
{
	__builtin_prefetch((const void *)p, 0, 3);
}

/** Into the levels above L1. */
static inline void
rte_prefetch1(const volatile void *p)
{
	__builtin_prefetch((const void *)p, 0, 2);
}

/** Into the levels above L2. */
static inline void
rte_prefetch2(const volatile void *p)
{
	__builtin_prefetch((const void *)p, 0, 1);
}

/** For one use: keep it out of the caches as far as possible. */
static inline void
rte_prefetch_non_temporal(const volatile void *p)
{
	__builtin_prefetch((const void *)p, 0, 0);
}

/* The same, for data about to be written. */
static inline void
rte_prefetch0_write(const void *p)
{
	__builtin_prefetch(p, 1, 3);
}

static inline void
rte_prefetch1_write(const void *p)
{
	__builtin_prefetch(p, 1, 2);
}

static inline void
rte_prefetch2_write(const void *p)
{
	__builtin_prefetch(p, 1, 1);
}

/** Hint that a line may move closer to other cores; a no-op here. */
static inline void
rte_cldemote(const volatile void *p)
{
	(void)p;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_PREFETCH_H_ */
