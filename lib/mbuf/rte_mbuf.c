/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Pktmbuf pools, and the packet operations too long to inline: bulk free,
 * clone, copy, linearize, reads across segments.
 */

#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_debug.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_mbuf_pool_ops.h>
#include <rte_mempool.h>

/* Segments freed with one rte_mempool_put_bulk(). */
#define FREE_BULK_BATCH 64

void
rte_pktmbuf_pool_init(struct rte_mempool *mp, void *opaque_arg)
{
	struct rte_pktmbuf_pool_private defaults, *user = opaque_arg;
	size_t room;

	/* A pool not made for mbufs would be overrun: refuse loudly. */
	RTE_VERIFY(mp->private_data_size >= sizeof(struct rte_pktmbuf_pool_private));
	RTE_VERIFY(mp->elt_size >= sizeof(struct rte_mbuf));
	if (user == NULL) {
		room = mp->elt_size - sizeof(struct rte_mbuf);
		memset(&defaults, 0, sizeof(defaults));
		defaults.mbuf_data_room_size = (uint16_t)RTE_MIN(room, (size_t)UINT16_MAX);
		user = &defaults;
	}
	RTE_VERIFY(mp->elt_size >= sizeof(struct rte_mbuf) + user->mbuf_priv_size +
				   user->mbuf_data_room_size);
	memcpy(rte_mempool_get_priv(mp), user, sizeof(*user));
}

void
rte_pktmbuf_init(struct rte_mempool *mp, void *opaque_arg, void *obj, unsigned int i)
{
	uint32_t mbuf_size = (uint32_t)sizeof(struct rte_mbuf) + rte_pktmbuf_priv_size(mp);
	struct rte_mbuf *m = obj;

	RTE_SET_USED(opaque_arg);
	RTE_SET_USED(i);
	RTE_VERIFY(mp->elt_size >= mbuf_size + rte_pktmbuf_data_room_size(mp));
	/* The header and private area; the buffer is the application's. */
	memset(m, 0, mbuf_size);
	__rte_pktmbuf_own_buf_set(m, mp);
	m->pool = mp;
	m->nb_segs = 1;
	m->port = RTE_MBUF_PORT_INVALID;
	rte_mbuf_refcnt_set(m, 1);
	m->next = NULL;
}

struct rte_mempool *
rte_pktmbuf_pool_create_by_ops(const char *name, unsigned int n, unsigned int cache_size,
			       uint16_t priv_size, uint16_t data_room_size, int socket_id,
			       const char *ops_name)
{
	struct rte_pktmbuf_pool_private priv;
	struct rte_mempool *mp;
	int ret;

	if (RTE_ALIGN(priv_size, RTE_MBUF_PRIV_ALIGN) != priv_size) {
		RTE_LOG(ERR, MBUF, "mbuf pool '%s': private size %u is not a multiple of %d\n",
			name, priv_size, RTE_MBUF_PRIV_ALIGN);
		rte_errno = EINVAL;
		return NULL;
	}
	mp = rte_mempool_create_empty(name, n,
				      (unsigned int)sizeof(struct rte_mbuf) + priv_size +
				      data_room_size, cache_size, sizeof(priv), socket_id, 0);
	if (mp == NULL)
		return NULL;
	if (ops_name == NULL)
		ops_name = rte_mbuf_best_mempool_ops();
	ret = rte_mempool_set_ops_byname(mp, ops_name, NULL);
	if (ret == 0) {
		memset(&priv, 0, sizeof(priv));
		priv.mbuf_data_room_size = data_room_size;
		priv.mbuf_priv_size = priv_size;
		rte_pktmbuf_pool_init(mp, &priv);
		ret = rte_mempool_populate_default(mp);
	}
	if (ret < 0) {
		rte_mempool_free(mp);
		rte_errno = -ret;
		return NULL;
	}
	rte_mempool_obj_iter(mp, rte_pktmbuf_init, NULL);
	return mp;
}

struct rte_mempool *
rte_pktmbuf_pool_create(const char *name, unsigned int n, unsigned int cache_size,
			uint16_t priv_size, uint16_t data_room_size, int socket_id)
{
	return rte_pktmbuf_pool_create_by_ops(name, n, cache_size, priv_size, data_room_size,
					      socket_id, NULL);
}

void
rte_pktmbuf_free_bulk(struct rte_mbuf **mbufs, unsigned int count)
{
	void *pending[FREE_BULK_BATCH];
	struct rte_mempool *pool = NULL;
	struct rte_mbuf *m, *next;
	unsigned int i, nb = 0;

	for (i = 0; i < count; i++) {
		for (m = mbufs[i]; m != NULL; m = next) {
			next = m->next;
			m = rte_pktmbuf_prefree_seg(m);
			if (m == NULL)
				continue;
			if (nb == FREE_BULK_BATCH || (nb != 0 && m->pool != pool)) {
				rte_mempool_put_bulk(pool, pending, nb);
				nb = 0;
			}
			pool = m->pool;
			pending[nb++] = m;
		}
	}
	if (nb != 0)
		rte_mempool_put_bulk(pool, pending, nb);
}

struct rte_mbuf *
rte_pktmbuf_clone(struct rte_mbuf *md, struct rte_mempool *mp)
{
	struct rte_mbuf *head = NULL, **link = &head, *seg, *mi;
	uint16_t nb_segs = 0;

	for (seg = md; seg != NULL; seg = seg->next) {
		mi = rte_pktmbuf_alloc(mp);
		if (mi == NULL) {
			rte_pktmbuf_free(head);
			return NULL;
		}
		rte_pktmbuf_attach(mi, seg);
		*link = mi;
		link = &mi->next;
		nb_segs++;
	}
	head->nb_segs = nb_segs;
	head->pkt_len = md->pkt_len;
	return head;
}

/* What a copy keeps: a clone's metadata, the flags not about the buffer, the dynfields. */
static void
copy_metadata(struct rte_mbuf *dst, const struct rte_mbuf *src)
{
	__rte_pktmbuf_copy_meta(dst, src);
	dst->ol_flags = src->ol_flags & ~(RTE_MBUF_F_INDIRECT | RTE_MBUF_F_EXTERNAL);
	memcpy(dst->dynfield1, src->dynfield1, sizeof(dst->dynfield1));
}

struct rte_mbuf *
rte_pktmbuf_copy(const struct rte_mbuf *m, struct rte_mempool *mp, uint32_t off, uint32_t len)
{
	struct rte_mbuf *head, *last;
	const struct rte_mbuf *seg = m;
	uint32_t n;

	if (off >= m->pkt_len)
		return NULL;
	len = RTE_MIN(len, m->pkt_len - off);
	head = rte_pktmbuf_alloc(mp);
	if (head == NULL)
		return NULL;
	copy_metadata(head, m);
	while (off >= seg->data_len) {
		off -= seg->data_len;
		seg = seg->next;
	}
	for (last = head; len > 0; len -= n) {
		if (rte_pktmbuf_tailroom(last) == 0) {
			struct rte_mbuf *more = rte_pktmbuf_alloc(mp);

			if (more == NULL || rte_pktmbuf_chain(head, more) < 0) {
				rte_pktmbuf_free(more);
				rte_pktmbuf_free(head);
				return NULL;
			}
			last = more;
		}
		n = RTE_MIN(len, (uint32_t)(seg->data_len - off));
		n = RTE_MIN(n, (uint32_t)rte_pktmbuf_tailroom(last));
		memcpy(rte_pktmbuf_mtod_offset(last, char *, last->data_len),
		       rte_pktmbuf_mtod_offset(seg, const char *, off), n);
		last->data_len = (uint16_t)(last->data_len + n);
		head->pkt_len += n;
		off += n;
		if (off == seg->data_len) {
			seg = seg->next;
			off = 0;
		}
	}
	return head;
}

int
__rte_pktmbuf_linearize(struct rte_mbuf *m)
{
	struct rte_mbuf *seg, *next;
	char *dst;

	/* A shared buffer must not change under its other users. */
	if (!RTE_MBUF_DIRECT(m) || rte_mbuf_refcnt_read(m) != 1)
		return -1;
	if (rte_pktmbuf_tailroom(m) < m->pkt_len - m->data_len)
		return -1;
	dst = rte_pktmbuf_mtod_offset(m, char *, m->data_len);
	for (seg = m->next; seg != NULL; seg = next) {
		memcpy(dst, rte_pktmbuf_mtod(seg, char *), seg->data_len);
		dst += seg->data_len;
		next = seg->next;
		rte_pktmbuf_free_seg(seg);
	}
	m->data_len = (uint16_t)m->pkt_len;
	m->next = NULL;
	m->nb_segs = 1;
	return 0;
}

const void *
__rte_pktmbuf_read(const struct rte_mbuf *m, uint32_t off, uint32_t len, void *buf)
{
	const struct rte_mbuf *seg = m;
	char *dst = buf;
	uint32_t n;

	if (off > m->pkt_len || len > m->pkt_len - off)
		return NULL;
	while (seg != NULL && off >= seg->data_len) {
		off -= seg->data_len;
		seg = seg->next;
	}
	if (len == 0)
		return buf;
	if (seg == NULL)
		return NULL; /* pkt_len disagrees with the chain */
	if (off + len <= seg->data_len)
		return rte_pktmbuf_mtod_offset(seg, char *, off);
	for (; len > 0 && seg != NULL; seg = seg->next, off = 0) {
		n = RTE_MIN(len, (uint32_t)seg->data_len - off);
		memcpy(dst, rte_pktmbuf_mtod_offset(seg, const char *, off), n);
		dst += n;
		len -= n;
	}
	return buf;
}
