/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Backing the group's heap: one file, on hugetlbfs or (--no-huge) on
 * tmpfs, mapped MAP_SHARED at the same address in every process. The whole
 * file is mapped once at init; pages fault in on first touch, so the heap
 * grows without any mapping or message between processes.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_log.h>
#include <rte_memory.h>

#include "eal_internal_cfg.h"
#include "eal_memcfg.h"
#include "eal_private.h"

#define HUGETLBFS_MAGIC 0x958458f6
#define TMPFS_MAGIC 0x01021994
#define EAL_DEFAULT_MEMORY (256 * RTE_MB)
#define PAGEMAP_PFN_MASK ((1ULL << 55) - 1)
#define PAGEMAP_PRESENT (1ULL << 63)

static bool
fs_is(const char *dir, long magic, uint64_t *bsize)
{
	struct statfs st;

	if (statfs(dir, &st) < 0 || st.f_type != magic)
		return false;
	if (bsize != NULL)
		*bsize = (uint64_t)st.f_bsize;
	return true;
}

/* The first hugetlbfs mount in /proc/mounts, into dir. */
static int
first_hugetlbfs_mount(char *dir, size_t size)
{
	struct mntent *m;
	FILE *f = setmntent("/proc/mounts", "r");
	int ret = -ENOENT;

	if (f == NULL)
		return -errno;
	while ((m = getmntent(f)) != NULL) {
		if (strcmp(m->mnt_type, "hugetlbfs") == 0 &&
		    access(m->mnt_dir, R_OK | W_OK) == 0) {
			snprintf(dir, size, "%s", m->mnt_dir);
			ret = 0;
			break;
		}
	}
	endmntent(f);
	return ret;
}

/* Free hugepages of page_sz not promised to someone already. */
static long
hugepages_available(uint64_t page_sz)
{
	char path[128];
	long v[2] = { 0, 0 };
	const char *const names[] = { "free_hugepages", "resv_hugepages" };
	unsigned int i;

	for (i = 0; i < RTE_DIM(names); i++) {
		FILE *f;

		snprintf(path, sizeof(path), "/sys/kernel/mm/hugepages/hugepages-%" PRIu64 "kB/%s",
			 page_sz / 1024, names[i]);
		f = fopen(path, "r");
		if (f == NULL)
			return -1;
		if (fscanf(f, "%ld", &v[i]) != 1)
			v[i] = 0;
		fclose(f);
	}
	return v[0] - v[1];
}

static int
plan_hugepages(struct eal_mem_plan *plan, uint64_t requested)
{
	const struct internal_config *cfg = eal_get_internal_configuration();
	long avail;
	uint64_t pages;

	if (cfg->hugepage_dir != NULL) {
		snprintf(plan->dir, sizeof(plan->dir), "%s", cfg->hugepage_dir);
		if (!fs_is(plan->dir, HUGETLBFS_MAGIC, &plan->page_sz)) {
			RTE_LOG(ERR, EAL, "--huge-dir %s is not a hugetlbfs mount\n", plan->dir);
			return -EINVAL;
		}
	} else if (first_hugetlbfs_mount(plan->dir, sizeof(plan->dir)) < 0 ||
		   !fs_is(plan->dir, HUGETLBFS_MAGIC, &plan->page_sz)) {
		RTE_LOG(ERR, EAL, "no usable hugetlbfs mount: mount one "
			"(mount -t hugetlbfs none /dev/hugepages) or use --no-huge\n");
		return -ENOMEM;
	}
	avail = hugepages_available(plan->page_sz);
	if (requested == 0 && avail > 0)
		requested = RTE_MIN(EAL_DEFAULT_MEMORY, (uint64_t)avail * plan->page_sz);
	if (requested == 0)
		requested = EAL_DEFAULT_MEMORY;
	pages = (requested + plan->page_sz - 1) / plan->page_sz;
	if (avail >= 0 && (uint64_t)avail < pages) {
		RTE_LOG(ERR, EAL, "not enough hugepages: %" PRIu64 " of %" PRIu64 " kB needed "
			"for %" PRIu64 " MB, %ld free; reserve more "
			"(/sys/kernel/mm/hugepages/hugepages-%" PRIu64 "kB/nr_hugepages), "
			"lower -m, or use --no-huge\n", pages, plan->page_sz / 1024,
			(uint64_t)(requested / RTE_MB), avail, plan->page_sz / 1024);
		return -ENOMEM;
	}
	plan->len = pages * plan->page_sz;
	return 0;
}

/* tmpfs: the runtime directory if it is one, else /dev/shm, else the runtime directory. */
static void
plan_tmpfs(struct eal_mem_plan *plan, uint64_t requested)
{
	const char *rundir = rte_eal_get_runtime_dir();

	if (fs_is(rundir, TMPFS_MAGIC, NULL) || !fs_is("/dev/shm", TMPFS_MAGIC, NULL))
		snprintf(plan->dir, sizeof(plan->dir), "%s", rundir);
	else
		snprintf(plan->dir, sizeof(plan->dir), "/dev/shm");
	plan->page_sz = (uint64_t)getpagesize();
	plan->len = RTE_ALIGN_CEIL(requested != 0 ? requested : EAL_DEFAULT_MEMORY,
				   plan->page_sz);
}

int
eal_memory_plan(struct eal_mem_plan *plan)
{
	const struct internal_config *cfg = eal_get_internal_configuration();
	int n, ret = 0;

	memset(plan, 0, sizeof(*plan));
	plan->huge = !cfg->no_hugetlbfs;
	if (plan->huge)
		ret = plan_hugepages(plan, cfg->memory);
	else
		plan_tmpfs(plan, cfg->memory);
	if (ret < 0)
		return ret;
	n = snprintf(plan->path, sizeof(plan->path), "%s/lockstep.%u.%s.heap", plan->dir,
		     (unsigned int)geteuid(), cfg->file_prefix);
	if (n < 0 || (size_t)n >= sizeof(plan->path))
		return -ENAMETOOLONG;
	return 0;
}

int
eal_memory_map(const char *path, void *addr, uint64_t len, bool create)
{
	int fd, flags = O_RDWR | O_CLOEXEC;
	void *p;

	if (create) {
		/* A crashed primary's file may still be mapped by its orphans: start anew. */
		unlink(path);
		flags |= O_CREAT | O_EXCL;
	}
	fd = open(path, flags, 0600);
	if (fd < 0) {
		RTE_LOG(ERR, EAL, "cannot open the heap file %s: %s\n", path, strerror(errno));
		return -errno;
	}
	if (create && ftruncate(fd, (off_t)len) < 0) {
		RTE_LOG(ERR, EAL, "cannot size the heap file %s to %" PRIu64 " bytes: %s\n",
			path, len, strerror(errno));
		goto fail;
	}
	p = mmap(addr, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0);
	if (p == MAP_FAILED) {
		int err = errno;
		struct statfs sfs;
		/* Where the free count could not be read, the kernel's refusal is the news. */
		bool short_of_pages = err == ENOMEM && fstatfs(fd, &sfs) == 0 &&
				      sfs.f_type == HUGETLBFS_MAGIC;

		RTE_LOG(ERR, EAL, "cannot map the heap file %s (%" PRIu64 " bytes): %s%s\n",
			path, len, strerror(err), short_of_pages ? ": not enough free "
			"hugepages; reserve more, lower -m, or use --no-huge" : "");
		goto fail;
	}
	close(fd);
	return 0;
fail:
	close(fd);
	if (create)
		unlink(path);
	return -ENOMEM;
}

/* The page holding virt, if in the heap: read it so that it is present. */
static void
fault_in(const void *virt)
{
	struct eal_shared_config *cfg = eal_shared_config();

	if (cfg != NULL && (uintptr_t)virt >= cfg->hdr.heap_addr &&
	    (uintptr_t)virt < cfg->hdr.heap_addr + cfg->hdr.heap_len)
		(void)*(const volatile char *)virt;
}

phys_addr_t
rte_mem_virt2phy(const void *virt)
{
	uint64_t entry, page = (uint64_t)getpagesize();
	off_t off = (off_t)((uintptr_t)virt / page * sizeof(entry));
	ssize_t n;
	int fd;

	fault_in(virt);
	fd = open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return RTE_BAD_PHYS_ADDR;
	n = pread(fd, &entry, sizeof(entry), off);
	close(fd);
	/* Without CAP_SYS_ADMIN the kernel reports page frame 0. */
	if (n != (ssize_t)sizeof(entry) || !(entry & PAGEMAP_PRESENT) ||
	    (entry & PAGEMAP_PFN_MASK) == 0)
		return RTE_BAD_PHYS_ADDR;
	return (entry & PAGEMAP_PFN_MASK) * page + (uintptr_t)virt % page;
}

bool
eal_iommu_present(void)
{
	DIR *d = opendir("/sys/kernel/iommu_groups");
	struct dirent *e;
	bool found = false;

	if (d == NULL)
		return false;
	while (!found && (e = readdir(d)) != NULL)
		found = e->d_name[0] != '.';
	closedir(d);
	return found;
}
