/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef EAL_MP_PRIVATE_H
#define EAL_MP_PRIVATE_H

/*
 * What the two halves of rte_mp share: eal_common_proc.c, the API (actions,
 * messages, requests and their replies), and eal_mp_channel.c, the sockets
 * and the rte_mp_handle thread. The design is described at the top of
 * eal_common_proc.c.
 */

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/queue.h>
#include <time.h>

#include <rte_cycles.h>
#include <rte_eal.h>

#include "eal_memcfg.h"
#include "eal_mp_wire.h"

/*
 * How long a waiting requester, and the handler after a message, keep
 * polling before sleeping. The handler does only while the group has no
 * more processes than there are CPUs (mp_spin_ok): else a dozen idle
 * handlers would take the CPU from the peers their requesters wait for.
 */
#define MP_SPIN_NS (50 * 1000)
/* Where pidfds are missing, how often liveness is checked while waiting. */
#define MP_LIVENESS_POLL_MS 20

struct mp_action {
	TAILQ_ENTRY(mp_action) next;
	char name[RTE_MP_MAX_NAME_LEN];
	rte_mp_t fn;
};

enum peer_state {
	PEER_WAITING,
	PEER_REPLIED,
	PEER_IGNORED, /* had no action: not counted as sent */
	PEER_GONE,    /* unreachable or dead: not counted as sent */
};

struct mp_pending {
	TAILQ_ENTRY(mp_pending) next;
	uint64_t id;
	unsigned int nb_peers;
	struct eal_peer *peers;
	enum peer_state *state;
	unsigned int outstanding;      /* peers still WAITING */
	struct rte_mp_reply reply;     /* msgs grows as replies come */
	int done_fd;                   /* sync, once its requester sleeps: eventfd written
					* when outstanding hits 0 */
	/* async */
	rte_mp_async_reply_t clb;
	struct rte_mp_msg request;
	uint64_t deadline_ns;
};

/* Everything below is process-local; lock protects actions and pending. */
struct eal_mp_state {
	pthread_mutex_t lock;
	TAILQ_HEAD(, mp_action) actions;
	TAILQ_HEAD(, mp_pending) pending;
	uint64_t next_id;
	int fd;                              /* our socket */
	int reply_fd;                        /* replies to sync requests */
	unsigned int nb_cpus;                /* online */
	bool async_done;                     /* handler: an async request is complete */
	int epfd;
	int wake_fd;                         /* eventfd: stop, or an async request to look at */
	int timer_fd;                        /* async deadlines and liveness checks */
	pthread_t thread;
	bool running;
	bool stop;
	struct eal_peer self;
};

/* Defined in eal_common_proc.c. */
extern struct eal_mp_state eal_mp;

static inline uint64_t
mp_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
}

static inline bool
mp_is_primary(void)
{
	return rte_eal_process_type() == RTE_PROC_PRIMARY;
}

/* eal_common_proc.c: the action registry and pending requests; settle with eal_mp.lock held. */
rte_mp_t eal_mp_action_find(const char *name);
void eal_mp_pending_settle(struct mp_pending *pr, unsigned int i, enum peer_state state);
void eal_mp_pending_free(struct mp_pending *pr);

/* eal_mp_channel.c: the sockets and the rte_mp_handle thread. */
int eal_mp_send_wire(int fd, const char *sock, enum mp_type type, uint64_t id,
		 const struct rte_mp_msg *msg);
void eal_mp_peer_lost(const struct eal_peer *p);
void eal_mp_wake(void);
void eal_mp_reply_drain(void);

#endif /* EAL_MP_PRIVATE_H */
