/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_ETHDEV_H_
#define _RTE_ETHDEV_H_

/**
 * @file
 * Ethernet ports (DPDK 22.11 API).
 *
 * A port is a device probed by a network PMD, known by a port id below
 * RTE_MAX_ETHPORTS and a name (its device's name). In a process group the
 * port's data (configuration, queues, link, owner) is shared, so a port
 * attached in the primary has the same id and name in every secondary,
 * and any process may burst on any queue. What is per process: the
 * function pointers, the event callbacks, and the attachment itself
 * (see ethdev_driver.h).
 *
 * Control functions return 0 or a negative errno: -ENODEV for a port id
 * that is not attached in this process, -EINVAL for bad arguments,
 * -ENOTSUP when the PMD lacks the operation. The fast path
 * (rte_eth_rx_burst, rte_eth_tx_burst) checks nothing.
 */

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_errno.h>
#include <rte_ether.h>
#include <rte_interrupts.h>
#include <rte_log.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef RTE_MAX_ETHPORTS
/** Number of port ids; a port id is below it. */
#define RTE_MAX_ETHPORTS 32
#endif

/** Longest port name, NUL included (the device name). */
#define RTE_ETH_NAME_MAX_LEN RTE_DEV_NAME_MAX_LEN

/** "Every port", for callbacks. */
#define RTE_ETH_ALL RTE_MAX_ETHPORTS

/** The owner id of a port nobody owns. */
#define RTE_ETH_DEV_NO_OWNER 0
#define RTE_ETH_MAX_OWNER_NAME_LEN 64

#define RTE_ETH_XSTATS_NAME_SIZE 64

/** Queue counts and ring sizes used when the application and the PMD give none. */
#define RTE_ETH_DEV_FALLBACK_RX_RINGSIZE 512
#define RTE_ETH_DEV_FALLBACK_TX_RINGSIZE 512
#define RTE_ETH_DEV_FALLBACK_RX_NBQUEUES 1
#define RTE_ETH_DEV_FALLBACK_TX_NBQUEUES 1

/** The ethdev log type (lib.ethdev). */
extern int rte_eth_dev_logtype;

#define RTE_ETHDEV_LOG(level, ...) \
	rte_log(RTE_LOG_ ## level, rte_eth_dev_logtype, "ETHDEV: " __VA_ARGS__)

/* Link speeds: link_speeds of struct rte_eth_conf and speed_capa (bit flags). */
#define RTE_ETH_LINK_SPEED_AUTONEG 0
#define RTE_ETH_LINK_SPEED_FIXED   RTE_BIT32(0)
#define RTE_ETH_LINK_SPEED_10M_HD  RTE_BIT32(1)
#define RTE_ETH_LINK_SPEED_10M     RTE_BIT32(2)
#define RTE_ETH_LINK_SPEED_100M_HD RTE_BIT32(3)
#define RTE_ETH_LINK_SPEED_100M    RTE_BIT32(4)
#define RTE_ETH_LINK_SPEED_1G      RTE_BIT32(5)
#define RTE_ETH_LINK_SPEED_2_5G    RTE_BIT32(6)
#define RTE_ETH_LINK_SPEED_5G      RTE_BIT32(7)
#define RTE_ETH_LINK_SPEED_10G     RTE_BIT32(8)
#define RTE_ETH_LINK_SPEED_20G     RTE_BIT32(9)
#define RTE_ETH_LINK_SPEED_25G     RTE_BIT32(10)
#define RTE_ETH_LINK_SPEED_40G     RTE_BIT32(11)
#define RTE_ETH_LINK_SPEED_50G     RTE_BIT32(12)
#define RTE_ETH_LINK_SPEED_56G     RTE_BIT32(13)
#define RTE_ETH_LINK_SPEED_100G    RTE_BIT32(14)
#define RTE_ETH_LINK_SPEED_200G    RTE_BIT32(15)
#define RTE_ETH_LINK_SPEED_400G    RTE_BIT32(16)

/* Link speeds in Mbps: link_speed of struct rte_eth_link. */
#define RTE_ETH_SPEED_NUM_NONE    0
#define RTE_ETH_SPEED_NUM_10M     10
#define RTE_ETH_SPEED_NUM_100M    100
#define RTE_ETH_SPEED_NUM_1G      1000
#define RTE_ETH_SPEED_NUM_2_5G    2500
#define RTE_ETH_SPEED_NUM_5G      5000
#define RTE_ETH_SPEED_NUM_10G     10000
#define RTE_ETH_SPEED_NUM_20G     20000
#define RTE_ETH_SPEED_NUM_25G     25000
#define RTE_ETH_SPEED_NUM_40G     40000
#define RTE_ETH_SPEED_NUM_50G     50000
#define RTE_ETH_SPEED_NUM_56G     56000
#define RTE_ETH_SPEED_NUM_100G    100000
#define RTE_ETH_SPEED_NUM_200G    200000
#define RTE_ETH_SPEED_NUM_400G    400000
#define RTE_ETH_SPEED_NUM_UNKNOWN UINT32_MAX

#define RTE_ETH_LINK_HALF_DUPLEX 0
#define RTE_ETH_LINK_FULL_DUPLEX 1
#define RTE_ETH_LINK_DOWN        0
#define RTE_ETH_LINK_UP          1
#define RTE_ETH_LINK_FIXED       0
#define RTE_ETH_LINK_AUTONEG     1
/** Room rte_eth_link_to_str() needs. */
#define RTE_ETH_LINK_MAX_STR_LEN 40

/** A port's link; read and written as one 64-bit word. */
__extension__
struct rte_eth_link {
	uint32_t link_speed;       /**< RTE_ETH_SPEED_NUM_* */
	uint16_t link_duplex  : 1; /**< RTE_ETH_LINK_[HALF|FULL]_DUPLEX */
	uint16_t link_autoneg : 1; /**< RTE_ETH_LINK_[FIXED|AUTONEG] */
	uint16_t link_status  : 1; /**< RTE_ETH_LINK_[DOWN|UP] */
} __rte_aligned(8);

/* Rx offloads (per port and per queue). */
#define RTE_ETH_RX_OFFLOAD_VLAN_STRIP       RTE_BIT64(0)
#define RTE_ETH_RX_OFFLOAD_IPV4_CKSUM       RTE_BIT64(1)
#define RTE_ETH_RX_OFFLOAD_UDP_CKSUM        RTE_BIT64(2)
#define RTE_ETH_RX_OFFLOAD_TCP_CKSUM        RTE_BIT64(3)
#define RTE_ETH_RX_OFFLOAD_TCP_LRO          RTE_BIT64(4)
#define RTE_ETH_RX_OFFLOAD_QINQ_STRIP       RTE_BIT64(5)
#define RTE_ETH_RX_OFFLOAD_OUTER_IPV4_CKSUM RTE_BIT64(6)
#define RTE_ETH_RX_OFFLOAD_MACSEC_STRIP     RTE_BIT64(7)
#define RTE_ETH_RX_OFFLOAD_VLAN_FILTER      RTE_BIT64(9)
#define RTE_ETH_RX_OFFLOAD_VLAN_EXTEND      RTE_BIT64(10)
#define RTE_ETH_RX_OFFLOAD_SCATTER          RTE_BIT64(13)
#define RTE_ETH_RX_OFFLOAD_TIMESTAMP        RTE_BIT64(14)
#define RTE_ETH_RX_OFFLOAD_SECURITY         RTE_BIT64(15)
#define RTE_ETH_RX_OFFLOAD_KEEP_CRC         RTE_BIT64(16)
#define RTE_ETH_RX_OFFLOAD_SCTP_CKSUM       RTE_BIT64(17)
#define RTE_ETH_RX_OFFLOAD_OUTER_UDP_CKSUM  RTE_BIT64(18)
#define RTE_ETH_RX_OFFLOAD_RSS_HASH         RTE_BIT64(19)
#define RTE_ETH_RX_OFFLOAD_BUFFER_SPLIT     RTE_BIT64(20)
#define RTE_ETH_RX_OFFLOAD_CHECKSUM (RTE_ETH_RX_OFFLOAD_IPV4_CKSUM | \
				     RTE_ETH_RX_OFFLOAD_UDP_CKSUM | \
				     RTE_ETH_RX_OFFLOAD_TCP_CKSUM)
#define RTE_ETH_RX_OFFLOAD_VLAN (RTE_ETH_RX_OFFLOAD_VLAN_STRIP | \
				 RTE_ETH_RX_OFFLOAD_VLAN_FILTER | \
				 RTE_ETH_RX_OFFLOAD_VLAN_EXTEND | \
				 RTE_ETH_RX_OFFLOAD_QINQ_STRIP)

/* Tx offloads (per port and per queue). */
#define RTE_ETH_TX_OFFLOAD_VLAN_INSERT       RTE_BIT64(0)
#define RTE_ETH_TX_OFFLOAD_IPV4_CKSUM        RTE_BIT64(1)
#define RTE_ETH_TX_OFFLOAD_UDP_CKSUM         RTE_BIT64(2)
#define RTE_ETH_TX_OFFLOAD_TCP_CKSUM         RTE_BIT64(3)
#define RTE_ETH_TX_OFFLOAD_SCTP_CKSUM        RTE_BIT64(4)
#define RTE_ETH_TX_OFFLOAD_TCP_TSO           RTE_BIT64(5)
#define RTE_ETH_TX_OFFLOAD_UDP_TSO           RTE_BIT64(6)
#define RTE_ETH_TX_OFFLOAD_OUTER_IPV4_CKSUM  RTE_BIT64(7)
#define RTE_ETH_TX_OFFLOAD_QINQ_INSERT       RTE_BIT64(8)
#define RTE_ETH_TX_OFFLOAD_VXLAN_TNL_TSO     RTE_BIT64(9)
#define RTE_ETH_TX_OFFLOAD_GRE_TNL_TSO       RTE_BIT64(10)
#define RTE_ETH_TX_OFFLOAD_IPIP_TNL_TSO      RTE_BIT64(11)
#define RTE_ETH_TX_OFFLOAD_GENEVE_TNL_TSO    RTE_BIT64(12)
#define RTE_ETH_TX_OFFLOAD_MACSEC_INSERT     RTE_BIT64(13)
#define RTE_ETH_TX_OFFLOAD_MT_LOCKFREE       RTE_BIT64(14)
#define RTE_ETH_TX_OFFLOAD_MULTI_SEGS        RTE_BIT64(15)
#define RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE    RTE_BIT64(16)
#define RTE_ETH_TX_OFFLOAD_SECURITY          RTE_BIT64(17)
#define RTE_ETH_TX_OFFLOAD_UDP_TNL_TSO       RTE_BIT64(18)
#define RTE_ETH_TX_OFFLOAD_IP_TNL_TSO        RTE_BIT64(19)
#define RTE_ETH_TX_OFFLOAD_OUTER_UDP_CKSUM   RTE_BIT64(20)
#define RTE_ETH_TX_OFFLOAD_SEND_ON_TIMESTAMP RTE_BIT64(21)

/* RSS hash types (rss_hf). */
#define RTE_ETH_RSS_IPV4               RTE_BIT64(2)
#define RTE_ETH_RSS_FRAG_IPV4          RTE_BIT64(3)
#define RTE_ETH_RSS_NONFRAG_IPV4_TCP   RTE_BIT64(4)
#define RTE_ETH_RSS_NONFRAG_IPV4_UDP   RTE_BIT64(5)
#define RTE_ETH_RSS_NONFRAG_IPV4_SCTP  RTE_BIT64(6)
#define RTE_ETH_RSS_NONFRAG_IPV4_OTHER RTE_BIT64(7)
#define RTE_ETH_RSS_IPV6               RTE_BIT64(8)
#define RTE_ETH_RSS_FRAG_IPV6          RTE_BIT64(9)
#define RTE_ETH_RSS_NONFRAG_IPV6_TCP   RTE_BIT64(10)
#define RTE_ETH_RSS_NONFRAG_IPV6_UDP   RTE_BIT64(11)
#define RTE_ETH_RSS_NONFRAG_IPV6_SCTP  RTE_BIT64(12)
#define RTE_ETH_RSS_NONFRAG_IPV6_OTHER RTE_BIT64(13)
#define RTE_ETH_RSS_L2_PAYLOAD         RTE_BIT64(14)
#define RTE_ETH_RSS_IPV6_EX            RTE_BIT64(15)
#define RTE_ETH_RSS_IPV6_TCP_EX        RTE_BIT64(16)
#define RTE_ETH_RSS_IPV6_UDP_EX        RTE_BIT64(17)
#define RTE_ETH_RSS_PORT               RTE_BIT64(18)
#define RTE_ETH_RSS_VXLAN              RTE_BIT64(19)
#define RTE_ETH_RSS_GENEVE             RTE_BIT64(20)
#define RTE_ETH_RSS_NVGRE              RTE_BIT64(21)
#define RTE_ETH_RSS_GTPU               RTE_BIT64(23)
#define RTE_ETH_RSS_ETH                RTE_BIT64(24)
#define RTE_ETH_RSS_S_VLAN             RTE_BIT64(25)
#define RTE_ETH_RSS_C_VLAN             RTE_BIT64(26)
#define RTE_ETH_RSS_L4_DST_ONLY        RTE_BIT64(60)
#define RTE_ETH_RSS_L4_SRC_ONLY        RTE_BIT64(61)
#define RTE_ETH_RSS_L3_DST_ONLY        RTE_BIT64(62)
#define RTE_ETH_RSS_L3_SRC_ONLY        RTE_BIT64(63)

#define RTE_ETH_RSS_IP (RTE_ETH_RSS_IPV4 | RTE_ETH_RSS_FRAG_IPV4 | \
			RTE_ETH_RSS_NONFRAG_IPV4_OTHER | RTE_ETH_RSS_IPV6 | \
			RTE_ETH_RSS_FRAG_IPV6 | RTE_ETH_RSS_NONFRAG_IPV6_OTHER | \
			RTE_ETH_RSS_IPV6_EX)
#define RTE_ETH_RSS_UDP (RTE_ETH_RSS_NONFRAG_IPV4_UDP | RTE_ETH_RSS_NONFRAG_IPV6_UDP | \
			 RTE_ETH_RSS_IPV6_UDP_EX)
#define RTE_ETH_RSS_TCP (RTE_ETH_RSS_NONFRAG_IPV4_TCP | RTE_ETH_RSS_NONFRAG_IPV6_TCP | \
			 RTE_ETH_RSS_IPV6_TCP_EX)
#define RTE_ETH_RSS_SCTP (RTE_ETH_RSS_NONFRAG_IPV4_SCTP | RTE_ETH_RSS_NONFRAG_IPV6_SCTP)
#define RTE_ETH_RSS_TUNNEL (RTE_ETH_RSS_VXLAN | RTE_ETH_RSS_GENEVE | RTE_ETH_RSS_NVGRE)
#define RTE_ETH_RSS_VLAN (RTE_ETH_RSS_S_VLAN | RTE_ETH_RSS_C_VLAN)
#define RTE_ETH_RSS_PROTO_MASK (RTE_ETH_RSS_IP | RTE_ETH_RSS_UDP | RTE_ETH_RSS_TCP | \
				RTE_ETH_RSS_SCTP | RTE_ETH_RSS_L2_PAYLOAD | \
				RTE_ETH_RSS_PORT | RTE_ETH_RSS_TUNNEL | \
				RTE_ETH_RSS_ETH | RTE_ETH_RSS_VLAN | RTE_ETH_RSS_GTPU)

/* Multi-queue modes. */
#define RTE_ETH_MQ_RX_RSS_FLAG  RTE_BIT32(0)
#define RTE_ETH_MQ_RX_DCB_FLAG  RTE_BIT32(1)
#define RTE_ETH_MQ_RX_VMDQ_FLAG RTE_BIT32(2)

enum rte_eth_rx_mq_mode {
	RTE_ETH_MQ_RX_NONE = 0,
	RTE_ETH_MQ_RX_RSS = RTE_ETH_MQ_RX_RSS_FLAG,
	RTE_ETH_MQ_RX_DCB = RTE_ETH_MQ_RX_DCB_FLAG,
	RTE_ETH_MQ_RX_DCB_RSS = RTE_ETH_MQ_RX_RSS_FLAG | RTE_ETH_MQ_RX_DCB_FLAG,
	RTE_ETH_MQ_RX_VMDQ_ONLY = RTE_ETH_MQ_RX_VMDQ_FLAG,
	RTE_ETH_MQ_RX_VMDQ_RSS = RTE_ETH_MQ_RX_RSS_FLAG | RTE_ETH_MQ_RX_VMDQ_FLAG,
	RTE_ETH_MQ_RX_VMDQ_DCB = RTE_ETH_MQ_RX_VMDQ_FLAG | RTE_ETH_MQ_RX_DCB_FLAG,
	RTE_ETH_MQ_RX_VMDQ_DCB_RSS = RTE_ETH_MQ_RX_RSS_FLAG | RTE_ETH_MQ_RX_DCB_FLAG |
				     RTE_ETH_MQ_RX_VMDQ_FLAG,
};

enum rte_eth_tx_mq_mode {
	RTE_ETH_MQ_TX_NONE = 0,
	RTE_ETH_MQ_TX_DCB,
	RTE_ETH_MQ_TX_VMDQ_DCB,
	RTE_ETH_MQ_TX_VMDQ_ONLY,
};

struct rte_eth_rxmode {
	enum rte_eth_rx_mq_mode mq_mode;
	uint32_t mtu;              /**< 0: RTE_ETHER_MTU */
	uint32_t max_lro_pkt_size;
	uint16_t split_hdr_size;
	uint64_t offloads;         /**< RTE_ETH_RX_OFFLOAD_* of the whole port */
	uint64_t reserved_64s[2];
	void *reserved_ptrs[2];
};

struct rte_eth_txmode {
	enum rte_eth_tx_mq_mode mq_mode;
	uint64_t offloads;         /**< RTE_ETH_TX_OFFLOAD_* of the whole port */
	uint16_t pvid;
	__extension__
	uint8_t hw_vlan_reject_tagged : 1,
		hw_vlan_reject_untagged : 1,
		hw_vlan_insert_pvid : 1;
	uint64_t reserved_64s[2];
	void *reserved_ptrs[2];
};

struct rte_eth_rss_conf {
	uint8_t *rss_key;      /**< NULL: the PMD's key */
	uint8_t rss_key_len;
	uint64_t rss_hf;       /**< RTE_ETH_RSS_* to hash on */
};

/** Interrupts the application wants (events). */
struct rte_eth_intr_conf {
	uint32_t lsc : 1;      /**< link status changes: RTE_ETH_EVENT_INTR_LSC */
	uint32_t rxq : 1;
	uint32_t rmv : 1;      /**< removal: RTE_ETH_EVENT_INTR_RMV */
};

/** A port's configuration (rte_eth_dev_configure). Zero is a valid default. */
struct rte_eth_conf {
	uint32_t link_speeds;  /**< RTE_ETH_LINK_SPEED_*; 0: autonegotiate */
	struct rte_eth_rxmode rxmode;
	struct rte_eth_txmode txmode;
	uint32_t lpbk_mode;
	struct {
		struct rte_eth_rss_conf rss_conf;
	} rx_adv_conf;
	uint32_t dcb_capability_en;
	struct rte_eth_intr_conf intr_conf;
};

struct rte_eth_thresh {
	uint8_t pthresh;
	uint8_t hthresh;
	uint8_t wthresh;
};

/** An Rx queue's configuration; NULL in rte_eth_rx_queue_setup: the PMD's default. */
struct rte_eth_rxconf {
	struct rte_eth_thresh rx_thresh;
	uint16_t rx_free_thresh;
	uint8_t rx_drop_en;
	uint8_t rx_deferred_start;
	uint16_t rx_nseg;
	uint16_t share_group;
	uint16_t share_qid;
	uint64_t offloads;     /**< per-queue RTE_ETH_RX_OFFLOAD_* beyond the port's */
	uint64_t reserved_64s[2];
	void *reserved_ptrs[2];
};

/** A Tx queue's configuration; NULL in rte_eth_tx_queue_setup: the PMD's default. */
struct rte_eth_txconf {
	struct rte_eth_thresh tx_thresh;
	uint16_t tx_rs_thresh;
	uint16_t tx_free_thresh;
	uint8_t tx_deferred_start;
	uint64_t offloads;     /**< per-queue RTE_ETH_TX_OFFLOAD_* beyond the port's */
	uint64_t reserved_64s[2];
	void *reserved_ptrs[2];
};

/** Descriptor limits of a queue. */
struct rte_eth_desc_lim {
	uint16_t nb_max;
	uint16_t nb_min;
	uint16_t nb_align;     /**< nb_desc must be a multiple of it */
	uint16_t nb_seg_max;
	uint16_t nb_mtu_seg_max;
};

/** What the PMD prefers when the application gives 0. */
struct rte_eth_dev_portconf {
	uint16_t burst_size;
	uint16_t ring_size;
	uint16_t nb_queues;
};

struct rte_eth_switch_info {
	const char *name;
	uint16_t domain_id;
	uint16_t port_id;
	uint16_t rx_domain;
};

/* Capabilities (dev_capa). */
#define RTE_ETH_DEV_CAPA_RUNTIME_RX_QUEUE_SETUP RTE_BIT64(0)
#define RTE_ETH_DEV_CAPA_RUNTIME_TX_QUEUE_SETUP RTE_BIT64(1)
#define RTE_ETH_DEV_CAPA_RXQ_SHARE              RTE_BIT64(2)
#define RTE_ETH_DEV_CAPA_FLOW_RULE_KEEP         RTE_BIT64(3)
#define RTE_ETH_DEV_CAPA_FLOW_SHARED_OBJECT_KEEP RTE_BIT64(4)

/* Port flags (*dev_info.dev_flags). */
#define RTE_ETH_DEV_FLOW_OPS_THREAD_SAFE  RTE_BIT32(0)
#define RTE_ETH_DEV_INTR_LSC              RTE_BIT32(1)  /**< fires link status events */
#define RTE_ETH_DEV_BONDED_SLAVE          RTE_BIT32(2)
#define RTE_ETH_DEV_INTR_RMV              RTE_BIT32(3)  /**< fires removal events */
#define RTE_ETH_DEV_REPRESENTOR           RTE_BIT32(4)
#define RTE_ETH_DEV_NOLIVE_MAC_ADDR       RTE_BIT32(5)
#define RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS RTE_BIT32(6)

/* Queue states (rx_queue_state, tx_queue_state of the port's data). */
#define RTE_ETH_QUEUE_STATE_STOPPED 0
#define RTE_ETH_QUEUE_STATE_STARTED 1
#define RTE_ETH_QUEUE_STATE_HAIRPIN 2

/** What a port can do (rte_eth_dev_info_get). */
struct rte_eth_dev_info {
	struct rte_device *device;
	const char *driver_name;
	unsigned int if_index;
	uint16_t min_mtu;
	uint16_t max_mtu;
	const uint32_t *dev_flags;     /**< RTE_ETH_DEV_* of the port, live */
	uint32_t min_rx_bufsize;       /**< smallest Rx buffer (data room less headroom) */
	uint32_t max_rx_pktlen;
	uint32_t max_lro_pkt_size;
	uint16_t max_rx_queues;
	uint16_t max_tx_queues;
	uint32_t max_mac_addrs;
	uint32_t max_hash_mac_addrs;
	uint16_t max_vfs;
	uint16_t max_vmdq_pools;
	uint64_t rx_offload_capa;
	uint64_t tx_offload_capa;
	uint64_t rx_queue_offload_capa;
	uint64_t tx_queue_offload_capa;
	uint16_t reta_size;
	uint8_t hash_key_size;
	uint64_t flow_type_rss_offloads;
	struct rte_eth_rxconf default_rxconf;
	struct rte_eth_txconf default_txconf;
	uint16_t vmdq_queue_base;
	uint16_t vmdq_queue_num;
	uint16_t vmdq_pool_base;
	struct rte_eth_desc_lim rx_desc_lim;
	struct rte_eth_desc_lim tx_desc_lim;
	uint32_t speed_capa;           /**< RTE_ETH_LINK_SPEED_* */
	uint16_t nb_rx_queues;         /**< configured now */
	uint16_t nb_tx_queues;
	uint16_t max_rx_mempools;
	struct rte_eth_dev_portconf default_rxportconf;
	struct rte_eth_dev_portconf default_txportconf;
	uint64_t dev_capa;             /**< RTE_ETH_DEV_CAPA_* */
	struct rte_eth_switch_info switch_info;
	uint64_t reserved_64s[2];
	void *reserved_ptrs[2];
};

/** Basic counters of a port; q_* for the first RTE_ETHDEV_QUEUE_STAT_CNTRS queues. */
struct rte_eth_stats {
	uint64_t ipackets;
	uint64_t opackets;
	uint64_t ibytes;
	uint64_t obytes;
	uint64_t imissed;
	uint64_t ierrors;
	uint64_t oerrors;
	uint64_t rx_nombuf;        /**< Rx mbuf allocation failures */
	uint64_t q_ipackets[RTE_ETHDEV_QUEUE_STAT_CNTRS];
	uint64_t q_opackets[RTE_ETHDEV_QUEUE_STAT_CNTRS];
	uint64_t q_ibytes[RTE_ETHDEV_QUEUE_STAT_CNTRS];
	uint64_t q_obytes[RTE_ETHDEV_QUEUE_STAT_CNTRS];
	uint64_t q_errors[RTE_ETHDEV_QUEUE_STAT_CNTRS];
};

/** One extended counter: id indexes the names of rte_eth_xstats_get_names(). */
struct rte_eth_xstat {
	uint64_t id;
	uint64_t value;
};

struct rte_eth_xstat_name {
	char name[RTE_ETH_XSTATS_NAME_SIZE];
};

/** Who owns a port: owned ports are hidden from RTE_ETH_FOREACH_DEV. */
struct rte_eth_dev_owner {
	uint64_t id;
	char name[RTE_ETH_MAX_OWNER_NAME_LEN];
};

/** Port events, for rte_eth_dev_callback_register(). */
enum rte_eth_event_type {
	RTE_ETH_EVENT_UNKNOWN,
	RTE_ETH_EVENT_INTR_LSC,    /**< link status changed */
	RTE_ETH_EVENT_QUEUE_STATE,
	RTE_ETH_EVENT_INTR_RESET,
	RTE_ETH_EVENT_VF_MBOX,
	RTE_ETH_EVENT_MACSEC,
	RTE_ETH_EVENT_INTR_RMV,    /**< the device was removed */
	RTE_ETH_EVENT_NEW,         /**< a port was probed in this process */
	RTE_ETH_EVENT_DESTROY,     /**< a port is being released in this process */
	RTE_ETH_EVENT_IPSEC,
	RTE_ETH_EVENT_FLOW_AGED,
	RTE_ETH_EVENT_RX_AVAIL_THRESH,
	RTE_ETH_EVENT_ERR_RECOVERING,
	RTE_ETH_EVENT_RECOVERY_SUCCESS,
	RTE_ETH_EVENT_RECOVERY_FAILED,
	RTE_ETH_EVENT_MAX
};

/**
 * An event callback. Called in the process (and on the thread) where the
 * event happened: NEW and DESTROY on the thread that probes or releases the
 * port (the hotplug thread for a multi-process attach or detach).
 */
typedef int (*rte_eth_dev_cb_fn)(uint16_t port_id, enum rte_eth_event_type event,
				 void *cb_arg, void *ret_param);

/* Ports. */

/** Whether port_id is a port attached in this process (1) or not (0). */
int rte_eth_dev_is_valid_port(uint16_t port_id);

/** Ports attached in this process that nobody owns. */
uint16_t rte_eth_dev_count_avail(void);

/** Ports attached in this process, owned or not. */
uint16_t rte_eth_dev_count_total(void);

/** The first attached port from port_id on, or RTE_MAX_ETHPORTS. */
uint64_t rte_eth_find_next(uint16_t port_id);

/** The first attached port from port_id on owned by owner_id, or RTE_MAX_ETHPORTS. */
uint64_t rte_eth_find_next_owned_by(uint16_t port_id, const uint64_t owner_id);

#define RTE_ETH_FOREACH_DEV_OWNED_BY(p, o) \
	for (p = rte_eth_find_next_owned_by(0, o); \
	     (unsigned int)p < (unsigned int)RTE_MAX_ETHPORTS; \
	     p = rte_eth_find_next_owned_by(p + 1, o))

/** Every port attached in this process that nobody owns. */
#define RTE_ETH_FOREACH_DEV(p) RTE_ETH_FOREACH_DEV_OWNED_BY(p, RTE_ETH_DEV_NO_OWNER)

/** The port named name: 0 with *port_id set, -ENODEV, or -EINVAL (NULL argument). */
int rte_eth_dev_get_port_by_name(const char *name, uint16_t *port_id);

/** The name of a port into name (RTE_ETH_NAME_MAX_LEN bytes). 0, -ENODEV or -EINVAL. */
int rte_eth_dev_get_name_by_port(uint16_t port_id, char *name);

/**
 * The NUMA node of a port: -1 (SOCKET_ID_ANY) when unknown, and also, with
 * rte_errno set to EINVAL, when port_id is not a port.
 */
int rte_eth_dev_socket_id(uint16_t port_id);

/* Iterating over the ports of a device string. */

/**
 * Prepare iter for the ports matching devargs: a device name or devargs
 * ("net_null0", "0000:08:00.0,k=v"), or the layered form ("class=eth,mac=
 * 02:00:00:00:00:01", "bus=vdev,name=net_ring0/class=eth"). 0, or -EINVAL,
 * -ENOMEM, -ENOTSUP (a bus that cannot iterate).
 */
int rte_eth_iterator_init(struct rte_dev_iterator *iter, const char *devargs);

/** The next matching port, or RTE_MAX_ETHPORTS (then the iterator is cleaned up). */
uint16_t rte_eth_iterator_next(struct rte_dev_iterator *iter);

/** Free what an iteration stopped early holds. */
void rte_eth_iterator_cleanup(struct rte_dev_iterator *iter);

#define RTE_ETH_FOREACH_MATCHING_DEV(id, devargs, iter) \
	for (rte_eth_iterator_init(iter, devargs), \
	     id = rte_eth_iterator_next(iter); \
	     id != RTE_MAX_ETHPORTS; \
	     id = rte_eth_iterator_next(iter))

/* Configuration and queues. */

/** What the port can do, and its queue counts now. 0, -ENODEV, -EINVAL, -ENOTSUP. */
int rte_eth_dev_info_get(uint16_t port_id, struct rte_eth_dev_info *dev_info);

/**
 * Configure a stopped port: queue counts (both 0: the PMD's preference),
 * offloads, MTU, RSS, interrupts. -EBUSY when started, -EINVAL when a count
 * or a setting exceeds what rte_eth_dev_info_get() reports.
 */
int rte_eth_dev_configure(uint16_t port_id, uint16_t nb_rx_queue, uint16_t nb_tx_queue,
			  const struct rte_eth_conf *eth_conf);

/**
 * Set up Rx queue rx_queue_id (below the configured count) with nb_rx_desc
 * descriptors (0: the PMD's default) and mbufs from mb_pool. The queue
 * lives in shared memory: every process may receive on it.
 */
int rte_eth_rx_queue_setup(uint16_t port_id, uint16_t rx_queue_id, uint16_t nb_rx_desc,
			   unsigned int socket_id, const struct rte_eth_rxconf *rx_conf,
			   struct rte_mempool *mb_pool);

/** Set up Tx queue tx_queue_id, as rte_eth_rx_queue_setup(). */
int rte_eth_tx_queue_setup(uint16_t port_id, uint16_t tx_queue_id, uint16_t nb_tx_desc,
			   unsigned int socket_id, const struct rte_eth_txconf *tx_conf);

/** Clamp *nb_rx_desc and *nb_tx_desc (either may be NULL) to the port's limits. */
int rte_eth_dev_adjust_nb_rx_tx_desc(uint16_t port_id, uint16_t *nb_rx_desc,
				     uint16_t *nb_tx_desc);

/**
 * Start a configured port whose queues are all set up. Starting a started
 * port logs it and returns 0. -EINVAL when not configured or a queue is
 * missing.
 */
int rte_eth_dev_start(uint16_t port_id);

/** Stop a port; stopping a stopped port logs it and returns 0. */
int rte_eth_dev_stop(uint16_t port_id);

/**
 * Close a port and release it in this process: in the primary the port
 * must be stopped (-EINVAL otherwise) and its shared entry is freed; in a
 * secondary only this process's view goes. The device stays probed.
 */
int rte_eth_dev_close(uint16_t port_id);

/** Stop the port and reset it; it must be configured again. -ENOTSUP when the PMD cannot. */
int rte_eth_dev_reset(uint16_t port_id);

/* Link. */

int rte_eth_dev_set_link_up(uint16_t port_id);
int rte_eth_dev_set_link_down(uint16_t port_id);

/** The link, waiting for it to settle if the PMD needs to. */
int rte_eth_link_get(uint16_t port_id, struct rte_eth_link *link);

/** The link as known now. */
int rte_eth_link_get_nowait(uint16_t port_id, struct rte_eth_link *link);

/** "10 Gbps", "None", "Unknown" or "Invalid". */
const char *rte_eth_link_speed_to_str(uint32_t link_speed);

/** "Link down" or "Link up at 10 Gbps FDX Autoneg" into str; snprintf's result, or -EINVAL. */
int rte_eth_link_to_str(char *str, size_t len, const struct rte_eth_link *eth_link);

/* Counters. */

/** The basic counters. 0, -ENODEV, -EINVAL, -ENOTSUP. */
int rte_eth_stats_get(uint16_t port_id, struct rte_eth_stats *stats);

int rte_eth_stats_reset(uint16_t port_id);

/**
 * The names of the extended counters: generic ones, then per queue.
 * Returns how many there are; fills xstats_names only when size is enough.
 */
int rte_eth_xstats_get_names(uint16_t port_id, struct rte_eth_xstat_name *xstats_names,
			     unsigned int size);

/** The extended counters, as rte_eth_xstats_get_names(). */
int rte_eth_xstats_get(uint16_t port_id, struct rte_eth_xstat *xstats, unsigned int n);

int rte_eth_xstats_reset(uint16_t port_id);

/* Addresses and receive modes. */

int rte_eth_macaddr_get(uint16_t port_id, struct rte_ether_addr *mac_addr);

/** Replace the port's main MAC address (a valid unicast one, else -EINVAL). */
int rte_eth_dev_default_mac_addr_set(uint16_t port_id, struct rte_ether_addr *mac_addr);

int rte_eth_promiscuous_enable(uint16_t port_id);
int rte_eth_promiscuous_disable(uint16_t port_id);
/** 1, 0, or -ENODEV. */
int rte_eth_promiscuous_get(uint16_t port_id);

int rte_eth_allmulticast_enable(uint16_t port_id);
int rte_eth_allmulticast_disable(uint16_t port_id);
/** 1, 0, or -ENODEV. */
int rte_eth_allmulticast_get(uint16_t port_id);

int rte_eth_dev_get_mtu(uint16_t port_id, uint16_t *mtu);

/** Set the MTU of a configured port, within dev_info's min_mtu..max_mtu. */
int rte_eth_dev_set_mtu(uint16_t port_id, uint16_t mtu);

/* Ownership, shared by every process of the group. */

/** A new owner id, unique in the group. 0, or -EINVAL, -ENOMEM. */
int rte_eth_dev_owner_new(uint64_t *owner_id);

/** Give a port nobody owns to owner. -EPERM when it is owned already, even by owner. */
int rte_eth_dev_owner_set(const uint16_t port_id, const struct rte_eth_dev_owner *owner);

/** Make the port unowned; -EPERM when owner_id does not own it. */
int rte_eth_dev_owner_unset(const uint16_t port_id, const uint64_t owner_id);

/** Release every port owner_id owns. 0, or -EINVAL for an unknown owner id. */
int rte_eth_dev_owner_delete(const uint64_t owner_id);

int rte_eth_dev_owner_get(const uint16_t port_id, struct rte_eth_dev_owner *owner);

/* Events. */

/**
 * Call cb_fn for event on port_id (RTE_ETH_ALL: on every port id, present
 * and future) in this process. Registering the same (event, cb_fn, cb_arg)
 * twice is one registration.
 */
int rte_eth_dev_callback_register(uint16_t port_id, enum rte_eth_event_type event,
				  rte_eth_dev_cb_fn cb_fn, void *cb_arg);

/**
 * Remove registrations ((void *)-1 as cb_arg: with any argument). -EAGAIN
 * when one of them is running now (it is then kept).
 */
int rte_eth_dev_callback_unregister(uint16_t port_id, enum rte_eth_event_type event,
				    rte_eth_dev_cb_fn cb_fn, void *cb_arg);

/* Buffered transmission. */

typedef void (*buffer_tx_error_fn)(struct rte_mbuf **unsent, uint16_t count, void *userdata);

/** Packets gathered for one Tx queue until the buffer is full or flushed. */
struct rte_eth_dev_tx_buffer {
	buffer_tx_error_fn error_callback;
	void *error_userdata;
	uint16_t size;     /**< capacity */
	uint16_t length;   /**< packets held */
	struct rte_mbuf *pkts[];
};

#define RTE_ETH_TX_BUFFER_SIZE(sz) \
	(sizeof(struct rte_eth_dev_tx_buffer) + (sz) * sizeof(struct rte_mbuf *))

/** Initialise a buffer of size packets; unsent packets are freed by default. */
int rte_eth_tx_buffer_init(struct rte_eth_dev_tx_buffer *buffer, uint16_t size);

int rte_eth_tx_buffer_set_err_callback(struct rte_eth_dev_tx_buffer *buffer,
				       buffer_tx_error_fn callback, void *userdata);

/** Error callback: free the unsent packets. */
void rte_eth_tx_buffer_drop_callback(struct rte_mbuf **pkts, uint16_t unsent, void *userdata);

/** Error callback: free them and add their number to *(uint64_t *)userdata. */
void rte_eth_tx_buffer_count_callback(struct rte_mbuf **pkts, uint16_t unsent,
				      void *userdata);

#include <rte_ethdev_core.h>

/**
 * Receive up to nb_pkts packets from an Rx queue. The port must be started
 * and the queue set up; nothing is checked.
 */
static inline uint16_t
rte_eth_rx_burst(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **rx_pkts,
		 const uint16_t nb_pkts)
{
	const struct rte_eth_fp_ops *p = &rte_eth_fp_ops[port_id];

	return p->rx_pkt_burst(p->rxq.data[queue_id], rx_pkts, nb_pkts);
}

/**
 * Send up to nb_pkts packets on a Tx queue; the PMD frees those it sent.
 * Returns how many it took: the caller still owns the others.
 */
static inline uint16_t
rte_eth_tx_burst(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **tx_pkts,
		 uint16_t nb_pkts)
{
	const struct rte_eth_fp_ops *p = &rte_eth_fp_ops[port_id];

	return p->tx_pkt_burst(p->txq.data[queue_id], tx_pkts, nb_pkts);
}

/** Check and fix packets before rte_eth_tx_burst(); how many are fit to send. */
static inline uint16_t
rte_eth_tx_prepare(uint16_t port_id, uint16_t queue_id, struct rte_mbuf **tx_pkts,
		   uint16_t nb_pkts)
{
	const struct rte_eth_fp_ops *p = &rte_eth_fp_ops[port_id];

	if (p->tx_pkt_prepare == NULL)
		return nb_pkts;
	return p->tx_pkt_prepare(p->txq.data[queue_id], tx_pkts, nb_pkts);
}

/** Send what the buffer holds; unsent packets go to its error callback. */
static inline uint16_t
rte_eth_tx_buffer_flush(uint16_t port_id, uint16_t queue_id,
			struct rte_eth_dev_tx_buffer *buffer)
{
	uint16_t to_send = buffer->length;
	uint16_t sent;

	if (to_send == 0)
		return 0;
	sent = rte_eth_tx_burst(port_id, queue_id, buffer->pkts, to_send);
	buffer->length = 0;
	if (unlikely(sent != to_send))
		buffer->error_callback(&buffer->pkts[sent], (uint16_t)(to_send - sent),
				       buffer->error_userdata);
	return sent;
}

/** Add a packet to the buffer, flushing it when full; how many were sent (0 mostly). */
static __rte_always_inline uint16_t
rte_eth_tx_buffer(uint16_t port_id, uint16_t queue_id, struct rte_eth_dev_tx_buffer *buffer,
		  struct rte_mbuf *tx_pkt)
{
	buffer->pkts[buffer->length++] = tx_pkt;
	if (buffer->length < buffer->size)
		return 0;
	return rte_eth_tx_buffer_flush(port_id, queue_id, buffer);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ETHDEV_H_ */
