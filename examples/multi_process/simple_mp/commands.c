/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/* The CLI: send <text>, help, quit. */

#include <string.h>

#include <cmdline.h>
#include <cmdline_parse.h>
#include <cmdline_parse_string.h>
#include <rte_mempool.h>
#include <rte_ring.h>
#include <rte_string_fns.h>

#include "simple_mp.h"

struct cmd_send_result {
	cmdline_fixed_string_t action;
	cmdline_multi_string_t message;
};

struct cmd_word_result {
	cmdline_fixed_string_t word;
};

static void
cmd_send_parsed(void *parsed, struct cmdline *cl, void *data)
{
	struct cmd_send_result *res = parsed;
	size_t len = strlen(res->message);
	void *msg;

	(void)data;
	if (len >= MSG_SIZE) {
		cmdline_printf(cl, "message too long: %zu characters, at most %d\n", len,
			       MSG_SIZE - 1);
		return;
	}
	/* Buffers return to the pool once received: none free means nobody receives. */
	if (rte_mempool_get(message_pool, &msg) < 0) {
		cmdline_printf(cl,
			"cannot send: no free message buffer (is the other side running?)\n");
		return;
	}
	rte_strlcpy(msg, res->message, MSG_SIZE);
	if (rte_ring_enqueue(send_ring, msg) < 0) {
		rte_mempool_put(message_pool, msg);
		cmdline_printf(cl, "cannot send: the ring to the other side is full\n");
	}
}

static cmdline_parse_token_string_t cmd_send_action =
	TOKEN_STRING_INITIALIZER(struct cmd_send_result, action, "send");
static cmdline_parse_token_string_t cmd_send_message =
	TOKEN_STRING_INITIALIZER(struct cmd_send_result, message, TOKEN_STRING_MULTI);

static cmdline_parse_inst_t cmd_send = {
	.f = cmd_send_parsed,
	.help_str = "send <text>: send a message to the other side",
	.tokens = { (void *)&cmd_send_action, (void *)&cmd_send_message, NULL },
};

static void
cmd_help_parsed(void *parsed, struct cmdline *cl, void *data)
{
	(void)parsed;
	(void)data;
	cmdline_printf(cl,
		"commands:\n"
		"- send <text>   send a message: the primary's go to a secondary,\n"
		"                a secondary's to the primary\n"
		"- help          this list\n"
		"- quit          leave\n");
}

static cmdline_parse_token_string_t cmd_help_word =
	TOKEN_STRING_INITIALIZER(struct cmd_word_result, word, "help");

static cmdline_parse_inst_t cmd_help = {
	.f = cmd_help_parsed,
	.help_str = "show help",
	.tokens = { (void *)&cmd_help_word, NULL },
};

static void
cmd_quit_parsed(void *parsed, struct cmdline *cl, void *data)
{
	(void)parsed;
	(void)data;
	cmdline_quit(cl);
}

static cmdline_parse_token_string_t cmd_quit_word =
	TOKEN_STRING_INITIALIZER(struct cmd_word_result, word, "quit");

static cmdline_parse_inst_t cmd_quit = {
	.f = cmd_quit_parsed,
	.help_str = "quit",
	.tokens = { (void *)&cmd_quit_word, NULL },
};

cmdline_parse_ctx_t simple_mp_ctx[] = {
	&cmd_send,
	&cmd_help,
	&cmd_quit,
	NULL,
};
