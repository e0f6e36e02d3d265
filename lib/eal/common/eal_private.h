/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef EAL_PRIVATE_H
#define EAL_PRIVATE_H

/* EAL internals shared by common/, linux/ and unix/; process-local state. */

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_launch.h>
#include <rte_log.h>

#include "eal_internal_cfg.h"

/*
 * One per lcore. The launch fields (f, arg, ret, state, stop) are
 * protected by lock; the worker waits on cond for work, callers of
 * rte_eal_wait_lcore() wait on it for completion.
 */
struct lcore_config {
	pthread_t thread_id;
	bool thread_started;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	lcore_function_t *f;
	void *arg;
	int ret;
	enum rte_lcore_state_t state;
	bool stop;
	unsigned int socket_id;  /* SOCKET_ID_ANY as unsigned when cpus span sockets */
	unsigned int core_index; /* position among enabled lcores */
	rte_cpuset_t cpuset;
};

extern struct lcore_config lcore_config[RTE_MAX_LCORE];

/* The process-local view of the EAL (DPDK's struct rte_config). */
struct rte_config {
	uint32_t main_lcore;
	uint32_t lcore_count;
	uint32_t numa_node_count;
	uint32_t numa_nodes[RTE_MAX_NUMA_NODES];
	enum rte_lcore_role_t lcore_role[RTE_MAX_LCORE];
	enum rte_proc_type_t process_type;
};

struct rte_config *rte_eal_get_configuration(void);

/* The cpus this process may use, and their NUMA nodes. */
struct eal_cpu_info {
	int socket[CPU_SETSIZE];         /* NUMA node of each allowed cpu, else -1 */
	rte_cpuset_t allowed;            /* the process's affinity at start */
};

/* Read /sys and the affinity mask; fills *info. */
int eal_cpu_info_read(struct eal_cpu_info *info);

/* Apply the lcore part of the internal config: roles, cpusets, main lcore. */
int eal_lcores_init(void);

/* Thread helpers. */
int eal_thread_start_workers(void);
void eal_thread_stop_workers(void);
void eal_thread_init_main(void);
int eal_thread_set_affinity_of(pthread_t thread, const rte_cpuset_t *cpuset);
const rte_cpuset_t *eal_ctrl_cpuset(void);
/* Control threads keep off the lcores' cpus when allowed has others. */
void eal_ctrl_cpuset_init(const rte_cpuset_t *allowed);
unsigned int eal_cpuset_socket_id(const rte_cpuset_t *cpuset);

/* Format a cpuset as "0-3,5" into buf. */
int eal_cpuset_format(const rte_cpuset_t *set, char *buf, size_t size);

/* Where the runtime directories of all groups of this user live. */
int eal_runtime_base_dir(char *buf, size_t size);
/* Runtime directory of the group: created at init, removed by the last process. */
int eal_runtime_dir_create(void);
void eal_runtime_dir_remove(void);
/* A path inside the runtime directory; buf must hold PATH_MAX. */
int eal_runtime_path(char *buf, size_t size, const char *name);

/* How the primary backs the heap. */
struct eal_mem_plan {
	bool huge;              /* hugetlbfs, else tmpfs */
	uint64_t page_sz;
	uint64_t len;           /* heap bytes, a multiple of page_sz */
	char dir[PATH_MAX];
	char path[PATH_MAX];    /* the backing file */
};

/* Primary: choose the backing and the heap size from the options; logs why it cannot. */
int eal_memory_plan(struct eal_mem_plan *plan);

/* Map the heap file at addr, inside the reservation; the primary creates it. */
int eal_memory_map(const char *path, void *addr, uint64_t len, bool create);

/* Primary: lay out the shared config's memory part (locks, heap, memsegs, IOVA mode). */
int eal_memory_init(void);

/* Whether the kernel has an IOMMU translating device addresses (iommu groups exist). */
bool eal_iommu_present(void);

/* Tailqs: give every registered list its shared head. */
int eal_tailqs_init(void);
void eal_tailqs_cleanup(void);

/* The interrupt thread, the alarms on it, and the rte_mp channel. */
int eal_intr_init(void);
void eal_intr_cleanup(void);
int eal_alarm_init(void);
void eal_alarm_cleanup(void);
int eal_mp_init(void);
void eal_mp_cleanup(void);

/* Buses and devices. */
struct rte_bus;
struct rte_device;
int eal_bus_cmp_any(const struct rte_bus *bus, const void *data);
void eal_bus_cleanup(void);
int eal_devargs_init(void);
void eal_devargs_cleanup(void);
int eal_dev_cmp_name(const struct rte_device *dev, const void *name);
int eal_dev_cmp_ptr(const struct rte_device *dev, const void *ptr);
/* The device after start (NULL: the first), across every bus. */
struct rte_device *eal_dev_next(const struct rte_device *start);
/* The device (bus name, device name), or NULL. */
struct rte_device *eal_dev_find(const char *busname, const char *devname);
/* "bus:name,args" of a device, as it was attached. */
int eal_dev_devargs_str(const struct rte_device *dev, char *buf, size_t size);
/* Run this process's detach vetoes for a device: 0, or the first veto's -errno. */
int eal_dev_detach_vetoed(const char *device_name);

/*
 * Count this process's detach vetoes in the group (hotplug init), or stop
 * counting them (cleanup).
 */
void eal_dev_vetoes_share(bool share);

/* This process's detach vetoes, as counted in the group (0 before hotplug init). */
uint32_t eal_dev_vetoes_local(void);

/*
 * The group's detach vetoes: their count in the low 32 bits (0: no process
 * of the group may veto a detach), how often it changed above. The count
 * errs high: a process that dies with vetoes leaves its share, until the
 * primary recounts.
 */
uint64_t eal_dev_group_vetoes(void);

/*
 * Primary, after every secondary answered a PRE_DETACH with its count:
 * seen is what eal_dev_group_vetoes() said before asking, counted the sum
 * of the answers and its own count, read after them. Lower the count to
 * counted unless anything changed meanwhile (a veto registered or
 * dropped, even back to the same count: then it stays, which errs high).
 */
void eal_dev_group_vetoes_settle(uint64_t seen, uint32_t counted);

/*
 * Probe a device in this process only: 0 (with the device in *new_dev),
 * -EEXIST when it is already attached, else a negative errno after one
 * log line, nothing left behind.
 */
int local_dev_probe(const char *devargs, struct rte_device **new_dev);

/* Remove a device in this process only: 0, or a negative errno after one log line. */
int local_dev_remove(struct rte_device *dev);

/* Shared config file: primary creates and locks it, secondaries attach. */
int eal_config_init(void);
void eal_config_cleanup(void);
/* Primary: mark the shared config ready, letting secondaries attach. */
void eal_config_publish(void);

#endif /* EAL_PRIVATE_H */
