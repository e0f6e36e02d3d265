/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_memory.h>

#include "eal_memcfg.h"
#include "malloc_heap.h"

/*
 * The API over the one shared heap. Sockets are accepted and checked but
 * all memory comes from the same heap: the group's memory is one file, not
 * one per NUMA node.
 */

static struct malloc_heap *
heap(void)
{
	struct eal_shared_config *cfg = eal_shared_config();

	return cfg != NULL ? &cfg->heap : NULL;
}

static bool
socket_valid(int socket)
{
	return socket == SOCKET_ID_ANY || (socket >= 0 && socket < RTE_MAX_NUMA_NODES);
}

void *
rte_malloc_socket(const char *type, size_t size, unsigned int align, int socket)
{
	struct malloc_heap *h = heap();

	RTE_SET_USED(type);
	if (h == NULL) {
		rte_errno = E_RTE_NO_CONFIG;
		return NULL;
	}
	if (size == 0 || (align != 0 && !rte_is_power_of_2(align)) || !socket_valid(socket)) {
		rte_errno = EINVAL;
		return NULL;
	}
	return malloc_heap_alloc(h, size, RTE_MAX((size_t)align, (size_t)RTE_CACHE_LINE_SIZE), 0);
}

void *
rte_malloc(const char *type, size_t size, unsigned int align)
{
	return rte_malloc_socket(type, size, align, SOCKET_ID_ANY);
}

void *
rte_zmalloc_socket(const char *type, size_t size, unsigned int align, int socket)
{
	void *p = rte_malloc_socket(type, size, align, socket);

	if (p != NULL)
		memset(p, 0, size);
	return p;
}

void *
rte_zmalloc(const char *type, size_t size, unsigned int align)
{
	return rte_zmalloc_socket(type, size, align, SOCKET_ID_ANY);
}

void *
rte_calloc_socket(const char *type, size_t num, size_t size, unsigned int align, int socket)
{
	size_t total;

	if (__builtin_mul_overflow(num, size, &total)) {
		rte_errno = EINVAL;
		return NULL;
	}
	return rte_zmalloc_socket(type, total, align, socket);
}

void *
rte_calloc(const char *type, size_t num, size_t size, unsigned int align)
{
	return rte_calloc_socket(type, num, size, align, SOCKET_ID_ANY);
}

void *
rte_realloc_socket(void *ptr, size_t size, unsigned int align, int socket)
{
	struct malloc_heap *h = heap();
	size_t old_len;
	void *p;

	if (ptr == NULL)
		return rte_malloc_socket(NULL, size, align, socket);
	if (h == NULL || size == 0 || (align != 0 && !rte_is_power_of_2(align)) ||
	    !socket_valid(socket)) {
		rte_errno = EINVAL;
		return NULL;
	}
	old_len = malloc_heap_usable_size(h, ptr);
	if (old_len == 0) {
		RTE_LOG(ERR, MALLOC, "rte_realloc: %p was not allocated by rte_malloc\n", ptr);
		rte_errno = EINVAL;
		return NULL;
	}
	if (rte_is_aligned(ptr, RTE_MAX(align, (unsigned int)RTE_CACHE_LINE_SIZE)) &&
	    malloc_heap_resize(h, ptr, size))
		return ptr;
	p = rte_malloc_socket(NULL, size, align, socket);
	if (p == NULL)
		return NULL;
	memcpy(p, ptr, RTE_MIN(old_len, size));
	malloc_heap_free(h, ptr);
	return p;
}

void *
rte_realloc(void *ptr, size_t size, unsigned int align)
{
	return rte_realloc_socket(ptr, size, align, SOCKET_ID_ANY);
}

void
rte_free(void *ptr)
{
	struct malloc_heap *h = heap();

	if (ptr == NULL)
		return;
	if (h == NULL || malloc_heap_free(h, ptr) < 0)
		RTE_LOG(ERR, MALLOC, "rte_free: %p was not allocated by rte_malloc\n", ptr);
}

size_t
rte_malloc_usable_size(void *ptr)
{
	struct malloc_heap *h = heap();

	return h != NULL && ptr != NULL ? malloc_heap_usable_size(h, ptr) : 0;
}

rte_iova_t
rte_malloc_virt2iova(const void *addr)
{
	return rte_mem_virt2iova(addr);
}

int
rte_malloc_get_socket_stats(int socket, struct rte_malloc_socket_stats *s)
{
	struct malloc_heap *h = heap();
	struct malloc_heap_stats st;

	if (h == NULL || s == NULL || socket < 0 || socket >= RTE_MAX_NUMA_NODES)
		return -1;
	memset(s, 0, sizeof(*s));
	if (socket != h->socket_id)
		return 0; /* no heap on that socket */
	malloc_heap_get_stats(h, &st);
	s->heap_totalsz_bytes = st.total;
	s->heap_freesz_bytes = st.free_bytes;
	s->greatest_free_size = st.greatest_free;
	s->free_count = st.free_count;
	s->alloc_count = st.alloc_count;
	s->heap_allocsz_bytes = st.alloc_bytes;
	return 0;
}

void
rte_malloc_dump_stats(FILE *f, const char *type)
{
	struct rte_malloc_socket_stats s;
	struct malloc_heap *h = heap();

	RTE_SET_USED(type);
	if (h == NULL || rte_malloc_get_socket_stats(h->socket_id, &s) < 0)
		return;
	fprintf(f, "Socket:%d\n", h->socket_id);
	fprintf(f, "\tHeap_size:%zu,\n", s.heap_totalsz_bytes);
	fprintf(f, "\tFree_size:%zu,\n", s.heap_freesz_bytes);
	fprintf(f, "\tAlloc_size:%zu,\n", s.heap_allocsz_bytes);
	fprintf(f, "\tGreatest_free_size:%zu,\n", s.greatest_free_size);
	fprintf(f, "\tAlloc_count:%u,\n", s.alloc_count);
	fprintf(f, "\tFree_count:%u,\n", s.free_count);
}

void
rte_malloc_dump_heaps(FILE *f)
{
	struct malloc_heap *h = heap();

	if (h != NULL)
		malloc_heap_dump(h, f);
}

int
rte_malloc_validate(void)
{
	struct malloc_heap *h = heap();

	return h != NULL ? malloc_heap_validate(h) : -1;
}
