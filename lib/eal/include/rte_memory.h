/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_MEMORY_H_
#define _RTE_MEMORY_H_

/**
 * @file
 * Memory of the process group (DPDK 22.11 API).
 *
 * The primary reserves one range of virtual addresses (--base-virtaddr) and
 * backs its heap with one shared file, on hugetlbfs or, with --no-huge, on
 * tmpfs. Every process maps it at the same address. The heap is described
 * by one memseg list: one memseg per hugepage, or a single memseg for the
 * whole heap without hugepages (where IOVA is VA, so it is contiguous).
 */

#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_eal.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Any NUMA socket. */
#define SOCKET_ID_ANY -1

#define RTE_PGSIZE_4K   (1ULL << 12)
#define RTE_PGSIZE_64K  (1ULL << 16)
#define RTE_PGSIZE_256K (1ULL << 18)
#define RTE_PGSIZE_2M   (1ULL << 21)
#define RTE_PGSIZE_16M  (1ULL << 24)
#define RTE_PGSIZE_256M (1ULL << 28)
#define RTE_PGSIZE_512M (1ULL << 29)
#define RTE_PGSIZE_1G   (1ULL << 30)
#define RTE_PGSIZE_4G   (1ULL << 32)
#define RTE_PGSIZE_16G  (1ULL << 34)

/** A physically (IOVA) contiguous piece of the group's memory. */
struct rte_memseg {
	rte_iova_t iova;        /**< IOVA of addr, RTE_BAD_IOVA if unknown */
	RTE_STD_C11
	union {
		void *addr;     /**< start virtual address */
		uint64_t addr_64;
	};
	size_t len;             /**< bytes */
	uint64_t hugepage_sz;   /**< page size backing it */
	int32_t socket_id;
	uint32_t nchannel;
	uint32_t nrank;
	uint32_t flags;
} __rte_packed;

/** The memsegs of one contiguous virtual area. */
struct rte_memseg_list {
	RTE_STD_C11
	union {
		void *base_va;
		uint64_t addr_64;
	};
	uint64_t page_sz;
	int socket_id;
	volatile uint32_t version;
	size_t len;
	unsigned int external;
	unsigned int heap;
};

/** Return 0 to go on, 1 to stop the walk and return 1, -1 to stop and return -1. */
typedef int (*rte_memseg_walk_t)(const struct rte_memseg_list *msl,
				 const struct rte_memseg *ms, void *arg);
typedef int (*rte_memseg_contig_walk_t)(const struct rte_memseg_list *msl,
					const struct rte_memseg *ms, size_t len, void *arg);
typedef int (*rte_memseg_list_walk_t)(const struct rte_memseg_list *msl, void *arg);

/** Physical address of a virtual address of this process, or RTE_BAD_PHYS_ADDR. */
phys_addr_t rte_mem_virt2phy(const void *virt);

/** IOVA of an address of the group's memory (or any address, in VA mode). */
rte_iova_t rte_mem_virt2iova(const void *virt);

/** The memseg holding addr, or NULL when addr is not in the group's memory. */
struct rte_memseg *rte_mem_virt2memseg(const void *virt, const struct rte_memseg_list *msl);

/** The memseg list holding addr, or NULL. */
struct rte_memseg_list *rte_mem_virt2memseg_list(const void *virt);

/** Call func for every memseg. */
int rte_memseg_walk(rte_memseg_walk_t func, void *arg);

/** Call func for every run of IOVA-contiguous memsegs, with its length. */
int rte_memseg_contig_walk(rte_memseg_contig_walk_t func, void *arg);

/** Call func for every memseg list. */
int rte_memseg_list_walk(rte_memseg_list_walk_t func, void *arg);

/** Bytes of memory the group has. */
uint64_t rte_eal_get_physmem_size(void);

/** Print the memsegs. */
void rte_dump_physmem_layout(FILE *f);

unsigned int rte_memory_get_nchannel(void);
unsigned int rte_memory_get_nrank(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MEMORY_H_ */
