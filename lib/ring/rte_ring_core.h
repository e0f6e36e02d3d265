/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_RING_CORE_H_
#define _RTE_RING_CORE_H_

/**
 * @file
 * The ring structure and its flags (DPDK 22.11 API). A ring is a
 * fixed-size FIFO of fixed-size elements that lives in shared memory, so
 * every process of the group can use it at the same address. It holds no
 * pointer into process-private memory.
 */

#include <stdint.h>

#include <rte_common.h>
#include <rte_memzone.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What to do when fewer elements than asked for can be moved. */
enum rte_ring_queue_behavior {
	RTE_RING_QUEUE_FIXED = 0, /**< move exactly n, or nothing */
	RTE_RING_QUEUE_VARIABLE,  /**< move as many as possible, up to n */
};

/** Prefix of the memzone that holds a ring created by rte_ring_create(). */
#define RTE_RING_MZ_PREFIX "RG_"

/** Longest ring name, terminating NUL included: the memzone name must fit. */
#define RTE_RING_NAMESIZE (RTE_MEMZONE_NAMESIZE - sizeof(RTE_RING_MZ_PREFIX) + 1)

/** How one side of a ring synchronises its users. */
enum rte_ring_sync_type {
	RTE_RING_SYNC_MT,  /**< several threads or processes at once */
	RTE_RING_SYNC_ST,  /**< one at a time */
};

/*
 * One side of the ring. head is where the next user of this side starts;
 * tail is what this side has finished and made visible to the other side.
 * Both only grow (modulo 2^32); slots are head & mask. Lock-free: MT users
 * claim [head, head + n) with a compare-and-swap and publish in order by
 * waiting for tail to reach their start.
 */
struct rte_ring_headtail {
	volatile uint32_t head;
	volatile uint32_t tail;
	RTE_STD_C11
	union {
		enum rte_ring_sync_type sync_type;
		uint32_t single; /**< non-zero for RTE_RING_SYNC_ST */
	};
};

/*
 * The ring header; the slots follow it. No lock: name, flags, memzone,
 * size, mask and capacity are written once at init, prod and cons are
 * updated with the atomics of rte_ring_elem_pvt.h. The two sides sit on
 * their own cache lines so that producers and consumers do not share one.
 */
struct rte_ring {
	char name[RTE_RING_NAMESIZE] __rte_cache_aligned;
	int flags;                       /**< RING_F_* given at creation */
	const struct rte_memzone *memzone; /**< NULL when made by rte_ring_init() */
	uint32_t size;                   /**< slots: a power of two */
	uint32_t mask;                   /**< size - 1 */
	uint32_t capacity;               /**< usable slots */

	char pad0 __rte_cache_aligned;
	struct rte_ring_headtail prod __rte_cache_aligned;
	char pad1 __rte_cache_aligned;
	struct rte_ring_headtail cons __rte_cache_aligned;
	char pad2 __rte_cache_aligned;
};

#define RING_F_SP_ENQ 0x0001   /**< default enqueue is single-producer */
#define RING_F_SC_DEQ 0x0002   /**< default dequeue is single-consumer */
/**
 * The ring holds exactly count elements: its size is the next power of two
 * above count, instead of count having to be a power of two (and the
 * capacity count - 1).
 */
#define RING_F_EXACT_SZ 0x0004

/** Largest size of a ring. */
#define RTE_RING_SZ_MASK (0x7fffffffU)

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_CORE_H_ */
