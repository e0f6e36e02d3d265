/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_bus.h>
#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_version.h>

#include "eal_internal_cfg.h"
#include "eal_private.h"
#include "hotplug_mp.h"

/*
 * rte_eal_init() is a list of steps, each with the function that undoes
 * it. A failing step logs why; the steps done so far are then undone in
 * reverse, so a failed init leaves the process (and the group) as it was.
 * rte_eal_cleanup() undoes every step the same way.
 */
struct eal_step {
	const char *name;
	int (*init)(void);
	void (*fini)(void);
};

static int
threads_init(void)
{
	eal_thread_init_main();
	return eal_thread_start_workers();
}

static int
publish(void)
{
	if (rte_eal_process_type() == RTE_PROC_PRIMARY)
		eal_config_publish();
	return 0;
}

static const struct eal_step init_steps[] = {
	{ "lcores", eal_lcores_init, NULL },
	{ "runtime directory", eal_runtime_dir_create, eal_runtime_dir_remove },
	{ "shared config", eal_config_init, eal_config_cleanup },
	/* Before memory: the IOVA mode depends on the devices found. */
	{ "device arguments", eal_devargs_init, eal_devargs_cleanup },
	{ "bus scan", rte_bus_scan, eal_bus_cleanup },
	{ "memory", eal_memory_init, NULL },
	{ "tailqs", eal_tailqs_init, eal_tailqs_cleanup },
	{ "interrupt thread", eal_intr_init, eal_intr_cleanup },
	{ "alarms", eal_alarm_init, eal_alarm_cleanup },
	{ "multi-process channel", eal_mp_init, eal_mp_cleanup },
	/* Drivers may use all of the above; their devices go before it does. */
	{ "bus probe", rte_bus_probe, eal_bus_cleanup },
	{ "hotplug", eal_hotplug_init, eal_hotplug_cleanup },
	{ "lcore threads", threads_init, eal_thread_stop_workers },
	{ "publish", publish, NULL },
};

/* 1 from the first call of rte_eal_init() on, unless that call failed. */
static int run_once;
/* How many init_steps are done; rte_eal_cleanup() undoes that many. */
static unsigned int steps_done;

static void
undo_steps(void)
{
	while (steps_done > 0) {
		const struct eal_step *s = &init_steps[--steps_done];

		if (s->fini != NULL)
			s->fini();
	}
}

int
rte_eal_init(int argc, char **argv)
{
	struct internal_config *cfg = eal_get_internal_configuration();
	int expected = 0;
	int nparsed, ret;

	if (!__atomic_compare_exchange_n(&run_once, &expected, 1, 0,
					 __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
		RTE_LOG(ERR, EAL, "rte_eal_init() may be called only once\n");
		rte_errno = EALREADY;
		return -1;
	}

	nparsed = eal_options_parse(argc, argv, cfg);
	if (nparsed < 0) {
		ret = -EINVAL;
		goto fail;
	}
	ret = eal_options_apply_log_levels(cfg);
	if (ret < 0) {
		RTE_LOG(ERR, EAL, "cannot apply --log-level: %s\n", strerror(-ret));
		goto fail;
	}
	if (cfg->print_version)
		printf("RTE Version: '%s'\n", rte_version());

	for (steps_done = 0; steps_done < RTE_DIM(init_steps); steps_done++) {
		const struct eal_step *s = &init_steps[steps_done];

		ret = s->init();
		if (ret < 0) {
			RTE_LOG(DEBUG, EAL, "init step '%s' failed: %s\n", s->name, strerror(-ret));
			/* The failed step undoes its own partial work. */
			if (s->fini != NULL)
				s->fini();
			undo_steps();
			goto fail;
		}
	}
	return nparsed;

fail:
	eal_internal_config_free(cfg);
	eal_internal_config_init(cfg);
	rte_eal_get_configuration()->process_type = RTE_PROC_INVALID;
	rte_errno = -ret;
	__atomic_store_n(&run_once, 0, __ATOMIC_RELEASE);
	return -1;
}

int
rte_eal_cleanup(void)
{
	struct internal_config *cfg = eal_get_internal_configuration();

	if (steps_done != RTE_DIM(init_steps)) {
		rte_errno = EALREADY;
		return -1;
	}
	undo_steps();
	eal_internal_config_free(cfg);
	return 0;
}

int
rte_eal_has_hugepages(void)
{
	return !eal_get_internal_configuration()->no_hugetlbfs;
}

int
rte_eal_has_pci(void)
{
	return !eal_get_internal_configuration()->no_pci;
}
