/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Where lines come from. On a terminal they come from libedit when
 * Lockstep has it; otherwise bytes are read one at a time into the line
 * buffer (cmdline_rdline.c), so that nothing past the last command run is
 * taken from the descriptor. A terminal then shows the prompt and does
 * its own echo and basic editing; a pipe or file gets neither prompt nor
 * echo, which keeps the output of scripted sessions exact.
 */

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "cmdline_private.h"

void
cmdline_input_init(struct cmdline *cl)
{
#ifdef RTE_HAS_LIBEDIT
	if (cl->tty_in && cl->s_out >= 0 && cmdline_editline_init(cl) < 0)
		CMDLINE_LOG(WARNING, "libedit cannot start on fd %d, reading plain lines\n",
			    cl->s_in);
#else
	RTE_SET_USED(cl);
#endif
}

void
cmdline_input_free(struct cmdline *cl)
{
#ifdef RTE_HAS_LIBEDIT
	if (cl->input != NULL)
		cmdline_editline_free(cl);
#else
	RTE_SET_USED(cl);
#endif
}

static void
show_prompt(struct cmdline *cl)
{
	if (!cl->prompt_due)
		return;
	cl->prompt_due = false;
	if (cl->tty_in)
		cmdline_printf(cl, "%s", cl->prompt);
}

/* The input ended: run what is left of a last line without newline, then stop. */
static void
end_of_input(struct cmdline *cl)
{
	if (cl->rdl.len > 0 || cl->rdl.overflow)
		rdline_char_in(&cl->rdl, '\n');
	else if (cl->tty_in)
		/* Leave the terminal on a fresh line after ^D. */
		cmdline_printf(cl, "\n");
	cl->rdl.status = RDLINE_EXITED;
}

static int
plain_line(struct cmdline *cl)
{
	ssize_t n;
	char c;

	for (;;) {
		show_prompt(cl);
		n = read(cl->s_in, &c, 1);
		if (n < 0 && errno == EINTR) {
			/* A signal handler may have called cmdline_quit(). */
			if (cl->rdl.status == RDLINE_EXITED)
				return 0;
			continue;
		}
		if (n <= 0) {
			if (n < 0)
				CMDLINE_LOG(ERR, "cannot read commands from fd %d: %s\n",
					    cl->s_in, strerror(errno));
			end_of_input(cl);
			return -1;
		}
		switch (rdline_char_in(&cl->rdl, c)) {
		case RDLINE_RES_VALIDATED:
		case RDLINE_RES_EXITED:
			return 0;
		case RDLINE_RES_NOT_RUNNING:
			if (cl->rdl.status == RDLINE_EXITED)
				return 0;
			break;
		default:
			break;
		}
	}
}

int
cmdline_input_line(struct cmdline *cl)
{
#ifdef RTE_HAS_LIBEDIT
	if (cl->input != NULL)
		return cmdline_editline_line(cl);
#endif
	return plain_line(cl);
}

/*
 * Always plain reading, libedit or not: libedit reads whole lines, and a
 * terminal in its normal mode hands over nothing before the line is
 * complete anyway.
 */
int
cmdline_input_poll(struct cmdline *cl)
{
	struct pollfd pfd = { .fd = cl->s_in, .events = POLLIN };
	ssize_t n;
	char c;
	int ret;

	show_prompt(cl);
	ret = poll(&pfd, 1, 0);
	if (ret < 0)
		return errno == EINTR ? 0 : -errno;
	if (ret == 0)
		return 0;
	n = read(cl->s_in, &c, 1);
	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? 0 : -errno;
	if (n == 0)
		end_of_input(cl);
	else
		rdline_char_in(&cl->rdl, c);
	return 0;
}
