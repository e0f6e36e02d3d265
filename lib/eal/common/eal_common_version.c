/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <rte_common.h>
#include <rte_version.h>

const char *
rte_version(void)
{
	return "Lockstep " LOCKSTEP_VERSION " (DPDK " RTE_STR(RTE_VER_YEAR) "."
	       RTE_STR(RTE_VER_MONTH) " API)";
}
