/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * rte_mp: round trip to one peer and broadcast to many; and, to show what
 * bounds the broadcast on this machine, the same exchange over bare Unix
 * datagram sockets between forked processes, without any library.
 */

#include <errno.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>

#include "bench.h"
#include "mp_harness.h"

static int
act_echo(const struct rte_mp_msg *msg, const void *peer)
{
	struct rte_mp_msg r = *msg;

	return rte_mp_reply(&r, peer);
}

static int
cmd_bench_echo_on(const char *args, char *reply, size_t size)
{
	(void)args;
	snprintf(reply, size, "%d", rte_mp_action_register("bench_echo", act_echo));
	return 0;
}
REGISTER_MP_COMMAND(bench_echo_on, cmd_bench_echo_on);

/* "bench_rtt N PEERS": median ns of N rte_mp_request_sync, each answered by PEERS. */
static int
cmd_bench_rtt(const char *args, char *reply, size_t size)
{
	struct timespec ts = { .tv_sec = 5 };
	unsigned int n, peers, i;
	struct rte_mp_msg m;
	double *ns;

	if (sscanf(args, "%u %u", &n, &peers) != 2 || n == 0)
		return snprintf(reply, size, "usage"), 0;
	ns = calloc(n, sizeof(*ns));
	if (ns == NULL)
		return snprintf(reply, size, "nomem"), 0;
	memset(&m, 0, sizeof(m));
	snprintf(m.name, sizeof(m.name), "bench_echo");
	m.len_param = 64;
	for (i = 0; i < n; i++) {
		struct rte_mp_reply r;
		uint64_t start = rte_rdtsc_precise();
		int ret = rte_mp_request_sync(&m, &r, &ts);

		ns[i] = (double)(rte_rdtsc_precise() - start) * bench_ns_per_cycle();
		free(r.msgs);
		if (ret < 0 || r.nb_received != (int)peers) {
			free(ns);
			return snprintf(reply, size, "failed %d %d", ret, r.nb_received), 0;
		}
	}
	snprintf(reply, size, "%.0f", bench_median(ns, n));
	free(ns);
	return 0;
}
REGISTER_MP_COMMAND(bench_rtt, cmd_bench_rtt);

/* Start a primary and n secondaries answering bench_echo; NULL on failure. */
static struct mp_proc *
group_start(struct mp_proc **sec, unsigned int n)
{
	struct mp_proc *p = bench_group_start(sec, n);
	char r[64];
	unsigned int i;

	if (p == NULL || mp_call(p, r, sizeof(r), "bench_echo_on") < 0)
		return NULL;
	for (i = 0; i < n; i++) {
		if (mp_call(sec[i], r, sizeof(r), "bench_echo_on") < 0)
			return NULL;
	}
	return p;
}

static int
measure(struct mp_proc *p, unsigned int n, unsigned int peers, const char *name)
{
	char r[64];

	if (mp_call(p, r, sizeof(r), "bench_rtt %u %u", n, peers) < 0 || atof(r) <= 0) {
		fprintf(stderr, "%s: %s\n", name, r);
		return -1;
	}
	bench_report(name, atof(r) / 1000.0, "us");
	return 0;
}

#define BARE_PEERS 16
#define BARE_MSG 368 /* about an rte_mp datagram */

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/* Only system calls: children of a multi-threaded parent call it. */
static int
bare_socket(const struct sockaddr_un *a)
{
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (fd < 0 || bind(fd, (const struct sockaddr *)a, sizeof(*a)) < 0) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

/* A child: echo every datagram to its sender, sleeping in recv between them. */
static void
bare_echo(const struct sockaddr_un *self)
{
	struct sockaddr_un src;
	char buf[BARE_MSG];
	socklen_t len;
	ssize_t n;
	int fd;

	prctl(PR_SET_PDEATHSIG, SIGKILL);
	fd = bare_socket(self);
	if (fd < 0)
		_exit(1);
	for (;;) {
		len = sizeof(src);
		n = recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&src, &len);
		if (n > 0)
			sendto(fd, buf, (size_t)n, 0, (struct sockaddr *)&src, len);
	}
}

/*
 * Median µs of a request to BARE_PEERS forked processes and their replies
 * over bare sockets, the requester polling 50 µs before sleeping as
 * rte_mp does; -1 on error. The children are killed on every path.
 */
static double
bare_broadcast_us(unsigned int iters)
{
	static double us[1000];
	char dir[] = "/tmp/lockstep-bare.XXXXXX";
	struct sockaddr_un dst[BARE_PEERS + 1];    /* the children, then ourselves */
	pid_t kids[BARE_PEERS];
	char buf[BARE_MSG];
	double result = -1;
	unsigned int i, k, nkids = 0, got;
	int fd = -1;

	iters = RTE_MIN(iters, (unsigned int)RTE_DIM(us));
	memset(buf, 0x5a, sizeof(buf));
	if (mkdtemp(dir) == NULL)
		return -1;
	memset(dst, 0, sizeof(dst));
	for (k = 0; k <= BARE_PEERS; k++) {
		dst[k].sun_family = AF_UNIX;
		snprintf(dst[k].sun_path, sizeof(dst[k].sun_path), "%.40s/s%u", dir, k);
	}
	for (k = 0; k < BARE_PEERS; k++) {
		kids[k] = fork();
		if (kids[k] < 0)
			goto out;
		if (kids[k] == 0)
			bare_echo(&dst[k]);
		nkids++;
	}
	fd = bare_socket(&dst[BARE_PEERS]);
	if (fd < 0)
		goto out;
	/* Wait until every child has bound its socket. */
	for (k = 0; k < BARE_PEERS; k++) {
		for (i = 0; i < 2000 && access(dst[k].sun_path, F_OK) != 0; i++)
			usleep(1000);
	}
	for (i = 0; i < iters; i++) {
		double start = now_us();

		for (k = 0; k < BARE_PEERS; k++) {
			if (sendto(fd, buf, sizeof(buf), 0, (struct sockaddr *)&dst[k],
				   sizeof(dst[k])) < 0)
				goto out;
		}
		for (got = 0; got < BARE_PEERS; ) {
			struct pollfd pfd = { .fd = fd, .events = POLLIN };

			if (recv(fd, buf, sizeof(buf), MSG_DONTWAIT) > 0)
				got++;
			else if (now_us() - start < 50)
				sched_yield();
			else if (poll(&pfd, 1, 5000) <= 0)
				goto out;
		}
		us[i] = now_us() - start;
	}
	result = bench_median(us, iters);
out:
	for (k = 0; k < nkids; k++) {
		kill(kids[k], SIGKILL);
		waitpid(kids[k], NULL, 0);
	}
	if (fd >= 0)
		close(fd);
	for (k = 0; k <= BARE_PEERS; k++)
		unlink(dst[k].sun_path);
	rmdir(dir);
	return result;
}

static int
bench_mp(void)
{
	struct mp_proc *sec[16];
	struct mp_proc *p;
	int ret = 0;

	p = group_start(sec, 1);
	if (p == NULL)
		return -1;
	ret |= measure(p, 5000, 1, "rte_mp_request_sync primary -> 1 secondary");
	ret |= measure(sec[0], 5000, 1, "rte_mp_request_sync secondary -> primary");
	mp_cleanup_all();

	p = group_start(sec, RTE_DIM(sec));
	if (p == NULL)
		return -1;
	ret |= measure(p, 1000, RTE_DIM(sec), "rte_mp_request_sync broadcast -> 16 secondaries");
	mp_cleanup_all();

	{
		double us = bare_broadcast_us(1000);

		if (us < 0)
			return -1;
		bench_report("bare socket broadcast -> 16 processes (floor)", us, "us");
	}
	return ret;
}
REGISTER_BENCH(mp, bench_mp);
