/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Reading lines from a terminal through libedit: editing, history, and
 * Tab completing the command words from the parse context.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <histedit.h>

#include <rte_common.h>

#include "cmdline_private.h"

#define HISTORY_SIZE 256

/* Longest completion or list entry; longer ones are cut. */
#define CHOICE_SIZE 256

struct cmdline_input {
	EditLine *el;
	History *hist;
	/*
	 * libedit works on stdio streams. They are opened on duplicates of
	 * the command line's descriptors, which cmdline_free() closes itself.
	 */
	FILE *in;
	FILE *out;
};

static struct cmdline *
cmdline_of(EditLine *el)
{
	void *cl = NULL;

	el_get(el, EL_CLIENTDATA, &cl);
	return cl;
}

static char *
prompt_of(EditLine *el)
{
	return cmdline_of(el)->prompt;
}

/*
 * Tab: append what all the possible words share, or else list them with
 * their help, as DPDK's own editor does.
 */
static unsigned char
complete(EditLine *el, int ch)
{
	struct cmdline *cl = cmdline_of(el);
	const LineInfo *li = el_line(el);
	size_t len = (size_t)(li->cursor - li->buffer);
	char line[CMDLINE_LINE_MAX + 1];
	char choice[CHOICE_SIZE];
	int state = 0;
	int ret;

	RTE_SET_USED(ch);
	if (len > CMDLINE_LINE_MAX)
		return CC_REFRESH_BEEP;
	memcpy(line, li->buffer, len);
	line[len] = '\0';

	ret = cmdline_complete(cl, line, &state, choice, sizeof(choice));
	if (ret == CMDLINE_PARSE_COMPLETED_BUFFER)
		return el_insertstr(el, choice) == 0 ? CC_REFRESH : CC_REFRESH_BEEP;
	if (ret != CMDLINE_PARSE_COMPLETE_AGAIN)
		return CC_REFRESH_BEEP;
	fputc('\n', cl->input->out);
	do {
		fprintf(cl->input->out, " %s\n", choice);
	} while (cmdline_complete(cl, line, &state, choice, sizeof(choice)) ==
		 CMDLINE_PARSE_COMPLETE_AGAIN);
	fflush(cl->input->out);
	return CC_REDISPLAY;
}

int
cmdline_editline_init(struct cmdline *cl)
{
	struct cmdline_input *in;
	HistEvent ev;
	int fd_in, fd_out;

	in = calloc(1, sizeof(*in));
	if (in == NULL)
		return -1;
	fd_in = fcntl(cl->s_in, F_DUPFD_CLOEXEC, 0);
	fd_out = fcntl(cl->s_out, F_DUPFD_CLOEXEC, 0);
	if (fd_in >= 0)
		in->in = fdopen(fd_in, "r");
	if (fd_out >= 0)
		in->out = fdopen(fd_out, "w");
	if (in->in == NULL || in->out == NULL) {
		if (in->in == NULL && fd_in >= 0)
			close(fd_in);
		if (in->out == NULL && fd_out >= 0)
			close(fd_out);
		goto fail;
	}
	in->el = el_init("lockstep", in->in, in->out, in->out);
	in->hist = history_init();
	if (in->el == NULL || in->hist == NULL)
		goto fail;
	history(in->hist, &ev, H_SETSIZE, HISTORY_SIZE);

	el_set(in->el, EL_CLIENTDATA, cl);
	el_set(in->el, EL_PROMPT, prompt_of);
	el_set(in->el, EL_EDITOR, "emacs");
	el_set(in->el, EL_HIST, history, in->hist);
	/* Restore the terminal before the program dies of a signal. */
	el_set(in->el, EL_SIGNAL, 1);
	/*
	 * The wide-character call keeps these strings as they are; the narrow
	 * one copies them and never frees the copies.
	 */
	el_wset(in->el, EL_ADDFN, L"lockstep-complete",
		L"Complete the command word", complete);
	el_set(in->el, EL_BIND, "^I", "lockstep-complete", NULL);
	cl->input = in;
	return 0;

fail:
	cl->input = in;
	cmdline_editline_free(cl);
	return -1;
}

void
cmdline_editline_free(struct cmdline *cl)
{
	struct cmdline_input *in = cl->input;

	if (in->el != NULL)
		el_end(in->el);
	if (in->hist != NULL)
		history_end(in->hist);
	if (in->in != NULL)
		fclose(in->in);
	if (in->out != NULL)
		fclose(in->out);
	free(in);
	cl->input = NULL;
}

static bool
is_blank_line(const char *line)
{
	return line[strspn(line, " \t\r\n")] == '\0';
}

int
cmdline_editline_line(struct cmdline *cl)
{
	struct cmdline_input *in = cl->input;
	const char *line;
	HistEvent ev;
	int count;

	line = el_gets(in->el, &count);
	if (line == NULL) {
		/* A signal handler may have called cmdline_quit(). */
		if (count < 0 && errno == EINTR)
			return 0;
		if (count < 0)
			CMDLINE_LOG(ERR, "cannot read commands from fd %d: %s\n",
				    cl->s_in, strerror(errno));
		else
			/* Leave the terminal on a fresh line after ^D. */
			cmdline_printf(cl, "\n");
		cl->rdl.status = RDLINE_EXITED;
		return -1;
	}
	if (cl->rdl.status != RDLINE_RUNNING)
		return 0;
	if (strlen(line) > CMDLINE_LINE_MAX) {
		cmdline_refuse_long_line(cl);
		return 0;
	}
	if (!is_blank_line(line))
		history(in->hist, &ev, H_ENTER, line);
	cmdline_run_line(cl, line);
	return 0;
}
