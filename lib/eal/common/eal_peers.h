/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef EAL_PEERS_H
#define EAL_PEERS_H

/*
 * The group's processes as IPC sees them: the primary's registry of
 * secondaries (in the shared config) and whether a given process is still
 * alive. A pid alone does not name a process, pids are reused: a peer is
 * a pid with its start time.
 */

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include <rte_eal.h>

#include "eal_memcfg.h"

/* Start time of pid (clock ticks since boot), 0 if it is gone or a zombie. */
uint64_t eal_proc_start_time(pid_t pid);

/* Whether the process p names is still running. */
bool eal_peer_alive(const struct eal_peer *p);

/* This process as a peer, with its socket name. */
void eal_peer_self(struct eal_peer *p, const char *sock);

/* The primary as a peer. */
void eal_peer_primary(struct eal_peer *p);

/*
 * Secondary: enter the registry (after its socket is up). -EPERM when the
 * primary disabled multi-process, -ENOSPC when EAL_MAX_SECONDARIES live
 * secondaries are registered.
 */
int eal_peers_register(const struct eal_peer *self);

/* Secondary: leave the registry. */
void eal_peers_unregister(const struct eal_peer *self);

/* How many secondaries are registered (a hint: read without the lock). */
unsigned int eal_peers_count(void);

/* The registered secondaries, up to max (one found dead is dropped when it fails a send). */
unsigned int eal_peers_snapshot(struct eal_peer *out, unsigned int max);

/* Drop a secondary found dead. */
void eal_peers_forget(const struct eal_peer *p);

/*
 * A new pidfd of p (the caller closes it), readable once p has exited. -1
 * when the kernel has no pidfds or p is already gone.
 */
int eal_peer_pidfd_open(const struct eal_peer *p);

/* Whether the calling thread is the rte_mp handler thread. */
bool eal_mp_in_handler(void);

/* This process as its peers see it (socket name included); after eal_mp_init(). */
const struct eal_peer *eal_mp_self(void);

/*
 * rte_mp_request_sync() to the given peers only. With a zero timeout it
 * only queues the request at each of them (their replies are dropped).
 */
int eal_mp_request_peers(struct rte_mp_msg *req, const struct eal_peer *peers,
			 unsigned int n, struct rte_mp_reply *reply, const struct timespec *ts);

#endif /* EAL_PEERS_H */
