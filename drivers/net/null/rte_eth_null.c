/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * net_null: a port that receives made-up packets and drops what it sends.
 *
 * Devargs: size=N (packet size, default 64), copy=0|1 (copy packet bytes
 * through a scratch buffer, for a memory-touching benchmark), no-rx=0|1
 * (receive nothing). Link always up at 10G full duplex once started.
 *
 * Everything a port has lives in shared memory: its settings in
 * dev_private, its queues (with their counters and scratch buffers) in
 * the shared heap. A secondary attaches to the primary's port and brings
 * only its own function pointers.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <bus_vdev_driver.h>
#include <ethdev_driver.h>
#include <ethdev_vdev.h>
#include <rte_common.h>
#include <rte_eal.h>
#include <rte_kvargs.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_memcpy.h>

RTE_LOG_REGISTER_DEFAULT(null_logtype, NOTICE);
#define NULL_LOG(level, ...) \
	rte_log(RTE_LOG_ ## level, null_logtype, "NULL: " __VA_ARGS__)

#define NULL_ARG_SIZE "size"
#define NULL_ARG_COPY "copy"
#define NULL_ARG_NO_RX "no-rx"
#define NULL_DEFAULT_SIZE 64

/* The port's settings, in dev_private: fixed at probe. */
struct null_port {
	uint32_t packet_size;
	bool copy;
	bool no_rx;
};

/*
 * A queue, in the shared heap. The counters are written by the one lcore
 * that polls the queue (in whichever process) and read by stats_get.
 */
struct null_queue {
	struct rte_mempool *mb_pool;  /* Rx only */
	void *scratch;                /* copy mode: packet_size bytes */
	uint32_t packet_size;
	uint16_t port_id;
	uint64_t pkts;
	uint64_t bytes;
	uint64_t nombuf;
};

static uint16_t
null_rx(void *q, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct null_queue *h = q;
	uint32_t size = h->packet_size;
	uint16_t i;

	if (unlikely(rte_pktmbuf_alloc_bulk(h->mb_pool, bufs, nb_bufs) != 0)) {
		h->nombuf += nb_bufs;
		return 0;
	}
	for (i = 0; i < nb_bufs; i++) {
		bufs[i]->data_len = (uint16_t)size;
		bufs[i]->pkt_len = size;
		bufs[i]->port = h->port_id;
	}
	h->pkts += nb_bufs;
	h->bytes += (uint64_t)nb_bufs * size;
	return nb_bufs;
}

static uint16_t
null_rx_copy(void *q, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct null_queue *h = q;
	uint16_t i, n = null_rx(q, bufs, nb_bufs);

	for (i = 0; i < n; i++)
		rte_memcpy(rte_pktmbuf_mtod(bufs[i], void *), h->scratch, h->packet_size);
	return n;
}

static uint16_t
null_no_rx(void *q, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	RTE_SET_USED(q);
	RTE_SET_USED(bufs);
	RTE_SET_USED(nb_bufs);
	return 0;
}

static uint16_t
null_tx(void *q, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct null_queue *h = q;
	uint64_t bytes = 0;
	uint16_t i;

	for (i = 0; i < nb_bufs; i++)
		bytes += bufs[i]->pkt_len;
	rte_pktmbuf_free_bulk(bufs, nb_bufs);
	h->pkts += nb_bufs;
	h->bytes += bytes;
	return nb_bufs;
}

static uint16_t
null_tx_copy(void *q, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct null_queue *h = q;
	uint16_t i;

	for (i = 0; i < nb_bufs; i++)
		rte_memcpy(h->scratch, rte_pktmbuf_mtod(bufs[i], void *),
			   RTE_MIN((uint32_t)bufs[i]->data_len, h->packet_size));
	return null_tx(q, bufs, nb_bufs);
}

/* This process's burst functions for the port's settings. */
static void
set_bursts(struct rte_eth_dev *dev)
{
	const struct null_port *np = dev->data->dev_private;

	if (np->no_rx)
		dev->rx_pkt_burst = null_no_rx;
	else
		dev->rx_pkt_burst = np->copy ? null_rx_copy : null_rx;
	dev->tx_pkt_burst = np->copy ? null_tx_copy : null_tx;
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
null_configure(struct rte_eth_dev *dev)
{
	RTE_SET_USED(dev);
	return 0;
}

static int
null_start(struct rte_eth_dev *dev)
{
	set_link(dev, true);
	return 0;
}

static int
null_stop(struct rte_eth_dev *dev)
{
	set_link(dev, false);
	return 0;
}

static int
null_set_link_up(struct rte_eth_dev *dev)
{
	set_link(dev, true);
	return 0;
}

static int
null_set_link_down(struct rte_eth_dev *dev)
{
	set_link(dev, false);
	return 0;
}

/* The queues and the rest are freed by ethdev as it releases the port. */
static int
null_close(struct rte_eth_dev *dev)
{
	RTE_SET_USED(dev);
	return 0;
}

static int
null_link_update(struct rte_eth_dev *dev, int wait)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(wait);
	return -1; /* the link is whatever start, stop and set_link made it */
}

static int
null_accept(struct rte_eth_dev *dev)
{
	RTE_SET_USED(dev);
	return 0;
}

static int
null_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(addr);
	return 0;
}

static int
null_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(mtu);
	return 0;
}

static void
add_queue_stats(uint64_t *total, uint64_t *total_bytes, uint64_t *per_q, uint64_t *per_q_bytes,
		void *const *queues, uint16_t nb)
{
	uint16_t q;

	for (q = 0; q < nb; q++) {
		const struct null_queue *h = queues[q];

		if (h == NULL)
			continue;
		*total += h->pkts;
		*total_bytes += h->bytes;
		if (q < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			per_q[q] = h->pkts;
			per_q_bytes[q] = h->bytes;
		}
	}
}

static int
null_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	const struct rte_eth_dev_data *data = dev->data;
	uint16_t q;

	add_queue_stats(&stats->ipackets, &stats->ibytes, stats->q_ipackets, stats->q_ibytes,
			data->rx_queues, data->nb_rx_queues);
	add_queue_stats(&stats->opackets, &stats->obytes, stats->q_opackets, stats->q_obytes,
			data->tx_queues, data->nb_tx_queues);
	for (q = 0; q < data->nb_rx_queues; q++) {
		const struct null_queue *h = data->rx_queues[q];

		if (h != NULL)
			stats->rx_nombuf += h->nombuf;
	}
	return 0;
}

static void
reset_queue_stats(void *const *queues, uint16_t nb)
{
	uint16_t q;

	for (q = 0; q < nb; q++) {
		struct null_queue *h = queues[q];

		if (h != NULL)
			h->pkts = h->bytes = h->nombuf = 0;
	}
}

static int
null_stats_reset(struct rte_eth_dev *dev)
{
	reset_queue_stats(dev->data->rx_queues, dev->data->nb_rx_queues);
	reset_queue_stats(dev->data->tx_queues, dev->data->nb_tx_queues);
	return 0;
}

static int
null_reset(struct rte_eth_dev *dev)
{
	return null_stats_reset(dev);
}

static int
null_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	const struct null_port *np = dev->data->dev_private;

	info->max_mac_addrs = 1;
	info->max_rx_pktlen = UINT32_MAX;
	info->max_rx_queues = RTE_MAX_QUEUES_PER_PORT;
	info->max_tx_queues = RTE_MAX_QUEUES_PER_PORT;
	info->min_rx_bufsize = np->no_rx ? 0 : np->packet_size;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS | RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE;
	info->speed_capa = RTE_ETH_LINK_SPEED_10G | RTE_ETH_LINK_SPEED_FIXED;
	return 0;
}

static struct null_queue *
queue_new(struct rte_eth_dev *dev, unsigned int socket_id, struct rte_mempool *mp)
{
	const struct null_port *np = dev->data->dev_private;
	struct null_queue *h;

	h = rte_zmalloc_socket("null_queue", sizeof(*h), RTE_CACHE_LINE_SIZE, (int)socket_id);
	if (h == NULL)
		return NULL;
	h->mb_pool = mp;
	h->packet_size = np->packet_size;
	h->port_id = dev->data->port_id;
	if (np->copy) {
		h->scratch = rte_zmalloc_socket("null_scratch", np->packet_size,
						RTE_CACHE_LINE_SIZE, (int)socket_id);
		if (h->scratch == NULL) {
			rte_free(h);
			return NULL;
		}
	}
	return h;
}

static int
null_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		    unsigned int socket_id, const struct rte_eth_rxconf *conf,
		    struct rte_mempool *mp)
{
	struct null_queue *h;

	RTE_SET_USED(nb_desc);
	RTE_SET_USED(conf);
	h = queue_new(dev, socket_id, mp);
	if (h == NULL) {
		NULL_LOG(ERR, "%s: no memory for Rx queue %u\n", dev->data->name, qid);
		return -ENOMEM;
	}
	dev->data->rx_queues[qid] = h;
	return 0;
}

static int
null_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		    unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	struct null_queue *h;

	RTE_SET_USED(nb_desc);
	RTE_SET_USED(conf);
	h = queue_new(dev, socket_id, NULL);
	if (h == NULL) {
		NULL_LOG(ERR, "%s: no memory for Tx queue %u\n", dev->data->name, qid);
		return -ENOMEM;
	}
	dev->data->tx_queues[qid] = h;
	return 0;
}

static void
queue_free(struct null_queue *h)
{
	if (h == NULL)
		return;
	rte_free(h->scratch);
	rte_free(h);
}

static void
null_rx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	queue_free(dev->data->rx_queues[qid]);
}

static void
null_tx_queue_release(struct rte_eth_dev *dev, uint16_t qid)
{
	queue_free(dev->data->tx_queues[qid]);
}

/* The same in every process: they act on the shared data only. */
static const struct eth_dev_ops null_ops = {
	.dev_configure = null_configure,
	.dev_start = null_start,
	.dev_stop = null_stop,
	.dev_set_link_up = null_set_link_up,
	.dev_set_link_down = null_set_link_down,
	.dev_close = null_close,
	.dev_reset = null_reset,
	.link_update = null_link_update,
	.promiscuous_enable = null_accept,
	.promiscuous_disable = null_accept,
	.allmulticast_enable = null_accept,
	.allmulticast_disable = null_accept,
	.mac_addr_set = null_mac_addr_set,
	.mtu_set = null_mtu_set,
	.stats_get = null_stats_get,
	.stats_reset = null_stats_reset,
	.dev_infos_get = null_infos_get,
	.rx_queue_setup = null_rx_queue_setup,
	.rx_queue_release = null_rx_queue_release,
	.tx_queue_setup = null_tx_queue_setup,
	.tx_queue_release = null_tx_queue_release,
};

/* kvargs handler: a number from 1 to UINT16_MAX (an mbuf's data length). */
static int
parse_size(const char *key, const char *value, void *opaque)
{
	struct null_port *np = opaque;
	unsigned long v;
	char *end;

	RTE_SET_USED(key);
	if (value == NULL || value[0] < '0' || value[0] > '9')
		return -1;
	errno = 0;
	v = strtoul(value, &end, 0);
	if (errno != 0 || *end != '\0' || v == 0 || v > UINT16_MAX)
		return -1;
	np->packet_size = (uint32_t)v;
	return 0;
}

static int
parse_bool(const char *value, bool *out)
{
	if (value == NULL || (strcmp(value, "0") != 0 && strcmp(value, "1") != 0))
		return -1;
	*out = value[0] == '1';
	return 0;
}

static int
parse_copy(const char *key, const char *value, void *opaque)
{
	RTE_SET_USED(key);
	return parse_bool(value, &((struct null_port *)opaque)->copy);
}

static int
parse_no_rx(const char *key, const char *value, void *opaque)
{
	RTE_SET_USED(key);
	return parse_bool(value, &((struct null_port *)opaque)->no_rx);
}

/* The settings in args; -EINVAL after one log line naming what is wrong. */
static int
parse_args(const char *name, const char *args, struct null_port *np)
{
	static const char *const keys[] = { NULL_ARG_SIZE, NULL_ARG_COPY, NULL_ARG_NO_RX, NULL };
	static const struct {
		const char *key;
		arg_handler_t fn;
		const char *expected;
	} parsers[] = {
		{ NULL_ARG_SIZE, parse_size, "a size from 1 to 65535" },
		{ NULL_ARG_COPY, parse_copy, "0 or 1" },
		{ NULL_ARG_NO_RX, parse_no_rx, "0 or 1" },
	};
	struct rte_kvargs *kvlist;
	unsigned int i;
	int ret = 0;

	*np = (struct null_port){ .packet_size = NULL_DEFAULT_SIZE };
	if (args == NULL || args[0] == '\0')
		return 0;
	kvlist = rte_kvargs_parse(args, keys);
	if (kvlist == NULL) {
		NULL_LOG(ERR, "%s: invalid devargs '%s': the keys are size, copy and no-rx\n",
			 name, args);
		return -EINVAL;
	}
	for (i = 0; i < RTE_DIM(parsers) && ret == 0; i++) {
		if (rte_kvargs_process(kvlist, parsers[i].key, parsers[i].fn, np) < 0) {
			NULL_LOG(ERR, "%s: invalid devargs '%s': %s takes %s\n", name, args,
				 parsers[i].key, parsers[i].expected);
			ret = -EINVAL;
		}
	}
	if (ret == 0 && np->copy && np->no_rx) {
		NULL_LOG(ERR, "%s: invalid devargs '%s': copy and no-rx exclude each other\n",
			 name, args);
		ret = -EINVAL;
	}
	rte_kvargs_free(kvlist);
	return ret;
}

static int
probe_primary(struct rte_vdev_device *vdev, const struct null_port *settings)
{
	const char *name = rte_vdev_device_name(vdev);
	struct rte_eth_dev *dev;

	dev = rte_eth_vdev_allocate(vdev, sizeof(struct null_port));
	if (dev == NULL)
		return rte_errno > 0 ? -rte_errno : -ENOMEM;
	dev->data->mac_addrs = rte_zmalloc_socket(name, sizeof(struct rte_ether_addr), 0,
						  vdev->device.numa_node);
	if (dev->data->mac_addrs == NULL) {
		NULL_LOG(ERR, "%s: no memory for its MAC address\n", name);
		rte_eth_dev_release_port(dev);
		return -ENOMEM;
	}
	rte_eth_random_addr(dev->data->mac_addrs[0].addr_bytes);
	*(struct null_port *)dev->data->dev_private = *settings;
	dev->data->dev_flags |= RTE_ETH_DEV_INTR_LSC;
	set_link(dev, false);
	dev->dev_ops = &null_ops;
	set_bursts(dev);
	rte_eth_dev_probing_finish(dev);
	NULL_LOG(INFO, "%s: port %u, %u-byte packets%s%s\n", name, dev->data->port_id,
		 settings->packet_size, settings->copy ? ", copying" : "",
		 settings->no_rx ? ", no Rx" : "");
	return 0;
}

/* A secondary brings its function pointers to the primary's port. */
static int
probe_secondary(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_attach_secondary(rte_vdev_device_name(vdev));

	if (dev == NULL)
		return rte_errno > 0 ? -rte_errno : -ENOMEM;
	dev->device = &vdev->device;
	dev->dev_ops = &null_ops;
	set_bursts(dev);
	rte_eth_dev_probing_finish(dev);
	return 0;
}

static int
null_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct null_port settings;
	int ret;

	/* A secondary checks the devargs too: the primary accepted the same ones. */
	ret = parse_args(name, rte_vdev_device_args(vdev), &settings);
	if (ret < 0)
		return ret;
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		ret = probe_secondary(vdev);
	else
		ret = probe_primary(vdev, &settings);
	/* The vdev bus reads -EEXIST as "probed already" and would keep the device. */
	return ret == -EEXIST ? -EBUSY : ret;
}

static int
null_remove(struct rte_vdev_device *vdev)
{
	struct rte_eth_dev *dev = rte_eth_dev_allocated(rte_vdev_device_name(vdev));

	if (dev == NULL)
		return 0; /* closed already */
	/* The primary frees the shared entry, queues included; a secondary its view. */
	if (rte_eal_process_type() != RTE_PROC_PRIMARY)
		return rte_eth_dev_release_port_private(dev);
	return rte_eth_dev_release_port(dev);
}

static struct rte_vdev_driver null_driver = {
	.probe = null_probe,
	.remove = null_remove,
};

RTE_PMD_REGISTER_VDEV(net_null, null_driver);
RTE_PMD_REGISTER_ALIAS(net_null, eth_null);
RTE_PMD_REGISTER_PARAM_STRING(net_null, "size=<int> copy=<0|1> no-rx=<0|1>");
