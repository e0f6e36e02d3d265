/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * "pci_test": a test-only PCI driver for the fake sysfs trees the PCI
 * tests build (vendor 0x5a17, devices 0x0001 and 0x0002), with
 * RTE_PCI_DRV_NEED_MAPPING, so the bus maps BAR0 before probe. Its devargs
 * inject faults in chosen processes, named as the harness names them
 * (LOCKSTEP_TEST_PROC, "all" for every process):
 *   fail_probe=[s1]    probe fails (-EIO) there
 *   fail_remove=[p]    remove fails (-EBUSY) there
 * LOCKSTEP_TEST_PCI_ID=vendor:device (hex) adds a real device's ids to
 * the table, for the VFIO tests on real hardware. Each probed device holds
 * an eventfd, so that leaks show. Also the helper commands of the PCI
 * tests.
 */

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/queue.h>
#include <unistd.h>

#include <bus_pci_driver.h>
#include <rte_bus_pci.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_eal.h>
#include <rte_kvargs.h>

#include "eal_private.h"
#include "mp_harness.h"

#define PCI_TEST_VENDOR 0x5a17

struct pci_test_dev {
	TAILQ_ENTRY(pci_test_dev) next;
	const struct rte_pci_device *dev;
	int fd;
	char *remove_faults;
};

/* This process's probed pci_test devices; probe and remove run one at a time. */
static TAILQ_HEAD(, pci_test_dev) pci_test_devs = TAILQ_HEAD_INITIALIZER(pci_test_devs);

/* The last entry is filled from LOCKSTEP_TEST_PCI_ID, before any probe. */
static struct rte_pci_id pci_test_ids[] = {
	{ RTE_PCI_DEVICE(PCI_TEST_VENDOR, 0x0001) },
	{ RTE_PCI_DEVICE(PCI_TEST_VENDOR, 0x0002) },
	{ .vendor_id = 0 },
	{ .vendor_id = 0 },
};

RTE_INIT(pci_test_ids_from_env)
{
	const char *env = getenv("LOCKSTEP_TEST_PCI_ID");
	unsigned int vendor, device;

	if (env != NULL && sscanf(env, "%x:%x", &vendor, &device) == 2 && vendor != 0) {
		pci_test_ids[2] = (struct rte_pci_id){ RTE_PCI_DEVICE((uint16_t)vendor,
								      (uint16_t)device) };
	}
}

static int
pci_test_probe(struct rte_pci_driver *drv, struct rte_pci_device *dev)
{
	static const char *const keys[] = { "fail_probe", "fail_remove", NULL };
	const char *args = dev->device.devargs != NULL ? dev->device.devargs->args : "";
	struct rte_kvargs *kv = rte_kvargs_parse(args, keys);
	struct pci_test_dev *d;
	int ret = 0;

	RTE_SET_USED(drv);
	if (kv == NULL)
		return -EINVAL;
	if (mp_proc_named(rte_kvargs_get(kv, "fail_probe"))) {
		ret = -EIO;
		goto out;
	}
	if (dev->mem_resource[0].addr == NULL) {
		ret = -ENODEV;
		goto out;
	}
	d = calloc(1, sizeof(*d));
	if (d == NULL) {
		ret = -ENOMEM;
		goto out;
	}
	d->fd = eventfd(0, EFD_CLOEXEC);
	if (rte_kvargs_get(kv, "fail_remove") != NULL)
		d->remove_faults = strdup(rte_kvargs_get(kv, "fail_remove"));
	d->dev = dev;
	TAILQ_INSERT_TAIL(&pci_test_devs, d, next);
out:
	rte_kvargs_free(kv);
	return ret;
}

static int
pci_test_remove(struct rte_pci_device *dev)
{
	struct pci_test_dev *d;

	TAILQ_FOREACH(d, &pci_test_devs, next) {
		if (d->dev == dev)
			break;
	}
	if (d == NULL)
		return 0;
	if (mp_proc_named(d->remove_faults))
		return -EBUSY;
	if (d->fd >= 0)
		close(d->fd);
	free(d->remove_faults);
	TAILQ_REMOVE(&pci_test_devs, d, next);
	free(d);
	return 0;
}

static struct rte_pci_driver pci_test_driver = {
	.probe = pci_test_probe,
	.remove = pci_test_remove,
	.id_table = pci_test_ids,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING,
};

RTE_PMD_REGISTER_PCI(pci_test, pci_test_driver);
RTE_PMD_REGISTER_PCI_TABLE(pci_test, pci_test_ids);

/* Commands of the "eal" role for the PCI tests. */

static struct rte_pci_device *
find_pci(const char *name)
{
	struct rte_device *dev = eal_dev_find("pci", name);

	return dev != NULL ? RTE_DEV_TO_PCI(dev) : NULL;
}

/* BAR0 of a probed device, or NULL. */
static volatile uint32_t *
bar0(const char *name)
{
	struct rte_pci_device *dev = find_pci(name);

	if (dev == NULL || !rte_dev_is_probed(&dev->device))
		return NULL;
	return dev->mem_resource[0].addr;
}

/* "pci_detach NAME" -> result of rte_eal_hotplug_remove("pci", NAME) */
REGISTER_MP_COMMAND_INT(pci_detach, rte_eal_hotplug_remove("pci", args));

/* "iova_mode" -> 1 (PA) or 2 (VA): the group's IOVA mode, rte_eal_iova_mode() */
REGISTER_MP_COMMAND_INT(iova_mode, rte_eal_iova_mode());

/* "pci_bar NAME" -> where BAR0 is mapped, "-" when the device is not attached */
static int
cmd_pci_bar(const char *args, char *reply, size_t size)
{
	volatile uint32_t *bar = bar0(args);

	if (bar == NULL)
		snprintf(reply, size, "-");
	else
		snprintf(reply, size, "%p", (void *)(uintptr_t)bar);
	return 0;
}
REGISTER_MP_COMMAND(pci_bar, cmd_pci_bar);

/* "pci_write NAME OFFSET VALUE" -> "ok": a 32-bit write in BAR0 */
static int
cmd_pci_write(const char *args, char *reply, size_t size)
{
	char name[64];
	unsigned int off, val;
	volatile uint32_t *bar;

	if (sscanf(args, "%63s %x %x", name, &off, &val) != 3 || (bar = bar0(name)) == NULL)
		return snprintf(reply, size, "error"), 0;
	bar[off / 4] = val;
	snprintf(reply, size, "ok");
	return 0;
}
REGISTER_MP_COMMAND(pci_write, cmd_pci_write);

/* "pci_read NAME OFFSET" -> the 32-bit value in BAR0, in hex */
static int
cmd_pci_read(const char *args, char *reply, size_t size)
{
	char name[64];
	unsigned int off;
	volatile uint32_t *bar;

	if (sscanf(args, "%63s %x", name, &off) != 2 || (bar = bar0(name)) == NULL)
		return snprintf(reply, size, "error"), 0;
	snprintf(reply, size, "%x", bar[off / 4]);
	return 0;
}
REGISTER_MP_COMMAND(pci_read, cmd_pci_read);

/* "pci_info NAME" -> "vendor:device class numa kdrv" as the scan found them */
static int
cmd_pci_info(const char *args, char *reply, size_t size)
{
	struct rte_pci_device *dev = find_pci(args);

	if (dev == NULL)
		return snprintf(reply, size, "-"), 0;
	snprintf(reply, size, "%04x:%04x %06x %d %d", dev->id.vendor_id, dev->id.device_id,
		 dev->id.class_id, dev->device.numa_node, (int)dev->kdrv);
	return 0;
}
REGISTER_MP_COMMAND(pci_info, cmd_pci_info);

/* "pci_config NAME" -> vendor:device read from configuration space */
static int
cmd_pci_config(const char *args, char *reply, size_t size)
{
	struct rte_pci_device *dev = find_pci(args);
	uint16_t ids[2];
	int n;

	if (dev == NULL)
		return snprintf(reply, size, "-"), 0;
	n = rte_pci_read_config(dev, ids, sizeof(ids), 0);
	if (n != (int)sizeof(ids))
		return snprintf(reply, size, "error %d", n), 0;
	snprintf(reply, size, "%04x:%04x", ids[0], ids[1]);
	return 0;
}
REGISTER_MP_COMMAND(pci_config, cmd_pci_config);

/* "pci_ioport NAME BAR VALUE" -> the 32-bit value read back after writing it at 0 */
static int
cmd_pci_ioport(const char *args, char *reply, size_t size)
{
	struct rte_pci_ioport port;
	struct rte_pci_device *dev;
	uint32_t val, back = 0;
	char name[64];
	int bar, ret;

	if (sscanf(args, "%63s %d %" SCNx32, name, &bar, &val) != 3 ||
	    (dev = find_pci(name)) == NULL)
		return snprintf(reply, size, "error"), 0;
	ret = rte_pci_ioport_map(dev, bar, &port);
	if (ret < 0)
		return snprintf(reply, size, "map %d", ret), 0;
	rte_pci_ioport_write(&port, &val, sizeof(val), 0);
	rte_pci_ioport_read(&port, &back, sizeof(back), 0);
	ret = rte_pci_ioport_unmap(&port);
	snprintf(reply, size, ret == 0 ? "%" PRIx32 : "unmap", back);
	return 0;
}
REGISTER_MP_COMMAND(pci_ioport, cmd_pci_ioport);

/* "pci_iter STR" -> how many devices RTE_DEV_FOREACH(STR) walks, or a negative errno */
static int
cmd_pci_iter(const char *args, char *reply, size_t size)
{
	struct rte_dev_iterator it;
	struct rte_device *dev;
	int n = 0;

	if (rte_dev_iterator_init(&it, args) < 0)
		return snprintf(reply, size, "%d", -EINVAL), 0;
	for (dev = rte_dev_iterator_next(&it); dev != NULL; dev = rte_dev_iterator_next(&it))
		n++;
	snprintf(reply, size, "%d", n);
	return 0;
}
REGISTER_MP_COMMAND(pci_iter, cmd_pci_iter);

/* "pci_squat ADDR LEN" -> "ok" once anonymous memory is at ADDR (to take a BAR's place) */
static int
cmd_pci_squat(const char *args, char *reply, size_t size)
{
	void *at, *p;
	size_t len;

	if (sscanf(args, "%p %zu", &at, &len) != 2)
		return snprintf(reply, size, "usage"), 0;
	p = mmap(at, len, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (p != MAP_FAILED && p != at)
		munmap(p, len);
	snprintf(reply, size, p == at ? "ok" : "taken");
	return 0;
}
REGISTER_MP_COMMAND(pci_squat, cmd_pci_squat);

/* "pci_unsquat ADDR LEN" -> "ok" */
static int
cmd_pci_unsquat(const char *args, char *reply, size_t size)
{
	void *at;
	size_t len;

	if (sscanf(args, "%p %zu", &at, &len) != 2)
		return snprintf(reply, size, "usage"), 0;
	snprintf(reply, size, munmap(at, len) == 0 ? "ok" : "error");
	return 0;
}
REGISTER_MP_COMMAND(pci_unsquat, cmd_pci_unsquat);

/* "hotplug_handle 1|0" -> result of rte_dev_hotplug_handle_enable/disable */
REGISTER_MP_COMMAND_INT(hotplug_handle, atoi(args) ? rte_dev_hotplug_handle_enable() :
						     rte_dev_hotplug_handle_disable());

/* "pci_dump" -> how many devices rte_pci_dump() shows driven by pci_test */
static int
cmd_pci_dump(const char *args, char *reply, size_t size)
{
	char *buf = NULL, *p;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int n = 0;

	(void)args;
	if (f == NULL)
		return snprintf(reply, size, "error"), 0;
	rte_pci_dump(f);
	fclose(f);
	for (p = buf; p != NULL && (p = strstr(p, "driven by pci_test")) != NULL; p++)
		n++;
	free(buf);
	snprintf(reply, size, "%d", n);
	return 0;
}
REGISTER_MP_COMMAND(pci_dump, cmd_pci_dump);
