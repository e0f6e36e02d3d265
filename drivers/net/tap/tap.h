/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef TAP_H
#define TAP_H

/*
 * net_tap inside the driver: a port is a Linux tap interface with
 * TAP_MAX_QUEUES tun queues (IFF_MULTI_QUEUE), one file descriptor each,
 * all opened at probe so that the set of fds is fixed for the port's
 * life. Configure attaches as many tun queues as the port has queue
 * pairs and detaches the others (TUNSETQUEUE), so the kernel spreads
 * frames over the queues the application polls only.
 *
 * The fds are per process (process_private, struct tap_proc): the
 * primary opens them, a secondary receives copies at its probe over
 * rte_mp (tap_mp.c). Everything else is shared: the port's state in
 * dev_private, the queues in the shared heap.
 */

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/queue.h>

#include <ethdev_driver.h>
#include <ethdev_soft.h>
#include <rte_eal.h>
#include <rte_ether.h>
#include <rte_log.h>
#include <rte_mbuf.h>

extern int tap_logtype;
#define TAP_LOG(level, ...) \
	rte_log(RTE_LOG_ ## level, tap_logtype, "TAP: " __VA_ARGS__)

/* Queue pairs of a port: all of its fds fit one rte_mp message. */
#define TAP_MAX_QUEUES RTE_MP_MAX_FD_NUM

/* Buffers one received or sent frame may span. */
#define TAP_MAX_SEGS 32

/* Longest frame and MTU: what a tap interface takes, within the mbuf length fields. */
#define TAP_MAX_FRAME RTE_ETHER_MAX_JUMBO_FRAME_LEN
#define TAP_MAX_MTU (TAP_MAX_FRAME - RTE_ETHER_HDR_LEN - RTE_ETHER_CRC_LEN)

/*
 * A port's shared state (dev_private). ifname, ifindex and persist are
 * fixed at probe. attached (bit q: tun queue q receives) changes in
 * configure, in whichever process runs it: like every control call on a
 * port, the application serialises those.
 */
struct tap_port {
	char ifname[IFNAMSIZ];
	unsigned int ifindex;
	bool persist;
	uint32_t attached;
};

/*
 * One process's fds of a port's tun queues (the port's process_private
 * there). The primary's are handed to secondaries: the process-local
 * list of them, and their fds, are protected by the lock in tap_mp.c.
 */
struct tap_proc {
	LIST_ENTRY(tap_proc) next;
	bool published;
	char name[RTE_ETH_NAME_MAX_LEN];
	int fds[TAP_MAX_QUEUES];
};

/*
 * An Rx or Tx queue, in the shared heap. The counters and spare buffers
 * belong to the one lcore that polls the queue, in whichever process;
 * stats_get only reads the counters.
 */
struct tap_queue {
	uint16_t port_id;
	uint16_t qid;
	struct rte_mempool *mp;               /* Rx: where buffers come from */
	uint16_t seg_room;                    /* Rx: bytes a buffer holds */
	uint16_t nb_spare;                    /* Rx: buffers ready for the next frame */
	struct rte_mbuf *spare[TAP_MAX_SEGS];
	struct rte_eth_soft_qstats st;
};

/* tap_rxtx.c: the bursts, and the queues' buffers. */
uint16_t tap_rx(void *queue, struct rte_mbuf **bufs, uint16_t nb_bufs);
uint16_t tap_tx(void *queue, struct rte_mbuf **bufs, uint16_t nb_bufs);
void tap_queue_free(struct tap_queue *q);

/*
 * tap_intf.c: the kernel side. Each returns 0 or a negative errno after
 * one log line naming the interface.
 */

/*
 * Open n tun queues of the tap interface named like templ ("dtap%d": the
 * kernel picks the number), the first one attached and the others
 * detached; the interface's name into ifname.
 */
int tap_intf_open(const char *templ, int fds[], unsigned int n, char ifname[IFNAMSIZ]);

/* Close the fds that are open (>= 0) and mark them closed. */
void tap_intf_close(int fds[], unsigned int n);

/* Attach (it receives) or detach a tun queue. */
int tap_intf_queue_attach(const char *ifname, int fd, bool attach);

/* Keep the interface after its last fd is closed (TUNSETPERSIST). */
int tap_intf_persist(const char *ifname, int fd, bool on);

/* Set and clear interface flags (IFF_UP, IFF_PROMISC...); the flags now into *now. */
int tap_intf_flags(const char *ifname, unsigned int set, unsigned int clear, unsigned int *now);

int tap_intf_mac_set(const char *ifname, const struct rte_ether_addr *mac);
int tap_intf_mtu_get(const char *ifname, uint16_t *mtu);
int tap_intf_mtu_set(const char *ifname, uint16_t mtu);

/* tap_mp.c: this process's fds of each port, and their handover to secondaries. */

/*
 * Publish a port's fds in this process; the primary serves them to
 * secondaries from then on. 0 or a negative errno after a log line.
 */
int tap_proc_publish(struct tap_proc *pp);

/* Withdraw (if published), close the fds, free. NULL is ignored. */
void tap_proc_free(struct tap_proc *pp);

/*
 * In a secondary: copies of the primary's fds of port name, in a new
 * tap_proc (not yet published) into *out. 0 or a negative errno after a
 * log line.
 */
int tap_proc_fetch(const char *name, struct tap_proc **out);

#endif /* TAP_H */
