/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef ETH_BOND_PRIVATE_H
#define ETH_BOND_PRIVATE_H

/*
 * net_bonding inside the driver.
 *
 * A bond's state is its dev_private, in the shared heap: every process
 * sees the same members. The control path changes it under the bond's
 * lock, a robust process-shared mutex (a process dying with it held does
 * not block the others). The fast path reads no lock: it reads a view
 * (the ports to use and the mode), of which there are two; a writer
 * fills the one not in use, makes it current, and waits until every
 * burst that may still read the old one has ended (each bond queue
 * counts its bursts: odd while one runs) before it may write that one
 * again. The same wait keeps a member's queues alive until no burst of
 * the bond can be on them when the member goes.
 *
 * What is per process: the event callbacks that see members go, and the
 * members gone in this process (bond_gone), which the bursts skip: a
 * multi-process detach releases a member in the secondaries before the
 * primary drops it from the shared list.
 */

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>

#include <ethdev_driver.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <rte_ether.h>
#include <rte_log.h>

#include "rte_eth_bond.h"

extern int bond_logtype;
#define BOND_LOG(level, ...) \
	rte_log(RTE_LOG_ ## level, bond_logtype, "BOND: " __VA_ARGS__)

#define BOND_MAX_MEMBERS RTE_MAX_ETHPORTS
/* "No port" in a port id field. */
#define BOND_NO_PORT RTE_MAX_ETHPORTS

struct bond_member {
	uint16_t port_id;
	bool owned;                         /* attached from the bond's devargs: detached with it */
	char devname[RTE_DEV_NAME_MAX_LEN]; /* its device, to detach */
	struct rte_ether_addr saved_mac;    /* its address before it joined */
};

/* What the bursts use. */
struct bond_view {
	uint8_t mode;
	uint16_t nb;
	uint16_t ports[BOND_MAX_MEMBERS]; /* active-backup: the primary only */
};

/* A bond's dev_private (shared). */
struct bond_port {
	pthread_mutex_t lock;
	/* Under lock. */
	uint16_t port_id;                   /* the bond's */
	uint8_t mode;
	uint16_t primary;                   /* BOND_NO_PORT: none (no members) */
	uint16_t nb_members;
	struct bond_member members[BOND_MAX_MEMBERS];
	/* Written under lock, read by the bursts: views[cur & 1] is current. */
	uint32_t cur;
	struct bond_view views[2];
};

/*
 * A bond queue, in the shared heap. busy and next belong to the lcore
 * that polls the queue; the rest, fixed at setup, is how the members'
 * queues of the same id are set up.
 */
struct bond_queue {
	struct bond_port *bp;
	uint16_t qid;
	uint32_t busy;                      /* odd while a burst runs */
	uint16_t next;                      /* round robin position */
	uint16_t nb_desc;
	unsigned int socket_id;
	struct rte_mempool *mp;             /* Rx */
	struct rte_eth_rxconf rxconf;
	struct rte_eth_txconf txconf;
};

/*
 * Per bond port id, in this process: bit p, member port p was released
 * here; the bursts skip it. Cleared when the bond is probed here and when
 * a port of that id appears again.
 */
extern uint64_t bond_gone[RTE_MAX_ETHPORTS];

/* A bond's devargs (rte_eth_bond_args.c). */
#define BOND_ARG_MODE "mode"
#define BOND_ARG_MEMBER "member"
#define BOND_ARG_SLAVE "slave"
#define BOND_ARG_PRIMARY "primary"
#define BOND_ARG_SOCKET "socket_id"
#define BOND_ARG_LEN 256 /* longest member value: devargs of a device */

/* What they ask for, checked before anything is attached. */
struct bond_args {
	int mode;                     /* -1: not given */
	int socket_id;                /* SOCKET_ID_ANY: not given */
	unsigned int nb;
	char member[BOND_MAX_MEMBERS][BOND_ARG_LEN];
	char primary[RTE_DEV_NAME_MAX_LEN];
	const char *bad_key;          /* the key whose value was refused */
};

/* The devargs into a; -EINVAL after one log line saying what is wrong. */
int bond_args_parse(const char *name, const char *args, struct bond_args *a);

/*
 * What each member is, without acting: an existing port that may join
 * (port_ids[i]), or a device to attach (BOND_NO_PORT; its name in
 * names[i]). 0, or a negative errno after one log line.
 */
int bond_args_check_members(const char *bond, const struct bond_args *a, uint16_t port_ids[],
			    char names[][RTE_DEV_NAME_MAX_LEN]);

/* rte_eth_bond_rxtx.c */
uint16_t bond_rx(void *queue, struct rte_mbuf **bufs, uint16_t nb_bufs);
uint16_t bond_tx(void *queue, struct rte_mbuf **bufs, uint16_t nb_bufs);

/* rte_eth_bond_pmd.c: the bond ports' operations (what tells a bond from another port). */
extern const struct eth_dev_ops bond_ops;

/* rte_eth_bond_members.c. Callers hold the bond's lock unless said otherwise. */

void bond_lock(struct bond_port *bp);
void bond_unlock(struct bond_port *bp);

/* The bond port_id as attached in this process, or NULL after a log line. */
struct rte_eth_dev *bond_dev_of(uint16_t port_id);

/* Index of port_id among the members, or -1. */
int bond_member_find(const struct bond_port *bp, uint16_t port_id);

/*
 * Make port_id a member (see rte_eth_bond_member_add()); owned and
 * devname as in struct bond_member. 0 or a negative errno after a log line.
 */
int bond_member_add(struct rte_eth_dev *bond, uint16_t port_id, bool owned,
		    const char *devname);

/*
 * Drop member i. restore: the port stays; give its MAC address back and
 * clear its member flag. The primary moves to the first member left.
 */
void bond_member_drop(struct rte_eth_dev *bond, unsigned int i, bool restore);

/* Configure a member like the bond, set up its queues like the bond's, start it. */
int bond_member_start(struct rte_eth_dev *bond, uint16_t port_id);

/* Publish the members as they are now to the bursts, and wait for the old view's readers. */
void bond_view_publish(struct rte_eth_dev *bond);

/*
 * Watch the ports of this process for the bond: NEW, DESTROY and
 * INTR_RMV of every port. Without the lock.
 */
int bond_events_register(uint16_t bond_port_id);
void bond_events_unregister(uint16_t bond_port_id);

/*
 * Whether this thread may attach or detach other devices in the bond's
 * probe or remove: only within a multi-process hotplug operation, which
 * nests those of a driver in its own (rte_dev_hotplug_nestable()). Any
 * other caller of the bond's probe or remove (rte_vdev_init(),
 * rte_vdev_uninit(), the bus cleanup at exit) holds the vdev bus lock
 * that a nested operation needs, and would wait for itself.
 */
bool bond_hotplug_nests(void);

/* Detach a member device the bond attached, from every process. Without the lock. */
void bond_detach_owned(const char *bond_name, const char *devname);

#endif /* ETH_BOND_PRIVATE_H */
