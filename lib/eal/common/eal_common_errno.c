/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_per_lcore.h>

RTE_DEFINE_PER_LCORE(int, _rte_errno);

const char *
rte_strerror(int errnum)
{
	/* A per-thread buffer, as strerror_r needs somewhere to write. */
	static __thread char buf[128];

	/* -INT_MIN does not exist; no errno is that large anyway. */
	if (errnum < 0 && errnum != INT_MIN)
		errnum = -errnum;
	switch (errnum) {
	case E_RTE_SECONDARY:
		return "Invalid call in secondary process";
	case E_RTE_NO_CONFIG:
		return "Missing rte_config structure";
	default:
		if (errnum > RTE_MIN_ERRNO && errnum < RTE_MAX_ERRNO)
			return "Unknown Lockstep error";
		/* GNU strerror_r may return a static string instead of filling buf. */
		return strerror_r(errnum, buf, sizeof(buf));
	}
}
