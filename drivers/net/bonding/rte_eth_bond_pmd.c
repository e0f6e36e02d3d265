/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * net_bonding: the bond port and its operations (devargs in
 * rte_eth_bond_args.c).
 *
 * The primary's probe attaches the member devices the devargs name (a
 * multi-process attach of its own, nested in the bond's), and they go
 * with the bond. A secondary's probe attaches to the primary's port: the
 * members are in its shared state already.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bus_vdev_driver.h>
#include <ethdev_driver.h>
#include <ethdev_soft.h>
#include <ethdev_vdev.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>

#include "eal_memcfg.h"
#include "eth_bond_private.h"

RTE_LOG_REGISTER_DEFAULT(bond_logtype, NOTICE);

/* Control operations: the members under the bond's lock. */

/* Stop the first n members (those a failed start started). */
static void
stop_members(struct bond_port *bp, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		uint16_t p = bp->members[i].port_id;

		if (rte_eth_dev_is_valid_port(p))
			rte_eth_dev_stop(p);
	}
}

static int
bond_link_update(struct rte_eth_dev *dev, int wait)
{
	struct bond_port *bp = dev->data->dev_private;
	struct rte_eth_link link = {
		.link_duplex = RTE_ETH_LINK_FULL_DUPLEX,
		.link_autoneg = RTE_ETH_LINK_FIXED,
	};
	unsigned int i;

	RTE_SET_USED(wait);
	bond_lock(bp);
	for (i = 0; dev->data->dev_started && i < bp->nb_members; i++) {
		uint16_t p = bp->members[i].port_id;
		struct rte_eth_link ml;

		if (bp->mode == BONDING_MODE_ACTIVE_BACKUP && p != bp->primary)
			continue;
		if (rte_eth_link_get_nowait(p, &ml) < 0 || !ml.link_status)
			continue;
		/* Up with any member up, as fast as those together. */
		link.link_status = RTE_ETH_LINK_UP;
		if (ml.link_speed != RTE_ETH_SPEED_NUM_UNKNOWN)
			link.link_speed += ml.link_speed;
	}
	bond_unlock(bp);
	return rte_eth_linkstatus_set(dev, &link);
}

static int
bond_start(struct rte_eth_dev *dev)
{
	struct bond_port *bp = dev->data->dev_private;
	unsigned int i;
	int ret = 0;

	bond_lock(bp);
	for (i = 0; i < bp->nb_members && ret == 0; i++)
		ret = bond_member_start(dev, bp->members[i].port_id);
	if (ret < 0)
		stop_members(bp, i - 1);
	bond_unlock(bp);
	return ret;
}

static int
bond_stop(struct rte_eth_dev *dev)
{
	struct bond_port *bp = dev->data->dev_private;

	bond_lock(bp);
	stop_members(bp, bp->nb_members);
	bond_unlock(bp);
	return 0;
}

/* Apply fn to every member attached here; the first failure but -ENOTSUP. */
static int
for_members(struct rte_eth_dev *dev, int (*fn)(uint16_t port_id, void *arg), void *arg)
{
	struct bond_port *bp = dev->data->dev_private;
	unsigned int i;
	int ret = 0;

	bond_lock(bp);
	for (i = 0; i < bp->nb_members; i++) {
		uint16_t p = bp->members[i].port_id;
		int r;

		if (!rte_eth_dev_is_valid_port(p))
			continue;
		r = fn(p, arg);
		if (r < 0 && r != -ENOTSUP && ret == 0)
			ret = r;
	}
	bond_unlock(bp);
	return ret;
}

static int
promisc_on(uint16_t port_id, void *arg)
{
	RTE_SET_USED(arg);
	return rte_eth_promiscuous_enable(port_id);
}

static int
promisc_off(uint16_t port_id, void *arg)
{
	RTE_SET_USED(arg);
	return rte_eth_promiscuous_disable(port_id);
}

static int
allmulti_on(uint16_t port_id, void *arg)
{
	RTE_SET_USED(arg);
	return rte_eth_allmulticast_enable(port_id);
}

static int
allmulti_off(uint16_t port_id, void *arg)
{
	RTE_SET_USED(arg);
	return rte_eth_allmulticast_disable(port_id);
}

static int
mac_set(uint16_t port_id, void *arg)
{
	return rte_eth_dev_default_mac_addr_set(port_id, arg);
}

/* A member not configured yet takes the MTU when the bond starts it. */
static int
mtu_set(uint16_t port_id, void *arg)
{
	if (!rte_eth_devices[port_id].data->dev_configured)
		return 0;
	return rte_eth_dev_set_mtu(port_id, *(const uint16_t *)arg);
}

static int
stats_add(uint16_t port_id, void *arg)
{
	struct rte_eth_stats *sum = arg, st;
	int ret = rte_eth_stats_get(port_id, &st);

	if (ret < 0)
		return ret;
	sum->ipackets += st.ipackets;
	sum->opackets += st.opackets;
	sum->ibytes += st.ibytes;
	sum->obytes += st.obytes;
	sum->imissed += st.imissed;
	sum->ierrors += st.ierrors;
	sum->oerrors += st.oerrors;
	sum->rx_nombuf += st.rx_nombuf;
	return 0;
}

static int
stats_reset(uint16_t port_id, void *arg)
{
	RTE_SET_USED(arg);
	return rte_eth_stats_reset(port_id);
}

static int
bond_promiscuous_enable(struct rte_eth_dev *dev)
{
	return for_members(dev, promisc_on, NULL);
}

static int
bond_promiscuous_disable(struct rte_eth_dev *dev)
{
	return for_members(dev, promisc_off, NULL);
}

static int
bond_allmulticast_enable(struct rte_eth_dev *dev)
{
	return for_members(dev, allmulti_on, NULL);
}

static int
bond_allmulticast_disable(struct rte_eth_dev *dev)
{
	return for_members(dev, allmulti_off, NULL);
}

static int
bond_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *mac)
{
	return for_members(dev, mac_set, mac);
}

static int
bond_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	return for_members(dev, mtu_set, &mtu);
}

/* The bond's counters are its members'. */
static int
bond_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	return for_members(dev, stats_add, stats);
}

static int
bond_stats_reset(struct rte_eth_dev *dev)
{
	return for_members(dev, stats_reset, NULL);
}

/* What every member can do. */
static int
info_meet(uint16_t port_id, void *arg)
{
	struct rte_eth_dev_info *info = arg, mi;
	int ret = rte_eth_dev_info_get(port_id, &mi);

	if (ret < 0)
		return ret;
	info->max_rx_queues = RTE_MIN(info->max_rx_queues, mi.max_rx_queues);
	info->max_tx_queues = RTE_MIN(info->max_tx_queues, mi.max_tx_queues);
	info->max_rx_pktlen = RTE_MIN(info->max_rx_pktlen, mi.max_rx_pktlen);
	info->max_mtu = RTE_MIN(info->max_mtu, mi.max_mtu);
	info->min_mtu = RTE_MAX(info->min_mtu, mi.min_mtu);
	info->min_rx_bufsize = RTE_MAX(info->min_rx_bufsize, mi.min_rx_bufsize);
	info->rx_offload_capa &= mi.rx_offload_capa;
	info->tx_offload_capa &= mi.tx_offload_capa;
	info->rx_queue_offload_capa &= mi.rx_queue_offload_capa;
	info->tx_queue_offload_capa &= mi.tx_queue_offload_capa;
	info->speed_capa |= mi.speed_capa;
	return 0;
}

static int
bond_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	const struct bond_port *bp = dev->data->dev_private;

	info->max_mac_addrs = 1;
	info->max_rx_queues = RTE_MAX_QUEUES_PER_PORT;
	info->max_tx_queues = RTE_MAX_QUEUES_PER_PORT;
	info->max_rx_pktlen = UINT32_MAX;
	/* Offloads only as far as every member has them: none without members. */
	if (bp->nb_members > 0) {
		info->rx_offload_capa = UINT64_MAX;
		info->tx_offload_capa = UINT64_MAX;
		info->rx_queue_offload_capa = UINT64_MAX;
		info->tx_queue_offload_capa = UINT64_MAX;
	}
	return for_members(dev, info_meet, info);
}

static struct bond_queue *
queue_new(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc, unsigned int socket_id,
	  const char *dir)
{
	struct bond_queue *q;

	q = rte_zmalloc_socket("bond_queue", sizeof(*q), RTE_CACHE_LINE_SIZE, (int)socket_id);
	if (q == NULL) {
		BOND_LOG(ERR, "%s: no memory for %s queue %u\n", dev->data->name, dir, qid);
		return NULL;
	}
	q->bp = dev->data->dev_private;
	q->qid = qid;
	q->nb_desc = nb_desc;
	q->socket_id = socket_id;
	return q;
}

static int
bond_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		    unsigned int socket_id, const struct rte_eth_rxconf *conf,
		    struct rte_mempool *mp)
{
	struct bond_queue *q = queue_new(dev, qid, nb_desc, socket_id, "Rx");

	if (q == NULL)
		return -ENOMEM;
	q->mp = mp;
	q->rxconf = *conf;
	dev->data->rx_queues[qid] = q;
	return 0;
}

static int
bond_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		    unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	struct bond_queue *q = queue_new(dev, qid, nb_desc, socket_id, "Tx");

	if (q == NULL)
		return -ENOMEM;
	q->txconf = *conf;
	dev->data->tx_queues[qid] = q;
	return 0;
}

static void
bond_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	rte_free(dev->data->rx_queues[qid]);
}

static void
bond_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	rte_free(dev->data->tx_queues[qid]);
}

/*
 * The bond stops watching the ports here; in the primary, its members
 * leave it (stopped if it ran them) and the names of those it attached
 * go into owned[]. How many.
 */
static unsigned int
bond_teardown(struct rte_eth_dev *dev, char owned[][RTE_DEV_NAME_MAX_LEN])
{
	struct bond_port *bp = dev->data->dev_private;
	unsigned int n = 0;

	bond_events_unregister(dev->data->port_id);
	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0;
	bond_lock(bp);
	if (dev->data->dev_started)
		stop_members(bp, bp->nb_members);
	while (bp->nb_members > 0) {
		const struct bond_member *m = &bp->members[bp->nb_members - 1];

		if (m->owned)
			rte_strlcpy(owned[n++], m->devname, RTE_DEV_NAME_MAX_LEN);
		bond_member_drop(dev, bp->nb_members - 1, !m->owned);
	}
	bond_unlock(bp);
	return n;
}

/* rte_eth_dev_close(): ethdev releases the port afterwards. */
static int
bond_close(struct rte_eth_dev *dev)
{
	char owned[BOND_MAX_MEMBERS][RTE_DEV_NAME_MAX_LEN];
	unsigned int i, n = bond_teardown(dev, owned);

	for (i = 0; i < n; i++)
		bond_detach_owned(dev->data->name, owned[i]);
	return 0;
}

/* Configuring has nothing to do: the members are configured like the bond when it starts. */
const struct eth_dev_ops bond_ops = {
	.dev_configure = rte_eth_soft_noop,
	.dev_start = bond_start,
	.dev_stop = bond_stop,
	.dev_close = bond_close,
	.link_update = bond_link_update,
	.promiscuous_enable = bond_promiscuous_enable,
	.promiscuous_disable = bond_promiscuous_disable,
	.allmulticast_enable = bond_allmulticast_enable,
	.allmulticast_disable = bond_allmulticast_disable,
	.mac_addr_set = bond_mac_addr_set,
	.mtu_set = bond_mtu_set,
	.stats_get = bond_stats_get,
	.stats_reset = bond_stats_reset,
	.dev_infos_get = bond_infos_get,
	.rx_queue_setup = bond_rx_queue_setup,
	.rx_queue_release = bond_rx_queue_release,
	.tx_queue_setup = bond_tx_queue_setup,
	.tx_queue_release = bond_tx_queue_release,
};

/* Probe and remove. */

static void
set_local(struct rte_eth_dev *dev)
{
	dev->dev_ops = &bond_ops;
	dev->rx_pkt_burst = bond_rx;
	dev->tx_pkt_burst = bond_tx;
}

/*
 * The port of member i: the existing one, or that of the device attached
 * now (in every process); *owned says which. 0 or a negative errno after
 * a log line, with nothing left attached.
 */
static int
member_port(const char *bond, const char *devargs, uint16_t known, const char *devname,
	    uint16_t *port_id, bool *owned)
{
	int ret;

	*owned = known == BOND_NO_PORT;
	if (!*owned) {
		*port_id = known;
		return 0;
	}
	ret = rte_dev_probe(devargs);
	if (ret < 0) {
		BOND_LOG(ERR, "%s: cannot attach member %s: %s\n", bond, devargs, strerror(-ret));
		return ret;
	}
	if (rte_eth_dev_get_port_by_name(devname, port_id) < 0) {
		BOND_LOG(ERR, "%s: member device %s has no port\n", bond, devname);
		bond_detach_owned(bond, devname);
		return -ENODEV;
	}
	return 0;
}

/* Primary: the port, then its members, attached where needed. */
static int
bond_create(struct rte_vdev_device *vdev, const struct bond_args *a)
{
	const char *name = rte_vdev_device_name(vdev);
	char names[BOND_MAX_MEMBERS][RTE_DEV_NAME_MAX_LEN];
	uint16_t known[BOND_MAX_MEMBERS];
	struct rte_eth_dev *dev;
	struct bond_port *bp;
	unsigned int i, n;
	uint16_t port_id;
	bool owned;
	int ret;

	ret = bond_args_check_members(name, a, known, names);
	if (ret < 0)
		return ret;
	ret = rte_eth_vdev_port_create(vdev, sizeof(*bp), a->socket_id != SOCKET_ID_ANY ?
				       a->socket_id : vdev->device.numa_node, &dev);
	if (ret < 0)
		return ret;
	bp = dev->data->dev_private;
	eal_shared_lock_init(&bp->lock, false);
	bp->port_id = dev->data->port_id;
	bp->mode = (uint8_t)a->mode;
	bp->primary = BOND_NO_PORT;
	set_local(dev);
	bond_view_publish(dev);
	for (i = 0; i < a->nb; i++) {
		ret = member_port(name, a->member[i], known[i], names[i], &port_id, &owned);
		if (ret < 0)
			goto fail;
		bond_lock(bp);
		ret = bond_member_add(dev, port_id, owned, names[i]);
		if (ret == 0 && strcmp(names[i], a->primary) == 0) {
			bp->primary = port_id;
			bond_view_publish(dev);
		}
		bond_unlock(bp);
		if (ret < 0) {
			if (owned)
				bond_detach_owned(name, names[i]);
			goto fail;
		}
	}
	ret = bond_events_register(bp->port_id);
	if (ret < 0)
		goto fail;
	rte_eth_dev_probing_finish(dev);
	BOND_LOG(INFO, "%s: port %u, mode %d, %u members\n", name, bp->port_id, a->mode, a->nb);
	return 0;
fail:
	n = bond_teardown(dev, names);
	rte_eth_dev_release_port(dev);
	for (i = 0; i < n; i++)
		bond_detach_owned(name, names[i]);
	return ret;
}

/* A secondary takes the bond as the primary made it, members included. */
static int
attach_local(struct rte_eth_dev *dev)
{
	set_local(dev);
	return bond_events_register(dev->data->port_id);
}

/* The primary checks the devargs before anything is attached. */
static int
probe_primary(struct rte_vdev_device *vdev)
{
	struct bond_args *a = malloc(sizeof(*a));
	int ret;

	if (a == NULL)
		return -ENOMEM;
	ret = bond_args_parse(rte_vdev_device_name(vdev), rte_vdev_device_args(vdev), a);
	if (ret == 0)
		ret = bond_create(vdev, a);
	free(a);
	return ret;
}

static int
bond_probe(struct rte_vdev_device *vdev)
{
	return rte_eth_vdev_probe(vdev, probe_primary, attach_local);
}

/*
 * The bond goes first (its DESTROY: the application stops polling it),
 * then the member devices it attached, each a multi-process detach of
 * its own (the secondaries have already released the bond). Removed any
 * other way (rte_vdev_uninit, the EAL's cleanup), it cannot detach them.
 */
static int
bond_remove(struct rte_vdev_device *vdev)
{
	char owned[BOND_MAX_MEMBERS][RTE_DEV_NAME_MAX_LEN];
	const char *name = rte_vdev_device_name(vdev);
	struct rte_eth_dev *dev = rte_eth_dev_allocated(name);
	unsigned int i, n;
	int ret;

	if (dev == NULL)
		return 0; /* closed already */
	n = bond_teardown(dev, owned);
	ret = rte_eth_dev_release_port(dev);
	for (i = 0; i < n; i++) {
		if (bond_hotplug_nests())
			bond_detach_owned(name, owned[i]);
		else
			BOND_LOG(INFO, "%s: member device %s, which it attached, stays: the bond "
				 "was not removed by rte_dev_remove\n", name, owned[i]);
	}
	return ret;
}

static struct rte_vdev_driver bond_driver = {
	.probe = bond_probe,
	.remove = bond_remove,
};

RTE_PMD_REGISTER_VDEV(net_bonding, bond_driver);
RTE_PMD_REGISTER_ALIAS(net_bonding, eth_bond);
RTE_PMD_REGISTER_PARAM_STRING(net_bonding, BOND_ARG_MODE "=[0-2] " BOND_ARG_MEMBER "=<port or "
			      "devargs> " BOND_ARG_SLAVE "=<port or devargs> " BOND_ARG_PRIMARY
			      "=<name> " BOND_ARG_SOCKET "=<int>");
