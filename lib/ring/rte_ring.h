/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_RING_H_
#define _RTE_RING_H_

/**
 * @file
 * Lock-free rings of pointers (DPDK 22.11 API), in the group's shared
 * memory: a ring created in one process is found by name with
 * rte_ring_lookup() in any other, at the same address, and all of them may
 * enqueue and dequeue at once (with the mp/mc flavours). Since the ring
 * holds pointers, what they point to must be valid in the process that
 * dequeues them: shared memory, or plain values cast to pointers.
 *
 * The flavours are those of rte_ring_elem.h with elements of
 * sizeof(void *).
 */

#include <stdio.h>
#include <stdint.h>
#include <sys/types.h>

#include <rte_common.h>
#include <rte_ring_core.h>
#include <rte_ring_elem.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Bytes needed for a ring of count pointers; -EINVAL as rte_ring_get_memsize_elem(). */
ssize_t rte_ring_get_memsize(unsigned int count);

/**
 * Initialise a ring in memory the caller provides (rte_ring_get_memsize()
 * bytes, cache-line aligned). Not registered: rte_ring_lookup() does not
 * find it and rte_ring_free() refuses it. 0, -EINVAL or -ENAMETOOLONG.
 */
int rte_ring_init(struct rte_ring *r, const char *name, unsigned int count,
		  unsigned int flags);

/**
 * Create a ring of count pointers: count must be a power of two (capacity
 * count - 1) unless flags has RING_F_EXACT_SZ (capacity count). Errors as
 * rte_ring_create_elem().
 */
struct rte_ring *rte_ring_create(const char *name, unsigned int count, int socket_id,
				 unsigned int flags);

/**
 * Unregister and free a ring made by rte_ring_create(); NULL is ignored.
 * No process may use the ring any more.
 */
void rte_ring_free(struct rte_ring *r);

/** Empty the ring. Not safe while anyone else uses it. */
void rte_ring_reset(struct rte_ring *r);

/** Print the ring's state. */
void rte_ring_dump(FILE *f, const struct rte_ring *r);

/** Print every registered ring. */
void rte_ring_list_dump(FILE *f);

/** The registered ring named name; NULL with rte_errno ENOENT when there is none. */
struct rte_ring *rte_ring_lookup(const char *name);

static __rte_always_inline unsigned int
rte_ring_mp_enqueue_bulk(struct rte_ring *r, void * const *obj_table, unsigned int n,
			 unsigned int *free_space)
{
	return rte_ring_mp_enqueue_bulk_elem(r, obj_table, sizeof(void *), n, free_space);
}

static __rte_always_inline unsigned int
rte_ring_sp_enqueue_bulk(struct rte_ring *r, void * const *obj_table, unsigned int n,
			 unsigned int *free_space)
{
	return rte_ring_sp_enqueue_bulk_elem(r, obj_table, sizeof(void *), n, free_space);
}

static __rte_always_inline unsigned int
rte_ring_enqueue_bulk(struct rte_ring *r, void * const *obj_table, unsigned int n,
		      unsigned int *free_space)
{
	return rte_ring_enqueue_bulk_elem(r, obj_table, sizeof(void *), n, free_space);
}

/** Enqueue one pointer; 0, or -ENOBUFS when the ring is full. */
static __rte_always_inline int
rte_ring_mp_enqueue(struct rte_ring *r, void *obj)
{
	return rte_ring_mp_enqueue_elem(r, &obj, sizeof(void *));
}

static __rte_always_inline int
rte_ring_sp_enqueue(struct rte_ring *r, void *obj)
{
	return rte_ring_sp_enqueue_elem(r, &obj, sizeof(void *));
}

static __rte_always_inline int
rte_ring_enqueue(struct rte_ring *r, void *obj)
{
	return rte_ring_enqueue_elem(r, &obj, sizeof(void *));
}

static __rte_always_inline unsigned int
rte_ring_mc_dequeue_bulk(struct rte_ring *r, void **obj_table, unsigned int n,
			 unsigned int *available)
{
	return rte_ring_mc_dequeue_bulk_elem(r, obj_table, sizeof(void *), n, available);
}

static __rte_always_inline unsigned int
rte_ring_sc_dequeue_bulk(struct rte_ring *r, void **obj_table, unsigned int n,
			 unsigned int *available)
{
	return rte_ring_sc_dequeue_bulk_elem(r, obj_table, sizeof(void *), n, available);
}

static __rte_always_inline unsigned int
rte_ring_dequeue_bulk(struct rte_ring *r, void **obj_table, unsigned int n,
		      unsigned int *available)
{
	return rte_ring_dequeue_bulk_elem(r, obj_table, sizeof(void *), n, available);
}

/** Dequeue one pointer into *obj_p; 0, or -ENOENT when the ring is empty. */
static __rte_always_inline int
rte_ring_mc_dequeue(struct rte_ring *r, void **obj_p)
{
	return rte_ring_mc_dequeue_elem(r, obj_p, sizeof(void *));
}

static __rte_always_inline int
rte_ring_sc_dequeue(struct rte_ring *r, void **obj_p)
{
	return rte_ring_sc_dequeue_elem(r, obj_p, sizeof(void *));
}

static __rte_always_inline int
rte_ring_dequeue(struct rte_ring *r, void **obj_p)
{
	return rte_ring_dequeue_elem(r, obj_p, sizeof(void *));
}

static __rte_always_inline unsigned int
rte_ring_mp_enqueue_burst(struct rte_ring *r, void * const *obj_table, unsigned int n,
			  unsigned int *free_space)
{
	return rte_ring_mp_enqueue_burst_elem(r, obj_table, sizeof(void *), n, free_space);
}

static __rte_always_inline unsigned int
rte_ring_sp_enqueue_burst(struct rte_ring *r, void * const *obj_table, unsigned int n,
			  unsigned int *free_space)
{
	return rte_ring_sp_enqueue_burst_elem(r, obj_table, sizeof(void *), n, free_space);
}

static __rte_always_inline unsigned int
rte_ring_enqueue_burst(struct rte_ring *r, void * const *obj_table, unsigned int n,
		       unsigned int *free_space)
{
	return rte_ring_enqueue_burst_elem(r, obj_table, sizeof(void *), n, free_space);
}

static __rte_always_inline unsigned int
rte_ring_mc_dequeue_burst(struct rte_ring *r, void **obj_table, unsigned int n,
			  unsigned int *available)
{
	return rte_ring_mc_dequeue_burst_elem(r, obj_table, sizeof(void *), n, available);
}

static __rte_always_inline unsigned int
rte_ring_sc_dequeue_burst(struct rte_ring *r, void **obj_table, unsigned int n,
			  unsigned int *available)
{
	return rte_ring_sc_dequeue_burst_elem(r, obj_table, sizeof(void *), n, available);
}

static __rte_always_inline unsigned int
rte_ring_dequeue_burst(struct rte_ring *r, void **obj_table, unsigned int n,
		       unsigned int *available)
{
	return rte_ring_dequeue_burst_elem(r, obj_table, sizeof(void *), n, available);
}

/**
 * Elements in the ring. A snapshot: with producers or consumers running,
 * it may be stale by the time it is used.
 */
static inline unsigned int
rte_ring_count(const struct rte_ring *r)
{
	/* cons first: prod.tail only grows, so the difference is never negative. */
	uint32_t cons_tail = __atomic_load_n(&r->cons.tail, __ATOMIC_ACQUIRE);
	uint32_t prod_tail = __atomic_load_n(&r->prod.tail, __ATOMIC_ACQUIRE);
	uint32_t count = prod_tail - cons_tail;

	return count > r->capacity ? r->capacity : count;
}

/** Free slots; a snapshot, as rte_ring_count(). */
static inline unsigned int
rte_ring_free_count(const struct rte_ring *r)
{
	return r->capacity - rte_ring_count(r);
}

static inline int
rte_ring_full(const struct rte_ring *r)
{
	return rte_ring_free_count(r) == 0;
}

static inline int
rte_ring_empty(const struct rte_ring *r)
{
	return __atomic_load_n(&r->prod.tail, __ATOMIC_ACQUIRE) ==
	       __atomic_load_n(&r->cons.tail, __ATOMIC_ACQUIRE);
}

/** Slots of the ring (a power of two). */
static inline unsigned int
rte_ring_get_size(const struct rte_ring *r)
{
	return r->size;
}

/** Elements the ring can hold. */
static inline unsigned int
rte_ring_get_capacity(const struct rte_ring *r)
{
	return r->capacity;
}

static inline enum rte_ring_sync_type
rte_ring_get_prod_sync_type(const struct rte_ring *r)
{
	return r->prod.sync_type;
}

static inline int
rte_ring_is_prod_single(const struct rte_ring *r)
{
	return r->prod.sync_type == RTE_RING_SYNC_ST;
}

static inline enum rte_ring_sync_type
rte_ring_get_cons_sync_type(const struct rte_ring *r)
{
	return r->cons.sync_type;
}

static inline int
rte_ring_is_cons_single(const struct rte_ring *r)
{
	return r->cons.sync_type == RTE_RING_SYNC_ST;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RING_H_ */
