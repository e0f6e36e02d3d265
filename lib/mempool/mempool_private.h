/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef MEMPOOL_PRIVATE_H
#define MEMPOOL_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_mempool.h>

/* Stride between objects of mp. */
static inline uint32_t
mempool_obj_stride(const struct rte_mempool *mp)
{
	return mp->header_size + mp->elt_size + mp->trailer_size;
}

/* Object i of chunk hdr. */
static inline void *
mempool_chunk_obj(const struct rte_mempool *mp, const struct rte_mempool_memhdr *hdr,
		  uint32_t i)
{
	return RTE_PTR_ADD(hdr->addr, (size_t)i * mempool_obj_stride(mp) + mp->header_size);
}

/* Index of the ops named name in this process's table, or -1. */
int mempool_ops_find(const char *name);

/* Whether obj is the address of one of mp's objects (not just inside one). */
bool mempool_is_obj(const struct rte_mempool *mp, const void *obj);

/* Backend count plus every default cache's length, not clamped. */
uint64_t mempool_free_objs(const struct rte_mempool *mp);

#endif /* MEMPOOL_PRIVATE_H */
