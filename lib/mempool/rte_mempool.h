/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_MEMPOOL_H_
#define _RTE_MEMPOOL_H_

/**
 * @file
 * Pools of fixed-size objects (DPDK 22.11 API), in the group's shared
 * memory: a pool made in one process is found by name with
 * rte_mempool_lookup() in any other, at the same address, and objects may
 * be taken in one process and given back in another.
 *
 * A pool has a backend, "ops", that holds the free objects (by default a
 * ring, drivers/mempool/ring) and, optionally, a cache per lcore id in
 * front of it. The caches are indexed by lcore id, which each process
 * numbers on its own: processes that use one pool with a cache at the same
 * time must run with different lcore ids (-l / --lcores), as in DPDK.
 * Threads that are not EAL lcores bypass the caches.
 *
 * Nothing in the pool points into one process's memory: the ops are an
 * index into each process's own table (rte_mempool_ops_table), and the
 * pool also records the ops' name, which each process checks against its
 * table the first time it uses ops of that index.
 */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/queue.h>

#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_lcore.h>
#include <rte_memory.h>
#include <rte_memzone.h>
#include <rte_ring.h>
#include <rte_spinlock.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Prefix of the memzones of a pool: its header ("MP_<name>") and its objects. */
#define RTE_MEMPOOL_MZ_PREFIX "MP_"
#define RTE_MEMPOOL_MZ_FORMAT RTE_MEMPOOL_MZ_PREFIX "%s"

/** Longest pool name, NUL included: the backend ring "MP_<name>" must be a valid ring name. */
#define RTE_MEMPOOL_NAMESIZE (RTE_RING_NAMESIZE - sizeof(RTE_MEMPOOL_MZ_PREFIX) + 1)

/** Longest ops name, NUL included. */
#define RTE_MEMPOOL_OPS_NAMESIZE 32

/** Ops one process can register. */
#define RTE_MEMPOOL_MAX_OPS_IDX 16

/* Pool flags. */
#define RTE_MEMPOOL_F_NO_SPREAD      0x0001 /**< accepted; objects are never spread */
#define RTE_MEMPOOL_F_NO_CACHE_ALIGN 0x0002 /**< objects 8-byte aligned, not cache-line */
#define RTE_MEMPOOL_F_SP_PUT         0x0004 /**< default ops: one putter at a time */
#define RTE_MEMPOOL_F_SC_GET         0x0008 /**< default ops: one getter at a time */
#define RTE_MEMPOOL_F_POOL_CREATED   0x0010 /**< internal: the backend is allocated */
#define RTE_MEMPOOL_F_NO_IOVA_CONTIG 0x0020 /**< objects need not be IOVA-contiguous */

/* The names before DPDK 21.11. */
#define MEMPOOL_F_NO_SPREAD      RTE_MEMPOOL_F_NO_SPREAD
#define MEMPOOL_F_NO_CACHE_ALIGN RTE_MEMPOOL_F_NO_CACHE_ALIGN
#define MEMPOOL_F_SP_PUT         RTE_MEMPOOL_F_SP_PUT
#define MEMPOOL_F_SC_GET         RTE_MEMPOOL_F_SC_GET
#define MEMPOOL_F_POOL_CREATED   RTE_MEMPOOL_F_POOL_CREATED
#define MEMPOOL_F_NO_IOVA_CONTIG RTE_MEMPOOL_F_NO_IOVA_CONTIG

/**
 * A cache of free objects in front of the backend, LIFO so that the
 * objects freed last, still warm in the CPU cache, go out first. No lock:
 * one thread uses a cache at a time (a pool's default caches: the thread
 * with that lcore id in the group; a user cache: its owner).
 */
struct rte_mempool_cache {
	uint32_t size;        /**< fill level a refill aims at */
	uint32_t flushthresh; /**< a put that would exceed it flushes first */
	uint32_t len;         /**< objects in objs[] */
	/** Up to 2 * size objects during a refill, flushthresh at rest. */
	void *objs[RTE_MEMPOOL_CACHE_MAX_SIZE * 2] __rte_cache_aligned;
} __rte_cache_aligned;

/** The three parts of an object's footprint in a pool. */
struct rte_mempool_objsz {
	uint32_t elt_size;     /**< the object as the user sees it */
	uint32_t header_size;  /**< before it, ending with struct rte_mempool_objhdr */
	uint32_t trailer_size; /**< padding after it */
	uint32_t total_size;   /**< the stride between objects */
};

/** Just before every object: where it belongs. Written once, at populate. */
struct rte_mempool_objhdr {
	struct rte_mempool *mp; /**< the pool */
	rte_iova_t iova;        /**< IOVA of the object, RTE_BAD_IOVA if unknown */
};

/**
 * A chunk of memory holding objects: a memzone "MP_<name>_<index>",
 * objects at addr + header_size with a stride of the total object size.
 * In shared memory, on the pool's mem_list; written by the populating
 * process, read-only afterwards.
 */
struct rte_mempool_memhdr {
	STAILQ_ENTRY(rte_mempool_memhdr) next;
	struct rte_mempool *mp;
	void *addr;                    /**< start of the chunk */
	rte_iova_t iova;               /**< its IOVA, RTE_BAD_IOVA if not contiguous */
	size_t len;                    /**< bytes */
	const struct rte_memzone *mz;  /**< freed with the pool */
	uint32_t nb_objs;              /**< objects in the chunk */
};

STAILQ_HEAD(rte_mempool_memhdr_list, rte_mempool_memhdr);

/**
 * A pool, in the memzone "MP_<name>", followed by its per-lcore caches (if
 * cache_size is not 0) and its private data. Written by the process that
 * creates and populates it, read-only afterwards; the backend and the
 * caches synchronise themselves as said above. Registered in the shared
 * tailq "RTE_MEMPOOL" (the tailq lock protects the list).
 */
struct rte_mempool {
	char name[RTE_MEMPOOL_NAMESIZE];
	RTE_STD_C11
	union {
		void *pool_data;  /**< the backend's state, in shared memory */
		uint64_t pool_id;
	};
	void *pool_config;        /**< argument of rte_mempool_set_ops_byname() */
	const struct rte_memzone *mz; /**< the memzone of this header */
	unsigned int flags;       /**< RTE_MEMPOOL_F_* */
	int socket_id;
	uint32_t size;            /**< objects */
	uint32_t cache_size;      /**< size of each default cache, 0 for none */
	uint32_t elt_size;
	uint32_t header_size;
	uint32_t trailer_size;
	unsigned int private_data_size; /**< rounded up to a cache line */
	int32_t ops_index;        /**< in each process's rte_mempool_ops_table, -1 if unset */
	char ops_name[RTE_MEMPOOL_OPS_NAMESIZE]; /**< what ops_index must name everywhere */
	struct rte_mempool_cache *local_cache;   /**< RTE_MAX_LCORE caches, or NULL */
	uint32_t populated_size;  /**< objects made so far */
	uint32_t nb_mem_chunks;
	struct rte_mempool_memhdr_list mem_list;
} __rte_cache_aligned;

/** Bytes from a pool's header to its private data. */
#define RTE_MEMPOOL_HEADER_SIZE(mp, cs) \
	(sizeof(*(mp)) + (((cs) == 0) ? 0 : \
	 (sizeof(struct rte_mempool_cache) * RTE_MAX_LCORE)))

/* Callbacks. */

/** Called for each object: by rte_mempool_obj_iter(), and at creation as obj_init. */
typedef void (rte_mempool_obj_cb_t)(struct rte_mempool *mp, void *opaque, void *obj,
				    unsigned int obj_idx);
typedef rte_mempool_obj_cb_t rte_mempool_obj_ctor_t;

/** Called for each memory chunk by rte_mempool_mem_iter(). */
typedef void (rte_mempool_mem_cb_t)(struct rte_mempool *mp, void *opaque,
				    struct rte_mempool_memhdr *memhdr, unsigned int mem_idx);

/** Called once at creation, before the objects are made (mp_init). */
typedef void (rte_mempool_ctor_t)(struct rte_mempool *mp, void *arg);

/* Ops: the backend that holds free objects. */

/** Allocate the backend's state (mp->pool_data) for mp->size objects. */
typedef int (*rte_mempool_alloc_t)(struct rte_mempool *mp);
/** Free it. */
typedef void (*rte_mempool_free_t)(struct rte_mempool *mp);
/** Store n objects; 0 or a negative errno (then nothing was stored). */
typedef int (*rte_mempool_enqueue_t)(struct rte_mempool *mp, void * const *obj_table,
				     unsigned int n);
/** Take n objects; 0 or a negative errno (then nothing was taken). */
typedef int (*rte_mempool_dequeue_t)(struct rte_mempool *mp, void **obj_table,
				     unsigned int n);
/** Objects stored now. */
typedef unsigned int (*rte_mempool_get_count)(const struct rte_mempool *mp);

/**
 * A backend. Each process has its own table of them, filled by
 * constructors (RTE_MEMPOOL_REGISTER_OPS); the callbacks run in the
 * calling process and must keep all shared state in shared memory.
 */
struct rte_mempool_ops {
	char name[RTE_MEMPOOL_OPS_NAMESIZE];
	rte_mempool_alloc_t alloc;         /**< required */
	rte_mempool_free_t free;           /**< optional */
	rte_mempool_enqueue_t enqueue;     /**< required */
	rte_mempool_dequeue_t dequeue;     /**< required */
	rte_mempool_get_count get_count;   /**< required */
} __rte_cache_aligned;

/** This process's backends. Processes sharing pools must register the same ones in the same order. */
struct rte_mempool_ops_table {
	rte_spinlock_t sl;   /**< serialises registration */
	uint32_t num_ops;
	/** Lockstep: whether this process has checked a pool's ops name against ops[i]. */
	uint8_t checked[RTE_MEMPOOL_MAX_OPS_IDX];
	struct rte_mempool_ops ops[RTE_MEMPOOL_MAX_OPS_IDX];
} __rte_cache_aligned;

extern struct rte_mempool_ops_table rte_mempool_ops_table;

/**
 * Add ops to this process's table; their index, or -EINVAL (a required
 * callback missing, bad name), -EEXIST (name taken), -ENOSPC (table full).
 */
int rte_mempool_register_ops(const struct rte_mempool_ops *ops);

/** Register ops from a constructor. */
#define RTE_MEMPOOL_REGISTER_OPS(ops) \
	RTE_INIT(mp_hdlr_init_##ops) \
	{ \
		rte_mempool_register_ops(&ops); \
	}

/**
 * Check that this process's table has mp's ops at mp's index; logs an
 * error and returns -EINVAL when it does not (the processes were built
 * with different ops, or registered them in a different order).
 */
int rte_mempool_check_ops(const struct rte_mempool *mp);

static inline struct rte_mempool_ops *
rte_mempool_get_ops(int ops_index)
{
	return &rte_mempool_ops_table.ops[ops_index];
}

/* mp's ops in this process, checked the first time this process uses their index. */
static __rte_always_inline struct rte_mempool_ops *
__rte_mempool_ops(const struct rte_mempool *mp)
{
	if (unlikely(!__atomic_load_n(&rte_mempool_ops_table.checked[mp->ops_index],
				      __ATOMIC_RELAXED)))
		rte_mempool_check_ops(mp);
	return rte_mempool_get_ops(mp->ops_index);
}

static __rte_always_inline int
rte_mempool_ops_dequeue_bulk(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	return __rte_mempool_ops(mp)->dequeue(mp, obj_table, n);
}

static __rte_always_inline int
rte_mempool_ops_enqueue_bulk(struct rte_mempool *mp, void * const *obj_table, unsigned int n)
{
	return __rte_mempool_ops(mp)->enqueue(mp, obj_table, n);
}

int rte_mempool_ops_alloc(struct rte_mempool *mp);
void rte_mempool_ops_free(struct rte_mempool *mp);
unsigned int rte_mempool_ops_get_count(const struct rte_mempool *mp);

/**
 * Choose mp's ops by name, before it is populated. 0, -EINVAL (no such
 * ops) or -EEXIST (already populated). pool_config is kept for the ops;
 * it must point to shared memory if other processes are to use it.
 */
int rte_mempool_set_ops_byname(struct rte_mempool *mp, const char *name, void *pool_config);

/* Creation and teardown. */

/**
 * Create an empty pool of n objects of elt_size bytes, with a cache of
 * cache_size objects per lcore (0: none) and private_data_size bytes of
 * private data; its ops are ring_{mp,sp}_{mc,sc} as flags say. Populate it
 * with rte_mempool_populate_default(). NULL on failure with rte_errno:
 * E_RTE_NO_CONFIG (no EAL), EINVAL (n is 0, unknown flags, cache_size over
 * RTE_MEMPOOL_CACHE_MAX_SIZE or its flush threshold over n),
 * ENAMETOOLONG, EEXIST (name taken), ENOSPC, ENOMEM.
 */
struct rte_mempool *rte_mempool_create_empty(const char *name, unsigned int n,
					     unsigned int elt_size, unsigned int cache_size,
					     unsigned int private_data_size, int socket_id,
					     unsigned int flags);

/**
 * Allocate memory for the objects still missing (in one or more memzones,
 * IOVA-contiguous unless RTE_MEMPOOL_F_NO_IOVA_CONTIG) and put them in the
 * pool. The number of objects added, or a negative errno (-EEXIST when
 * already populated, -ENOMEM, or the ops' alloc error).
 */
int rte_mempool_populate_default(struct rte_mempool *mp);

/**
 * rte_mempool_create_empty(), then mp_init(mp, mp_init_arg), then populate,
 * then obj_init(mp, obj_init_arg, obj, index) for each object. Either
 * callback may be NULL. Errors as rte_mempool_create_empty(), and ENOMEM.
 */
struct rte_mempool *rte_mempool_create(const char *name, unsigned int n,
				       unsigned int elt_size, unsigned int cache_size,
				       unsigned int private_data_size,
				       rte_mempool_ctor_t *mp_init, void *mp_init_arg,
				       rte_mempool_obj_cb_t *obj_init, void *obj_init_arg,
				       int socket_id, unsigned int flags);

/** Unregister and free a pool and all its objects; NULL is ignored. No process may use it any more. */
void rte_mempool_free(struct rte_mempool *mp);

/** The registered pool named name; NULL with rte_errno ENOENT when there is none. */
struct rte_mempool *rte_mempool_lookup(const char *name);

/** Call func for every registered pool, under the tailq lock. */
void rte_mempool_walk(void (*func)(struct rte_mempool *, void *arg), void *arg);

/** Object size and its parts for elt_size and flags; returns the total. */
uint32_t rte_mempool_calc_obj_size(uint32_t elt_size, uint32_t flags,
				   struct rte_mempool_objsz *sz);

/** Call obj_cb for every object (in memory order); the number of objects. */
uint32_t rte_mempool_obj_iter(struct rte_mempool *mp, rte_mempool_obj_cb_t *obj_cb,
			      void *obj_cb_arg);

/** Call mem_cb for every memory chunk; the number of chunks. */
uint32_t rte_mempool_mem_iter(struct rte_mempool *mp, rte_mempool_mem_cb_t *mem_cb,
			      void *mem_cb_arg);

/** Print the pool's state. */
void rte_mempool_dump(FILE *f, struct rte_mempool *mp);

/** Print every registered pool. */
void rte_mempool_list_dump(FILE *f);

/**
 * Check the pool's structure: every object's header, the caches' fill
 * levels and the objects they hold, and that the backend and the caches
 * together hold no more objects than the pool has. Panics (rte_panic) on
 * the first inconsistency. The last check needs the pool to be quiet: no
 * thread of any process getting or putting objects meanwhile.
 */
void rte_mempool_audit(struct rte_mempool *mp);

/* Objects and their pools. */

static inline struct rte_mempool_objhdr *
rte_mempool_get_header(void *obj)
{
	return (struct rte_mempool_objhdr *)RTE_PTR_SUB(obj, sizeof(struct rte_mempool_objhdr));
}

/** The pool an object belongs to. */
static inline struct rte_mempool *
rte_mempool_from_obj(void *obj)
{
	return rte_mempool_get_header(obj)->mp;
}

/** IOVA of an object (RTE_BAD_IOVA if unknown). */
static inline rte_iova_t
rte_mempool_virt2iova(const void *elt)
{
	const struct rte_mempool_objhdr *hdr =
		(const struct rte_mempool_objhdr *)RTE_PTR_SUB(elt, sizeof(*hdr));

	return hdr->iova;
}

/** The pool's private data (private_data_size bytes). */
static inline void *
rte_mempool_get_priv(struct rte_mempool *mp)
{
	return (char *)mp + RTE_MEMPOOL_HEADER_SIZE(mp, mp->cache_size);
}

/* Caches. */

/**
 * A cache for explicit use with the generic get/put: size objects (1 to
 * RTE_MEMPOOL_CACHE_MAX_SIZE), in shared memory. NULL with rte_errno
 * EINVAL or ENOMEM.
 */
struct rte_mempool_cache *rte_mempool_cache_create(uint32_t size, int socket_id);

/** Free a cache made by rte_mempool_cache_create() (flush it first). */
void rte_mempool_cache_free(struct rte_mempool_cache *cache);

/** The pool's cache for lcore_id; NULL when the pool has none or lcore_id is not an lcore. */
static __rte_always_inline struct rte_mempool_cache *
rte_mempool_default_cache(struct rte_mempool *mp, unsigned int lcore_id)
{
	if (mp->cache_size == 0 || lcore_id >= RTE_MAX_LCORE)
		return NULL;
	return &mp->local_cache[lcore_id];
}

/** Give every object of cache back to mp's backend (cache NULL: the caller's default cache). */
static __rte_always_inline void
rte_mempool_cache_flush(struct rte_mempool_cache *cache, struct rte_mempool *mp)
{
	if (cache == NULL)
		cache = rte_mempool_default_cache(mp, rte_lcore_id());
	if (cache == NULL || cache->len == 0)
		return;
	rte_mempool_ops_enqueue_bulk(mp, cache->objs, cache->len);
	cache->len = 0;
}

/* Get and put: the hot path. */

/** Put n objects back, through cache (NULL: straight to the backend). */
static __rte_always_inline void
rte_mempool_generic_put(struct rte_mempool *mp, void * const *obj_table, unsigned int n,
			struct rte_mempool_cache *cache)
{
	void **dst;
	unsigned int i;

	if (unlikely(cache == NULL || n > cache->size)) {
		rte_mempool_ops_enqueue_bulk(mp, obj_table, n);
		return;
	}
	if (cache->len + n > cache->flushthresh) {
		/* The objects being put are the warmest: flush the older ones. */
		rte_mempool_ops_enqueue_bulk(mp, cache->objs, cache->len);
		cache->len = 0;
	}
	dst = &cache->objs[cache->len];
	for (i = 0; i < n; i++)
		dst[i] = obj_table[i];
	cache->len += n;
}

static __rte_always_inline void
rte_mempool_put_bulk(struct rte_mempool *mp, void * const *obj_table, unsigned int n)
{
	rte_mempool_generic_put(mp, obj_table, n, rte_mempool_default_cache(mp, rte_lcore_id()));
}

static __rte_always_inline void
rte_mempool_put(struct rte_mempool *mp, void *obj)
{
	rte_mempool_put_bulk(mp, &obj, 1);
}

/*
 * Fill cache so that it holds n objects and, if the backend has them, a
 * full cache besides. 0, or -ENOENT when even n cannot be had.
 */
static __rte_always_inline int
__rte_mempool_cache_refill(struct rte_mempool *mp, struct rte_mempool_cache *cache,
			   unsigned int n)
{
	unsigned int want = cache->size + n - cache->len;

	if (rte_mempool_ops_dequeue_bulk(mp, &cache->objs[cache->len], want) < 0) {
		want = n - cache->len;
		if (rte_mempool_ops_dequeue_bulk(mp, &cache->objs[cache->len], want) < 0)
			return -ENOENT;
	}
	cache->len += want;
	return 0;
}

/**
 * Get n objects, through cache (NULL: straight from the backend). All or
 * nothing: 0, or -ENOENT when there are not enough.
 */
static __rte_always_inline int
rte_mempool_generic_get(struct rte_mempool *mp, void **obj_table, unsigned int n,
			struct rte_mempool_cache *cache)
{
	void *const *src;
	unsigned int i, len;

	if (unlikely(cache == NULL || n > cache->size))
		return rte_mempool_ops_dequeue_bulk(mp, obj_table, n) < 0 ? -ENOENT : 0;
	if (cache->len < n && __rte_mempool_cache_refill(mp, cache, n) < 0)
		return -ENOENT;
	/* The n most recently put, the warmest; in their order, one block copy. */
	len = cache->len - n;
	src = &cache->objs[len];
	for (i = 0; i < n; i++)
		obj_table[i] = src[i];
	cache->len = len;
	return 0;
}

static __rte_always_inline int
rte_mempool_get_bulk(struct rte_mempool *mp, void **obj_table, unsigned int n)
{
	return rte_mempool_generic_get(mp, obj_table, n,
				       rte_mempool_default_cache(mp, rte_lcore_id()));
}

static __rte_always_inline int
rte_mempool_get(struct rte_mempool *mp, void **obj_p)
{
	return rte_mempool_get_bulk(mp, obj_p, 1);
}

/* Counts: snapshots, exact only when the pool is quiet. */

/** Free objects: in the backend and in every default cache. */
unsigned int rte_mempool_avail_count(const struct rte_mempool *mp);

/** Objects taken out and not given back. */
unsigned int rte_mempool_in_use_count(const struct rte_mempool *mp);

static inline int
rte_mempool_full(const struct rte_mempool *mp)
{
	return rte_mempool_avail_count(mp) == mp->size;
}

static inline int
rte_mempool_empty(const struct rte_mempool *mp)
{
	return rte_mempool_avail_count(mp) == 0;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMPOOL_H_ */
