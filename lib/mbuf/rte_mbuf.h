/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_MBUF_H_
#define _RTE_MBUF_H_

/**
 * @file
 * Packet buffers (DPDK 22.11 API). A pktmbuf pool is a mempool whose
 * objects are struct rte_mbuf, a private area of priv_size bytes, then a
 * buffer of data_room_size bytes. Pools and mbufs are in shared memory:
 * an mbuf allocated in one process may be passed (through a ring, say) to
 * another process and freed there.
 *
 * A packet is a chain of segments linked by next; the first segment holds
 * the packet-wide fields (pkt_len, nb_segs, ol_flags...). A clone
 * (indirect mbuf) shares the buffer of a direct mbuf, whose reference
 * count it holds.
 */

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_mbuf_core.h>
#include <rte_mbuf_ptype.h>
#include <rte_memcpy.h>
#include <rte_mempool.h>
#include <rte_prefetch.h>

#ifdef __cplusplus
extern "C" {
#endif

/** What a pktmbuf pool keeps in its mempool's private data. */
struct rte_pktmbuf_pool_private {
	uint16_t mbuf_data_room_size; /**< buffer bytes of each mbuf */
	uint16_t mbuf_priv_size;      /**< private bytes after each struct rte_mbuf */
	uint32_t flags;               /**< reserved, 0 */
};

/* Names of offload flags, for logs; NULL for an unknown single flag. */
const char *rte_get_rx_ol_flag_name(uint64_t mask);
const char *rte_get_tx_ol_flag_name(uint64_t mask);

/** Names of the flags set in mask, space-separated, in buf; 0 or -1 (too small). */
int rte_get_rx_ol_flag_list(uint64_t mask, char *buf, size_t buflen);
int rte_get_tx_ol_flag_list(uint64_t mask, char *buf, size_t buflen);

static inline void
rte_mbuf_prefetch_part1(struct rte_mbuf *m)
{
	rte_prefetch0(m);
}

static inline void
rte_mbuf_prefetch_part2(struct rte_mbuf *m)
{
	rte_prefetch0((char *)m + RTE_CACHE_LINE_MIN_SIZE);
}

static inline uint16_t
rte_pktmbuf_priv_size(struct rte_mempool *mp)
{
	const struct rte_pktmbuf_pool_private *priv =
		(const struct rte_pktmbuf_pool_private *)rte_mempool_get_priv(mp);

	return priv->mbuf_priv_size;
}

static inline uint16_t
rte_pktmbuf_data_room_size(struct rte_mempool *mp)
{
	const struct rte_pktmbuf_pool_private *priv =
		(const struct rte_pktmbuf_pool_private *)rte_mempool_get_priv(mp);

	return priv->mbuf_data_room_size;
}

/** IOVA of the start of the data. */
static inline rte_iova_t
rte_mbuf_data_iova(const struct rte_mbuf *mb)
{
	return mb->buf_iova + mb->data_off;
}

/** IOVA the data starts at after a reset (after the default headroom). */
static inline rte_iova_t
rte_mbuf_data_iova_default(const struct rte_mbuf *mb)
{
	return mb->buf_iova + RTE_PKTMBUF_HEADROOM;
}

/** The direct mbuf whose buffer the clone mi uses. */
static inline struct rte_mbuf *
rte_mbuf_from_indirect(struct rte_mbuf *mi)
{
	return (struct rte_mbuf *)RTE_PTR_SUB(mi->buf_addr, sizeof(*mi) + mi->priv_size);
}

/** Where the own buffer of mb, an mbuf of mp, starts. */
static inline char *
rte_mbuf_buf_addr(struct rte_mbuf *mb, struct rte_mempool *mp)
{
	return (char *)mb + sizeof(*mb) + rte_pktmbuf_priv_size(mp);
}

static inline char *
rte_mbuf_data_addr_default(struct rte_mbuf *mb)
{
	return rte_mbuf_buf_addr(mb, mb->pool) + RTE_PKTMBUF_HEADROOM;
}

static inline char *
rte_mbuf_to_baddr(struct rte_mbuf *md)
{
	return rte_mbuf_buf_addr(md, md->pool);
}

/** The private area after the mbuf structure. */
static inline void *
rte_mbuf_to_priv(struct rte_mbuf *m)
{
	return RTE_PTR_ADD(m, sizeof(struct rte_mbuf));
}

/* Reference counts. */

static inline uint16_t
rte_mbuf_refcnt_read(const struct rte_mbuf *m)
{
	return __atomic_load_n(&m->refcnt, __ATOMIC_RELAXED);
}

static inline void
rte_mbuf_refcnt_set(struct rte_mbuf *m, uint16_t new_value)
{
	__atomic_store_n(&m->refcnt, new_value, __ATOMIC_RELAXED);
}

/* Acquire-release: the last owner sees every other owner's writes before it reuses the mbuf. */
static inline uint16_t
__rte_mbuf_refcnt_update(struct rte_mbuf *m, int16_t value)
{
	return __atomic_add_fetch(&m->refcnt, (uint16_t)value, __ATOMIC_ACQ_REL);
}

/** Add value to the reference count; the new count. */
static inline uint16_t
rte_mbuf_refcnt_update(struct rte_mbuf *m, int16_t value)
{
	/* A count of 1 means the caller is the only owner: nobody races with it. */
	if (likely(rte_mbuf_refcnt_read(m) == 1)) {
		uint16_t v = (uint16_t)(1 + value);

		rte_mbuf_refcnt_set(m, v);
		return v;
	}
	return __rte_mbuf_refcnt_update(m, value);
}

/** The same for every segment of a packet. */
static inline void
rte_pktmbuf_refcnt_update(struct rte_mbuf *m, int16_t v)
{
	do {
		rte_mbuf_refcnt_update(m, v);
	} while ((m = m->next) != NULL);
}

/* Checks. */

/**
 * Check an mbuf (is_header: as the first segment of a packet, its chain
 * included). 0, or -1 with *reason saying what is wrong.
 */
int rte_mbuf_check(const struct rte_mbuf *m, int is_header, const char **reason);

/** As rte_mbuf_check(), panicking on failure. */
void rte_mbuf_sanity_check(const struct rte_mbuf *m, int is_header);

#ifdef RTE_LIBRTE_MBUF_DEBUG
#define __rte_mbuf_sanity_check(m, is_h) rte_mbuf_sanity_check(m, is_h)
#else
#define __rte_mbuf_sanity_check(m, is_h) do { } while (0)
#endif

/* Allocation and release. */

/** An mbuf from mp, its fields as the last owner left them (refcnt 1, one segment). */
static inline struct rte_mbuf *
rte_mbuf_raw_alloc(struct rte_mempool *mp)
{
	void *m;

	if (rte_mempool_get(mp, &m) < 0)
		return NULL;
	return (struct rte_mbuf *)m;
}

/** Give a direct mbuf with refcnt 1, one segment and no next back to its pool. */
static __rte_always_inline void
rte_mbuf_raw_free(struct rte_mbuf *m)
{
	rte_mempool_put(m->pool, m);
}

/** Headroom back to RTE_PKTMBUF_HEADROOM (or the whole buffer if smaller). */
static inline void
rte_pktmbuf_reset_headroom(struct rte_mbuf *m)
{
	m->data_off = (uint16_t)RTE_MIN((uint16_t)RTE_PKTMBUF_HEADROOM, m->buf_len);
}

/** Reset the packet fields of a direct, one-segment mbuf: empty, no flags, no port. */
static inline void
rte_pktmbuf_reset(struct rte_mbuf *m)
{
	m->next = NULL;
	m->pkt_len = 0;
	m->tx_offload = 0;
	m->vlan_tci = 0;
	m->vlan_tci_outer = 0;
	m->nb_segs = 1;
	m->port = RTE_MBUF_PORT_INVALID;
	m->ol_flags &= RTE_MBUF_F_EXTERNAL;
	m->packet_type = 0;
	rte_pktmbuf_reset_headroom(m);
	m->data_len = 0;
}

/** An empty packet from mp, or NULL when the pool is exhausted. */
static inline struct rte_mbuf *
rte_pktmbuf_alloc(struct rte_mempool *mp)
{
	struct rte_mbuf *m = rte_mbuf_raw_alloc(mp);

	if (m != NULL)
		rte_pktmbuf_reset(m);
	return m;
}

/** count empty packets; all or nothing: 0 or -ENOENT. */
static inline int
rte_pktmbuf_alloc_bulk(struct rte_mempool *pool, struct rte_mbuf **mbufs, unsigned int count)
{
	unsigned int i;
	int rc;

	rc = rte_mempool_get_bulk(pool, (void **)mbufs, count);
	if (unlikely(rc != 0))
		return rc;
	for (i = 0; i < count; i++)
		rte_pktmbuf_reset(mbufs[i]);
	return 0;
}

/*
 * Point m, an object of mp, at its own buffer (what follows it and its
 * private area in the object), empty with the default headroom.
 */
static inline void
__rte_pktmbuf_own_buf_set(struct rte_mbuf *m, struct rte_mempool *mp)
{
	uint16_t priv_size = rte_pktmbuf_priv_size(mp);
	uint32_t mbuf_size = (uint32_t)sizeof(struct rte_mbuf) + priv_size;
	rte_iova_t iova = rte_mempool_virt2iova(m);

	m->priv_size = priv_size;
	m->buf_addr = (char *)m + mbuf_size;
	m->buf_iova = iova == RTE_BAD_IOVA ? RTE_BAD_IOVA : iova + mbuf_size;
	m->buf_len = rte_pktmbuf_data_room_size(mp);
	rte_pktmbuf_reset_headroom(m);
	m->data_len = 0;
}

/* Copy the packet-wide metadata that clones and copies keep from src to dst. */
static inline void
__rte_pktmbuf_copy_meta(struct rte_mbuf *dst, const struct rte_mbuf *src)
{
	dst->port = src->port;
	dst->vlan_tci = src->vlan_tci;
	dst->vlan_tci_outer = src->vlan_tci_outer;
	dst->tx_offload = src->tx_offload;
	dst->hash = src->hash;
	dst->packet_type = src->packet_type;
	dst->timesync = src->timesync;
}

/**
 * Make mi (direct, refcnt 1, one segment) a clone of the segment m: it
 * uses m's buffer and data and takes a reference on the direct mbuf that
 * owns it.
 */
static inline void
rte_pktmbuf_attach(struct rte_mbuf *mi, struct rte_mbuf *m)
{
	struct rte_mbuf *owner = RTE_MBUF_CLONED(m) ? rte_mbuf_from_indirect(m) : m;

	rte_mbuf_refcnt_update(owner, 1);
	/* m's own priv_size locates its owner from the buffer address. */
	mi->priv_size = m->priv_size;
	mi->ol_flags = m->ol_flags | RTE_MBUF_F_INDIRECT;
	mi->buf_iova = m->buf_iova;
	mi->buf_addr = m->buf_addr;
	mi->buf_len = m->buf_len;
	mi->data_off = m->data_off;
	mi->data_len = m->data_len;
	__rte_pktmbuf_copy_meta(mi, m);
	mi->next = NULL;
	mi->pkt_len = mi->data_len;
	mi->nb_segs = 1;
}

/**
 * Give a clone its own buffer back and drop its reference on the direct
 * mbuf, freeing that one if it was the last. No-op on a direct mbuf.
 */
static inline void
rte_pktmbuf_detach(struct rte_mbuf *m)
{
	struct rte_mbuf *owner;

	if (!RTE_MBUF_CLONED(m))
		return;
	owner = rte_mbuf_from_indirect(m);
	__rte_pktmbuf_own_buf_set(m, m->pool);
	m->ol_flags = 0;
	if (rte_mbuf_refcnt_update(owner, -1) == 0) {
		owner->next = NULL;
		owner->nb_segs = 1;
		rte_mbuf_refcnt_set(owner, 1);
		rte_mbuf_raw_free(owner);
	}
}

/* Put an unreferenced segment in the state its pool expects. */
static __rte_always_inline struct rte_mbuf *
__rte_pktmbuf_reclaim(struct rte_mbuf *m)
{
	if (!RTE_MBUF_DIRECT(m))
		rte_pktmbuf_detach(m);
	if (m->next != NULL)
		m->next = NULL;
	if (m->nb_segs != 1)
		m->nb_segs = 1;
	return m;
}

/**
 * Drop a reference on one segment. Returns it, ready for
 * rte_mbuf_raw_free(), when that was the last reference; NULL otherwise.
 */
static __rte_always_inline struct rte_mbuf *
rte_pktmbuf_prefree_seg(struct rte_mbuf *m)
{
	if (likely(rte_mbuf_refcnt_read(m) == 1))
		return __rte_pktmbuf_reclaim(m);
	if (__rte_mbuf_refcnt_update(m, -1) == 0) {
		rte_mbuf_refcnt_set(m, 1);
		return __rte_pktmbuf_reclaim(m);
	}
	return NULL;
}

/** Free one segment (not the ones after it). */
static __rte_always_inline void
rte_pktmbuf_free_seg(struct rte_mbuf *m)
{
	m = rte_pktmbuf_prefree_seg(m);
	if (likely(m != NULL))
		rte_mbuf_raw_free(m);
}

/** Free a packet, all its segments; NULL is ignored. */
static inline void
rte_pktmbuf_free(struct rte_mbuf *m)
{
	struct rte_mbuf *next;

	while (m != NULL) {
		next = m->next;
		rte_pktmbuf_free_seg(m);
		m = next;
	}
}

/** Free count packets (NULL entries are skipped), in bulk per pool. */
void rte_pktmbuf_free_bulk(struct rte_mbuf **mbufs, unsigned int count);

/**
 * A clone of packet md: one indirect mbuf from mp per segment, sharing
 * md's buffers. NULL when mp runs out (nothing is then held).
 */
struct rte_mbuf *rte_pktmbuf_clone(struct rte_mbuf *md, struct rte_mempool *mp);

/**
 * A deep copy of length bytes of m from offset off (UINT32_MAX: to the
 * end), with m's metadata, in mbufs from mp. NULL when off is past the
 * data or mp runs out.
 */
struct rte_mbuf *rte_pktmbuf_copy(const struct rte_mbuf *m, struct rte_mempool *mp,
				  uint32_t off, uint32_t len);

/* Data. */

#define rte_pktmbuf_mtod_offset(m, t, o) \
	((t)(void *)((char *)(m)->buf_addr + (m)->data_off + (o)))
#define rte_pktmbuf_mtod(m, t) rte_pktmbuf_mtod_offset(m, t, 0)
#define rte_pktmbuf_iova_offset(m, o) ((rte_iova_t)((m)->buf_iova + (m)->data_off + (o)))
#define rte_pktmbuf_iova(m) rte_pktmbuf_iova_offset(m, 0)
#define rte_pktmbuf_pkt_len(m) ((m)->pkt_len)
#define rte_pktmbuf_data_len(m) ((m)->data_len)

static inline uint16_t
rte_pktmbuf_headroom(const struct rte_mbuf *m)
{
	return m->data_off;
}

static inline uint16_t
rte_pktmbuf_tailroom(const struct rte_mbuf *m)
{
	return (uint16_t)(m->buf_len - rte_pktmbuf_headroom(m) - m->data_len);
}

static inline struct rte_mbuf *
rte_pktmbuf_lastseg(struct rte_mbuf *m)
{
	while (m->next != NULL)
		m = m->next;
	return m;
}

/** Grow the packet at the front by len bytes; their address, or NULL without headroom. */
static inline char *
rte_pktmbuf_prepend(struct rte_mbuf *m, uint16_t len)
{
	if (unlikely(len > rte_pktmbuf_headroom(m)))
		return NULL;
	m->data_off = (uint16_t)(m->data_off - len);
	m->data_len = (uint16_t)(m->data_len + len);
	m->pkt_len += len;
	return (char *)m->buf_addr + m->data_off;
}

/** Grow the packet at the end (last segment) by len bytes; their address, or NULL. */
static inline char *
rte_pktmbuf_append(struct rte_mbuf *m, uint16_t len)
{
	struct rte_mbuf *last = rte_pktmbuf_lastseg(m);
	char *tail;

	if (unlikely(len > rte_pktmbuf_tailroom(last)))
		return NULL;
	tail = (char *)last->buf_addr + last->data_off + last->data_len;
	last->data_len = (uint16_t)(last->data_len + len);
	m->pkt_len += len;
	return tail;
}

/** Remove len bytes from the front of the first segment; the new start, or NULL. */
static inline char *
rte_pktmbuf_adj(struct rte_mbuf *m, uint16_t len)
{
	if (unlikely(len > m->data_len))
		return NULL;
	m->data_len = (uint16_t)(m->data_len - len);
	m->data_off = (uint16_t)(m->data_off + len);
	m->pkt_len -= len;
	return (char *)m->buf_addr + m->data_off;
}

/** Remove len bytes from the end of the last segment; 0, or -1 if it has fewer. */
static inline int
rte_pktmbuf_trim(struct rte_mbuf *m, uint16_t len)
{
	struct rte_mbuf *last = rte_pktmbuf_lastseg(m);

	if (unlikely(len > last->data_len))
		return -1;
	last->data_len = (uint16_t)(last->data_len - len);
	m->pkt_len -= len;
	return 0;
}

/** Whether the packet has one segment. */
static inline int
rte_pktmbuf_is_contiguous(const struct rte_mbuf *m)
{
	return m->nb_segs == 1;
}

/* Slow path of rte_pktmbuf_read(): the bytes span segments. */
const void *__rte_pktmbuf_read(const struct rte_mbuf *m, uint32_t off, uint32_t len,
			       void *buf);

/**
 * len bytes of the packet from off: a pointer into the mbuf when they are
 * in one segment, else copied into buf (len bytes). NULL when the packet
 * is shorter than off + len.
 */
static inline const void *
rte_pktmbuf_read(const struct rte_mbuf *m, uint32_t off, uint32_t len, void *buf)
{
	if (likely(off < m->data_len && len <= m->data_len - off))
		return rte_pktmbuf_mtod_offset(m, char *, off);
	return __rte_pktmbuf_read(m, off, len, buf);
}

/**
 * Append packet tail to packet head. 0, or -EOVERFLOW when the result
 * would have more than RTE_MBUF_MAX_NB_SEGS segments.
 */
static inline int
rte_pktmbuf_chain(struct rte_mbuf *head, struct rte_mbuf *tail)
{
	if ((uint32_t)head->nb_segs + tail->nb_segs > RTE_MBUF_MAX_NB_SEGS)
		return -EOVERFLOW;
	rte_pktmbuf_lastseg(head)->next = tail;
	head->nb_segs = (uint16_t)(head->nb_segs + tail->nb_segs);
	head->pkt_len += tail->pkt_len;
	/* tail is now an inner segment: its pkt_len is its own data. */
	tail->pkt_len = tail->data_len;
	return 0;
}

/* Slow path of rte_pktmbuf_linearize(). */
int __rte_pktmbuf_linearize(struct rte_mbuf *m);

/**
 * Copy every segment's data into the first one and free the others. 0,
 * or -1 when the first segment lacks tailroom or shares its buffer.
 */
static inline int
rte_pktmbuf_linearize(struct rte_mbuf *m)
{
	if (rte_pktmbuf_is_contiguous(m))
		return 0;
	return __rte_pktmbuf_linearize(m);
}

/** Print the packet's fields and up to dump_len bytes of its data. */
void rte_pktmbuf_dump(FILE *f, const struct rte_mbuf *m, unsigned int dump_len);

/* Pools. */

/**
 * mp_init of a pktmbuf pool: store opaque_arg, a struct
 * rte_pktmbuf_pool_private, in mp's private data (NULL: no private area,
 * all of the element after struct rte_mbuf is buffer).
 */
void rte_pktmbuf_pool_init(struct rte_mempool *mp, void *opaque_arg);

/** obj_init of a pktmbuf pool: make obj an empty mbuf of mp. */
void rte_pktmbuf_init(struct rte_mempool *mp, void *opaque_arg, void *m, unsigned int i);

/**
 * A pool of n mbufs with priv_size private bytes (a multiple of
 * RTE_MBUF_PRIV_ALIGN) and data_room_size buffer bytes each
 * (RTE_MBUF_DEFAULT_BUF_SIZE is usual), with the ops
 * rte_mbuf_best_mempool_ops() names. NULL with rte_errno as
 * rte_mempool_create(), EINVAL for a bad priv_size.
 */
struct rte_mempool *rte_pktmbuf_pool_create(const char *name, unsigned int n,
					    unsigned int cache_size, uint16_t priv_size,
					    uint16_t data_room_size, int socket_id);

/** As rte_pktmbuf_pool_create(), with the ops named ops_name (NULL: the best). */
struct rte_mempool *rte_pktmbuf_pool_create_by_ops(const char *name, unsigned int n,
						   unsigned int cache_size, uint16_t priv_size,
						   uint16_t data_room_size, int socket_id,
						   const char *ops_name);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MBUF_H_ */
