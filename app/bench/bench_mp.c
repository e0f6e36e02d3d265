/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/* rte_mp: round trip to one peer and broadcast to many. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	return ret;
}
REGISTER_BENCH(mp, bench_mp);
