/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The bursts: one frame per read() or write() on the queue's tun fd, in
 * whichever process polls the queue, with that process's fd. No logging:
 * failures are counted in the queue.
 */

#include <errno.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include <ethdev_driver.h>
#include <rte_common.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>

#include "tap.h"

/* Room for two VLAN tags beyond the MTU and the Ethernet header. */
#define TAP_RX_FRAME_EXTRA (RTE_ETHER_HDR_LEN + 8)

/* This process's fd of a queue. */
static inline int
queue_fd(const struct tap_queue *q)
{
	const struct tap_proc *pp = rte_eth_devices[q->port_id].process_private;

	return pp->fds[q->qid];
}

/* Buffers enough for a frame as long as the MTU allows; false when the pool is dry. */
static inline bool
rx_refill(struct tap_queue *q, unsigned int nb_segs)
{
	while (q->nb_spare < nb_segs) {
		struct rte_mbuf *m = rte_pktmbuf_alloc(q->mp);

		if (unlikely(m == NULL))
			return false;
		q->spare[q->nb_spare++] = m;
	}
	return true;
}

/* The first buffers of spare[] holding len bytes, chained into one packet. */
static inline struct rte_mbuf *
rx_chain(struct tap_queue *q, uint32_t len)
{
	struct rte_mbuf *head = q->spare[0];
	struct rte_mbuf *prev = NULL;
	uint32_t left = len;
	uint16_t used = 0;

	do {
		struct rte_mbuf *m = q->spare[used++];
		uint16_t n = (uint16_t)RTE_MIN(left, (uint32_t)q->seg_room);

		m->data_len = n;
		m->next = NULL;
		if (prev != NULL)
			prev->next = m;
		prev = m;
		left -= n;
	} while (left > 0);
	head->nb_segs = used;
	head->pkt_len = len;
	head->port = q->port_id;
	q->nb_spare = (uint16_t)(q->nb_spare - used);
	memmove(&q->spare[0], &q->spare[used], q->nb_spare * sizeof(q->spare[0]));
	return head;
}

uint16_t
tap_rx(void *queue, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct tap_queue *q = queue;
	const uint32_t frame = rte_eth_devices[q->port_id].data->mtu + TAP_RX_FRAME_EXTRA;
	const unsigned int nb_segs = RTE_MIN((frame + q->seg_room - 1) / q->seg_room,
					     (uint32_t)TAP_MAX_SEGS);
	struct iovec iov[TAP_MAX_SEGS];
	int fd = queue_fd(q);
	uint64_t bytes = 0;
	uint16_t n = 0;
	unsigned int i;
	ssize_t len;

	while (n < nb_bufs) {
		if (unlikely(!rx_refill(q, nb_segs))) {
			q->st.nombuf++;
			break;
		}
		for (i = 0; i < nb_segs; i++) {
			iov[i].iov_base = rte_pktmbuf_mtod(q->spare[i], void *);
			iov[i].iov_len = q->seg_room;
		}
		len = readv(fd, iov, (int)nb_segs);
		if (len <= 0) {
			/* Nothing more queued (EAGAIN) is the usual end of a burst. */
			if (len < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
				q->st.errs++;
			break;
		}
		bufs[n++] = rx_chain(q, (uint32_t)len);
		bytes += (uint64_t)len;
	}
	q->st.pkts += n;
	q->st.bytes += bytes;
	return n;
}

uint16_t
tap_tx(void *queue, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct tap_queue *q = queue;
	struct iovec iov[TAP_MAX_SEGS];
	int fd = queue_fd(q);
	uint64_t bytes = 0, sent = 0;
	uint16_t n;

	for (n = 0; n < nb_bufs; n++) {
		struct rte_mbuf *m = bufs[n];
		struct rte_mbuf *seg;
		unsigned int i = 0;
		ssize_t len = -1;

		if (likely(m->nb_segs <= TAP_MAX_SEGS)) {
			for (seg = m; seg != NULL; seg = seg->next, i++) {
				iov[i].iov_base = rte_pktmbuf_mtod(seg, void *);
				iov[i].iov_len = seg->data_len;
			}
			len = writev(fd, iov, (int)i);
			/* The kernel queue is full: the caller keeps this one and the rest. */
			if (len < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
				break;
		}
		if (unlikely(len < 0)) {
			q->st.errs++;
		} else {
			sent++;
			bytes += m->pkt_len;
		}
		rte_pktmbuf_free(m);
	}
	q->st.pkts += sent;
	q->st.bytes += bytes;
	return n;
}

void
tap_queue_free(struct tap_queue *q)
{
	if (q == NULL)
		return;
	rte_pktmbuf_free_bulk(q->spare, q->nb_spare);
	rte_free(q);
}
