/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The interrupt thread (eal-intr-thread): one epoll over every registered
 * fd; when one is readable its callbacks run here, in registration order.
 * Sources and callbacks are process-local, protected by intr.lock; a
 * source whose callbacks are running is marked active, and callbacks
 * removed meanwhile are removed once they are done.
 */

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/queue.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_interrupts.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_malloc.h>

#include "eal_private.h"

struct rte_intr_handle {
	int fd;
	int dev_fd;
	enum rte_intr_handle_type type;
	uint32_t flags;
};

struct intr_callback {
	TAILQ_ENTRY(intr_callback) next;
	rte_intr_callback_fn cb;
	void *arg;
	bool removed;                          /* unregistered while running */
	rte_intr_unregister_callback_fn ucb;   /* to call once removed */
	struct rte_intr_handle handle;         /* a copy, for ucb */
};

struct intr_source {
	TAILQ_ENTRY(intr_source) next;
	int fd;
	bool active;                           /* callbacks running now */
	TAILQ_HEAD(, intr_callback) callbacks;
};

static struct {
	pthread_mutex_t lock;
	pthread_cond_t idle;                   /* a source stopped being active */
	TAILQ_HEAD(, intr_source) sources;
	int epfd;
	int stop_fd;
	pthread_t thread;
	bool running;
} intr = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.idle = PTHREAD_COND_INITIALIZER,
	.sources = TAILQ_HEAD_INITIALIZER(intr.sources),
	.epfd = -1,
	.stop_fd = -1,
};

static __thread bool is_intr_thread;

struct rte_intr_handle *
rte_intr_instance_alloc(uint32_t flags)
{
	struct rte_intr_handle *h;

	if (flags & ~RTE_INTR_INSTANCE_F_SHARED) {
		rte_errno = EINVAL;
		return NULL;
	}
	if (flags & RTE_INTR_INSTANCE_F_SHARED)
		h = rte_zmalloc(NULL, sizeof(*h), 0);
	else
		h = calloc(1, sizeof(*h));
	if (h == NULL) {
		rte_errno = ENOMEM;
		return NULL;
	}
	h->fd = -1;
	h->dev_fd = -1;
	h->flags = flags;
	return h;
}

void
rte_intr_instance_free(struct rte_intr_handle *h)
{
	if (h == NULL)
		return;
	if (h->flags & RTE_INTR_INSTANCE_F_SHARED)
		rte_free(h);
	else
		free(h);
}

#define HANDLE_SET(field, type) \
int \
rte_intr_##field##_set(struct rte_intr_handle *h, type v) \
{ \
	if (h == NULL) { \
		rte_errno = EINVAL; \
		return -EINVAL; \
	} \
	h->field = v; \
	return 0; \
}

HANDLE_SET(fd, int)
HANDLE_SET(dev_fd, int)
HANDLE_SET(type, enum rte_intr_handle_type)

int
rte_intr_fd_get(const struct rte_intr_handle *h)
{
	return h != NULL ? h->fd : -1;
}

int
rte_intr_dev_fd_get(const struct rte_intr_handle *h)
{
	return h != NULL ? h->dev_fd : -1;
}

enum rte_intr_handle_type
rte_intr_type_get(const struct rte_intr_handle *h)
{
	return h != NULL ? h->type : RTE_INTR_HANDLE_UNKNOWN;
}

int
rte_thread_is_intr(void)
{
	return is_intr_thread;
}

/* Called with intr.lock held. */
static struct intr_source *
source_find(int fd)
{
	struct intr_source *s;

	TAILQ_FOREACH(s, &intr.sources, next) {
		if (s->fd == fd)
			return s;
	}
	return NULL;
}

int
rte_intr_callback_register(const struct rte_intr_handle *h, rte_intr_callback_fn cb,
			   void *cb_arg)
{
	struct intr_callback *c, *e;
	struct intr_source *s;
	int ret = 0;

	if (h == NULL || h->fd < 0 || cb == NULL)
		return -EINVAL;
	if (intr.epfd < 0)
		return -ENOTSUP;
	c = calloc(1, sizeof(*c));
	if (c == NULL)
		return -ENOMEM;
	c->cb = cb;
	c->arg = cb_arg;
	c->handle = *h;

	pthread_mutex_lock(&intr.lock);
	s = source_find(h->fd);
	if (s == NULL) {
		struct epoll_event ev = { .events = EPOLLIN | EPOLLPRI, .data.fd = h->fd };

		s = calloc(1, sizeof(*s));
		if (s == NULL) {
			ret = -ENOMEM;
			goto fail;
		}
		s->fd = h->fd;
		TAILQ_INIT(&s->callbacks);
		if (epoll_ctl(intr.epfd, EPOLL_CTL_ADD, h->fd, &ev) < 0) {
			ret = -errno;
			RTE_LOG(ERR, EAL, "cannot watch fd %d for interrupts: %s\n",
				h->fd, strerror(errno));
			free(s);
			goto fail;
		}
		TAILQ_INSERT_TAIL(&intr.sources, s, next);
	}
	TAILQ_FOREACH(e, &s->callbacks, next) {
		if (e->cb == cb && e->arg == cb_arg && !e->removed) {
			ret = -EEXIST;
			goto fail;
		}
	}
	TAILQ_INSERT_TAIL(&s->callbacks, c, next);
	pthread_mutex_unlock(&intr.lock);
	return 0;
fail:
	pthread_mutex_unlock(&intr.lock);
	free(c);
	return ret;
}

/* Called with intr.lock held: forget a source with no callback left. */
static void
source_release_if_empty(struct intr_source *s)
{
	if (!TAILQ_EMPTY(&s->callbacks) || s->active)
		return;
	epoll_ctl(intr.epfd, EPOLL_CTL_DEL, s->fd, NULL);
	TAILQ_REMOVE(&intr.sources, s, next);
	free(s);
}

static bool
callback_matches(const struct intr_callback *c, rte_intr_callback_fn cb, void *cb_arg)
{
	return c->cb == cb && (cb_arg == (void *)-1 || c->arg == cb_arg) && !c->removed;
}

int
rte_intr_callback_unregister(const struct rte_intr_handle *h, rte_intr_callback_fn cb,
			     void *cb_arg)
{
	struct intr_callback *c, *tmp;
	struct intr_source *s;
	int n = 0;

	if (h == NULL || h->fd < 0)
		return -EINVAL;
	pthread_mutex_lock(&intr.lock);
	s = source_find(h->fd);
	if (s == NULL) {
		pthread_mutex_unlock(&intr.lock);
		return -ENOENT;
	}
	if (s->active) {
		pthread_mutex_unlock(&intr.lock);
		return -EAGAIN;
	}
	TAILQ_FOREACH_SAFE(c, &s->callbacks, next, tmp) {
		if (callback_matches(c, cb, cb_arg)) {
			TAILQ_REMOVE(&s->callbacks, c, next);
			free(c);
			n++;
		}
	}
	source_release_if_empty(s);
	pthread_mutex_unlock(&intr.lock);
	return n > 0 ? n : -ENOENT;
}

int
rte_intr_callback_unregister_pending(const struct rte_intr_handle *h,
				     rte_intr_callback_fn cb, void *cb_arg,
				     rte_intr_unregister_callback_fn ucb_fn)
{
	struct intr_callback *c;
	struct intr_source *s;
	int n = 0;

	if (h == NULL || h->fd < 0)
		return -EINVAL;
	pthread_mutex_lock(&intr.lock);
	s = source_find(h->fd);
	/* Only for a source whose callbacks are running: the others go at once. */
	if (s == NULL || !s->active) {
		pthread_mutex_unlock(&intr.lock);
		return -EAGAIN;
	}
	TAILQ_FOREACH(c, &s->callbacks, next) {
		if (callback_matches(c, cb, cb_arg)) {
			c->removed = true;
			c->ucb = ucb_fn;
			n++;
		}
	}
	pthread_mutex_unlock(&intr.lock);
	return n > 0 ? n : -ENOENT;
}

int
rte_intr_callback_unregister_sync(const struct rte_intr_handle *h, rte_intr_callback_fn cb,
				  void *cb_arg)
{
	int ret;

	while ((ret = rte_intr_callback_unregister(h, cb, cb_arg)) == -EAGAIN) {
		/* Waiting for our own callbacks to finish would never end. */
		if (is_intr_thread)
			return -EDEADLK;
		pthread_mutex_lock(&intr.lock);
		while (source_find(h->fd) != NULL && source_find(h->fd)->active)
			pthread_cond_wait(&intr.idle, &intr.lock);
		pthread_mutex_unlock(&intr.lock);
	}
	return ret;
}

/* Run the callbacks of the source of fd, outside the lock. */
static void
source_dispatch(int fd)
{
	struct intr_callback *c, *tmp;
	struct intr_source *s;
	struct {
		rte_intr_callback_fn cb;
		void *arg;
	} calls[32];
	unsigned int i, n = 0;

	pthread_mutex_lock(&intr.lock);
	s = source_find(fd);
	if (s == NULL) {
		pthread_mutex_unlock(&intr.lock);
		return;
	}
	s->active = true;
	TAILQ_FOREACH(c, &s->callbacks, next) {
		if (n < RTE_DIM(calls)) {
			calls[n].cb = c->cb;
			calls[n].arg = c->arg;
			n++;
		}
	}
	pthread_mutex_unlock(&intr.lock);

	for (i = 0; i < n; i++)
		calls[i].cb(calls[i].arg);

	pthread_mutex_lock(&intr.lock);
	s->active = false;
	TAILQ_FOREACH_SAFE(c, &s->callbacks, next, tmp) {
		if (!c->removed)
			continue;
		TAILQ_REMOVE(&s->callbacks, c, next);
		if (c->ucb != NULL)
			c->ucb(&c->handle, c->arg);
		free(c);
	}
	source_release_if_empty(s);
	pthread_cond_broadcast(&intr.idle);
	pthread_mutex_unlock(&intr.lock);
}

static void *
intr_thread_main(void *arg)
{
	struct epoll_event ev[16];
	int i, n;

	RTE_SET_USED(arg);
	is_intr_thread = true;
	for (;;) {
		n = epoll_wait(intr.epfd, ev, RTE_DIM(ev), -1);
		for (i = 0; i < n; i++) {
			if (ev[i].data.fd == intr.stop_fd)
				return NULL;
			source_dispatch(ev[i].data.fd);
		}
	}
}

int
eal_intr_init(void)
{
	struct epoll_event ev = { .events = EPOLLIN };
	int ret;

	intr.epfd = epoll_create1(EPOLL_CLOEXEC);
	intr.stop_fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (intr.epfd < 0 || intr.stop_fd < 0) {
		RTE_LOG(ERR, EAL, "cannot set up the interrupt thread: %s\n", strerror(errno));
		return -errno;
	}
	ev.data.fd = intr.stop_fd;
	if (epoll_ctl(intr.epfd, EPOLL_CTL_ADD, intr.stop_fd, &ev) < 0)
		return -errno;
	ret = rte_ctrl_thread_create(&intr.thread, "eal-intr-thread", NULL,
				     intr_thread_main, NULL);
	if (ret < 0)
		return ret;
	intr.running = true;
	return 0;
}

void
eal_intr_cleanup(void)
{
	struct intr_source *s;
	struct intr_callback *c;
	uint64_t one = 1;

	if (intr.running) {
		if (write(intr.stop_fd, &one, sizeof(one)) < 0)
			RTE_LOG(ERR, EAL, "cannot stop the interrupt thread: %s\n", strerror(errno));
		pthread_join(intr.thread, NULL);
		intr.running = false;
	}
	pthread_mutex_lock(&intr.lock);
	while ((s = TAILQ_FIRST(&intr.sources)) != NULL) {
		while ((c = TAILQ_FIRST(&s->callbacks)) != NULL) {
			TAILQ_REMOVE(&s->callbacks, c, next);
			free(c);
		}
		TAILQ_REMOVE(&intr.sources, s, next);
		free(s);
	}
	pthread_mutex_unlock(&intr.lock);
	if (intr.epfd >= 0)
		close(intr.epfd);
	if (intr.stop_fd >= 0)
		close(intr.stop_fd);
	intr.epfd = intr.stop_fd = -1;
}
