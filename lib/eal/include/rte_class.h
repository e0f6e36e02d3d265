/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_CLASS_H_
#define _RTE_CLASS_H_

/**
 * @file
 * Device classes ("eth"...): the layer above buses that device iterators
 * ("class=eth,mac=...") walk (DPDK 22.11 API).
 */

#include <sys/queue.h>

#include <rte_common.h>
#include <rte_dev.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_class {
	TAILQ_ENTRY(rte_class) next;
	const char *name;
	rte_dev_iterate_t dev_iterate;
};

typedef int (*rte_class_cmp_t)(const struct rte_class *cls, const void *data);

struct rte_class *rte_class_find(const struct rte_class *start, rte_class_cmp_t cmp,
				 const void *data);
struct rte_class *rte_class_find_by_name(const char *name);
void rte_class_register(struct rte_class *cls);
void rte_class_unregister(struct rte_class *cls);

#define RTE_REGISTER_CLASS(nm, cls) \
RTE_INIT_PRIO(classinitfn_ ##nm, CLASS) \
{ \
	(cls).name = RTE_STR(nm); \
	rte_class_register(&cls); \
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_CLASS_H_ */
