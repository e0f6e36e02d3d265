/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * A bond's members: joining and leaving, being set up like the bond,
 * the views the bursts read, and the events that make a member leave
 * when its port goes (see eth_bond_private.h).
 */

#include <errno.h>
#include <string.h>
#include <time.h>

#include <rte_bus.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_pause.h>

#include "eal_memcfg.h"
#include "eth_bond_private.h"

/* How long a writer waits for a burst to end before it takes the process as dead. */
#define BOND_QUIESCE_MS 1000

uint64_t bond_gone[RTE_MAX_ETHPORTS];

static bool
is_primary(void)
{
	return rte_eal_process_type() == RTE_PROC_PRIMARY;
}

void
bond_lock(struct bond_port *bp)
{
	/* A dead owner may have left a member list half-changed; the views stay whole. */
	eal_shared_lock(&bp->lock, "bond");
}

void
bond_unlock(struct bond_port *bp)
{
	eal_shared_unlock(&bp->lock);
}

struct rte_eth_dev *
bond_dev_of(uint16_t port_id)
{
	if (!rte_eth_dev_is_valid_port(port_id) || rte_eth_devices[port_id].dev_ops != &bond_ops) {
		BOND_LOG(ERR, "port %u is not a bond port attached in this process\n", port_id);
		return NULL;
	}
	return &rte_eth_devices[port_id];
}

int
bond_member_find(const struct bond_port *bp, uint16_t port_id)
{
	unsigned int i;

	for (i = 0; i < bp->nb_members; i++) {
		if (bp->members[i].port_id == port_id)
			return (int)i;
	}
	return -1;
}

static uint64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* Wait until the burst running on q when called (if any) has ended. */
static void
queue_quiesce(const struct rte_eth_dev_data *data, const char *dir, uint16_t qid,
	      struct bond_queue *q)
{
	uint32_t busy = __atomic_load_n(&q->busy, __ATOMIC_SEQ_CST);
	uint64_t deadline;

	if (!(busy & 1))
		return;
	deadline = now_ms() + BOND_QUIESCE_MS;
	while (__atomic_load_n(&q->busy, __ATOMIC_ACQUIRE) == busy) {
		if (now_ms() > deadline) {
			BOND_LOG(WARNING, "%s: a burst on %s queue %u did not end in %d ms "
				 "(its process died?): going on\n", data->name, dir, qid,
				 BOND_QUIESCE_MS);
			return;
		}
		rte_pause();
	}
}

static void
bond_quiesce(const struct rte_eth_dev_data *data)
{
	uint16_t q;

	for (q = 0; q < data->nb_rx_queues; q++) {
		if (data->rx_queues[q] != NULL)
			queue_quiesce(data, "Rx", q, data->rx_queues[q]);
	}
	for (q = 0; q < data->nb_tx_queues; q++) {
		if (data->tx_queues[q] != NULL)
			queue_quiesce(data, "Tx", q, data->tx_queues[q]);
	}
}

void
bond_view_publish(struct rte_eth_dev *bond)
{
	struct bond_port *bp = bond->data->dev_private;
	uint32_t next = bp->cur + 1;
	struct bond_view *v = &bp->views[next & 1];
	unsigned int i;

	v->mode = bp->mode;
	v->nb = 0;
	if (bp->mode == BONDING_MODE_ACTIVE_BACKUP) {
		if (bp->primary != BOND_NO_PORT)
			v->ports[v->nb++] = bp->primary;
	} else {
		for (i = 0; i < bp->nb_members; i++)
			v->ports[v->nb++] = bp->members[i].port_id;
	}
	__atomic_store_n(&bp->cur, next, __ATOMIC_SEQ_CST);
	bond_quiesce(bond->data);
}

int
bond_member_start(struct rte_eth_dev *bond, uint16_t port_id)
{
	const struct rte_eth_dev_data *bd = bond->data;
	struct rte_eth_conf conf = bd->dev_conf;
	const char *step = "stop";
	uint16_t q;
	int ret;

	/* The bond polls the member: the member's own interrupts are not the application's. */
	memset(&conf.intr_conf, 0, sizeof(conf.intr_conf));
	ret = rte_eth_devices[port_id].data->dev_started ? rte_eth_dev_stop(port_id) : 0;
	if (ret == 0) {
		step = "configure";
		ret = rte_eth_dev_configure(port_id, bd->nb_rx_queues, bd->nb_tx_queues, &conf);
	}
	for (q = 0; ret == 0 && q < bd->nb_rx_queues; q++) {
		const struct bond_queue *bq = bd->rx_queues[q];

		step = "set up an Rx queue of";
		ret = rte_eth_rx_queue_setup(port_id, q, bq->nb_desc, bq->socket_id, &bq->rxconf,
					     bq->mp);
	}
	for (q = 0; ret == 0 && q < bd->nb_tx_queues; q++) {
		const struct bond_queue *bq = bd->tx_queues[q];

		step = "set up a Tx queue of";
		ret = rte_eth_tx_queue_setup(port_id, q, bq->nb_desc, bq->socket_id, &bq->txconf);
	}
	if (ret == 0) {
		step = "start";
		ret = rte_eth_dev_start(port_id);
	}
	if (ret < 0)
		BOND_LOG(ERR, "%s: cannot %s member port %u: %s\n", bd->name, step, port_id,
			 strerror(-ret));
	return ret;
}

int
bond_member_add(struct rte_eth_dev *bond, uint16_t port_id, bool owned, const char *devname)
{
	struct bond_port *bp = bond->data->dev_private;
	struct rte_ether_addr *bond_mac = &bond->data->mac_addrs[0];
	const char *name = bond->data->name;
	struct rte_eth_dev_data *md;
	struct bond_member *m;
	struct rte_ether_addr saved;
	int ret;

	if (port_id == bp->port_id || !rte_eth_dev_is_valid_port(port_id)) {
		BOND_LOG(ERR, "%s: port %u cannot be a member: it is %s\n", name, port_id,
			 port_id == bp->port_id ? "the bond itself" :
						  "not a port attached in this process");
		return port_id == bp->port_id ? -EINVAL : -ENODEV;
	}
	md = rte_eth_devices[port_id].data;
	if (rte_eth_devices[port_id].dev_ops == &bond_ops) {
		BOND_LOG(ERR, "%s: port %u cannot be a member: it is a bond\n", name, port_id);
		return -EINVAL;
	}
	if (md->dev_flags & RTE_ETH_DEV_BONDED_SLAVE) {
		BOND_LOG(ERR, "%s: port %u (%s) is a member of a bond already\n", name, port_id,
			 md->name);
		return -EBUSY;
	}
	ret = rte_eth_macaddr_get(port_id, &saved);
	if (ret < 0) {
		BOND_LOG(ERR, "%s: port %u has no MAC address to keep: %s\n", name, port_id,
			 strerror(-ret));
		return ret;
	}
	/* A bond without an address takes its first member's; members take the bond's. */
	if (rte_is_zero_ether_addr(bond_mac))
		*bond_mac = saved;
	ret = rte_eth_dev_default_mac_addr_set(port_id, bond_mac);
	if (ret < 0 && ret != -ENOTSUP) {
		BOND_LOG(ERR, "%s: cannot give member port %u the bond's MAC address: %s\n", name,
			 port_id, strerror(-ret));
		return ret;
	}
	if (bond->data->dev_started) {
		ret = bond_member_start(bond, port_id);
		if (ret < 0) {
			rte_eth_dev_default_mac_addr_set(port_id, &saved);
			return ret;
		}
	}
	m = &bp->members[bp->nb_members++];
	memset(m, 0, sizeof(*m));
	m->port_id = port_id;
	m->owned = owned;
	m->saved_mac = saved;
	if (devname != NULL)
		snprintf(m->devname, sizeof(m->devname), "%s", devname);
	md->dev_flags |= RTE_ETH_DEV_BONDED_SLAVE;
	if (bp->primary == BOND_NO_PORT)
		bp->primary = port_id;
	bond_view_publish(bond);
	BOND_LOG(INFO, "%s: port %u (%s) is a member\n", name, port_id, md->name);
	return 0;
}

void
bond_member_drop(struct rte_eth_dev *bond, unsigned int i, bool restore)
{
	struct bond_port *bp = bond->data->dev_private;
	struct bond_member m = bp->members[i];
	struct rte_eth_dev_data *md = rte_eth_devices[m.port_id].data;
	int ret;

	memmove(&bp->members[i], &bp->members[i + 1],
		(bp->nb_members - i - 1) * sizeof(bp->members[0]));
	bp->nb_members--;
	if (bp->primary == m.port_id)
		bp->primary = bp->nb_members > 0 ? bp->members[0].port_id : BOND_NO_PORT;
	/* The bursts leave the port before it is given back. */
	bond_view_publish(bond);
	if (md != NULL)
		md->dev_flags &= ~RTE_ETH_DEV_BONDED_SLAVE;
	if (!restore || !rte_eth_dev_is_valid_port(m.port_id))
		return;
	ret = rte_eth_dev_default_mac_addr_set(m.port_id, &m.saved_mac);
	if (ret < 0 && ret != -ENOTSUP)
		BOND_LOG(WARNING, "%s: cannot give port %u its MAC address back: %s\n",
			 bond->data->name, m.port_id, strerror(-ret));
}

/*
 * A port of this process appears (NEW: it may reuse the id of one gone),
 * goes (DESTROY) or lost its device (INTR_RMV). The shared list changes
 * when the device is gone for good: on INTR_RMV, or on DESTROY in the
 * primary, whose release comes last in a multi-process detach (a detach
 * rolled back before it leaves the bond as it was). In every process, a
 * port going is skipped by the bursts from now on.
 */
static int
on_port_event(uint16_t port_id, enum rte_eth_event_type event, void *cb_arg, void *ret_param)
{
	uint16_t bond_id = (uint16_t)(uintptr_t)cb_arg;
	struct rte_eth_dev *bond = &rte_eth_devices[bond_id];
	struct bond_port *bp;
	bool failover;
	int i;

	RTE_SET_USED(ret_param);
	if (port_id == bond_id || bond->dev_ops != &bond_ops)
		return 0;
	if (event == RTE_ETH_EVENT_NEW) {
		__atomic_fetch_and(&bond_gone[bond_id], ~RTE_BIT64(port_id), __ATOMIC_RELEASE);
		return 0;
	}
	bp = bond->data->dev_private;
	bond_lock(bp);
	i = bond_member_find(bp, port_id);
	if (i >= 0 && event == RTE_ETH_EVENT_DESTROY)
		__atomic_fetch_or(&bond_gone[bond_id], RTE_BIT64(port_id), __ATOMIC_SEQ_CST);
	if (i >= 0 && (event == RTE_ETH_EVENT_INTR_RMV || is_primary())) {
		failover = bp->mode == BONDING_MODE_ACTIVE_BACKUP && bp->primary == port_id;
		bond_member_drop(bond, (unsigned int)i, false);
		if (failover && bp->primary != BOND_NO_PORT)
			BOND_LOG(NOTICE, "%s: member port %u is gone: port %u takes over\n",
				 bond->data->name, port_id, bp->primary);
		else
			BOND_LOG(INFO, "%s: member port %u is gone: it leaves the bond\n",
				 bond->data->name, port_id);
	} else if (i >= 0) {
		/* Only here: no burst of this process may still be on it when it goes. */
		bond_quiesce(bond->data);
	}
	bond_unlock(bp);
	return 0;
}

static const enum rte_eth_event_type watched[] = {
	RTE_ETH_EVENT_NEW, RTE_ETH_EVENT_DESTROY, RTE_ETH_EVENT_INTR_RMV,
};

int
bond_events_register(uint16_t bond_port_id)
{
	void *arg = (void *)(uintptr_t)bond_port_id;
	unsigned int i;
	int ret = 0;

	RTE_BUILD_BUG_ON(RTE_MAX_ETHPORTS > 64); /* bond_gone has a bit per port */
	__atomic_store_n(&bond_gone[bond_port_id], 0, __ATOMIC_RELEASE);
	for (i = 0; i < RTE_DIM(watched) && ret == 0; i++)
		ret = rte_eth_dev_callback_register(RTE_ETH_ALL, watched[i], on_port_event, arg);
	if (ret < 0) {
		BOND_LOG(ERR, "bond port %u: cannot watch the ports: %s\n", bond_port_id,
			 strerror(-ret));
		bond_events_unregister(bond_port_id);
	}
	return ret;
}

void
bond_events_unregister(uint16_t bond_port_id)
{
	unsigned int i;

	for (i = 0; i < RTE_DIM(watched); i++)
		rte_eth_dev_callback_unregister(RTE_ETH_ALL, watched[i], on_port_event,
						(void *)(uintptr_t)bond_port_id);
}

bool
bond_hotplug_nests(void)
{
	return rte_dev_hotplug_nestable();
}

void
bond_detach_owned(const char *bond_name, const char *devname)
{
	const struct rte_bus *bus = rte_bus_find_by_device_name(devname);
	int ret;

	if (bus == NULL)
		return;
	ret = rte_eal_hotplug_remove(rte_bus_name(bus), devname);
	/* The member may have been detached on its own meanwhile: nothing to do then. */
	if (ret < 0 && ret != -ENOENT)
		BOND_LOG(ERR, "%s: cannot detach member device %s, which it attached: %s\n",
			 bond_name, devname, strerror(-ret));
}
