/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_MALLOC_H_
#define _RTE_MALLOC_H_

/**
 * @file
 * The shared heap (DPDK 22.11 API). Memory from rte_malloc() is in the
 * group's shared memory: valid at the same address in every process, and
 * any process may free what another allocated. 'type' is accepted for
 * compatibility and ignored; align 0 means cache-line alignment, otherwise
 * a power of two. Failures return NULL with rte_errno = ENOMEM or EINVAL.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_memory.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_malloc_socket_stats {
	size_t heap_totalsz_bytes;  /**< total bytes of the heap */
	size_t heap_freesz_bytes;   /**< free bytes */
	size_t greatest_free_size;  /**< largest free block */
	unsigned int free_count;    /**< free blocks */
	unsigned int alloc_count;   /**< allocated blocks */
	size_t heap_allocsz_bytes;  /**< allocated bytes */
};

void *rte_malloc(const char *type, size_t size, unsigned int align)
	__rte_alloc_size(2);
void *rte_zmalloc(const char *type, size_t size, unsigned int align)
	__rte_alloc_size(2);
void *rte_calloc(const char *type, size_t num, size_t size, unsigned int align)
	__rte_alloc_size(2, 3);

/**
 * Resize ptr to size bytes, keeping its contents; in place when it can.
 * ptr NULL acts as rte_malloc; on failure NULL is returned and ptr is left
 * as it was.
 */
void *rte_realloc(void *ptr, size_t size, unsigned int align)
	__rte_alloc_size(2);

void *rte_malloc_socket(const char *type, size_t size, unsigned int align, int socket)
	__rte_alloc_size(2);
void *rte_zmalloc_socket(const char *type, size_t size, unsigned int align, int socket)
	__rte_alloc_size(2);
void *rte_calloc_socket(const char *type, size_t num, size_t size, unsigned int align,
			int socket)
	__rte_alloc_size(2, 3);
void *rte_realloc_socket(void *ptr, size_t size, unsigned int align, int socket)
	__rte_alloc_size(2);

/** Free memory from this heap; NULL is ignored, a pointer not from it is logged and ignored. */
void rte_free(void *ptr);

/** Usable size of an allocation; 0 for a pointer that is not one. */
size_t rte_malloc_usable_size(void *ptr);

/** IOVA of an address inside an allocation. */
rte_iova_t rte_malloc_virt2iova(const void *addr);

/** Statistics of the heap of a socket; 0, or -1 for an invalid socket. */
int rte_malloc_get_socket_stats(int socket, struct rte_malloc_socket_stats *socket_stats);

void rte_malloc_dump_stats(FILE *f, const char *type);
void rte_malloc_dump_heaps(FILE *f);

/**
 * Check the heap's structure: every block's header, the links between
 * neighbours, the free lists and the counters. 0 when sound, -1 otherwise
 * (with a log line saying what is wrong).
 */
int rte_malloc_validate(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MALLOC_H_ */
