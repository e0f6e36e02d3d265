/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_RING_ELEM_PVT_H_
#define _RTE_RING_ELEM_PVT_H_

/*
 * The ring's hot path, shared by every enqueue and dequeue flavour. Not an
 * API: include rte_ring.h or rte_ring_elem.h.
 *
 * Ordering. A producer claims slots by moving prod.head, writes them, then
 * publishes them by storing prod.tail with release semantics; a consumer
 * reads prod.tail with acquire semantics before it reads the slots, so it
 * sees what the producer wrote. The other direction is symmetric: the
 * consumer's release store of cons.tail, after it read its slots, pairs
 * with the producer's acquire load of cons.tail before it overwrites them.
 * Producers of an MT side publish in the order they claimed: each waits
 * for tail to reach the start of its claim (an acquire load, so that the
 * earlier producer's slot writes are part of what it then releases).
 */

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_pause.h>
#include <rte_ring_core.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Copy n elements of esize bytes from src to dst. */
static __rte_always_inline void
__rte_ring_copy_elems(void *dst, const void *src, uint32_t esize, uint32_t n)
{
	uint32_t i;

	/* The common sizes as a loop the compiler unrolls when esize is constant. */
	if (esize == sizeof(uint64_t)) {
		for (i = 0; i < n; i++)
			memcpy((uint64_t *)dst + i, (const uint64_t *)src + i, sizeof(uint64_t));
	} else if (esize == sizeof(uint32_t)) {
		for (i = 0; i < n; i++)
			memcpy((uint32_t *)dst + i, (const uint32_t *)src + i, sizeof(uint32_t));
	} else {
		memcpy(dst, src, (size_t)n * esize);
	}
}

static __rte_always_inline void
__rte_ring_enqueue_elems(struct rte_ring *r, uint32_t head, const void *obj_table,
			 uint32_t esize, uint32_t n)
{
	uint32_t idx = head & r->mask;
	uint32_t first = RTE_MIN(n, r->size - idx);
	char *slots = (char *)&r[1];

	__rte_ring_copy_elems(slots + (size_t)idx * esize, obj_table, esize, first);
	if (unlikely(first < n))
		__rte_ring_copy_elems(slots, (const char *)obj_table + (size_t)first * esize,
				      esize, n - first);
}

static __rte_always_inline void
__rte_ring_dequeue_elems(struct rte_ring *r, uint32_t head, void *obj_table,
			 uint32_t esize, uint32_t n)
{
	uint32_t idx = head & r->mask;
	uint32_t first = RTE_MIN(n, r->size - idx);
	const char *slots = (const char *)&r[1];

	__rte_ring_copy_elems(obj_table, slots + (size_t)idx * esize, esize, first);
	if (unlikely(first < n))
		__rte_ring_copy_elems((char *)obj_table + (size_t)first * esize, slots,
				      esize, n - first);
}

/*
 * Claim up to n slots on side 'own', given how many the other side leaves
 * ('room' computes it from the other side's tail). Returns how many were
 * claimed (0 for a FIXED request that cannot be met) and the claim's start
 * in *old_head; *avail is what was available when the claim was made.
 */
static __rte_always_inline uint32_t
__rte_ring_move_head(struct rte_ring_headtail *own, const struct rte_ring_headtail *other,
		     uint32_t capacity, int is_prod, unsigned int is_st, uint32_t n,
		     enum rte_ring_queue_behavior behavior, uint32_t *old_head,
		     uint32_t *avail)
{
	uint32_t want = n, other_tail;
	bool claimed;

	/*
	 * Acquire on head: the other side's tail we read next is at least as
	 * new as the one the previous claimer of this side read, so the room
	 * computed below never exceeds what really is free.
	 */
	*old_head = __atomic_load_n(&own->head, __ATOMIC_ACQUIRE);
	do {
		other_tail = __atomic_load_n(&other->tail, __ATOMIC_ACQUIRE);
		/* Unsigned arithmetic: right across the 2^32 wrap of the indexes. */
		*avail = is_prod ? capacity + other_tail - *old_head : other_tail - *old_head;
		n = want;
		if (unlikely(n > *avail))
			n = behavior == RTE_RING_QUEUE_FIXED ? 0 : *avail;
		if (n == 0)
			return 0;
		if (is_st) {
			own->head = *old_head + n;
			claimed = true;
		} else {
			claimed = __atomic_compare_exchange_n(&own->head, old_head, *old_head + n,
					false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
		}
	} while (unlikely(!claimed));
	return n;
}

/* Publish [old_head, new_head) to the other side, in claim order. */
static __rte_always_inline void
__rte_ring_update_tail(struct rte_ring_headtail *ht, uint32_t old_head, uint32_t new_head,
		       unsigned int is_st)
{
	if (!is_st) {
		while (__atomic_load_n(&ht->tail, __ATOMIC_ACQUIRE) != old_head)
			rte_pause();
	}
	__atomic_store_n(&ht->tail, new_head, __ATOMIC_RELEASE);
}

static __rte_always_inline unsigned int
__rte_ring_do_enqueue_elem(struct rte_ring *r, const void *obj_table, unsigned int esize,
			   unsigned int n, enum rte_ring_queue_behavior behavior,
			   unsigned int is_sp, unsigned int *free_space)
{
	uint32_t head, free_entries;

	n = __rte_ring_move_head(&r->prod, &r->cons, r->capacity, 1, is_sp, n, behavior,
				 &head, &free_entries);
	if (n != 0) {
		__rte_ring_enqueue_elems(r, head, obj_table, esize, n);
		__rte_ring_update_tail(&r->prod, head, head + n, is_sp);
	}
	if (free_space != NULL)
		*free_space = free_entries - n;
	return n;
}

static __rte_always_inline unsigned int
__rte_ring_do_dequeue_elem(struct rte_ring *r, void *obj_table, unsigned int esize,
			   unsigned int n, enum rte_ring_queue_behavior behavior,
			   unsigned int is_sc, unsigned int *available)
{
	uint32_t head, entries;

	n = __rte_ring_move_head(&r->cons, &r->prod, r->capacity, 0, is_sc, n, behavior,
				 &head, &entries);
	if (n != 0) {
		__rte_ring_dequeue_elems(r, head, obj_table, esize, n);
		__rte_ring_update_tail(&r->cons, head, head + n, is_sc);
	}
	if (available != NULL)
		*available = entries - n;
	return n;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_ELEM_PVT_H_ */
