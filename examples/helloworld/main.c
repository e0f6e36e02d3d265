/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/* Say hello from every lcore: the smallest EAL application. */

#include <stdio.h>
#include <stdlib.h>

#include <rte_debug.h>
#include <rte_eal.h>
#include <rte_launch.h>
#include <rte_lcore.h>

static int
lcore_hello(void *arg)
{
	(void)arg;
	printf("hello from core %u\n", rte_lcore_id());
	return 0;
}

int
main(int argc, char **argv)
{
	unsigned int lcore_id;
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0)
		rte_panic("Cannot init EAL\n");

	RTE_LCORE_FOREACH_WORKER(lcore_id) {
		rte_eal_remote_launch(lcore_hello, NULL, lcore_id);
	}
	lcore_hello(NULL);
	rte_eal_mp_wait_lcore();

	rte_eal_cleanup();
	return 0;
}
