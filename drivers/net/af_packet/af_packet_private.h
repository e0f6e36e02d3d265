/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef AF_PACKET_PRIVATE_H
#define AF_PACKET_PRIVATE_H

/*
 * net_af_packet inside the driver.
 *
 * Each queue pair is one AF_PACKET socket bound to the interface, with a
 * PACKET_MMAP (TPACKET_V2) Rx ring and Tx ring. The sockets are the
 * primary's: it creates them at probe, and a secondary's probe gets
 * copies of their fds over rte_mp (af_packet_mp.c) and maps the same
 * rings. A mapping is a process's own, but the pages behind it are the
 * kernel's ring, the same for every process. So the port is split:
 *  - struct afp_port, dev_private in the shared heap: the interface, the
 *    ring geometry, and the queues with their ring positions and counters;
 *  - struct afp_proc, each process's process_private: its fds and
 *    mappings, and where each frame is in its mappings.
 *
 * A ring position (afp_queue.next) is shared, so a queue may be polled
 * from any process, but by one thread at a time in the whole group.
 */

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/queue.h>

#include <ethdev_soft.h>
#include <rte_ethdev.h>
#include <rte_log.h>
#include <rte_mempool.h>

extern int afp_logtype;
#define AFP_LOG(level, ...) \
	rte_log(RTE_LOG_ ## level, afp_logtype, "AF_PACKET: " __VA_ARGS__)

#define AFP_MAX_QPAIRS 16

/*
 * A queue, in dev_private. next is the ring frame the poller looks at
 * next, and the counters are its: both are written by the one thread
 * polling the queue (in any process); the rest by the control path
 * (rx_queue_setup). missed is added to by stats_get in any process,
 * atomically.
 */
struct afp_queue {
	uint16_t port_id;
	uint16_t qid;
	uint32_t framecnt;
	uint32_t next;
	uint32_t room;                /* longest frame a ring slot holds */
	bool vlan_strip;              /* Rx: VLAN tags in vlan_tci, not in the frame */
	struct rte_mempool *mb_pool;  /* Rx: set by rx_queue_setup */
	struct rte_eth_soft_qstats st; /* errs: frames too long for an mbuf or a slot */
	uint64_t missed;              /* Rx: dropped by the kernel, ring full */
};

/* The ring geometry, from devargs. */
struct afp_geometry {
	uint32_t blocksz;
	uint32_t framesz;
	uint32_t framecnt;
};

/* dev_private: written by the primary's probe, read-only afterwards but for the queues. */
struct afp_port {
	char iface[IF_NAMESIZE];
	int ifindex;
	uint16_t nb_qpairs;
	bool qdisc_bypass;
	struct afp_geometry geo;
	struct afp_queue rxq[AFP_MAX_QPAIRS];
	struct afp_queue txq[AFP_MAX_QPAIRS];
};

/* One queue pair in this process: its fd and mapping of the two rings. */
struct afp_local {
	int fd;
	void *map;            /* Rx ring, then Tx ring */
	size_t map_len;
	uint8_t **rx_frame;   /* framecnt pointers into map */
	uint8_t **tx_frame;
};

/*
 * process_private. In the primary it is also on the list of ports whose
 * fds af_packet_mp.c hands out (under that file's lock).
 */
struct afp_proc {
	TAILQ_ENTRY(afp_proc) next;
	char name[RTE_ETH_NAME_MAX_LEN];
	uint16_t nb_qpairs;
	struct afp_local qp[AFP_MAX_QPAIRS];
};

/* af_packet_ring.c */

/* 0 when geo suits a TPACKET_V2 ring; else -EINVAL and the reason in why, for a log line. */
int afp_geometry_check(const struct afp_geometry *geo, char *why, size_t size);

/* The longest frame a slot of framesz bytes receives or sends. */
uint32_t afp_frame_room(uint32_t framesz);

/* Primary: a socket with both rings, bound to port's interface. fd or a negative errno. */
int afp_socket_open(const char *name, const struct afp_port *port, int *fanout_id);

/* Map the rings of fd (any process's copy) into l, which takes fd over. 0 or -errno. */
int afp_local_map(const char *name, const struct afp_geometry *geo, int fd, struct afp_local *l);

/* A process's qpairs for a port, all fds -1; NULL (after a log line) when out of memory. */
struct afp_proc *afp_proc_new(const char *name, uint16_t nb_qpairs);

/* Unmap and close this process's copies; NULL is fine. */
void afp_proc_free(struct afp_proc *pp);

/* af_packet_mp.c */

/* Primary: hand pp's fds to secondaries that ask for its port from now on. 0 or -errno. */
int afp_mp_publish(struct afp_proc *pp);

/* Primary: stop handing pp's fds out; returns once no reply carries them. */
void afp_mp_withdraw(struct afp_proc *pp);

/* Secondary: copies of the nb fds of port name, from the primary. 0 or -errno. */
int afp_mp_fetch(const char *name, uint16_t nb, int *fds);

#endif /* AF_PACKET_PRIVATE_H */
