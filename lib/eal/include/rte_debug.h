/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_DEBUG_H_
#define _RTE_DEBUG_H_

/**
 * @file
 * Fatal-error helpers: rte_panic, rte_exit, RTE_VERIFY.
 */

#include <rte_common.h>
#include <rte_branch_prediction.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Print the current call stack to the log. */
void rte_dump_stack(void);

/** Log a message with the stack, then abort(). */
#define rte_panic(...) rte_panic_(__func__, __VA_ARGS__, "dummy")
#define rte_panic_(func, format, ...) __rte_panic(func, format "%.0s", __VA_ARGS__)

#ifdef RTE_ENABLE_ASSERT
#define RTE_ASSERT(exp) RTE_VERIFY(exp)
#else
#define RTE_ASSERT(exp) do {} while (0)
#endif

/** Panic when exp is false, in every build. */
#define RTE_VERIFY(exp) do { \
	if (unlikely(!(exp))) \
		rte_panic("line %d\tassert \"%s\" failed\n", __LINE__, #exp); \
} while (0)

void __rte_panic(const char *funcname, const char *format, ...)
	__rte_noreturn __rte_cold __rte_format_printf(2, 3);

/**
 * Log a critical message, release EAL resources (rte_eal_cleanup) and exit
 * the process with exit_code.
 */
void rte_exit(int exit_code, const char *format, ...)
	__rte_noreturn __rte_format_printf(2, 3);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_DEBUG_H_ */
