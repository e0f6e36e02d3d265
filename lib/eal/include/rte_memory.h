/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_MEMORY_H_
#define _RTE_MEMORY_H_

/**
 * @file
 * Memory of the process group (DPDK 22.11 API).
 */

#include <stdint.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Any NUMA socket. */
#define SOCKET_ID_ANY -1

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMORY_H_ */
