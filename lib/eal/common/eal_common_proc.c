/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * rte_mp: messages between the processes of a group over SOCK_DGRAM Unix
 * sockets in the runtime directory: "mp_socket" for the primary,
 * "mp_socket_<pid>_<n>" for a secondary, and beside each a reply socket
 * of the same name plus "_r". One thread per process (rte_mp_handle)
 * serves the main socket: it runs the actions of messages and requests
 * and completes asynchronous requests, whose replies come back there.
 * A synchronous request leaves from the reply socket, so its replies come
 * back to it, and the threads waiting on such requests read them
 * themselves: no thread hand-off between a reply and its requester.
 * A request is sent to every peer first, then the replies are gathered; a
 * peer found dead, when sending or while waiting (its pidfd becomes
 * readable), is dropped at once and costs no timeout.
 *
 * A request carries an id; the peer string an action receives is
 * "<sender socket>@<id>", so that rte_mp_reply() (possibly from another
 * thread, with a copy of that string) answers exactly that request.
 *
 * This file is the API side: the actions, messages, requests and their
 * replies. The sockets, the receiving of datagrams and the rte_mp_handle
 * thread are in eal_mp_channel.c; what the two share is in eal_mp_private.h.
 */

#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/queue.h>
#include <time.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_string_fns.h>

#include "eal_memcfg.h"
#include "eal_mp_private.h"
#include "eal_mp_wire.h"
#include "eal_peers.h"

/* Sync requests wait this long before watching their peers' pidfds. */
#define MP_FAST_WAIT_MS 2

struct eal_mp_state eal_mp = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.actions = TAILQ_HEAD_INITIALIZER(eal_mp.actions),
	.pending = TAILQ_HEAD_INITIALIZER(eal_mp.pending),
	.fd = -1,
	.reply_fd = -1,
	.epfd = -1,
	.wake_fd = -1,
	.timer_fd = -1,
};

static int
check_name(const char *name)
{
	size_t len;

	if (name == NULL)
		return EINVAL;
	len = strnlen(name, RTE_MP_MAX_NAME_LEN);
	if (len == 0)
		return EINVAL;
	if (len == RTE_MP_MAX_NAME_LEN)
		return ENAMETOOLONG;
	return 0;
}

/* Validate a message given to the API; rte_errno and a log line if bad. */
static int
check_msg(const struct rte_mp_msg *msg)
{
	int err;

	if (msg == NULL) {
		RTE_LOG(ERR, EAL, "rte_mp: NULL message\n");
		rte_errno = EINVAL;
		return -1;
	}
	err = check_name(msg->name);
	if (err != 0) {
		RTE_LOG(ERR, EAL, "rte_mp: message name is empty or longer than %d\n",
			RTE_MP_MAX_NAME_LEN - 1);
		rte_errno = err;
		return -1;
	}
	if (msg->len_param < 0 || msg->len_param > RTE_MP_MAX_PARAM_LEN) {
		RTE_LOG(ERR, EAL, "rte_mp: message '%s': len_param %d not in 0..%d\n",
			msg->name, msg->len_param, RTE_MP_MAX_PARAM_LEN);
		rte_errno = E2BIG;
		return -1;
	}
	if (msg->num_fds < 0 || msg->num_fds > RTE_MP_MAX_FD_NUM) {
		RTE_LOG(ERR, EAL, "rte_mp: message '%s': num_fds %d not in 0..%d\n",
			msg->name, msg->num_fds, RTE_MP_MAX_FD_NUM);
		rte_errno = E2BIG;
		return -1;
	}
	if (eal_mp.fd < 0) {
		RTE_LOG(ERR, EAL, "rte_mp: message '%s': multi-process channel not running\n",
			msg->name);
		rte_errno = ENOTSUP;
		return -1;
	}
	return 0;
}

/* Whether a send error means the peer is gone (its socket has no reader). */
static bool
peer_gone_error(int err)
{
	return err == -ECONNREFUSED || err == -ENOENT;
}

/* Who we talk to: every registered secondary (primary) or the primary (secondary). */
static unsigned int
peers_get(struct eal_peer *out, unsigned int max)
{
	if (!mp_is_primary()) {
		eal_peer_primary(&out[0]);
		return 1;
	}
	return eal_peers_snapshot(out, max);
}

int
rte_mp_action_register(const char *name, rte_mp_t action)
{
	struct mp_action *a;
	int err = check_name(name);

	if (err != 0 || action == NULL) {
		rte_errno = err != 0 ? err : EINVAL;
		return -1;
	}
	a = calloc(1, sizeof(*a));
	if (a == NULL) {
		rte_errno = ENOMEM;
		return -1;
	}
	rte_strlcpy(a->name, name, sizeof(a->name));
	a->fn = action;
	pthread_mutex_lock(&eal_mp.lock);
	{
		struct mp_action *e;

		TAILQ_FOREACH(e, &eal_mp.actions, next) {
			if (strcmp(e->name, name) == 0) {
				pthread_mutex_unlock(&eal_mp.lock);
				free(a);
				rte_errno = EEXIST;
				return -1;
			}
		}
	}
	TAILQ_INSERT_TAIL(&eal_mp.actions, a, next);
	pthread_mutex_unlock(&eal_mp.lock);
	return 0;
}

void
rte_mp_action_unregister(const char *name)
{
	struct mp_action *a;

	if (check_name(name) != 0)
		return;
	pthread_mutex_lock(&eal_mp.lock);
	TAILQ_FOREACH(a, &eal_mp.actions, next) {
		if (strcmp(a->name, name) == 0) {
			TAILQ_REMOVE(&eal_mp.actions, a, next);
			free(a);
			break;
		}
	}
	pthread_mutex_unlock(&eal_mp.lock);
}

rte_mp_t
eal_mp_action_find(const char *name)
{
	struct mp_action *a;
	rte_mp_t fn = NULL;

	pthread_mutex_lock(&eal_mp.lock);
	TAILQ_FOREACH(a, &eal_mp.actions, next) {
		if (strcmp(a->name, name) == 0) {
			fn = a->fn;
			break;
		}
	}
	pthread_mutex_unlock(&eal_mp.lock);
	return fn;
}

int
rte_mp_sendmsg(struct rte_mp_msg *msg)
{
	struct eal_peer peers[EAL_MAX_SECONDARIES];
	unsigned int i, n;
	int ret, err = 0;

	if (check_msg(msg) < 0)
		return -1;
	n = peers_get(peers, RTE_DIM(peers));
	for (i = 0; i < n; i++) {
		ret = eal_mp_send_wire(eal_mp.fd, peers[i].sock, MP_MSG, 0, msg);
		if (peer_gone_error(ret)) {
			eal_mp_peer_lost(&peers[i]);
		} else if (ret < 0) {
			RTE_LOG(ERR, EAL, "rte_mp: cannot send '%s' to %s: %s\n",
				msg->name, peers[i].sock, strerror(-ret));
			err = -ret;
		}
	}
	if (err != 0) {
		rte_errno = err;
		return -1;
	}
	return 0;
}

/* Called with eal_mp.lock held: one peer is settled. */
void
eal_mp_pending_settle(struct mp_pending *pr, unsigned int i, enum peer_state state)
{
	pr->state[i] = state;
	if (state == PEER_GONE || state == PEER_IGNORED)
		pr->reply.nb_sent--;
	/* Atomic: a requester polls it without the lock. */
	if (__atomic_sub_fetch(&pr->outstanding, 1, __ATOMIC_RELEASE) != 0)
		return;
	if (pr->clb != NULL) {
		__atomic_store_n(&eal_mp.async_done, true, __ATOMIC_RELAXED);
	} else if (pr->done_fd >= 0) {
		uint64_t one = 1;

		if (write(pr->done_fd, &one, sizeof(one)) < 0)
			RTE_LOG(ERR, EAL, "rte_mp: cannot signal a request: %s\n", strerror(errno));
	}
}

static bool
pending_done(struct mp_pending *pr)
{
	return __atomic_load_n(&pr->outstanding, __ATOMIC_ACQUIRE) == 0;
}

void
eal_mp_pending_free(struct mp_pending *pr)
{
	if (pr->done_fd >= 0)
		close(pr->done_fd);
	free(pr->peers);
	free(pr->state);
	free(pr);
}

/*
 * Make a pending request for every peer, registered so replies can find
 * it, and send it to them all. Peers found gone are settled at once.
 */
static struct mp_pending *
request_start(struct rte_mp_msg *req, bool sync, const struct eal_peer *peers, unsigned int n)
{
	struct mp_pending *pr;
	unsigned int i;
	int ret, err = 0;

	pr = calloc(1, sizeof(*pr));
	if (pr == NULL)
		goto nomem;
	pr->done_fd = -1;
	pr->peers = calloc(RTE_MAX(n, 1u), sizeof(*pr->peers));
	pr->state = calloc(RTE_MAX(n, 1u), sizeof(*pr->state));
	if (pr->peers == NULL || pr->state == NULL)
		goto nomem;
	memcpy(pr->peers, peers, n * sizeof(*peers));
	pr->nb_peers = n;
	pr->outstanding = n;
	pr->reply.nb_sent = (int)n;

	pthread_mutex_lock(&eal_mp.lock);
	pr->id = ++eal_mp.next_id;
	TAILQ_INSERT_TAIL(&eal_mp.pending, pr, next);
	pthread_mutex_unlock(&eal_mp.lock);

	for (i = 0; i < n; i++) {
		ret = eal_mp_send_wire(sync ? eal_mp.reply_fd : eal_mp.fd, peers[i].sock, MP_REQ,
				       pr->id, req);
		if (ret == 0)
			continue;
		if (peer_gone_error(ret)) {
			eal_mp_peer_lost(&peers[i]);
		} else {
			RTE_LOG(ERR, EAL, "rte_mp: cannot send request '%s' to %s: %s\n",
				req->name, peers[i].sock, strerror(-ret));
			err = -ret;
		}
		pthread_mutex_lock(&eal_mp.lock);
		eal_mp_pending_settle(pr, i, PEER_GONE);
		pthread_mutex_unlock(&eal_mp.lock);
	}
	if (err != 0)
		rte_errno = err;
	return pr;
nomem:
	if (pr != NULL)
		eal_mp_pending_free(pr);
	rte_errno = ENOMEM;
	return NULL;
}

/* Settle the waiting peers found dead; with pidfds, or by looking at /proc. */
static void
pending_check_liveness(struct mp_pending *pr)
{
	unsigned int i;

	pthread_mutex_lock(&eal_mp.lock);
	for (i = 0; i < pr->nb_peers; i++) {
		if (pr->state[i] == PEER_WAITING && !eal_peer_alive(&pr->peers[i])) {
			eal_mp_peer_lost(&pr->peers[i]);
			eal_mp_pending_settle(pr, i, PEER_GONE);
		}
	}
	pthread_mutex_unlock(&eal_mp.lock);
}

/* Open pidfds of the peers of pr still waiting, into pfd/owner; how many. */
static unsigned int
watch_peers(struct mp_pending *pr, struct pollfd *pfd, unsigned int *owner, bool *missing)
{
	unsigned int i, n = 0;

	pthread_mutex_lock(&eal_mp.lock);
	for (i = 0; i < pr->nb_peers; i++) {
		if (pr->state[i] != PEER_WAITING)
			continue;
		pfd[n].fd = eal_peer_pidfd_open(&pr->peers[i]);
		pfd[n].events = POLLIN;
		if (pfd[n].fd < 0) {
			*missing = true;
			continue;
		}
		owner[n++] = i;
	}
	pthread_mutex_unlock(&eal_mp.lock);
	return n;
}

/*
 * Wait until every peer replied or is gone, or until the deadline, reading
 * the reply socket: spinning first (replies usually come within
 * microseconds), then sleeping on it and on the eventfd that another
 * thread writes when it read our last reply. After MP_FAST_WAIT_MS the
 * pidfds of the peers still waiting are watched too, so that one dying
 * ends the wait for it.
 */
static void
sync_wait(struct mp_pending *pr, uint64_t deadline)
{
	struct pollfd pfd[EAL_MAX_SECONDARIES + 2];
	unsigned int owner[EAL_MAX_SECONDARIES];
	uint64_t start = mp_now_ns(), now;
	unsigned int i, n = 0;
	bool watching = false, missing_pidfd = false;

	/* One requester spinning, yielding, costs its peers little: always. */
	do {
		eal_mp_reply_drain();
		if (pending_done(pr))
			return;
		sched_yield();
	} while (mp_now_ns() - start < MP_SPIN_NS);
	/* Going to sleep: from now on, whoever reads our last reply wakes us. */
	pthread_mutex_lock(&eal_mp.lock);
	pr->done_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	pthread_mutex_unlock(&eal_mp.lock);
	if (pr->done_fd < 0)
		RTE_LOG(ERR, EAL, "rte_mp: no eventfd (%s): sleeping in steps of %d ms\n",
			strerror(errno), MP_LIVENESS_POLL_MS);
	pfd[0].fd = eal_mp.reply_fd;
	pfd[0].events = POLLIN;
	pfd[1].fd = pr->done_fd;
	pfd[1].events = POLLIN;
	while (!pending_done(pr) && (now = mp_now_ns()) < deadline) {
		uint64_t until = deadline;

		if (!watching && now - start >= (uint64_t)MP_FAST_WAIT_MS * 1000000) {
			n = watch_peers(pr, pfd + 2, owner, &missing_pidfd);
			watching = true;
		}
		if (!watching)
			until = RTE_MIN(until, start + (uint64_t)MP_FAST_WAIT_MS * 1000000);
		else if (missing_pidfd || pr->done_fd < 0)
			until = RTE_MIN(until, now + (uint64_t)MP_LIVENESS_POLL_MS * 1000000);
		if (poll(pfd, n + 2, (int)((until - now + 999999) / 1000000)) < 0 &&
		    errno != EINTR)
			break;
		if (pfd[0].revents & POLLIN)
			eal_mp_reply_drain();
		pthread_mutex_lock(&eal_mp.lock);
		for (i = 0; i < n; i++) {
			if (!(pfd[i + 2].revents & POLLIN))
				continue;
			if (pr->state[owner[i]] == PEER_WAITING) {
				eal_mp_peer_lost(&pr->peers[owner[i]]);
				eal_mp_pending_settle(pr, owner[i], PEER_GONE);
			}
			close(pfd[i + 2].fd);
			pfd[i + 2].fd = -1; /* poll ignores it from now on */
		}
		pthread_mutex_unlock(&eal_mp.lock);
		if (missing_pidfd)
			pending_check_liveness(pr);
	}
	for (i = 0; i < n; i++) {
		if (pfd[i + 2].fd >= 0)
			close(pfd[i + 2].fd);
	}
}

static uint64_t
deadline_of(const struct timespec *ts)
{
	return mp_now_ns() + (uint64_t)ts->tv_sec * NS_PER_S + (uint64_t)ts->tv_nsec;
}

/* A sync request to the given peers: the body of rte_mp_request_sync(). */
static int
request_sync(struct rte_mp_msg *req, struct rte_mp_reply *reply, const struct timespec *ts,
	     const struct eal_peer *peers, unsigned int n)
{
	struct mp_pending *pr;
	bool timed_out;
	int send_err;

	if (reply != NULL)
		memset(reply, 0, sizeof(*reply));
	if (eal_mp_in_handler()) {
		RTE_LOG(ERR, EAL, "rte_mp: request '%s' made on the rte_mp_handle thread would "
			"wait for itself; reply later from another thread instead\n",
			req != NULL ? req->name : "?");
		rte_errno = EDEADLK;
		return -1;
	}
	if (check_msg(req) < 0)
		return -1;
	if (reply == NULL || ts == NULL || ts->tv_sec < 0 || ts->tv_nsec < 0 ||
	    ts->tv_nsec >= NS_PER_S) {
		RTE_LOG(ERR, EAL, "rte_mp: request '%s': bad reply or timeout argument\n",
			req->name);
		rte_errno = EINVAL;
		return -1;
	}
	rte_errno = 0;
	pr = request_start(req, true, peers, n);
	if (pr == NULL)
		return -1;
	send_err = rte_errno;
	if (pr->outstanding != 0)
		sync_wait(pr, deadline_of(ts));

	pthread_mutex_lock(&eal_mp.lock);
	TAILQ_REMOVE(&eal_mp.pending, pr, next);
	pthread_mutex_unlock(&eal_mp.lock);
	*reply = pr->reply;
	timed_out = pr->outstanding != 0;
	eal_mp_pending_free(pr);

	if (timed_out) {
		RTE_LOG(DEBUG, EAL, "rte_mp: request '%s': %d of %d peers did not reply in time\n",
			req->name, reply->nb_sent - reply->nb_received, reply->nb_sent);
		rte_errno = ETIMEDOUT;
		return -1;
	}
	if (send_err != 0) {
		rte_errno = send_err;
		return -1;
	}
	return 0;
}

int
rte_mp_request_sync(struct rte_mp_msg *req, struct rte_mp_reply *reply,
		    const struct timespec *ts)
{
	struct eal_peer peers[EAL_MAX_SECONDARIES];

	if (eal_mp.fd < 0) {
		if (reply != NULL)
			memset(reply, 0, sizeof(*reply));
		rte_errno = ENOTSUP;
		return -1;
	}
	return request_sync(req, reply, ts, peers, peers_get(peers, RTE_DIM(peers)));
}

const struct eal_peer *
eal_mp_self(void)
{
	return &eal_mp.self;
}

int
eal_mp_request_peers(struct rte_mp_msg *req, const struct eal_peer *peers, unsigned int n,
		     struct rte_mp_reply *reply, const struct timespec *ts)
{
	return request_sync(req, reply, ts, peers, n);
}

int
rte_mp_request_async(struct rte_mp_msg *req, const struct timespec *ts,
		     rte_mp_async_reply_t clb)
{
	struct mp_pending *pr;

	if (check_msg(req) < 0)
		return -1;
	if (ts == NULL || clb == NULL || ts->tv_sec < 0 || ts->tv_nsec < 0 ||
	    ts->tv_nsec >= NS_PER_S) {
		RTE_LOG(ERR, EAL, "rte_mp: async request '%s': bad callback or timeout\n",
			req->name);
		rte_errno = EINVAL;
		return -1;
	}
	{
		struct eal_peer peers[EAL_MAX_SECONDARIES];

		pr = request_start(req, false, peers, peers_get(peers, RTE_DIM(peers)));
	}
	if (pr == NULL)
		return -1;
	/* Publish the callback under the lock: the handler may look at pr already. */
	pthread_mutex_lock(&eal_mp.lock);
	pr->request = *req;
	pr->deadline_ns = deadline_of(ts);
	pr->clb = clb;
	pthread_mutex_unlock(&eal_mp.lock);
	/* The handler thread completes it: now if it is done, else at the deadline. */
	eal_mp_wake();
	return 0;
}

/* "sock@id" into its parts; the socket must be a plain name in our directory. */
static int
peer_parse(const char *peer, char *sock, size_t size, uint64_t *id)
{
	const char *at = peer != NULL ? strrchr(peer, '@') : NULL;
	char *end;
	size_t len;

	if (at == NULL)
		return -EINVAL;
	len = (size_t)(at - peer);
	if (len == 0 || len >= size || memchr(peer, '/', len) != NULL)
		return -EINVAL;
	memcpy(sock, peer, len);
	sock[len] = '\0';
	errno = 0;
	*id = strtoull(at + 1, &end, 10);
	if (errno != 0 || *end != '\0' || end == at + 1)
		return -EINVAL;
	return 0;
}

int
rte_mp_reply(struct rte_mp_msg *msg, const char *peer)
{
	char sock[EAL_MP_SOCK_NAMESIZE];
	uint64_t id;
	int ret;

	if (check_msg(msg) < 0)
		return -1;
	if (peer_parse(peer, sock, sizeof(sock), &id) < 0 || id == 0) {
		RTE_LOG(ERR, EAL, "rte_mp: reply '%s': '%s' is not a peer a request came from\n",
			msg->name, peer != NULL ? peer : "(null)");
		rte_errno = EINVAL;
		return -1;
	}
	ret = eal_mp_send_wire(eal_mp.fd, sock, MP_REP, id, msg);
	if (ret < 0) {
		rte_log(peer_gone_error(ret) ? RTE_LOG_DEBUG : RTE_LOG_ERR, RTE_LOGTYPE_EAL,
			"EAL: rte_mp: cannot send reply '%s' to %s: %s\n", msg->name, sock,
			strerror(-ret));
		rte_errno = -ret;
		return -1;
	}
	return 0;
}

bool
rte_mp_disable(void)
{
	struct eal_shared_config *cfg = eal_shared_config();
	bool ok;

	if (cfg == NULL || !mp_is_primary())
		return false;
	eal_shared_lock(&cfg->peers_lock, "secondary registry");
	ok = cfg->mp_status != EAL_MP_STATUS_ENABLED;
	if (ok)
		cfg->mp_status = EAL_MP_STATUS_DISABLED;
	eal_shared_unlock(&cfg->peers_lock);
	return ok;
}
