/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_MBUF_CORE_H_
#define _RTE_MBUF_CORE_H_

/**
 * @file
 * The packet buffer structure and its offload flags (DPDK 22.11 API).
 * Mbufs live in mempools in shared memory: every pointer in one (buffer,
 * pool, next segment) is valid in every process of the group.
 */

#include <stdint.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Offload flags, in mbuf->ol_flags. Receive flags grow from bit 0 and
 * are set by drivers; transmit flags grow down from bit 60 and are set by
 * the application; the top bits describe the buffer itself.
 */

#define RTE_MBUF_F_RX_VLAN                 (1ULL << 0)  /**< vlan_tci is valid */
#define RTE_MBUF_F_RX_RSS_HASH             (1ULL << 1)  /**< hash.rss is valid */
#define RTE_MBUF_F_RX_FDIR                 (1ULL << 2)  /**< flow director matched */
#define RTE_MBUF_F_RX_OUTER_IP_CKSUM_BAD   (1ULL << 5)
#define RTE_MBUF_F_RX_VLAN_STRIPPED        (1ULL << 6)  /**< the VLAN tag was removed */

/* IP checksum: two bits, four states. */
#define RTE_MBUF_F_RX_IP_CKSUM_MASK        ((1ULL << 4) | (1ULL << 7))
#define RTE_MBUF_F_RX_IP_CKSUM_UNKNOWN     0
#define RTE_MBUF_F_RX_IP_CKSUM_BAD         (1ULL << 4)
#define RTE_MBUF_F_RX_IP_CKSUM_GOOD        (1ULL << 7)
#define RTE_MBUF_F_RX_IP_CKSUM_NONE        ((1ULL << 4) | (1ULL << 7))

/* L4 checksum: the same scheme. */
#define RTE_MBUF_F_RX_L4_CKSUM_MASK        ((1ULL << 3) | (1ULL << 8))
#define RTE_MBUF_F_RX_L4_CKSUM_UNKNOWN     0
#define RTE_MBUF_F_RX_L4_CKSUM_BAD         (1ULL << 3)
#define RTE_MBUF_F_RX_L4_CKSUM_GOOD        (1ULL << 8)
#define RTE_MBUF_F_RX_L4_CKSUM_NONE        ((1ULL << 3) | (1ULL << 8))

#define RTE_MBUF_F_RX_IEEE1588_PTP         (1ULL << 9)
#define RTE_MBUF_F_RX_IEEE1588_TMST        (1ULL << 10)
#define RTE_MBUF_F_RX_FDIR_ID              (1ULL << 13)
#define RTE_MBUF_F_RX_FDIR_FLX             (1ULL << 14)
#define RTE_MBUF_F_RX_QINQ_STRIPPED        (1ULL << 15)
#define RTE_MBUF_F_RX_LRO                  (1ULL << 16)
#define RTE_MBUF_F_RX_SEC_OFFLOAD          (1ULL << 18)
#define RTE_MBUF_F_RX_SEC_OFFLOAD_FAILED   (1ULL << 19)
#define RTE_MBUF_F_RX_QINQ                 (1ULL << 20) /**< vlan_tci_outer is valid */

/* Outer L4 checksum of tunnelled packets. */
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_MASK    ((1ULL << 21) | (1ULL << 22))
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_UNKNOWN 0
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_BAD     (1ULL << 21)
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_GOOD    (1ULL << 22)
#define RTE_MBUF_F_RX_OUTER_L4_CKSUM_INVALID ((1ULL << 21) | (1ULL << 22))

/* Bits nobody uses yet. */
#define RTE_MBUF_F_FIRST_FREE              (1ULL << 23)
#define RTE_MBUF_F_LAST_FREE               (1ULL << 40)

#define RTE_MBUF_F_TX_OUTER_UDP_CKSUM      (1ULL << 41)
#define RTE_MBUF_F_TX_UDP_SEG              (1ULL << 42)
#define RTE_MBUF_F_TX_SEC_OFFLOAD          (1ULL << 43)
#define RTE_MBUF_F_TX_MACSEC               (1ULL << 44)

/* Tunnel type, a 4-bit field. */
#define RTE_MBUF_F_TX_TUNNEL_VXLAN         (0x1ULL << 45)
#define RTE_MBUF_F_TX_TUNNEL_GRE           (0x2ULL << 45)
#define RTE_MBUF_F_TX_TUNNEL_IPIP          (0x3ULL << 45)
#define RTE_MBUF_F_TX_TUNNEL_GENEVE        (0x4ULL << 45)
#define RTE_MBUF_F_TX_TUNNEL_MPLSINUDP     (0x5ULL << 45)
#define RTE_MBUF_F_TX_TUNNEL_VXLAN_GPE     (0x6ULL << 45)
#define RTE_MBUF_F_TX_TUNNEL_GTP           (0x7ULL << 45)
#define RTE_MBUF_F_TX_TUNNEL_ESP           (0x8ULL << 45)
#define RTE_MBUF_F_TX_TUNNEL_IP            (0xDULL << 45)
#define RTE_MBUF_F_TX_TUNNEL_UDP           (0xEULL << 45)
#define RTE_MBUF_F_TX_TUNNEL_MASK          (0xFULL << 45)

#define RTE_MBUF_F_TX_QINQ                 (1ULL << 49) /**< insert vlan_tci_outer */
#define RTE_MBUF_F_TX_TCP_SEG              (1ULL << 50) /**< TSO, with tso_segsz */
#define RTE_MBUF_F_TX_IEEE1588_TMST        (1ULL << 51)

/* L4 checksum to compute: a 2-bit field. */
#define RTE_MBUF_F_TX_L4_NO_CKSUM          (0ULL << 52)
#define RTE_MBUF_F_TX_TCP_CKSUM            (1ULL << 52)
#define RTE_MBUF_F_TX_SCTP_CKSUM           (2ULL << 52)
#define RTE_MBUF_F_TX_UDP_CKSUM            (3ULL << 52)
#define RTE_MBUF_F_TX_L4_MASK              (3ULL << 52)

#define RTE_MBUF_F_TX_IP_CKSUM             (1ULL << 54) /**< compute the IPv4 checksum */
#define RTE_MBUF_F_TX_IPV4                 (1ULL << 55)
#define RTE_MBUF_F_TX_IPV6                 (1ULL << 56)
#define RTE_MBUF_F_TX_VLAN                 (1ULL << 57) /**< insert vlan_tci */
#define RTE_MBUF_F_TX_OUTER_IP_CKSUM       (1ULL << 58)
#define RTE_MBUF_F_TX_OUTER_IPV4           (1ULL << 59)
#define RTE_MBUF_F_TX_OUTER_IPV6           (1ULL << 60)

/** Every transmit flag. */
#define RTE_MBUF_F_TX_OFFLOAD_MASK ( \
		RTE_MBUF_F_TX_OUTER_IPV6 | RTE_MBUF_F_TX_OUTER_IPV4 | \
		RTE_MBUF_F_TX_OUTER_IP_CKSUM | RTE_MBUF_F_TX_VLAN | \
		RTE_MBUF_F_TX_IPV6 | RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM | \
		RTE_MBUF_F_TX_L4_MASK | RTE_MBUF_F_TX_IEEE1588_TMST | \
		RTE_MBUF_F_TX_TCP_SEG | RTE_MBUF_F_TX_QINQ | RTE_MBUF_F_TX_TUNNEL_MASK | \
		RTE_MBUF_F_TX_MACSEC | RTE_MBUF_F_TX_SEC_OFFLOAD | RTE_MBUF_F_TX_UDP_SEG | \
		RTE_MBUF_F_TX_OUTER_UDP_CKSUM)

/** The buffer is not the mbuf's own (not supported here; never set). */
#define RTE_MBUF_F_EXTERNAL                (1ULL << 61)
/** The mbuf is a clone: its buffer is another mbuf's. */
#define RTE_MBUF_F_INDIRECT                (1ULL << 62)

/** Alignment of the private area after the mbuf structure. */
#define RTE_MBUF_PRIV_ALIGN 8

/** Buffer size of an mbuf: room for 2 KB of data plus the headroom. */
#define RTE_MBUF_DEFAULT_DATAROOM 2048
#define RTE_MBUF_DEFAULT_BUF_SIZE (RTE_MBUF_DEFAULT_DATAROOM + RTE_PKTMBUF_HEADROOM)

/** Value of mbuf->port when no port is set. */
#define RTE_MBUF_PORT_INVALID UINT16_MAX
#define MBUF_INVALID_PORT RTE_MBUF_PORT_INVALID

/** Most segments a packet may have. */
#define RTE_MBUF_MAX_NB_SEGS UINT16_MAX

/** Scheduler fields of hash (rte_sched). */
struct rte_mbuf_sched {
	uint32_t queue_id;
	uint8_t traffic_class;
	uint8_t color;
	uint16_t reserved;
};

/* Bits of the tx_offload fields. */
#define RTE_MBUF_L2_LEN_BITS 7
#define RTE_MBUF_L3_LEN_BITS 9
#define RTE_MBUF_L4_LEN_BITS 8
#define RTE_MBUF_TSO_SEGSZ_BITS 16
#define RTE_MBUF_OUTL3_LEN_BITS 9
#define RTE_MBUF_OUTL2_LEN_BITS 7

/**
 * A packet segment. The first cache line holds what receive paths write,
 * the second what transmit paths and chains use. No lock: an mbuf belongs
 * to whoever holds a reference (refcnt counts them, atomically); a clone
 * shares its buffer with the direct mbuf it was attached to.
 */
struct rte_mbuf {
	void *buf_addr;           /**< start of the buffer */
	rte_iova_t buf_iova;      /**< its IOVA */

	uint16_t data_off;        /**< where the data starts in the buffer */
	uint16_t refcnt;          /**< references; use rte_mbuf_refcnt_*() */
	uint16_t nb_segs;         /**< segments of the packet (first segment only) */
	uint16_t port;            /**< input port, or RTE_MBUF_PORT_INVALID */

	uint64_t ol_flags;        /**< RTE_MBUF_F_* */

	RTE_STD_C11
	union {
		uint32_t packet_type; /**< RTE_PTYPE_* */
		RTE_STD_C11
		struct {
			uint32_t l2_type:4;
			uint32_t l3_type:4;
			uint32_t l4_type:4;
			uint32_t tun_type:4;
			uint32_t inner_l2_type:4;
			uint32_t inner_l3_type:4;
			uint32_t inner_l4_type:4;
		};
	};

	uint32_t pkt_len;         /**< bytes of the whole packet (first segment only) */
	uint16_t data_len;        /**< bytes in this segment */
	uint16_t vlan_tci;        /**< VLAN tag, host order (RTE_MBUF_F_RX_VLAN) */

	union {
		uint32_t rss;     /**< RSS hash (RTE_MBUF_F_RX_RSS_HASH) */
		struct {
			RTE_STD_C11
			union {
				RTE_STD_C11
				struct {
					uint16_t hash;
					uint16_t id;
				};
				uint32_t lo;
			};
			uint32_t hi;
		} fdir;           /**< flow director (RTE_MBUF_F_RX_FDIR) */
		struct rte_mbuf_sched sched;
		struct {
			uint32_t reserved1;
			uint16_t reserved2;
			uint16_t txq;
		} txadapter;
		uint32_t usr;     /**< free for the application */
	} hash;

	uint16_t vlan_tci_outer;  /**< outer VLAN tag (RTE_MBUF_F_RX_QINQ) */
	uint16_t buf_len;         /**< bytes of the buffer */

	struct rte_mempool *pool; /**< where the mbuf returns when freed */

	/* Second cache line. */
	struct rte_mbuf *next __rte_cache_min_aligned; /**< next segment, or NULL */

	RTE_STD_C11
	union {
		uint64_t tx_offload;
		RTE_STD_C11
		struct {
			uint64_t l2_len:RTE_MBUF_L2_LEN_BITS;
			uint64_t l3_len:RTE_MBUF_L3_LEN_BITS;
			uint64_t l4_len:RTE_MBUF_L4_LEN_BITS;
			uint64_t tso_segsz:RTE_MBUF_TSO_SEGSZ_BITS;
			uint64_t outer_l3_len:RTE_MBUF_OUTL3_LEN_BITS;
			uint64_t outer_l2_len:RTE_MBUF_OUTL2_LEN_BITS;
		};
	};

	uint64_t reserved;        /**< keeps the fields below where DPDK has them */
	uint16_t priv_size;       /**< bytes of the private area after this structure */
	uint16_t timesync;        /**< timesync flags (IEEE 1588) */
	uint32_t dynfield1[9];    /**< for dynamic fields */
} __rte_cache_aligned;

/** The mbuf is a clone. */
#define RTE_MBUF_CLONED(mb) (!!((mb)->ol_flags & RTE_MBUF_F_INDIRECT))

/** The mbuf's buffer is external. */
#define RTE_MBUF_HAS_EXTBUF(mb) (!!((mb)->ol_flags & RTE_MBUF_F_EXTERNAL))

/** The mbuf uses its own buffer. */
#define RTE_MBUF_DIRECT(mb) \
	(!((mb)->ol_flags & (RTE_MBUF_F_INDIRECT | RTE_MBUF_F_EXTERNAL)))

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MBUF_CORE_H_ */
