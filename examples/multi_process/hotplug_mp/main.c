/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * hotplug_mp: attach and detach devices from any process of a group, and
 * see every process follow. Run one primary and any number of secondaries
 * (--proc-type=auto), each with its own command line:
 *
 *     hotplug_mp -l 0 --no-huge --proc-type=auto -- [--label NAME]
 *     > attach net_null0
 *     > list
 *     > status
 *     > detach net_null0
 */

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmdline.h>
#include <cmdline_socket.h>
#include <rte_debug.h>
#include <rte_eal.h>

#include "hotplug_mp.h"

const char *hotplug_mp_label;

static void
usage(const char *prgname)
{
	printf("%s [EAL options] -- [--label NAME]\n"
	       "  --label NAME  how status shows this process (default: its type and pid)\n",
	       prgname);
}

static int
parse_app_args(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "label", required_argument, NULL, 'L' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	while ((opt = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (opt != 'L') {
			usage(argv[0]);
			return -1;
		}
		hotplug_mp_label = optarg;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct cmdline *cl;
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0)
		rte_panic("Cannot init EAL\n");
	argc -= ret;
	argv += ret;
	if (parse_app_args(argc, argv) < 0)
		rte_exit(EXIT_FAILURE, "invalid arguments\n");
	if (status_init() < 0)
		rte_exit(EXIT_FAILURE, "cannot set up the status command\n");

	cl = cmdline_stdin_new(main_ctx, "example> ");
	if (cl == NULL)
		rte_panic("Cannot create cmdline instance\n");
	cmdline_interact(cl);
	cmdline_stdin_exit(cl);

	rte_eal_cleanup();
	return 0;
}
