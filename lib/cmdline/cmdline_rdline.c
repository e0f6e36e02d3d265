/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <rte_common.h>

#include "cmdline_private.h"

static int
end_of_line(struct rdline *rdl)
{
	struct cmdline *cl = container_of(rdl, struct cmdline, rdl);
	bool overflow = rdl->overflow;

	rdl->buf[rdl->len] = '\0';
	/*
	 * Start the next line before running this one, so that a command
	 * feeding input of its own (cmdline_in()) does not extend it.
	 */
	rdl->len = 0;
	rdl->overflow = false;
	cl->prompt_due = true;
	if (overflow)
		cmdline_refuse_long_line(cl);
	else
		cmdline_run_line(cl, rdl->buf);
	return rdl->status == RDLINE_EXITED ? RDLINE_RES_EXITED : RDLINE_RES_VALIDATED;
}

int
rdline_char_in(struct rdline *rdl, char c)
{
	if (rdl == NULL || rdl->status != RDLINE_RUNNING)
		return RDLINE_RES_NOT_RUNNING;
	switch (c) {
	case '\n':
	case '\r':
		return end_of_line(rdl);
	case '\b':
	case 0x7f:
		/* Of an overlong line, what was dropped is unknown: keep refusing it. */
		if (rdl->len > 0 && !rdl->overflow)
			rdl->len--;
		return RDLINE_RES_SUCCESS;
	default:
		break;
	}
	if ((unsigned char)c < 0x20 && c != '\t')
		return RDLINE_RES_SUCCESS;
	if (rdl->len == CMDLINE_LINE_MAX)
		rdl->overflow = true;
	else
		rdl->buf[rdl->len++] = c;
	return RDLINE_RES_SUCCESS;
}

const char *
rdline_get_buffer(struct rdline *rdl)
{
	if (rdl == NULL)
		return NULL;
	rdl->buf[rdl->len] = '\0';
	return rdl->buf;
}

void
rdline_reset(struct rdline *rdl)
{
	if (rdl == NULL)
		return;
	rdl->len = 0;
	rdl->overflow = false;
	rdl->status = RDLINE_RUNNING;
}

void
rdline_stop(struct rdline *rdl)
{
	if (rdl != NULL)
		rdl->status = RDLINE_INIT;
}

void
rdline_restart(struct rdline *rdl)
{
	if (rdl != NULL)
		rdl->status = RDLINE_RUNNING;
}

void
rdline_quit(struct rdline *rdl)
{
	if (rdl != NULL)
		rdl->status = RDLINE_EXITED;
}
