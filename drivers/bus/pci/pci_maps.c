/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * BARs at the same address in every process. The primary maps a device's
 * BARs past the end of the group's memory (which every process has
 * reserved at the same address, so what follows it is free in all of them
 * but for bad luck) and records where in the memzone "pci_maps_<name>". A
 * secondary maps each BAR at the recorded address with
 * MAP_FIXED_NOREPLACE: if that address is taken there, the attach fails in
 * that process, naming the device, and hotplug rolls it back everywhere.
 */

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <bus_pci_driver.h>
#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_memory.h>
#include <rte_memzone.h>

#include "pci_private.h"

#define MAPS_MZ_PREFIX "pci_maps_"
/* BARs start this far past the group's memory, and are aligned to at most this. */
#define MAPS_GAP (1ULL << 30)
/* How many taken places the primary steps over before it gives up. */
#define MAPS_TRIES 1024

static void
mz_name(const struct pci_device *pd, char *buf, size_t size)
{
	snprintf(buf, size, MAPS_MZ_PREFIX "%s", pd->dev.name);
}

static int
memory_end(const struct rte_memseg_list *msl, void *arg)
{
	uintptr_t *end = arg;
	uintptr_t e = (uintptr_t)msl->base_va + msl->len;

	if (e > *end)
		*end = e;
	return 0;
}

/* Where the primary starts looking: past the group's memory. */
static uintptr_t
maps_base(void)
{
	uintptr_t end = 0;

	rte_memseg_list_walk(memory_end, &end);
	return RTE_ALIGN_CEIL(end + MAPS_GAP, MAPS_GAP);
}

/* The end of a BAR of ours overlapping [at, at + len), or 0. With pci_lock held. */
static uintptr_t
ours_overlapping(uintptr_t at, uint64_t len)
{
	struct rte_pci_device *dev;
	unsigned int i;

	TAILQ_FOREACH(dev, &pci_devices, next) {
		const struct pci_device *pd = PCI_PRIV(dev);

		for (i = 0; i < pd->nb_maps; i++) {
			uintptr_t s = (uintptr_t)pd->maps[i].addr;

			if (s < at + len && at < s + pd->maps[i].len)
				return s + pd->maps[i].len;
		}
	}
	return 0;
}

/* mmap exactly at at, or fail with errno EEXIST when something is there. */
static void *
map_fixed(void *at, uint64_t len, int fd, uint64_t offset)
{
	void *p = mmap(at, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED_NOREPLACE, fd,
		       (off_t)offset);

	if (p == MAP_FAILED)
		return NULL;
	if (p != at) {
		/* Kernels before 4.17 take MAP_FIXED_NOREPLACE as a hint. */
		munmap(p, len);
		errno = EEXIST;
		return NULL;
	}
	return p;
}

/* Primary: the first free place from maps_base(), naturally aligned up to MAPS_GAP. */
static void *
map_anywhere(uint64_t len, int fd, uint64_t offset)
{
	uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
	uint64_t align = RTE_MAX(page, RTE_MIN(rte_align64pow2(len), MAPS_GAP));
	uintptr_t at = maps_base(), end;
	unsigned int tries;
	void *p;

	for (tries = 0; tries < MAPS_TRIES; tries++) {
		at = RTE_ALIGN_CEIL(at, align);
		end = ours_overlapping(at, len);
		if (end != 0) {
			at = end;
			continue;
		}
		p = map_fixed((void *)at, len, fd, offset);
		if (p != NULL || errno != EEXIST)
			return p;
		at += align;
	}
	errno = ENOMEM;
	return NULL;
}

/* Map one BAR, at at (NULL: anywhere, primary) and remember it. */
static int
map_bar(struct pci_device *pd, pci_bar_open_t open_bar, int bar, uint64_t len, void *at)
{
	bool close_after = false;
	uint64_t offset = 0;
	int fd, err;
	void *p;

	fd = open_bar(pd, bar, &offset, &close_after);
	if (fd < 0)
		return fd;
	p = at == NULL ? map_anywhere(len, fd, offset) : map_fixed(at, len, fd, offset);
	err = errno;
	if (close_after)
		close(fd);
	if (p == NULL && at != NULL && err == EEXIST) {
		/* Not -EEXIST: to hotplug that means "attached already". */
		PCI_LOG(ERR, "%s: cannot map BAR%d at %p, where the primary has it: the address "
			"is taken in this process\n", pd->dev.name, bar, at);
		return -EADDRINUSE;
	}
	if (p == NULL) {
		PCI_LOG(ERR, "%s: cannot map BAR%d (%" PRIu64 " bytes): %s\n", pd->dev.name, bar,
			len, strerror(err));
		return -err;
	}
	pd->maps[pd->nb_maps].addr = p;
	pd->maps[pd->nb_maps].len = len;
	pd->maps[pd->nb_maps].offset = offset;
	pd->maps[pd->nb_maps].bar = bar;
	pd->nb_maps++;
	pd->dev.mem_resource[bar].addr = p;
	return 0;
}

static int
publish(struct pci_device *pd)
{
	char name[RTE_MEMZONE_NAMESIZE];
	struct pci_shared_maps *rec;
	const struct rte_memzone *mz;
	unsigned int i;

	mz_name(pd, name, sizeof(name));
	mz = rte_memzone_reserve(name, sizeof(*rec), SOCKET_ID_ANY, 0);
	if (mz == NULL) {
		PCI_LOG(ERR, "%s: cannot record its BARs for secondaries (memzone %s): %s\n",
			pd->dev.name, name, rte_strerror(rte_errno));
		/* Not -EEXIST: to hotplug that means "attached already". */
		return rte_errno == EEXIST ? -EBUSY : -rte_errno;
	}
	rec = mz->addr;
	memset(rec, 0, sizeof(*rec));
	rec->kdrv = pd->dev.kdrv;
	for (i = 0; i < pd->nb_maps; i++) {
		rec->maps[i].addr = (uintptr_t)pd->maps[i].addr;
		rec->maps[i].len = pd->maps[i].len;
		rec->maps[i].offset = pd->maps[i].offset;
		rec->maps[i].bar = pd->maps[i].bar;
	}
	rec->nb_maps = pd->nb_maps;
	pd->shared = mz;
	return 0;
}

static int
primary_map(struct pci_device *pd, pci_bar_open_t open_bar)
{
	int bar, ret;

	for (bar = 0; bar < PCI_MAX_RESOURCE; bar++) {
		if (!(pd->bar_flags[bar] & PCI_IORESOURCE_MEM) ||
		    pd->dev.mem_resource[bar].len == 0)
			continue;
		ret = map_bar(pd, open_bar, bar, pd->dev.mem_resource[bar].len, NULL);
		if (ret == -ENOTSUP)
			continue;
		if (ret < 0)
			return ret;
	}
	return publish(pd);
}

static int
secondary_map(struct pci_device *pd, pci_bar_open_t open_bar)
{
	char name[RTE_MEMZONE_NAMESIZE];
	const struct pci_shared_maps *rec;
	const struct rte_memzone *mz;
	unsigned int i;
	int ret;

	mz_name(pd, name, sizeof(name));
	mz = rte_memzone_lookup(name);
	if (mz == NULL) {
		PCI_LOG(ERR, "%s: the primary has not mapped it (no memzone %s)\n",
			pd->dev.name, name);
		return -ENODEV;
	}
	rec = mz->addr;
	if (rec->kdrv != (uint32_t)pd->dev.kdrv) {
		PCI_LOG(ERR, "%s: bound to another kernel driver than when the primary mapped it\n",
			pd->dev.name);
		return -ENODEV;
	}
	for (i = 0; i < rec->nb_maps && i < PCI_MAX_RESOURCE; i++) {
		ret = map_bar(pd, open_bar, rec->maps[i].bar, rec->maps[i].len,
			      (void *)(uintptr_t)rec->maps[i].addr);
		if (ret < 0)
			return ret == -ENOTSUP ? -ENODEV : ret;
	}
	return 0;
}

int
pci_maps_map(struct pci_device *pd, pci_bar_open_t open_bar)
{
	int ret;

	if (rte_eal_process_type() == RTE_PROC_PRIMARY)
		ret = primary_map(pd, open_bar);
	else
		ret = secondary_map(pd, open_bar);
	if (ret < 0)
		pci_maps_unmap(pd);
	return ret;
}

void
pci_maps_unmap(struct pci_device *pd)
{
	unsigned int i;

	for (i = 0; i < pd->nb_maps; i++) {
		munmap(pd->maps[i].addr, pd->maps[i].len);
		pd->dev.mem_resource[pd->maps[i].bar].addr = NULL;
	}
	pd->nb_maps = 0;
	pd->failed = false;
	if (pd->shared != NULL) {
		rte_memzone_free(pd->shared);
		pd->shared = NULL;
	}
}

/* mmap is async-signal-safe; nothing else here may be added that is not. */
void
pci_maps_fail(struct pci_device *pd)
{
	unsigned int i;

	/* Once is enough; again would wipe what was written to the stand-in since. */
	if (pd->failed)
		return;
	for (i = 0; i < pd->nb_maps; i++)
		mmap(pd->maps[i].addr, pd->maps[i].len, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	pd->failed = true;
}

struct pci_device *
pci_maps_find(const void *addr)
{
	struct rte_pci_device *dev;
	uintptr_t a = (uintptr_t)addr;
	unsigned int i;

	TAILQ_FOREACH(dev, &pci_devices, next) {
		struct pci_device *pd = PCI_PRIV(dev);

		for (i = 0; i < pd->nb_maps; i++) {
			uintptr_t s = (uintptr_t)pd->maps[i].addr;

			if (a >= s && a < s + pd->maps[i].len)
				return pd;
		}
	}
	return NULL;
}
