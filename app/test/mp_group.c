/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/* Groups of helpers and checks of their replies (mp_group.h). */

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mp_group.h"
#include "test.h"

#define CMD_MAX 512
#define REPLY_MAX 1024

struct mp_proc *
mp_start_eal(const char *name, const char *prefix, const char *const args[], int flags)
{
	struct mp_proc *p = mp_spawn_eal_flags(name, prefix, args, flags);

	if (p == NULL)
		fail_msg("helper %s (prefix %s) did not start", name, prefix);
	return p;
}

void
mp_group_start(struct mp_group *g, const char *const primary_args[], unsigned int ns,
	       int flags)
{
	static const char *const default_primary[] = { "--no-huge", "-m", "128", NULL };

	memset(g, 0, sizeof(*g));
	g->prefix = mp_prefix();
	g->flags = flags;
	g->p = mp_start_eal("p", g->prefix, primary_args != NULL ? primary_args :
			    default_primary, flags);
	while (g->ns < ns)
		mp_group_add(g, NULL);
}

struct mp_proc *
mp_group_add(struct mp_group *g, const char *const args[])
{
	static const char *const default_secondary[] = { "--no-huge", "--proc-type=secondary",
							 NULL };
	char name[8];

	assert_true(g->ns < MP_GROUP_MAX_SEC);
	snprintf(name, sizeof(name), "s%u", g->ns + 1);
	g->s[g->ns] = mp_start_eal(name, g->prefix, args != NULL ? args : default_secondary,
				   g->flags);
	return g->s[g->ns++];
}

struct mp_proc *
mp_group_proc(const struct mp_group *g, unsigned int i)
{
	return i == 0 ? g->p : g->s[i - 1];
}

void
mp_group_stop(struct mp_group *g)
{
	unsigned int i;

	for (i = 0; i < g->ns; i++) {
		if (g->s[i] != NULL)
			assert_int_equal(mp_quit(g->s[i]), 0);
	}
	assert_int_equal(mp_quit(g->p), 0);
}

/* Send cmd; the reply, in reply, must be want (or start with it, when !whole). */
static void
check_reply(struct mp_proc *p, const char *want, bool whole, char *reply, size_t size,
	    const char *fmt, va_list ap)
{
	char cmd[CMD_MAX];

	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	if (mp_call(p, reply, size, "%s", cmd) != 0)
		fail_msg("%s: no reply to '%s'", p->name, cmd);
	if (whole ? strcmp(reply, want) != 0 : strncmp(reply, want, strlen(want)) != 0)
		fail_msg("%s: '%s' answered '%s', expected '%s'%s", p->name, cmd, reply, want,
			 whole ? "" : "...");
}

void
mp_expect(struct mp_proc *p, const char *want, const char *fmt, ...)
{
	char reply[REPLY_MAX];
	va_list ap;

	va_start(ap, fmt);
	check_reply(p, want, true, reply, sizeof(reply), fmt, ap);
	va_end(ap);
}

void
mp_expect_all(const struct mp_group *g, const char *want, const char *fmt, ...)
{
	char reply[REPLY_MAX];
	unsigned int i;
	va_list ap;

	for (i = 0; i <= g->ns; i++) {
		if (mp_group_proc(g, i) == NULL)
			continue;
		va_start(ap, fmt);
		check_reply(mp_group_proc(g, i), want, true, reply, sizeof(reply), fmt, ap);
		va_end(ap);
	}
}

void
mp_expect_prefix(struct mp_proc *p, const char *prefix, char *reply, size_t size,
		 const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	check_reply(p, prefix, false, reply, size, fmt, ap);
	va_end(ap);
}

int
mp_call_int(struct mp_proc *p, const char *fmt, ...)
{
	char cmd[CMD_MAX], reply[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	if (mp_call(p, reply, sizeof(reply), "%s", cmd) != 0)
		fail_msg("%s: no reply to '%s'", p->name, cmd);
	return atoi(reply);
}

unsigned long
mp_field(const char *reply, const char *key)
{
	size_t len = strlen(key);
	const char *s;

	for (s = strstr(reply, key); s != NULL; s = strstr(s + 1, key)) {
		if ((s == reply || s[-1] == ' ') && s[len] == '=')
			return strtoul(s + len + 1, NULL, 10);
	}
	fail_msg("no %s= in '%s'", key, reply);
	return 0;
}

unsigned int
mp_log_count(struct mp_proc *p, const char *what)
{
	const char *text = mp_stderr(p);
	unsigned int n = 0;

	for (text = strstr(text, what); text != NULL; text = strstr(text + 1, what))
		n++;
	return n;
}

unsigned long
mp_open_fds(struct mp_proc *p)
{
	char reply[128];

	mp_expect_prefix(p, "fds=", reply, sizeof(reply), "resources");
	return mp_field(reply, "fds");
}

void
mp_group_resources(const struct mp_group *g, struct mp_resources *r)
{
	unsigned int i;

	for (i = 0; i <= g->ns; i++)
		mp_expect_prefix(mp_group_proc(g, i), "fds=", r->of[i], sizeof(r->of[i]),
				 "resources");
}

void
mp_expect_resources(const struct mp_group *g, const struct mp_resources *r)
{
	unsigned int i;

	for (i = 0; i <= g->ns; i++)
		mp_expect(mp_group_proc(g, i), r->of[i], "resources");
}

void
mp_expect_attach_fails(const struct mp_group *g, const struct mp_bad_attach *c)
{
	struct mp_proc *p = mp_group_proc(g, c->from);
	char reply[64];

	if (mp_call(p, reply, sizeof(reply), "attach %s", c->devargs) != 0)
		fail_msg("%s: no reply to 'attach %s'", p->name, c->devargs);
	if (c->ret != NULL ? strcmp(reply, c->ret) != 0 : atoi(reply) >= 0)
		fail_msg("%s: attach %s answered %s, expected %s", p->name, c->devargs, reply,
			 c->ret != NULL ? c->ret : "a negative errno");
	mp_expect_all(g, "-", "devices");
	mp_expect_all(g, "-", "eth_ports");
	mp_expect_all(g, "-", "eth_slot 0");
	if (mp_log_count(g->p, c->line) != 1)
		fail_msg("the primary logged '%s' %u times:\n%s", c->line,
			 mp_log_count(g->p, c->line), mp_stderr(g->p));
}
