/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * net_tap: a port over a Linux tap interface (see tap.h).
 *
 * Devargs: iface=NAME (default dtap%d: the kernel numbers it), mac=
 * xx:xx:xx:xx:xx:xx or mac=fixed (02:64:74:61:70:<port id>; default: a
 * random address), persist (keep the interface after the port goes).
 *
 * The primary creates the interface and its tun queues at probe; a
 * secondary attaches to the primary's port and gets copies of the fds.
 * The link is the interface's: up when it is up and running. Control
 * calls act on the interface by name, from whichever process makes them.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <bus_vdev_driver.h>
#include <ethdev_driver.h>
#include <ethdev_soft.h>
#include <ethdev_vdev.h>
#include <rte_common.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>

#include "tap.h"

RTE_LOG_REGISTER_DEFAULT(tap_logtype, NOTICE);

#define TAP_ARG_IFACE "iface"
#define TAP_ARG_MAC "mac"
#define TAP_ARG_PERSIST "persist"
#define TAP_DEFAULT_IFACE "dtap%d"
#define TAP_MAC_FIXED "fixed"
/* mac=fixed: 02:64:74:61:70:<port id>, "dtap" in the middle, locally administered. */
#define TAP_FIXED_MAC_PREFIX { 0x02, 0x64, 0x74, 0x61, 0x70 }

/* What the devargs ask for. */
struct tap_args {
	char iface[IFNAMSIZ];
	bool mac_fixed;
	bool mac_given;
	struct rte_ether_addr mac;
	bool persist;
};

static struct tap_proc *
proc_of(const struct rte_eth_dev *dev)
{
	return dev->process_private;
}

static const char *
ifname_of(const struct rte_eth_dev *dev)
{
	return ((const struct tap_port *)dev->data->dev_private)->ifname;
}

static int
tap_link_update(struct rte_eth_dev *dev, int wait)
{
	unsigned int flags;
	int ret;

	RTE_SET_USED(wait);
	ret = tap_intf_flags(ifname_of(dev), 0, 0, &flags);
	if (ret < 0)
		return ret;
	/* Running: the kernel has a queue to deliver to (the carrier of a tap). */
	return rte_eth_soft_link_set(dev, (flags & IFF_UP) && (flags & IFF_RUNNING));
}

static int
set_up(struct rte_eth_dev *dev, bool up)
{
	int ret = tap_intf_flags(ifname_of(dev), up ? IFF_UP : 0, up ? 0 : IFF_UP, NULL);

	if (ret == 0)
		tap_link_update(dev, 0);
	return ret;
}

static int
tap_start(struct rte_eth_dev *dev)
{
	return set_up(dev, true);
}

static int
tap_stop(struct rte_eth_dev *dev)
{
	return set_up(dev, false);
}

/* The tun queues that receive: one per queue pair. */
static int
tap_configure(struct rte_eth_dev *dev)
{
	struct tap_port *tp = dev->data->dev_private;
	const struct tap_proc *pp = proc_of(dev);
	uint16_t nb = RTE_MAX(dev->data->nb_rx_queues, dev->data->nb_tx_queues);
	uint16_t mtu = (uint16_t)dev->data->dev_conf.rxmode.mtu;
	unsigned int q;
	int ret;

	for (q = 0; q < TAP_MAX_QUEUES; q++) {
		bool want = q < nb;

		if (want == ((tp->attached & RTE_BIT32(q)) != 0))
			continue;
		ret = tap_intf_queue_attach(tp->ifname, pp->fds[q], want);
		if (ret < 0)
			return ret;
		tp->attached ^= RTE_BIT32(q);
	}
	return tap_intf_mtu_set(tp->ifname, mtu);
}

static int
tap_close(struct rte_eth_dev *dev)
{
	tap_proc_free(proc_of(dev));
	dev->process_private = NULL;
	return 0;
}

static int
tap_promiscuous_enable(struct rte_eth_dev *dev)
{
	return tap_intf_flags(ifname_of(dev), IFF_PROMISC, 0, NULL);
}

static int
tap_promiscuous_disable(struct rte_eth_dev *dev)
{
	return tap_intf_flags(ifname_of(dev), 0, IFF_PROMISC, NULL);
}

static int
tap_allmulticast_enable(struct rte_eth_dev *dev)
{
	return tap_intf_flags(ifname_of(dev), IFF_ALLMULTI, 0, NULL);
}

static int
tap_allmulticast_disable(struct rte_eth_dev *dev)
{
	return tap_intf_flags(ifname_of(dev), 0, IFF_ALLMULTI, NULL);
}

static int
tap_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *mac)
{
	return tap_intf_mac_set(ifname_of(dev), mac);
}

static int
tap_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	return tap_intf_mtu_set(ifname_of(dev), mtu);
}

/* Where the queues are: in ethdev's arrays, once set up. */
static struct rte_eth_soft_qstats *
tap_qstats(struct rte_eth_dev *dev, bool rx, uint16_t q)
{
	struct tap_queue *tq = (rx ? dev->data->rx_queues : dev->data->tx_queues)[q];

	return tq != NULL ? &tq->st : NULL;
}

/* As DPDK's net_tap: the errors per queue are those of the Tx queues. */
static int
tap_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	const struct rte_eth_soft_qstats *c;
	uint16_t q;

	rte_eth_soft_stats_sum(dev, stats, dev->data->nb_rx_queues, dev->data->nb_tx_queues,
			       tap_qstats);
	for (q = 0; q < RTE_ETHDEV_QUEUE_STAT_CNTRS; q++) {
		c = q < dev->data->nb_tx_queues ? tap_qstats(dev, false, q) : NULL;
		stats->q_errors[q] = c != NULL ? c->errs : 0;
	}
	return 0;
}

static int
tap_stats_reset(struct rte_eth_dev *dev)
{
	rte_eth_soft_stats_zero(dev, dev->data->nb_rx_queues, dev->data->nb_tx_queues,
				tap_qstats);
	return 0;
}

static int
tap_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	const struct tap_port *tp = dev->data->dev_private;

	rte_eth_soft_infos(info, TAP_MAX_FRAME, TAP_MAX_QUEUES, TAP_MAX_QUEUES);
	info->if_index = tp->ifindex;
	info->max_mtu = TAP_MAX_MTU;
	info->rx_offload_capa = RTE_ETH_RX_OFFLOAD_SCATTER;
	return 0;
}

static struct tap_queue *
queue_new(struct rte_eth_dev *dev, uint16_t qid, unsigned int socket_id,
	  struct rte_mempool *mp, const char *dir)
{
	struct tap_queue *q;

	q = rte_zmalloc_socket("tap_queue", sizeof(*q), RTE_CACHE_LINE_SIZE, (int)socket_id);
	if (q == NULL) {
		TAP_LOG(ERR, "%s: no memory for %s queue %u\n", dev->data->name, dir, qid);
		return NULL;
	}
	q->port_id = dev->data->port_id;
	q->qid = qid;
	q->mp = mp;
	if (mp != NULL)
		q->seg_room = (uint16_t)(rte_pktmbuf_data_room_size(mp) - RTE_PKTMBUF_HEADROOM);
	return q;
}

static int
tap_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		   unsigned int socket_id, const struct rte_eth_rxconf *conf,
		   struct rte_mempool *mp)
{
	struct tap_queue *q;

	RTE_SET_USED(nb_desc);
	RTE_SET_USED(conf);
	if (rte_pktmbuf_data_room_size(mp) <= RTE_PKTMBUF_HEADROOM) {
		TAP_LOG(ERR, "%s: mbufs of %s have no room for data\n", dev->data->name,
			mp->name);
		return -EINVAL;
	}
	q = queue_new(dev, qid, socket_id, mp, "Rx");
	if (q == NULL)
		return -ENOMEM;
	dev->data->rx_queues[qid] = q;
	return 0;
}

static int
tap_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		   unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	struct tap_queue *q;

	RTE_SET_USED(nb_desc);
	RTE_SET_USED(conf);
	q = queue_new(dev, qid, socket_id, NULL, "Tx");
	if (q == NULL)
		return -ENOMEM;
	dev->data->tx_queues[qid] = q;
	return 0;
}

static void
tap_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	tap_queue_free(dev->data->rx_queues[qid]);
}

static void
tap_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	tap_queue_free(dev->data->tx_queues[qid]);
}

/* The same in every process: the interface is reached by name, the fds through proc_of(). */
static const struct eth_dev_ops tap_ops = {
	.dev_configure = tap_configure,
	.dev_start = tap_start,
	.dev_stop = tap_stop,
	.dev_set_link_up = tap_start,
	.dev_set_link_down = tap_stop,
	.dev_close = tap_close,
	.link_update = tap_link_update,
	.promiscuous_enable = tap_promiscuous_enable,
	.promiscuous_disable = tap_promiscuous_disable,
	.allmulticast_enable = tap_allmulticast_enable,
	.allmulticast_disable = tap_allmulticast_disable,
	.mac_addr_set = tap_mac_addr_set,
	.mtu_set = tap_mtu_set,
	.stats_get = tap_stats_get,
	.stats_reset = tap_stats_reset,
	.dev_infos_get = tap_infos_get,
	.rx_queue_setup = tap_rx_queue_setup,
	.rx_queue_release = tap_rx_queue_release,
	.tx_queue_setup = tap_tx_queue_setup,
	.tx_queue_release = tap_tx_queue_release,
};

/* kvargs handlers: 0, or -1 for a value the key does not take. */
static int
parse_iface(const char *key, const char *value, void *opaque)
{
	struct tap_args *a = opaque;
	size_t len = value != NULL ? strlen(value) : 0;

	RTE_SET_USED(key);
	/* What the kernel takes as an interface name (dev_valid_name). */
	if (len == 0 || len >= IFNAMSIZ || strcmp(value, ".") == 0 || strcmp(value, "..") == 0 ||
	    strpbrk(value, "/: \t\n") != NULL)
		return -1;
	rte_strlcpy(a->iface, value, sizeof(a->iface));
	return 0;
}

static int
parse_mac(const char *key, const char *value, void *opaque)
{
	struct tap_args *a = opaque;

	RTE_SET_USED(key);
	if (value == NULL)
		return -1;
	a->mac_given = true;
	if (strcmp(value, TAP_MAC_FIXED) == 0) {
		a->mac_fixed = true;
		return 0;
	}
	if (rte_ether_unformat_addr(value, &a->mac) < 0 ||
	    !rte_is_valid_assigned_ether_addr(&a->mac))
		return -1;
	return 0;
}

static int
parse_persist(const char *key, const char *value, void *opaque)
{
	struct tap_args *a = opaque;

	RTE_SET_USED(key);
	if (value != NULL && strcmp(value, "0") != 0 && strcmp(value, "1") != 0)
		return -1;
	a->persist = value == NULL || value[0] == '1';
	return 0;
}

/* The devargs into a; -EINVAL after one log line naming what is wrong. */
static int
parse_args(const char *name, const char *args, struct tap_args *a)
{
	static const struct rte_eth_soft_arg keys[] = {
		{ TAP_ARG_IFACE, parse_iface, "an interface name of 1 to 15 characters "
		  "without '/', ':' or spaces" },
		{ TAP_ARG_MAC, parse_mac, "a unicast address xx:xx:xx:xx:xx:xx or 'fixed'" },
		{ TAP_ARG_PERSIST, parse_persist, "no value, 0 or 1" },
	};
	char why[160];
	int ret;

	memset(a, 0, sizeof(*a));
	rte_strlcpy(a->iface, TAP_DEFAULT_IFACE, sizeof(a->iface));
	ret = rte_eth_soft_args_parse(args, keys, RTE_DIM(keys), true, a, why, sizeof(why));
	if (ret < 0)
		TAP_LOG(ERR, "%s: invalid devargs '%s': %s\n", name, args, why);
	return ret;
}

/* The port's MAC address as the devargs ask, given its port id. */
static void
choose_mac(const struct tap_args *a, uint16_t port_id, struct rte_ether_addr *mac)
{
	static const uint8_t fixed[] = TAP_FIXED_MAC_PREFIX;

	if (a->mac_fixed) {
		memcpy(mac->addr_bytes, fixed, sizeof(fixed));
		mac->addr_bytes[sizeof(fixed)] = (uint8_t)port_id;
	} else if (a->mac_given) {
		*mac = a->mac;
	} else {
		rte_eth_random_addr(mac->addr_bytes);
	}
}

static void
set_fast_path(struct rte_eth_dev *dev, struct tap_proc *pp)
{
	dev->process_private = pp;
	dev->dev_ops = &tap_ops;
	dev->rx_pkt_burst = tap_rx;
	dev->tx_pkt_burst = tap_tx;
}

/* Primary: the interface and its queues, then the port over them. */
static int
probe_primary(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct rte_eth_dev *dev;
	struct tap_proc *pp;
	struct tap_port *tp;
	struct tap_args a;
	unsigned int q;
	int ret;

	ret = parse_args(name, rte_vdev_device_args(vdev), &a);
	if (ret < 0)
		return ret;
	pp = calloc(1, sizeof(*pp));
	if (pp == NULL) {
		TAP_LOG(ERR, "%s: no memory for its fds\n", name);
		return -ENOMEM;
	}
	rte_strlcpy(pp->name, name, sizeof(pp->name));
	for (q = 0; q < TAP_MAX_QUEUES; q++)
		pp->fds[q] = -1;
	ret = rte_eth_vdev_port_create(vdev, sizeof(*tp), vdev->device.numa_node, &dev);
	if (ret < 0) {
		free(pp);
		return ret;
	}
	tp = dev->data->dev_private;
	ret = tap_intf_open(a.iface, pp->fds, TAP_MAX_QUEUES, tp->ifname);
	if (ret < 0)
		goto fail;
	tp->attached = RTE_BIT32(0);
	tp->persist = a.persist;
	tp->ifindex = if_nametoindex(tp->ifname);
	choose_mac(&a, dev->data->port_id, &dev->data->mac_addrs[0]);
	ret = tap_intf_mac_set(tp->ifname, &dev->data->mac_addrs[0]);
	if (ret == 0)
		ret = tap_intf_mtu_get(tp->ifname, &dev->data->mtu);
	if (ret == 0)
		ret = tap_proc_publish(pp);
	/* Last: nothing after it may fail, which would leave the interface behind. */
	if (ret == 0 && a.persist)
		ret = tap_intf_persist(tp->ifname, pp->fds[0], true);
	if (ret < 0)
		goto fail;
	set_fast_path(dev, pp);
	tap_link_update(dev, 0);
	rte_eth_dev_probing_finish(dev);
	TAP_LOG(INFO, "%s: port %u over tap interface %s%s\n", name, dev->data->port_id,
		tp->ifname, a.persist ? " (persistent)" : "");
	return 0;
fail:
	/* Closing the fds deletes an interface made here. */
	tap_proc_free(pp);
	rte_eth_dev_release_port(dev);
	return ret;
}

/*
 * Secondary: the primary's port, with copies of its fds. It takes the
 * port as the primary made it: the devargs were checked there.
 */
static int
attach_local(struct rte_eth_dev *dev)
{
	struct tap_proc *pp;
	int ret;

	ret = tap_proc_fetch(dev->data->name, &pp);
	if (ret < 0)
		return ret;
	ret = tap_proc_publish(pp);
	if (ret < 0) {
		tap_proc_free(pp);
		return ret;
	}
	set_fast_path(dev, pp);
	return 0;
}

static int
tap_probe(struct rte_vdev_device *vdev)
{
	return rte_eth_vdev_probe(vdev, probe_primary, attach_local);
}

/*
 * The port goes first (DESTROY: the application stops polling), the fds
 * after. When the primary closes the last fds of an interface that does
 * not persist, the kernel deletes it; a secondary closes its copies only.
 */
static int
tap_remove(struct rte_vdev_device *vdev)
{
	void *pp;
	int ret = rte_eth_vdev_release(vdev, &pp);

	tap_proc_free(pp);
	return ret;
}

static struct rte_vdev_driver tap_driver = {
	.probe = tap_probe,
	.remove = tap_remove,
};

RTE_PMD_REGISTER_VDEV(net_tap, tap_driver);
RTE_PMD_REGISTER_ALIAS(net_tap, eth_tap);
RTE_PMD_REGISTER_PARAM_STRING(net_tap, TAP_ARG_IFACE "=<string> " TAP_ARG_MAC "=" "<mac|fixed> "
			      TAP_ARG_PERSIST "=<0|1>");
