/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * "hp_test": a test-only vdev driver whose devargs inject faults in
 * chosen processes, named as the harness names them (LOCKSTEP_TEST_PROC,
 * "all" for every process):
 *   fail_probe=[p,s2]   probe fails (-EIO) there
 *   fail_remove=[s1]    remove fails (-EBUSY) there
 *   hang_probe=[s3]     probe sleeps hang_ms first (default 3000)
 *   hang_remove=[s1]    remove sleeps hang_ms first
 *   veto=[s2]           the process vetoes detaching this device (-EBUSY)
 * Each probed device holds heap memory and an fd in each process, so that
 * leaks show. Also the helper commands the hotplug tests drive.
 */

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <bus_driver.h>
#include <bus_vdev_driver.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <rte_errno.h>
#include <rte_kvargs.h>
#include <rte_malloc.h>

#include "eal_memcfg.h"
#include "eal_private.h"
#include "mp_harness.h"

struct hp_test_dev {
	TAILQ_ENTRY(hp_test_dev) next;
	const struct rte_vdev_device *dev;
	void *mem;
	int fd;
	bool veto;
	char *remove_faults;    /* fail_remove value */
	char *hang_remove;
	unsigned int hang_ms;
};

/* This process's probed hp_test devices; probe and remove run one at a time. */
static TAILQ_HEAD(, hp_test_dev) hp_devs = TAILQ_HEAD_INITIALIZER(hp_devs);

static const char *
arg(struct rte_kvargs *kv, const char *key)
{
	return rte_kvargs_get(kv, key);
}

static int
veto_cb(const char *device_name, void *ctx)
{
	const struct rte_vdev_device *dev = ctx;

	return strcmp(device_name, rte_vdev_device_name(dev)) == 0 ? -EBUSY : 0;
}

static int
hp_test_probe(struct rte_vdev_device *dev)
{
	static const char *const keys[] = {
		"fail_probe", "fail_remove", "hang_probe", "hang_remove", "hang_ms", "veto", NULL,
	};
	struct rte_kvargs *kv = rte_kvargs_parse(rte_vdev_device_args(dev), keys);
	struct hp_test_dev *d;
	int ret = 0;

	if (kv == NULL)
		return -EINVAL;
	d = calloc(1, sizeof(*d));
	if (d == NULL) {
		rte_kvargs_free(kv);
		return -ENOMEM;
	}
	d->fd = -1;
	d->hang_ms = arg(kv, "hang_ms") != NULL ? (unsigned int)atoi(arg(kv, "hang_ms")) : 3000;
	if (mp_proc_named(arg(kv, "hang_probe")))
		usleep(d->hang_ms * 1000);
	if (mp_proc_named(arg(kv, "fail_probe"))) {
		ret = -EIO;
		goto out;
	}
	d->mem = rte_zmalloc("hp_test", 4096, 0);
	d->fd = eventfd(0, EFD_CLOEXEC);
	if (d->mem == NULL || d->fd < 0) {
		ret = -ENOMEM;
		goto out;
	}
	d->veto = mp_proc_named(arg(kv, "veto"));
	if (d->veto)
		rte_dev_detach_veto_register(veto_cb, dev);
	if (arg(kv, "fail_remove") != NULL)
		d->remove_faults = strdup(arg(kv, "fail_remove"));
	if (arg(kv, "hang_remove") != NULL)
		d->hang_remove = strdup(arg(kv, "hang_remove"));
	d->dev = dev;
	TAILQ_INSERT_TAIL(&hp_devs, d, next);
out:
	if (ret < 0) {
		rte_free(d->mem);
		if (d->fd >= 0)
			close(d->fd);
		free(d);
	}
	rte_kvargs_free(kv);
	return ret;
}

static int
hp_test_remove(struct rte_vdev_device *dev)
{
	struct hp_test_dev *d;

	TAILQ_FOREACH(d, &hp_devs, next) {
		if (d->dev == dev)
			break;
	}
	if (d == NULL)
		return 0;
	if (mp_proc_named(d->hang_remove))
		usleep(d->hang_ms * 1000);
	if (mp_proc_named(d->remove_faults))
		return -EBUSY;
	if (d->veto)
		rte_dev_detach_veto_unregister(veto_cb, dev);
	rte_free(d->mem);
	close(d->fd);
	free(d->remove_faults);
	free(d->hang_remove);
	TAILQ_REMOVE(&hp_devs, d, next);
	free(d);
	return 0;
}

static struct rte_vdev_driver hp_test_driver = {
	.probe = hp_test_probe,
	.remove = hp_test_remove,
};

RTE_PMD_REGISTER_VDEV(hp_test, hp_test_driver);

/* Commands of the "eal" role for hotplug tests. */

/* "attach DEVARGS" -> result of rte_dev_probe */
REGISTER_MP_COMMAND_INT(attach, rte_dev_probe(args));

/* "detach NAME" -> result of rte_eal_hotplug_remove("vdev", NAME) */
REGISTER_MP_COMMAND_INT(detach, rte_eal_hotplug_remove("vdev", args));

/* "vetoes" -> the group's count of detach vetoes (the low half), as the primary decides by it */
REGISTER_MP_COMMAND_INT(vetoes, (uint32_t)eal_shared_config()->detach_vetoes);

/* "devices" -> the probed devices' names, sorted, space-separated ("-" if none) */
static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int
cmd_devices(const char *args, char *reply, size_t size)
{
	const char *names[256];
	struct rte_device *dev = NULL;
	unsigned int n = 0, i;
	size_t used = 0;

	(void)args;
	while ((dev = eal_dev_next(dev)) != NULL && n < RTE_DIM(names)) {
		if (rte_dev_is_probed(dev))
			names[n++] = rte_dev_name(dev);
	}
	qsort(names, n, sizeof(names[0]), cmp_str);
	reply[0] = '\0';
	for (i = 0; i < n && used < size; i++)
		used += (size_t)snprintf(reply + used, size - used, "%s%s", i ? " " : "", names[i]);
	if (n == 0)
		snprintf(reply, size, "-");
	return 0;
}
REGISTER_MP_COMMAND(devices, cmd_devices);

/*
 * "resources" -> "fds=N heap=M bytes=B": open fds of this process, live
 * blocks of the heap and the bytes they take (a leak may keep the count
 * and grow the blocks)
 */
static int
cmd_resources(const char *args, char *reply, size_t size)
{
	struct rte_malloc_socket_stats s;
	struct dirent *e;
	DIR *d = opendir("/proc/self/fd");
	unsigned int fds = 0;

	(void)args;
	while (d != NULL && (e = readdir(d)) != NULL)
		fds += e->d_name[0] != '.';
	if (d != NULL)
		closedir(d);
	rte_malloc_get_socket_stats(0, &s);
	snprintf(reply, size, "fds=%u heap=%u bytes=%zu", fds, s.alloc_count,
		 s.heap_allocsz_bytes);
	return 0;
}
REGISTER_MP_COMMAND(resources, cmd_resources);

/* "cycle N DEVARGS" -> attach and detach N times; "ok" or "fail I R" */
static int
cmd_cycle(const char *args, char *reply, size_t size)
{
	char devargs[256], name[64];
	unsigned int n, i;
	int ret;

	if (sscanf(args, "%u %255s", &n, devargs) != 2)
		return snprintf(reply, size, "usage"), 0;
	snprintf(name, sizeof(name), "%.*s", (int)strcspn(devargs, ","), devargs);
	for (i = 0; i < n; i++) {
		ret = rte_dev_probe(devargs);
		if (ret == 0)
			ret = rte_eal_hotplug_remove("vdev", name);
		if (ret != 0)
			return snprintf(reply, size, "fail %u %d", i, ret), 0;
	}
	snprintf(reply, size, "ok");
	return 0;
}
REGISTER_MP_COMMAND(cycle, cmd_cycle);

/*
 * "storm MS" -> operations on hp_test0..3 for MS milliseconds, attaching
 * what is absent and detaching what is present, round robin; "ok N" (how
 * many) or "fail I R". Another process storming too may get there first:
 * -EEXIST and -ENOENT are fine.
 */
static int
cmd_storm(const char *args, char *reply, size_t size)
{
	uint64_t end, ms;
	char name[32];
	unsigned int i;
	int ret;

	if (sscanf(args, "%" SCNu64, &ms) != 1)
		return snprintf(reply, size, "usage"), 0;
	end = mp_now_ms() + ms;
	for (i = 0; mp_now_ms() < end; i++) {
		snprintf(name, sizeof(name), "hp_test%u", i % 4);
		if (eal_dev_find("vdev", name) != NULL)
			ret = rte_eal_hotplug_remove("vdev", name);
		else
			ret = rte_dev_probe(name);
		if (ret != 0 && ret != -EEXIST && ret != -ENOENT)
			return snprintf(reply, size, "fail %u %d", i, ret), 0;
	}
	snprintf(reply, size, "ok %u", i);
	return 0;
}
REGISTER_MP_COMMAND(storm, cmd_storm);
