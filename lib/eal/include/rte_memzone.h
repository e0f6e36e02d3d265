/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_MEMZONE_H_
#define _RTE_MEMZONE_H_

/**
 * @file
 * Memzones: named areas of the group's shared memory (DPDK 22.11 API). A
 * memzone reserved in any process is found by name in every other, at the
 * same address. The table has RTE_MAX_MEMZONE entries.
 */

#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_memory.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Page-size requests; the group has one page size, so these only check it. */
#define RTE_MEMZONE_2MB            0x00000001
#define RTE_MEMZONE_1GB            0x00000002
#define RTE_MEMZONE_16MB           0x00000100
#define RTE_MEMZONE_16GB           0x00000200
#define RTE_MEMZONE_256KB          0x00010000
#define RTE_MEMZONE_256MB          0x00020000
#define RTE_MEMZONE_512MB          0x00040000
#define RTE_MEMZONE_4GB            0x00080000
#define RTE_MEMZONE_SIZE_HINT_ONLY 0x00000004 /**< any page size will do */
#define RTE_MEMZONE_IOVA_CONTIG    0x00100000 /**< must be IOVA-contiguous */

#define RTE_MEMZONE_NAMESIZE 32

struct rte_memzone {
	char name[RTE_MEMZONE_NAMESIZE];
	rte_iova_t iova;
	RTE_STD_C11
	union {
		void *addr;
		uint64_t addr_64;
	};
	size_t len;
	uint64_t hugepage_sz;
	int32_t socket_id;
	uint32_t flags;
} __rte_packed;

/**
 * Reserve len bytes (0: the largest free area) named name, cache-line
 * aligned. NULL with rte_errno: EINVAL (bad argument), ENAMETOOLONG,
 * EEXIST (name taken), ENOSPC (table full), ENOMEM (no memory).
 */
const struct rte_memzone *rte_memzone_reserve(const char *name, size_t len,
					      int socket_id, unsigned int flags);

/** As rte_memzone_reserve, aligned to align (a power of two). */
const struct rte_memzone *rte_memzone_reserve_aligned(const char *name, size_t len,
						      int socket_id, unsigned int flags,
						      unsigned int align);

/** As rte_memzone_reserve_aligned, not crossing a multiple of bound (0 or a power of two >= len). */
const struct rte_memzone *rte_memzone_reserve_bounded(const char *name, size_t len,
						      int socket_id, unsigned int flags,
						      unsigned int align, unsigned int bound);

/** Free a memzone (from any process); 0 or -EINVAL. */
int rte_memzone_free(const struct rte_memzone *mz);

/** The memzone named name, or NULL. */
const struct rte_memzone *rte_memzone_lookup(const char *name);

void rte_memzone_walk(void (*func)(const struct rte_memzone *, void *arg), void *arg);

void rte_memzone_dump(FILE *f);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMZONE_H_ */
