/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

#include "eal_memcfg.h"
#include "eal_private.h"

/*
 * Lists registered in this process, by constructors before rte_eal_init()
 * or by code loaded later. Each gets its shared head at init (or at once
 * when registered after init), by name, so every process finds the same.
 */
static TAILQ_HEAD(, rte_tailq_elem) registered = TAILQ_HEAD_INITIALIZER(registered);
static bool tailqs_ready;

/* Called with the tailq lock held. */
static struct rte_tailq_head *
head_lookup(const char *name)
{
	struct eal_shared_config *cfg = eal_shared_config();
	unsigned int i;

	for (i = 0; i < RTE_MAX_TAILQ; i++) {
		if (strncmp(cfg->tailq_head[i].name, name, RTE_TAILQ_NAMESIZE) == 0)
			return &cfg->tailq_head[i];
	}
	return NULL;
}

struct rte_tailq_head *
rte_eal_tailq_lookup(const char *name)
{
	struct rte_tailq_head *h;

	if (name == NULL || eal_shared_config() == NULL)
		return NULL;
	rte_mcfg_tailq_read_lock();
	h = head_lookup(name);
	rte_mcfg_tailq_read_unlock();
	return h;
}

void *
rte_eal_tailq_obj_lookup(const struct rte_tailq_elem *t, const char *name,
			 size_t name_offset, size_t namesize)
{
	const struct rte_tailq_entry *te;
	void *obj = NULL;

	if (t->head == NULL) {
		rte_errno = E_RTE_NO_CONFIG;
		return NULL;
	}
	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	rte_mcfg_tailq_read_lock();
	TAILQ_FOREACH(te, &t->head->tailq_head, next) {
		if (strncmp(name, (const char *)te->data + name_offset, namesize) == 0) {
			obj = te->data;
			break;
		}
	}
	rte_mcfg_tailq_read_unlock();
	if (obj == NULL)
		rte_errno = ENOENT;
	return obj;
}

struct rte_tailq_entry *
rte_eal_tailq_obj_remove(const struct rte_tailq_elem *t, const void *obj)
{
	struct rte_tailq_entry *te;

	if (t->head == NULL)
		return NULL;
	rte_mcfg_tailq_write_lock();
	TAILQ_FOREACH(te, &t->head->tailq_head, next) {
		if (te->data == obj)
			break;
	}
	if (te != NULL)
		TAILQ_REMOVE(&t->head->tailq_head, te, next);
	rte_mcfg_tailq_write_unlock();
	return te;
}

/* Find or create the shared head for t. */
static int
tailq_attach(struct rte_tailq_elem *t)
{
	struct eal_shared_config *cfg = eal_shared_config();
	struct rte_tailq_head *h;
	unsigned int i;

	rte_mcfg_tailq_write_lock();
	h = head_lookup(t->name);
	for (i = 0; h == NULL && i < RTE_MAX_TAILQ; i++) {
		if (cfg->tailq_head[i].name[0] == '\0') {
			h = &cfg->tailq_head[i];
			rte_strlcpy(h->name, t->name, sizeof(h->name));
			TAILQ_INIT(&h->tailq_head);
		}
	}
	rte_mcfg_tailq_write_unlock();
	if (h == NULL) {
		RTE_LOG(ERR, EAL, "no room for tailq '%s': RTE_MAX_TAILQ (%d) are in use\n",
			t->name, RTE_MAX_TAILQ);
		return -ENOSPC;
	}
	t->head = h;
	return 0;
}

int
rte_eal_tailq_register(struct rte_tailq_elem *t)
{
	struct rte_tailq_elem *e;

	if (t == NULL || t->name[0] == '\0' ||
	    strnlen(t->name, RTE_TAILQ_NAMESIZE) == RTE_TAILQ_NAMESIZE) {
		rte_errno = EINVAL;
		return -1;
	}
	TAILQ_FOREACH(e, &registered, next) {
		if (strncmp(e->name, t->name, RTE_TAILQ_NAMESIZE) == 0) {
			rte_errno = EEXIST;
			return -1;
		}
	}
	if (tailqs_ready && tailq_attach(t) < 0) {
		rte_errno = ENOSPC;
		return -1;
	}
	TAILQ_INSERT_TAIL(&registered, t, next);
	return 0;
}

int
eal_tailqs_init(void)
{
	struct rte_tailq_elem *t;
	int ret;

	TAILQ_FOREACH(t, &registered, next) {
		ret = tailq_attach(t);
		if (ret < 0)
			return ret;
	}
	tailqs_ready = true;
	return 0;
}

void
eal_tailqs_cleanup(void)
{
	struct rte_tailq_elem *t;

	TAILQ_FOREACH(t, &registered, next)
		t->head = NULL;
	tailqs_ready = false;
}

void
rte_dump_tailq(FILE *f)
{
	struct eal_shared_config *cfg = eal_shared_config();
	unsigned int i;

	if (cfg == NULL)
		return;
	rte_mcfg_tailq_read_lock();
	for (i = 0; i < RTE_MAX_TAILQ; i++) {
		const struct rte_tailq_head *h = &cfg->tailq_head[i];
		const struct rte_tailq_entry *e;
		unsigned int n = 0;

		if (h->name[0] == '\0')
			continue;
		TAILQ_FOREACH(e, &h->tailq_head, next)
			n++;
		fprintf(f, "Tailq %u: qname:<%s>, entries:%u\n", i, h->name, n);
	}
	rte_mcfg_tailq_read_unlock();
}
