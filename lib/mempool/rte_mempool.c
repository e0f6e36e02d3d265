/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Mempool creation, population, lookup and teardown. A pool's header (with
 * its caches and private data) is the memzone "MP_<name>", its objects are
 * in memzones "MP_<name>_<n>", and it is listed in the shared tailq
 * "RTE_MEMPOOL", whose entries the tailq lock protects.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_mempool.h>
#include <rte_memzone.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

#include "mempool_private.h"

TAILQ_HEAD(rte_mempool_list, rte_tailq_entry);

static struct rte_tailq_elem rte_mempool_tailq = {
	.name = "RTE_MEMPOOL",
};
EAL_REGISTER_TAILQ(rte_mempool_tailq)

#define MEMPOOL_USER_FLAGS (RTE_MEMPOOL_F_NO_SPREAD | RTE_MEMPOOL_F_NO_CACHE_ALIGN | \
	RTE_MEMPOOL_F_SP_PUT | RTE_MEMPOOL_F_SC_GET | RTE_MEMPOOL_F_NO_IOVA_CONTIG)

/* Objects enqueued at once while populating. */
#define POPULATE_BATCH 64

static struct rte_mempool_list *
mempool_list(void)
{
	if (rte_mempool_tailq.head == NULL)
		return NULL;
	return RTE_TAILQ_CAST(rte_mempool_tailq.head, rte_mempool_list);
}

/* Half again the cache size: bursts of puts fit before a flush. */
static uint32_t
cache_flushthresh(uint32_t size)
{
	return size + size / 2;
}

static void
cache_init(struct rte_mempool_cache *cache, uint32_t size)
{
	cache->size = size;
	cache->flushthresh = cache_flushthresh(size);
	cache->len = 0;
}

uint32_t
rte_mempool_calc_obj_size(uint32_t elt_size, uint32_t flags, struct rte_mempool_objsz *sz)
{
	uint32_t align = (flags & RTE_MEMPOOL_F_NO_CACHE_ALIGN) ?
			 sizeof(uint64_t) : RTE_CACHE_LINE_SIZE;
	struct rte_mempool_objsz local;

	if (sz == NULL)
		sz = &local;
	sz->elt_size = elt_size;
	sz->header_size = RTE_ALIGN_CEIL((uint32_t)sizeof(struct rte_mempool_objhdr), align);
	sz->trailer_size = RTE_ALIGN_CEIL(sz->header_size + elt_size, align) -
			   (sz->header_size + elt_size);
	sz->total_size = sz->header_size + sz->elt_size + sz->trailer_size;
	return sz->total_size;
}

/* The ops flags ask for, if this process has them; the pool's ops stay unset otherwise. */
static void
default_ops(struct rte_mempool *mp)
{
	const char *name;
	int idx;

	if ((mp->flags & RTE_MEMPOOL_F_SP_PUT) && (mp->flags & RTE_MEMPOOL_F_SC_GET))
		name = "ring_sp_sc";
	else if (mp->flags & RTE_MEMPOOL_F_SP_PUT)
		name = "ring_sp_mc";
	else if (mp->flags & RTE_MEMPOOL_F_SC_GET)
		name = "ring_mp_sc";
	else
		name = "ring_mp_mc";
	idx = mempool_ops_find(name);
	if (idx >= 0) {
		mp->ops_index = idx;
		rte_strlcpy(mp->ops_name, name, sizeof(mp->ops_name));
	}
}

/* Check create_empty's arguments; 0 or an errno (logged). */
static int
check_create_args(const char *name, unsigned int n, unsigned int elt_size,
		  unsigned int cache_size, unsigned int private_data_size, unsigned int flags)
{
	if (name == NULL)
		return EINVAL;
	if (strnlen(name, RTE_MEMPOOL_NAMESIZE) == RTE_MEMPOOL_NAMESIZE) {
		RTE_LOG(ERR, MEMPOOL, "mempool name '%s' is longer than %zu characters\n",
			name, RTE_MEMPOOL_NAMESIZE - 1);
		return ENAMETOOLONG;
	}
	if (flags & ~MEMPOOL_USER_FLAGS) {
		RTE_LOG(ERR, MEMPOOL, "mempool '%s': unknown flags 0x%x\n", name,
			flags & ~MEMPOOL_USER_FLAGS);
		return EINVAL;
	}
	if (n == 0) {
		RTE_LOG(ERR, MEMPOOL, "mempool '%s': no objects asked for\n", name);
		return EINVAL;
	}
	if (cache_size > RTE_MEMPOOL_CACHE_MAX_SIZE) {
		RTE_LOG(ERR, MEMPOOL, "mempool '%s': cache size %u is over the maximum, %d\n",
			name, cache_size, RTE_MEMPOOL_CACHE_MAX_SIZE);
		return EINVAL;
	}
	if (cache_flushthresh(cache_size) > n) {
		RTE_LOG(ERR, MEMPOOL, "mempool '%s': cache size %u is over 2/3 of the %u objects\n",
			name, cache_size, n);
		return EINVAL;
	}
	if (elt_size > UINT32_MAX / 2 || private_data_size > UINT32_MAX / 2) {
		RTE_LOG(ERR, MEMPOOL, "mempool '%s': element or private size too large\n", name);
		return EINVAL;
	}
	return 0;
}

static void
mempool_init(struct rte_mempool *mp, const char *name, const struct rte_memzone *mz,
	     unsigned int n, const struct rte_mempool_objsz *objsz, unsigned int cache_size,
	     unsigned int private_data_size, int socket_id, unsigned int flags)
{
	unsigned int lcore;

	rte_strlcpy(mp->name, name, sizeof(mp->name));
	mp->mz = mz;
	mp->flags = flags;
	mp->socket_id = socket_id;
	mp->size = n;
	mp->cache_size = cache_size;
	mp->elt_size = objsz->elt_size;
	mp->header_size = objsz->header_size;
	mp->trailer_size = objsz->trailer_size;
	mp->private_data_size = private_data_size;
	mp->ops_index = -1;
	STAILQ_INIT(&mp->mem_list);
	if (cache_size != 0) {
		mp->local_cache = RTE_PTR_ADD(mp, sizeof(*mp));
		for (lcore = 0; lcore < RTE_MAX_LCORE; lcore++)
			cache_init(&mp->local_cache[lcore], cache_size);
	}
	default_ops(mp);
}

struct rte_mempool *
rte_mempool_create_empty(const char *name, unsigned int n, unsigned int elt_size,
			 unsigned int cache_size, unsigned int private_data_size, int socket_id,
			 unsigned int flags)
{
	char mz_name[RTE_MEMZONE_NAMESIZE];
	struct rte_mempool_list *list = mempool_list();
	struct rte_mempool_objsz objsz;
	const struct rte_memzone *mz;
	struct rte_tailq_entry *te;
	struct rte_mempool *mp;
	size_t header_len;
	int err;

	if (list == NULL) {
		RTE_LOG(ERR, MEMPOOL, "cannot create a mempool before rte_eal_init()\n");
		rte_errno = E_RTE_NO_CONFIG;
		return NULL;
	}
	err = check_create_args(name, n, elt_size, cache_size, private_data_size, flags);
	if (err != 0) {
		rte_errno = err;
		return NULL;
	}
	rte_mempool_calc_obj_size(elt_size, flags, &objsz);
	private_data_size = RTE_ALIGN_CEIL(private_data_size, RTE_CACHE_LINE_SIZE);
	header_len = RTE_MEMPOOL_HEADER_SIZE(mp, cache_size) + private_data_size;
	snprintf(mz_name, sizeof(mz_name), RTE_MEMPOOL_MZ_FORMAT, name);

	te = rte_zmalloc("MEMPOOL_TAILQ_ENTRY", sizeof(*te), 0);
	if (te == NULL) {
		RTE_LOG(ERR, MEMPOOL, "mempool '%s': no memory for its tailq entry\n", name);
		rte_errno = ENOMEM;
		return NULL;
	}
	/* Under the tailq lock, so that a lookup never sees a half-made pool. */
	rte_mcfg_tailq_write_lock();
	mz = rte_memzone_reserve(mz_name, header_len, socket_id, 0);
	if (mz == NULL) {
		err = rte_errno;
		rte_mcfg_tailq_write_unlock();
		rte_free(te);
		RTE_LOG(ERR, MEMPOOL, "mempool '%s': cannot reserve memzone '%s': %s\n",
			name, mz_name, rte_strerror(err));
		rte_errno = err;
		return NULL;
	}
	mp = mz->addr;
	memset(mp, 0, header_len);
	mempool_init(mp, name, mz, n, &objsz, cache_size, private_data_size, socket_id, flags);
	te->data = mp;
	TAILQ_INSERT_TAIL(list, te, next);
	rte_mcfg_tailq_write_unlock();
	return mp;
}

/* Largest block the heap could give now, less what the allocator may need around it. */
static size_t
heap_largest_free(void)
{
	struct rte_malloc_socket_stats st;
	size_t largest = 0;
	int s;

	for (s = 0; s < RTE_MAX_NUMA_NODES; s++) {
		if (rte_malloc_get_socket_stats(s, &st) == 0)
			largest = RTE_MAX(largest, st.greatest_free_size);
	}
	return largest > 4 * RTE_CACHE_LINE_SIZE ? largest - 4 * RTE_CACHE_LINE_SIZE : 0;
}

/* Reserve the memzone of the next chunk: as many of the missing objects as fit. */
static const struct rte_memzone *
chunk_reserve(struct rte_mempool *mp, uint32_t *nb_objs)
{
	unsigned int mz_flags = (mp->flags & RTE_MEMPOOL_F_NO_IOVA_CONTIG) ?
				0 : RTE_MEMZONE_IOVA_CONTIG;
	uint32_t stride = mempool_obj_stride(mp);
	char mz_name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;
	uint32_t n;
	int len;

	len = snprintf(mz_name, sizeof(mz_name), RTE_MEMPOOL_MZ_FORMAT "_%u", mp->name,
		       mp->nb_mem_chunks);
	if (len < 0 || (size_t)len >= sizeof(mz_name)) {
		RTE_LOG(ERR, MEMPOOL, "mempool '%s': too many memory chunks\n", mp->name);
		rte_errno = ENAMETOOLONG;
		return NULL;
	}
	n = (uint32_t)RTE_MIN((size_t)(mp->size - mp->populated_size),
			      heap_largest_free() / stride);
	/* Halve on failure: IOVA contiguity or fragmentation may defeat the estimate. */
	for (; n != 0; n /= 2) {
		mz = rte_memzone_reserve_aligned(mz_name, (size_t)n * stride, mp->socket_id,
						 mz_flags, RTE_CACHE_LINE_SIZE);
		if (mz != NULL) {
			*nb_objs = n;
			return mz;
		}
		if (rte_errno != ENOMEM)
			break;
	}
	if (n == 0)
		rte_errno = ENOMEM;
	RTE_LOG(ERR, MEMPOOL, "mempool '%s': no memory for %u more objects of %u bytes: %s\n",
		mp->name, mp->size - mp->populated_size, stride, rte_strerror(rte_errno));
	return NULL;
}

/* Write the headers of a chunk's objects and give the objects to the backend. */
static int
chunk_fill(struct rte_mempool *mp, struct rte_mempool_memhdr *hdr)
{
	void *batch[POPULATE_BATCH];
	unsigned int nb = 0;
	uint32_t i;
	int ret;

	for (i = 0; i < hdr->nb_objs; i++) {
		void *obj = mempool_chunk_obj(mp, hdr, i);
		struct rte_mempool_objhdr *oh = rte_mempool_get_header(obj);

		oh->mp = mp;
		if (hdr->iova != RTE_BAD_IOVA)
			oh->iova = hdr->iova + RTE_PTR_DIFF(obj, hdr->addr);
		else
			oh->iova = rte_mem_virt2iova(obj);
		batch[nb++] = obj;
		if (nb == POPULATE_BATCH || i + 1 == hdr->nb_objs) {
			ret = rte_mempool_ops_enqueue_bulk(mp, batch, nb);
			if (ret < 0) {
				RTE_LOG(ERR, MEMPOOL, "mempool '%s': its ops '%s' refused objects: %s\n",
					mp->name, mp->ops_name, rte_strerror(-ret));
				return ret;
			}
			nb = 0;
		}
	}
	return 0;
}

static int
chunk_add(struct rte_mempool *mp)
{
	struct rte_mempool_memhdr *hdr;
	const struct rte_memzone *mz;
	uint32_t n = 0;

	hdr = rte_zmalloc("MEMPOOL_MEMHDR", sizeof(*hdr), 0);
	if (hdr == NULL) {
		RTE_LOG(ERR, MEMPOOL, "mempool '%s': no memory for a chunk header\n", mp->name);
		return -ENOMEM;
	}
	mz = chunk_reserve(mp, &n);
	if (mz == NULL) {
		rte_free(hdr);
		return -rte_errno;
	}
	hdr->mp = mp;
	hdr->addr = mz->addr;
	hdr->len = (size_t)n * mempool_obj_stride(mp);
	hdr->iova = (mz->flags & RTE_MEMZONE_IOVA_CONTIG) ? mz->iova : RTE_BAD_IOVA;
	hdr->mz = mz;
	hdr->nb_objs = n;
	/* Listed first, so that a failure below frees it with the others. */
	STAILQ_INSERT_TAIL(&mp->mem_list, hdr, next);
	mp->nb_mem_chunks++;
	mp->populated_size += n;
	return chunk_fill(mp, hdr);
}

static void
chunks_free(struct rte_mempool *mp)
{
	struct rte_mempool_memhdr *hdr;

	while ((hdr = STAILQ_FIRST(&mp->mem_list)) != NULL) {
		STAILQ_REMOVE_HEAD(&mp->mem_list, next);
		if (rte_memzone_free(hdr->mz) != 0)
			RTE_LOG(ERR, MEMPOOL, "mempool '%s': cannot free a memory chunk\n",
				mp->name);
		rte_free(hdr);
	}
	mp->nb_mem_chunks = 0;
	mp->populated_size = 0;
}

/* Allocate the backend once; undone by backend_free(). */
static int
backend_alloc(struct rte_mempool *mp)
{
	int ret;

	if (mp->flags & RTE_MEMPOOL_F_POOL_CREATED)
		return 0;
	if (mp->ops_index < 0) {
		RTE_LOG(ERR, MEMPOOL, "mempool '%s' has no ops: the default ones are not "
			"registered here, use rte_mempool_set_ops_byname()\n", mp->name);
		return -EINVAL;
	}
	ret = rte_mempool_ops_alloc(mp);
	if (ret < 0) {
		RTE_LOG(ERR, MEMPOOL, "mempool '%s': ops '%s' cannot allocate: %s\n",
			mp->name, mp->ops_name, rte_strerror(-ret));
		return ret;
	}
	mp->flags |= RTE_MEMPOOL_F_POOL_CREATED;
	return 0;
}

static void
backend_free(struct rte_mempool *mp)
{
	if (!(mp->flags & RTE_MEMPOOL_F_POOL_CREATED))
		return;
	rte_mempool_ops_free(mp);
	mp->flags &= ~RTE_MEMPOOL_F_POOL_CREATED;
}

int
rte_mempool_populate_default(struct rte_mempool *mp)
{
	int ret;

	if (mp == NULL)
		return -EINVAL;
	if (mp->nb_mem_chunks != 0) {
		RTE_LOG(ERR, MEMPOOL, "mempool '%s' is already populated\n", mp->name);
		return -EEXIST;
	}
	ret = backend_alloc(mp);
	if (ret < 0)
		return ret;
	while (mp->populated_size < mp->size) {
		ret = chunk_add(mp);
		if (ret < 0) {
			/* Back to empty: the backend may hold objects of the chunks. */
			backend_free(mp);
			chunks_free(mp);
			return ret;
		}
	}
	return (int)mp->populated_size;
}

struct rte_mempool *
rte_mempool_create(const char *name, unsigned int n, unsigned int elt_size,
		   unsigned int cache_size, unsigned int private_data_size,
		   rte_mempool_ctor_t *mp_init, void *mp_init_arg,
		   rte_mempool_obj_cb_t *obj_init, void *obj_init_arg,
		   int socket_id, unsigned int flags)
{
	struct rte_mempool *mp;
	int ret;

	mp = rte_mempool_create_empty(name, n, elt_size, cache_size, private_data_size,
				      socket_id, flags);
	if (mp == NULL)
		return NULL;
	if (mp_init != NULL)
		mp_init(mp, mp_init_arg);
	ret = rte_mempool_populate_default(mp);
	if (ret < 0) {
		rte_mempool_free(mp);
		rte_errno = -ret;
		return NULL;
	}
	if (obj_init != NULL)
		rte_mempool_obj_iter(mp, obj_init, obj_init_arg);
	return mp;
}

void
rte_mempool_free(struct rte_mempool *mp)
{
	struct rte_tailq_entry *te;

	if (mp == NULL || mempool_list() == NULL)
		return;
	te = rte_eal_tailq_obj_remove(&rte_mempool_tailq, mp);
	if (te == NULL) {
		RTE_LOG(ERR, MEMPOOL, "mempool '%s' is not registered: not freed\n", mp->name);
		return;
	}
	rte_free(te);
	backend_free(mp);
	chunks_free(mp);
	if (rte_memzone_free(mp->mz) != 0)
		RTE_LOG(ERR, MEMPOOL, "mempool '%s': cannot free its memzone\n", mp->name);
}

struct rte_mempool *
rte_mempool_lookup(const char *name)
{
	struct rte_mempool *mp;

	mp = rte_eal_tailq_obj_lookup(&rte_mempool_tailq, name,
				      offsetof(struct rte_mempool, name), RTE_MEMPOOL_NAMESIZE);
	if (mp == NULL)
		return NULL;
	/* How another process usually first meets a pool: check its ops here. */
	if (mp->ops_index >= 0)
		rte_mempool_check_ops(mp);
	return mp;
}

void
rte_mempool_walk(void (*func)(struct rte_mempool *, void *arg), void *arg)
{
	struct rte_mempool_list *list = mempool_list();
	struct rte_tailq_entry *te, *tmp;

	if (list == NULL || func == NULL)
		return;
	/* The lock is recursive: func may free the pool it is given. */
	rte_mcfg_tailq_read_lock();
	RTE_TAILQ_FOREACH_SAFE(te, list, next, tmp) {
		struct rte_mempool *mp = te->data;

		if (mp->ops_index >= 0)
			rte_mempool_check_ops(mp);
		func(mp, arg);
	}
	rte_mcfg_tailq_read_unlock();
}

uint32_t
rte_mempool_obj_iter(struct rte_mempool *mp, rte_mempool_obj_cb_t *obj_cb, void *obj_cb_arg)
{
	const struct rte_mempool_memhdr *hdr;
	uint32_t i, n = 0;

	STAILQ_FOREACH(hdr, &mp->mem_list, next) {
		for (i = 0; i < hdr->nb_objs; i++, n++)
			obj_cb(mp, obj_cb_arg, mempool_chunk_obj(mp, hdr, i), n);
	}
	return n;
}

uint32_t
rte_mempool_mem_iter(struct rte_mempool *mp, rte_mempool_mem_cb_t *mem_cb, void *mem_cb_arg)
{
	struct rte_mempool_memhdr *hdr;
	uint32_t n = 0;

	STAILQ_FOREACH(hdr, &mp->mem_list, next)
		mem_cb(mp, mem_cb_arg, hdr, n++);
	return n;
}

bool
mempool_is_obj(const struct rte_mempool *mp, const void *obj)
{
	const struct rte_mempool_memhdr *hdr;

	STAILQ_FOREACH(hdr, &mp->mem_list, next) {
		uintptr_t off = RTE_PTR_DIFF(obj, hdr->addr);

		if ((uintptr_t)obj >= (uintptr_t)hdr->addr && off < hdr->len)
			return off % mempool_obj_stride(mp) == mp->header_size;
	}
	return false;
}

uint64_t
mempool_free_objs(const struct rte_mempool *mp)
{
	uint64_t count = 0;
	unsigned int lcore;

	if (mp->flags & RTE_MEMPOOL_F_POOL_CREATED)
		count = rte_mempool_ops_get_count(mp);
	if (mp->cache_size == 0)
		return count;
	/* Other threads and processes update these: read each once, atomically. */
	for (lcore = 0; lcore < RTE_MAX_LCORE; lcore++)
		count += __atomic_load_n(&mp->local_cache[lcore].len, __ATOMIC_RELAXED);
	return count;
}

unsigned int
rte_mempool_avail_count(const struct rte_mempool *mp)
{
	uint64_t count = mempool_free_objs(mp);

	return count > mp->size ? mp->size : (unsigned int)count;
}

unsigned int
rte_mempool_in_use_count(const struct rte_mempool *mp)
{
	return mp->size - rte_mempool_avail_count(mp);
}

struct rte_mempool_cache *
rte_mempool_cache_create(uint32_t size, int socket_id)
{
	struct rte_mempool_cache *cache;

	if (size == 0 || size > RTE_MEMPOOL_CACHE_MAX_SIZE) {
		RTE_LOG(ERR, MEMPOOL, "cache size %u is not between 1 and %d\n", size,
			RTE_MEMPOOL_CACHE_MAX_SIZE);
		rte_errno = EINVAL;
		return NULL;
	}
	cache = rte_zmalloc_socket("MEMPOOL_CACHE", sizeof(*cache), RTE_CACHE_LINE_SIZE,
				   socket_id);
	if (cache == NULL) {
		RTE_LOG(ERR, MEMPOOL, "no memory for a mempool cache of %u objects\n", size);
		rte_errno = ENOMEM;
		return NULL;
	}
	cache_init(cache, size);
	return cache;
}

void
rte_mempool_cache_free(struct rte_mempool_cache *cache)
{
	rte_free(cache);
}
