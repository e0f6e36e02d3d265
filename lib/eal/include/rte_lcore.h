/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_LCORE_H_
#define _RTE_LCORE_H_

/**
 * @file
 * Logical cores (DPDK 22.11 API). An lcore is an EAL thread pinned to the
 * cpus given by -l, -c or --lcores; any other thread has lcore id
 * LCORE_ID_ANY.
 */

#include <pthread.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_os.h>
#include <rte_per_lcore.h>
#include <rte_eal.h>
#include <rte_memory.h>
#include <rte_launch.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LCORE_ID_ANY UINT32_MAX

RTE_DECLARE_PER_LCORE(unsigned int, _lcore_id);

enum rte_lcore_role_t {
	ROLE_RTE,
	ROLE_OFF,
	ROLE_SERVICE,
	ROLE_NON_EAL,
};

enum rte_lcore_role_t rte_eal_lcore_role(unsigned int lcore_id);
int rte_lcore_has_role(unsigned int lcore_id, enum rte_lcore_role_t role);

/** The lcore id of the calling thread, or LCORE_ID_ANY. */
static inline unsigned int
rte_lcore_id(void)
{
	return RTE_PER_LCORE(_lcore_id);
}

unsigned int rte_get_main_lcore(void);

/** Number of enabled lcores. */
unsigned int rte_lcore_count(void);

/** Position of lcore_id among enabled lcores (-1: the caller's), or -1. */
int rte_lcore_index(int lcore_id);

/** NUMA socket the calling thread runs on, or SOCKET_ID_ANY when its cpus span several. */
unsigned int rte_socket_id(void);
unsigned int rte_socket_count(void);
int rte_socket_id_by_idx(unsigned int idx);
unsigned int rte_lcore_to_socket_id(unsigned int lcore_id);
int rte_lcore_to_cpu_id(int lcore_id);
rte_cpuset_t rte_lcore_cpuset(unsigned int lcore_id);
int rte_lcore_is_enabled(unsigned int lcore_id);

/**
 * The next enabled lcore after i (i = -1 starts the walk), skipping the main
 * lcore when skip_main; with wrap, the walk continues from lcore 0.
 * RTE_MAX_LCORE when there is none.
 */
unsigned int rte_get_next_lcore(unsigned int i, int skip_main, int wrap);

#define RTE_LCORE_FOREACH(i) \
	for (i = rte_get_next_lcore(-1, 0, 0); i < RTE_MAX_LCORE; \
	     i = rte_get_next_lcore(i, 0, 0))

#define RTE_LCORE_FOREACH_WORKER(i) \
	for (i = rte_get_next_lcore(-1, 1, 0); i < RTE_MAX_LCORE; \
	     i = rte_get_next_lcore(i, 1, 0))

/** Pin the calling thread to cpusetp and record it as the thread's cpuset. */
int rte_thread_set_affinity(rte_cpuset_t *cpusetp);
void rte_thread_get_affinity(rte_cpuset_t *cpusetp);

int rte_thread_setname(pthread_t id, const char *name);
int rte_thread_getname(pthread_t id, char *name, size_t len);

/**
 * Create a control thread: named, and allowed on the cpus not used by
 * lcores (all cpus when lcores take them all).
 */
int rte_ctrl_thread_create(pthread_t *thread, const char *name,
			   const pthread_attr_t *attr,
			   void *(*start_routine)(void *), void *arg);

/** Print the lcores and their cpus. */
void rte_lcore_dump(FILE *f);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_LCORE_H_ */
