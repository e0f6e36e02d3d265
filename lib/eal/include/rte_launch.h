/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_LAUNCH_H_
#define _RTE_LAUNCH_H_

/**
 * @file
 * Running functions on worker lcores (DPDK 22.11 API). Call these from the
 * main lcore only.
 */

#ifdef __cplusplus
extern "C" {
#endif

/** State of a worker lcore. */
enum rte_lcore_state_t {
	WAIT,    /**< idle, ready for rte_eal_remote_launch() */
	RUNNING, /**< running a launched function */
};

/** A function run on an lcore; its return value is what rte_eal_wait_lcore() gives. */
typedef int (lcore_function_t)(void *);

/**
 * Have worker lcore worker_id run f(arg) and return at once.
 * Returns 0, or -EBUSY when that lcore is still running something, or
 * -EINVAL for an lcore that is not an enabled worker.
 */
int rte_eal_remote_launch(lcore_function_t *f, void *arg, unsigned int worker_id);

/** Whether rte_eal_mp_remote_launch() also runs the function on the main lcore. */
enum rte_rmt_call_main_t {
	SKIP_MAIN = 0,
	CALL_MAIN,
};

/**
 * Launch f(arg) on every worker lcore (and on the main lcore, synchronously,
 * with CALL_MAIN). Returns -EBUSY, launching nothing, when any worker is busy.
 */
int rte_eal_mp_remote_launch(lcore_function_t *f, void *arg,
			     enum rte_rmt_call_main_t call_main);

enum rte_lcore_state_t rte_eal_get_lcore_state(unsigned int worker_id);

/**
 * Wait until worker_id has finished what it was launched with and return
 * the return value of the last function it ran (0 before the first).
 */
int rte_eal_wait_lcore(unsigned int worker_id);

/** rte_eal_wait_lcore() on every worker lcore. */
void rte_eal_mp_wait_lcore(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_LAUNCH_H_ */
