/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_ERRNO_H_
#define _RTE_ERRNO_H_

/**
 * @file
 * rte_errno: a per-thread error number set by Lockstep functions, as errno
 * is by libc, plus the few error values of DPDK's own.
 */

#include <rte_per_lcore.h>

#ifdef __cplusplus
extern "C" {
#endif

RTE_DECLARE_PER_LCORE(int, _rte_errno);

#define rte_errno RTE_PER_LCORE(_rte_errno)

/** Message for an errno or a Lockstep-specific error value; never NULL. */
const char *rte_strerror(int errnum);

#ifndef __ELASTERROR
#define __ELASTERROR 1000
#endif

enum {
	RTE_MIN_ERRNO = __ELASTERROR,
	E_RTE_SECONDARY,  /**< operation not allowed in a secondary process */
	E_RTE_NO_CONFIG,  /**< missing rte_config */
	RTE_MAX_ERRNO
};

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ERRNO_H_ */
