/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The tun queue fds of tap ports across processes. File descriptors are
 * per process: the primary opens a port's at probe and answers the
 * requests of secondaries (action TAP_MP_ACTION, the port's name in,
 * every fd of the port out with SCM_RIGHTS); a secondary asks at its
 * probe and keeps the copies as the port's process_private. Closing a
 * copy leaves the primary's open; the interface goes when the primary,
 * last, closes its own (unless it persists).
 */

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_string_fns.h>

#include "tap.h"

#define TAP_MP_ACTION "net_tap_fds"
#define TAP_MP_TIMEOUT_S 5

/* Request: the port's name; reply: the same and the result, the fds beside. */
struct tap_mp_param {
	char name[RTE_ETH_NAME_MAX_LEN];
	int32_t result;
};

/*
 * This process's published tap_procs. procs_lock protects the list, and
 * keeps the fds of a listed tap_proc open while the primary sends them.
 */
static pthread_mutex_t procs_lock = PTHREAD_MUTEX_INITIALIZER;
static LIST_HEAD(, tap_proc) procs = LIST_HEAD_INITIALIZER(procs);

static bool
is_primary(void)
{
	return rte_eal_process_type() == RTE_PROC_PRIMARY;
}

/* Primary, on the rte_mp handler thread: the fds of the port a secondary asks for. */
static int
serve_fds(const struct rte_mp_msg *msg, const void *peer)
{
	const struct tap_mp_param *req = (const void *)msg->param;
	struct tap_mp_param *rep;
	struct rte_mp_msg reply;
	struct tap_proc *pp;
	int i, ret;

	for (i = 0; i < msg->num_fds; i++)
		close(msg->fds[i]);
	memset(&reply, 0, sizeof(reply));
	rte_strlcpy(reply.name, TAP_MP_ACTION, sizeof(reply.name));
	reply.len_param = sizeof(*rep);
	rep = (struct tap_mp_param *)reply.param;
	if (msg->len_param != sizeof(*req) ||
	    memchr(req->name, '\0', sizeof(req->name)) == NULL) {
		TAP_LOG(ERR, "malformed request for tap fds from %s\n", (const char *)peer);
		rep->result = -EINVAL;
		return rte_mp_reply(&reply, peer);
	}
	rte_strlcpy(rep->name, req->name, sizeof(rep->name));
	pthread_mutex_lock(&procs_lock);
	LIST_FOREACH(pp, &procs, next) {
		if (strcmp(pp->name, req->name) == 0)
			break;
	}
	if (pp == NULL) {
		rep->result = -ENODEV;
	} else {
		reply.num_fds = TAP_MAX_QUEUES;
		memcpy(reply.fds, pp->fds, sizeof(pp->fds));
	}
	/* Sent under the lock: the port cannot close its fds meanwhile. */
	ret = rte_mp_reply(&reply, peer);
	pthread_mutex_unlock(&procs_lock);
	return ret;
}

int
tap_proc_publish(struct tap_proc *pp)
{
	int ret = 0;

	pthread_mutex_lock(&procs_lock);
	/* The first port of the primary starts the service; a group without rte_mp needs none. */
	if (is_primary() && LIST_EMPTY(&procs) &&
	    rte_mp_action_register(TAP_MP_ACTION, serve_fds) < 0 &&
	    rte_errno != EEXIST && rte_errno != ENOTSUP) {
		ret = -rte_errno;
		TAP_LOG(ERR, "%s: cannot serve its fds to secondaries (rte_mp action %s): %s\n",
			pp->name, TAP_MP_ACTION, rte_strerror(rte_errno));
	}
	if (ret == 0) {
		LIST_INSERT_HEAD(&procs, pp, next);
		pp->published = true;
	}
	pthread_mutex_unlock(&procs_lock);
	return ret;
}

void
tap_proc_free(struct tap_proc *pp)
{
	if (pp == NULL)
		return;
	pthread_mutex_lock(&procs_lock);
	if (pp->published) {
		LIST_REMOVE(pp, next);
		pp->published = false;
		if (is_primary() && LIST_EMPTY(&procs))
			rte_mp_action_unregister(TAP_MP_ACTION);
	}
	pthread_mutex_unlock(&procs_lock);
	tap_intf_close(pp->fds, TAP_MAX_QUEUES);
	free(pp);
}

static void
close_received(const struct rte_mp_msg *m)
{
	int i;

	for (i = 0; i < m->num_fds; i++)
		close(m->fds[i]);
}

int
tap_proc_fetch(const char *name, struct tap_proc **out)
{
	const struct timespec ts = { .tv_sec = TAP_MP_TIMEOUT_S, .tv_nsec = 0 };
	const struct tap_mp_param *rep;
	struct tap_mp_param *p;
	struct rte_mp_reply reply;
	struct rte_mp_msg req;
	struct tap_proc *pp;
	const struct rte_mp_msg *m;
	int ret;

	memset(&req, 0, sizeof(req));
	rte_strlcpy(req.name, TAP_MP_ACTION, sizeof(req.name));
	req.len_param = sizeof(*p);
	p = (struct tap_mp_param *)req.param;
	rte_strlcpy(p->name, name, sizeof(p->name));
	ret = rte_mp_request_sync(&req, &reply, &ts);
	if (ret < 0 || reply.nb_received != 1) {
		TAP_LOG(ERR, "%s: the primary did not hand over the port's fds: %s\n", name,
			ret < 0 ? rte_strerror(rte_errno) : "no answer");
		free(reply.msgs);
		return ret < 0 && rte_errno != 0 ? -rte_errno : -ENOTCONN;
	}
	m = &reply.msgs[0];
	rep = (const struct tap_mp_param *)m->param;
	ret = m->len_param != sizeof(*rep) ? -EPROTO : rep->result;
	if (ret == 0 && m->num_fds != TAP_MAX_QUEUES)
		ret = -EPROTO;
	pp = ret == 0 ? calloc(1, sizeof(*pp)) : NULL;
	if (pp == NULL) {
		if (ret == 0)
			ret = -ENOMEM;
		TAP_LOG(ERR, "%s: no fds of the port from the primary: %s\n", name,
			strerror(-ret));
		close_received(m);
		free(reply.msgs);
		return ret;
	}
	rte_strlcpy(pp->name, name, sizeof(pp->name));
	memcpy(pp->fds, m->fds, sizeof(pp->fds));
	free(reply.msgs);
	*out = pp;
	return 0;
}
