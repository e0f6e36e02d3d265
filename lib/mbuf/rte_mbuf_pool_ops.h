/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_MBUF_POOL_OPS_H_
#define _RTE_MBUF_POOL_OPS_H_

/**
 * @file
 * Which mempool ops pktmbuf pools use by default (DPDK 22.11 API). The
 * choices are stored in shared memory, so they apply to every process of
 * the group: the user's choice, else the platform's, else
 * RTE_MBUF_DEFAULT_MEMPOOL_OPS.
 */

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Set the platform's preferred ops, once for the group. 0, -EINVAL (bad
 * name), -EEXIST (other ops already set), or another negative errno.
 */
int rte_mbuf_set_platform_mempool_ops(const char *ops_name);

/** The platform's preferred ops, or NULL. */
const char *rte_mbuf_platform_mempool_ops(void);

/** Set the user's preferred ops for the group (may change). 0 or a negative errno. */
int rte_mbuf_set_user_mempool_ops(const char *ops_name);

/** The user's preferred ops, or NULL. */
const char *rte_mbuf_user_mempool_ops(void);

/** The ops a new pktmbuf pool should use. */
const char *rte_mbuf_best_mempool_ops(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MBUF_POOL_OPS_H_ */
