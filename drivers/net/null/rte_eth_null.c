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
#include <string.h>

#include <bus_vdev_driver.h>
#include <ethdev_driver.h>
#include <ethdev_soft.h>
#include <ethdev_vdev.h>
#include <rte_common.h>
#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_memcpy.h>
#include <rte_string_fns.h>

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
	struct rte_eth_soft_qstats st;
};

static uint16_t
null_rx(void *q, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct null_queue *h = q;
	uint32_t size = h->packet_size;
	uint16_t i;

	if (unlikely(rte_pktmbuf_alloc_bulk(h->mb_pool, bufs, nb_bufs) != 0)) {
		h->st.nombuf += nb_bufs;
		return 0;
	}
	for (i = 0; i < nb_bufs; i++) {
		bufs[i]->data_len = (uint16_t)size;
		bufs[i]->pkt_len = size;
		bufs[i]->port = h->port_id;
	}
	h->st.pkts += nb_bufs;
	h->st.bytes += (uint64_t)nb_bufs * size;
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
null_tx(void *q, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct null_queue *h = q;
	uint64_t bytes = 0;
	uint16_t i;

	for (i = 0; i < nb_bufs; i++)
		bytes += bufs[i]->pkt_len;
	rte_pktmbuf_free_bulk(bufs, nb_bufs);
	h->st.pkts += nb_bufs;
	h->st.bytes += bytes;
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

/* Where the queues are: in ethdev's arrays, once set up. */
static struct rte_eth_soft_qstats *
null_qstats(struct rte_eth_dev *dev, bool rx, uint16_t q)
{
	struct null_queue *h = (rx ? dev->data->rx_queues : dev->data->tx_queues)[q];

	return h != NULL ? &h->st : NULL;
}

static int
null_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	rte_eth_soft_stats_sum(dev, stats, dev->data->nb_rx_queues, dev->data->nb_tx_queues,
			       null_qstats);
	return 0;
}

static int
null_stats_reset(struct rte_eth_dev *dev)
{
	rte_eth_soft_stats_zero(dev, dev->data->nb_rx_queues, dev->data->nb_tx_queues,
				null_qstats);
	return 0;
}

static int
null_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	const struct null_port *np = dev->data->dev_private;

	rte_eth_soft_infos(info, UINT32_MAX, RTE_MAX_QUEUES_PER_PORT, RTE_MAX_QUEUES_PER_PORT);
	info->min_rx_bufsize = np->no_rx ? 0 : np->packet_size;
	info->tx_offload_capa |= RTE_ETH_TX_OFFLOAD_MBUF_FAST_FREE;
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

/*
 * The same in every process: they act on the shared data only. Closing
 * has nothing to do: the queues and the rest go with the port's release.
 */
static const struct eth_dev_ops null_ops = {
	.dev_configure = rte_eth_soft_noop,
	.dev_start = rte_eth_soft_link_up,
	.dev_stop = rte_eth_soft_link_down,
	.dev_set_link_up = rte_eth_soft_link_up,
	.dev_set_link_down = rte_eth_soft_link_down,
	.dev_close = rte_eth_soft_noop,
	.dev_reset = null_stats_reset,
	.link_update = rte_eth_soft_link_update,
	.promiscuous_enable = rte_eth_soft_noop,
	.promiscuous_disable = rte_eth_soft_noop,
	.allmulticast_enable = rte_eth_soft_noop,
	.allmulticast_disable = rte_eth_soft_noop,
	.mac_addr_set = rte_eth_soft_mac_addr_set,
	.mtu_set = rte_eth_soft_mtu_set,
	.stats_get = null_stats_get,
	.stats_reset = null_stats_reset,
	.dev_infos_get = null_infos_get,
	.rx_queue_setup = null_rx_queue_setup,
	.rx_queue_release = null_rx_queue_release,
	.tx_queue_setup = null_tx_queue_setup,
	.tx_queue_release = null_tx_queue_release,
};

/* This process's operations and burst functions for the port's settings. */
static void
set_local(struct rte_eth_dev *dev)
{
	const struct null_port *np = dev->data->dev_private;

	dev->dev_ops = &null_ops;
	if (np->no_rx)
		dev->rx_pkt_burst = rte_eth_pkt_burst_dummy;
	else
		dev->rx_pkt_burst = np->copy ? null_rx_copy : null_rx;
	dev->tx_pkt_burst = np->copy ? null_tx_copy : null_tx;
}

/* kvargs handler: a number from 1 to UINT16_MAX (an mbuf's data length). */
static int
parse_size(const char *key, const char *value, void *opaque)
{
	struct null_port *np = opaque;
	unsigned long v;

	RTE_SET_USED(key);
	if (rte_eth_soft_arg_uint(value, 0, UINT16_MAX, &v) < 0 || v == 0)
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

/* The settings in the devargs; -EINVAL after one log line naming what is wrong. */
static int
parse_args(struct rte_vdev_device *vdev, struct null_port *np)
{
	static const struct rte_eth_soft_arg keys[] = {
		{ NULL_ARG_SIZE, parse_size, "a size from 1 to 65535" },
		{ NULL_ARG_COPY, parse_copy, "0 or 1" },
		{ NULL_ARG_NO_RX, parse_no_rx, "0 or 1" },
	};
	const char *args = rte_vdev_device_args(vdev);
	char why[128];
	int ret;

	*np = (struct null_port){ .packet_size = NULL_DEFAULT_SIZE };
	ret = rte_eth_soft_args_parse(args, keys, RTE_DIM(keys), false, np, why, sizeof(why));
	if (ret == 0 && np->copy && np->no_rx) {
		rte_strlcpy(why, "copy and no-rx exclude each other", sizeof(why));
		ret = -EINVAL;
	}
	if (ret < 0)
		NULL_LOG(ERR, "%s: invalid devargs '%s': %s\n", rte_vdev_device_name(vdev), args,
			 why);
	return ret;
}

static int
probe_primary(struct rte_vdev_device *vdev)
{
	struct null_port settings;
	struct rte_eth_dev *dev;
	int ret;

	ret = parse_args(vdev, &settings);
	if (ret < 0)
		return ret;
	ret = rte_eth_vdev_port_create(vdev, sizeof(settings), vdev->device.numa_node, &dev);
	if (ret < 0)
		return ret;
	rte_eth_random_addr(dev->data->mac_addrs[0].addr_bytes);
	*(struct null_port *)dev->data->dev_private = settings;
	dev->data->dev_flags |= RTE_ETH_DEV_INTR_LSC;
	rte_eth_soft_link_set(dev, false);
	set_local(dev);
	rte_eth_dev_probing_finish(dev);
	NULL_LOG(INFO, "%s: port %u, %u-byte packets%s%s\n", dev->data->name, dev->data->port_id,
		 settings.packet_size, settings.copy ? ", copying" : "",
		 settings.no_rx ? ", no Rx" : "");
	return 0;
}

/*
 * A secondary checks the devargs too (the primary accepted the same ones)
 * and brings its function pointers to the primary's port.
 */
static int
attach_local(struct rte_eth_dev *dev)
{
	struct null_port settings;
	int ret = parse_args(RTE_DEV_TO_VDEV(dev->device), &settings);

	if (ret == 0)
		set_local(dev);
	return ret;
}

static int
null_probe(struct rte_vdev_device *vdev)
{
	return rte_eth_vdev_probe(vdev, probe_primary, attach_local);
}

/* The primary frees the shared entry, queues included; a secondary its view. */
static int
null_remove(struct rte_vdev_device *vdev)
{
	return rte_eth_vdev_release(vdev, NULL);
}

static struct rte_vdev_driver null_driver = {
	.probe = null_probe,
	.remove = null_remove,
};

RTE_PMD_REGISTER_VDEV(net_null, null_driver);
RTE_PMD_REGISTER_ALIAS(net_null, eth_null);
RTE_PMD_REGISTER_PARAM_STRING(net_null, "size=<int> copy=<0|1> no-rx=<0|1>");
