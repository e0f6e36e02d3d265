/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Counters: the basic ones from the PMD, and extended ones derived from
 * them (generic, then per queue for the first RTE_ETHDEV_QUEUE_STAT_CNTRS
 * queues). The PMD keeps its counters in shared memory, so any process
 * reads the same numbers.
 */

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <ethdev_driver.h>
#include <rte_common.h>

#include "ethdev_private.h"

struct xstat_def {
	const char *name;
	size_t offset;   /* in struct rte_eth_stats; per queue: of the q_* array */
};

static const struct xstat_def port_xstats[] = {
	{ "rx_good_packets", offsetof(struct rte_eth_stats, ipackets) },
	{ "tx_good_packets", offsetof(struct rte_eth_stats, opackets) },
	{ "rx_good_bytes", offsetof(struct rte_eth_stats, ibytes) },
	{ "tx_good_bytes", offsetof(struct rte_eth_stats, obytes) },
	{ "rx_missed_errors", offsetof(struct rte_eth_stats, imissed) },
	{ "rx_errors", offsetof(struct rte_eth_stats, ierrors) },
	{ "tx_errors", offsetof(struct rte_eth_stats, oerrors) },
	{ "rx_mbuf_allocation_errors", offsetof(struct rte_eth_stats, rx_nombuf) },
};

static const struct xstat_def rxq_xstats[] = {
	{ "packets", offsetof(struct rte_eth_stats, q_ipackets) },
	{ "bytes", offsetof(struct rte_eth_stats, q_ibytes) },
	{ "errors", offsetof(struct rte_eth_stats, q_errors) },
};

static const struct xstat_def txq_xstats[] = {
	{ "packets", offsetof(struct rte_eth_stats, q_opackets) },
	{ "bytes", offsetof(struct rte_eth_stats, q_obytes) },
};

int
rte_eth_stats_get(uint16_t port_id, struct rte_eth_stats *stats)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);

	if (dev == NULL)
		return -ENODEV;
	if (stats == NULL) {
		RTE_ETHDEV_LOG(ERR, "port %u: no place for its counters\n", port_id);
		return -EINVAL;
	}
	memset(stats, 0, sizeof(*stats));
	if (dev->dev_ops->stats_get == NULL)
		return eth_dev_unsupported(dev, "count");
	stats->rx_nombuf = dev->data->rx_mbuf_alloc_failed;
	return dev->dev_ops->stats_get(dev, stats);
}

int
rte_eth_stats_reset(uint16_t port_id)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);
	int ret;

	if (dev == NULL)
		return -ENODEV;
	if (dev->dev_ops->stats_reset == NULL)
		return eth_dev_unsupported(dev, "reset its counters");
	ret = dev->dev_ops->stats_reset(dev);
	if (ret < 0)
		return ret;
	dev->data->rx_mbuf_alloc_failed = 0;
	return 0;
}

static unsigned int
nb_rxq_stats(const struct rte_eth_dev *dev)
{
	return RTE_MIN(dev->data->nb_rx_queues, RTE_ETHDEV_QUEUE_STAT_CNTRS);
}

static unsigned int
nb_txq_stats(const struct rte_eth_dev *dev)
{
	return RTE_MIN(dev->data->nb_tx_queues, RTE_ETHDEV_QUEUE_STAT_CNTRS);
}

static unsigned int
xstats_count(const struct rte_eth_dev *dev)
{
	return RTE_DIM(port_xstats) + nb_rxq_stats(dev) * RTE_DIM(rxq_xstats) +
	       nb_txq_stats(dev) * RTE_DIM(txq_xstats);
}

/*
 * Walk the extended counters in id order: fn gets each one's name and
 * where its value is in a struct rte_eth_stats.
 */
static void
xstats_walk(const struct rte_eth_dev *dev,
	    void (*fn)(unsigned int id, const char *name, size_t offset, void *arg), void *arg)
{
	char name[RTE_ETH_XSTATS_NAME_SIZE];
	unsigned int i, q, id = 0;

	for (i = 0; i < RTE_DIM(port_xstats); i++)
		fn(id++, port_xstats[i].name, port_xstats[i].offset, arg);
	for (q = 0; q < nb_rxq_stats(dev); q++) {
		for (i = 0; i < RTE_DIM(rxq_xstats); i++) {
			snprintf(name, sizeof(name), "rx_q%u_%s", q, rxq_xstats[i].name);
			fn(id++, name, rxq_xstats[i].offset + q * sizeof(uint64_t), arg);
		}
	}
	for (q = 0; q < nb_txq_stats(dev); q++) {
		for (i = 0; i < RTE_DIM(txq_xstats); i++) {
			snprintf(name, sizeof(name), "tx_q%u_%s", q, txq_xstats[i].name);
			fn(id++, name, txq_xstats[i].offset + q * sizeof(uint64_t), arg);
		}
	}
}

static void
put_name(unsigned int id, const char *name, size_t offset, void *arg)
{
	struct rte_eth_xstat_name *names = arg;

	RTE_SET_USED(offset);
	snprintf(names[id].name, sizeof(names[id].name), "%s", name);
}

int
rte_eth_xstats_get_names(uint16_t port_id, struct rte_eth_xstat_name *xstats_names,
			 unsigned int size)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);
	unsigned int n;

	if (dev == NULL)
		return -ENODEV;
	n = xstats_count(dev);
	if (xstats_names != NULL && size >= n)
		xstats_walk(dev, put_name, xstats_names);
	return (int)n;
}

struct value_walk {
	const struct rte_eth_stats *stats;
	struct rte_eth_xstat *xstats;
};

static void
put_value(unsigned int id, const char *name, size_t offset, void *arg)
{
	struct value_walk *w = arg;

	RTE_SET_USED(name);
	w->xstats[id].id = id;
	memcpy(&w->xstats[id].value, (const char *)w->stats + offset, sizeof(uint64_t));
}

int
rte_eth_xstats_get(uint16_t port_id, struct rte_eth_xstat *xstats, unsigned int n)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);
	struct rte_eth_stats stats;
	struct value_walk w = { .stats = &stats, .xstats = xstats };
	unsigned int count;
	int ret;

	if (dev == NULL)
		return -ENODEV;
	count = xstats_count(dev);
	if (xstats == NULL || n < count)
		return (int)count;
	ret = rte_eth_stats_get(port_id, &stats);
	if (ret < 0)
		return ret;
	xstats_walk(dev, put_value, &w);
	return (int)count;
}

int
rte_eth_xstats_reset(uint16_t port_id)
{
	return rte_eth_stats_reset(port_id);
}
