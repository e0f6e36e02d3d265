/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The link: queries, its text form, setting it up or down, and the link
 * status event of PMDs whose link is a software state.
 */

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <ethdev_driver.h>
#include <rte_common.h>

#include "ethdev_private.h"

static int
link_get(uint16_t port_id, struct rte_eth_link *link, int wait)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);

	if (dev == NULL)
		return -ENODEV;
	if (link == NULL) {
		RTE_ETHDEV_LOG(ERR, "port %u: no place for its link\n", port_id);
		return -EINVAL;
	}
	/* With link interrupts, the PMD keeps the data up to date by itself. */
	if (!(dev->data->dev_conf.intr_conf.lsc && dev->data->dev_started)) {
		if (dev->dev_ops->link_update == NULL)
			return eth_dev_unsupported(dev, "report its link");
		dev->dev_ops->link_update(dev, wait);
	}
	rte_eth_linkstatus_get(dev, link);
	return 0;
}

int
rte_eth_link_get(uint16_t port_id, struct rte_eth_link *link)
{
	return link_get(port_id, link, 1);
}

int
rte_eth_link_get_nowait(uint16_t port_id, struct rte_eth_link *link)
{
	return link_get(port_id, link, 0);
}

const char *
rte_eth_link_speed_to_str(uint32_t link_speed)
{
	static const struct {
		uint32_t speed;
		const char *str;
	} names[] = {
		{ RTE_ETH_SPEED_NUM_NONE, "None" },
		{ RTE_ETH_SPEED_NUM_10M, "10 Mbps" },
		{ RTE_ETH_SPEED_NUM_100M, "100 Mbps" },
		{ RTE_ETH_SPEED_NUM_1G, "1 Gbps" },
		{ RTE_ETH_SPEED_NUM_2_5G, "2.5 Gbps" },
		{ RTE_ETH_SPEED_NUM_5G, "5 Gbps" },
		{ RTE_ETH_SPEED_NUM_10G, "10 Gbps" },
		{ RTE_ETH_SPEED_NUM_20G, "20 Gbps" },
		{ RTE_ETH_SPEED_NUM_25G, "25 Gbps" },
		{ RTE_ETH_SPEED_NUM_40G, "40 Gbps" },
		{ RTE_ETH_SPEED_NUM_50G, "50 Gbps" },
		{ RTE_ETH_SPEED_NUM_56G, "56 Gbps" },
		{ RTE_ETH_SPEED_NUM_100G, "100 Gbps" },
		{ RTE_ETH_SPEED_NUM_200G, "200 Gbps" },
		{ RTE_ETH_SPEED_NUM_400G, "400 Gbps" },
		{ RTE_ETH_SPEED_NUM_UNKNOWN, "Unknown" },
	};
	unsigned int i;

	for (i = 0; i < RTE_DIM(names); i++) {
		if (names[i].speed == link_speed)
			return names[i].str;
	}
	return "Invalid";
}

int
rte_eth_link_to_str(char *str, size_t len, const struct rte_eth_link *eth_link)
{
	if (str == NULL || len == 0 || eth_link == NULL) {
		RTE_ETHDEV_LOG(ERR, "link to text: no link or no room for the text\n");
		return -EINVAL;
	}
	if (eth_link->link_status == RTE_ETH_LINK_DOWN)
		return snprintf(str, len, "Link down");
	return snprintf(str, len, "Link up at %s %s %s",
			rte_eth_link_speed_to_str(eth_link->link_speed),
			eth_link->link_duplex == RTE_ETH_LINK_FULL_DUPLEX ? "FDX" : "HDX",
			eth_link->link_autoneg == RTE_ETH_LINK_AUTONEG ? "Autoneg" : "Fixed");
}

static int
set_link(uint16_t port_id, bool up)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);
	eth_dev_set_link_up_t op;
	int ret;

	if (dev == NULL)
		return -ENODEV;
	op = up ? dev->dev_ops->dev_set_link_up : dev->dev_ops->dev_set_link_down;
	if (op == NULL)
		return eth_dev_unsupported(dev, up ? "set its link up" : "set its link down");
	ret = op(dev);
	if (ret < 0)
		RTE_ETHDEV_LOG(ERR, "port %u: its driver failed to set its link %s: %s\n",
			       port_id, up ? "up" : "down", strerror(-ret));
	return ret;
}

int
rte_eth_dev_set_link_up(uint16_t port_id)
{
	return set_link(port_id, true);
}

int
rte_eth_dev_set_link_down(uint16_t port_id)
{
	return set_link(port_id, false);
}

int
rte_eth_linkstatus_notify(struct rte_eth_dev *dev, const struct rte_eth_link *new_link)
{
	int changed = rte_eth_linkstatus_set(dev, new_link);

	if (changed == 0 && dev->data->dev_conf.intr_conf.lsc)
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_INTR_LSC, NULL);
	return changed;
}
