/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>

#include "eal_memcfg.h"
#include "malloc_heap.h"

#define HDR MALLOC_ELEM_HEADER_LEN
#define MALLOC_COOKIE 0x4c4f434b53544550ULL /* "LOCKSTEP" */
#define ELEM_FREE 0x45455246u /* "FREE" */
#define ELEM_BUSY 0x59535542u /* "BUSY" */
/* A tail is split off only if it can hold a header and some data. */
#define MIN_SPLIT (2 * HDR)

static inline uint64_t
cookie_of(const struct malloc_elem *e)
{
	return MALLOC_COOKIE ^ (uintptr_t)e;
}

static inline void *
elem_data(struct malloc_elem *e)
{
	return RTE_PTR_ADD(e, HDR);
}

static inline size_t
elem_data_len(const struct malloc_elem *e)
{
	return e->size - HDR;
}

static inline void *
heap_end(const struct malloc_heap *heap)
{
	return RTE_PTR_ADD(heap->start, heap->len);
}

static inline struct malloc_elem *
elem_next(const struct malloc_heap *heap, struct malloc_elem *e)
{
	struct malloc_elem *n = RTE_PTR_ADD(e, e->size);

	return (void *)n == heap_end(heap) ? NULL : n;
}

/* Bin b holds free blocks of size [64 << b, 64 << (b + 1)); the last bin the rest. */
static unsigned int
bin_of(size_t size)
{
	unsigned int b = rte_fls_u64(size / HDR) - 1;

	return RTE_MIN(b, (unsigned int)MALLOC_NB_BINS - 1);
}

static void
elem_init(struct malloc_elem *e, struct malloc_elem *prev, size_t size)
{
	e->cookie = cookie_of(e);
	e->prev = prev;
	e->size = size;
	e->state = ELEM_FREE;
	e->user_size = 0;
}

static void
free_list_insert(struct malloc_heap *heap, struct malloc_elem *e)
{
	e->state = ELEM_FREE;
	e->bin = bin_of(e->size);
	LIST_INSERT_HEAD(&heap->bins[e->bin], e, free_list);
	heap->free_count++;
}

static void
free_list_remove(struct malloc_heap *heap, struct malloc_elem *e)
{
	LIST_REMOVE(e, free_list);
	heap->free_count--;
}

/* Cut e at offset off: e keeps [0, off), a new free block gets the rest. */
static struct malloc_elem *
elem_split(struct malloc_heap *heap, struct malloc_elem *e, size_t off)
{
	struct malloc_elem *tail = RTE_PTR_ADD(e, off);
	struct malloc_elem *next = elem_next(heap, e);

	elem_init(tail, e, e->size - off);
	e->size = off;
	if (next != NULL)
		next->prev = tail;
	return tail;
}

/* Absorb the physically next block n into e. */
static void
elem_join_next(struct malloc_heap *heap, struct malloc_elem *e, struct malloc_elem *n)
{
	struct malloc_elem *after = elem_next(heap, n);

	e->size += n->size;
	if (after != NULL)
		after->prev = e;
	n->cookie = 0; /* a stale pointer to it must not pass as a block */
}

static int heap_check(struct malloc_heap *heap);

static void
heap_lock(struct malloc_heap *heap)
{
	if (eal_shared_lock(&heap->lock, "heap") && heap_check(heap) < 0)
		RTE_LOG(ERR, MALLOC, "the heap was left inconsistent by a process that died in "
			"the allocator\n");
}

static void
heap_unlock(struct malloc_heap *heap)
{
	eal_shared_unlock(&heap->lock);
}

void
malloc_heap_init(struct malloc_heap *heap, void *start, size_t len, int socket_id)
{
	unsigned int i;

	memset(heap, 0, sizeof(*heap));
	eal_shared_lock_init(&heap->lock, false);
	heap->start = start;
	heap->len = RTE_ALIGN_FLOOR(len, (size_t)HDR);
	heap->socket_id = socket_id;
	for (i = 0; i < MALLOC_NB_BINS; i++)
		LIST_INIT(&heap->bins[i]);
	elem_init(heap->start, NULL, heap->len);
	free_list_insert(heap, heap->start);
}

/* Where in free block e an allocation would start, or NULL if it does not fit. */
static void *
elem_fit(const struct malloc_elem *e, size_t need, size_t align, size_t bound)
{
	uintptr_t data = RTE_ALIGN_CEIL((uintptr_t)e + HDR, align);
	uintptr_t end = (uintptr_t)e + e->size;

	if (bound != 0 && data / bound != (data + need - 1) / bound)
		data = RTE_ALIGN_CEIL(data, bound);
	if (data + need > end || data + need < data)
		return NULL;
	return (void *)data;
}

/* Turn free block e into a busy one holding need bytes at data. */
static void *
elem_take(struct malloc_heap *heap, struct malloc_elem *e, void *data, size_t need,
	  size_t user_size)
{
	struct malloc_elem *busy = RTE_PTR_SUB(data, HDR);
	size_t rest;

	free_list_remove(heap, e);
	if (busy != e) {
		/* The aligned start left a gap in front: it stays a free block. */
		busy = elem_split(heap, e, RTE_PTR_DIFF(busy, e));
		free_list_insert(heap, e);
	}
	rest = busy->size - HDR - need;
	if (rest >= MIN_SPLIT)
		free_list_insert(heap, elem_split(heap, busy, HDR + need));
	busy->state = ELEM_BUSY;
	busy->user_size = user_size;
	heap->alloc_count++;
	heap->alloc_bytes += busy->size;
	return data;
}

void *
malloc_heap_alloc(struct malloc_heap *heap, size_t size, size_t align, size_t bound)
{
	size_t need = RTE_ALIGN_CEIL(size, (size_t)HDR);
	struct malloc_elem *e;
	unsigned int b;
	void *data = NULL;

	if (size == 0 || need < size || (bound != 0 && need > bound)) {
		rte_errno = EINVAL;
		return NULL;
	}
	heap_lock(heap);
	/* First fit, from the bin of the smallest block that could hold it. */
	for (b = bin_of(need + HDR); b < MALLOC_NB_BINS && data == NULL; b++) {
		LIST_FOREACH(e, &heap->bins[b], free_list) {
			data = elem_fit(e, need, align, bound);
			if (data != NULL) {
				elem_take(heap, e, data, need, size);
				break;
			}
		}
	}
	heap_unlock(heap);
	if (data == NULL)
		rte_errno = ENOMEM;
	return data;
}

/* Called with the lock held. */
static struct malloc_elem *
elem_of(struct malloc_heap *heap, const void *data)
{
	struct malloc_elem *e = RTE_PTR_SUB(data, HDR);

	if ((uintptr_t)data % HDR != 0 || (void *)e < (void *)heap->start ||
	    (const void *)data >= heap_end(heap))
		return NULL;
	if (e->cookie != cookie_of(e) || e->state != ELEM_BUSY)
		return NULL;
	return e;
}

struct malloc_elem *
malloc_heap_elem(struct malloc_heap *heap, const void *data)
{
	struct malloc_elem *e;

	heap_lock(heap);
	e = elem_of(heap, data);
	heap_unlock(heap);
	return e;
}

size_t
malloc_heap_usable_size(struct malloc_heap *heap, const void *data)
{
	struct malloc_elem *e;
	size_t len = 0;

	heap_lock(heap);
	e = elem_of(heap, data);
	if (e != NULL)
		len = elem_data_len(e);
	heap_unlock(heap);
	return len;
}

int
malloc_heap_free(struct malloc_heap *heap, void *data)
{
	struct malloc_elem *e, *n;

	heap_lock(heap);
	e = elem_of(heap, data);
	if (e == NULL) {
		heap_unlock(heap);
		return -EINVAL;
	}
	heap->alloc_count--;
	heap->alloc_bytes -= e->size;
	e->state = ELEM_FREE;
	e->user_size = 0;
	n = elem_next(heap, e);
	if (n != NULL && n->state == ELEM_FREE) {
		free_list_remove(heap, n);
		elem_join_next(heap, e, n);
	}
	if (e->prev != NULL && e->prev->state == ELEM_FREE) {
		n = e;
		e = e->prev;
		free_list_remove(heap, e);
		elem_join_next(heap, e, n);
	}
	free_list_insert(heap, e);
	heap_unlock(heap);
	return 0;
}

bool
malloc_heap_resize(struct malloc_heap *heap, void *data, size_t size)
{
	size_t need = RTE_ALIGN_CEIL(size, (size_t)HDR);
	struct malloc_elem *e, *n;
	bool done = false;

	if (size == 0 || need < size)
		return false;
	heap_lock(heap);
	e = elem_of(heap, data);
	if (e == NULL)
		goto out;
	heap->alloc_bytes -= e->size;
	n = elem_next(heap, e);
	if (need > elem_data_len(e) && n != NULL && n->state == ELEM_FREE &&
	    elem_data_len(e) + n->size >= need) {
		free_list_remove(heap, n);
		elem_join_next(heap, e, n);
	}
	if (need <= elem_data_len(e)) {
		if (elem_data_len(e) - need >= MIN_SPLIT) {
			struct malloc_elem *tail = elem_split(heap, e, HDR + need);

			/* The tail may border a free block: merge them. */
			n = elem_next(heap, tail);
			if (n != NULL && n->state == ELEM_FREE) {
				free_list_remove(heap, n);
				elem_join_next(heap, tail, n);
			}
			free_list_insert(heap, tail);
		}
		e->user_size = size;
		done = true;
	}
	heap->alloc_bytes += e->size;
out:
	heap_unlock(heap);
	return done;
}

size_t
malloc_heap_largest_free(struct malloc_heap *heap)
{
	struct malloc_heap_stats st;

	malloc_heap_get_stats(heap, &st);
	return st.greatest_free;
}

void
malloc_heap_get_stats(struct malloc_heap *heap, struct malloc_heap_stats *st)
{
	struct malloc_elem *e;
	unsigned int b;

	memset(st, 0, sizeof(*st));
	heap_lock(heap);
	st->total = heap->len;
	st->alloc_bytes = heap->alloc_bytes;
	st->alloc_count = heap->alloc_count;
	st->free_count = heap->free_count;
	st->free_bytes = heap->len - heap->alloc_bytes;
	for (b = 0; b < MALLOC_NB_BINS; b++) {
		LIST_FOREACH(e, &heap->bins[b], free_list)
			st->greatest_free = RTE_MAX(st->greatest_free, elem_data_len(e));
	}
	heap_unlock(heap);
}

#define VALIDATE_FAIL(...) do { \
	RTE_LOG(ERR, MALLOC, "heap check: " __VA_ARGS__); \
	return -1; \
} while (0)

/* Called with the lock held. */
static int
heap_check(struct malloc_heap *heap)
{
	struct malloc_elem *e, *prev = NULL;
	unsigned int nfree = 0, nbusy = 0, listed = 0, b;
	size_t busy_bytes = 0;

	for (e = heap->start; e != NULL; prev = e, e = elem_next(heap, e)) {
		if (e->cookie != cookie_of(e))
			VALIDATE_FAIL("bad header at %p\n", (void *)e);
		if (e->prev != prev)
			VALIDATE_FAIL("block %p has prev %p, expected %p\n",
				      (void *)e, (void *)e->prev, (void *)prev);
		if (e->size < HDR || e->size % HDR != 0 ||
		    RTE_PTR_ADD(e, e->size) > heap_end(heap))
			VALIDATE_FAIL("block %p has bad size %zu\n", (void *)e, e->size);
		if (e->state == ELEM_FREE) {
			if (prev != NULL && prev->state == ELEM_FREE)
				VALIDATE_FAIL("free blocks %p and %p not merged\n",
					      (void *)prev, (void *)e);
			nfree++;
		} else if (e->state == ELEM_BUSY) {
			if (e->user_size > elem_data_len(e))
				VALIDATE_FAIL("block %p holds %zu bytes in %zu\n", (void *)e,
					      e->user_size, elem_data_len(e));
			nbusy++;
			busy_bytes += e->size;
		} else {
			VALIDATE_FAIL("block %p has bad state 0x%x\n", (void *)e, e->state);
		}
	}
	for (b = 0; b < MALLOC_NB_BINS; b++) {
		LIST_FOREACH(e, &heap->bins[b], free_list) {
			if (e->cookie != cookie_of(e) || e->state != ELEM_FREE || e->bin != b ||
			    bin_of(e->size) != b)
				VALIDATE_FAIL("free list %u holds bad block %p\n", b, (void *)e);
			if (++listed > nfree)
				VALIDATE_FAIL("free list %u has more blocks than the heap\n", b);
		}
	}
	if (listed != nfree || nfree != heap->free_count)
		VALIDATE_FAIL("%u free blocks, %u listed, %u counted\n",
			      nfree, listed, heap->free_count);
	if (nbusy != heap->alloc_count || busy_bytes != heap->alloc_bytes)
		VALIDATE_FAIL("%u busy blocks of %zu bytes, counters say %u and %zu\n",
			      nbusy, busy_bytes, heap->alloc_count, heap->alloc_bytes);
	return 0;
}

int
malloc_heap_validate(struct malloc_heap *heap)
{
	int ret;

	heap_lock(heap);
	ret = heap_check(heap);
	heap_unlock(heap);
	return ret;
}

void
malloc_heap_dump(struct malloc_heap *heap, FILE *f)
{
	struct malloc_elem *e;

	heap_lock(heap);
	fprintf(f, "heap at %p, %zu bytes, socket %d\n", (void *)heap->start, heap->len,
		heap->socket_id);
	for (e = heap->start; e != NULL; e = elem_next(heap, e))
		fprintf(f, "  %p %10zu %s\n", elem_data(e), elem_data_len(e),
			e->state == ELEM_FREE ? "free" : "busy");
	heap_unlock(heap);
}
