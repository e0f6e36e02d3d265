/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The table of mempool backends. It is per process: function pointers are
 * only valid in the process that registered them. A pool in shared memory
 * stores the index of its ops and their name; each process checks that its
 * own table agrees before it trusts the index.
 */

#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_mempool.h>
#include <rte_spinlock.h>
#include <rte_string_fns.h>

#include "mempool_private.h"

struct rte_mempool_ops_table rte_mempool_ops_table = {
	.sl = RTE_SPINLOCK_INITIALIZER,
	.num_ops = 0,
};

/* Registration happens in constructors: lookups run after it, without the lock. */
int
mempool_ops_find(const char *name)
{
	uint32_t i;

	for (i = 0; i < rte_mempool_ops_table.num_ops; i++) {
		if (strcmp(name, rte_mempool_ops_table.ops[i].name) == 0)
			return (int)i;
	}
	return -1;
}

int
rte_mempool_register_ops(const struct rte_mempool_ops *h)
{
	struct rte_mempool_ops *ops;
	int idx;

	if (h == NULL || h->name[0] == '\0' ||
	    strnlen(h->name, sizeof(h->name)) == sizeof(h->name)) {
		RTE_LOG(ERR, MEMPOOL, "cannot register mempool ops: bad name\n");
		return -EINVAL;
	}
	if (h->alloc == NULL || h->enqueue == NULL || h->dequeue == NULL ||
	    h->get_count == NULL) {
		RTE_LOG(ERR, MEMPOOL, "cannot register mempool ops '%s': "
			"alloc, enqueue, dequeue and get_count are required\n", h->name);
		return -EINVAL;
	}
	rte_spinlock_lock(&rte_mempool_ops_table.sl);
	if (mempool_ops_find(h->name) >= 0) {
		rte_spinlock_unlock(&rte_mempool_ops_table.sl);
		RTE_LOG(ERR, MEMPOOL, "cannot register mempool ops '%s': already registered\n",
			h->name);
		return -EEXIST;
	}
	if (rte_mempool_ops_table.num_ops >= RTE_MEMPOOL_MAX_OPS_IDX) {
		rte_spinlock_unlock(&rte_mempool_ops_table.sl);
		RTE_LOG(ERR, MEMPOOL, "cannot register mempool ops '%s': all %d slots in use\n",
			h->name, RTE_MEMPOOL_MAX_OPS_IDX);
		return -ENOSPC;
	}
	idx = (int)rte_mempool_ops_table.num_ops;
	ops = &rte_mempool_ops_table.ops[idx];
	*ops = *h;
	rte_mempool_ops_table.num_ops++;
	rte_spinlock_unlock(&rte_mempool_ops_table.sl);
	return idx;
}

int
rte_mempool_check_ops(const struct rte_mempool *mp)
{
	int32_t idx = mp->ops_index;

	if (idx < 0 || idx >= RTE_MEMPOOL_MAX_OPS_IDX) {
		RTE_LOG(ERR, MEMPOOL, "mempool '%s' has no ops\n", mp->name);
		return -EINVAL;
	}
	/* Once per index: later pools with this index are checked on the control path only. */
	__atomic_store_n(&rte_mempool_ops_table.checked[idx], 1, __ATOMIC_RELAXED);
	if ((uint32_t)idx >= rte_mempool_ops_table.num_ops ||
	    strncmp(rte_mempool_ops_table.ops[idx].name, mp->ops_name,
		    RTE_MEMPOOL_OPS_NAMESIZE) != 0) {
		RTE_LOG(ERR, MEMPOOL, "mempool '%s' uses ops '%s' at index %d, but this process "
			"has '%s' there: processes must register the same mempool ops in the "
			"same order\n", mp->name, mp->ops_name, (int)idx,
			(uint32_t)idx < rte_mempool_ops_table.num_ops ?
			rte_mempool_ops_table.ops[idx].name : "nothing");
		return -EINVAL;
	}
	return 0;
}

int
rte_mempool_set_ops_byname(struct rte_mempool *mp, const char *name, void *pool_config)
{
	int idx;

	if (mp == NULL || name == NULL)
		return -EINVAL;
	if (mp->flags & RTE_MEMPOOL_F_POOL_CREATED) {
		RTE_LOG(ERR, MEMPOOL, "mempool '%s': cannot change ops to '%s' once populated\n",
			mp->name, name);
		return -EEXIST;
	}
	idx = mempool_ops_find(name);
	if (idx < 0) {
		RTE_LOG(ERR, MEMPOOL, "mempool '%s': no mempool ops named '%s'\n", mp->name, name);
		return -EINVAL;
	}
	mp->ops_index = idx;
	rte_strlcpy(mp->ops_name, name, sizeof(mp->ops_name));
	mp->pool_config = pool_config;
	return 0;
}

int
rte_mempool_ops_alloc(struct rte_mempool *mp)
{
	if (rte_mempool_check_ops(mp) < 0)
		return -EINVAL;
	return rte_mempool_get_ops(mp->ops_index)->alloc(mp);
}

void
rte_mempool_ops_free(struct rte_mempool *mp)
{
	struct rte_mempool_ops *ops;

	if (rte_mempool_check_ops(mp) < 0)
		return;
	ops = rte_mempool_get_ops(mp->ops_index);
	if (ops->free != NULL)
		ops->free(mp);
}

unsigned int
rte_mempool_ops_get_count(const struct rte_mempool *mp)
{
	return __rte_mempool_ops(mp)->get_count(mp);
}
