/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * "fault": a demonstration vdev driver that fails to probe in the process
 * labelled by its devargs, e.g. "attach fault0,fail_in=B" fails in the
 * process started with "--label B", so that a rollback can be watched.
 */

#include <errno.h>
#include <string.h>

#include <bus_vdev_driver.h>
#include <rte_kvargs.h>

#include "hotplug_mp.h"

static int
fault_probe(struct rte_vdev_device *dev)
{
	static const char *const keys[] = { "fail_in", NULL };
	struct rte_kvargs *kv = rte_kvargs_parse(rte_vdev_device_args(dev), keys);
	const char *who;
	int ret = 0;

	if (kv == NULL)
		return -EINVAL;
	who = rte_kvargs_get(kv, "fail_in");
	if (who != NULL && hotplug_mp_label != NULL && strcmp(who, hotplug_mp_label) == 0)
		ret = -EIO;
	rte_kvargs_free(kv);
	return ret;
}

static int
fault_remove(struct rte_vdev_device *dev)
{
	(void)dev;
	return 0;
}

static struct rte_vdev_driver fault_driver = {
	.probe = fault_probe,
	.remove = fault_remove,
};

RTE_PMD_REGISTER_VDEV(fault, fault_driver);
RTE_PMD_REGISTER_PARAM_STRING(fault, "fail_in=<label>");
