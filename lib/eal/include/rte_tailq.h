/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_TAILQ_H_
#define _RTE_TAILQ_H_

/**
 * @file
 * Named lists in shared memory (DPDK 22.11 API), used by libraries to find
 * their objects (rings, mempools...) by name from any process. A library
 * registers its list with EAL_REGISTER_TAILQ; after rte_eal_init() the
 * head lives in the shared config, protected by the tailq lock
 * (rte_mcfg_tailq_read/write_lock).
 */

#include <stdio.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_compat.h>
#include <rte_debug.h>
#include <rte_os.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_tailq_entry {
	TAILQ_ENTRY(rte_tailq_entry) next;
	void *data; /**< the object, in shared memory */
};

TAILQ_HEAD(rte_tailq_entry_head, rte_tailq_entry);

#define RTE_TAILQ_NAMESIZE 32

struct rte_tailq_head {
	struct rte_tailq_entry_head tailq_head;
	char name[RTE_TAILQ_NAMESIZE];
};

struct rte_tailq_elem {
	struct rte_tailq_head *head; /**< set by the EAL */
	TAILQ_ENTRY(rte_tailq_elem) next;
	const char name[RTE_TAILQ_NAMESIZE];
};

#define RTE_TAILQ_CAST(tailq_entry, struct_name) \
	(struct struct_name *)&(tailq_entry)->tailq_head

#define RTE_TAILQ_LOOKUP(name, struct_name) \
	RTE_TAILQ_CAST(rte_eal_tailq_lookup(name), struct_name)

#define RTE_TAILQ_FOREACH(var, head, field) TAILQ_FOREACH(var, head, field)
#define RTE_TAILQ_FOREACH_SAFE(var, head, field, tvar) \
	TAILQ_FOREACH_SAFE(var, head, field, tvar)

/** Print every list and its entries. */
void rte_dump_tailq(FILE *f);

/** The shared head of the list named name, or NULL. */
struct rte_tailq_head *rte_eal_tailq_lookup(const char *name);

/** Register a list; before rte_eal_init() it is set up at init. 0 or -1. */
int rte_eal_tailq_register(struct rte_tailq_elem *t);

/**
 * For a library that lists its objects in the tailq t: the object whose
 * name, a char array of namesize bytes at name_offset in each object
 * (e.g. offsetof(struct rte_ring, name)), is name. Takes the tailq read lock.
 *
 * @return
 *   The object, or NULL with rte_errno set: E_RTE_NO_CONFIG before
 *   rte_eal_init(), EINVAL when name is NULL, ENOENT when no object has it.
 */
__rte_internal
void *rte_eal_tailq_obj_lookup(const struct rte_tailq_elem *t, const char *name,
			       size_t name_offset, size_t namesize);

/**
 * Unlink from the tailq t the entry whose data is obj, under the tailq
 * write lock.
 *
 * @return
 *   The entry, for the caller to rte_free(), or NULL when obj is not
 *   listed (or before rte_eal_init()).
 */
__rte_internal
struct rte_tailq_entry *rte_eal_tailq_obj_remove(const struct rte_tailq_elem *t,
						 const void *obj);

#define EAL_REGISTER_TAILQ(t) \
RTE_INIT(tailqinitfn_ ##t) \
{ \
	if (rte_eal_tailq_register(&t) < 0) \
		rte_panic("Cannot initialize tailq: %s\n", t.name); \
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_TAILQ_H_ */
