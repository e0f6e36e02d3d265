/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The CLI: help, list, attach, detach, status, quit. The answers of DPDK's
 * hotplug_mp are kept word for word (its "failed to attached" too), so
 * that scripts written against it read ours; the reason of a failure is
 * the EAL's log line.
 */

#include <stdio.h>
#include <string.h>

#include <cmdline.h>
#include <cmdline_parse.h>
#include <cmdline_parse_string.h>
#include <rte_bus.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_ethdev.h>

#include "hotplug_mp.h"

struct cmd_simple_result {
	cmdline_fixed_string_t word;
};

struct cmd_devargs_result {
	cmdline_fixed_string_t action;
	cmdline_fixed_string_t devargs;
};

static void
cmd_help_parsed(void *parsed, struct cmdline *cl, void *data)
{
	(void)parsed;
	(void)data;
	cmdline_printf(cl,
		"commands:\n"
		"- attach <devargs>\n"
		"- detach <devargs>\n"
		"- list\n"
		"- status\n"
		"- quit\n\n");
}

static cmdline_parse_token_string_t cmd_help_word =
	TOKEN_STRING_INITIALIZER(struct cmd_simple_result, word, "help");

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
	TOKEN_STRING_INITIALIZER(struct cmd_simple_result, word, "quit");

static cmdline_parse_inst_t cmd_quit = {
	.f = cmd_quit_parsed,
	.help_str = "quit",
	.tokens = { (void *)&cmd_quit_word, NULL },
};

static void
cmd_list_parsed(void *parsed, struct cmdline *cl, void *data)
{
	char name[RTE_ETH_NAME_MAX_LEN];
	uint16_t port;

	(void)parsed;
	(void)data;
	cmdline_printf(cl, "list all etherdev\n");
	RTE_ETH_FOREACH_DEV(port) {
		if (rte_eth_dev_get_name_by_port(port, name) == 0)
			cmdline_printf(cl, "%d\t%s\n", port, name);
	}
}

static cmdline_parse_token_string_t cmd_list_word =
	TOKEN_STRING_INITIALIZER(struct cmd_simple_result, word, "list");

static cmdline_parse_inst_t cmd_list = {
	.f = cmd_list_parsed,
	.help_str = "list all ethdev ports of this process",
	.tokens = { (void *)&cmd_list_word, NULL },
};

/* attach and detach: the devargs parsed once, DPDK's answers. */
static void
cmd_hotplug_parsed(void *parsed, struct cmdline *cl, void *data)
{
	struct cmd_devargs_result *res = parsed;
	struct rte_devargs da;

	(void)data;
	if (rte_devargs_parse(&da, res->devargs) < 0) {
		cmdline_printf(cl, "cannot parse devargs\n");
		return;
	}
	if (strcmp(res->action, "attach") == 0) {
		if (rte_eal_hotplug_add(rte_bus_name(da.bus), da.name, da.args) == 0)
			cmdline_printf(cl, "attached device %s\n", da.name);
		else
			cmdline_printf(cl, "failed to attached device %s\n", da.name);
	} else {
		cmdline_printf(cl, "detaching...\n");
		if (rte_eal_hotplug_remove(rte_bus_name(da.bus), da.name) == 0)
			cmdline_printf(cl, "detached device %s\n", da.name);
		else
			cmdline_printf(cl, "failed to detach device %s\n", da.name);
	}
	rte_devargs_reset(&da);
}

static cmdline_parse_token_string_t cmd_attach_action =
	TOKEN_STRING_INITIALIZER(struct cmd_devargs_result, action, "attach");
static cmdline_parse_token_string_t cmd_attach_devargs =
	TOKEN_STRING_INITIALIZER(struct cmd_devargs_result, devargs, NULL);

static cmdline_parse_inst_t cmd_attach = {
	.f = cmd_hotplug_parsed,
	.help_str = "attach <devargs>: attach a device in every process",
	.tokens = { (void *)&cmd_attach_action, (void *)&cmd_attach_devargs, NULL },
};

static cmdline_parse_token_string_t cmd_detach_action =
	TOKEN_STRING_INITIALIZER(struct cmd_devargs_result, action, "detach");
static cmdline_parse_token_string_t cmd_detach_devargs =
	TOKEN_STRING_INITIALIZER(struct cmd_devargs_result, devargs, NULL);

static cmdline_parse_inst_t cmd_detach = {
	.f = cmd_hotplug_parsed,
	.help_str = "detach <devargs>: detach a device from every process",
	.tokens = { (void *)&cmd_detach_action, (void *)&cmd_detach_devargs, NULL },
};

static void
cmd_status_parsed(void *parsed, struct cmdline *cl, void *data)
{
	char table[8192];

	(void)parsed;
	(void)data;
	if (status_collect(table, sizeof(table)) < 0)
		cmdline_printf(cl, "cannot collect the status of the group\n");
	else
		cmdline_printf(cl, "%s", table);
}

static cmdline_parse_token_string_t cmd_status_word =
	TOKEN_STRING_INITIALIZER(struct cmd_simple_result, word, "status");

static cmdline_parse_inst_t cmd_status = {
	.f = cmd_status_parsed,
	.help_str = "every live process of the group and the devices each has",
	.tokens = { (void *)&cmd_status_word, NULL },
};

cmdline_parse_ctx_t main_ctx[] = {
	&cmd_help,
	&cmd_quit,
	&cmd_list,
	&cmd_attach,
	&cmd_detach,
	&cmd_status,
	NULL,
};
