/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_SPINLOCK_H_
#define _RTE_SPINLOCK_H_

/**
 * @file
 * Spinlocks (DPDK 22.11 API). They work in shared memory across processes,
 * but a process that dies holding one leaves it held: hold them only for
 * short sections that never block.
 */

#include <rte_common.h>
#include <rte_pause.h>
#include <rte_eal.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct {
	volatile int locked; /**< 0 unlocked, 1 locked */
} rte_spinlock_t;

#define RTE_SPINLOCK_INITIALIZER { 0 }

static inline void
rte_spinlock_init(rte_spinlock_t *sl)
{
	sl->locked = 0;
}

static inline void
rte_spinlock_lock(rte_spinlock_t *sl)
{
	int expected = 0;

	while (!__atomic_compare_exchange_n(&sl->locked, &expected, 1, 0,
					    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
		/* Wait on a plain load so the line is not bounced between cpus. */
		rte_wait_until_equal_32((volatile uint32_t *)(uintptr_t)&sl->locked,
					0, __ATOMIC_RELAXED);
		expected = 0;
	}
}

static inline void
rte_spinlock_unlock(rte_spinlock_t *sl)
{
	__atomic_store_n(&sl->locked, 0, __ATOMIC_RELEASE);
}

/** 1 when the lock was taken, 0 when it is held elsewhere. */
static inline int
rte_spinlock_trylock(rte_spinlock_t *sl)
{
	int expected = 0;

	return __atomic_compare_exchange_n(&sl->locked, &expected, 1, 0,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static inline int
rte_spinlock_is_locked(rte_spinlock_t *sl)
{
	return __atomic_load_n(&sl->locked, __ATOMIC_ACQUIRE);
}

/** A spinlock the holding thread may take again. */
typedef struct {
	rte_spinlock_t sl;
	volatile int user;  /**< kernel tid of the holder, -1 when free */
	volatile int count; /**< how many times the holder took it */
} rte_spinlock_recursive_t;

#define RTE_SPINLOCK_RECURSIVE_INITIALIZER { RTE_SPINLOCK_INITIALIZER, -1, 0 }

static inline void
rte_spinlock_recursive_init(rte_spinlock_recursive_t *slr)
{
	rte_spinlock_init(&slr->sl);
	slr->user = -1;
	slr->count = 0;
}

static inline void
rte_spinlock_recursive_lock(rte_spinlock_recursive_t *slr)
{
	int id = rte_gettid();

	if (slr->user != id) {
		rte_spinlock_lock(&slr->sl);
		slr->user = id;
	}
	slr->count++;
}

static inline void
rte_spinlock_recursive_unlock(rte_spinlock_recursive_t *slr)
{
	if (--slr->count == 0) {
		slr->user = -1;
		rte_spinlock_unlock(&slr->sl);
	}
}

static inline int
rte_spinlock_recursive_trylock(rte_spinlock_recursive_t *slr)
{
	int id = rte_gettid();

	if (slr->user != id) {
		if (rte_spinlock_trylock(&slr->sl) == 0)
			return 0;
		slr->user = id;
	}
	slr->count++;
	return 1;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_SPINLOCK_H_ */
