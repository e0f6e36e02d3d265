/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cmdline_private.h"
#include "cmdline_socket.h"

struct cmdline *
cmdline_file_new(cmdline_parse_ctx_t *ctx, const char *prompt, const char *path)
{
	struct cmdline *cl;
	int fd;

	if (ctx == NULL || prompt == NULL || path == NULL)
		return NULL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		CMDLINE_LOG(ERR, "cannot open command file %s: %s\n", path, strerror(errno));
		return NULL;
	}
	cl = cmdline_new(ctx, prompt, fd, -1);
	if (cl == NULL)
		close(fd);
	return cl;
}

struct cmdline *
cmdline_stdin_new(cmdline_parse_ctx_t *ctx, const char *prompt)
{
	struct cmdline *cl;

	cl = cmdline_new(ctx, prompt, STDIN_FILENO, STDOUT_FILENO);
	/*
	 * libedit restores the terminal after each line it reads; this copy
	 * covers an exit in the middle of one (a command's own exit, a
	 * thread calling cmdline_stdin_exit()).
	 */
	if (cl != NULL && tcgetattr(STDIN_FILENO, &cl->oldterm) == 0)
		cl->term_saved = true;
	return cl;
}

void
cmdline_stdin_exit(struct cmdline *cl)
{
	struct termios oldterm;
	bool restore;

	if (cl == NULL)
		return;
	restore = cl->term_saved;
	oldterm = cl->oldterm;
	cmdline_free(cl);
	if (restore)
		tcsetattr(STDIN_FILENO, TCSANOW, &oldterm);
}
