/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_OS_H_
#define _RTE_OS_H_

/**
 * @file
 * Linux definitions the portable headers build on.
 */

#include <sched.h>
#include <sys/queue.h>

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

#endif /* _RTE_OS_H_ */
