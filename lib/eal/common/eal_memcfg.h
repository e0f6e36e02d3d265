/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef EAL_MEMCFG_H
#define EAL_MEMCFG_H

/*
 * The shared config: the file "config" in the runtime directory, mapped by
 * every process of the group at the same address, the start of the
 * group's address reservation (--base-virtaddr). The heap follows it in
 * the reservation.
 *
 *   base_addr                      heap_addr                  + heap_len
 *   | config (this struct, memsegs) | heap (one backing file)  |
 *
 * The primary fills everything before it sets magic; the header never
 * changes afterwards, and secondaries read it with pread() before they map
 * anything. What follows it is protected as each field says.
 */

#include <limits.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include <rte_eal.h>
#include <rte_memory.h>
#include <rte_memzone.h>
#include <rte_tailq.h>

#include "malloc_heap.h"

#define EAL_CONFIG_VERSION 5
#define EAL_MAX_SECONDARIES 128
#define EAL_MP_SOCK_NAMESIZE 64
#define EAL_MP_PRIMARY_SOCK "mp_socket"

/* A process of the group, as IPC reaches it. */
struct eal_peer {
	pid_t pid;
	uint64_t start_time;               /* from /proc/<pid>/stat: tells a reused pid */
	char sock[EAL_MP_SOCK_NAMESIZE];   /* socket name in the runtime directory */
};

enum eal_mp_status {
	EAL_MP_STATUS_UNKNOWN = 0,  /* no secondary yet */
	EAL_MP_STATUS_ENABLED,      /* a secondary joined */
	EAL_MP_STATUS_DISABLED,     /* the primary refused secondaries */
};

/* What a secondary reads before it maps anything; fixed once magic is set. */
struct eal_config_hdr {
	uint32_t magic;          /* RTE_MAGIC once the primary has finished init */
	uint32_t version;        /* EAL_CONFIG_VERSION of the primary's build */
	uint64_t struct_size;    /* sizeof(struct eal_shared_config) in the primary */
	uint64_t config_size;    /* bytes of the config mapping (memsegs included) */
	uint64_t base_addr;      /* where the reservation starts in every process */
	uint64_t reserve_size;   /* bytes reserved from base_addr */
	pid_t primary_pid;
	uint64_t primary_start_time; /* of primary_pid, to tell a reused pid */
	uint32_t iova_mode;      /* enum rte_iova_mode */
	uint32_t no_hugetlbfs;   /* the heap is on tmpfs */
	uint32_t nchannel;
	uint64_t heap_addr;
	uint64_t heap_len;
	uint64_t page_sz;
	char heap_path[PATH_MAX]; /* the backing file */
};

struct eal_shared_config {
	struct eal_config_hdr hdr;

	/* Group-wide locks: robust, process-shared, recursive (eal_shared_lock). */
	pthread_mutex_t mlock;   /* memzones */
	pthread_mutex_t qlock;   /* tailqs */
	pthread_mutex_t mplock;  /* mempools */
	pthread_mutex_t tlock;   /* timers */

	/* memzones, protected by mlock; a slot is free when name[0] is 0 */
	uint32_t memzone_cnt;
	struct rte_memzone memzones[RTE_MAX_MEMZONE];

	/*
	 * The secondaries, protected by peers_lock (robust, not recursive): a
	 * secondary adds itself once its IPC socket is up and removes itself
	 * at cleanup; anyone who finds one dead removes it. A slot is free when
	 * pid is 0. mp_status says whether secondaries may join (rte_mp_disable).
	 */
	pthread_mutex_t peers_lock;
	uint32_t mp_status;
	uint32_t nb_peers;          /* slots in use; read without the lock as a hint */
	struct eal_peer peers[EAL_MAX_SECONDARIES];

	/*
	 * Detach vetoes registered in the group (atomic): the count in the low
	 * 32 bits, how many times it changed in the high 32 (so that a recount
	 * can tell it changed meanwhile, even back to the same count). While
	 * the count is 0 the primary does not ask the secondaries before a
	 * detach. A process that dies with vetoes leaves it high, until the
	 * next detach: every process answers the question with its count and
	 * the primary recounts.
	 */
	uint64_t detach_vetoes;

	/* tailq heads, protected by qlock; a slot is free when name[0] is 0 */
	struct rte_tailq_head tailq_head[RTE_MAX_TAILQ];

	/* the heap: its lock protects it and every block in it */
	struct malloc_heap heap;

	/* memsegs: fixed at init, but for iova, filled in on first use */
	struct rte_memseg_list msl;
	uint32_t nb_memsegs;
	struct rte_memseg memsegs[];
};

/* The shared config of this process's group, once eal_config_init() succeeded. */
struct eal_shared_config *eal_shared_config(void);

/* A lock shared by the group that survives the death of a process holding it. */
void eal_shared_lock_init(pthread_mutex_t *m, bool recursive);

/*
 * Take a shared lock. Returns true when its previous owner died holding
 * it: the lock is taken over (and a warning logged), but what it protects
 * may be half-updated.
 */
bool eal_shared_lock(pthread_mutex_t *m, const char *what);
void eal_shared_unlock(pthread_mutex_t *m);

#endif /* EAL_MEMCFG_H */
