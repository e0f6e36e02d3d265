/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _CMDLINE_PRIVATE_H_
#define _CMDLINE_PRIVATE_H_

#include <stdbool.h>
#include <termios.h>

#include <rte_log.h>

#include <cmdline.h>

extern int cmdline_logtype;
#define CMDLINE_LOG(level, ...) \
	rte_log(RTE_LOG_ ## level, cmdline_logtype, "CMDLINE: " __VA_ARGS__)

/*
 * The longest line taken, in bytes: room for a command word and a full
 * cmdline_multi_string_t. Longer lines are refused whole rather than run
 * cut short.
 */
#define CMDLINE_LINE_MAX 8192

#define CMDLINE_PROMPT_SIZE 32

struct rdline {
	/*
	 * Written by cmdline_quit(), which another thread or a signal
	 * handler may call while the reading thread tests it.
	 */
	volatile enum rdline_status status;
	bool overflow; /* the current line outgrew buf */
	unsigned int len;
	char buf[CMDLINE_LINE_MAX + 1];
};

struct cmdline_input; /* libedit state, cmdline_editline.c */

struct cmdline {
	int s_in;
	int s_out;
	cmdline_parse_ctx_t *ctx;
	char prompt[CMDLINE_PROMPT_SIZE];
	struct rdline rdl;
	bool tty_in;     /* s_in is a terminal: show the prompt */
	bool prompt_due; /* a new line starts */
	struct cmdline_input *input; /* libedit state, NULL for plain reading */
	/* Terminal settings saved by cmdline_stdin_new(). */
	bool term_saved;
	struct termios oldterm;
};

/* Parse and run one line, printing why it did not run if so. */
void cmdline_run_line(struct cmdline *cl, const char *line);

/* Print that a line was refused for its length. */
void cmdline_refuse_long_line(struct cmdline *cl);

/*
 * Pick the reader for the input of cl: libedit on a terminal when built
 * with it and it starts, plain reading otherwise.
 */
void cmdline_input_init(struct cmdline *cl);

void cmdline_input_free(struct cmdline *cl);

/*
 * Read one line and run it: 0, or -1 when the input ended or failed, which
 * also marks cl as exited.
 */
int cmdline_input_line(struct cmdline *cl);

/*
 * Without blocking, read one character if one is waiting and handle it:
 * 0, or a negative errno when reading failed. The end of the input marks
 * cl as exited.
 */
int cmdline_input_poll(struct cmdline *cl);

/*
 * Reading through libedit (cmdline_editline.c): init returns 0, or -1 when
 * libedit cannot start on this input; line has the contract above.
 */
int cmdline_editline_init(struct cmdline *cl);
void cmdline_editline_free(struct cmdline *cl);
int cmdline_editline_line(struct cmdline *cl);

#endif /* _CMDLINE_PRIVATE_H_ */
