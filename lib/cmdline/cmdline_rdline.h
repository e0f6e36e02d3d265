/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RDLINE_H_
#define _RDLINE_H_

/**
 * @file
 * The line buffer of a command line (the DPDK 22.11 names of what Lockstep
 * keeps of it).
 *
 * Characters given to cmdline_in() (or rdline_char_in() on the buffer of
 * cmdline_get_rdline()) collect here until a newline or carriage return
 * runs the line. Lockstep does no editing at this level: on a terminal,
 * cmdline_interact() reads through libedit instead.
 */

#ifdef __cplusplus
extern "C" {
#endif

/* rdline_char_in() results. */
#define RDLINE_RES_SUCCESS 0      /**< character taken */
#define RDLINE_RES_VALIDATED 1    /**< line ended and was run */
#define RDLINE_RES_COMPLETE 2     /**< (completion; not returned by Lockstep) */
#define RDLINE_RES_NOT_RUNNING -1 /**< stopped or exited: character ignored */
#define RDLINE_RES_EOF -2         /**< (end of input; not returned by Lockstep) */
#define RDLINE_RES_EXITED -3      /**< the line run made the command line quit */

struct rdline;

/**
 * Add one character to the line; a newline or carriage return runs it.
 * Backspace and DEL remove the last character; other control characters
 * are ignored.
 */
int rdline_char_in(struct rdline *rdl, char c);

/** The characters collected so far (NUL-terminated), or NULL for NULL. */
const char *rdline_get_buffer(struct rdline *rdl);

/** Drop the characters collected so far and accept new ones. */
void rdline_reset(struct rdline *rdl);

/** Ignore further characters until rdline_restart(). */
void rdline_stop(struct rdline *rdl);

/** Accept characters again after rdline_stop(). */
void rdline_restart(struct rdline *rdl);

/** Mark the command line as exited, as cmdline_quit() does. */
void rdline_quit(struct rdline *rdl);

#ifdef __cplusplus
}
#endif

#endif /* _RDLINE_H_ */
