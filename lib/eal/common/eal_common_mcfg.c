/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <errno.h>
#include <pthread.h>
#include <string.h>

#include <rte_common.h>
#include <rte_debug.h>
#include <rte_eal_memconfig.h>
#include <rte_log.h>

#include "eal_memcfg.h"

/*
 * Locks in shared memory are robust mutexes: when a process dies holding
 * one (a secondary killed with SIGKILL), the kernel hands it to the next
 * taker with EOWNERDEAD instead of leaving everyone blocked forever.
 */
void
eal_shared_lock_init(pthread_mutex_t *m, bool recursive)
{
	pthread_mutexattr_t attr;

	pthread_mutexattr_init(&attr);
	pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
	pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
	pthread_mutexattr_settype(&attr, recursive ? PTHREAD_MUTEX_RECURSIVE :
						     PTHREAD_MUTEX_NORMAL);
	pthread_mutex_init(m, &attr);
	pthread_mutexattr_destroy(&attr);
}

bool
eal_shared_lock(pthread_mutex_t *m, const char *what)
{
	int ret = pthread_mutex_lock(m);

	if (ret == 0)
		return false;
	if (ret == EOWNERDEAD) {
		RTE_LOG(WARNING, EAL, "a process died holding the %s lock; taking it over\n",
			what);
		pthread_mutex_consistent(m);
		return true;
	}
	/* Only a lock marked unrecoverable gets here, and nobody marks one. */
	rte_panic("cannot take the %s lock: %s\n", what, strerror(ret));
}

void
eal_shared_unlock(pthread_mutex_t *m)
{
	pthread_mutex_unlock(m);
}

#define MCFG_LOCK_FNS(kind, field, what) \
void \
rte_mcfg_##kind##_read_lock(void) \
{ \
	eal_shared_lock(&eal_shared_config()->field, what); \
} \
void \
rte_mcfg_##kind##_read_unlock(void) \
{ \
	eal_shared_unlock(&eal_shared_config()->field); \
} \
void \
rte_mcfg_##kind##_write_lock(void) \
{ \
	eal_shared_lock(&eal_shared_config()->field, what); \
} \
void \
rte_mcfg_##kind##_write_unlock(void) \
{ \
	eal_shared_unlock(&eal_shared_config()->field); \
}

MCFG_LOCK_FNS(mem, mlock, "memzone")
MCFG_LOCK_FNS(tailq, qlock, "tailq")
MCFG_LOCK_FNS(mempool, mplock, "mempool")

void
rte_mcfg_timer_lock(void)
{
	eal_shared_lock(&eal_shared_config()->tlock, "timer");
}

void
rte_mcfg_timer_unlock(void)
{
	eal_shared_unlock(&eal_shared_config()->tlock);
}

bool
rte_mcfg_get_single_file_segments(void)
{
	return true;
}
