/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * net_ring: ports over rte_rings (rte_eth_ring.h).
 *
 * The port's queues and the rings it made are in its dev_private, in the
 * shared heap; the rings themselves are shared memory too. A secondary
 * attaches to the primary's port and brings only its function pointers:
 * it never parses the devargs again, which would create rings twice.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bus_vdev_driver.h>
#include <ethdev_driver.h>
#include <ethdev_vdev.h>
#include <rte_bus_vdev.h>
#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_kvargs.h>
#include <rte_malloc.h>
#include <rte_memzone.h>
#include <rte_ring.h>

#include "rte_eth_ring.h"

RTE_LOG_REGISTER_DEFAULT(ring_logtype, NOTICE);
#define RING_LOG(level, ...) \
	rte_log(RTE_LOG_ ## level, ring_logtype, "RING: " __VA_ARGS__)

#define RING_ARG_NODEACTION "nodeaction"
#define RING_MAX_QUEUES 16
#define RING_SIZE 1024

/*
 * A queue over one ring. Its counters are written by the one lcore that
 * polls it (in whichever process) and read by stats_get.
 */
struct ring_queue {
	struct rte_ring *rng;
	uint64_t pkts;
	uint64_t errs;    /* Tx: packets the full ring refused */
};

/* A port's rings and queues: dev_private, fixed at probe. */
struct ring_port {
	uint16_t nb_rx;
	uint16_t nb_tx;
	struct ring_queue rxq[RING_MAX_QUEUES];
	struct ring_queue txq[RING_MAX_QUEUES];
	uint16_t nb_owned;
	struct rte_ring *owned[RING_MAX_QUEUES];   /* made for the port, freed with it */
};

/* What a probe builds the port from: devargs, or rte_eth_from_rings(). */
struct ring_spec {
	unsigned int nb_rx;
	unsigned int nb_tx;
	struct rte_ring *rx[RING_MAX_QUEUES];
	struct rte_ring *tx[RING_MAX_QUEUES];
	unsigned int nb_owned;
	struct rte_ring *owned[RING_MAX_QUEUES];
	int numa_node;
};

/*
 * rte_eth_from_rings() hands its rings to the probe it causes, in the
 * same thread, through this.
 */
static __thread const struct ring_spec *from_rings_spec;
static __thread const char *from_rings_name;

static uint16_t
ring_rx(void *q, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct ring_queue *rq = q;
	uint16_t n = (uint16_t)rte_ring_dequeue_burst(rq->rng, (void **)bufs, nb_bufs, NULL);

	rq->pkts += n;
	return n;
}

static uint16_t
ring_tx(void *q, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct ring_queue *rq = q;
	uint16_t n = (uint16_t)rte_ring_enqueue_burst(rq->rng, (void **)bufs, nb_bufs, NULL);

	rq->pkts += n;
	rq->errs += nb_bufs - n;
	return n;
}

static void
set_link(struct rte_eth_dev *dev, bool up)
{
	struct rte_eth_link link = {
		.link_speed = RTE_ETH_SPEED_NUM_10G,
		.link_duplex = RTE_ETH_LINK_FULL_DUPLEX,
		.link_autoneg = RTE_ETH_LINK_FIXED,
		.link_status = up ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN,
	};

	rte_eth_linkstatus_notify(dev, &link);
}

static int
ring_configure(struct rte_eth_dev *dev)
{
	RTE_SET_USED(dev);
	return 0;
}

static int
ring_start(struct rte_eth_dev *dev)
{
	set_link(dev, true);
	return 0;
}

static int
ring_stop(struct rte_eth_dev *dev)
{
	set_link(dev, false);
	return 0;
}

static int
ring_set_link_up(struct rte_eth_dev *dev)
{
	set_link(dev, true);
	return 0;
}

static int
ring_set_link_down(struct rte_eth_dev *dev)
{
	set_link(dev, false);
	return 0;
}

/* The primary frees the rings the port made; a secondary owns nothing. */
static int
ring_close(struct rte_eth_dev *dev)
{
	struct ring_port *rp = dev->data->dev_private;

	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return 0;
	while (rp->nb_owned > 0)
		rte_ring_free(rp->owned[--rp->nb_owned]);
	return 0;
}

static int
ring_link_update(struct rte_eth_dev *dev, int wait)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(wait);
	return -1; /* the link is whatever start, stop and set_link made it */
}

static int
ring_accept(struct rte_eth_dev *dev)
{
	RTE_SET_USED(dev);
	return 0;
}

static int
ring_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(addr);
	return 0;
}

static int
ring_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(mtu);
	return 0;
}

static int
ring_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	const struct ring_port *rp = dev->data->dev_private;
	uint16_t q;

	for (q = 0; q < rp->nb_rx; q++) {
		stats->ipackets += rp->rxq[q].pkts;
		if (q < RTE_ETHDEV_QUEUE_STAT_CNTRS)
			stats->q_ipackets[q] = rp->rxq[q].pkts;
	}
	for (q = 0; q < rp->nb_tx; q++) {
		stats->opackets += rp->txq[q].pkts;
		stats->oerrors += rp->txq[q].errs;
		if (q < RTE_ETHDEV_QUEUE_STAT_CNTRS)
			stats->q_opackets[q] = rp->txq[q].pkts;
	}
	return 0;
}

static int
ring_stats_reset(struct rte_eth_dev *dev)
{
	struct ring_port *rp = dev->data->dev_private;
	uint16_t q;

	for (q = 0; q < RING_MAX_QUEUES; q++) {
		rp->rxq[q].pkts = 0;
		rp->txq[q].pkts = 0;
		rp->txq[q].errs = 0;
	}
	return 0;
}

static int
ring_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	const struct ring_port *rp = dev->data->dev_private;

	info->max_mac_addrs = 1;
	info->max_rx_pktlen = UINT32_MAX;
	info->max_rx_queues = rp->nb_rx;
	info->max_tx_queues = rp->nb_tx;
	info->min_rx_bufsize = 0;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	info->speed_capa = RTE_ETH_LINK_SPEED_10G | RTE_ETH_LINK_SPEED_FIXED;
	return 0;
}

/* Queues are the port's, made at probe: setting one up points ethdev at it. */
static int
ring_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		    unsigned int socket_id, const struct rte_eth_rxconf *conf,
		    struct rte_mempool *mp)
{
	struct ring_port *rp = dev->data->dev_private;

	RTE_SET_USED(nb_desc);
	RTE_SET_USED(socket_id);
	RTE_SET_USED(conf);
	RTE_SET_USED(mp);
	dev->data->rx_queues[qid] = &rp->rxq[qid];
	return 0;
}

static int
ring_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		    unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	struct ring_port *rp = dev->data->dev_private;

	RTE_SET_USED(nb_desc);
	RTE_SET_USED(socket_id);
	RTE_SET_USED(conf);
	dev->data->tx_queues[qid] = &rp->txq[qid];
	return 0;
}

/* The same in every process: they act on the shared data only. */
static const struct eth_dev_ops ring_ops = {
	.dev_configure = ring_configure,
	.dev_start = ring_start,
	.dev_stop = ring_stop,
	.dev_set_link_up = ring_set_link_up,
	.dev_set_link_down = ring_set_link_down,
	.dev_close = ring_close,
	.link_update = ring_link_update,
	.promiscuous_enable = ring_accept,
	.promiscuous_disable = ring_accept,
	.allmulticast_enable = ring_accept,
	.allmulticast_disable = ring_accept,
	.mac_addr_set = ring_mac_addr_set,
	.mtu_set = ring_mtu_set,
	.stats_get = ring_stats_get,
	.stats_reset = ring_stats_reset,
	.dev_infos_get = ring_infos_get,
	.rx_queue_setup = ring_rx_queue_setup,
	.tx_queue_setup = ring_tx_queue_setup,
};

static void
spec_free_owned(struct ring_spec *spec)
{
	while (spec->nb_owned > 0)
		rte_ring_free(spec->owned[--spec->nb_owned]);
}

/* One queue pair over one ring, made or found; 0 or a negative errno after a log line. */
static int
spec_add_ring(struct ring_spec *spec, const char *devname, const char *ring_name, int node,
	      bool create)
{
	struct rte_ring *r;

	if (create)
		r = rte_ring_create(ring_name, RING_SIZE, node, RING_F_SP_ENQ | RING_F_SC_DEQ);
	else
		r = rte_ring_lookup(ring_name);
	if (r == NULL) {
		RING_LOG(ERR, "%s: cannot %s ring %s: %s\n", devname, create ? "create" : "attach",
			 ring_name, create ? rte_strerror(rte_errno) : "there is none");
		return create ? -rte_errno : -ENOENT;
	}
	if (create)
		spec->owned[spec->nb_owned++] = r;
	spec->rx[spec->nb_rx++] = r;
	spec->tx[spec->nb_tx++] = r;
	return 0;
}

/* One "NAME:NODE:CREATE|ATTACH", checked before anything is made. */
struct nodeaction {
	char name[RTE_RING_NAMESIZE];
	int node;
	bool create;
};

struct nodeaction_list {
	unsigned int n;
	struct nodeaction a[RING_MAX_QUEUES];
};

static int
parse_nodeaction(const char *key, const char *value, void *opaque)
{
	struct nodeaction_list *list = opaque;
	struct nodeaction *na;
	const char *c1, *c2;
	unsigned long node;
	char *end;

	RTE_SET_USED(key);
	if (value == NULL || list->n == RING_MAX_QUEUES)
		return -1;
	na = &list->a[list->n];
	c1 = strchr(value, ':');
	c2 = c1 != NULL ? strchr(c1 + 1, ':') : NULL;
	if (c2 == NULL || c1 == value || (size_t)(c1 - value) >= sizeof(na->name) ||
	    c1[1] < '0' || c1[1] > '9')
		return -1;
	node = strtoul(c1 + 1, &end, 10);
	if (end != c2 || node >= RTE_MAX_NUMA_NODES)
		return -1;
	if (strcmp(c2 + 1, "CREATE") != 0 && strcmp(c2 + 1, "ATTACH") != 0)
		return -1;
	snprintf(na->name, sizeof(na->name), "%.*s", (int)(c1 - value), value);
	na->node = (int)node;
	na->create = strcmp(c2 + 1, "CREATE") == 0;
	list->n++;
	return 0;
}

/*
 * No devargs: RING_MAX_QUEUES loopback queue pairs, as DPDK's net_ring
 * gives, over new rings "<device>_<queue>".
 */
static int
spec_default(struct ring_spec *spec, const char *devname)
{
	char ring_name[RTE_RING_NAMESIZE];
	unsigned int q;
	int ret = 0;

	for (q = 0; ret == 0 && q < RING_MAX_QUEUES; q++) {
		if ((size_t)snprintf(ring_name, sizeof(ring_name), "%s_%u", devname, q) >=
		    sizeof(ring_name)) {
			RING_LOG(ERR, "%s: the name is too long to name its rings after\n",
				 devname);
			ret = -ENAMETOOLONG;
		} else {
			ret = spec_add_ring(spec, devname, ring_name, SOCKET_ID_ANY, true);
		}
	}
	if (ret < 0)
		spec_free_owned(spec);
	return ret;
}

/* The devargs into spec; a failure logs one line and leaves no ring behind. */
static int
spec_from_args(struct ring_spec *spec, const char *devname, const char *args)
{
	static const char *const keys[] = { RING_ARG_NODEACTION, NULL };
	struct nodeaction_list list = { .n = 0 };
	struct rte_kvargs *kvlist;
	unsigned int i;
	int ret = 0;

	memset(spec, 0, sizeof(*spec));
	spec->numa_node = SOCKET_ID_ANY;
	if (args == NULL || args[0] == '\0')
		return spec_default(spec, devname);
	kvlist = rte_kvargs_parse(args, keys);
	if (kvlist == NULL) {
		RING_LOG(ERR, "%s: invalid devargs '%s': the only key is nodeaction\n", devname,
			 args);
		return -EINVAL;
	}
	if (rte_kvargs_process(kvlist, RING_ARG_NODEACTION, parse_nodeaction, &list) < 0 ||
	    list.n == 0) {
		RING_LOG(ERR, "%s: invalid devargs '%s': nodeaction takes NAME:NODE:CREATE or "
			 "NAME:NODE:ATTACH, at most %d times\n", devname, args, RING_MAX_QUEUES);
		ret = -EINVAL;
	}
	rte_kvargs_free(kvlist);
	for (i = 0; ret == 0 && i < list.n; i++)
		ret = spec_add_ring(spec, devname, list.a[i].name, list.a[i].node,
				    list.a[i].create);
	if (ret < 0)
		spec_free_owned(spec);
	else
		spec->numa_node = list.a[0].node;
	return ret;
}

static int
probe_primary(struct rte_vdev_device *vdev, struct ring_spec *spec)
{
	const char *name = rte_vdev_device_name(vdev);
	struct rte_eth_dev *dev;
	struct ring_port *rp;
	unsigned int i;

	dev = rte_eth_vdev_allocate(vdev, sizeof(*rp));
	if (dev == NULL)
		return rte_errno > 0 ? -rte_errno : -ENOMEM;
	dev->data->mac_addrs = rte_zmalloc_socket(name, sizeof(struct rte_ether_addr), 0,
						  spec->numa_node);
	if (dev->data->mac_addrs == NULL) {
		RING_LOG(ERR, "%s: no memory for its MAC address\n", name);
		rte_eth_dev_release_port(dev);
		return -ENOMEM;
	}
	rte_eth_random_addr(dev->data->mac_addrs[0].addr_bytes);
	rp = dev->data->dev_private;
	rp->nb_rx = (uint16_t)spec->nb_rx;
	rp->nb_tx = (uint16_t)spec->nb_tx;
	for (i = 0; i < spec->nb_rx; i++)
		rp->rxq[i].rng = spec->rx[i];
	for (i = 0; i < spec->nb_tx; i++)
		rp->txq[i].rng = spec->tx[i];
	rp->nb_owned = (uint16_t)spec->nb_owned;
	memcpy(rp->owned, spec->owned, sizeof(rp->owned));
	dev->data->numa_node = spec->numa_node;
	dev->data->dev_flags |= RTE_ETH_DEV_INTR_LSC;
	set_link(dev, false);
	dev->dev_ops = &ring_ops;
	dev->rx_pkt_burst = ring_rx;
	dev->tx_pkt_burst = ring_tx;
	rte_eth_dev_probing_finish(dev);
	RING_LOG(INFO, "%s: port %u, %u Rx and %u Tx queues\n", name, dev->data->port_id,
		 spec->nb_rx, spec->nb_tx);
	return 0;
}

static int
probe_secondary(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_attach_secondary(rte_vdev_device_name(vdev));

	if (dev == NULL)
		return rte_errno > 0 ? -rte_errno : -ENOMEM;
	dev->device = &vdev->device;
	dev->dev_ops = &ring_ops;
	dev->rx_pkt_burst = ring_rx;
	dev->tx_pkt_burst = ring_tx;
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
ring_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct ring_spec spec;
	int ret;

	if (rte_eal_process_type() == RTE_PROC_SECONDARY) {
		ret = probe_secondary(vdev);
	} else if (from_rings_spec != NULL && strcmp(from_rings_name, name) == 0) {
		spec = *from_rings_spec;
		ret = probe_primary(vdev, &spec);
	} else {
		ret = spec_from_args(&spec, name, rte_vdev_device_args(vdev));
		if (ret == 0)
			ret = probe_primary(vdev, &spec);
		if (ret < 0)
			spec_free_owned(&spec);
	}
	/* The vdev bus reads -EEXIST as "probed already" and would keep the device. */
	return ret == -EEXIST ? -EBUSY : ret;
}

static int
ring_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));

	if (dev == NULL)
		return 0; /* closed already */
	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return rte_eth_dev_release_port_private(dev);
	ring_close(dev);
	return rte_eth_dev_release_port(dev);
}

static struct rte_vdev_driver ring_driver = {
	.probe = ring_probe,
	.remove = ring_remove,
};

RTE_PMD_REGISTER_VDEV(net_ring, ring_driver);
RTE_PMD_REGISTER_ALIAS(net_ring, eth_ring);
RTE_PMD_REGISTER_PARAM_STRING(net_ring, RING_ARG_NODEACTION "=name:node:action(CREATE|ATTACH)");

static int
check_rings(const char *name, struct rte_ring *const rings[], unsigned int n, const char *dir)
{
	unsigned int i;

	if (n > RING_MAX_QUEUES || (n > 0 && rings == NULL)) {
		RING_LOG(ERR, "port %s: %u %s rings given, it takes 0 to %d\n", name, n, dir,
			 RING_MAX_QUEUES);
		return -EINVAL;
	}
	for (i = 0; i < n; i++) {
		if (rings[i] == NULL) {
			RING_LOG(ERR, "port %s: %s ring %u is NULL\n", name, dir, i);
			return -EINVAL;
		}
	}
	return 0;
}

int
rte_eth_from_rings(const char *name, struct rte_ring *const rx_queues[],
		   const unsigned int nb_rx_queues, struct rte_ring *const tx_queues[],
		   const unsigned int nb_tx_queues, const unsigned int numa_node)
{
	char devname[RTE_DEV_NAME_MAX_LEN];
	struct ring_spec spec;
	uint16_t port_id;
	int ret;

	if (name == NULL || check_rings(name, rx_queues, nb_rx_queues, "Rx") < 0 ||
	    check_rings(name, tx_queues, nb_tx_queues, "Tx") < 0) {
		rte_errno = EINVAL;
		return -1;
	}
	if (snprintf(devname, sizeof(devname), "net_ring_%s", name) >= (int)sizeof(devname)) {
		RING_LOG(ERR, "port name net_ring_%s is too long\n", name);
		rte_errno = ENAMETOOLONG;
		return -1;
	}
	memset(&spec, 0, sizeof(spec));
	spec.nb_rx = nb_rx_queues;
	spec.nb_tx = nb_tx_queues;
	if (nb_rx_queues > 0)
		memcpy(spec.rx, rx_queues, nb_rx_queues * sizeof(spec.rx[0]));
	if (nb_tx_queues > 0)
		memcpy(spec.tx, tx_queues, nb_tx_queues * sizeof(spec.tx[0]));
	spec.numa_node = (int)numa_node;
	from_rings_spec = &spec;
	from_rings_name = devname;
	ret = rte_vdev_init(devname, NULL);
	from_rings_spec = NULL;
	from_rings_name = NULL;
	if (ret == 0)
		ret = rte_eth_dev_get_port_by_name(devname, &port_id);
	if (ret < 0) {
		rte_errno = -ret;
		return -1;
	}
	return port_id;
}

int
rte_eth_from_ring(struct rte_ring *r)
{
	if (r == NULL) {
		RING_LOG(ERR, "no ring to make a port of\n");
		rte_errno = EINVAL;
		return -1;
	}
	return rte_eth_from_rings(r->name, &r, 1, &r, 1,
				  r->memzone != NULL ? (unsigned int)r->memzone->socket_id :
						       (unsigned int)SOCKET_ID_ANY);
}
