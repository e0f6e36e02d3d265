/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef MALLOC_HEAP_H
#define MALLOC_HEAP_H

/*
 * The shared heap: one range of the group's memory cut into blocks. Each
 * block starts with a 64-byte header; blocks tile the range with no gap,
 * so a block's physical neighbours are found from its size (next) and its
 * prev pointer. Free blocks sit in segregated free lists by size
 * (power-of-two bins) and are always merged with free neighbours. Block
 * sizes are multiples of MALLOC_ELEM_HEADER_LEN. Everything, the heap
 * struct and every header, is protected by heap->lock.
 */

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/queue.h>

#include <rte_common.h>

#define MALLOC_ELEM_HEADER_LEN 64
#define MALLOC_NB_BINS 40

struct malloc_elem {
	uint64_t cookie;                  /* MALLOC_COOKIE ^ address: spots stray pointers */
	struct malloc_elem *prev;         /* physical predecessor, NULL for the first */
	size_t size;                      /* bytes from this header to the next block */
	uint32_t state;                   /* ELEM_FREE or ELEM_BUSY */
	uint32_t bin;                     /* free list it is on, when free */
	LIST_ENTRY(malloc_elem) free_list;
	size_t user_size;                 /* bytes asked for, when busy */
} __rte_aligned(MALLOC_ELEM_HEADER_LEN);

LIST_HEAD(malloc_elem_list, malloc_elem);

struct malloc_heap {
	pthread_mutex_t lock;
	struct malloc_elem *start;
	size_t len;
	int socket_id;
	struct malloc_elem_list bins[MALLOC_NB_BINS];
	size_t alloc_bytes;               /* sum of busy block sizes */
	unsigned int alloc_count;
	unsigned int free_count;
};

/* Primary, at init: the whole range becomes one free block. */
void malloc_heap_init(struct malloc_heap *heap, void *start, size_t len, int socket_id);

/*
 * size bytes aligned to align (a power of two >= 64), not crossing a
 * multiple of bound (0, or a power of two >= size). NULL with rte_errno
 * ENOMEM when no block fits.
 */
void *malloc_heap_alloc(struct malloc_heap *heap, size_t size, size_t align, size_t bound);

/* Free what malloc_heap_alloc returned; -EINVAL for anything else. */
int malloc_heap_free(struct malloc_heap *heap, void *data);

/* Resize in place if possible: true when done. */
bool malloc_heap_resize(struct malloc_heap *heap, void *data, size_t size);

/* The block holding data as returned by malloc_heap_alloc, or NULL. */
struct malloc_elem *malloc_heap_elem(struct malloc_heap *heap, const void *data);

/* Bytes usable at data, 0 if data is not an allocation. */
size_t malloc_heap_usable_size(struct malloc_heap *heap, const void *data);

/* Size of the largest free block's data area. */
size_t malloc_heap_largest_free(struct malloc_heap *heap);

struct malloc_heap_stats {
	size_t total, free_bytes, greatest_free, alloc_bytes;
	unsigned int free_count, alloc_count;
};

void malloc_heap_get_stats(struct malloc_heap *heap, struct malloc_heap_stats *st);

/* Check every block and list; 0 when sound, -1 after logging the first fault. */
int malloc_heap_validate(struct malloc_heap *heap);

void malloc_heap_dump(struct malloc_heap *heap, FILE *f);

#endif /* MALLOC_HEAP_H */
