/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Mbufs in one process: pool creation, the fields of a fresh mbuf, data
 * operations at their limits, chains (read, linearize, free), reference
 * counts, clones, deep copies, checks, dumps, offload flag names, the
 * group's mempool ops setting. Mbufs across processes are in
 * test_data_mp.c.
 */

#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_mbuf_pool_ops.h>
#include <rte_memcpy.h>
#include <rte_mempool.h>
#include <rte_prefetch.h>

#include "test.h"

static int
setup(void **state)
{
	(void)state;
	return test_eal_init_once();
}

static struct rte_mempool *
make_pool(const char *name, unsigned int n, unsigned int cache, uint16_t priv,
	  uint16_t room)
{
	struct rte_mempool *mp = rte_pktmbuf_pool_create(name, n, cache, priv, room,
							 SOCKET_ID_ANY);

	assert_non_null(mp);
	return mp;
}

/* A packet of len bytes, byte i being (seed + i) & 0xff. */
static struct rte_mbuf *
make_pkt(struct rte_mempool *mp, uint16_t len, unsigned int seed)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(mp);
	char *p;
	uint16_t i;

	assert_non_null(m);
	p = rte_pktmbuf_append(m, len);
	assert_non_null(p);
	for (i = 0; i < len; i++)
		p[i] = (char)((seed + i) & 0xff);
	return m;
}

/* Whether bytes [off, off + len) of the packet follow the pattern from seed. */
static bool
pkt_holds(const struct rte_mbuf *m, uint32_t off, uint32_t len, unsigned int seed)
{
	unsigned char *buf = malloc(len + 1);
	const unsigned char *p;
	uint32_t i;
	bool ok;

	assert_non_null(buf);
	p = rte_pktmbuf_read(m, off, len, buf);
	ok = p != NULL;
	for (i = 0; ok && i < len; i++)
		ok = p[i] == ((seed + i) & 0xff);
	free(buf);
	return ok;
}

static void
test_struct_layout(void **state)
{
	struct rte_mbuf m;

	(void)state;
	assert_int_equal(sizeof(struct rte_mbuf), 2 * RTE_CACHE_LINE_MIN_SIZE);
	assert_true(offsetof(struct rte_mbuf, pool) < RTE_CACHE_LINE_MIN_SIZE);
	assert_int_equal(offsetof(struct rte_mbuf, next), RTE_CACHE_LINE_MIN_SIZE);
	memset(&m, 0, sizeof(m));
	m.packet_type = RTE_PTYPE_L2_ETHER | RTE_PTYPE_L3_IPV4_EXT | RTE_PTYPE_L4_TCP;
	assert_int_equal(m.l2_type, 1);
	assert_int_equal(m.l3_type, 3);
	assert_int_equal(m.l4_type, 1);
	assert_true(RTE_ETH_IS_IPV4_HDR(m.packet_type));
	assert_false(RTE_ETH_IS_IPV6_HDR(m.packet_type));
	assert_false(RTE_ETH_IS_TUNNEL_PKT(m.packet_type));
	assert_true(RTE_ETH_IS_IPV6_HDR(RTE_PTYPE_L3_IPV6_EXT_UNKNOWN));
	assert_true(RTE_ETH_IS_TUNNEL_PKT(RTE_PTYPE_TUNNEL_VXLAN | RTE_PTYPE_INNER_L4_UDP));
	m.tx_offload = 0;
	m.l2_len = 14;
	m.l3_len = 20;
	m.l4_len = 20;
	assert_int_equal(m.tx_offload, 14 | (20 << 7) | (20 << 16));
	m.hash.fdir.hi = 7;
	m.hash.rss = 0x12345678;
	assert_int_equal(m.hash.fdir.lo, 0x12345678);
	assert_int_equal(RTE_MBUF_F_RX_IP_CKSUM_NONE,
			 RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_IP_CKSUM_BAD);
	assert_int_equal(RTE_MBUF_F_TX_OFFLOAD_MASK & RTE_MBUF_F_RX_L4_CKSUM_MASK, 0);
	assert_int_equal(RTE_MBUF_DEFAULT_BUF_SIZE, RTE_MBUF_DEFAULT_DATAROOM + RTE_PKTMBUF_HEADROOM);
}

static void
test_pool_create(void **state)
{
	struct rte_mempool *mp;

	(void)state;
	mp = make_pool("ut_pkt", 255, 32, 0, RTE_MBUF_DEFAULT_BUF_SIZE);
	assert_string_equal(mp->ops_name, RTE_MBUF_DEFAULT_MEMPOOL_OPS);
	assert_int_equal(rte_pktmbuf_data_room_size(mp), RTE_MBUF_DEFAULT_BUF_SIZE);
	assert_int_equal(rte_pktmbuf_priv_size(mp), 0);
	assert_int_equal(mp->elt_size, sizeof(struct rte_mbuf) + RTE_MBUF_DEFAULT_BUF_SIZE);
	assert_true(mp->private_data_size >= sizeof(struct rte_pktmbuf_pool_private));
	assert_true(rte_mempool_full(mp));
	assert_ptr_equal(rte_mempool_lookup("ut_pkt"), mp);
	rte_mempool_free(mp);

	rte_errno = 0;
	assert_null(rte_pktmbuf_pool_create("ut_pkt", 255, 0, 3, 2048, SOCKET_ID_ANY));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_pktmbuf_pool_create("ut_pkt", 255, 512, 0, 2048, SOCKET_ID_ANY));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_pktmbuf_pool_create_by_ops("ut_pkt", 255, 0, 0, 2048, SOCKET_ID_ANY,
						   "no_such_ops"));
	assert_int_equal(rte_errno, EINVAL);
	assert_null(rte_mempool_lookup("ut_pkt"));
	mp = rte_pktmbuf_pool_create_by_ops("ut_pkt", 255, 0, 0, 2048, SOCKET_ID_ANY,
					    "ring_sp_sc");
	assert_non_null(mp);
	assert_string_equal(mp->ops_name, "ring_sp_sc");
	rte_mempool_free(mp);
}

static void
test_fresh_mbuf(void **state)
{
	struct rte_mempool *mp;
	struct rte_mbuf *m, *again;
	rte_iova_t iova;

	(void)state;
	mp = make_pool("ut_fresh", 127, 8, 16, 1000);
	m = rte_pktmbuf_alloc(mp);
	assert_non_null(m);
	assert_ptr_equal(m->pool, mp);
	assert_ptr_equal(rte_mempool_from_obj(m), mp);
	assert_int_equal(m->priv_size, 16);
	assert_ptr_equal(m->buf_addr, (char *)m + sizeof(*m) + 16);
	assert_ptr_equal(rte_mbuf_to_priv(m), (char *)m + sizeof(*m));
	assert_ptr_equal(rte_mbuf_buf_addr(m, mp), m->buf_addr);
	assert_int_equal(m->buf_len, 1000);
	assert_int_equal(m->data_off, RTE_PKTMBUF_HEADROOM);
	assert_int_equal(rte_mbuf_refcnt_read(m), 1);
	assert_int_equal(m->nb_segs, 1);
	assert_null(m->next);
	assert_int_equal(m->port, RTE_MBUF_PORT_INVALID);
	assert_int_equal(m->pkt_len, 0);
	assert_int_equal(m->data_len, 0);
	assert_int_equal(m->ol_flags, 0);
	assert_true(RTE_MBUF_DIRECT(m));
	assert_false(RTE_MBUF_CLONED(m));
	assert_int_equal(rte_pktmbuf_headroom(m), RTE_PKTMBUF_HEADROOM);
	assert_int_equal(rte_pktmbuf_tailroom(m), 1000 - RTE_PKTMBUF_HEADROOM);
	assert_ptr_equal(rte_pktmbuf_mtod(m, char *), (char *)m->buf_addr + RTE_PKTMBUF_HEADROOM);
	assert_ptr_equal(rte_mbuf_data_addr_default(m), rte_pktmbuf_mtod(m, char *));
	iova = rte_mem_virt2iova(m->buf_addr);
	if (iova != RTE_BAD_IOVA)
		assert_int_equal(m->buf_iova, iova);
	assert_int_equal(rte_pktmbuf_iova(m), m->buf_iova + RTE_PKTMBUF_HEADROOM);
	assert_int_equal(rte_pktmbuf_iova_offset(m, 10), m->buf_iova + RTE_PKTMBUF_HEADROOM + 10);
	assert_int_equal(rte_mbuf_data_iova(m), rte_mbuf_data_iova_default(m));
	assert_int_equal(rte_mbuf_check(m, 1, NULL), 0);
	rte_mbuf_sanity_check(m, 1);
	rte_mbuf_prefetch_part1(m);
	rte_mbuf_prefetch_part2(m);

	/* What an application leaves behind is reset by the next alloc. */
	m->port = 3;
	m->ol_flags = RTE_MBUF_F_RX_VLAN;
	m->vlan_tci = 5;
	m->packet_type = RTE_PTYPE_L2_ETHER;
	m->tx_offload = 99;
	assert_non_null(rte_pktmbuf_append(m, 60));
	assert_non_null(rte_pktmbuf_adj(m, 10));
	rte_pktmbuf_free(m);
	again = rte_pktmbuf_alloc(mp);
	assert_ptr_equal(again, m); /* the cache gives the warmest mbuf back */
	assert_int_equal(m->port, RTE_MBUF_PORT_INVALID);
	assert_int_equal(m->ol_flags, 0);
	assert_int_equal(m->vlan_tci, 0);
	assert_int_equal(m->packet_type, 0);
	assert_int_equal(m->tx_offload, 0);
	assert_int_equal(m->data_off, RTE_PKTMBUF_HEADROOM);
	assert_int_equal(m->pkt_len, 0);
	rte_pktmbuf_free(again);
	assert_true(rte_mempool_full(mp));
	rte_mempool_free(mp);
}

static void
test_alloc_bulk_exhaust(void **state)
{
	struct rte_mbuf *m[64], *more;
	struct rte_mempool *mp;
	unsigned int i;

	(void)state;
	mp = make_pool("ut_exhaust", 63, 0, 0, 256);
	for (i = 0; i < 63; i++)
		m[i] = (struct rte_mbuf *)(uintptr_t)0x1; /* must be overwritten */
	assert_int_equal(rte_pktmbuf_alloc_bulk(mp, m, 63), 0);
	for (i = 0; i < 63; i++) {
		assert_int_equal(m[i]->data_len, 0);
		assert_int_equal(m[i]->data_off, RTE_PKTMBUF_HEADROOM);
	}
	assert_null(rte_pktmbuf_alloc(mp));
	assert_int_equal(rte_pktmbuf_alloc_bulk(mp, &more, 1), -ENOENT);
	assert_true(rte_mempool_empty(mp));
	/* NULL entries are skipped. */
	m[63] = NULL;
	m[10] = NULL;
	rte_pktmbuf_free_bulk(m, 64);
	assert_int_equal(rte_mempool_avail_count(mp), 62);
	rte_mempool_free(mp);
}

static void
test_data_ops(void **state)
{
	struct rte_mempool *mp;
	struct rte_mbuf *m;
	char *p, *q;

	(void)state;
	mp = make_pool("ut_data", 15, 0, 0, 512);
	m = rte_pktmbuf_alloc(mp);
	assert_non_null(m);
	p = rte_pktmbuf_append(m, 100);
	assert_ptr_equal(p, rte_pktmbuf_mtod(m, char *));
	assert_int_equal(rte_pktmbuf_data_len(m), 100);
	assert_int_equal(rte_pktmbuf_pkt_len(m), 100);
	assert_int_equal(rte_pktmbuf_tailroom(m), 512 - RTE_PKTMBUF_HEADROOM - 100);
	/* One byte too many: refused, nothing changes. */
	assert_null(rte_pktmbuf_append(m, (uint16_t)(rte_pktmbuf_tailroom(m) + 1)));
	assert_int_equal(m->data_len, 100);
	q = rte_pktmbuf_append(m, rte_pktmbuf_tailroom(m));
	assert_ptr_equal(q, p + 100);
	assert_int_equal(rte_pktmbuf_tailroom(m), 0);
	assert_int_equal(rte_pktmbuf_trim(m, (uint16_t)(m->data_len - 100)), 0);

	p = rte_pktmbuf_prepend(m, 14);
	assert_ptr_equal(p, rte_pktmbuf_mtod(m, char *));
	assert_int_equal(rte_pktmbuf_headroom(m), RTE_PKTMBUF_HEADROOM - 14);
	assert_int_equal(m->pkt_len, 114);
	assert_null(rte_pktmbuf_prepend(m, RTE_PKTMBUF_HEADROOM));
	assert_int_equal(m->pkt_len, 114);
	assert_non_null(rte_pktmbuf_prepend(m, RTE_PKTMBUF_HEADROOM - 14));
	assert_int_equal(rte_pktmbuf_headroom(m), 0);
	assert_null(rte_pktmbuf_prepend(m, 1));

	p = rte_pktmbuf_adj(m, 20);
	assert_ptr_equal(p, rte_pktmbuf_mtod(m, char *));
	assert_int_equal(m->data_len, RTE_PKTMBUF_HEADROOM + 100 - 20);
	assert_null(rte_pktmbuf_adj(m, (uint16_t)(m->data_len + 1)));
	assert_int_equal(rte_pktmbuf_trim(m, 10), 0);
	assert_int_equal(m->pkt_len, RTE_PKTMBUF_HEADROOM + 100 - 30);
	assert_int_equal(rte_pktmbuf_trim(m, (uint16_t)(m->data_len + 1)), -1);
	assert_int_equal(rte_pktmbuf_trim(m, m->data_len), 0);
	assert_int_equal(m->pkt_len, 0);
	assert_non_null(rte_pktmbuf_adj(m, 0));
	assert_ptr_equal(rte_pktmbuf_mtod_offset(m, char *, 5), rte_pktmbuf_mtod(m, char *) + 5);
	rte_pktmbuf_reset_headroom(m);
	assert_int_equal(rte_pktmbuf_headroom(m), RTE_PKTMBUF_HEADROOM);
	assert_int_equal(rte_mbuf_check(m, 1, NULL), 0);
	rte_pktmbuf_free(m);
	rte_mempool_free(mp);
}

/* Three segments of 100, 200 and 300 bytes: one pattern over the packet. */
static struct rte_mbuf *
make_chain(struct rte_mempool *mp)
{
	struct rte_mbuf *a = make_pkt(mp, 100, 0);
	struct rte_mbuf *b = make_pkt(mp, 200, 100);
	struct rte_mbuf *c = make_pkt(mp, 300, 300);

	assert_int_equal(rte_pktmbuf_chain(b, c), 0);
	assert_int_equal(rte_pktmbuf_chain(a, b), 0);
	return a;
}

static void
test_chain_read(void **state)
{
	struct rte_mempool *mp;
	struct rte_mbuf *m, *last, *extra;
	unsigned char buf[64];
	const void *p;

	(void)state;
	mp = make_pool("ut_chain", 31, 0, 0, 2048);
	m = make_chain(mp);
	assert_int_equal(m->nb_segs, 3);
	assert_int_equal(m->pkt_len, 600);
	assert_int_equal(m->next->pkt_len, 200);
	assert_false(rte_pktmbuf_is_contiguous(m));
	last = rte_pktmbuf_lastseg(m);
	assert_int_equal(last->data_len, 300);
	assert_int_equal(rte_mbuf_check(m, 1, NULL), 0);
	assert_true(pkt_holds(m, 0, 600, 0));

	/* Inside one segment: a pointer into it; across segments: a copy. */
	p = rte_pktmbuf_read(m, 50, 20, buf);
	assert_ptr_equal(p, rte_pktmbuf_mtod_offset(m, char *, 50));
	p = rte_pktmbuf_read(m, 150, 20, buf);
	assert_ptr_equal(p, rte_pktmbuf_mtod_offset(m->next, char *, 50));
	p = rte_pktmbuf_read(m, 90, 30, buf);
	assert_ptr_equal(p, buf);
	assert_true(pkt_holds(m, 90, 30, 90));
	assert_true(pkt_holds(m, 250, 300, 250));
	assert_null(rte_pktmbuf_read(m, 590, 20, buf));
	assert_null(rte_pktmbuf_read(m, 601, 0, buf));
	assert_non_null(rte_pktmbuf_read(m, 600, 0, buf));

	/* append and trim work on the last segment. */
	assert_ptr_equal(rte_pktmbuf_append(m, 10), rte_pktmbuf_mtod_offset(last, char *, 300));
	assert_int_equal(m->pkt_len, 610);
	assert_int_equal(rte_pktmbuf_trim(m, 10), 0);
	assert_int_equal(last->data_len, 300);

	/* Too many segments: refused, nothing linked. */
	extra = make_pkt(mp, 1, 0);
	m->nb_segs = RTE_MBUF_MAX_NB_SEGS;
	assert_int_equal(rte_pktmbuf_chain(m, extra), -EOVERFLOW);
	assert_null(last->next);
	m->nb_segs = 3;
	rte_pktmbuf_free(extra);
	rte_pktmbuf_free(m);
	assert_true(rte_mempool_full(mp));
	rte_mempool_free(mp);
}

static void
test_linearize(void **state)
{
	struct rte_mempool *mp;
	struct rte_mbuf *m, *big;

	(void)state;
	mp = make_pool("ut_linear", 31, 0, 0, 2048);
	m = make_chain(mp);
	assert_int_equal(rte_pktmbuf_linearize(m), 0);
	assert_true(rte_pktmbuf_is_contiguous(m));
	assert_int_equal(m->data_len, 600);
	assert_int_equal(m->pkt_len, 600);
	assert_null(m->next);
	assert_true(pkt_holds(m, 0, 600, 0));
	assert_int_equal(rte_mbuf_check(m, 1, NULL), 0);
	assert_int_equal(rte_mempool_avail_count(mp), 30);
	assert_int_equal(rte_pktmbuf_linearize(m), 0);

	/* No room in the first segment: refused, unchanged. */
	big = make_pkt(mp, 1500, 0);
	assert_int_equal(rte_pktmbuf_chain(big, make_pkt(mp, 1500, 1500 & 0xff)), 0);
	assert_int_equal(rte_pktmbuf_linearize(big), -1);
	assert_int_equal(big->nb_segs, 2);
	assert_true(pkt_holds(big, 0, 3000, 0));
	rte_pktmbuf_free(big);
	rte_pktmbuf_free(m);
	assert_true(rte_mempool_full(mp));
	rte_mempool_free(mp);
}

static void
test_refcnt(void **state)
{
	struct rte_mempool *mp;
	struct rte_mbuf *m;

	(void)state;
	mp = make_pool("ut_refcnt", 31, 0, 0, 512);
	m = make_chain(mp);
	assert_int_equal(rte_mbuf_refcnt_update(m, 1), 2);
	assert_int_equal(rte_mbuf_refcnt_update(m, 1), 3);
	assert_int_equal(rte_mbuf_refcnt_update(m, -1), 2);
	assert_int_equal(rte_mbuf_refcnt_read(m), 2);
	rte_pktmbuf_refcnt_update(m->next, 1);
	assert_int_equal(rte_mbuf_refcnt_read(m->next), 2);
	assert_int_equal(rte_mbuf_refcnt_read(m->next->next), 2);

	/* The first free drops a reference on every segment, frees nothing. */
	rte_pktmbuf_free(m);
	assert_int_equal(rte_mempool_in_use_count(mp), 3);
	assert_int_equal(rte_mbuf_refcnt_read(m), 1);
	assert_int_equal(rte_mbuf_refcnt_read(m->next), 1);
	assert_int_equal(rte_mbuf_check(m, 1, NULL), 0);
	rte_pktmbuf_free(m);
	assert_true(rte_mempool_full(mp));

	m = rte_pktmbuf_alloc(mp);
	rte_mbuf_refcnt_set(m, 5);
	assert_int_equal(rte_mbuf_refcnt_read(m), 5);
	assert_null(rte_pktmbuf_prefree_seg(m));
	assert_int_equal(rte_mbuf_refcnt_read(m), 4);
	rte_mbuf_refcnt_set(m, 1);
	rte_pktmbuf_free_seg(m);
	assert_true(rte_mempool_full(mp));
	rte_mempool_free(mp);
}

static void
test_clone(void **state)
{
	struct rte_mempool *mp, *cp;
	struct rte_mbuf *md, *mc, *mc2;

	(void)state;
	mp = make_pool("ut_clone_data", 31, 0, 8, 2048);
	cp = make_pool("ut_clone_ind", 15, 0, 0, 0);
	md = make_chain(mp);
	md->port = 4;
	md->vlan_tci = 42;
	md->packet_type = RTE_PTYPE_L2_ETHER;
	md->ol_flags = RTE_MBUF_F_RX_VLAN;

	mc = rte_pktmbuf_clone(md, cp);
	assert_non_null(mc);
	assert_true(RTE_MBUF_CLONED(mc));
	assert_false(RTE_MBUF_DIRECT(mc));
	assert_true(RTE_MBUF_DIRECT(md));
	assert_ptr_equal(mc->pool, cp);
	assert_ptr_equal(rte_mbuf_from_indirect(mc), md);
	assert_ptr_equal(rte_mbuf_from_indirect(mc->next), md->next);
	assert_ptr_equal(rte_pktmbuf_mtod(mc, char *), rte_pktmbuf_mtod(md, char *));
	assert_int_equal(mc->nb_segs, 3);
	assert_int_equal(mc->pkt_len, 600);
	assert_int_equal(mc->port, 4);
	assert_int_equal(mc->vlan_tci, 42);
	assert_int_equal(mc->packet_type, RTE_PTYPE_L2_ETHER);
	assert_true(mc->ol_flags & RTE_MBUF_F_RX_VLAN);
	assert_int_equal(rte_mbuf_refcnt_read(md), 2);
	assert_int_equal(rte_mbuf_refcnt_read(md->next->next), 2);
	assert_true(pkt_holds(mc, 0, 600, 0));
	assert_int_equal(rte_mbuf_check(mc, 1, NULL), 0);

	/* A clone of a clone references the direct mbuf. */
	mc2 = rte_pktmbuf_clone(mc, cp);
	assert_non_null(mc2);
	assert_ptr_equal(rte_mbuf_from_indirect(mc2), md);
	assert_int_equal(rte_mbuf_refcnt_read(md), 3);

	/* The original goes first: its buffers live on in the clones. */
	rte_pktmbuf_free(md);
	assert_int_equal(rte_mempool_in_use_count(mp), 3);
	assert_true(pkt_holds(mc2, 0, 600, 0));
	rte_pktmbuf_free(mc);
	assert_int_equal(rte_mempool_in_use_count(mp), 3);
	rte_pktmbuf_free(mc2);
	assert_true(rte_mempool_full(mp));
	assert_true(rte_mempool_full(cp));

	/* Detach by hand: the clone gets its own (empty) buffer back. */
	md = make_pkt(mp, 50, 1);
	mc = rte_pktmbuf_clone(md, cp);
	assert_non_null(mc);
	rte_pktmbuf_detach(mc);
	assert_true(RTE_MBUF_DIRECT(mc));
	assert_ptr_equal(mc->buf_addr, (char *)mc + sizeof(*mc));
	assert_int_equal(mc->buf_len, 0);
	assert_int_equal(mc->priv_size, 0);
	assert_int_equal(rte_mbuf_refcnt_read(md), 1);
	rte_pktmbuf_free(mc);
	/* Freeing the last reference through detach gives the direct mbuf back. */
	mc = rte_pktmbuf_clone(md, cp);
	rte_pktmbuf_free(md);
	assert_int_equal(rte_mempool_in_use_count(mp), 1);
	rte_pktmbuf_detach(mc);
	assert_true(rte_mempool_full(mp));
	rte_pktmbuf_free(mc);

	/* Out of indirect mbufs mid-chain: NULL, and every reference dropped. */
	md = make_chain(mp);
	{
		struct rte_mbuf *hold[15];

		assert_int_equal(rte_pktmbuf_alloc_bulk(cp, hold, 13), 0);
		assert_null(rte_pktmbuf_clone(md, cp));
		assert_int_equal(rte_mbuf_refcnt_read(md), 1);
		assert_int_equal(rte_mbuf_refcnt_read(md->next), 1);
		assert_int_equal(rte_mempool_avail_count(cp), 2);
		rte_pktmbuf_free_bulk(hold, 13);
	}
	rte_pktmbuf_free(md);
	assert_true(rte_mempool_full(mp));
	assert_true(rte_mempool_full(cp));
	rte_mempool_free(cp);
	rte_mempool_free(mp);
}

static void
test_copy(void **state)
{
	struct rte_mempool *mp, *small;
	struct rte_mbuf *m, *c;

	(void)state;
	mp = make_pool("ut_copy_src", 31, 0, 0, 2048);
	small = make_pool("ut_copy_dst", 63, 0, 0, RTE_PKTMBUF_HEADROOM + 256);
	m = make_chain(mp);
	m->port = 2;
	m->ol_flags = RTE_MBUF_F_RX_RSS_HASH;
	m->hash.rss = 0xabcd;

	c = rte_pktmbuf_copy(m, small, 0, UINT32_MAX);
	assert_non_null(c);
	assert_int_equal(c->pkt_len, 600);
	assert_int_equal(c->nb_segs, 3); /* 256 bytes each */
	assert_true(pkt_holds(c, 0, 600, 0));
	assert_int_equal(c->port, 2);
	assert_int_equal(c->hash.rss, 0xabcd);
	assert_true(c->ol_flags & RTE_MBUF_F_RX_RSS_HASH);
	assert_int_equal(rte_mbuf_check(c, 1, NULL), 0);
	/* Deep: changing the source does not change the copy. */
	*rte_pktmbuf_mtod(m, char *) ^= 0x55;
	assert_true(pkt_holds(c, 0, 1, 0));
	*rte_pktmbuf_mtod(m, char *) ^= 0x55;
	rte_pktmbuf_free(c);

	c = rte_pktmbuf_copy(m, small, 90, 300);
	assert_non_null(c);
	assert_int_equal(c->pkt_len, 300);
	assert_true(pkt_holds(c, 0, 300, 90));
	rte_pktmbuf_free(c);
	c = rte_pktmbuf_copy(m, small, 550, 1000);
	assert_non_null(c);
	assert_int_equal(c->pkt_len, 50);
	assert_true(pkt_holds(c, 0, 50, 550));
	rte_pktmbuf_free(c);
	assert_null(rte_pktmbuf_copy(m, small, 600, 1));
	assert_true(rte_mempool_full(small));
	rte_pktmbuf_free(m);
	rte_mempool_free(small);
	rte_mempool_free(mp);
}

static void
expect_bad(const struct rte_mbuf *m, int is_header, const char *why)
{
	const char *reason = NULL;

	assert_int_equal(rte_mbuf_check(m, is_header, &reason), -1);
	assert_non_null(reason);
	assert_text_has(reason, why);
}

static void
test_check(void **state)
{
	struct rte_mbuf copy, *m;
	struct rte_mempool *mp;
	int status;
	pid_t pid;

	(void)state;
	mp = make_pool("ut_check", 15, 0, 0, 512);
	m = make_pkt(mp, 100, 0);
	expect_bad(NULL, 1, "NULL");
	copy = *m;
	copy.pool = NULL;
	expect_bad(&copy, 0, "mempool");
	copy = *m;
	copy.refcnt = 0;
	expect_bad(&copy, 0, "reference");
	copy = *m;
	copy.data_off = (uint16_t)(copy.buf_len + 1);
	expect_bad(&copy, 0, "offset");
	copy = *m;
	copy.data_len = copy.buf_len;
	expect_bad(&copy, 0, "length");
	copy = *m;
	copy.nb_segs = 2;
	expect_bad(&copy, 1, "fewer segments");
	assert_int_equal(rte_mbuf_check(&copy, 0, NULL), 0);
	copy = *m;
	copy.pkt_len = 99;
	expect_bad(&copy, 1, "pkt_len");
	/* A chain that loops is caught, not followed forever. */
	copy = *m;
	copy.next = &copy;
	expect_bad(&copy, 1, "more segments");

	/* rte_mbuf_sanity_check panics on what rte_mbuf_check refuses. */
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		rte_openlog_stream(fopen("/dev/null", "w"));
		copy = *m;
		copy.refcnt = 0;
		rte_mbuf_sanity_check(&copy, 1);
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
	rte_pktmbuf_free(m);
	rte_mempool_free(mp);
}

static void
test_dump_and_flag_names(void **state)
{
	struct rte_mempool *mp;
	struct rte_mbuf *m;
	struct test_capture cap;
	char names[256], *text;

	(void)state;
	assert_string_equal(rte_get_rx_ol_flag_name(RTE_MBUF_F_RX_L4_CKSUM_GOOD),
			    "RTE_MBUF_F_RX_L4_CKSUM_GOOD");
	assert_string_equal(rte_get_rx_ol_flag_name(RTE_MBUF_F_RX_IP_CKSUM_NONE),
			    "RTE_MBUF_F_RX_IP_CKSUM_NONE");
	assert_string_equal(rte_get_tx_ol_flag_name(RTE_MBUF_F_TX_UDP_CKSUM),
			    "RTE_MBUF_F_TX_UDP_CKSUM");
	assert_null(rte_get_rx_ol_flag_name(RTE_MBUF_F_TX_IPV4));
	assert_null(rte_get_tx_ol_flag_name(1ULL << 30));
	assert_int_equal(rte_get_rx_ol_flag_list(RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_IP_CKSUM_BAD,
						 names, sizeof(names)), 0);
	assert_string_equal(names, "RTE_MBUF_F_RX_VLAN RTE_MBUF_F_RX_IP_CKSUM_BAD");
	assert_int_equal(rte_get_tx_ol_flag_list(RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_TCP_CKSUM,
						 names, sizeof(names)), 0);
	assert_string_equal(names, "RTE_MBUF_F_TX_TCP_CKSUM RTE_MBUF_F_TX_IPV4");
	assert_int_equal(rte_get_tx_ol_flag_list(RTE_MBUF_F_TX_IPV4, names, 8), -1);

	mp = make_pool("ut_dump", 15, 0, 0, 512);
	m = make_pkt(mp, 20, 0xa0);
	m->ol_flags = RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_TX_IP_CKSUM;
	rte_pktmbuf_dump(test_capture_open(&cap), m, 16);
	text = test_capture_close(&cap);
	assert_text_has(text, "pkt_len=20", "rx flags: RTE_MBUF_F_RX_VLAN",
			"tx flags: RTE_MBUF_F_TX_IP_CKSUM", "00000000: a0 a1 a2");
	/* 16 bytes asked for: one line, ending with byte 15. */
	assert_text_has(text, "ae af\n");
	assert_null(strstr(text, "00000010:"));
	free(text);
	rte_pktmbuf_free(m);
	rte_mempool_free(mp);
}

static void
test_pool_ops_setting(void **state)
{
	struct rte_mempool *mp;

	(void)state;
	assert_null(rte_mbuf_user_mempool_ops());
	assert_string_equal(rte_mbuf_best_mempool_ops(), RTE_MBUF_DEFAULT_MEMPOOL_OPS);
	assert_int_equal(rte_mbuf_set_user_mempool_ops(""), -EINVAL);
	assert_int_equal(rte_mbuf_set_user_mempool_ops(
			 "a_name_that_is_far_too_long_for_mempool_ops"), -EINVAL);
	assert_int_equal(rte_mbuf_set_platform_mempool_ops("ring_mp_sc"), 0);
	assert_int_equal(rte_mbuf_set_platform_mempool_ops("ring_mp_sc"), 0);
	assert_int_equal(rte_mbuf_set_platform_mempool_ops("ring_sp_mc"), -EEXIST);
	assert_string_equal(rte_mbuf_platform_mempool_ops(), "ring_mp_sc");
	assert_string_equal(rte_mbuf_best_mempool_ops(), "ring_mp_sc");
	assert_int_equal(rte_mbuf_set_user_mempool_ops("ring_sp_sc"), 0);
	assert_string_equal(rte_mbuf_best_mempool_ops(), "ring_sp_sc");
	mp = make_pool("ut_ops_setting", 31, 0, 0, 256);
	assert_string_equal(mp->ops_name, "ring_sp_sc");
	rte_mempool_free(mp);
	/* Back to the default for the tests that follow in this process. */
	assert_int_equal(rte_mbuf_set_user_mempool_ops(RTE_MBUF_DEFAULT_MEMPOOL_OPS), 0);
}

static void
test_memcpy_prefetch(void **state)
{
	uint8_t a[256], b[256];
	unsigned int i;

	(void)state;
	for (i = 0; i < sizeof(a); i++)
		a[i] = (uint8_t)i;
	memset(b, 0, sizeof(b));
	rte_prefetch0(a);
	rte_prefetch1(a + 64);
	rte_prefetch2(a + 128);
	rte_prefetch_non_temporal(a + 192);
	assert_ptr_equal(rte_memcpy(b, a, 100), b);
	assert_memory_equal(a, b, 100);
	assert_int_equal(b[100], 0);
	rte_mov256(b, a);
	assert_memory_equal(a, b, 256);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_struct_layout),
	cmocka_unit_test_setup(test_pool_create, setup),
	cmocka_unit_test_setup(test_fresh_mbuf, setup),
	cmocka_unit_test_setup(test_alloc_bulk_exhaust, setup),
	cmocka_unit_test_setup(test_data_ops, setup),
	cmocka_unit_test_setup(test_chain_read, setup),
	cmocka_unit_test_setup(test_linearize, setup),
	cmocka_unit_test_setup(test_refcnt, setup),
	cmocka_unit_test_setup(test_clone, setup),
	cmocka_unit_test_setup(test_copy, setup),
	cmocka_unit_test_setup(test_check, setup),
	cmocka_unit_test_setup(test_dump_and_flag_names, setup),
	cmocka_unit_test_setup(test_pool_ops_setting, setup),
	cmocka_unit_test(test_memcpy_prefetch),
};

REGISTER_TEST_GROUP(mbuf, tests);
