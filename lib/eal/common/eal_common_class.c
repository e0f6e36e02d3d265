/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <string.h>
#include <sys/queue.h>

#include <rte_class.h>
#include <rte_common.h>
#include <rte_debug.h>

/* Registered from constructors, before main(); read-only afterwards. */
static TAILQ_HEAD(, rte_class) classes = TAILQ_HEAD_INITIALIZER(classes);

void
rte_class_register(struct rte_class *cls)
{
	RTE_VERIFY(cls != NULL && cls->name != NULL);
	TAILQ_INSERT_TAIL(&classes, cls, next);
}

void
rte_class_unregister(struct rte_class *cls)
{
	TAILQ_REMOVE(&classes, cls, next);
}

struct rte_class *
rte_class_find(const struct rte_class *start, rte_class_cmp_t cmp, const void *data)
{
	struct rte_class *cls = start != NULL ? TAILQ_NEXT(start, next) : TAILQ_FIRST(&classes);

	for (; cls != NULL; cls = TAILQ_NEXT(cls, next)) {
		if (cmp(cls, data) == 0)
			return cls;
	}
	return NULL;
}

static int
cmp_name(const struct rte_class *cls, const void *name)
{
	return strcmp(cls->name, name);
}

struct rte_class *
rte_class_find_by_name(const char *name)
{
	return name != NULL ? rte_class_find(NULL, cmp_name, name) : NULL;
}
