/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _CMDLINE_SOCKET_H_
#define _CMDLINE_SOCKET_H_

/**
 * @file
 * Command lines on the standard streams or a file (DPDK 22.11 API).
 */

#include <cmdline_parse.h>
#include <cmdline_rdline.h>

#ifdef __cplusplus
extern "C" {
#endif

struct cmdline;

/**
 * A command line running the commands of the file at path, without output.
 * NULL (and a log line) when the file cannot be opened.
 */
struct cmdline *cmdline_file_new(cmdline_parse_ctx_t *ctx, const char *prompt,
				 const char *path);

/**
 * A command line on standard input and output. When standard input is a
 * terminal its settings are saved, to be restored by cmdline_stdin_exit().
 */
struct cmdline *cmdline_stdin_new(cmdline_parse_ctx_t *ctx, const char *prompt);

/** Restore the terminal as cmdline_stdin_new() found it and free cl. */
void cmdline_stdin_exit(struct cmdline *cl);

#ifdef __cplusplus
}
#endif

#endif /* _CMDLINE_SOCKET_H_ */
