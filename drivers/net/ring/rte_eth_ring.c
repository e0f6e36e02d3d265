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
#include <ethdev_soft.h>
#include <ethdev_vdev.h>
#include <rte_bus_vdev.h>
#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_memzone.h>
#include <rte_ring.h>

#include "rte_eth_ring.h"

RTE_LOG_REGISTER_DEFAULT(ring_logtype, NOTICE);
#define RING_LOG(level, ...) \
	rte_log(RTE_LOG_ ## level, ring_logtype, "RING: " __VA_ARGS__)

#define RING_ARG_NODEACTION "nodeaction"
#define RING_MAX_QUEUES 16
#define RING_SIZE 1024

/* A queue over one ring; Tx errs count the packets the full ring refused. */
struct ring_queue {
	struct rte_ring *rng;
	struct rte_eth_soft_qstats st;
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

	rq->st.pkts += n;
	return n;
}

static uint16_t
ring_tx(void *q, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct ring_queue *rq = q;
	uint16_t n = (uint16_t)rte_ring_enqueue_burst(rq->rng, (void **)bufs, nb_bufs, NULL);

	rq->st.pkts += n;
	rq->st.errs += nb_bufs - n;
	return n;
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

static struct rte_eth_soft_qstats *
ring_qstats(struct rte_eth_dev *dev, bool rx, uint16_t q)
{
	struct ring_port *rp = dev->data->dev_private;

	return rx ? &rp->rxq[q].st : &rp->txq[q].st;
}

static int
ring_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	const struct ring_port *rp = dev->data->dev_private;

	rte_eth_soft_stats_sum(dev, stats, rp->nb_rx, rp->nb_tx, ring_qstats);
	return 0;
}

static int
ring_stats_reset(struct rte_eth_dev *dev)
{
	const struct ring_port *rp = dev->data->dev_private;

	rte_eth_soft_stats_zero(dev, rp->nb_rx, rp->nb_tx, ring_qstats);
	return 0;
}

static int
ring_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	const struct ring_port *rp = dev->data->dev_private;

	rte_eth_soft_infos(info, UINT32_MAX, rp->nb_rx, rp->nb_tx);
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
	.dev_configure = rte_eth_soft_noop,
	.dev_start = rte_eth_soft_link_up,
	.dev_stop = rte_eth_soft_link_down,
	.dev_set_link_up = rte_eth_soft_link_up,
	.dev_set_link_down = rte_eth_soft_link_down,
	.dev_close = ring_close,
	.link_update = rte_eth_soft_link_update,
	.promiscuous_enable = rte_eth_soft_noop,
	.promiscuous_disable = rte_eth_soft_noop,
	.allmulticast_enable = rte_eth_soft_noop,
	.allmulticast_disable = rte_eth_soft_noop,
	.mac_addr_set = rte_eth_soft_mac_addr_set,
	.mtu_set = rte_eth_soft_mtu_set,
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
	static const struct rte_eth_soft_arg keys[] = {
		{ RING_ARG_NODEACTION, parse_nodeaction,
		  "NAME:NODE:CREATE or NAME:NODE:ATTACH, at most " RTE_STR(RING_MAX_QUEUES) " times" },
	};
	struct nodeaction_list list = { .n = 0 };
	unsigned int i;
	char why[128];
	int ret;

	memset(spec, 0, sizeof(*spec));
	spec->numa_node = SOCKET_ID_ANY;
	if (args == NULL || args[0] == '\0')
		return spec_default(spec, devname);
	ret = rte_eth_soft_args_parse(args, keys, RTE_DIM(keys), false, &list, why, sizeof(why));
	/* Devargs of empty pairs only (",") name no ring. */
	if (ret == 0 && list.n == 0) {
		snprintf(why, sizeof(why), "%s takes %s", keys[0].key, keys[0].takes);
		ret = -EINVAL;
	}
	if (ret < 0) {
		RING_LOG(ERR, "%s: invalid devargs '%s': %s\n", devname, args, why);
		return ret;
	}
	for (i = 0; ret == 0 && i < list.n; i++)
		ret = spec_add_ring(spec, devname, list.a[i].name, list.a[i].node,
				    list.a[i].create);
	if (ret < 0)
		spec_free_owned(spec);
	else
		spec->numa_node = list.a[0].node;
	return ret;
}

/* This process's operations and burst functions: the port's rings are shared. */
static int
set_local(struct rte_eth_dev *dev)
{
	dev->dev_ops = &ring_ops;
	dev->rx_pkt_burst = ring_rx;
	dev->tx_pkt_burst = ring_tx;
	return 0;
}

/* The port over spec's rings; it owns spec's owned rings once made. */
static int
port_create(struct rte_vdev_device *vdev, const struct ring_spec *spec)
{
	struct rte_eth_dev *dev;
	struct ring_port *rp;
	unsigned int i;
	int ret;

	ret = rte_eth_vdev_port_create(vdev, sizeof(*rp), spec->numa_node, &dev);
	if (ret < 0)
		return ret;
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
	dev->data->dev_flags |= RTE_ETH_DEV_INTR_LSC;
	rte_eth_soft_link_set(dev, false);
	set_local(dev);
	rte_eth_dev_probing_finish(dev);
	RING_LOG(INFO, "%s: port %u, %u Rx and %u Tx queues\n", dev->data->name,
		 dev->data->port_id, spec->nb_rx, spec->nb_tx);
	return 0;
}

/* The primary: a port over the rings of rte_eth_from_rings(), or of the devargs. */
static int
probe_primary(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct ring_spec spec;
	int ret;

	if (from_rings_spec != NULL && strcmp(from_rings_name, name) == 0)
		return port_create(vdev, from_rings_spec);
	ret = spec_from_args(&spec, name, rte_vdev_device_args(vdev));
	if (ret == 0)
		ret = port_create(vdev, &spec);
	if (ret < 0)
		spec_free_owned(&spec);
	return ret;
}

static int
ring_probe(struct rte_vdev_device *vdev)
{
	return rte_eth_vdev_probe(vdev, probe_primary, set_local);
}

/* The primary frees the rings the port made first; a secondary its view only. */
static int
ring_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));

	if (dev != NULL)
		ring_close(dev);
	return rte_eth_vdev_release(vdev, NULL);
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
