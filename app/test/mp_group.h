/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef MP_GROUP_H
#define MP_GROUP_H

/*
 * The cmocka side of multi-process tests: a group of helpers of the "eal"
 * role (a primary "p" and secondaries "s1", "s2", ... under one prefix
 * of mp_prefix()) and checks of their replies. Every function here fails
 * the running test when a helper does not start or answers otherwise than
 * expected; the runner then kills what is left (mp_cleanup_all).
 */

#include <stddef.h>

#include <rte_common.h>

#include "mp_harness.h"

#define MP_GROUP_MAX_SEC 4

struct mp_group {
	const char *prefix;
	int flags;                             /* spawn flags of every helper */
	struct mp_proc *p;
	struct mp_proc *s[MP_GROUP_MAX_SEC];   /* NULL where a test freed one */
	unsigned int ns;
};

/* mp_spawn_eal_flags() that must succeed. */
struct mp_proc *mp_start_eal(const char *name, const char *prefix, const char *const args[],
			     int flags);

/*
 * Start a primary with primary_args (NULL: --no-huge -m 128) and ns
 * secondaries with mp_group_add(g, NULL), all with spawn flags.
 */
void mp_group_start(struct mp_group *g, const char *const primary_args[], unsigned int ns,
		    int flags);

/* Start the next secondary, with args (NULL: --no-huge --proc-type=secondary). */
struct mp_proc *mp_group_add(struct mp_group *g, const char *const args[]);

/* Process i of the group: 0 the primary, i secondary si. */
struct mp_proc *mp_group_proc(const struct mp_group *g, unsigned int i);

/* Every secondary, then the primary, must quit with status 0. */
void mp_group_stop(struct mp_group *g);

/* Send p a command (printf format); its reply must be want. */
void mp_expect(struct mp_proc *p, const char *want, const char *fmt, ...)
	__rte_format_printf(3, 4);

/* Every live process of the group answers the command with want. */
void mp_expect_all(const struct mp_group *g, const char *want, const char *fmt, ...)
	__rte_format_printf(3, 4);

/* Send p a command; its reply, in reply, must start with prefix. */
void mp_expect_prefix(struct mp_proc *p, const char *prefix, char *reply, size_t size,
		      const char *fmt, ...) __rte_format_printf(5, 6);

/* The reply of p to a command, as a number (atoi). */
int mp_call_int(struct mp_proc *p, const char *fmt, ...) __rte_format_printf(2, 3);

/* The number after "key=" in a reply; the test fails when there is none. */
unsigned long mp_field(const char *reply, const char *key);

/* How many times what is in the captured stderr of p (MP_CAPTURE_STDERR). */
unsigned int mp_log_count(struct mp_proc *p, const char *what);

/* The open fds of p, from the "resources" command (test_hotplug_driver.c). */
unsigned long mp_open_fds(struct mp_proc *p);

/* What "resources" answered in each process of a group, to compare with later. */
struct mp_resources {
	char of[1 + MP_GROUP_MAX_SEC][64];
};

void mp_group_resources(const struct mp_group *g, struct mp_resources *r);

/* Every process answers "resources" as it did when r was taken. */
void mp_expect_resources(const struct mp_group *g, const struct mp_resources *r);

/* A devargs that must fail to attach, in a group of ethdev helpers (eth_commands.h). */
struct mp_bad_attach {
	unsigned int from;     /* 0: the primary, else that secondary */
	const char *devargs;
	const char *ret;       /* the reply; NULL: any negative errno */
	const char *line;      /* what the primary logs about it, once */
};

/*
 * "attach DEVARGS" from process c->from answers c->ret; no process has a
 * device or a port after it; the primary has logged c->line once.
 */
void mp_expect_attach_fails(const struct mp_group *g, const struct mp_bad_attach *c);

#endif /* MP_GROUP_H */
