/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * rte_mp, the channel side: the sockets, the receiving and checking of
 * datagrams, and the rte_mp_handle thread that serves the main socket and
 * completes asynchronous requests. The design is described at the top of
 * eal_common_proc.c, which holds the API.
 */

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
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
#include <rte_lcore.h>
#include <rte_log.h>

#include "eal_memcfg.h"
#include "eal_mp_private.h"
#include "eal_mp_wire.h"
#include "eal_peers.h"
#include "eal_private.h"

/* How long a send may wait for room in a stuck peer's queue. */
#define MP_SEND_TIMEOUT_MS 100
/* The reply socket is the main socket's name with this appended. */
#define MP_REPLY_SUFFIX "_r"
#define MP_PEER_STR_LEN (EAL_MP_SOCK_NAMESIZE + 24)

static __thread bool in_mp_handler;

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
int
eal_mp_send_wire(int fd, const char *sock, enum mp_type type, uint64_t id,
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
	return eal_peers_count() + 1 <= eal_mp.nb_cpus;
}

/* A peer found dead: the primary drops it from the registry and removes its sockets. */
void
eal_mp_peer_lost(const struct eal_peer *p)
{
	RTE_LOG(DEBUG, EAL, "rte_mp: peer %s (pid %d) is gone\n", p->sock, (int)p->pid);
	if (!mp_is_primary())
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

bool
eal_mp_in_handler(void)
{
	return in_mp_handler;
}

void
eal_mp_wake(void)
{
	uint64_t one = 1;

	if (write(eal_mp.wake_fd, &one, sizeof(one)) < 0)
		RTE_LOG(ERR, EAL, "rte_mp: cannot wake the rte_mp_handle thread: %s\n",
			strerror(errno));
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
	else if (fd == eal_mp.reply_fd && r->w.type != MP_REP && r->w.type != MP_IGN)
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

	pthread_mutex_lock(&eal_mp.lock);
	TAILQ_FOREACH(pr, &eal_mp.pending, next) {
		if (pr->id == r->w.id)
			break;
	}
	for (i = 0; pr != NULL && i < pr->nb_peers; i++) {
		struct rte_mp_msg *msgs;

		if (pr->state[i] != PEER_WAITING || strcmp(pr->peers[i].sock, r->sock) != 0)
			continue;
		if (r->w.type == MP_IGN) {
			eal_mp_pending_settle(pr, i, PEER_IGNORED);
			break;
		}
		msgs = realloc(pr->reply.msgs, sizeof(*msgs) * (size_t)(pr->reply.nb_received + 1));
		if (msgs == NULL) {
			RTE_LOG(ERR, EAL, "rte_mp: no memory for a reply to '%s'\n", r->w.name);
			eal_mp_pending_settle(pr, i, PEER_GONE);
			break;
		}
		pr->reply.msgs = msgs;
		to_msg(r, &msgs[pr->reply.nb_received++]);
		kept = true;
		eal_mp_pending_settle(pr, i, PEER_REPLIED);
		break;
	}
	pthread_mutex_unlock(&eal_mp.lock);
	if (!kept)
		close_fds(r->fds, r->nfds);
}

/* A message or a request: run its action here, on the handler thread. */
static void
handle_action(const struct mp_recv *r)
{
	char peer[MP_PEER_STR_LEN];
	struct rte_mp_msg m;
	rte_mp_t fn = eal_mp_action_find(r->w.name);

	if (fn == NULL) {
		close_fds(r->fds, r->nfds);
		to_msg(r, &m);
		m.num_fds = 0;
		/* Tell a requester not to wait for us. */
		if (r->w.type == MP_REQ)
			eal_mp_send_wire(eal_mp.fd, r->sock, MP_IGN, r->w.id, &m);
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
	uint64_t now = mp_now_ns(), next = UINT64_MAX;
	struct itimerspec its;

	pthread_mutex_lock(&eal_mp.lock);
	__atomic_store_n(&eal_mp.async_done, false, __ATOMIC_RELAXED);
	TAILQ_FOREACH_SAFE(pr, &eal_mp.pending, next, tmp) {
		unsigned int i;

		if (pr->clb == NULL)
			continue;
		for (i = 0; pr->outstanding != 0 && i < pr->nb_peers; i++) {
			if (pr->state[i] == PEER_WAITING && !eal_peer_alive(&pr->peers[i])) {
				eal_mp_peer_lost(&pr->peers[i]);
				eal_mp_pending_settle(pr, i, PEER_GONE);
			}
		}
		if (pr->outstanding == 0 || now >= pr->deadline_ns) {
			TAILQ_REMOVE(&eal_mp.pending, pr, next);
			TAILQ_INSERT_TAIL(&done, pr, next);
			continue;
		}
		next = RTE_MIN(next, RTE_MIN(pr->deadline_ns,
					     now + (uint64_t)MP_LIVENESS_POLL_MS * 1000000));
	}
	pthread_mutex_unlock(&eal_mp.lock);

	memset(&its, 0, sizeof(its));
	if (next != UINT64_MAX) {
		its.it_value.tv_sec = (time_t)(next / NS_PER_S);
		its.it_value.tv_nsec = (long)(next % NS_PER_S);
	}
	timerfd_settime(eal_mp.timer_fd, TFD_TIMER_ABSTIME, &its, NULL);

	while ((pr = TAILQ_FIRST(&done)) != NULL) {
		TAILQ_REMOVE(&done, pr, next);
		/* The callback owns the fds the replies carry; the messages are ours. */
		pr->clb(&pr->request, &pr->reply);
		free(pr->reply.msgs);
		eal_mp_pending_free(pr);
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
		got = mp_receive(eal_mp.fd, &r);
		if (got > 0) {
			if (r.w.type == MP_REP || r.w.type == MP_IGN)
				handle_reply(&r);
			else
				handle_action(&r);
			if (__atomic_load_n(&eal_mp.async_done, __ATOMIC_RELAXED))
				async_service();
			until = 0;
		} else if (got < 0) {
			if (!mp_spin_ok())
				return;
			if (until == 0)
				until = mp_now_ns() + MP_SPIN_NS;
			else if (mp_now_ns() >= until)
				return;
			sched_yield();
		}
	}
}

/* Any thread: read the replies waiting on the reply socket, whatever they answer. */
void
eal_mp_reply_drain(void)
{
	struct mp_recv r;
	int got;

	while ((got = mp_receive(eal_mp.reply_fd, &r)) >= 0) {
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
	while (!__atomic_load_n(&eal_mp.stop, __ATOMIC_ACQUIRE)) {
		n = epoll_wait(eal_mp.epfd, ev, RTE_DIM(ev), -1);
		service = false;
		for (i = 0; i < n; i++) {
			if (ev[i].data.fd == eal_mp.fd) {
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

	return epoll_ctl(eal_mp.epfd, EPOLL_CTL_ADD, fd, &ev);
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

	if (mp_is_primary())
		snprintf(sock, sizeof(sock), "%s", EAL_MP_PRIMARY_SOCK);
	else
		snprintf(sock, sizeof(sock), "%s_%d_%" PRIx64, EAL_MP_PRIMARY_SOCK,
			 (int)getpid(), rte_rdtsc());
	eal_peer_self(&eal_mp.self, sock);
	if (mp_is_primary())
		sweep_stale_sockets();
	eal_mp.nb_cpus = (unsigned int)RTE_MAX(sysconf(_SC_NPROCESSORS_ONLN), 1L);
	ret = mp_socket_open(sock);
	if (ret < 0)
		return ret;
	eal_mp.fd = ret;
	snprintf(reply_sock, sizeof(reply_sock), "%s%s", sock, MP_REPLY_SUFFIX);
	ret = mp_socket_open(reply_sock);
	if (ret < 0)
		return ret;
	eal_mp.reply_fd = ret;
	eal_mp.epfd = epoll_create1(EPOLL_CLOEXEC);
	eal_mp.wake_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	eal_mp.timer_fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	if (eal_mp.epfd < 0 || eal_mp.wake_fd < 0 || eal_mp.timer_fd < 0 ||
	    epoll_add(eal_mp.fd) < 0 || epoll_add(eal_mp.wake_fd) < 0 ||
	    epoll_add(eal_mp.timer_fd) < 0) {
		RTE_LOG(ERR, EAL, "rte_mp: cannot set up the channel: %s\n", strerror(errno));
		return -errno;
	}
	eal_mp.stop = false;
	ret = rte_ctrl_thread_create(&eal_mp.thread, "rte_mp_handle", NULL, mp_handle, NULL);
	if (ret < 0)
		return ret;
	eal_mp.running = true;

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
	if (!mp_is_primary() && eal_mp.fd >= 0)
		eal_peers_unregister(&eal_mp.self);
	if (eal_mp.running) {
		__atomic_store_n(&eal_mp.stop, true, __ATOMIC_RELEASE);
		eal_mp_wake();
		pthread_join(eal_mp.thread, NULL);
		eal_mp.running = false;
	}
	if (eal_mp.fd >= 0)
		close(eal_mp.fd);
	if (eal_mp.reply_fd >= 0)
		close(eal_mp.reply_fd);
	if (eal_mp.fd >= 0 || eal_mp.reply_fd >= 0)
		unlink_sockets(eal_mp.self.sock);
	if (eal_mp.epfd >= 0)
		close(eal_mp.epfd);
	if (eal_mp.wake_fd >= 0)
		close(eal_mp.wake_fd);
	if (eal_mp.timer_fd >= 0)
		close(eal_mp.timer_fd);
	eal_mp.fd = eal_mp.reply_fd = eal_mp.epfd = eal_mp.wake_fd = eal_mp.timer_fd = -1;

	if (mp_is_primary())
		sweep_stale_sockets();

	pthread_mutex_lock(&eal_mp.lock);
	while ((a = TAILQ_FIRST(&eal_mp.actions)) != NULL) {
		TAILQ_REMOVE(&eal_mp.actions, a, next);
		free(a);
	}
	/* Async requests still waiting end with what they have. */
	TAILQ_FOREACH_SAFE(pr, &eal_mp.pending, next, tmp) {
		if (pr->clb != NULL) {
			TAILQ_REMOVE(&eal_mp.pending, pr, next);
			TAILQ_INSERT_TAIL(&done, pr, next);
		}
	}
	pthread_mutex_unlock(&eal_mp.lock);
	while ((pr = TAILQ_FIRST(&done)) != NULL) {
		TAILQ_REMOVE(&done, pr, next);
		/* The callback owns the fds the replies carry; the messages are ours. */
		pr->clb(&pr->request, &pr->reply);
		free(pr->reply.msgs);
		eal_mp_pending_free(pr);
	}
}
