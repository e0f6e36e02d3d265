/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The group's preferred mempool ops for pktmbuf pools, each in a small
 * memzone holding the name. A memzone, not a variable, so that a
 * secondary sees what the primary chose. Writes race only with other
 * writes of the same setting, which applications make at start-up.
 */

#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_mbuf_pool_ops.h>
#include <rte_mempool.h>
#include <rte_memzone.h>
#include <rte_string_fns.h>

#define PLATFORM_OPS_MZ "mbuf_platform_pool_ops"
#define USER_OPS_MZ "mbuf_user_pool_ops"

/* The memzone holding a setting, made if missing; NULL with rte_errno. */
static const struct rte_memzone *
setting_zone(const char *mz_name)
{
	const struct rte_memzone *mz = rte_memzone_lookup(mz_name);

	if (mz != NULL)
		return mz;
	mz = rte_memzone_reserve(mz_name, RTE_MEMPOOL_OPS_NAMESIZE, SOCKET_ID_ANY, 0);
	/* Another process may have made it meanwhile. */
	if (mz == NULL && rte_errno == EEXIST)
		mz = rte_memzone_lookup(mz_name);
	return mz;
}

static const char *
setting_get(const char *mz_name)
{
	const struct rte_memzone *mz = rte_memzone_lookup(mz_name);

	if (mz == NULL || ((const char *)mz->addr)[0] == '\0')
		return NULL;
	return mz->addr;
}

static int
check_name(const char *ops_name)
{
	size_t len;

	if (ops_name == NULL)
		return -EINVAL;
	len = strnlen(ops_name, RTE_MEMPOOL_OPS_NAMESIZE);
	if (len == 0 || len == RTE_MEMPOOL_OPS_NAMESIZE) {
		RTE_LOG(ERR, MBUF, "bad mempool ops name '%.*s'\n", RTE_MEMPOOL_OPS_NAMESIZE,
			ops_name);
		return -EINVAL;
	}
	return 0;
}

int
rte_mbuf_set_platform_mempool_ops(const char *ops_name)
{
	const struct rte_memzone *mz;
	const char *cur;

	if (check_name(ops_name) < 0)
		return -EINVAL;
	cur = setting_get(PLATFORM_OPS_MZ);
	if (cur != NULL) {
		if (strcmp(cur, ops_name) == 0)
			return 0;
		RTE_LOG(ERR, MBUF, "platform mempool ops already set to '%s', not '%s'\n",
			cur, ops_name);
		return -EEXIST;
	}
	mz = setting_zone(PLATFORM_OPS_MZ);
	if (mz == NULL) {
		RTE_LOG(ERR, MBUF, "cannot store the platform mempool ops: %s\n",
			rte_strerror(rte_errno));
		return -rte_errno;
	}
	rte_strlcpy(mz->addr, ops_name, RTE_MEMPOOL_OPS_NAMESIZE);
	return 0;
}

const char *
rte_mbuf_platform_mempool_ops(void)
{
	return setting_get(PLATFORM_OPS_MZ);
}

int
rte_mbuf_set_user_mempool_ops(const char *ops_name)
{
	const struct rte_memzone *mz;

	if (check_name(ops_name) < 0)
		return -EINVAL;
	mz = setting_zone(USER_OPS_MZ);
	if (mz == NULL) {
		RTE_LOG(ERR, MBUF, "cannot store the user mempool ops: %s\n",
			rte_strerror(rte_errno));
		return -rte_errno;
	}
	rte_strlcpy(mz->addr, ops_name, RTE_MEMPOOL_OPS_NAMESIZE);
	return 0;
}

const char *
rte_mbuf_user_mempool_ops(void)
{
	return setting_get(USER_OPS_MZ);
}

const char *
rte_mbuf_best_mempool_ops(void)
{
	const char *name = rte_mbuf_user_mempool_ops();

	if (name == NULL)
		name = rte_mbuf_platform_mempool_ops();
	return name != NULL ? name : RTE_MBUF_DEFAULT_MEMPOOL_OPS;
}
