/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * What the EAL hands the PCI bus as text: device names (parse), devargs
 * (canonical names), and iterator filters ("bus=pci,addr=...,id=...").
 */

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <bus_driver.h>
#include <bus_pci_driver.h>
#include <rte_bus_pci.h>
#include <rte_common.h>
#include <rte_devargs.h>
#include <rte_errno.h>
#include <rte_kvargs.h>

#include "pci_private.h"

/* The EAL compares parsed names with memcmp: addr gets a fully written struct rte_pci_addr. */
int
pci_parse(const char *name, void *addr)
{
	struct rte_pci_addr a;

	if (rte_pci_addr_parse(name, &a) != 0)
		return 1;
	if (addr != NULL)
		memcpy(addr, &a, sizeof(a));
	return 0;
}

/* "00:05.0" and "0000:00:05.0" are one device: devargs carry the canonical name. */
int
pci_devargs_parse(struct rte_devargs *da)
{
	struct rte_pci_addr a;

	if (rte_pci_addr_parse(da->name, &a) != 0)
		return -EINVAL;
	rte_pci_device_name(&a, da->name, sizeof(da->name));
	return 0;
}

struct rte_devargs *
pci_devargs_lookup(const struct rte_pci_addr *addr)
{
	struct rte_devargs *da;
	struct rte_pci_addr a;

	RTE_EAL_DEVARGS_FOREACH(pci_bus.name, da) {
		if (rte_pci_addr_parse(da->name, &a) == 0 && rte_pci_addr_cmp(&a, addr) == 0)
			return da;
	}
	return NULL;
}

static int
match_addr(const char *key, const char *value, void *opaque)
{
	const struct rte_pci_device *dev = opaque;
	struct rte_pci_addr a;

	RTE_SET_USED(key);
	return value != NULL && rte_pci_addr_parse(value, &a) == 0 &&
	       rte_pci_addr_cmp(&a, &dev->addr) == 0 ? 0 : -1;
}

/* "vendor:device", in hex. */
static int
match_id(const char *key, const char *value, void *opaque)
{
	const struct rte_pci_device *dev = opaque;
	unsigned long vendor, device;
	char *end;

	RTE_SET_USED(key);
	if (value == NULL)
		return -1;
	vendor = strtoul(value, &end, 16);
	if (end == value || *end != ':')
		return -1;
	value = end + 1;
	device = strtoul(value, &end, 16);
	if (end == value || *end != '\0')
		return -1;
	return vendor == dev->id.vendor_id && device == dev->id.device_id ? 0 : -1;
}

/* 0 when the device passes every filter of kvlist (no filter: every device). */
static int
cmp_filters(const struct rte_device *device, const void *kvlist)
{
	void *dev = (void *)(uintptr_t)RTE_DEV_TO_PCI_CONST(device);

	if (kvlist == NULL)
		return 0;
	if (rte_kvargs_process(kvlist, "addr", match_addr, dev) != 0 ||
	    rte_kvargs_process(kvlist, "id", match_id, dev) != 0)
		return 1;
	return 0;
}

void *
pci_dev_iterate(const void *start, const char *str, const struct rte_dev_iterator *it)
{
	static const char *const keys[] = { "addr", "id", NULL };
	struct rte_device *dev;

	RTE_SET_USED(it);
	if (rte_bus_find_device_kvargs(&pci_bus, start, str, keys, cmp_filters, &dev) < 0) {
		PCI_LOG(ERR, "cannot iterate over '%s': keys are addr and id\n", str);
		return NULL;
	}
	return dev;
}
