/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_memory.h>
#include <rte_memzone.h>
#include <rte_string_fns.h>

#include "eal_memcfg.h"
#include "malloc_heap.h"

/* Page-size flags and the size each asks for. */
static const struct {
	unsigned int flag;
	uint64_t size;
} pgsz_flags[] = {
	{ RTE_MEMZONE_256KB, RTE_PGSIZE_256K },
	{ RTE_MEMZONE_2MB, RTE_PGSIZE_2M },
	{ RTE_MEMZONE_16MB, RTE_PGSIZE_16M },
	{ RTE_MEMZONE_256MB, RTE_PGSIZE_256M },
	{ RTE_MEMZONE_512MB, RTE_PGSIZE_512M },
	{ RTE_MEMZONE_1GB, RTE_PGSIZE_1G },
	{ RTE_MEMZONE_4GB, RTE_PGSIZE_4G },
	{ RTE_MEMZONE_16GB, RTE_PGSIZE_16G },
};

#define MEMZONE_KNOWN_FLAGS (RTE_MEMZONE_2MB | RTE_MEMZONE_1GB | RTE_MEMZONE_16MB | \
	RTE_MEMZONE_16GB | RTE_MEMZONE_256KB | RTE_MEMZONE_256MB | RTE_MEMZONE_512MB | \
	RTE_MEMZONE_4GB | RTE_MEMZONE_SIZE_HINT_ONLY | RTE_MEMZONE_IOVA_CONTIG)

/* Whether the group's one page size satisfies the page sizes flags ask for. */
static bool
page_size_ok(unsigned int flags, uint64_t page_sz)
{
	bool asked = false;
	unsigned int i;

	if (flags & RTE_MEMZONE_SIZE_HINT_ONLY)
		return true;
	for (i = 0; i < RTE_DIM(pgsz_flags); i++) {
		if (flags & pgsz_flags[i].flag) {
			asked = true;
			if (pgsz_flags[i].size == page_sz)
				return true;
		}
	}
	return !asked;
}

/* Whether [addr, addr + len) is IOVA-contiguous: always in VA mode, page by page in PA mode. */
static bool
iova_contiguous(const void *addr, size_t len, uint64_t page_sz)
{
	rte_iova_t first = rte_mem_virt2iova(addr);
	size_t off;

	if (rte_eal_iova_mode() == RTE_IOVA_VA)
		return true;
	for (off = page_sz - ((uintptr_t)addr % page_sz); off < len; off += page_sz) {
		if (rte_mem_virt2iova(RTE_PTR_ADD(addr, off)) != first + off)
			return false;
	}
	return true;
}

/* Called with the memzone lock held. */
static struct rte_memzone *
memzone_find(struct eal_shared_config *cfg, const char *name)
{
	unsigned int i;

	for (i = 0; i < RTE_MAX_MEMZONE; i++) {
		if (cfg->memzones[i].name[0] != '\0' &&
		    strncmp(cfg->memzones[i].name, name, RTE_MEMZONE_NAMESIZE) == 0)
			return &cfg->memzones[i];
	}
	return NULL;
}

static struct rte_memzone *
memzone_free_slot(struct eal_shared_config *cfg)
{
	unsigned int i;

	for (i = 0; i < RTE_MAX_MEMZONE; i++) {
		if (cfg->memzones[i].name[0] == '\0')
			return &cfg->memzones[i];
	}
	return NULL;
}

static int
check_args(const char *name, int socket_id, unsigned int flags, unsigned int align,
	   unsigned int bound, size_t len)
{
	if (name == NULL || name[0] == '\0') {
		RTE_LOG(ERR, EAL, "memzone: no name given\n");
		return EINVAL;
	}
	if (strnlen(name, RTE_MEMZONE_NAMESIZE) == RTE_MEMZONE_NAMESIZE) {
		RTE_LOG(ERR, EAL, "memzone '%.*s...': name longer than %d characters\n",
			RTE_MEMZONE_NAMESIZE - 1, name, RTE_MEMZONE_NAMESIZE - 1);
		return ENAMETOOLONG;
	}
	if (socket_id != SOCKET_ID_ANY && (socket_id < 0 || socket_id >= RTE_MAX_NUMA_NODES)) {
		RTE_LOG(ERR, EAL, "memzone '%s': invalid socket %d\n", name, socket_id);
		return EINVAL;
	}
	if ((flags & ~MEMZONE_KNOWN_FLAGS) != 0) {
		RTE_LOG(ERR, EAL, "memzone '%s': unknown flags 0x%x\n", name, flags);
		return EINVAL;
	}
	if (align != 0 && !rte_is_power_of_2(align)) {
		RTE_LOG(ERR, EAL, "memzone '%s': alignment %u is not a power of two\n", name, align);
		return EINVAL;
	}
	if (bound != 0 && (!rte_is_power_of_2(bound) || (len != 0 && bound < len))) {
		RTE_LOG(ERR, EAL, "memzone '%s': boundary %u must be a power of two >= its "
			"length %zu\n", name, bound, len);
		return EINVAL;
	}
	return 0;
}

static const struct rte_memzone *
memzone_reserve(const char *name, size_t len, int socket_id, unsigned int flags,
		unsigned int align, unsigned int bound)
{
	struct eal_shared_config *cfg = eal_shared_config();
	struct rte_memzone *mz = NULL;
	size_t real_align;
	void *addr;
	int err;

	if (cfg == NULL) {
		rte_errno = E_RTE_NO_CONFIG;
		return NULL;
	}
	err = check_args(name, socket_id, flags, align, bound, len);
	if (err != 0) {
		rte_errno = err;
		return NULL;
	}
	real_align = RTE_MAX((size_t)align, (size_t)RTE_CACHE_LINE_SIZE);

	rte_mcfg_mem_write_lock();
	if (memzone_find(cfg, name) != NULL) {
		RTE_LOG(DEBUG, EAL, "memzone '%s' already exists\n", name);
		err = EEXIST;
		goto out;
	}
	mz = memzone_free_slot(cfg);
	if (mz == NULL) {
		RTE_LOG(ERR, EAL, "memzone '%s': all %d memzones are in use\n",
			name, RTE_MAX_MEMZONE);
		err = ENOSPC;
		goto out;
	}
	if (!page_size_ok(flags, cfg->hdr.page_sz)) {
		RTE_LOG(ERR, EAL, "memzone '%s': the group's memory has %" PRIu64
			"-byte pages, not the size asked for\n", name, cfg->hdr.page_sz);
		err = ENOMEM;
		goto out;
	}
	if (len == 0) {
		/* The largest free area, less what alignment may cost. */
		len = RTE_ALIGN_FLOOR(malloc_heap_largest_free(&cfg->heap), real_align);
		if (len > real_align)
			len -= real_align;
		if (bound != 0)
			len = RTE_MIN(len, (size_t)bound);
	}
	addr = len == 0 ? NULL : malloc_heap_alloc(&cfg->heap, len, real_align, bound);
	if (addr != NULL && (flags & RTE_MEMZONE_IOVA_CONTIG) &&
	    !iova_contiguous(addr, len, cfg->hdr.page_sz)) {
		malloc_heap_free(&cfg->heap, addr);
		addr = NULL;
	}
	if (addr == NULL) {
		RTE_LOG(ERR, EAL, "memzone '%s': no free memory for %zu bytes\n", name, len);
		err = ENOMEM;
		goto out;
	}
	memset(mz, 0, sizeof(*mz));
	mz->addr = addr;
	mz->len = len;
	mz->iova = rte_mem_virt2iova(addr);
	mz->hugepage_sz = cfg->hdr.page_sz;
	mz->socket_id = cfg->heap.socket_id;
	mz->flags = flags;
	/* The name last: it is what makes the slot visible to lookups. */
	rte_strlcpy(mz->name, name, sizeof(mz->name));
	cfg->memzone_cnt++;
out:
	rte_mcfg_mem_write_unlock();
	if (err != 0) {
		rte_errno = err;
		return NULL;
	}
	return mz;
}

const struct rte_memzone *
rte_memzone_reserve(const char *name, size_t len, int socket_id, unsigned int flags)
{
	return memzone_reserve(name, len, socket_id, flags, RTE_CACHE_LINE_SIZE, 0);
}

const struct rte_memzone *
rte_memzone_reserve_aligned(const char *name, size_t len, int socket_id,
			    unsigned int flags, unsigned int align)
{
	return memzone_reserve(name, len, socket_id, flags, align, 0);
}

const struct rte_memzone *
rte_memzone_reserve_bounded(const char *name, size_t len, int socket_id,
			    unsigned int flags, unsigned int align, unsigned int bound)
{
	return memzone_reserve(name, len, socket_id, flags, align, bound);
}

int
rte_memzone_free(const struct rte_memzone *mz)
{
	struct eal_shared_config *cfg = eal_shared_config();
	struct rte_memzone *slot;
	int ret = 0;

	if (cfg == NULL || mz == NULL || mz < cfg->memzones ||
	    mz >= cfg->memzones + RTE_MAX_MEMZONE)
		return -EINVAL;
	slot = &cfg->memzones[mz - cfg->memzones];
	rte_mcfg_mem_write_lock();
	if (slot->name[0] == '\0' || malloc_heap_free(&cfg->heap, slot->addr) < 0) {
		ret = -EINVAL;
	} else {
		memset(slot, 0, sizeof(*slot));
		cfg->memzone_cnt--;
	}
	rte_mcfg_mem_write_unlock();
	return ret;
}

const struct rte_memzone *
rte_memzone_lookup(const char *name)
{
	struct eal_shared_config *cfg = eal_shared_config();
	const struct rte_memzone *mz;

	if (cfg == NULL || name == NULL)
		return NULL;
	rte_mcfg_mem_read_lock();
	mz = memzone_find(cfg, name);
	rte_mcfg_mem_read_unlock();
	return mz;
}

void
rte_memzone_walk(void (*func)(const struct rte_memzone *, void *), void *arg)
{
	struct eal_shared_config *cfg = eal_shared_config();
	unsigned int i;

	if (cfg == NULL || func == NULL)
		return;
	rte_mcfg_mem_read_lock();
	for (i = 0; i < RTE_MAX_MEMZONE; i++) {
		if (cfg->memzones[i].name[0] != '\0')
			func(&cfg->memzones[i], arg);
	}
	rte_mcfg_mem_read_unlock();
}

static void
dump_one(const struct rte_memzone *mz, void *arg)
{
	FILE *f = arg;

	fprintf(f, "Zone %u: name:<%s>, len:0x%zx, virt:%p, socket_id:%" PRId32
		", flags:%" PRIx32 ", iova:0x%" PRIx64 ", hugepage_sz:0x%" PRIx64 "\n",
		(unsigned int)(mz - eal_shared_config()->memzones), mz->name, mz->len,
		mz->addr, mz->socket_id, mz->flags, mz->iova, mz->hugepage_sz);
}

void
rte_memzone_dump(FILE *f)
{
	rte_memzone_walk(dump_one, f);
}
