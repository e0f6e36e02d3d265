/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Handing a port's socket fds to secondaries.
 *
 * The primary keeps a list of its ports and, while it has one, serves the
 * rte_mp action "net_af_packet_fds": a request names a port and its first
 * queue pair; the reply carries that pair's fd and the following ones, up
 * to RTE_MP_MAX_FD_NUM (SCM_RIGHTS makes them the secondary's copies of
 * the same sockets). A secondary asks until it has every pair's.
 *
 * The reply is sent under the list's lock, and a port leaves the list
 * before its fds are closed, so no reply ever carries a closed fd. The
 * answer comes from the primary's rte_mp thread at once: it never waits
 * for the hotplug operation that made the secondary ask.
 */

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_string_fns.h>

#include "af_packet_private.h"

#define AFP_MP_ACTION "net_af_packet_fds"
#define AFP_MP_TIMEOUT_S 5

struct afp_mp_req {
	char name[RTE_ETH_NAME_MAX_LEN];
	uint16_t first;
};

struct afp_mp_reply {
	int32_t result;
	uint16_t first;
	uint16_t count;
};

/* The primary's ports, process-local; protected by lock, as is registered. */
static struct {
	pthread_mutex_t lock;
	TAILQ_HEAD(, afp_proc) ports;
	bool registered;
} reg = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.ports = TAILQ_HEAD_INITIALIZER(reg.ports),
};

static struct afp_proc *
find(const char *name)
{
	struct afp_proc *pp;

	TAILQ_FOREACH(pp, &reg.ports, next) {
		if (strcmp(pp->name, name) == 0)
			return pp;
	}
	return NULL;
}

/* Primary, on the rte_mp thread. */
static int
fds_action(const struct rte_mp_msg *msg, const void *peer)
{
	const struct afp_mp_req *req = (const void *)msg->param;
	struct afp_mp_reply *r;
	struct rte_mp_msg reply;
	struct afp_proc *pp;
	int i, ret;

	for (i = 0; i < msg->num_fds; i++)
		close(msg->fds[i]);
	if (msg->len_param != sizeof(*req) ||
	    strnlen(req->name, sizeof(req->name)) == sizeof(req->name)) {
		AFP_LOG(ERR, "malformed request for socket fds from %s\n", (const char *)peer);
		return -EINVAL;
	}
	memset(&reply, 0, sizeof(reply));
	rte_strlcpy(reply.name, AFP_MP_ACTION, sizeof(reply.name));
	reply.len_param = sizeof(*r);
	r = (struct afp_mp_reply *)reply.param;
	r->first = req->first;
	pthread_mutex_lock(&reg.lock);
	pp = find(req->name);
	if (pp == NULL || req->first >= pp->nb_qpairs) {
		r->result = -ENODEV;
		AFP_LOG(ERR, "a secondary asked for the sockets of %s from queue pair %u, which "
			"the primary does not have\n", req->name, req->first);
	} else {
		r->count = (uint16_t)RTE_MIN(pp->nb_qpairs - req->first, RTE_MP_MAX_FD_NUM);
		for (i = 0; i < r->count; i++)
			reply.fds[i] = pp->qp[req->first + i].fd;
		reply.num_fds = r->count;
	}
	ret = rte_mp_reply(&reply, peer);
	pthread_mutex_unlock(&reg.lock);
	return ret;
}

int
afp_mp_publish(struct afp_proc *pp)
{
	int ret = 0;

	pthread_mutex_lock(&reg.lock);
	if (!reg.registered) {
		if (rte_mp_action_register(AFP_MP_ACTION, fds_action) < 0 && rte_errno != EEXIST) {
			ret = -rte_errno;
			AFP_LOG(ERR, "%s: cannot serve its sockets to secondaries: %s\n", pp->name,
				rte_strerror(rte_errno));
		} else {
			reg.registered = true;
		}
	}
	if (ret == 0)
		TAILQ_INSERT_TAIL(&reg.ports, pp, next);
	pthread_mutex_unlock(&reg.lock);
	return ret;
}

void
afp_mp_withdraw(struct afp_proc *pp)
{
	struct afp_proc *p;

	pthread_mutex_lock(&reg.lock);
	TAILQ_FOREACH(p, &reg.ports, next) {
		if (p == pp) {
			TAILQ_REMOVE(&reg.ports, pp, next);
			break;
		}
	}
	/* The last port gone: nothing to serve. */
	if (reg.registered && TAILQ_EMPTY(&reg.ports)) {
		rte_mp_action_unregister(AFP_MP_ACTION);
		reg.registered = false;
	}
	pthread_mutex_unlock(&reg.lock);
}

static void
close_reply_fds(struct rte_mp_reply *reply)
{
	int i, j;

	for (i = 0; i < reply->nb_received; i++) {
		for (j = 0; j < reply->msgs[i].num_fds; j++) {
			if (reply->msgs[i].fds[j] >= 0)
				close(reply->msgs[i].fds[j]);
		}
	}
	free(reply->msgs);
}

/* One round trip: the fds from pair first on; how many came, or a negative errno. */
static int
fetch_some(const char *name, uint16_t first, uint16_t nb, int *fds)
{
	struct timespec ts = { .tv_sec = AFP_MP_TIMEOUT_S };
	const struct afp_mp_reply *r;
	struct rte_mp_reply reply;
	struct afp_mp_req *req;
	struct rte_mp_msg msg;
	int i, ret;

	memset(&msg, 0, sizeof(msg));
	rte_strlcpy(msg.name, AFP_MP_ACTION, sizeof(msg.name));
	req = (struct afp_mp_req *)msg.param;
	rte_strlcpy(req->name, name, sizeof(req->name));
	req->first = first;
	msg.len_param = sizeof(*req);
	memset(&reply, 0, sizeof(reply));
	if (rte_mp_request_sync(&msg, &reply, &ts) < 0 || reply.nb_received != 1) {
		ret = reply.nb_received == 0 ? -rte_errno : -EPROTO;
		AFP_LOG(ERR, "%s: the primary did not hand over its sockets: %s\n", name,
			reply.nb_received == 0 ? rte_strerror(rte_errno) : "too many replies");
		close_reply_fds(&reply);
		return ret != 0 ? ret : -ETIMEDOUT;
	}
	r = (const void *)reply.msgs[0].param;
	if (reply.msgs[0].len_param != sizeof(*r))
		ret = -EPROTO;
	else if (r->result < 0)
		ret = r->result;
	else if (r->first != first || r->count == 0 || r->count > nb - first ||
		 r->count != reply.msgs[0].num_fds)
		ret = -EPROTO;
	else
		ret = r->count;
	if (ret < 0) {
		AFP_LOG(ERR, "%s: the primary did not hand over its sockets: %s\n", name,
			ret == -EPROTO ? "malformed reply" : strerror(-ret));
	} else {
		for (i = 0; i < ret; i++) {
			fds[first + i] = reply.msgs[0].fds[i];
			reply.msgs[0].fds[i] = -1;
		}
	}
	close_reply_fds(&reply);
	return ret;
}

int
afp_mp_fetch(const char *name, uint16_t nb, int *fds)
{
	uint16_t have = 0, i;
	int ret = 0;

	while (ret >= 0 && have < nb) {
		ret = fetch_some(name, have, nb, fds);
		if (ret > 0)
			have = (uint16_t)(have + ret);
	}
	if (ret < 0) {
		for (i = 0; i < have; i++) {
			close(fds[i]);
			fds[i] = -1;
		}
		return ret;
	}
	return 0;
}
