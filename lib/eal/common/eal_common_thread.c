/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_memory.h>
#include <rte_per_lcore.h>
#include <rte_string_fns.h>

#include "eal_internal_cfg.h"
#include "eal_private.h"

RTE_DEFINE_PER_LCORE(unsigned int, _lcore_id) = LCORE_ID_ANY;
RTE_DEFINE_PER_LCORE(int, _thread_id) = -1;
static RTE_DEFINE_PER_LCORE(unsigned int, _socket_id) = (unsigned int)SOCKET_ID_ANY;
static RTE_DEFINE_PER_LCORE(rte_cpuset_t, _cpuset);

/* cpus for control threads: those no lcore uses, or all allowed ones. */
static rte_cpuset_t ctrl_cpuset;

unsigned int
rte_socket_id(void)
{
	return RTE_PER_LCORE(_socket_id);
}

int
eal_thread_set_affinity_of(pthread_t thread, const rte_cpuset_t *cpuset)
{
	return -pthread_setaffinity_np(thread, sizeof(*cpuset), cpuset);
}

int
rte_thread_set_affinity(rte_cpuset_t *cpusetp)
{
	int ret = eal_thread_set_affinity_of(pthread_self(), cpusetp);

	if (ret < 0)
		return ret;
	RTE_PER_LCORE(_cpuset) = *cpusetp;
	RTE_PER_LCORE(_socket_id) = eal_cpuset_socket_id(cpusetp);
	return 0;
}

void
rte_thread_get_affinity(rte_cpuset_t *cpusetp)
{
	*cpusetp = RTE_PER_LCORE(_cpuset);
}

int
rte_thread_setname(pthread_t id, const char *name)
{
	char truncated[16]; /* the kernel keeps 15 characters */

	rte_strlcpy(truncated, name, sizeof(truncated));
	return -pthread_setname_np(id, truncated);
}

int
rte_thread_getname(pthread_t id, char *name, size_t len)
{
	return -pthread_getname_np(id, name, len);
}

const rte_cpuset_t *
eal_ctrl_cpuset(void)
{
	return &ctrl_cpuset;
}

void
eal_ctrl_cpuset_init(const rte_cpuset_t *allowed)
{
	rte_cpuset_t free_cpus = *allowed, t;
	unsigned int i;

	RTE_LCORE_FOREACH(i) {
		CPU_AND(&t, &free_cpus, &lcore_config[i].cpuset);
		CPU_XOR(&free_cpus, &free_cpus, &t);
	}
	ctrl_cpuset = CPU_COUNT(&free_cpus) != 0 ? free_cpus : *allowed;
}

int
rte_ctrl_thread_create(pthread_t *thread, const char *name,
		       const pthread_attr_t *attr,
		       void *(*start_routine)(void *), void *arg)
{
	pthread_attr_t local;
	int ret;

	if (attr != NULL)
		local = *attr;
	else
		pthread_attr_init(&local);
	ret = pthread_attr_setaffinity_np(&local, sizeof(ctrl_cpuset), &ctrl_cpuset);
	if (ret == 0)
		ret = pthread_create(thread, &local, start_routine, arg);
	if (attr == NULL)
		pthread_attr_destroy(&local);
	if (ret != 0) {
		RTE_LOG(ERR, EAL, "cannot create control thread '%s': %s\n", name, strerror(ret));
		return -ret;
	}
	rte_thread_setname(*thread, name);
	return 0;
}

/* The body of every worker lcore: wait for a function, run it, report, repeat. */
static void *
worker_loop(void *arg)
{
	unsigned int id = (unsigned int)(uintptr_t)arg;
	struct lcore_config *lc = &lcore_config[id];
	lcore_function_t *f;
	void *f_arg;
	int ret;

	RTE_PER_LCORE(_lcore_id) = id;
	rte_thread_set_affinity(&lc->cpuset);

	pthread_mutex_lock(&lc->lock);
	for (;;) {
		while (lc->state != RUNNING && !lc->stop)
			pthread_cond_wait(&lc->cond, &lc->lock);
		if (lc->state != RUNNING)
			break;
		f = lc->f;
		f_arg = lc->arg;
		pthread_mutex_unlock(&lc->lock);

		ret = f(f_arg);

		pthread_mutex_lock(&lc->lock);
		lc->ret = ret;
		lc->f = NULL;
		lc->state = WAIT;
		pthread_cond_broadcast(&lc->cond);
		if (lc->stop)
			break;
	}
	pthread_mutex_unlock(&lc->lock);
	return NULL;
}

void
eal_thread_init_main(void)
{
	unsigned int main_lcore = rte_get_main_lcore();

	RTE_PER_LCORE(_lcore_id) = main_lcore;
	lcore_config[main_lcore].thread_id = pthread_self();
	lcore_config[main_lcore].state = WAIT;
	rte_thread_set_affinity(&lcore_config[main_lcore].cpuset);
}

int
eal_thread_start_workers(void)
{
	char name[32];
	unsigned int i;
	int ret;

	RTE_LCORE_FOREACH_WORKER(i) {
		struct lcore_config *lc = &lcore_config[i];

		pthread_mutex_init(&lc->lock, NULL);
		pthread_cond_init(&lc->cond, NULL);
		lc->state = WAIT;
		lc->stop = false;
		lc->ret = 0;
		ret = pthread_create(&lc->thread_id, NULL, worker_loop, (void *)(uintptr_t)i);
		if (ret != 0) {
			RTE_LOG(ERR, EAL, "cannot create the thread of lcore %u: %s\n",
				i, strerror(ret));
			pthread_cond_destroy(&lc->cond);
			pthread_mutex_destroy(&lc->lock);
			return -ret;
		}
		lc->thread_started = true;
		snprintf(name, sizeof(name), "lcore-worker-%u", i);
		rte_thread_setname(lc->thread_id, name);
	}
	return 0;
}

void
eal_thread_stop_workers(void)
{
	unsigned int i;

	for (i = 0; i < RTE_MAX_LCORE; i++) {
		struct lcore_config *lc = &lcore_config[i];
		bool idle;

		if (!lc->thread_started)
			continue;
		pthread_mutex_lock(&lc->lock);
		lc->stop = true;
		idle = lc->state == WAIT;
		pthread_cond_broadcast(&lc->cond);
		pthread_mutex_unlock(&lc->lock);
		/*
		 * A worker still running the application's function cannot be
		 * waited for: it leaves when the function returns.
		 */
		if (idle) {
			pthread_join(lc->thread_id, NULL);
			pthread_cond_destroy(&lc->cond);
			pthread_mutex_destroy(&lc->lock);
		} else {
			pthread_detach(lc->thread_id);
		}
		lc->thread_started = false;
	}
}
