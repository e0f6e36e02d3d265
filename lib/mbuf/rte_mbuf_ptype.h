/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_MBUF_PTYPE_H_
#define _RTE_MBUF_PTYPE_H_

/**
 * @file
 * Packet types (DPDK 22.11 API): what a driver or software parser found in
 * a packet, in mbuf->packet_type. One 4-bit field per layer; each field
 * holds one value of its layer, 0 meaning unknown.
 */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_PTYPE_UNKNOWN                   0x00000000

/* Outer layer 2. */
#define RTE_PTYPE_L2_ETHER                  0x00000001
#define RTE_PTYPE_L2_ETHER_TIMESYNC         0x00000002
#define RTE_PTYPE_L2_ETHER_ARP              0x00000003
#define RTE_PTYPE_L2_ETHER_LLDP             0x00000004
#define RTE_PTYPE_L2_ETHER_NSH              0x00000005
#define RTE_PTYPE_L2_ETHER_VLAN             0x00000006
#define RTE_PTYPE_L2_ETHER_QINQ             0x00000007
#define RTE_PTYPE_L2_ETHER_PPPOE            0x00000008
#define RTE_PTYPE_L2_ETHER_FCOE             0x00000009
#define RTE_PTYPE_L2_ETHER_MPLS             0x0000000a
#define RTE_PTYPE_L2_MASK                   0x0000000f

/* Outer layer 3: IPv4 values have bit 0x10 set, IPv6 ones bit 0x40. */
#define RTE_PTYPE_L3_IPV4                   0x00000010
#define RTE_PTYPE_L3_IPV4_EXT               0x00000030
#define RTE_PTYPE_L3_IPV6                   0x00000040
#define RTE_PTYPE_L3_IPV4_EXT_UNKNOWN       0x00000090
#define RTE_PTYPE_L3_IPV6_EXT               0x000000c0
#define RTE_PTYPE_L3_IPV6_EXT_UNKNOWN       0x000000e0
#define RTE_PTYPE_L3_MASK                   0x000000f0

/* Outer layer 4. */
#define RTE_PTYPE_L4_TCP                    0x00000100
#define RTE_PTYPE_L4_UDP                    0x00000200
#define RTE_PTYPE_L4_FRAG                   0x00000300
#define RTE_PTYPE_L4_SCTP                   0x00000400
#define RTE_PTYPE_L4_ICMP                   0x00000500
#define RTE_PTYPE_L4_NONFRAG                0x00000600
#define RTE_PTYPE_L4_IGMP                   0x00000700
#define RTE_PTYPE_L4_MASK                   0x00000f00

/* Tunnel. */
#define RTE_PTYPE_TUNNEL_IP                 0x00001000
#define RTE_PTYPE_TUNNEL_GRE                0x00002000
#define RTE_PTYPE_TUNNEL_VXLAN              0x00003000
#define RTE_PTYPE_TUNNEL_NVGRE              0x00004000
#define RTE_PTYPE_TUNNEL_GENEVE             0x00005000
#define RTE_PTYPE_TUNNEL_GRENAT             0x00006000
#define RTE_PTYPE_TUNNEL_GTPC               0x00007000
#define RTE_PTYPE_TUNNEL_GTPU               0x00008000
#define RTE_PTYPE_TUNNEL_ESP                0x00009000
#define RTE_PTYPE_TUNNEL_L2TP               0x0000a000
#define RTE_PTYPE_TUNNEL_VXLAN_GPE          0x0000b000
#define RTE_PTYPE_TUNNEL_MPLS_IN_GRE        0x0000c000
#define RTE_PTYPE_TUNNEL_MPLS_IN_UDP        0x0000d000
#define RTE_PTYPE_TUNNEL_MASK               0x0000f000

/* Inner layer 2. */
#define RTE_PTYPE_INNER_L2_ETHER            0x00010000
#define RTE_PTYPE_INNER_L2_ETHER_VLAN       0x00020000
#define RTE_PTYPE_INNER_L2_ETHER_QINQ       0x00030000
#define RTE_PTYPE_INNER_L2_MASK             0x000f0000

/* Inner layer 3. */
#define RTE_PTYPE_INNER_L3_IPV4             0x00100000
#define RTE_PTYPE_INNER_L3_IPV4_EXT         0x00200000
#define RTE_PTYPE_INNER_L3_IPV6             0x00300000
#define RTE_PTYPE_INNER_L3_IPV4_EXT_UNKNOWN 0x00400000
#define RTE_PTYPE_INNER_L3_IPV6_EXT         0x00500000
#define RTE_PTYPE_INNER_L3_IPV6_EXT_UNKNOWN 0x00600000
#define RTE_PTYPE_INNER_L3_MASK             0x00f00000

/* Inner layer 4. */
#define RTE_PTYPE_INNER_L4_TCP              0x01000000
#define RTE_PTYPE_INNER_L4_UDP              0x02000000
#define RTE_PTYPE_INNER_L4_FRAG             0x03000000
#define RTE_PTYPE_INNER_L4_SCTP             0x04000000
#define RTE_PTYPE_INNER_L4_ICMP             0x05000000
#define RTE_PTYPE_INNER_L4_NONFRAG          0x06000000
#define RTE_PTYPE_INNER_L4_MASK             0x0f000000

#define RTE_PTYPE_ALL_MASK                  0x0fffffff

/** Whether the outer layer 3 is IPv4 (with or without options). */
#define RTE_ETH_IS_IPV4_HDR(ptype) ((ptype) & RTE_PTYPE_L3_IPV4)

/** Whether the outer layer 3 is IPv6 (with or without extensions). */
#define RTE_ETH_IS_IPV6_HDR(ptype) ((ptype) & RTE_PTYPE_L3_IPV6)

/** Whether the packet is tunnelled. */
#define RTE_ETH_IS_TUNNEL_PKT(ptype) ((ptype) & \
	(RTE_PTYPE_TUNNEL_MASK | RTE_PTYPE_INNER_L2_MASK | \
	 RTE_PTYPE_INNER_L3_MASK | RTE_PTYPE_INNER_L4_MASK))

#ifdef __cplusplus
}
#endif

#endif /* _RTE_MBUF_PTYPE_H_ */
