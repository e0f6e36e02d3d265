/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_os.h>
#include <rte_string_fns.h>

#include "cmdline_private.h"

RTE_LOG_REGISTER_DEFAULT(cmdline_logtype, INFO);

/* Messages of DPDK's command line, which scripted sessions compare against. */
void
cmdline_run_line(struct cmdline *cl, const char *line)
{
	switch (cmdline_parse(cl, line)) {
	case CMDLINE_PARSE_AMBIGUOUS:
		cmdline_printf(cl, "Ambiguous command\n");
		break;
	case CMDLINE_PARSE_NOMATCH:
		cmdline_printf(cl, "Command not found\n");
		break;
	case CMDLINE_PARSE_BAD_ARGS:
		cmdline_printf(cl, "Bad arguments\n");
		break;
	default:
		break;
	}
}

void
cmdline_refuse_long_line(struct cmdline *cl)
{
	cmdline_printf(cl, "Command too long\n");
}

struct cmdline *
cmdline_new(cmdline_parse_ctx_t *ctx, const char *prompt, int s_in, int s_out)
{
	struct cmdline *cl;

	if (ctx == NULL || prompt == NULL)
		return NULL;
	cl = calloc(1, sizeof(*cl));
	if (cl == NULL) {
		CMDLINE_LOG(ERR, "no memory for a command line on fd %d\n", s_in);
		return NULL;
	}
	cl->s_in = s_in;
	cl->s_out = s_out;
	cl->ctx = ctx;
	cmdline_set_prompt(cl, prompt);
	cl->rdl.status = RDLINE_RUNNING;
	cl->tty_in = isatty(s_in) == 1;
	cl->prompt_due = true;
	cmdline_input_init(cl);
	return cl;
}

void
cmdline_set_prompt(struct cmdline *cl, const char *prompt)
{
	if (cl == NULL || prompt == NULL)
		return;
	strlcpy(cl->prompt, prompt, sizeof(cl->prompt));
}

void
cmdline_free(struct cmdline *cl)
{
	if (cl == NULL)
		return;
	cmdline_input_free(cl);
	/* The standard streams stay open for the rest of the program. */
	if (cl->s_in > STDERR_FILENO)
		close(cl->s_in);
	if (cl->s_out != cl->s_in && cl->s_out > STDERR_FILENO)
		close(cl->s_out);
	free(cl);
}

void
cmdline_printf(const struct cmdline *cl, const char *fmt, ...)
{
	char small[256];
	char *buf = small;
	va_list ap;
	int len;

	if (cl == NULL || fmt == NULL || cl->s_out < 0)
		return;
	va_start(ap, fmt);
	len = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (len < 0)
		return;
	/* Long output (a table, a dump) is written whole, never truncated. */
	if ((size_t)len >= sizeof(small)) {
		buf = malloc((size_t)len + 1);
		if (buf == NULL)
			return;
		va_start(ap, fmt);
		vsnprintf(buf, (size_t)len + 1, fmt, ap);
		va_end(ap);
	}
	rte_write_all(cl->s_out, buf, (size_t)len);
	if (buf != small)
		free(buf);
}

int
cmdline_in(struct cmdline *cl, const char *buf, int size)
{
	int i;

	if (cl == NULL || buf == NULL || size < 0 ||
	    cl->rdl.status != RDLINE_RUNNING)
		return -1;
	for (i = 0; i < size; i++) {
		switch (rdline_char_in(&cl->rdl, buf[i])) {
		case RDLINE_RES_EXITED:
			return i + 1;
		case RDLINE_RES_NOT_RUNNING:
			/* A command stopped the line: the rest is not taken. */
			return i;
		default:
			break;
		}
	}
	return size;
}

int
cmdline_write_char(struct rdline *rdl, char c)
{
	struct cmdline *cl;

	if (rdl == NULL)
		return -1;
	cl = container_of(rdl, struct cmdline, rdl);
	if (cl->s_out < 0)
		return -1;
	return (int)write(cl->s_out, &c, 1);
}

struct rdline *
cmdline_get_rdline(struct cmdline *cl)
{
	return cl != NULL ? &cl->rdl : NULL;
}

int
cmdline_poll(struct cmdline *cl)
{
	int ret;

	if (cl == NULL)
		return -EINVAL;
	if (cl->rdl.status == RDLINE_EXITED)
		return RDLINE_EXITED;
	ret = cmdline_input_poll(cl);
	if (ret < 0)
		return ret;
	return cl->rdl.status;
}

void
cmdline_interact(struct cmdline *cl)
{
	if (cl == NULL)
		return;
	while (cl->rdl.status != RDLINE_EXITED && cmdline_input_line(cl) == 0)
		;
}

void
cmdline_quit(struct cmdline *cl)
{
	if (cl != NULL)
		rdline_quit(&cl->rdl);
}
