/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <inttypes.h>
#include <stdio.h>

#include <rte_bus.h>
#include <rte_common.h>
#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_memory.h>

#include "eal_internal_cfg.h"
#include "eal_memcfg.h"
#include "eal_private.h"

enum rte_iova_mode
rte_eal_iova_mode(void)
{
	struct eal_shared_config *cfg = eal_shared_config();

	return cfg != NULL ? (enum rte_iova_mode)cfg->hdr.iova_mode : RTE_IOVA_DC;
}

rte_iova_t
rte_mem_virt2iova(const void *virt)
{
	if (rte_eal_iova_mode() == RTE_IOVA_VA)
		return (uintptr_t)virt;
	return rte_mem_virt2phy(virt);
}

/* Fill in a memseg's iova the first time someone needs it (pages fault lazily). */
static struct rte_memseg *
memseg_ready(struct rte_memseg *ms)
{
	if (ms->iova == RTE_BAD_IOVA)
		ms->iova = rte_mem_virt2iova(ms->addr);
	return ms;
}

struct rte_memseg_list *
rte_mem_virt2memseg_list(const void *virt)
{
	struct eal_shared_config *cfg = eal_shared_config();

	if (cfg == NULL || virt < cfg->msl.base_va ||
	    RTE_PTR_DIFF(virt, cfg->msl.base_va) >= cfg->msl.len)
		return NULL;
	return &cfg->msl;
}

struct rte_memseg *
rte_mem_virt2memseg(const void *virt, const struct rte_memseg_list *msl)
{
	struct eal_shared_config *cfg = eal_shared_config();
	size_t idx;

	if (msl == NULL)
		msl = rte_mem_virt2memseg_list(virt);
	if (msl == NULL || msl != &cfg->msl || rte_mem_virt2memseg_list(virt) != msl)
		return NULL;
	idx = RTE_PTR_DIFF(virt, msl->base_va) / cfg->memsegs[0].len;
	return memseg_ready(&cfg->memsegs[idx]);
}

int
rte_memseg_walk(rte_memseg_walk_t func, void *arg)
{
	struct eal_shared_config *cfg = eal_shared_config();
	uint32_t i;
	int ret;

	if (cfg == NULL)
		return -1;
	for (i = 0; i < cfg->nb_memsegs; i++) {
		ret = func(&cfg->msl, memseg_ready(&cfg->memsegs[i]), arg);
		if (ret != 0)
			return ret;
	}
	return 0;
}

int
rte_memseg_contig_walk(rte_memseg_contig_walk_t func, void *arg)
{
	struct eal_shared_config *cfg = eal_shared_config();
	uint32_t i, j;
	int ret;

	if (cfg == NULL)
		return -1;
	for (i = 0; i < cfg->nb_memsegs; i = j) {
		struct rte_memseg *first = memseg_ready(&cfg->memsegs[i]);
		size_t len = first->len;

		for (j = i + 1; j < cfg->nb_memsegs; j++) {
			struct rte_memseg *ms = memseg_ready(&cfg->memsegs[j]);

			if (ms->iova != first->iova + len)
				break;
			len += ms->len;
		}
		ret = func(&cfg->msl, first, len, arg);
		if (ret != 0)
			return ret;
	}
	return 0;
}

int
rte_memseg_list_walk(rte_memseg_list_walk_t func, void *arg)
{
	struct eal_shared_config *cfg = eal_shared_config();

	if (cfg == NULL)
		return -1;
	return func(&cfg->msl, arg);
}

uint64_t
rte_eal_get_physmem_size(void)
{
	struct eal_shared_config *cfg = eal_shared_config();

	return cfg != NULL ? cfg->hdr.heap_len : 0;
}

static int
dump_memseg(const struct rte_memseg_list *msl, const struct rte_memseg *ms, void *arg)
{
	FILE *f = arg;

	fprintf(f, "Segment %zu: IOVA:0x%" PRIx64 ", len:%zu, virt:%p, socket_id:%" PRId32
		", hugepage_sz:%" PRIu64 ", nchannel:%" PRIu32 ", nrank:%" PRIu32 "\n",
		RTE_PTR_DIFF(ms->addr, msl->base_va) / ms->len, ms->iova, ms->len, ms->addr,
		ms->socket_id, ms->hugepage_sz, ms->nchannel, ms->nrank);
	return 0;
}

void
rte_dump_physmem_layout(FILE *f)
{
	rte_memseg_walk(dump_memseg, f);
}

unsigned int
rte_memory_get_nchannel(void)
{
	struct eal_shared_config *cfg = eal_shared_config();

	return cfg != NULL ? cfg->hdr.nchannel : 0;
}

unsigned int
rte_memory_get_nrank(void)
{
	return 0;
}

/*
 * Primary, after the bus scan: IOVA as --iova-mode says, else as the
 * scanned devices' drivers need (rte_bus_get_iommu_class), else PA where
 * there are physical addresses and no IOMMU, VA otherwise. Physical
 * addresses need hugepages (pinned) and root (pagemap shows frames).
 */
static int
iova_mode_select(const struct eal_config_hdr *h, const void *heap)
{
	enum rte_iova_mode mode = eal_get_internal_configuration()->iova_mode;
	bool phys = !h->no_hugetlbfs && rte_mem_virt2phy(heap) != RTE_BAD_PHYS_ADDR;
	const char *why = "--iova-mode=pa";

	if (mode == RTE_IOVA_DC) {
		mode = rte_bus_get_iommu_class();
		why = "a device is on UIO, or on VFIO without an IOMMU";
	}
	if (mode == RTE_IOVA_DC)
		mode = phys && !eal_iommu_present() ? RTE_IOVA_PA : RTE_IOVA_VA;
	if (mode == RTE_IOVA_PA && !phys) {
		RTE_LOG(ERR, EAL, "IOVA as PA (%s) needs physical addresses, and %s; "
			"--iova-mode=va uses virtual ones\n", why,
			h->no_hugetlbfs ? "--no-huge memory has none"
					: "this process cannot read them (pagemap needs root)");
		return -EINVAL;
	}
	return (int)mode;
}

int
eal_memory_init(void)
{
	struct eal_shared_config *cfg = eal_shared_config();
	struct eal_config_hdr *h = &cfg->hdr;
	void *heap = (void *)(uintptr_t)h->heap_addr;
	unsigned int socket = rte_lcore_to_socket_id(rte_get_main_lcore());
	size_t seg_len = h->no_hugetlbfs ? h->heap_len : h->page_sz;
	uint32_t i;
	int ret;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0;
	if (socket >= RTE_MAX_NUMA_NODES)
		socket = 0;

	eal_shared_lock_init(&cfg->mlock, true);
	eal_shared_lock_init(&cfg->qlock, true);
	eal_shared_lock_init(&cfg->mplock, true);
	eal_shared_lock_init(&cfg->tlock, true);
	eal_shared_lock_init(&cfg->peers_lock, false);
	malloc_heap_init(&cfg->heap, heap, h->heap_len, (int)socket);

	ret = iova_mode_select(h, heap);
	if (ret < 0)
		return ret;
	h->iova_mode = (uint32_t)ret;

	cfg->msl.base_va = heap;
	cfg->msl.page_sz = h->page_sz;
	cfg->msl.socket_id = (int)socket;
	cfg->msl.len = h->heap_len;
	for (i = 0; i < cfg->nb_memsegs; i++) {
		struct rte_memseg *ms = &cfg->memsegs[i];

		ms->addr = RTE_PTR_ADD(heap, (size_t)i * seg_len);
		ms->len = seg_len;
		ms->hugepage_sz = h->page_sz;
		ms->socket_id = (int32_t)socket;
		ms->nchannel = h->nchannel;
		ms->iova = h->iova_mode == RTE_IOVA_VA ? (uintptr_t)ms->addr : RTE_BAD_IOVA;
	}
	RTE_LOG(DEBUG, EAL, "heap: %" PRIu64 " MB at %p, %s, %" PRIu64 " kB pages, IOVA as %s\n",
		(uint64_t)(h->heap_len / RTE_MB), heap, h->heap_path, h->page_sz / 1024,
		h->iova_mode == RTE_IOVA_PA ? "PA" : "VA");
	return 0;
}
