/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _CMDLINE_H_
#define _CMDLINE_H_

/**
 * @file
 * Command line (DPDK 22.11 API).
 *
 * A command line reads lines from one file descriptor, runs them against a
 * parse context (cmdline_parse.h) and writes messages to another. When the
 * input is a terminal, lines are read through libedit (editing, history,
 * completion of command words with Tab) when Lockstep was built with it,
 * and the prompt is shown. Otherwise lines are read as they come, without
 * prompt or echo, so that scripted sessions give exactly the commands'
 * own output.
 */

#include <rte_common.h>

#include <cmdline_rdline.h>
#include <cmdline_parse.h>

#ifdef __cplusplus
extern "C" {
#endif

enum rdline_status {
	RDLINE_INIT,    /**< stopped: input is ignored */
	RDLINE_RUNNING, /**< reading commands */
	RDLINE_EXITED   /**< cmdline_quit() was called, or the input ended */
};

struct cmdline;

/**
 * Create a command line reading s_in and writing to s_out (-1: no output).
 * Both descriptors belong to the command line from now on: cmdline_free()
 * closes them, unless they are 0, 1 or 2.
 *
 * @return the command line, or NULL when ctx or prompt is NULL or memory
 *   is short.
 */
struct cmdline *cmdline_new(cmdline_parse_ctx_t *ctx, const char *prompt,
			    int s_in, int s_out);

/** Change the prompt (truncated to 31 characters). */
void cmdline_set_prompt(struct cmdline *cl, const char *prompt);

/** Free cl and close its descriptors (see cmdline_new()). NULL is ignored. */
void cmdline_free(struct cmdline *cl);

/** printf to the output of cl; nothing when it has none. */
void cmdline_printf(const struct cmdline *cl, const char *fmt, ...)
	__rte_format_printf(2, 3);

/**
 * Feed size characters of input, running each line they complete.
 *
 * @return the number of characters consumed (fewer than size when a line
 *   made the command line quit), or -1 on bad arguments or when cl is not
 *   running.
 */
int cmdline_in(struct cmdline *cl, const char *buf, int size);

/** Write one character to the output of the command line owning rdl. */
int cmdline_write_char(struct rdline *rdl, char c);

/** The line buffer of cl, for the rdline_*() functions. */
struct rdline *cmdline_get_rdline(struct cmdline *cl);

/**
 * Without blocking: read one character if one is waiting and handle it.
 *
 * @return RDLINE_RUNNING, RDLINE_EXITED once cmdline_quit() was called or
 *   the input ended, RDLINE_INIT when stopped, or a negative errno.
 */
int cmdline_poll(struct cmdline *cl);

/**
 * Read and run lines until cmdline_quit() is called (the current command
 * completes first) or the input ends.
 */
void cmdline_interact(struct cmdline *cl);

/** Make cmdline_interact() return once the current command is done. */
void cmdline_quit(struct cmdline *cl);

#ifdef __cplusplus
}
#endif

#endif /* _CMDLINE_H_ */
