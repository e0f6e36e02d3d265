/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * What the software PMDs share (ethdev_soft.h): each of them would
 * otherwise carry its own copy of these.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>

#include "ethdev_soft.h"

int
rte_eth_soft_link_set(struct rte_eth_dev *dev, bool up)
{
	struct rte_eth_link link = {
		.link_speed = RTE_ETH_SPEED_NUM_10G,
		.link_duplex = RTE_ETH_LINK_FULL_DUPLEX,
		.link_autoneg = RTE_ETH_LINK_FIXED,
		.link_status = up ? RTE_ETH_LINK_UP : RTE_ETH_LINK_DOWN,
	};

	return rte_eth_linkstatus_notify(dev, &link);
}

int
rte_eth_soft_link_up(struct rte_eth_dev *dev)
{
	rte_eth_soft_link_set(dev, true);
	return 0;
}

int
rte_eth_soft_link_down(struct rte_eth_dev *dev)
{
	rte_eth_soft_link_set(dev, false);
	return 0;
}

int
rte_eth_soft_link_update(struct rte_eth_dev *dev, int wait_to_complete)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(wait_to_complete);
	return -1;
}

int
rte_eth_soft_noop(struct rte_eth_dev *dev)
{
	RTE_SET_USED(dev);
	return 0;
}

int
rte_eth_soft_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *mac_addr)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(mac_addr);
	return 0;
}

int
rte_eth_soft_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	RTE_SET_USED(dev);
	RTE_SET_USED(mtu);
	return 0;
}

void
rte_eth_soft_infos(struct rte_eth_dev_info *info, uint32_t max_rx_pktlen, uint16_t nb_rx,
		   uint16_t nb_tx)
{
	info->max_mac_addrs = 1;
	info->max_rx_pktlen = max_rx_pktlen;
	info->max_rx_queues = nb_rx;
	info->max_tx_queues = nb_tx;
	info->tx_offload_capa = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	info->speed_capa = RTE_ETH_LINK_SPEED_10G | RTE_ETH_LINK_SPEED_FIXED;
}

void
rte_eth_soft_stats_sum(struct rte_eth_dev *dev, struct rte_eth_stats *stats, uint16_t nb_rx,
		       uint16_t nb_tx, rte_eth_soft_qstats_of_t qstats_of)
{
	const struct rte_eth_soft_qstats *c;
	uint16_t q;

	for (q = 0; q < nb_rx; q++) {
		c = qstats_of(dev, true, q);
		if (c == NULL)
			continue;
		stats->ipackets += c->pkts;
		stats->ibytes += c->bytes;
		stats->ierrors += c->errs;
		stats->rx_nombuf += c->nombuf;
		if (q < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			stats->q_ipackets[q] = c->pkts;
			stats->q_ibytes[q] = c->bytes;
			stats->q_errors[q] = c->errs;
		}
	}
	for (q = 0; q < nb_tx; q++) {
		c = qstats_of(dev, false, q);
		if (c == NULL)
			continue;
		stats->opackets += c->pkts;
		stats->obytes += c->bytes;
		stats->oerrors += c->errs;
		if (q < RTE_ETHDEV_QUEUE_STAT_CNTRS) {
			stats->q_opackets[q] = c->pkts;
			stats->q_obytes[q] = c->bytes;
		}
	}
}

static void
qstats_zero(struct rte_eth_soft_qstats *c)
{
	if (c != NULL)
		memset(c, 0, sizeof(*c));
}

void
rte_eth_soft_stats_zero(struct rte_eth_dev *dev, uint16_t nb_rx, uint16_t nb_tx,
			rte_eth_soft_qstats_of_t qstats_of)
{
	uint16_t q;

	for (q = 0; q < nb_rx; q++)
		qstats_zero(qstats_of(dev, true, q));
	for (q = 0; q < nb_tx; q++)
		qstats_zero(qstats_of(dev, false, q));
}

int
rte_eth_soft_arg_uint(const char *value, int base, unsigned long max, unsigned long *out)
{
	unsigned long v;
	char *end;

	/* strtoul() alone would take spaces and a sign. */
	if (value == NULL || value[0] < '0' || value[0] > '9')
		return -1;
	errno = 0;
	v = strtoul(value, &end, base);
	if (errno != 0 || *end != '\0' || v > max)
		return -1;
	*out = v;
	return 0;
}

static bool
key_known(const struct rte_eth_soft_arg *keys, unsigned int nb, const char *key)
{
	unsigned int i;

	for (i = 0; i < nb; i++) {
		if (strcmp(keys[i].key, key) == 0)
			return true;
	}
	return false;
}

/* "the keys are a, b and c", or "the only key is a". */
static void
keys_text(const struct rte_eth_soft_arg *keys, unsigned int nb, char *why, size_t size)
{
	size_t len = (size_t)snprintf(why, size, "%s", nb == 1 ? "the only key is" : "the keys are");
	unsigned int i;

	for (i = 0; i < nb && len < size; i++)
		len += (size_t)snprintf(why + len, size - len, "%s%s",
					i == 0 ? " " : i + 1 == nb ? " and " : ", ", keys[i].key);
}

/* Every key is taken first, then checked against the table: kvargs wants a list of names. */
int
rte_eth_soft_args_parse(const char *args, const struct rte_eth_soft_arg *keys, unsigned int nb,
			bool once, void *opaque, char *why, size_t size)
{
	struct rte_kvargs *kvlist;
	unsigned int i;
	int ret = 0;

	if (args == NULL || args[0] == '\0')
		return 0;
	kvlist = rte_kvargs_parse(args, NULL);
	for (i = 0; kvlist != NULL && i < kvlist->count; i++) {
		if (!key_known(keys, nb, kvlist->pairs[i].key))
			break;
	}
	if (kvlist == NULL || i < kvlist->count) {
		keys_text(keys, nb, why, size);
		rte_kvargs_free(kvlist);
		return -EINVAL;
	}
	for (i = 0; i < nb && ret == 0; i++) {
		if ((once && rte_kvargs_count(kvlist, keys[i].key) > 1) ||
		    rte_kvargs_process(kvlist, keys[i].key, keys[i].handler, opaque) < 0) {
			snprintf(why, size, "%s takes %s%s", keys[i].key, keys[i].takes,
				 once ? ", once" : "");
			ret = -EINVAL;
		}
	}
	rte_kvargs_free(kvlist);
	return ret;
}
