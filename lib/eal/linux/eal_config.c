/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The process model: the group's runtime directory, the shared config
 * file, and which process is the primary. The primary holds an
 * open-file-description write lock on "config" for its whole life; the
 * lock (not the file's existence) is what says a primary is alive. OFD
 * locks are used because classic POSIX locks are dropped when the process
 * closes any descriptor of the file, which rte_eal_primary_proc_alive()
 * would do.
 */

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_string_fns.h>

#include "eal_internal_cfg.h"
#include "eal_memcfg.h"
#include "eal_peers.h"
#include "eal_private.h"

#define CONFIG_FILE_NAME "config"
/* How often a starting secondary looks whether the primary finished its init. */
#define CONFIG_POLL_US 200

static char runtime_dir[PATH_MAX];
static bool runtime_dir_made;
static int config_fd = -1;
static struct eal_shared_config *shared_config;
/* The group's address reservation in this process; reserve_len 0: none. */
static uint64_t reserve_base;
static size_t reserve_len;

struct eal_shared_config *
eal_shared_config(void)
{
	return shared_config;
}

const char *
rte_eal_get_runtime_dir(void)
{
	return runtime_dir;
}

int
eal_runtime_path(char *buf, size_t size, const char *name)
{
	int n = snprintf(buf, size, "%s/%s", runtime_dir, name);

	return (n < 0 || (size_t)n >= size) ? -ENAMETOOLONG : 0;
}

/* mkdir that accepts an existing directory, if it is ours and private. */
static int
mkdir_private(const char *path)
{
	struct stat st;

	if (mkdir(path, 0700) < 0 && errno != EEXIST) {
		RTE_LOG(ERR, EAL, "cannot create runtime directory %s: %s\n",
			path, strerror(errno));
		return -errno;
	}
	if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid()) {
		RTE_LOG(ERR, EAL, "runtime directory %s is not a directory owned by uid %u\n",
			path, (unsigned int)geteuid());
		return -EACCES;
	}
	/* Ours but open to others (made by hand, say): sockets and config stay private. */
	if ((st.st_mode & 077) != 0 && chmod(path, 0700) < 0) {
		RTE_LOG(ERR, EAL, "cannot make runtime directory %s private: %s\n", path,
			strerror(errno));
		return -errno;
	}
	return 0;
}

int
eal_runtime_base_dir(char *buf, size_t size)
{
	const char *xdg = getenv("XDG_RUNTIME_DIR");
	int n;

	if (geteuid() == 0)
		n = snprintf(buf, size, "/var/run/lockstep");
	else if (xdg != NULL && xdg[0] != '\0')
		n = snprintf(buf, size, "%s/lockstep", xdg);
	else
		n = snprintf(buf, size, "/tmp/lockstep-%u", (unsigned int)geteuid());
	return (n < 0 || (size_t)n >= size) ? -ENAMETOOLONG : 0;
}

int
eal_runtime_dir_create(void)
{
	const struct internal_config *cfg = eal_get_internal_configuration();
	char base[PATH_MAX];
	int n, ret;

	if (eal_runtime_base_dir(base, sizeof(base)) < 0)
		return -ENAMETOOLONG;
	n = snprintf(runtime_dir, sizeof(runtime_dir), "%s/%s", base, cfg->file_prefix);
	if (n < 0 || (size_t)n >= sizeof(runtime_dir)) {
		RTE_LOG(ERR, EAL, "runtime directory path for --file-prefix '%s' is too long\n",
			cfg->file_prefix);
		return -ENAMETOOLONG;
	}
	ret = mkdir_private(base);
	if (ret == 0)
		ret = mkdir_private(runtime_dir);
	if (ret == 0)
		runtime_dir_made = true;
	return ret;
}

void
eal_runtime_dir_remove(void)
{
	/* The last process of the group to leave removes it; others see ENOTEMPTY. */
	if (runtime_dir_made && rmdir(runtime_dir) < 0 && errno != ENOTEMPTY &&
	    errno != EEXIST && errno != ENOENT)
		RTE_LOG(DEBUG, EAL, "cannot remove %s: %s\n", runtime_dir, strerror(errno));
	runtime_dir_made = false;
}

static int
config_path(char *buf, size_t size)
{
	return eal_runtime_path(buf, size, CONFIG_FILE_NAME);
}

/* Whether fd's file is write-locked by another open file description. */
static int
config_locked(int fd)
{
	struct flock fl = {
		.l_type = F_RDLCK,
		.l_whence = SEEK_SET,
	};

	if (fcntl(fd, F_OFD_GETLK, &fl) < 0)
		return -errno;
	return fl.l_type != F_UNLCK;
}

int
rte_eal_primary_proc_alive(const char *config_file_path)
{
	char path[PATH_MAX];
	int fd, alive;

	if (config_file_path == NULL) {
		if (config_path(path, sizeof(path)) < 0)
			return 0;
		config_file_path = path;
	}
	fd = open(config_file_path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	alive = config_locked(fd);
	close(fd);
	return alive > 0;
}

/*
 * Reserve [addr, addr + len) in this process, or fail without taking any
 * other address: the group's memory must be at the same place everywhere.
 */
static int
reserve_at(uint64_t addr, size_t len)
{
	void *p = mmap((void *)(uintptr_t)addr, len, PROT_NONE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE,
		       -1, 0);

	if (p == MAP_FAILED || (uintptr_t)p != addr) {
		if (p != MAP_FAILED)
			munmap(p, len); /* a kernel without MAP_FIXED_NOREPLACE took it as a hint */
		RTE_LOG(ERR, EAL, "cannot reserve %zu bytes at 0x%" PRIx64
			": the address range is in use in this process; "
			"start the group with another --base-virtaddr\n", len, addr);
		return -EADDRINUSE;
	}
	reserve_base = addr;
	reserve_len = len;
	return 0;
}

static int
map_config(uint64_t addr, size_t len)
{
	void *p = mmap((void *)(uintptr_t)addr, len, PROT_READ | PROT_WRITE,
		       MAP_SHARED | MAP_FIXED, config_fd, 0);

	if (p == MAP_FAILED) {
		RTE_LOG(ERR, EAL, "cannot map the shared config: %s\n", strerror(errno));
		return -errno;
	}
	shared_config = p;
	return 0;
}

static size_t
config_map_len(uint64_t config_size)
{
	return RTE_ALIGN_CEIL(config_size, (uint64_t)getpagesize());
}

/* Open and lock the config file; -EAGAIN when another primary holds it. */
static int
config_lock_primary(const char *path)
{
	struct flock fl = {
		.l_type = F_WRLCK,
		.l_whence = SEEK_SET,
	};
	struct stat fd_st, path_st;

	for (;;) {
		config_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
		if (config_fd < 0) {
			RTE_LOG(ERR, EAL, "cannot open %s: %s\n", path, strerror(errno));
			return -errno;
		}
		if (fcntl(config_fd, F_OFD_SETLK, &fl) < 0) {
			int err = errno;

			close(config_fd);
			config_fd = -1;
			return (err == EAGAIN || err == EACCES) ? -EAGAIN : -err;
		}
		/* A primary that was leaving may have unlinked the file we locked. */
		if (fstat(config_fd, &fd_st) == 0 && stat(path, &path_st) == 0 &&
		    fd_st.st_ino == path_st.st_ino && fd_st.st_dev == path_st.st_dev)
			return 0;
		close(config_fd);
		config_fd = -1;
	}
}

/*
 * Lay out the reservation (config, then the heap at a page-aligned
 * address), map both and fill the header. The rest of the config is set up
 * by eal_memory_init().
 */
static int
config_create(const char *path)
{
	const struct internal_config *cfg = eal_get_internal_configuration();
	struct eal_mem_plan plan;
	uint64_t nb_memsegs, config_size, heap_addr;
	size_t cfg_len;
	int ret;

	ret = eal_memory_plan(&plan);
	if (ret < 0)
		return ret;
	/* One memseg per hugepage; without hugepages IOVA is VA, so one for all. */
	nb_memsegs = plan.huge ? plan.len / plan.page_sz : 1;
	config_size = sizeof(struct eal_shared_config) + nb_memsegs * sizeof(struct rte_memseg);
	cfg_len = config_map_len(config_size);
	heap_addr = RTE_ALIGN_CEIL(cfg->base_virtaddr + cfg_len, plan.page_sz);

	/* Whatever a crashed primary left is discarded: start from zeroes. */
	if (ftruncate(config_fd, 0) < 0 || ftruncate(config_fd, (off_t)cfg_len) < 0) {
		RTE_LOG(ERR, EAL, "cannot size %s: %s\n", path, strerror(errno));
		return -errno;
	}
	ret = reserve_at(cfg->base_virtaddr, heap_addr + plan.len - cfg->base_virtaddr);
	if (ret < 0)
		return ret;
	ret = map_config(cfg->base_virtaddr, cfg_len);
	if (ret < 0)
		return ret;
	shared_config->hdr.version = EAL_CONFIG_VERSION;
	shared_config->hdr.struct_size = sizeof(*shared_config);
	shared_config->hdr.config_size = config_size;
	shared_config->hdr.base_addr = cfg->base_virtaddr;
	shared_config->hdr.reserve_size = reserve_len;
	shared_config->hdr.primary_pid = getpid();
	shared_config->hdr.primary_start_time = eal_proc_start_time(getpid());
	shared_config->hdr.no_hugetlbfs = !plan.huge;
	shared_config->hdr.nchannel = cfg->nchannel;
	shared_config->hdr.heap_addr = heap_addr;
	shared_config->hdr.heap_len = plan.len;
	shared_config->hdr.page_sz = plan.page_sz;
	shared_config->nb_memsegs = (uint32_t)nb_memsegs;
	snprintf(shared_config->hdr.heap_path, sizeof(shared_config->hdr.heap_path), "%s",
		 plan.path);
	return eal_memory_map(plan.path, (void *)(uintptr_t)heap_addr, plan.len, true);
}

/* Read the header of the primary's config once it has finished its init. */
static int
config_wait_ready(const char *path, struct eal_config_hdr *hdr)
{
	const struct internal_config *cfg = eal_get_internal_configuration();
	struct timespec start, now;
	uint64_t waited_ms;

	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		if (config_locked(config_fd) <= 0) {
			RTE_LOG(ERR, EAL, "no primary process is running with --file-prefix '%s' "
				"(%s is not held by a primary)\n", cfg->file_prefix, path);
			return -ENOENT;
		}
		if (pread(config_fd, hdr, sizeof(*hdr), 0) == (ssize_t)sizeof(*hdr) &&
		    __atomic_load_n(&hdr->magic, __ATOMIC_ACQUIRE) == RTE_MAGIC)
			return 0;
		clock_gettime(CLOCK_MONOTONIC, &now);
		waited_ms = (uint64_t)(now.tv_sec - start.tv_sec) * 1000 +
			    (uint64_t)(now.tv_nsec - start.tv_nsec) / 1000000;
		if (waited_ms >= cfg->mp_timeout_ms) {
			RTE_LOG(ERR, EAL, "the primary of --file-prefix '%s' did not finish "
				"its initialisation within %u ms\n",
				cfg->file_prefix, cfg->mp_timeout_ms);
			return -ETIMEDOUT;
		}
		usleep(CONFIG_POLL_US);
	}
}

static int
config_attach(const char *path)
{
	struct internal_config *cfg = eal_get_internal_configuration();
	struct eal_config_hdr hdr;
	int ret;

	if (config_fd < 0) {
		config_fd = open(path, O_RDWR | O_CLOEXEC);
		if (config_fd < 0) {
			RTE_LOG(ERR, EAL, "no primary process is running with --file-prefix '%s' "
				"(cannot open %s: %s)\n", cfg->file_prefix, path, strerror(errno));
			return -ENOENT;
		}
	}
	ret = config_wait_ready(path, &hdr);
	if (ret < 0)
		return ret;
	if (hdr.version != EAL_CONFIG_VERSION || hdr.struct_size != sizeof(struct eal_shared_config)) {
		RTE_LOG(ERR, EAL, "the primary (pid %d) runs an incompatible Lockstep build "
			"(config version %u, this process %u)\n",
			(int)hdr.primary_pid, hdr.version, EAL_CONFIG_VERSION);
		return -EPROTO;
	}
	ret = reserve_at(hdr.base_addr, hdr.reserve_size);
	if (ret < 0)
		return ret;
	ret = map_config(hdr.base_addr, config_map_len(hdr.config_size));
	if (ret < 0)
		return ret;
	/* The group's memory is the primary's: follow it, whatever our options said. */
	cfg->no_hugetlbfs = hdr.no_hugetlbfs;
	return eal_memory_map(hdr.heap_path, (void *)(uintptr_t)hdr.heap_addr, hdr.heap_len,
			      false);
}

int
eal_config_init(void)
{
	struct internal_config *cfg = eal_get_internal_configuration();
	struct rte_config *rcfg = rte_eal_get_configuration();
	char path[PATH_MAX];
	int ret;

	ret = config_path(path, sizeof(path));
	if (ret < 0)
		return ret;

	if (cfg->process_type != RTE_PROC_SECONDARY) {
		ret = config_lock_primary(path);
		if (ret == 0) {
			rcfg->process_type = RTE_PROC_PRIMARY;
			return config_create(path);
		}
		if (ret != -EAGAIN)
			return ret;
		if (cfg->process_type == RTE_PROC_PRIMARY) {
			RTE_LOG(ERR, EAL, "a primary process is already running with "
				"--file-prefix '%s'; use --proc-type=secondary or auto to join it, "
				"or another --file-prefix\n", cfg->file_prefix);
			return -EEXIST;
		}
	}
	rcfg->process_type = RTE_PROC_SECONDARY;
	return config_attach(path);
}

/* Called by the primary when its init is complete: secondaries may attach. */
void
eal_config_publish(void)
{
	__atomic_store_n(&shared_config->hdr.magic, RTE_MAGIC, __ATOMIC_RELEASE);
}

void
eal_config_cleanup(void)
{
	char path[PATH_MAX];
	struct stat fd_st, path_st;

	if (rte_eal_process_type() == RTE_PROC_PRIMARY && config_fd >= 0 &&
	    config_path(path, sizeof(path)) == 0 &&
	    fstat(config_fd, &fd_st) == 0 && stat(path, &path_st) == 0 &&
	    fd_st.st_ino == path_st.st_ino) {
		if (shared_config != NULL && shared_config->hdr.heap_path[0] != '\0')
			unlink(shared_config->hdr.heap_path);
		unlink(path);
	}
	if (reserve_len != 0)
		munmap((void *)(uintptr_t)reserve_base, reserve_len);
	shared_config = NULL;
	reserve_len = 0;
	if (config_fd >= 0)
		close(config_fd);
	config_fd = -1;
}
