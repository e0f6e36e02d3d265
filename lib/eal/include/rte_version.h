/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_VERSION_H_
#define _RTE_VERSION_H_

/**
 * @file
 * Version macros. RTE_VERSION is the DPDK API level Lockstep implements,
 * so that applications' version checks pick the matching code paths;
 * LOCKSTEP_VERSION is Lockstep's own release.
 */

#include <rte_config.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_VERSION_NUM(a, b, c, d) ((a) << 24 | (b) << 16 | (c) << 8 | (d))

#define RTE_VERSION RTE_VERSION_NUM(RTE_VER_YEAR, RTE_VER_MONTH, \
				    RTE_VER_MINOR, RTE_VER_RELEASE)

/** "Lockstep <version> (DPDK <api> API)". */
const char *rte_version(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_VERSION_H_ */
