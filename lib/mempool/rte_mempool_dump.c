/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/* Looking at a pool: dump and audit. */

#include <inttypes.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_debug.h>
#include <rte_lcore.h>
#include <rte_mempool.h>

#include "mempool_private.h"

static void
dump_caches(FILE *f, const struct rte_mempool *mp)
{
	uint64_t total = 0;
	unsigned int lcore, len;

	fprintf(f, "  cache_size=%u\n", mp->cache_size);
	if (mp->cache_size == 0)
		return;
	for (lcore = 0; lcore < RTE_MAX_LCORE; lcore++) {
		len = __atomic_load_n(&mp->local_cache[lcore].len, __ATOMIC_RELAXED);
		if (len != 0)
			fprintf(f, "    cache_count[%u]=%u\n", lcore, len);
		total += len;
	}
	fprintf(f, "  total_cache_count=%" PRIu64 "\n", total);
}

void
rte_mempool_dump(FILE *f, struct rte_mempool *mp)
{
	if (mp == NULL) {
		fprintf(f, "mempool: NULL\n");
		return;
	}
	fprintf(f, "mempool <%s>@%p\n", mp->name, (void *)mp);
	fprintf(f, "  flags=0x%x\n", mp->flags);
	fprintf(f, "  socket_id=%d\n", mp->socket_id);
	fprintf(f, "  ops=%d <%s>\n", (int)mp->ops_index, mp->ops_name);
	fprintf(f, "  pool_data=%p\n", mp->pool_data);
	fprintf(f, "  size=%u\n", mp->size);
	fprintf(f, "  populated_size=%u\n", mp->populated_size);
	fprintf(f, "  nb_mem_chunks=%u\n", mp->nb_mem_chunks);
	fprintf(f, "  header_size=%u\n", mp->header_size);
	fprintf(f, "  elt_size=%u\n", mp->elt_size);
	fprintf(f, "  trailer_size=%u\n", mp->trailer_size);
	fprintf(f, "  total_obj_size=%u\n", mempool_obj_stride(mp));
	fprintf(f, "  private_data_size=%u\n", mp->private_data_size);
	dump_caches(f, mp);
	if (mp->flags & RTE_MEMPOOL_F_POOL_CREATED)
		fprintf(f, "  common_pool_count=%u\n", rte_mempool_ops_get_count(mp));
	fprintf(f, "  avail_count=%u\n", rte_mempool_avail_count(mp));
	fprintf(f, "  in_use_count=%u\n", rte_mempool_in_use_count(mp));
}

static void
dump_one(struct rte_mempool *mp, void *arg)
{
	rte_mempool_dump(arg, mp);
}

void
rte_mempool_list_dump(FILE *f)
{
	rte_mempool_walk(dump_one, f);
}

/* Objects the audit found; a failure panics with the pool's name. */
struct audit {
	uint32_t objs;
};

static void
audit_obj(struct rte_mempool *mp, void *arg, void *obj, unsigned int idx)
{
	struct audit *a = arg;

	if (rte_mempool_from_obj(obj) != mp)
		rte_panic("mempool '%s': the header of object %u (%p) is corrupt\n",
			  mp->name, idx, obj);
	a->objs++;
}

static void
audit_caches(struct rte_mempool *mp)
{
	const struct rte_mempool_cache *c;
	unsigned int lcore, i, len;

	if (mp->cache_size == 0)
		return;
	for (lcore = 0; lcore < RTE_MAX_LCORE; lcore++) {
		c = &mp->local_cache[lcore];
		len = __atomic_load_n(&c->len, __ATOMIC_RELAXED);
		if (c->size != mp->cache_size || len > c->flushthresh)
			rte_panic("mempool '%s': the cache of lcore %u is corrupt "
				  "(size %u, len %u)\n", mp->name, lcore, c->size, len);
		for (i = 0; i < len; i++) {
			if (!mempool_is_obj(mp, c->objs[i]) ||
			    rte_mempool_from_obj(c->objs[i]) != mp)
				rte_panic("mempool '%s': the cache of lcore %u holds %p, "
					  "not an object of the pool\n", mp->name, lcore,
					  c->objs[i]);
		}
	}
}

void
rte_mempool_audit(struct rte_mempool *mp)
{
	struct audit a = { 0 };
	uint64_t free_objs;

	if (mp->ops_index >= 0 && rte_mempool_check_ops(mp) < 0)
		rte_panic("mempool '%s': its ops do not match this process's\n", mp->name);
	rte_mempool_obj_iter(mp, audit_obj, &a);
	if (a.objs != mp->populated_size || mp->populated_size > mp->size)
		rte_panic("mempool '%s': %u objects in its chunks, %u populated, size %u\n",
			  mp->name, a.objs, mp->populated_size, mp->size);
	audit_caches(mp);
	free_objs = mempool_free_objs(mp);
	if (free_objs > mp->populated_size)
		rte_panic("mempool '%s': %" PRIu64 " free objects but %u exist: "
			  "some were put back twice\n", mp->name, free_objs, mp->populated_size);
}
