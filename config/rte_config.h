/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Compile-time configuration, included by every translation unit through
 * "-include rte_config.h" (the pkg-config files pass the same flag), as DPDK
 * applications expect.
 */

#ifndef _RTE_CONFIG_H_
#define _RTE_CONFIG_H_

#include <rte_build_config.h>

#define RTE_EXEC_ENV_LINUX 1
#define RTE_EXEC_ENV_LINUXAPP 1

/* EAL */
#define RTE_MAX_NUMA_NODES 8
#define RTE_MAX_HEAPS 32
#define RTE_MAX_MEMZONE 2560
#define RTE_MAX_TAILQ 32
#define RTE_LOG_DP_LEVEL RTE_LOG_INFO
#define RTE_BACKTRACE 1
#define RTE_MAX_VFIO_GROUPS 64
#define RTE_MAX_VFIO_CONTAINERS 64

/* mempool and mbuf */
#define RTE_MEMPOOL_CACHE_MAX_SIZE 512
#define RTE_MBUF_DEFAULT_MEMPOOL_OPS "ring_mp_mc"
#define RTE_MBUF_REFCNT_ATOMIC 1
#define RTE_PKTMBUF_HEADROOM 128

/* ethdev */
#define RTE_MAX_QUEUES_PER_PORT 1024
#define RTE_ETHDEV_QUEUE_STAT_CNTRS 16
#define RTE_ETHDEV_RXTX_CALLBACKS 1

#endif /* _RTE_CONFIG_H_ */
