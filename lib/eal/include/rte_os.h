/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_OS_H_
#define _RTE_OS_H_

/**
 * @file
 * Linux definitions the portable headers build on, and the OS helpers the
 * libraries share.
 */

#include <sched.h>
#include <stddef.h>
#include <sys/queue.h>

#include <rte_compat.h>

typedef cpu_set_t rte_cpuset_t;
#define RTE_HAS_CPUSET
#define RTE_CPU_AND(dst, src1, src2) CPU_AND(dst, src1, src2)
#define RTE_CPU_OR(dst, src1, src2) CPU_OR(dst, src1, src2)
#define RTE_CPU_FILL(set) do { \
	unsigned int i_; \
	CPU_ZERO(set); \
	for (i_ = 0; i_ < CPU_SETSIZE; i_++) \
		CPU_SET(i_, set); \
} while (0)
#define RTE_CPU_NOT(dst, src) do { \
	cpu_set_t tmp_; \
	RTE_CPU_FILL(&tmp_); \
	CPU_XOR(dst, &tmp_, src); \
} while (0)

#ifndef LIST_FOREACH_SAFE
#define LIST_FOREACH_SAFE(var, head, field, tvar) \
	for ((var) = LIST_FIRST((head)); \
	     (var) && ((tvar) = LIST_NEXT((var), field), 1); \
	     (var) = (tvar))
#endif

#ifndef TAILQ_FOREACH_SAFE
#define TAILQ_FOREACH_SAFE(var, head, field, tvar) \
	for ((var) = TAILQ_FIRST((head)); \
	     (var) && ((tvar) = TAILQ_NEXT((var), field), 1); \
	     (var) = (tvar))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Write all len bytes of buf to fd, going on after short writes (pipes,
 * sockets) and signals, so that a message is never cut.
 *
 * @return
 *   0, or the -errno of the write that failed.
 */
__rte_internal
int rte_write_all(int fd, const void *buf, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_OS_H_ */
