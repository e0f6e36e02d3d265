/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_ALARM_H_
#define _RTE_ALARM_H_

/**
 * @file
 * One-shot timers whose callbacks run on the interrupt thread (DPDK 22.11
 * API).
 */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef void (*rte_eal_alarm_callback)(void *arg);

/** Call cb_fn(cb_arg) once, us microseconds from now. 0 or -errno. */
int rte_eal_alarm_set(uint64_t us, rte_eal_alarm_callback cb_fn, void *cb_arg);

/**
 * Cancel the alarms of cb_fn with cb_arg ((void *)-1: any argument).
 * Returns how many were cancelled. An alarm running in another thread is
 * waited for; one running in the calling thread (cancelling itself from
 * its callback) is counted with rte_errno = EINPROGRESS. -1 with EINVAL
 * for a NULL cb_fn.
 */
int rte_eal_alarm_cancel(rte_eal_alarm_callback cb_fn, void *cb_arg);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ALARM_H_ */
