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
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/queue.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_string_fns.h>

#include "eal_internal_cfg.h"
#include "eal_memcfg.h"
#include "eal_mp_wire.h"
#include "eal_peers.h"
#include "eal_private.h"

/* How long a send may wait for room in a stuck peer's queue. */
#define MP_SEND_TIMEOUT_MS 100
/*
 * How long a waiting requester, and the handler after a message, keep
 * polling before sleeping. The handler does only while the group has no
 * more processes than there are CPUs (mp_spin_ok): else a dozen idle
 * handlers would take the CPU from the peers their requesters wait for.
 */
#define MP_SPIN_NS (50 * 1000)
/* The reply socket is the main socket's name with this appended. */
#define MP_REPLY_SUFFIX "_r"
/* Sync requests wait this long before watching their peers' pidfds. */
#define MP_FAST_WAIT_MS 2
/* Where pidfds are missing, how often liveness is checked while waiting. */
#define MP_LIVENESS_POLL_MS 20
#define MP_PEER_STR_LEN (EAL_MP_SOCK_NAMESIZE + 24)

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
static struct {
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
} mp = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.actions = TAILQ_HEAD_INITIALIZER(mp.actions),
	.pending = TAILQ_HEAD_INITIALIZER(mp.pending),
	.fd = -1,
	.reply_fd = -1,
	.epfd = -1,
	.wake_fd = -1,
	.timer_fd = -1,
};

static __thread bool in_mp_handler;

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
}

static bool
is_primary(void)
{
	return rte_eal_process_type() == RTE_PROC_PRIMARY;
}

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
	if (mp.fd < 0) {
		RTE_LOG(ERR, EAL, "rte_mp: message '%s': multi-process channel not running\n",
			msg->name);
		rte_errno = ENOTSUP;
		return -1;
	}
	return 0;
}

static int
sock_path(const char *sock, struct sockaddr_un *sun)
{
	int n;

	memset(sun, 0, sizeof(*sun));
	sun->sun_family = AF_UNIX;
	n = snprintf(sun->sun_path, sizeof(sun->sun_path), "%s/%s",
		     rte_eal_get_runtime_dir(), sock);
	return (n < 0 || (size_t)n >= sizeof(sun->sun_path)) ? -ENAMETOOLONG : 0;
}

/* Send one datagram from our socket fd to the peer socket sock; 0 or -errno. */
static int
send_wire(int fd, const char *sock, enum mp_type type, uint64_t id,
	  const struct rte_mp_msg *msg)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * RTE_MP_MAX_FD_NUM)];
		struct cmsghdr align;
	} ctrl;
	struct mp_wire w;
	struct sockaddr_un dst;
	struct iovec iov = { .iov_base = &w, .iov_len = sizeof(w) };
	struct msghdr mh = {
		.msg_name = &dst,
		.msg_namelen = sizeof(dst),
		.msg_iov = &iov,
		.msg_iovlen = 1,
	};
	int nfds = type == MP_IGN ? 0 : msg->num_fds;
	ssize_t n;

	if (sock_path(sock, &dst) < 0)
		return -ENAMETOOLONG;
	memset(&w, 0, sizeof(w));
	w.magic = MP_WIRE_MAGIC;
	w.type = type;
	w.id = id;
	memcpy(w.name, msg->name, sizeof(w.name));
	w.len_param = msg->len_param;
	w.num_fds = nfds;
	memcpy(w.param, msg->param, (size_t)msg->len_param);
	if (nfds > 0) {
		struct cmsghdr *c;

		memset(&ctrl, 0, sizeof(ctrl));
		mh.msg_control = ctrl.buf;
		mh.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)nfds);
		c = CMSG_FIRSTHDR(&mh);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)nfds);
		memcpy(CMSG_DATA(c), msg->fds, sizeof(int) * (size_t)nfds);
	}
	do {
		n = sendmsg(fd, &mh, MSG_NOSIGNAL);
	} while (n < 0 && errno == EINTR);
	return n < 0 ? -errno : 0;
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
	if (!is_primary()) {
		eal_peer_primary(&out[0]);
		return 1;
	}
	return eal_peers_snapshot(out, max);
}

/* Remove the socket sock of the runtime directory and its reply socket. */
static void
unlink_sockets(const char *sock)
{
	char name[EAL_MP_SOCK_NAMESIZE + sizeof(MP_REPLY_SUFFIX)];
	struct sockaddr_un sun;

	snprintf(name, sizeof(name), "%s%s", sock, MP_REPLY_SUFFIX);
	if (sock_path(sock, &sun) == 0)
		unlink(sun.sun_path);
	if (sock_path(name, &sun) == 0)
		unlink(sun.sun_path);
}

/* Whether spinning can pay: every process of the group may have a CPU. */
static bool
mp_spin_ok(void)
{
	return eal_peers_count() + 1 <= mp.nb_cpus;
}

/* A peer found dead: the primary drops it from the registry and removes its sockets. */
static void
peer_lost(const struct eal_peer *p)
{
	RTE_LOG(DEBUG, EAL, "rte_mp: peer %s (pid %d) is gone\n", p->sock, (int)p->pid);
	if (!is_primary())
		return;
	eal_peers_forget(p);
	unlink_sockets(p->sock);
}

/*
 * Primary, while its own sockets are closed (before it opens them, after
 * it closed them): remove the sockets of secondaries that died without
 * cleaning up (killed, or of a crashed group of the same prefix), and its
 * own reply socket ("mp_socket_r": no pid) if a crashed primary left it.
 */
static void
sweep_stale_sockets(void)
{
	const char *dir = rte_eal_get_runtime_dir();
	size_t plen = strlen(EAL_MP_PRIMARY_SOCK "_");
	struct dirent *e;
	DIR *d = opendir(dir);

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		pid_t pid;

		if (strncmp(e->d_name, EAL_MP_PRIMARY_SOCK "_", plen) != 0)
			continue;
		pid = (pid_t)atoi(e->d_name + plen);
		if (pid > 0 && eal_proc_start_time(pid) != 0)
			continue;
		if (unlinkat(dirfd(d), e->d_name, 0) == 0)
			RTE_LOG(DEBUG, EAL, "rte_mp: removed stale socket %s\n", e->d_name);
	}
	closedir(d);
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
	pthread_mutex_lock(&mp.lock);
	{
		struct mp_action *e;

		TAILQ_FOREACH(e, &mp.actions, next) {
			if (strcmp(e->name, name) == 0) {
				pthread_mutex_unlock(&mp.lock);
				free(a);
				rte_errno = EEXIST;
				return -1;
			}
		}
	}
	TAILQ_INSERT_TAIL(&mp.actions, a, next);
	pthread_mutex_unlock(&mp.lock);
	return 0;
}

void
rte_mp_action_unregister(const char *name)
{
	struct mp_action *a;

	if (check_name(name) != 0)
		return;
	pthread_mutex_lock(&mp.lock);
	TAILQ_FOREACH(a, &mp.actions, next) {
		if (strcmp(a->name, name) == 0) {
			TAILQ_REMOVE(&mp.actions, a, next);
			free(a);
			break;
		}
	}
	pthread_mutex_unlock(&mp.lock);
}

static rte_mp_t
action_find(const char *name)
{
	struct mp_action *a;
	rte_mp_t fn = NULL;

	pthread_mutex_lock(&mp.lock);
	TAILQ_FOREACH(a, &mp.actions, next) {
		if (strcmp(a->name, name) == 0) {
			fn = a->fn;
			break;
		}
	}
	pthread_mutex_unlock(&mp.lock);
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
		ret = send_wire(mp.fd, peers[i].sock, MP_MSG, 0, msg);
		if (peer_gone_error(ret)) {
			peer_lost(&peers[i]);
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

/* Called with mp.lock held: one peer is settled. */
static void
pending_settle(struct mp_pending *pr, unsigned int i, enum peer_state state)
{
	pr->state[i] = state;
	if (state == PEER_GONE || state == PEER_IGNORED)
		pr->reply.nb_sent--;
	/* Atomic: a requester polls it without the lock. */
	if (__atomic_sub_fetch(&pr->outstanding, 1, __ATOMIC_RELEASE) != 0)
		return;
	if (pr->clb != NULL) {
		__atomic_store_n(&mp.async_done, true, __ATOMIC_RELAXED);
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

static void
pending_free(struct mp_pending *pr)
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

	pthread_mutex_lock(&mp.lock);
	pr->id = ++mp.next_id;
	TAILQ_INSERT_TAIL(&mp.pending, pr, next);
	pthread_mutex_unlock(&mp.lock);

	for (i = 0; i < n; i++) {
		ret = send_wire(sync ? mp.reply_fd : mp.fd, peers[i].sock, MP_REQ, pr->id, req);
		if (ret == 0)
			continue;
		if (peer_gone_error(ret)) {
			peer_lost(&peers[i]);
		} else {
			RTE_LOG(ERR, EAL, "rte_mp: cannot send request '%s' to %s: %s\n",
				req->name, peers[i].sock, strerror(-ret));
			err = -ret;
		}
		pthread_mutex_lock(&mp.lock);
		pending_settle(pr, i, PEER_GONE);
		pthread_mutex_unlock(&mp.lock);
	}
	if (err != 0)
		rte_errno = err;
	return pr;
nomem:
	if (pr != NULL)
		pending_free(pr);
	rte_errno = ENOMEM;
	return NULL;
}

/* Settle the waiting peers found dead; with pidfds, or by looking at /proc. */
static void
pending_check_liveness(struct mp_pending *pr)
{
	unsigned int i;

	pthread_mutex_lock(&mp.lock);
	for (i = 0; i < pr->nb_peers; i++) {
		if (pr->state[i] == PEER_WAITING && !eal_peer_alive(&pr->peers[i])) {
			peer_lost(&pr->peers[i]);
			pending_settle(pr, i, PEER_GONE);
		}
	}
	pthread_mutex_unlock(&mp.lock);
}

static void reply_drain(void);

/* Open pidfds of the peers of pr still waiting, into pfd/owner; how many. */
static unsigned int
watch_peers(struct mp_pending *pr, struct pollfd *pfd, unsigned int *owner, bool *missing)
{
	unsigned int i, n = 0;

	pthread_mutex_lock(&mp.lock);
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
	pthread_mutex_unlock(&mp.lock);
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
	uint64_t start = now_ns(), now;
	unsigned int i, n = 0;
	bool watching = false, missing_pidfd = false;

	/* One requester spinning, yielding, costs its peers little: always. */
	do {
		reply_drain();
		if (pending_done(pr))
			return;
		sched_yield();
	} while (now_ns() - start < MP_SPIN_NS);
	/* Going to sleep: from now on, whoever reads our last reply wakes us. */
	pthread_mutex_lock(&mp.lock);
	pr->done_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	pthread_mutex_unlock(&mp.lock);
	if (pr->done_fd < 0)
		RTE_LOG(ERR, EAL, "rte_mp: no eventfd (%s): sleeping in steps of %d ms\n",
			strerror(errno), MP_LIVENESS_POLL_MS);
	pfd[0].fd = mp.reply_fd;
	pfd[0].events = POLLIN;
	pfd[1].fd = pr->done_fd;
	pfd[1].events = POLLIN;
	while (!pending_done(pr) && (now = now_ns()) < deadline) {
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
			reply_drain();
		pthread_mutex_lock(&mp.lock);
		for (i = 0; i < n; i++) {
			if (!(pfd[i + 2].revents & POLLIN))
				continue;
			if (pr->state[owner[i]] == PEER_WAITING) {
				peer_lost(&pr->peers[owner[i]]);
				pending_settle(pr, owner[i], PEER_GONE);
			}
			close(pfd[i + 2].fd);
			pfd[i + 2].fd = -1; /* poll ignores it from now on */
		}
		pthread_mutex_unlock(&mp.lock);
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
	return now_ns() + (uint64_t)ts->tv_sec * NS_PER_S + (uint64_t)ts->tv_nsec;
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
	if (in_mp_handler) {
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

	pthread_mutex_lock(&mp.lock);
	TAILQ_REMOVE(&mp.pending, pr, next);
	pthread_mutex_unlock(&mp.lock);
	*reply = pr->reply;
	timed_out = pr->outstanding != 0;
	pending_free(pr);

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

	if (mp.fd < 0) {
		if (reply != NULL)
			memset(reply, 0, sizeof(*reply));
		rte_errno = ENOTSUP;
		return -1;
	}
	return request_sync(req, reply, ts, peers, peers_get(peers, RTE_DIM(peers)));
}

bool
eal_mp_in_handler(void)
{
	return in_mp_handler;
}

const struct eal_peer *
eal_mp_self(void)
{
	return &mp.self;
}

int
eal_mp_request_peers(struct rte_mp_msg *req, const struct eal_peer *peers, unsigned int n,
		     struct rte_mp_reply *reply, const struct timespec *ts)
{
	return request_sync(req, reply, ts, peers, n);
}

static void
mp_wake(void)
{
	uint64_t one = 1;

	if (write(mp.wake_fd, &one, sizeof(one)) < 0)
		RTE_LOG(ERR, EAL, "rte_mp: cannot wake the rte_mp_handle thread: %s\n",
			strerror(errno));
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
	pthread_mutex_lock(&mp.lock);
	pr->request = *req;
	pr->deadline_ns = deadline_of(ts);
	pr->clb = clb;
	pthread_mutex_unlock(&mp.lock);
	/* The handler thread completes it: now if it is done, else at the deadline. */
	mp_wake();
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
	ret = send_wire(mp.fd, sock, MP_REP, id, msg);
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

	if (cfg == NULL || !is_primary())
		return false;
	eal_shared_lock(&cfg->peers_lock, "secondary registry");
	ok = cfg->mp_status != EAL_MP_STATUS_ENABLED;
	if (ok)
		cfg->mp_status = EAL_MP_STATUS_DISABLED;
	eal_shared_unlock(&cfg->peers_lock);
	return ok;
}

const char *
eal_mp_wire_check(const struct mp_wire *w, size_t len, int nfds)
{
	if (len != sizeof(*w) || w->magic != MP_WIRE_MAGIC)
		return "not a Lockstep message";
	if (w->type < MP_MSG || w->type > MP_IGN)
		return "unknown type";
	if (memchr(w->name, '\0', sizeof(w->name)) == NULL || w->name[0] == '\0')
		return "bad name";
	if (w->len_param < 0 || w->len_param > RTE_MP_MAX_PARAM_LEN)
		return "bad len_param";
	if (w->num_fds < 0 || w->num_fds > RTE_MP_MAX_FD_NUM || w->num_fds != nfds)
		return "fd count does not match";
	return NULL;
}

/* Received: validated wire message, its fds, and who sent it. */
struct mp_recv {
	struct mp_wire w;
	int fds[RTE_MP_MAX_FD_NUM];
	int nfds;
	char sock[EAL_MP_SOCK_NAMESIZE];
};

static void
close_fds(const int *fds, int n)
{
	while (n-- > 0)
		close(fds[n]);
}

/*
 * Receive one datagram from our socket fd and check everything about it:
 * size, magic, type, name, lengths, fds, the sender's uid and address. 1 when valid, 0 when
 * dropped (after one log line, its fds closed), -1 when nothing was read.
 */
static int
mp_receive(int fd, struct mp_recv *r)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * RTE_MP_MAX_FD_NUM) +
			 CMSG_SPACE(sizeof(struct ucred))];
		struct cmsghdr align;
	} ctrl;
	struct sockaddr_un src;
	struct iovec iov = { .iov_base = &r->w, .iov_len = sizeof(r->w) };
	struct msghdr mh = {
		.msg_name = &src,
		.msg_namelen = sizeof(src),
		.msg_iov = &iov,
		.msg_iovlen = 1,
		.msg_control = ctrl.buf,
		.msg_controllen = sizeof(ctrl.buf),
	};
	const struct ucred *cred = NULL;
	const char *why = NULL, *base;
	struct cmsghdr *c;
	ssize_t n;

	memset(&src, 0, sizeof(src));
	n = recvmsg(fd, &mh, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
	if (n < 0)
		return -1;
	r->nfds = 0;
	for (c = CMSG_FIRSTHDR(&mh); c != NULL; c = CMSG_NXTHDR(&mh, c)) {
		if (c->cmsg_level != SOL_SOCKET)
			continue;
		if (c->cmsg_type == SCM_RIGHTS) {
			int k = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));

			k = RTE_MIN(k, RTE_MP_MAX_FD_NUM - r->nfds);
			memcpy(r->fds + r->nfds, CMSG_DATA(c), sizeof(int) * (size_t)k);
			r->nfds += k;
		} else if (c->cmsg_type == SCM_CREDENTIALS) {
			cred = (const struct ucred *)CMSG_DATA(c);
		}
	}
	base = strrchr(src.sun_path, '/');
	base = base != NULL ? base + 1 : src.sun_path;
	r->sock[0] = '\0';
	if (strlen(base) < sizeof(r->sock))
		memcpy(r->sock, base, strlen(base) + 1);

	if (mh.msg_flags & (MSG_TRUNC | MSG_CTRUNC))
		why = "truncated, or too many fds";
	else if (cred == NULL || cred->uid != geteuid())
		why = "sent by another user";
	else if ((why = eal_mp_wire_check(&r->w, (size_t)n, r->nfds)) != NULL)
		;
	else if (fd == mp.reply_fd && r->w.type != MP_REP && r->w.type != MP_IGN)
		why = "not a reply, sent to a reply socket";
	else if (strncmp(src.sun_path, rte_eal_get_runtime_dir(),
			 strlen(rte_eal_get_runtime_dir())) != 0 ||
		 r->sock[0] == '\0' ||
		 strncmp(r->sock, EAL_MP_PRIMARY_SOCK, strlen(EAL_MP_PRIMARY_SOCK)) != 0)
		why = "not from a process of this group";
	if (why == NULL)
		return 1;
	RTE_LOG(ERR, EAL, "rte_mp: dropped a message from '%s': %s\n",
		src.sun_path[0] != '\0' ? src.sun_path : "(unbound socket)", why);
	close_fds(r->fds, r->nfds);
	return 0;
}

static void
to_msg(const struct mp_recv *r, struct rte_mp_msg *m)
{
	memset(m, 0, sizeof(*m));
	memcpy(m->name, r->w.name, sizeof(m->name));
	m->len_param = r->w.len_param;
	memcpy(m->param, r->w.param, (size_t)r->w.len_param);
	m->num_fds = r->nfds;
	memcpy(m->fds, r->fds, sizeof(int) * (size_t)r->nfds);
}

/* A reply: store it in its pending request, if that still waits for this peer. */
static void
handle_reply(const struct mp_recv *r)
{
	struct mp_pending *pr;
	unsigned int i;
	bool kept = false;

	pthread_mutex_lock(&mp.lock);
	TAILQ_FOREACH(pr, &mp.pending, next) {
		if (pr->id == r->w.id)
			break;
	}
	for (i = 0; pr != NULL && i < pr->nb_peers; i++) {
		struct rte_mp_msg *msgs;

		if (pr->state[i] != PEER_WAITING || strcmp(pr->peers[i].sock, r->sock) != 0)
			continue;
		if (r->w.type == MP_IGN) {
			pending_settle(pr, i, PEER_IGNORED);
			break;
		}
		msgs = realloc(pr->reply.msgs, sizeof(*msgs) * (size_t)(pr->reply.nb_received + 1));
		if (msgs == NULL) {
			RTE_LOG(ERR, EAL, "rte_mp: no memory for a reply to '%s'\n", r->w.name);
			pending_settle(pr, i, PEER_GONE);
			break;
		}
		pr->reply.msgs = msgs;
		to_msg(r, &msgs[pr->reply.nb_received++]);
		kept = true;
		pending_settle(pr, i, PEER_REPLIED);
		break;
	}
	pthread_mutex_unlock(&mp.lock);
	if (!kept)
		close_fds(r->fds, r->nfds);
}

/* A message or a request: run its action here, on the handler thread. */
static void
handle_action(const struct mp_recv *r)
{
	char peer[MP_PEER_STR_LEN];
	struct rte_mp_msg m;
	rte_mp_t fn = action_find(r->w.name);

	if (fn == NULL) {
		close_fds(r->fds, r->nfds);
		to_msg(r, &m);
		m.num_fds = 0;
		/* Tell a requester not to wait for us. */
		if (r->w.type == MP_REQ)
			send_wire(mp.fd, r->sock, MP_IGN, r->w.id, &m);
		RTE_LOG(DEBUG, EAL, "rte_mp: no action for '%s' from %s\n", r->w.name, r->sock);
		return;
	}
	snprintf(peer, sizeof(peer), "%s@%" PRIu64, r->sock, r->w.id);
	to_msg(r, &m);
	if (fn(&m, peer) < 0)
		RTE_LOG(DEBUG, EAL, "rte_mp: action '%s' from %s failed\n", r->w.name, r->sock);
}

/*
 * Complete the async requests that are done or past their deadline, and
 * arm the timer for the next deadline (or the next liveness check).
 */
static void
async_service(void)
{
	struct mp_pending *pr, *tmp;
	TAILQ_HEAD(, mp_pending) done = TAILQ_HEAD_INITIALIZER(done);
	uint64_t now = now_ns(), next = UINT64_MAX;
	struct itimerspec its;

	pthread_mutex_lock(&mp.lock);
	__atomic_store_n(&mp.async_done, false, __ATOMIC_RELAXED);
	TAILQ_FOREACH_SAFE(pr, &mp.pending, next, tmp) {
		unsigned int i;

		if (pr->clb == NULL)
			continue;
		for (i = 0; pr->outstanding != 0 && i < pr->nb_peers; i++) {
			if (pr->state[i] == PEER_WAITING && !eal_peer_alive(&pr->peers[i])) {
				peer_lost(&pr->peers[i]);
				pending_settle(pr, i, PEER_GONE);
			}
		}
		if (pr->outstanding == 0 || now >= pr->deadline_ns) {
			TAILQ_REMOVE(&mp.pending, pr, next);
			TAILQ_INSERT_TAIL(&done, pr, next);
			continue;
		}
		next = RTE_MIN(next, RTE_MIN(pr->deadline_ns,
					     now + (uint64_t)MP_LIVENESS_POLL_MS * 1000000));
	}
	pthread_mutex_unlock(&mp.lock);

	memset(&its, 0, sizeof(its));
	if (next != UINT64_MAX) {
		its.it_value.tv_sec = (time_t)(next / NS_PER_S);
		its.it_value.tv_nsec = (long)(next % NS_PER_S);
	}
	timerfd_settime(mp.timer_fd, TFD_TIMER_ABSTIME, &its, NULL);

	while ((pr = TAILQ_FIRST(&done)) != NULL) {
		TAILQ_REMOVE(&done, pr, next);
		/* The callback owns the fds the replies carry; the messages are ours. */
		pr->clb(&pr->request, &pr->reply);
		free(pr->reply.msgs);
		pending_free(pr);
	}
}

static void
drain_counter(int fd)
{
	uint64_t v;

	if (read(fd, &v, sizeof(v)) < 0 && errno != EAGAIN)
		RTE_LOG(DEBUG, EAL, "rte_mp: read: %s\n", strerror(errno));
}

/*
 * Take every datagram waiting, then keep looking for MP_SPIN_NS more: the
 * next message of a conversation (a reply, the next request) usually comes
 * within microseconds, and catching it here saves a thread wake-up.
 */
static void
serve_socket(void)
{
	uint64_t until = 0;
	struct mp_recv r;
	int got;

	for (;;) {
		got = mp_receive(mp.fd, &r);
		if (got > 0) {
			if (r.w.type == MP_REP || r.w.type == MP_IGN)
				handle_reply(&r);
			else
				handle_action(&r);
			if (__atomic_load_n(&mp.async_done, __ATOMIC_RELAXED))
				async_service();
			until = 0;
		} else if (got < 0) {
			if (!mp_spin_ok())
				return;
			if (until == 0)
				until = now_ns() + MP_SPIN_NS;
			else if (now_ns() >= until)
				return;
			sched_yield();
		}
	}
}

/* Any thread: read the replies waiting on the reply socket, whatever they answer. */
static void
reply_drain(void)
{
	struct mp_recv r;
	int got;

	while ((got = mp_receive(mp.reply_fd, &r)) >= 0) {
		if (got > 0)
			handle_reply(&r);
	}
}

static void *
mp_handle(void *arg)
{
	struct epoll_event ev[8];
	bool service;
	int i, n;

	RTE_SET_USED(arg);
	in_mp_handler = true;
	while (!__atomic_load_n(&mp.stop, __ATOMIC_ACQUIRE)) {
		n = epoll_wait(mp.epfd, ev, RTE_DIM(ev), -1);
		service = false;
		for (i = 0; i < n; i++) {
			if (ev[i].data.fd == mp.fd) {
				serve_socket();
			} else {
				drain_counter(ev[i].data.fd);
				service = true;
			}
		}
		/* A new async request, a deadline or liveness check, or stopping. */
		if (service)
			async_service();
	}
	return NULL;
}

static int
epoll_add(int fd)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.fd = fd };

	return epoll_ctl(mp.epfd, EPOLL_CTL_ADD, fd, &ev);
}

/* A socket bound at sock in the runtime directory, 0600, receiving credentials; or -errno. */
static int
mp_socket_open(const char *sock)
{
	struct sockaddr_un sun;
	int one = 1;
	struct timeval tv = { .tv_sec = 0, .tv_usec = MP_SEND_TIMEOUT_MS * 1000 };
	mode_t old_mask;
	int fd, ret;

	if (sock_path(sock, &sun) < 0) {
		RTE_LOG(ERR, EAL, "rte_mp: socket path for %s is too long\n", sock);
		return -ENAMETOOLONG;
	}
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &one, sizeof(one));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	/* A stale socket of a crashed process of the same name is ours to replace. */
	unlink(sun.sun_path);
	old_mask = umask(0177); /* 0600 */
	ret = bind(fd, (struct sockaddr *)&sun, sizeof(sun));
	umask(old_mask);
	if (ret < 0) {
		ret = -errno;
		RTE_LOG(ERR, EAL, "rte_mp: cannot bind %s: %s\n", sun.sun_path, strerror(errno));
		close(fd);
		return ret;
	}
	return fd;
}

int
eal_mp_init(void)
{
	char sock[EAL_MP_SOCK_NAMESIZE], reply_sock[EAL_MP_SOCK_NAMESIZE + sizeof(MP_REPLY_SUFFIX)];
	int ret;

	if (is_primary())
		snprintf(sock, sizeof(sock), "%s", EAL_MP_PRIMARY_SOCK);
	else
		snprintf(sock, sizeof(sock), "%s_%d_%" PRIx64, EAL_MP_PRIMARY_SOCK,
			 (int)getpid(), rte_rdtsc());
	eal_peer_self(&mp.self, sock);
	if (is_primary())
		sweep_stale_sockets();
	mp.nb_cpus = (unsigned int)RTE_MAX(sysconf(_SC_NPROCESSORS_ONLN), 1L);
	ret = mp_socket_open(sock);
	if (ret < 0)
		return ret;
	mp.fd = ret;
	snprintf(reply_sock, sizeof(reply_sock), "%s%s", sock, MP_REPLY_SUFFIX);
	ret = mp_socket_open(reply_sock);
	if (ret < 0)
		return ret;
	mp.reply_fd = ret;
	mp.epfd = epoll_create1(EPOLL_CLOEXEC);
	mp.wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	mp.timer_fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	if (mp.epfd < 0 || mp.wake_fd < 0 || mp.timer_fd < 0 || epoll_add(mp.fd) < 0 ||
	    epoll_add(mp.wake_fd) < 0 || epoll_add(mp.timer_fd) < 0) {
		RTE_LOG(ERR, EAL, "rte_mp: cannot set up the channel: %s\n", strerror(errno));
		return -errno;
	}
	mp.stop = false;
	ret = rte_ctrl_thread_create(&mp.thread, "rte_mp_handle", NULL, mp_handle, NULL);
	if (ret < 0)
		return ret;
	mp.running = true;

	RTE_LOG(DEBUG, EAL, "multi-process socket %s/%s\n", rte_eal_get_runtime_dir(), sock);
	return 0;
}

void
eal_mp_cleanup(void)
{
	TAILQ_HEAD(, mp_pending) done = TAILQ_HEAD_INITIALIZER(done);
	struct mp_pending *pr, *tmp;
	struct mp_action *a;

	/* Normally gone already (hotplug leaves first); a no-op then. */
	if (!is_primary() && mp.fd >= 0)
		eal_peers_unregister(&mp.self);
	if (mp.running) {
		__atomic_store_n(&mp.stop, true, __ATOMIC_RELEASE);
		mp_wake();
		pthread_join(mp.thread, NULL);
		mp.running = false;
	}
	if (mp.fd >= 0)
		close(mp.fd);
	if (mp.reply_fd >= 0)
		close(mp.reply_fd);
	if (mp.fd >= 0 || mp.reply_fd >= 0)
		unlink_sockets(mp.self.sock);
	if (mp.epfd >= 0)
		close(mp.epfd);
	if (mp.wake_fd >= 0)
		close(mp.wake_fd);
	if (mp.timer_fd >= 0)
		close(mp.timer_fd);
	mp.fd = mp.reply_fd = mp.epfd = mp.wake_fd = mp.timer_fd = -1;

	if (is_primary())
		sweep_stale_sockets();

	pthread_mutex_lock(&mp.lock);
	while ((a = TAILQ_FIRST(&mp.actions)) != NULL) {
		TAILQ_REMOVE(&mp.actions, a, next);
		free(a);
	}
	/* Async requests still waiting end with what they have. */
	TAILQ_FOREACH_SAFE(pr, &mp.pending, next, tmp) {
		if (pr->clb != NULL) {
			TAILQ_REMOVE(&mp.pending, pr, next);
			TAILQ_INSERT_TAIL(&done, pr, next);
		}
	}
	pthread_mutex_unlock(&mp.lock);
	while ((pr = TAILQ_FIRST(&done)) != NULL) {
		TAILQ_REMOVE(&done, pr, next);
		/* The callback owns the fds the replies carry; the messages are ours. */
		pr->clb(&pr->request, &pr->reply);
		free(pr->reply.msgs);
		pending_free(pr);
	}
}
