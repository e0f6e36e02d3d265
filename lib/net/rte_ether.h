/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_ETHER_H_
#define _RTE_ETHER_H_

/**
 * @file
 * Ethernet addresses and headers (DPDK 22.11 API).
 */

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_ETHER_ADDR_LEN 6 /**< bytes in an Ethernet address */
#define RTE_ETHER_TYPE_LEN 2 /**< bytes in the EtherType field */
#define RTE_ETHER_CRC_LEN 4  /**< bytes in the frame check sequence */
#define RTE_ETHER_HDR_LEN (RTE_ETHER_ADDR_LEN * 2 + RTE_ETHER_TYPE_LEN)
#define RTE_ETHER_MIN_LEN 64    /**< shortest frame, CRC included */
#define RTE_ETHER_MAX_LEN 1518  /**< longest untagged frame, CRC included */
#define RTE_ETHER_MTU (RTE_ETHER_MAX_LEN - RTE_ETHER_HDR_LEN - RTE_ETHER_CRC_LEN)
#define RTE_ETHER_MAX_VLAN_FRAME_LEN (RTE_ETHER_MAX_LEN + 4)
#define RTE_ETHER_MAX_JUMBO_FRAME_LEN 0x3F00
#define RTE_ETHER_MAX_VLAN_ID 4095
#define RTE_ETHER_MIN_MTU 68 /**< the smallest MTU IPv4 allows */

/** Room for "XX:XX:XX:XX:XX:XX" and its terminating NUL. */
#define RTE_ETHER_ADDR_FMT_SIZE 18

/* Bits of the first address byte. */
#define RTE_ETHER_LOCAL_ADMIN_ADDR 0x02 /**< locally administered */
#define RTE_ETHER_GROUP_ADDR 0x01       /**< multicast or broadcast */

/* EtherType values, in host order. */
#define RTE_ETHER_TYPE_IPV4 0x0800
#define RTE_ETHER_TYPE_IPV6 0x86DD
#define RTE_ETHER_TYPE_ARP 0x0806
#define RTE_ETHER_TYPE_RARP 0x8035
#define RTE_ETHER_TYPE_VLAN 0x8100
#define RTE_ETHER_TYPE_QINQ 0x88A8
#define RTE_ETHER_TYPE_QINQ1 0x9100
#define RTE_ETHER_TYPE_QINQ2 0x9200
#define RTE_ETHER_TYPE_QINQ3 0x9300
#define RTE_ETHER_TYPE_PPPOE_DISCOVERY 0x8863
#define RTE_ETHER_TYPE_PPPOE_SESSION 0x8864
#define RTE_ETHER_TYPE_ETAG 0x893F
#define RTE_ETHER_TYPE_1588 0x88F7
#define RTE_ETHER_TYPE_SLOW 0x8809
#define RTE_ETHER_TYPE_TEB 0x6558
#define RTE_ETHER_TYPE_LLDP 0x88CC
#define RTE_ETHER_TYPE_MPLS 0x8847
#define RTE_ETHER_TYPE_MPLSM 0x8848
#define RTE_ETHER_TYPE_ECPRI 0xAEFE

/**
 * An Ethernet address, first byte first as on the wire. The 2-byte
 * alignment lets the comparisons below work on 16-bit words.
 */
struct rte_ether_addr {
	uint8_t addr_bytes[RTE_ETHER_ADDR_LEN];
} __rte_aligned(2);

/**
 * printf format and arguments for an address:
 * printf(RTE_ETHER_ADDR_PRT_FMT "\n", RTE_ETHER_ADDR_BYTES(&addr));
 */
#define RTE_ETHER_ADDR_PRT_FMT "%02X:%02X:%02X:%02X:%02X:%02X"
#define RTE_ETHER_ADDR_BYTES(mac_addrs) \
	((mac_addrs)->addr_bytes[0]), ((mac_addrs)->addr_bytes[1]), \
	((mac_addrs)->addr_bytes[2]), ((mac_addrs)->addr_bytes[3]), \
	((mac_addrs)->addr_bytes[4]), ((mac_addrs)->addr_bytes[5])

/** Ethernet header: destination, source, EtherType (network order). */
struct rte_ether_hdr {
	struct rte_ether_addr dst_addr;
	struct rte_ether_addr src_addr;
	rte_be16_t ether_type;
} __rte_aligned(2);

/** 802.1Q tag, following the addresses in place of the EtherType. */
struct rte_vlan_hdr {
	rte_be16_t vlan_tci;
	rte_be16_t eth_proto;
} __rte_packed;

static inline int
rte_is_same_ether_addr(const struct rte_ether_addr *ea1,
		       const struct rte_ether_addr *ea2)
{
	return memcmp(ea1->addr_bytes, ea2->addr_bytes, RTE_ETHER_ADDR_LEN) == 0;
}

static inline int
rte_is_zero_ether_addr(const struct rte_ether_addr *ea)
{
	const uint8_t *b = ea->addr_bytes;

	return (b[0] | b[1] | b[2] | b[3] | b[4] | b[5]) == 0;
}

static inline int
rte_is_unicast_ether_addr(const struct rte_ether_addr *ea)
{
	return (ea->addr_bytes[0] & RTE_ETHER_GROUP_ADDR) == 0;
}

static inline int
rte_is_multicast_ether_addr(const struct rte_ether_addr *ea)
{
	return (ea->addr_bytes[0] & RTE_ETHER_GROUP_ADDR) != 0;
}

static inline int
rte_is_broadcast_ether_addr(const struct rte_ether_addr *ea)
{
	const uint8_t *b = ea->addr_bytes;

	return (b[0] & b[1] & b[2] & b[3] & b[4] & b[5]) == 0xff;
}

static inline int
rte_is_universal_ether_addr(const struct rte_ether_addr *ea)
{
	return (ea->addr_bytes[0] & RTE_ETHER_LOCAL_ADMIN_ADDR) == 0;
}

static inline int
rte_is_local_admin_ether_addr(const struct rte_ether_addr *ea)
{
	return (ea->addr_bytes[0] & RTE_ETHER_LOCAL_ADMIN_ADDR) != 0;
}

/** A unicast address other than all zeros: one a port may be given. */
static inline int
rte_is_valid_assigned_ether_addr(const struct rte_ether_addr *ea)
{
	return rte_is_unicast_ether_addr(ea) && !rte_is_zero_ether_addr(ea);
}

static inline void
rte_ether_addr_copy(const struct rte_ether_addr *ea_from,
		    struct rte_ether_addr *ea_to)
{
	*ea_to = *ea_from;
}

/**
 * Fill addr (RTE_ETHER_ADDR_LEN bytes) with a random unicast, locally
 * administered address.
 */
void rte_eth_random_addr(uint8_t *addr);

/**
 * Format eth_addr as "XX:XX:XX:XX:XX:XX" into buf of size bytes, truncated
 * when size is below RTE_ETHER_ADDR_FMT_SIZE.
 */
void rte_ether_format_addr(char *buf, uint16_t size,
			   const struct rte_ether_addr *eth_addr);

/**
 * Parse an Ethernet address written "XX:XX:XX:XX:XX:XX", "XX-XX-XX-XX-XX-XX"
 * (one or two hex digits a byte), or "XXXX.XXXX.XXXX" / "XXXX:XXXX:XXXX"
 * (one to four a 16-bit group, most significant byte first). The whole
 * string must be the address.
 *
 * @return 0, or -1 with rte_errno set to EINVAL.
 */
int rte_ether_unformat_addr(const char *str, struct rte_ether_addr *eth_addr);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ETHER_H_ */
