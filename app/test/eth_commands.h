/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef ETH_COMMANDS_H
#define ETH_COMMANDS_H

/*
 * Commands of the "eal" role on Ethernet ports, for the groups that test
 * PMDs across processes (beside attach, detach, devices and resources of
 * test_hotplug_driver.c):
 *   "eth_pool N" -> "ok": the group's mbuf pool ETH_MP_POOL of N mbufs
 *   "eth_up NAME NQ" -> result of configure + NQ queue pairs + start, one line
 *   "eth_ports" -> "ID:NAME ..." of every port attached here, by id ("-": none)
 *   "eth_port NAME" -> "ID MAC" or the error of the lookup
 *   "eth_slot ID" -> the name in the shared port table at ID, "-" when free
 *   "eth_stats NAME" -> "in=N out=M"
 *   "pkt_tx NAME QUEUE COUNT MAXLEN TAG GAP_US [VLAN]" -> "sent=N"
 *      COUNT frames numbered 0.. of 60 to MAXLEN bytes, broadcast, EtherType
 *      0x88b5, carrying TAG, their number, their length and a pattern
 *      made from the number; GAP_US microseconds between frames; with an
 *      802.1Q tag of VLAN (4 bytes more) when given.
 *   "pkt_rx NAME COUNT TAG TIMEOUT_MS WRAP [VLAN]" -> "rx=N bad=M other=K"
 *      polls every Rx queue until COUNT frames of TAG (tagged with VLAN
 *      when given) came, or the timeout: bad counts frames of TAG out of
 *      order (numbers run 0..WRAP-1 and again when WRAP is not 0) or
 *      damaged, other the frames that are not those.
 *   "pkt_stats NAME" -> "in=N out=M ierr=I oerr=O"
 *
 * The pool has no per-lcore caches: every helper runs on lcore 0, and
 * caches of the same lcore id in two processes would collide.
 */

#define ETH_MP_POOL "eth_mp_pool"

#endif /* ETH_COMMANDS_H */
