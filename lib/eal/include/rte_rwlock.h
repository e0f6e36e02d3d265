/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_RWLOCK_H_
#define _RTE_RWLOCK_H_

/**
 * @file
 * Reader-writer spinlocks (DPDK 22.11 API). A waiting writer stops new
 * readers from entering, so writers are not starved. The same caveat as
 * spinlocks holds for shared memory: never block while holding one.
 */

#include <errno.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_pause.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * cnt holds the number of readers in units of RTE_RWLOCK_READ, and in its
 * two low bits whether a writer holds the lock or waits for it.
 */
#define RTE_RWLOCK_WAIT  0x1
#define RTE_RWLOCK_WRITE 0x2
#define RTE_RWLOCK_MASK  (RTE_RWLOCK_WAIT | RTE_RWLOCK_WRITE)
#define RTE_RWLOCK_READ  0x4

typedef struct {
	int32_t cnt;
} rte_rwlock_t;

#define RTE_RWLOCK_INITIALIZER { 0 }

static inline void
rte_rwlock_init(rte_rwlock_t *rwl)
{
	rwl->cnt = 0;
}

static inline void
rte_rwlock_read_lock(rte_rwlock_t *rwl)
{
	int32_t x;

	for (;;) {
		while (__atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED) & RTE_RWLOCK_MASK)
			rte_pause();
		x = __atomic_add_fetch(&rwl->cnt, RTE_RWLOCK_READ, __ATOMIC_ACQUIRE);
		if (!(x & RTE_RWLOCK_MASK))
			return;
		/* A writer came first: step back and let it in. */
		__atomic_fetch_sub(&rwl->cnt, RTE_RWLOCK_READ, __ATOMIC_RELAXED);
	}
}

/** 0 when taken, -EBUSY when a writer holds or waits for the lock. */
static inline int
rte_rwlock_read_trylock(rte_rwlock_t *rwl)
{
	int32_t x = __atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED);

	if (x & RTE_RWLOCK_MASK)
		return -EBUSY;
	x = __atomic_add_fetch(&rwl->cnt, RTE_RWLOCK_READ, __ATOMIC_ACQUIRE);
	if (x & RTE_RWLOCK_MASK) {
		__atomic_fetch_sub(&rwl->cnt, RTE_RWLOCK_READ, __ATOMIC_RELEASE);
		return -EBUSY;
	}
	return 0;
}

static inline void
rte_rwlock_read_unlock(rte_rwlock_t *rwl)
{
	__atomic_fetch_sub(&rwl->cnt, RTE_RWLOCK_READ, __ATOMIC_RELEASE);
}

static inline void
rte_rwlock_write_lock(rte_rwlock_t *rwl)
{
	int32_t x;

	for (;;) {
		x = __atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED);
		/* No reader and no writer inside: take it, clearing WAIT. */
		if (x < RTE_RWLOCK_WRITE &&
		    __atomic_compare_exchange_n(&rwl->cnt, &x, RTE_RWLOCK_WRITE, 1,
						__ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return;
		if (!(x & RTE_RWLOCK_WAIT))
			__atomic_fetch_or(&rwl->cnt, RTE_RWLOCK_WAIT, __ATOMIC_RELAXED);
		while (__atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED) > RTE_RWLOCK_WAIT)
			rte_pause();
	}
}

/** 0 when taken, -EBUSY otherwise. */
static inline int
rte_rwlock_write_trylock(rte_rwlock_t *rwl)
{
	int32_t x = __atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED);

	if (x < RTE_RWLOCK_WRITE &&
	    __atomic_compare_exchange_n(&rwl->cnt, &x, x + RTE_RWLOCK_WRITE, 0,
					__ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return 0;
	return -EBUSY;
}

static inline void
rte_rwlock_write_unlock(rte_rwlock_t *rwl)
{
	__atomic_fetch_sub(&rwl->cnt, RTE_RWLOCK_WRITE, __ATOMIC_RELEASE);
}

static inline int
rte_rwlock_write_is_locked(rte_rwlock_t *rwl)
{
	return (__atomic_load_n(&rwl->cnt, __ATOMIC_RELAXED) & RTE_RWLOCK_WRITE) != 0;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RWLOCK_H_ */
