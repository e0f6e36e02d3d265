/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_EAL_MEMCONFIG_H_
#define _RTE_EAL_MEMCONFIG_H_

/**
 * @file
 * The group-wide locks of the shared config (DPDK 22.11 API). They are
 * shared between processes and survive the death of a process holding one:
 * the next taker recovers the lock (and logs it). Read and write locks are
 * the same exclusive, recursive lock: the sections they guard are short
 * control-path ones.
 */

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Memory: memzones and memsegs. */
void rte_mcfg_mem_read_lock(void);
void rte_mcfg_mem_read_unlock(void);
void rte_mcfg_mem_write_lock(void);
void rte_mcfg_mem_write_unlock(void);

/* Tailqs. */
void rte_mcfg_tailq_read_lock(void);
void rte_mcfg_tailq_read_unlock(void);
void rte_mcfg_tailq_write_lock(void);
void rte_mcfg_tailq_write_unlock(void);

/* Mempools. */
void rte_mcfg_mempool_read_lock(void);
void rte_mcfg_mempool_read_unlock(void);
void rte_mcfg_mempool_write_lock(void);
void rte_mcfg_mempool_write_unlock(void);

/* Timers. */
void rte_mcfg_timer_lock(void);
void rte_mcfg_timer_unlock(void);

/** Always true: the heap is one file. */
bool rte_mcfg_get_single_file_segments(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_EAL_MEMCONFIG_H_ */
