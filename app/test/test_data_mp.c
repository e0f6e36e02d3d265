/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The data path across processes (group data_mp): a ring between a
 * producer in the primary and a consumer in a secondary, a ring with two
 * producer and two consumer processes, a mempool drained and refilled by
 * two processes, and mbufs allocated in a secondary and freed in the
 * primary. Every long command gives up after the time limit it is given,
 * and the test waits for it a little longer than that.
 */

#include <errno.h>
#include <inttypes.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_memzone.h>
#include <rte_pause.h>
#include <rte_random.h>
#include <rte_ring.h>

#include "mp_group.h"
#include "test.h"

/* Seconds a command may run, and how long the test waits for its reply. */
#define CMD_LIMIT_S 60
#define REPLY_WAIT_MS ((CMD_LIMIT_S + 15) * 1000)

#define MAX_PRODUCERS 4
#define SEQ_BITS 48

/* Values on the rings: producer id above the sequence number. */
static uintptr_t
tag(unsigned int id, uint64_t seq)
{
	return ((uintptr_t)id << SEQ_BITS) | (uintptr_t)seq;
}

static uint64_t
deadline_after(unsigned int seconds)
{
	return rte_get_timer_cycles() + (uint64_t)seconds * rte_get_timer_hz();
}

/* Spin politely: with more processes than cpus, let the one we wait for run. */
static void
backoff(unsigned int *misses)
{
	if (++*misses % 64 == 0)
		sched_yield();
	else
		rte_pause();
}

/* The consumers' shared progress counter of a ring: a memzone next to it. */
static uint64_t *
ring_counter(const char *ring_name)
{
	char name[RTE_MEMZONE_NAMESIZE];
	const struct rte_memzone *mz;

	if ((size_t)snprintf(name, sizeof(name), "dp_cnt_%s", ring_name) >= sizeof(name))
		return NULL;
	mz = rte_memzone_lookup(name);
	if (mz == NULL)
		mz = rte_memzone_reserve(name, sizeof(uint64_t), SOCKET_ID_ANY, 0);
	return mz == NULL ? NULL : mz->addr;
}

/* "dp_ring_create NAME COUNT FLAGS" -> "ok" (also zeroes its counter) */
static int
cmd_ring_create(const char *args, char *reply, size_t size)
{
	char name[RTE_RING_NAMESIZE];
	unsigned int count, flags;
	uint64_t *counter;

	if (sscanf(args, "%28s %u %u", name, &count, &flags) != 3)
		return snprintf(reply, size, "usage"), 0;
	if (rte_ring_create(name, count, SOCKET_ID_ANY, flags) == NULL)
		return snprintf(reply, size, "err %d", rte_errno), 0;
	counter = ring_counter(name);
	if (counter == NULL)
		return snprintf(reply, size, "err %d", rte_errno), 0;
	__atomic_store_n(counter, 0, __ATOMIC_RELAXED);
	snprintf(reply, size, "ok");
	return 0;
}
REGISTER_MP_COMMAND(dp_ring_create, cmd_ring_create);

/* "dp_ring_count NAME" -> "COUNT" */
static int
cmd_ring_count(const char *args, char *reply, size_t size)
{
	struct rte_ring *r = rte_ring_lookup(args);

	if (r == NULL)
		return snprintf(reply, size, "missing"), 0;
	snprintf(reply, size, "%u", rte_ring_count(r));
	return 0;
}
REGISTER_MP_COMMAND(dp_ring_count, cmd_ring_count);

/*
 * "dp_produce NAME ID COUNT" -> "ok SENT" or "timeout SENT": enqueue
 * tag(ID, 0..COUNT-1) in batches of 1 to 32, alternating all-or-nothing
 * and partial enqueues, with the ring's default flavour.
 */
static int
cmd_produce(const char *args, char *reply, size_t size)
{
	char name[RTE_RING_NAMESIZE];
	uint64_t seq = 0, count, deadline = deadline_after(CMD_LIMIT_S);
	unsigned int id, n, i, misses = 0;
	struct rte_ring *r;
	void *tab[32];

	if (sscanf(args, "%28s %u %" SCNu64, name, &id, &count) != 3)
		return snprintf(reply, size, "usage"), 0;
	r = rte_ring_lookup(name);
	if (r == NULL)
		return snprintf(reply, size, "missing"), 0;
	while (seq < count && rte_get_timer_cycles() < deadline) {
		n = (unsigned int)RTE_MIN(1 + (seq * 7) % 32, count - seq);
		for (i = 0; i < n; i++)
			tab[i] = (void *)tag(id, seq + i);
		n = (seq & 1) ? rte_ring_enqueue_burst(r, tab, n, NULL) :
				rte_ring_enqueue_bulk(r, tab, n, NULL);
		if (n == 0)
			backoff(&misses);
		seq += n;
	}
	snprintf(reply, size, "%s %" PRIu64, seq == count ? "ok" : "timeout", seq);
	return 0;
}
REGISTER_MP_COMMAND(dp_produce, cmd_produce);

struct consumed {
	uint64_t count[MAX_PRODUCERS];
	uint64_t sum[MAX_PRODUCERS];
	int64_t last[MAX_PRODUCERS];
	const char *fail;
};

/* Account for one value; strict: the only consumer of one producer, so no gaps. */
static void
consume_one(struct consumed *c, uintptr_t v, int strict)
{
	unsigned int p = (unsigned int)(v >> SEQ_BITS);
	int64_t seq = (int64_t)(v & ((UINT64_C(1) << SEQ_BITS) - 1));

	if (p >= MAX_PRODUCERS) {
		c->fail = "bad producer id";
		return;
	}
	if (strict ? seq != c->last[p] + 1 : seq <= c->last[p]) {
		c->fail = strict ? "lost or duplicated value" : "out of order";
		return;
	}
	c->last[p] = seq;
	c->count[p]++;
	c->sum[p] += (uint64_t)seq;
}

/*
 * "dp_consume NAME TOTAL STRICT" -> "ok C0 S0 C1 S1 ..." (count and sum
 * of sequence numbers per producer), "fail WHY" or "timeout". Stops once
 * all consumers together have taken TOTAL values.
 */
static int
cmd_consume(const char *args, char *reply, size_t size)
{
	char name[RTE_RING_NAMESIZE];
	uint64_t total, *counter, deadline = deadline_after(CMD_LIMIT_S);
	struct consumed c = { .fail = NULL };
	unsigned int i, n, misses = 0;
	struct rte_ring *r;
	void *tab[32];
	int strict, len;

	if (sscanf(args, "%28s %" SCNu64 " %d", name, &total, &strict) != 3)
		return snprintf(reply, size, "usage"), 0;
	r = rte_ring_lookup(name);
	counter = ring_counter(name);
	if (r == NULL || counter == NULL)
		return snprintf(reply, size, "missing"), 0;
	for (i = 0; i < MAX_PRODUCERS; i++)
		c.last[i] = -1;
	while (c.fail == NULL && __atomic_load_n(counter, __ATOMIC_RELAXED) < total) {
		if (rte_get_timer_cycles() > deadline)
			return snprintf(reply, size, "timeout"), 0;
		n = rte_ring_dequeue_burst(r, tab, 1 + (unsigned int)(rte_rdtsc() % 32), NULL);
		if (n == 0) {
			backoff(&misses);
			continue;
		}
		for (i = 0; i < n; i++)
			consume_one(&c, (uintptr_t)tab[i], strict);
		__atomic_fetch_add(counter, n, __ATOMIC_RELAXED);
	}
	if (c.fail != NULL)
		return snprintf(reply, size, "fail %s", c.fail), 0;
	len = snprintf(reply, size, "ok");
	for (i = 0; i < MAX_PRODUCERS && len > 0 && (size_t)len < size; i++)
		len += snprintf(reply + len, size - (size_t)len, " %" PRIu64 " %" PRIu64,
				c.count[i], c.sum[i]);
	return 0;
}
REGISTER_MP_COMMAND(dp_consume, cmd_consume);

/* A pool object stamped by the process that holds it. */
struct stamp {
	uint64_t magic;
	uint64_t owner;
};

#define STAMP_MAGIC UINT64_C(0x6c6f636b73746570)

static void
stamp_set(void *obj, uint64_t owner)
{
	struct stamp *s = obj;

	s->magic = STAMP_MAGIC;
	s->owner = owner;
}

static bool
stamp_is(const void *obj, uint64_t owner)
{
	const struct stamp *s = obj;

	return s->magic == STAMP_MAGIC && s->owner == owner;
}

/* "dp_pool_create NAME N CACHE" -> "ok": a pool and its transfer ring NAME_x */
static int
cmd_pool_create(const char *args, char *reply, size_t size)
{
	char name[RTE_MEMPOOL_NAMESIZE], ring[RTE_RING_NAMESIZE];
	unsigned int n, cache;

	if (sscanf(args, "%24s %u %u", name, &n, &cache) != 3)
		return snprintf(reply, size, "usage"), 0;
	if (rte_mempool_create(name, n, 64, cache, 0, NULL, NULL, NULL, NULL, SOCKET_ID_ANY,
			       0) == NULL)
		return snprintf(reply, size, "err %d", rte_errno), 0;
	snprintf(ring, sizeof(ring), "%s_x", name);
	if (rte_ring_create(ring, n, SOCKET_ID_ANY, RING_F_EXACT_SZ) == NULL)
		return snprintf(reply, size, "err %d", rte_errno), 0;
	snprintf(reply, size, "ok");
	return 0;
}
REGISTER_MP_COMMAND(dp_pool_create, cmd_pool_create);

static int
pool_and_ring(const char *name, struct rte_mempool **mp, struct rte_ring **r)
{
	char ring[RTE_RING_NAMESIZE];

	snprintf(ring, sizeof(ring), "%s_x", name);
	*mp = rte_mempool_lookup(name);
	*r = rte_ring_lookup(ring);
	return (*mp == NULL || *r == NULL) ? -1 : 0;
}

/* "dp_pool_drain NAME" -> "ok TAKEN AVAIL": take every object, stamp it, pass it on the ring */
static int
cmd_pool_drain(const char *args, char *reply, size_t size)
{
	char name[RTE_MEMPOOL_NAMESIZE];
	unsigned int n, i, taken = 0;
	uint64_t me = (uint64_t)getpid();
	struct rte_mempool *mp;
	struct rte_ring *r;
	void *objs[32];

	if (sscanf(args, "%24s", name) != 1 || pool_and_ring(name, &mp, &r) < 0)
		return snprintf(reply, size, "missing"), 0;
	/* Bulks of decreasing size: the last objects come one by one. */
	for (n = 32; n > 0; n /= 2) {
		while (rte_mempool_get_bulk(mp, objs, n) == 0) {
			for (i = 0; i < n; i++)
				stamp_set(objs[i], me);
			if (rte_ring_enqueue_bulk(r, objs, n, NULL) != n)
				return snprintf(reply, size, "fail ring full"), 0;
			taken += n;
		}
	}
	snprintf(reply, size, "ok %u %u", taken, rte_mempool_avail_count(mp));
	return 0;
}
REGISTER_MP_COMMAND(dp_pool_drain, cmd_pool_drain);

/* "dp_pool_refill NAME OWNER_PID" -> "ok PUT": objects from the ring, checked, back to the pool */
static int
cmd_pool_refill(const char *args, char *reply, size_t size)
{
	char name[RTE_MEMPOOL_NAMESIZE];
	unsigned int n, i, put = 0;
	struct rte_mempool *mp;
	struct rte_ring *r;
	uint64_t owner;
	void *objs[32];

	if (sscanf(args, "%24s %" SCNu64, name, &owner) != 2 || pool_and_ring(name, &mp, &r) < 0)
		return snprintf(reply, size, "missing"), 0;
	while ((n = rte_ring_dequeue_burst(r, objs, 1 + put % 32, NULL)) != 0) {
		for (i = 0; i < n; i++) {
			if (rte_mempool_from_obj(objs[i]) != mp || !stamp_is(objs[i], owner))
				return snprintf(reply, size, "fail object %p", objs[i]), 0;
		}
		rte_mempool_put_bulk(mp, objs, n);
		put += n;
	}
	snprintf(reply, size, "ok %u", put);
	return 0;
}
REGISTER_MP_COMMAND(dp_pool_refill, cmd_pool_refill);

/*
 * "dp_pool_churn NAME ITERATIONS SEED" -> "ok" or "fail WHY": random gets
 * and puts, each object stamped while held and checked before it goes
 * back, so that an object handed to two processes at once shows.
 */
static int
cmd_pool_churn(const char *args, char *reply, size_t size)
{
	enum { HELD_MAX = 256 };
	char name[RTE_MEMPOOL_NAMESIZE];
	uint64_t deadline = deadline_after(CMD_LIMIT_S), me = (uint64_t)getpid();
	unsigned int iterations, seed, it, n, i, held = 0;
	void *objs[HELD_MAX];
	const char *fail = NULL;
	struct rte_mempool *mp;
	struct rte_ring *r;

	if (sscanf(args, "%24s %u %u", name, &iterations, &seed) != 3 ||
	    pool_and_ring(name, &mp, &r) < 0)
		return snprintf(reply, size, "missing"), 0;
	rte_srand(seed);
	for (it = 0; it < iterations && fail == NULL; it++) {
		if (rte_get_timer_cycles() > deadline) {
			fail = "timeout";
			break;
		}
		n = 1 + (unsigned int)rte_rand_max(32);
		if (rte_rand_max(2) == 0 && held + n <= HELD_MAX) {
			if (rte_mempool_get_bulk(mp, &objs[held], n) != 0)
				continue; /* the other process holds the rest */
			for (i = held; i < held + n; i++)
				stamp_set(objs[i], me);
			held += n;
		} else {
			n = RTE_MIN(n, held);
			for (i = held - n; i < held; i++) {
				if (!stamp_is(objs[i], me))
					fail = "an object held here was changed by another process";
			}
			held -= n;
			rte_mempool_put_bulk(mp, &objs[held], n);
		}
	}
	rte_mempool_put_bulk(mp, objs, held);
	snprintf(reply, size, fail == NULL ? "ok" : "fail %s", fail);
	return 0;
}
REGISTER_MP_COMMAND(dp_pool_churn, cmd_pool_churn);

/* "dp_pool_check NAME" -> "avail A size S": after an audit, which panics on damage */
static int
cmd_pool_check(const char *args, char *reply, size_t size)
{
	struct rte_mempool *mp = rte_mempool_lookup(args);

	if (mp == NULL)
		return snprintf(reply, size, "missing"), 0;
	rte_mempool_audit(mp);
	snprintf(reply, size, "avail %u size %u", rte_mempool_avail_count(mp), mp->size);
	return 0;
}
REGISTER_MP_COMMAND(dp_pool_check, cmd_pool_check);

/* "dp_mbuf_pool NAME N" -> "ok": a pktmbuf pool with a cache */
static int
cmd_mbuf_pool(const char *args, char *reply, size_t size)
{
	char name[RTE_MEMPOOL_NAMESIZE];
	unsigned int n;

	if (sscanf(args, "%24s %u", name, &n) != 2)
		return snprintf(reply, size, "usage"), 0;
	if (rte_pktmbuf_pool_create(name, n, 32, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
				    SOCKET_ID_ANY) == NULL)
		return snprintf(reply, size, "err %d", rte_errno), 0;
	snprintf(reply, size, "ok");
	return 0;
}
REGISTER_MP_COMMAND(dp_mbuf_pool, cmd_mbuf_pool);

/*
 * "dp_mbuf_alloc NAME SEED" -> "ok PACKET CLONE": a two-segment packet of
 * 1000 + 500 bytes of pattern, and a clone of it from the same pool.
 */
static int
cmd_mbuf_alloc(const char *args, char *reply, size_t size)
{
	char name[RTE_MEMPOOL_NAMESIZE];
	struct rte_mbuf *m, *tail, *clone;
	struct rte_mempool *mp;
	unsigned int seed, i;
	char *a, *b;

	if (sscanf(args, "%24s %u", name, &seed) != 2)
		return snprintf(reply, size, "usage"), 0;
	mp = rte_mempool_lookup(name);
	if (mp == NULL)
		return snprintf(reply, size, "missing"), 0;
	m = rte_pktmbuf_alloc(mp);
	tail = rte_pktmbuf_alloc(mp);
	if (m == NULL || tail == NULL)
		return snprintf(reply, size, "fail alloc"), 0;
	a = rte_pktmbuf_append(m, 1000);
	b = rte_pktmbuf_append(tail, 500);
	if (a == NULL || b == NULL)
		return snprintf(reply, size, "fail append"), 0;
	for (i = 0; i < 1000; i++)
		a[i] = (char)(seed + i);
	for (i = 0; i < 500; i++)
		b[i] = (char)(seed + 1000 + i);
	if (rte_pktmbuf_chain(m, tail) != 0)
		return snprintf(reply, size, "fail chain"), 0;
	clone = rte_pktmbuf_clone(m, mp);
	if (clone == NULL)
		return snprintf(reply, size, "fail clone"), 0;
	snprintf(reply, size, "ok %p %p", (void *)m, (void *)clone);
	return 0;
}
REGISTER_MP_COMMAND(dp_mbuf_alloc, cmd_mbuf_alloc);

/* "dp_mbuf_free NAME ADDR SEED" -> "ok": check the packet (or clone) at ADDR, free it */
static int
cmd_mbuf_free(const char *args, char *reply, size_t size)
{
	char name[RTE_MEMPOOL_NAMESIZE], buf[1500];
	const unsigned char *data;
	struct rte_mbuf *m;
	unsigned int seed, i;
	void *addr;

	if (sscanf(args, "%24s %p %u", name, &addr, &seed) != 3)
		return snprintf(reply, size, "usage"), 0;
	m = addr;
	if (rte_mbuf_check(m, 1, NULL) != 0 || m->pool != rte_mempool_lookup(name) ||
	    rte_mempool_from_obj(m) != m->pool || m->pkt_len != 1500 || m->nb_segs != 2)
		return snprintf(reply, size, "fail header"), 0;
	data = rte_pktmbuf_read(m, 0, 1500, buf);
	for (i = 0; data != NULL && i < 1500; i++) {
		if (data[i] != (unsigned char)(seed + i))
			data = NULL;
	}
	if (data == NULL)
		return snprintf(reply, size, "fail data"), 0;
	rte_pktmbuf_free(m);
	snprintf(reply, size, "ok");
	return 0;
}
REGISTER_MP_COMMAND(dp_mbuf_free, cmd_mbuf_free);

/* EAL arguments of a process of the group, with its own lcore id. */
struct proc_args {
	char lcores[192];
	const char *argv[6];
};

static const char *const *
eal_args(struct proc_args *a, bool primary, unsigned int lcore)
{
	const char *floating = mp_floating_lcore_option(); /* "--lcores=0@(cpus)" */
	unsigned int n = 0;

	snprintf(a->lcores, sizeof(a->lcores), "--lcores=%u@%s", lcore, strchr(floating, '@') + 1);
	a->argv[n++] = "--no-huge";
	if (primary) {
		a->argv[n++] = "-m";
		a->argv[n++] = "128";
	} else {
		a->argv[n++] = "--proc-type=secondary";
	}
	a->argv[n++] = a->lcores;
	a->argv[n] = NULL;
	return a->argv;
}

static struct mp_proc *
start(const char *prefix, bool primary, unsigned int lcore, const char *name)
{
	struct proc_args a;

	return mp_start_eal(name, prefix, eal_args(&a, primary, lcore), 0);
}

/* The reply of a command sent earlier, within REPLY_WAIT_MS; must start with prefix. */
static void
await(struct mp_proc *p, const char *prefix, char *reply, size_t size)
{
	assert_int_equal(mp_recv(p, reply, size, REPLY_WAIT_MS), 0);
	if (strncmp(reply, prefix, strlen(prefix)) != 0)
		fail_msg("%s answered '%s'", p->name, reply);
}

/* Parse "ok C0 S0 C1 S1 ..." and add to the totals. */
static void
add_consumed(const char *reply, uint64_t count[MAX_PRODUCERS], uint64_t sum[MAX_PRODUCERS])
{
	const char *p = reply + 2;
	uint64_t c, s;
	unsigned int i;
	int used;

	for (i = 0; i < MAX_PRODUCERS; i++) {
		assert_int_equal(sscanf(p, " %" SCNu64 " %" SCNu64 "%n", &c, &s, &used), 2);
		count[i] += c;
		sum[i] += s;
		p += used;
	}
}

static void
check_totals(const uint64_t count[MAX_PRODUCERS], const uint64_t sum[MAX_PRODUCERS],
	     unsigned int nb_producers, uint64_t per_producer)
{
	unsigned int i;

	for (i = 0; i < MAX_PRODUCERS; i++) {
		uint64_t want = i < nb_producers ? per_producer : 0;

		assert_int_equal(count[i], want);
		assert_int_equal(sum[i], want == 0 ? 0 : want * (want - 1) / 2);
	}
}

/* 10 million values from a producer in the primary to a consumer in a secondary. */
static void
test_ring_spsc_10m(void **state)
{
	const uint64_t total = 10 * 1000 * 1000;
	uint64_t count[MAX_PRODUCERS] = { 0 }, sum[MAX_PRODUCERS] = { 0 };
	const char *prefix = mp_prefix();
	struct mp_proc *p, *s;
	char r[512];

	(void)state;
	p = start(prefix, true, 0, "primary");
	s = start(prefix, false, 1, "secondary");
	mp_expect_prefix(p, "ok", r, sizeof(r), "dp_ring_create dp_spsc 1024 %u",
	       RING_F_SP_ENQ | RING_F_SC_DEQ);
	assert_int_equal(mp_send(s, "dp_consume dp_spsc %" PRIu64 " 1", total), 0);
	assert_int_equal(mp_send(p, "dp_produce dp_spsc 0 %" PRIu64, total), 0);
	await(p, "ok", r, sizeof(r));
	await(s, "ok", r, sizeof(r));
	add_consumed(r, count, sum);
	check_totals(count, sum, 1, total);
	mp_expect_prefix(s, "0", r, sizeof(r), "dp_ring_count dp_spsc");
	assert_int_equal(mp_quit(s), 0);
	assert_int_equal(mp_quit(p), 0);
}

/* Two producer processes, two consumer processes, one MP/MC ring. */
static void
test_ring_mpmc(void **state)
{
	enum { NPROD = 2, NCONS = 2 };
	const uint64_t per_producer = 5 * 1000 * 1000;
	uint64_t count[MAX_PRODUCERS] = { 0 }, sum[MAX_PRODUCERS] = { 0 };
	struct mp_proc *prod[NPROD], *cons[NCONS];
	const char *prefix = mp_prefix();
	char r[512];
	unsigned int i;

	(void)state;
	prod[0] = start(prefix, true, 0, "producer-0");
	prod[1] = start(prefix, false, 1, "producer-1");
	cons[0] = start(prefix, false, 2, "consumer-0");
	cons[1] = start(prefix, false, 3, "consumer-1");
	mp_expect_prefix(prod[0], "ok", r, sizeof(r), "dp_ring_create dp_mpmc 512 0");
	for (i = 0; i < NCONS; i++)
		assert_int_equal(mp_send(cons[i], "dp_consume dp_mpmc %" PRIu64 " 0",
					 per_producer * NPROD), 0);
	for (i = 0; i < NPROD; i++)
		assert_int_equal(mp_send(prod[i], "dp_produce dp_mpmc %u %" PRIu64, i,
					 per_producer), 0);
	for (i = 0; i < NPROD; i++)
		await(prod[i], "ok", r, sizeof(r));
	for (i = 0; i < NCONS; i++) {
		await(cons[i], "ok", r, sizeof(r));
		add_consumed(r, count, sum);
	}
	check_totals(count, sum, NPROD, per_producer);
	mp_expect_prefix(cons[0], "0", r, sizeof(r), "dp_ring_count dp_mpmc");
	for (i = NCONS; i > 0; i--)
		assert_int_equal(mp_quit(cons[i - 1]), 0);
	for (i = NPROD; i > 0; i--)
		assert_int_equal(mp_quit(prod[i - 1]), 0);
}

/*
 * A pool with per-lcore caches used by two processes (lcores 0 and 1):
 * the secondary takes every object, the primary gives them all back, both
 * churn at once; every object ends up back and the audit is clean.
 */
static void
test_mempool_two_procs(void **state)
{
	const unsigned int n = 4095;
	const char *prefix = mp_prefix();
	struct mp_proc *p, *s;
	char r[256], want[64];

	(void)state;
	p = start(prefix, true, 0, "primary");
	s = start(prefix, false, 1, "secondary");
	mp_expect_prefix(p, "ok", r, sizeof(r), "dp_pool_create dp_pool %u 64", n);
	snprintf(want, sizeof(want), "ok %u 0", n);
	mp_expect_prefix(s, want, r, sizeof(r), "dp_pool_drain dp_pool");
	mp_expect_prefix(p, "avail 0 ", r, sizeof(r), "dp_pool_check dp_pool");
	snprintf(want, sizeof(want), "ok %u", n);
	mp_expect_prefix(p, want, r, sizeof(r), "dp_pool_refill dp_pool %d", (int)s->pid);
	assert_int_equal(mp_send(p, "dp_pool_churn dp_pool 200000 1"), 0);
	assert_int_equal(mp_send(s, "dp_pool_churn dp_pool 200000 2"), 0);
	await(p, "ok", r, sizeof(r));
	await(s, "ok", r, sizeof(r));
	snprintf(want, sizeof(want), "avail %u size %u", n, n);
	mp_expect_prefix(p, want, r, sizeof(r), "dp_pool_check dp_pool");
	mp_expect_prefix(s, want, r, sizeof(r), "dp_pool_check dp_pool");
	assert_int_equal(mp_quit(s), 0);
	assert_int_equal(mp_quit(p), 0);
}

/* An mbuf (and a clone of it) allocated in a secondary, freed in the primary. */
static void
test_mbuf_cross_free(void **state)
{
	const char *prefix = mp_prefix();
	struct mp_proc *p, *s;
	char r[256], pkt[64], clone[64];

	(void)state;
	p = start(prefix, true, 0, "primary");
	s = start(prefix, false, 1, "secondary");
	mp_expect_prefix(p, "ok", r, sizeof(r), "dp_mbuf_pool dp_mbufs 511");
	mp_expect_prefix(s, "ok ", r, sizeof(r), "dp_mbuf_alloc dp_mbufs 9");
	assert_int_equal(sscanf(r, "ok %63s %63s", pkt, clone), 2);
	mp_expect_prefix(p, "avail 507 ", r, sizeof(r), "dp_pool_check dp_mbufs");
	/* The packet first: its buffers live on in the clone. */
	mp_expect_prefix(p, "ok", r, sizeof(r), "dp_mbuf_free dp_mbufs %s 9", pkt);
	mp_expect_prefix(s, "avail 507 ", r, sizeof(r), "dp_pool_check dp_mbufs");
	mp_expect_prefix(p, "ok", r, sizeof(r), "dp_mbuf_free dp_mbufs %s 9", clone);
	mp_expect_prefix(p, "avail 511 size 511", r, sizeof(r), "dp_pool_check dp_mbufs");
	mp_expect_prefix(s, "avail 511 size 511", r, sizeof(r), "dp_pool_check dp_mbufs");
	assert_int_equal(mp_quit(s), 0);
	assert_int_equal(mp_quit(p), 0);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_ring_spsc_10m),
	cmocka_unit_test(test_ring_mpmc),
	cmocka_unit_test(test_mempool_two_procs),
	cmocka_unit_test(test_mbuf_cross_free),
};

REGISTER_TEST_GROUP(data_mp, tests);
