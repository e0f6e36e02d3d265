/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The bursts: through the current view to the members' queues of the
 * same id. Each burst marks its queue busy for its whole length, so that
 * a writer of the views knows when the old one is free (see
 * eth_bond_private.h). No logging, no lock.
 */

#include <string.h>

#include <ethdev_driver.h>
#include <rte_common.h>
#include <rte_ether.h>
#include <rte_mbuf.h>

#include "eth_bond_private.h"

/* Packets spread over the members per round of a Tx burst. */
#define BOND_TX_CHUNK 32

/*
 * Mark the queue busy, then read the current view: in this order, seen
 * by every thread in this order (sequentially consistent), so a writer
 * that made another view current and then saw the queue idle knows no
 * burst reads the old one. The view's ports not gone in this process go
 * into ports[]: how many.
 */
static inline uint16_t
burst_enter(struct bond_queue *q, const struct bond_view **view, uint16_t *ports)
{
	const struct bond_port *bp = q->bp;
	const struct bond_view *v;
	uint64_t gone;
	uint16_t i, n = 0;

	__atomic_fetch_add(&q->busy, 1, __ATOMIC_SEQ_CST);
	v = &bp->views[__atomic_load_n(&bp->cur, __ATOMIC_SEQ_CST) & 1];
	gone = __atomic_load_n(&bond_gone[bp->port_id], __ATOMIC_ACQUIRE);
	for (i = 0; i < v->nb; i++) {
		if (!(gone & RTE_BIT64(v->ports[i])))
			ports[n++] = v->ports[i];
	}
	*view = v;
	return n;
}

static inline void
burst_leave(struct bond_queue *q)
{
	__atomic_fetch_add(&q->busy, 1, __ATOMIC_RELEASE);
}

uint16_t
bond_rx(void *queue, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct bond_queue *q = queue;
	uint16_t ports[BOND_MAX_MEMBERS];
	const struct bond_view *v;
	uint16_t n = burst_enter(q, &v, ports);
	uint16_t got = 0, i, start;

	if (n > 0) {
		/* Members take turns at being polled first, so that none starves. */
		start = (uint16_t)(q->next % n);
		for (i = 0; i < n && got < nb_bufs; i++)
			got += rte_eth_rx_burst(ports[(start + i) % n], q->qid, bufs + got,
						(uint16_t)(nb_bufs - got));
		q->next = (uint16_t)(start + 1);
	}
	burst_leave(q);
	for (i = 0; i < got; i++)
		bufs[i]->port = q->bp->port_id;
	return got;
}

/* Balance mode: the Ethernet addresses folded, the same for both directions of a flow. */
static inline uint32_t
l2_hash(const struct rte_mbuf *m)
{
	const struct rte_ether_hdr *eh = rte_pktmbuf_mtod(m, const struct rte_ether_hdr *);
	uint16_t d[3], s[3];
	uint32_t h;

	memcpy(d, &eh->dst_addr, sizeof(d));
	memcpy(s, &eh->src_addr, sizeof(s));
	h = (uint32_t)(d[0] ^ s[0] ^ d[1] ^ s[1] ^ d[2] ^ s[2]);
	return h ^ (h >> 8);
}

/*
 * Round robin and balance: each round gives up to BOND_TX_CHUNK packets
 * to the members. What a member refuses goes to the end of the round's
 * part of bufs, where the caller finds it (it stops there).
 */
static inline uint16_t
tx_spread(struct bond_queue *q, uint8_t mode, const uint16_t *ports, uint16_t n,
	  struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct rte_mbuf *per[BOND_MAX_MEMBERS][BOND_TX_CHUNK];
	uint16_t cnt[BOND_MAX_MEMBERS];
	uint16_t done = 0;

	while (done < nb_bufs) {
		struct rte_mbuf **b = bufs + done;
		uint16_t chunk = (uint16_t)RTE_MIN(nb_bufs - done, BOND_TX_CHUNK);
		uint16_t i, m, k, unsent = 0;

		memset(cnt, 0, n * sizeof(cnt[0]));
		for (i = 0; i < chunk; i++) {
			m = mode == BONDING_MODE_BALANCE ? (uint16_t)(l2_hash(b[i]) % n) :
							   (uint16_t)(q->next++ % n);
			per[m][cnt[m]++] = b[i];
		}
		for (m = 0; m < n; m++) {
			if (cnt[m] == 0)
				continue;
			k = rte_eth_tx_burst(ports[m], q->qid, per[m], cnt[m]);
			for (; k < cnt[m]; k++)
				b[chunk - ++unsent] = per[m][k];
		}
		done = (uint16_t)(done + chunk - unsent);
		if (unsent > 0)
			break;
	}
	return done;
}

uint16_t
bond_tx(void *queue, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct bond_queue *q = queue;
	uint16_t ports[BOND_MAX_MEMBERS];
	const struct bond_view *v;
	uint16_t n = burst_enter(q, &v, ports);
	uint16_t sent;

	if (n == 0)
		sent = 0;
	else if (v->mode == BONDING_MODE_ACTIVE_BACKUP)
		sent = rte_eth_tx_burst(ports[0], q->qid, bufs, nb_bufs);
	else
		sent = tx_spread(q, v->mode, ports, n, bufs, nb_bufs);
	burst_leave(q);
	return sent;
}
