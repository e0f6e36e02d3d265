/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Hotplug across processes (DESIGN §5).
 *
 * Attach, run by the primary's worker:
 *   1. attach locally; a failure ends it (-EEXIST goes on: the others may lack it);
 *   2. ATTACH to every secondary, gather the replies;
 *   3. all attached (or had it) -> done;
 *   4. else ATTACH_ROLLBACK to those that attached or did not answer, detach
 *      locally, answer the first error.
 * Detach:
 *   1. the primary's own vetoes, then PRE_DETACH to every secondary if any
 *      process of the group registered a veto: any refusal or silence ends
 *      it, nothing changed;
 *   2. DETACH to every secondary; a failure -> DETACH_ROLLBACK to those
 *      that detached or did not answer;
 *   3. detach locally; a failure -> DETACH_ROLLBACK to all.
 *
 * A rollback names the operation: a secondary undoes only what that
 * operation did to it, so sending one to a peer that never got (or never
 * acted on) the operation is harmless, and one that was stopped undoes it
 * when it wakes, its queue being processed in order.
 *
 * A secondary joins (JOIN) and leaves (LEAVE) through the primary's FIFO
 * too: joining registers it and returns the devices attached at that
 * moment, so every operation either came before (the device is in the
 * list) or after (the secondary gets the broadcast), never both, never
 * neither; leaving after the operations in flight means none of them
 * waits for a process that stopped serving.
 */

#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/queue.h>
#include <unistd.h>

#include <bus_driver.h>
#include <dev_driver.h>
#include <rte_bus.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>

#include "eal_internal_cfg.h"
#include "eal_peers.h"
#include "eal_private.h"
#include "hotplug_mp.h"

/* How many operations a secondary remembers, to roll them back. */
#define HP_HISTORY 64

struct hp_job {
	TAILQ_ENTRY(hp_job) next;
	struct eal_dev_mp_req req;
	char peer[EAL_MP_SOCK_NAMESIZE + 24]; /* remote: whom to answer; "" for a local caller */
	bool done;
	int result;
};

/* What a secondary did for an operation, in case it is rolled back. */
struct hp_history {
	uint64_t op_id;
	bool attached;
	bool detached;
	char devargs[EAL_DEV_MP_DEVARGS_MAX];
};

/* Process-local; everything below protected by hp.lock. */
static struct {
	pthread_mutex_t lock;
	pthread_cond_t cond;           /* a job queued, a job done, paused changed */
	TAILQ_HEAD(, hp_job) jobs;
	pthread_t thread;
	bool running;
	bool stop;
	bool paused;                   /* secondary, until its init has attached the list */
	bool busy;                     /* primary: a caller runs an operation itself */
	uint64_t next_op_id;
	struct hp_history history[HP_HISTORY];
	unsigned int history_next;
} hp = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.cond = PTHREAD_COND_INITIALIZER,
	.jobs = TAILQ_HEAD_INITIALIZER(hp.jobs),
};

static __thread bool in_hp_operation;

static bool
is_primary(void)
{
	return rte_eal_process_type() == RTE_PROC_PRIMARY;
}

static unsigned int
mp_timeout_ms(void)
{
	return eal_get_internal_configuration()->mp_timeout_ms;
}

static void
ms_to_ts(unsigned int ms, struct timespec *ts)
{
	ts->tv_sec = ms / 1000;
	ts->tv_nsec = (long)(ms % 1000) * 1000000;
}

static void
msg_init(struct rte_mp_msg *m, const struct eal_dev_mp_req *req)
{
	memset(m, 0, sizeof(*m));
	snprintf(m->name, sizeof(m->name), "%s", EAL_DEV_MP_ACTION);
	memcpy(m->param, req, sizeof(*req));
	m->len_param = sizeof(*req);
}

static const char *
type_name(uint32_t type)
{
	static const char *const names[] = {
		[EAL_DEV_REQ_TYPE_ATTACH] = "attach",
		[EAL_DEV_REQ_TYPE_DETACH] = "detach",
		[EAL_DEV_REQ_TYPE_JOIN] = "join",
		[EAL_DEV_REQ_TYPE_LEAVE] = "leave",
		[EAL_DEV_REQ_TYPE_ATTACH_ROLLBACK] = "attach rollback",
		[EAL_DEV_REQ_TYPE_DETACH_ROLLBACK] = "detach rollback",
		[EAL_DEV_REQ_TYPE_PRE_DETACH] = "pre-detach",
	};

	return type < RTE_DIM(names) && names[type] != NULL ? names[type] : "?";
}

void
eal_dev_hotplug_request_to_secondary(uint32_t type, const char *devargs, uint64_t op_id,
				     struct eal_dev_mp_outcome *out, unsigned int n,
				     unsigned int timeout_ms)
{
	struct eal_peer peers[EAL_MAX_SECONDARIES];
	struct eal_dev_mp_req req;
	struct rte_mp_reply reply;
	struct rte_mp_msg msg;
	struct timespec ts;
	unsigned int i;
	int j;

	if (n == 0)
		return;
	memset(&req, 0, sizeof(req));
	req.type = type;
	req.op_id = op_id;
	snprintf(req.devargs, sizeof(req.devargs), "%s", devargs);
	msg_init(&msg, &req);
	for (i = 0; i < n; i++) {
		peers[i] = out[i].peer;
		out[i].replied = false;
		out[i].result = 0;
		out[i].nb_vetoes = 0;
	}
	ms_to_ts(timeout_ms, &ts);
	eal_mp_request_peers(&msg, peers, n, &reply, &ts);
	for (j = 0; j < reply.nb_received; j++) {
		const struct eal_dev_mp_req *r = (const void *)reply.msgs[j].param;

		if (reply.msgs[j].len_param != sizeof(*r))
			continue;
		for (i = 0; i < n; i++) {
			if (out[i].peer.pid == r->pid && !out[i].replied) {
				out[i].replied = true;
				out[i].result = r->result;
				out[i].nb_vetoes = r->nb_vetoes;
			}
		}
	}
	free(reply.msgs);
	for (i = 0; i < n; i++) {
		if (!out[i].replied && !eal_peer_alive(&out[i].peer)) {
			out[i].replied = true;
			out[i].result = 0;
		}
	}
}

/* The secondaries, for one operation: the registry as it is now. */
static unsigned int
hp_peers(struct eal_dev_mp_outcome *out)
{
	struct eal_peer peers[EAL_MAX_SECONDARIES];
	unsigned int i, n = eal_peers_snapshot(peers, RTE_DIM(peers));

	for (i = 0; i < n; i++)
		out[i].peer = peers[i];
	return n;
}

/* The first failure of a broadcast (-ETIMEDOUT for silence), with who it was. */
static int
first_failure(const struct eal_dev_mp_outcome *out, unsigned int n, int ignored, pid_t *who)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		int r = out[i].replied ? out[i].result : -ETIMEDOUT;

		if (r < 0 && r != ignored) {
			*who = out[i].peer.pid;
			return r;
		}
	}
	return 0;
}

/*
 * Undo operation op_id in the secondaries that acted on it or did not
 * answer: the first are waited for, the silent ones only get it queued.
 */
static void
hp_rollback(uint32_t type, const char *devargs, uint64_t op_id,
	    const struct eal_dev_mp_outcome *out, unsigned int n)
{
	struct eal_dev_mp_outcome acted[EAL_MAX_SECONDARIES], silent[EAL_MAX_SECONDARIES];
	unsigned int i, na = 0, ns = 0;

	for (i = 0; i < n; i++) {
		if (!out[i].replied)
			silent[ns++] = out[i];
		else if (out[i].result == 0)
			acted[na++] = out[i];
	}
	eal_dev_hotplug_request_to_secondary(type, devargs, op_id, acted, na, mp_timeout_ms());
	for (i = 0; i < na; i++) {
		if (!acted[i].replied || acted[i].result < 0)
			RTE_LOG(ERR, EAL, "hotplug: %s of %s failed in process %d: it may be "
				"inconsistent\n", type_name(type), devargs, (int)acted[i].peer.pid);
	}
	eal_dev_hotplug_request_to_secondary(type, devargs, op_id, silent, ns, 0);
}

static int
primary_attach(const char *devargs, uint64_t op_id)
{
	struct eal_dev_mp_outcome out[EAL_MAX_SECONDARIES];
	struct rte_device *dev = NULL;
	unsigned int n;
	pid_t who = 0;
	int local, err;

	local = local_dev_probe(devargs, &dev);
	if (local < 0 && local != -EEXIST)
		return local;
	n = hp_peers(out);
	eal_dev_hotplug_request_to_secondary(EAL_DEV_REQ_TYPE_ATTACH, devargs, op_id, out, n,
					     mp_timeout_ms());
	err = first_failure(out, n, -EEXIST, &who);
	if (err == 0)
		return local;
	RTE_LOG(ERR, EAL, "hotplug: attach of %s failed in process %d (%s): rolling back\n",
		devargs, (int)who, strerror(-err));
	hp_rollback(EAL_DEV_REQ_TYPE_ATTACH_ROLLBACK, devargs, op_id, out, n);
	/* Undo our part only if this operation did it. */
	if (local == 0)
		local_dev_remove(dev);
	return err;
}

static int
primary_detach(const char *devargs, uint64_t op_id)
{
	struct eal_dev_mp_outcome out[EAL_MAX_SECONDARIES];
	struct rte_devargs da;
	struct rte_device *dev;
	uint32_t counted = 0;
	unsigned int i, n;
	uint64_t vetoes;
	pid_t who = 0;
	int err;

	err = rte_devargs_parse(&da, devargs);
	if (err < 0)
		return err;
	dev = da.bus->find_device(NULL, eal_dev_cmp_name, da.name);
	rte_devargs_reset(&da);
	if (dev == NULL || !rte_dev_is_probed(dev)) {
		RTE_LOG(ERR, EAL, "hotplug: detach of %s: no such device attached\n", devargs);
		return -ENOENT;
	}
	err = eal_dev_detach_vetoed(dev->name);
	if (err < 0)
		return err;
	n = hp_peers(out);
	/* No veto registered anywhere: nobody to ask. */
	vetoes = eal_dev_group_vetoes();
	if ((uint32_t)vetoes != 0) {
		eal_dev_hotplug_request_to_secondary(EAL_DEV_REQ_TYPE_PRE_DETACH, devargs, op_id,
						     out, n, mp_timeout_ms());
		err = first_failure(out, n, 0, &who);
		if (err < 0) {
			RTE_LOG(ERR, EAL, "hotplug: detach of %s refused by process %d (%s)\n",
				devargs, (int)who, strerror(-err));
			return err;
		}
		/* Everyone answered with their count: drop what dead processes left. */
		for (i = 0; i < n; i++)
			counted += out[i].nb_vetoes;
		eal_dev_group_vetoes_settle(vetoes, counted + eal_dev_vetoes_local());
	}
	eal_dev_hotplug_request_to_secondary(EAL_DEV_REQ_TYPE_DETACH, devargs, op_id, out, n,
					     mp_timeout_ms());
	err = first_failure(out, n, 0, &who);
	if (err < 0) {
		RTE_LOG(ERR, EAL, "hotplug: detach of %s failed in process %d (%s): "
			"rolling back\n", devargs, (int)who, strerror(-err));
		hp_rollback(EAL_DEV_REQ_TYPE_DETACH_ROLLBACK, devargs, op_id, out, n);
		return err;
	}
	err = local_dev_remove(dev);
	if (err < 0) {
		/* Every secondary detached: all of them get it back. */
		for (i = 0; i < n; i++)
			out[i].result = 0;
		hp_rollback(EAL_DEV_REQ_TYPE_DETACH_ROLLBACK, devargs, op_id, out, n);
	}
	return err;
}

/* The devices attached in this process, one "bus:name,args" per line, in a memfd. */
static int
device_list_fd(void)
{
	struct rte_device *dev = NULL;
	char line[EAL_DEV_MP_DEVARGS_MAX + 1];
	int fd = memfd_create("lockstep-devices", MFD_CLOEXEC);

	if (fd < 0)
		return -errno;
	while ((dev = eal_dev_next(dev)) != NULL) {
		if (!rte_dev_is_probed(dev) || eal_dev_devargs_str(dev, line, sizeof(line) - 1) < 0)
			continue;
		strcat(line, "\n");
		if (write(fd, line, strlen(line)) != (ssize_t)strlen(line)) {
			close(fd);
			return -EIO;
		}
	}
	return fd;
}

/* Primary: register a secondary and hand it the device list (one fd). */
static int
primary_join(const struct eal_dev_mp_req *req, struct rte_mp_msg *reply)
{
	struct eal_peer peer;
	unsigned long long start;
	int ret, fd;

	memset(&peer, 0, sizeof(peer));
	peer.pid = req->pid;
	if (sscanf(req->devargs, "%llu %63s", &start, peer.sock) != 2)
		return -EINVAL;
	peer.start_time = start;
	fd = device_list_fd();
	if (fd < 0)
		return fd;
	ret = eal_peers_register(&peer);
	if (ret < 0) {
		close(fd);
		return ret;
	}
	reply->num_fds = 1;
	reply->fds[0] = fd;
	return 0;
}

static struct hp_history *
history_of(uint64_t op_id)
{
	unsigned int i;

	for (i = 0; i < HP_HISTORY; i++) {
		if (hp.history[i].op_id == op_id)
			return &hp.history[i];
	}
	return NULL;
}

static struct hp_history *
history_new(uint64_t op_id)
{
	struct hp_history *h = &hp.history[hp.history_next++ % HP_HISTORY];

	memset(h, 0, sizeof(*h));
	h->op_id = op_id;
	return h;
}

/* The device a devargs string names, if attached here. */
static struct rte_device *
device_of(const char *devargs)
{
	struct rte_devargs da;
	struct rte_device *dev;

	if (rte_devargs_parse(&da, devargs) < 0)
		return NULL;
	dev = da.bus->find_device(NULL, eal_dev_cmp_name, da.name);
	rte_devargs_reset(&da);
	return rte_dev_is_probed(dev) ? dev : NULL;
}

/* Secondary: its part of an operation of the primary. */
static int
secondary_part(const struct eal_dev_mp_req *req, uint32_t *nb_vetoes)
{
	struct rte_device *dev = device_of(req->devargs);
	struct hp_history *h;
	int ret = 0;

	switch (req->type) {
	case EAL_DEV_REQ_TYPE_ATTACH:
		ret = local_dev_probe(req->devargs, NULL);
		history_new(req->op_id)->attached = ret == 0;
		break;
	case EAL_DEV_REQ_TYPE_ATTACH_ROLLBACK:
		h = history_of(req->op_id);
		if (h != NULL && h->attached && dev != NULL)
			ret = local_dev_remove(dev);
		if (h != NULL)
			h->attached = false;
		break;
	case EAL_DEV_REQ_TYPE_PRE_DETACH:
		if (dev != NULL)
			ret = eal_dev_detach_vetoed(dev->name);
		*nb_vetoes = eal_dev_vetoes_local();
		break;
	case EAL_DEV_REQ_TYPE_DETACH:
		h = history_new(req->op_id);
		if (dev == NULL)
			break;
		eal_dev_devargs_str(dev, h->devargs, sizeof(h->devargs));
		ret = local_dev_remove(dev);
		h->detached = ret == 0;
		break;
	case EAL_DEV_REQ_TYPE_DETACH_ROLLBACK:
		h = history_of(req->op_id);
		if (h != NULL && h->detached)
			ret = local_dev_probe(h->devargs, NULL);
		if (h != NULL)
			h->detached = false;
		break;
	default:
		ret = -EINVAL;
	}
	return ret;
}

/* Primary: one operation from its FIFO. */
static int
primary_job(const struct eal_dev_mp_req *req, struct rte_mp_msg *reply)
{
	uint64_t op_id = ++hp.next_op_id;
	struct eal_peer peer;

	switch (req->type) {
	case EAL_DEV_REQ_TYPE_ATTACH:
		return primary_attach(req->devargs, op_id);
	case EAL_DEV_REQ_TYPE_DETACH:
		return primary_detach(req->devargs, op_id);
	case EAL_DEV_REQ_TYPE_JOIN:
		return primary_join(req, reply);
	case EAL_DEV_REQ_TYPE_LEAVE:
		memset(&peer, 0, sizeof(peer));
		peer.pid = req->pid;
		peer.start_time = strtoull(req->devargs, NULL, 10);
		eal_peers_forget(&peer);
		return 0;
	default:
		return -EINVAL;
	}
}

static void *
hp_worker(void *arg)
{
	struct hp_job *job;
	struct rte_mp_msg reply;
	struct eal_dev_mp_req *r;

	RTE_SET_USED(arg);
	in_hp_operation = true;
	pthread_mutex_lock(&hp.lock);
	for (;;) {
		while (!hp.stop && (hp.paused || hp.busy || TAILQ_EMPTY(&hp.jobs)))
			pthread_cond_wait(&hp.cond, &hp.lock);
		if (hp.stop)
			break;
		job = TAILQ_FIRST(&hp.jobs);
		TAILQ_REMOVE(&hp.jobs, job, next);
		hp.busy = true;
		pthread_mutex_unlock(&hp.lock);

		msg_init(&reply, &job->req);
		r = (struct eal_dev_mp_req *)reply.param;
		r->result = is_primary() ? primary_job(&job->req, &reply) :
					   secondary_part(&job->req, &r->nb_vetoes);
		r->pid = getpid();

		if (job->peer[0] == '\0') {
			/* A caller of this process waits for it, and frees it. */
			pthread_mutex_lock(&hp.lock);
			job->result = r->result;
			job->done = true;
		} else {
			if (rte_mp_reply(&reply, job->peer) < 0)
				RTE_LOG(DEBUG, EAL, "hotplug: cannot answer %s of %s\n",
					type_name(job->req.type), job->req.devargs);
			if (reply.num_fds > 0)
				close(reply.fds[0]);
			free(job);
			pthread_mutex_lock(&hp.lock);
		}
		hp.busy = false;
		pthread_cond_broadcast(&hp.cond);
	}
	/* Jobs left at shutdown: callers are told, remote requesters time out. */
	while ((job = TAILQ_FIRST(&hp.jobs)) != NULL) {
		TAILQ_REMOVE(&hp.jobs, job, next);
		if (job->peer[0] == '\0') {
			job->result = -ESHUTDOWN;
			job->done = true;
		} else {
			free(job);
		}
	}
	pthread_cond_broadcast(&hp.cond);
	pthread_mutex_unlock(&hp.lock);
	return NULL;
}

static void
enqueue(struct hp_job *job)
{
	pthread_mutex_lock(&hp.lock);
	TAILQ_INSERT_TAIL(&hp.jobs, job, next);
	pthread_cond_broadcast(&hp.cond);
	pthread_mutex_unlock(&hp.lock);
}

/* On the rte_mp handler: queue the request for the worker, which answers. */
static int
hp_action(const struct rte_mp_msg *msg, const void *peer)
{
	const struct eal_dev_mp_req *req = (const void *)msg->param;
	struct hp_job *job;
	int i;

	for (i = 0; i < msg->num_fds; i++)
		close(msg->fds[i]);
	if (msg->len_param != sizeof(*req) ||
	    memchr(req->devargs, '\0', sizeof(req->devargs)) == NULL) {
		RTE_LOG(ERR, EAL, "hotplug: malformed request from %s\n", (const char *)peer);
		return -EINVAL;
	}
	job = calloc(1, sizeof(*job));
	if (job == NULL)
		return -ENOMEM;
	job->req = *req;
	snprintf(job->peer, sizeof(job->peer), "%s", (const char *)peer);
	enqueue(job);
	return 0;
}

/* Primary: run an operation through the FIFO and wait for it. */
static int
primary_request(uint32_t type, const char *devargs)
{
	struct hp_job *job;
	struct eal_dev_mp_req req;
	struct rte_mp_msg unused;
	int ret;

	memset(&req, 0, sizeof(req));
	req.type = type;
	snprintf(req.devargs, sizeof(req.devargs), "%s", devargs);
	/* Called from an operation (a driver attaching another device): run it now. */
	if (in_hp_operation)
		return primary_job(&req, &unused);
	if (!hp.running)
		return -ENOTSUP;
	/*
	 * Nothing queued or running: run it on this thread, saving two thread
	 * hand-offs; the worker waits meanwhile, which keeps the FIFO order.
	 */
	pthread_mutex_lock(&hp.lock);
	if (!hp.busy && TAILQ_EMPTY(&hp.jobs)) {
		hp.busy = true;
		pthread_mutex_unlock(&hp.lock);
		in_hp_operation = true;
		ret = primary_job(&req, &unused);
		in_hp_operation = false;
		pthread_mutex_lock(&hp.lock);
		hp.busy = false;
		pthread_cond_broadcast(&hp.cond);
		pthread_mutex_unlock(&hp.lock);
		return ret;
	}
	pthread_mutex_unlock(&hp.lock);
	job = calloc(1, sizeof(*job));
	if (job == NULL)
		return -ENOMEM;
	job->req = req;
	enqueue(job);
	pthread_mutex_lock(&hp.lock);
	while (!job->done)
		pthread_cond_wait(&hp.cond, &hp.lock);
	ret = job->result;
	pthread_mutex_unlock(&hp.lock);
	free(job);
	return ret;
}

int
eal_dev_hotplug_request_to_primary(struct eal_dev_mp_req *req, int *fd)
{
	struct rte_mp_reply reply;
	struct rte_mp_msg msg;
	struct timespec ts;
	int ret, i;

	req->pid = getpid();
	msg_init(&msg, req);
	ms_to_ts(RTE_MAX(60000u, 20 * mp_timeout_ms()), &ts);
	ret = rte_mp_request_sync(&msg, &reply, &ts);
	if (reply.nb_received != 1) {
		RTE_LOG(ERR, EAL, "hotplug: the primary did not answer the %s of %s: %s\n",
			type_name(req->type), req->devargs,
			ret < 0 ? rte_strerror(rte_errno) : "it is gone");
		free(reply.msgs);
		return -ENOTCONN;
	}
	ret = ((const struct eal_dev_mp_req *)reply.msgs[0].param)->result;
	for (i = 0; i < reply.msgs[0].num_fds; i++) {
		if (fd != NULL && i == 0)
			*fd = reply.msgs[0].fds[0];
		else
			close(reply.msgs[0].fds[i]);
	}
	free(reply.msgs);
	return ret;
}

/* rte_dev_probe/rte_dev_remove with a devargs string, in every process. */
static int
hotplug(uint32_t type, const char *devargs)
{
	struct eal_dev_mp_req req;
	struct rte_devargs da;
	struct rte_device *dev;
	int ret;

	if (devargs == NULL)
		return -EINVAL;
	if (strlen(devargs) >= sizeof(req.devargs)) {
		RTE_LOG(ERR, EAL, "hotplug: device arguments of %zu characters do not fit a "
			"multi-process request (at most %zu): '%.40s...'\n", strlen(devargs),
			sizeof(req.devargs) - 1, devargs);
		return -ENAMETOOLONG;
	}
	/* Bad input fails here, once, before any process is involved. */
	ret = rte_devargs_parse(&da, devargs);
	if (ret < 0)
		return ret;
	rte_devargs_reset(&da);
	if (eal_mp_in_handler()) {
		RTE_LOG(ERR, EAL, "hotplug of %s from the rte_mp_handle thread would wait for "
			"itself\n", devargs);
		return -EDEADLK;
	}
	if (is_primary())
		return primary_request(type, devargs);
	/* A secondary's worker acting for the primary: its own part only. */
	if (in_hp_operation) {
		if (type == EAL_DEV_REQ_TYPE_ATTACH)
			return local_dev_probe(devargs, NULL);
		dev = device_of(devargs);
		return dev != NULL ? local_dev_remove(dev) : -ENOENT;
	}
	memset(&req, 0, sizeof(req));
	req.type = type;
	snprintf(req.devargs, sizeof(req.devargs), "%s", devargs);
	return eal_dev_hotplug_request_to_primary(&req, NULL);
}

bool
rte_dev_hotplug_nestable(void)
{
	return in_hp_operation;
}

int
rte_dev_probe(const char *devargs)
{
	return hotplug(EAL_DEV_REQ_TYPE_ATTACH, devargs);
}

int
rte_dev_remove(struct rte_device *dev)
{
	char devargs[EAL_DEV_MP_DEVARGS_MAX];

	if (dev == NULL || !rte_dev_is_probed(dev))
		return -ENOENT;
	if (eal_dev_devargs_str(dev, devargs, sizeof(devargs)) < 0) {
		RTE_LOG(ERR, EAL, "hotplug: the arguments of %s do not fit a request\n", dev->name);
		return -ENAMETOOLONG;
	}
	return hotplug(EAL_DEV_REQ_TYPE_DETACH, devargs);
}

int
rte_eal_hotplug_add(const char *busname, const char *devname, const char *drvargs)
{
	char *devargs;
	int ret;

	if (busname == NULL || devname == NULL)
		return -EINVAL;
	if (asprintf(&devargs, "%s:%s%s%s", busname, devname,
		     drvargs != NULL && drvargs[0] != '\0' ? "," : "",
		     drvargs != NULL ? drvargs : "") < 0)
		return -ENOMEM;
	ret = rte_dev_probe(devargs);
	free(devargs);
	return ret;
}

int
rte_eal_hotplug_remove(const char *busname, const char *devname)
{
	struct rte_device *dev;

	if (busname == NULL || devname == NULL)
		return -EINVAL;
	if (rte_bus_find_by_name(busname) == NULL) {
		RTE_LOG(ERR, EAL, "hotplug: no bus named %s\n", busname);
		return -ENOENT;
	}
	dev = eal_dev_find(busname, devname);
	if (dev == NULL) {
		RTE_LOG(ERR, EAL, "hotplug: no device %s on bus %s\n", devname, busname);
		return -ENOENT;
	}
	return rte_dev_remove(dev);
}

/*
 * Secondary: join through the primary's FIFO and attach what it has; only
 * then may our worker act on the operations queued since.
 */
static int
secondary_join(void)
{
	const struct eal_peer *self = eal_mp_self();
	struct eal_dev_mp_req req;
	char line[EAL_DEV_MP_DEVARGS_MAX + 2];
	int fd = -1, ret;
	FILE *f;

	memset(&req, 0, sizeof(req));
	req.type = EAL_DEV_REQ_TYPE_JOIN;
	snprintf(req.devargs, sizeof(req.devargs), "%" PRIu64 " %s", self->start_time, self->sock);
	ret = eal_dev_hotplug_request_to_primary(&req, &fd);
	if (ret == -EPERM)
		RTE_LOG(ERR, EAL, "the primary of --file-prefix '%s' disabled multi-process: "
			"secondaries cannot join\n", eal_get_internal_configuration()->file_prefix);
	else if (ret == -ENOSPC)
		RTE_LOG(ERR, EAL, "the group already has %d secondaries\n", EAL_MAX_SECONDARIES);
	if (ret < 0)
		return ret;
	if (fd < 0)
		return -EPROTO;
	f = fdopen(fd, "r");
	if (f == NULL) {
		close(fd);
		return -errno;
	}
	rewind(f);
	while (ret == 0 && fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		ret = local_dev_probe(line, NULL);
		if (ret == -EEXIST)
			ret = 0;
		if (ret < 0)
			RTE_LOG(ERR, EAL, "cannot attach %s, which the primary has: %s\n",
				line, strerror(-ret));
	}
	fclose(f);
	return ret;
}

int
eal_hotplug_init(void)
{
	int ret;

	ret = rte_mp_action_register(EAL_DEV_MP_ACTION, hp_action);
	if (ret < 0)
		return -rte_errno;
	eal_dev_vetoes_share(true);
	hp.stop = false;
	hp.paused = !is_primary();
	ret = rte_ctrl_thread_create(&hp.thread, "eal-hotplug", NULL, hp_worker, NULL);
	if (ret < 0)
		return ret;
	hp.running = true;
	if (!is_primary()) {
		ret = secondary_join();
		if (ret < 0)
			return ret;
		pthread_mutex_lock(&hp.lock);
		hp.paused = false;
		pthread_cond_broadcast(&hp.cond);
		pthread_mutex_unlock(&hp.lock);
	}
	return 0;
}

void
eal_hotplug_cleanup(void)
{
	const struct eal_peer *self = eal_mp_self();
	struct eal_dev_mp_req req;

	eal_dev_vetoes_share(false);
	/* Leave between operations: none in flight counts on us afterwards. */
	if (!is_primary() && hp.running && !hp.paused) {
		memset(&req, 0, sizeof(req));
		req.type = EAL_DEV_REQ_TYPE_LEAVE;
		snprintf(req.devargs, sizeof(req.devargs), "%" PRIu64, self->start_time);
		eal_dev_hotplug_request_to_primary(&req, NULL);
	}
	if (hp.running) {
		pthread_mutex_lock(&hp.lock);
		hp.stop = true;
		pthread_cond_broadcast(&hp.cond);
		pthread_mutex_unlock(&hp.lock);
		pthread_join(hp.thread, NULL);
		hp.running = false;
	}
	rte_mp_action_unregister(EAL_DEV_MP_ACTION);
}
