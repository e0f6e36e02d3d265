/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <execinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <rte_common.h>
#include <rte_debug.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>

#define BACKTRACE_SIZE 64

void
rte_dump_stack(void)
{
	void *frames[BACKTRACE_SIZE];
	char **symbols;
	int n, i;

	n = backtrace(frames, BACKTRACE_SIZE);
	symbols = backtrace_symbols(frames, n);
	for (i = 0; i < n; i++)
		rte_log(RTE_LOG_ERR, RTE_LOGTYPE_EAL, "%d: [%s]\n", n - i,
			symbols != NULL ? symbols[i] : "?");
	free(symbols);
}

void
__rte_panic(const char *funcname, const char *format, ...)
{
	va_list ap;

	rte_log(RTE_LOG_CRIT, RTE_LOGTYPE_EAL, "PANIC in %s():\n", funcname);
	va_start(ap, format);
	rte_vlog(RTE_LOG_CRIT, RTE_LOGTYPE_EAL, format, ap);
	va_end(ap);
	rte_dump_stack();
	abort();
}

void
rte_exit(int exit_code, const char *format, ...)
{
	va_list ap;

	va_start(ap, format);
	rte_vlog(RTE_LOG_CRIT, RTE_LOGTYPE_EAL, format, ap);
	va_end(ap);
	if (rte_eal_cleanup() != 0 && rte_errno != EALREADY)
		RTE_LOG(CRIT, EAL, "EAL could not release all resources\n");
	exit(exit_code);
}
