/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <errno.h>
#include <pthread.h>

#include <rte_common.h>
#include <rte_launch.h>
#include <rte_lcore.h>

#include "eal_private.h"

static bool
is_worker(unsigned int id)
{
	return id < RTE_MAX_LCORE && rte_lcore_is_enabled(id) &&
	       id != rte_get_main_lcore() && lcore_config[id].thread_started;
}

int
rte_eal_remote_launch(lcore_function_t *f, void *arg, unsigned int worker_id)
{
	struct lcore_config *lc;

	if (f == NULL || !is_worker(worker_id))
		return -EINVAL;
	lc = &lcore_config[worker_id];
	pthread_mutex_lock(&lc->lock);
	if (lc->state != WAIT) {
		pthread_mutex_unlock(&lc->lock);
		return -EBUSY;
	}
	lc->f = f;
	lc->arg = arg;
	lc->state = RUNNING;
	pthread_cond_broadcast(&lc->cond);
	pthread_mutex_unlock(&lc->lock);
	return 0;
}

enum rte_lcore_state_t
rte_eal_get_lcore_state(unsigned int worker_id)
{
	struct lcore_config *lc;
	enum rte_lcore_state_t state;

	if (!is_worker(worker_id))
		return WAIT;
	lc = &lcore_config[worker_id];
	pthread_mutex_lock(&lc->lock);
	state = lc->state;
	pthread_mutex_unlock(&lc->lock);
	return state;
}

int
rte_eal_wait_lcore(unsigned int worker_id)
{
	struct lcore_config *lc;
	int ret;

	if (!is_worker(worker_id))
		return 0;
	lc = &lcore_config[worker_id];
	pthread_mutex_lock(&lc->lock);
	while (lc->state == RUNNING)
		pthread_cond_wait(&lc->cond, &lc->lock);
	ret = lc->ret;
	pthread_mutex_unlock(&lc->lock);
	return ret;
}

void
rte_eal_mp_wait_lcore(void)
{
	unsigned int i;

	RTE_LCORE_FOREACH_WORKER(i)
		rte_eal_wait_lcore(i);
}

int
rte_eal_mp_remote_launch(lcore_function_t *f, void *arg,
			 enum rte_rmt_call_main_t call_main)
{
	unsigned int main_lcore = rte_get_main_lcore();
	unsigned int i;
	int ret;

	if (f == NULL)
		return -EINVAL;
	/* All or nothing: refuse before launching anything if one is busy. */
	RTE_LCORE_FOREACH_WORKER(i) {
		if (rte_eal_get_lcore_state(i) != WAIT)
			return -EBUSY;
	}
	RTE_LCORE_FOREACH_WORKER(i) {
		ret = rte_eal_remote_launch(f, arg, i);
		if (ret < 0)
			return ret;
	}
	if (call_main == CALL_MAIN)
		lcore_config[main_lcore].ret = f(arg);
	return 0;
}
