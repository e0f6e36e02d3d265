/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/* What a port receives: its MAC address, promiscuous and all-multicast modes. */

#include <errno.h>
#include <stdbool.h>
#include <string.h>

#include <ethdev_driver.h>
#include <rte_common.h>

#include "ethdev_private.h"

int
rte_eth_macaddr_get(uint16_t port_id, struct rte_ether_addr *mac_addr)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);

	if (dev == NULL)
		return -ENODEV;
	if (mac_addr == NULL || dev->data->mac_addrs == NULL) {
		RTE_ETHDEV_LOG(ERR, "port %u: %s\n", port_id, mac_addr == NULL ?
			       "no place for its MAC address" : "it has no MAC address");
		return -EINVAL;
	}
	rte_ether_addr_copy(&dev->data->mac_addrs[0], mac_addr);
	return 0;
}

int
rte_eth_dev_default_mac_addr_set(uint16_t port_id, struct rte_ether_addr *mac_addr)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);
	char buf[RTE_ETHER_ADDR_FMT_SIZE];
	int ret;

	if (dev == NULL)
		return -ENODEV;
	if (mac_addr == NULL || !rte_is_valid_assigned_ether_addr(mac_addr)) {
		if (mac_addr != NULL)
			rte_ether_format_addr(buf, sizeof(buf), mac_addr);
		RTE_ETHDEV_LOG(ERR, "port %u: %s is not a unicast address\n", port_id,
			       mac_addr != NULL ? buf : "NULL");
		return -EINVAL;
	}
	if (dev->dev_ops->mac_addr_set == NULL || dev->data->mac_addrs == NULL)
		return eth_dev_unsupported(dev, "change its MAC address");
	ret = dev->dev_ops->mac_addr_set(dev, mac_addr);
	if (ret < 0) {
		RTE_ETHDEV_LOG(ERR, "port %u: its driver refused the MAC address: %s\n", port_id,
			       strerror(-ret));
		return ret;
	}
	rte_ether_addr_copy(mac_addr, &dev->data->mac_addrs[0]);
	return 0;
}

/* Turn a receive mode on or off through op; the port's flag follows success. */
static int
set_mode(uint16_t port_id, bool promisc, bool on)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);
	const struct eth_dev_ops *ops;
	int (*op)(struct rte_eth_dev *dev);
	int ret;

	if (dev == NULL)
		return -ENODEV;
	if ((promisc ? dev->data->promiscuous : dev->data->all_multicast) == on)
		return 0;
	ops = dev->dev_ops;
	op = promisc ? (on ? ops->promiscuous_enable : ops->promiscuous_disable) :
		       (on ? ops->allmulticast_enable : ops->allmulticast_disable);
	if (op == NULL)
		return eth_dev_unsupported(dev, promisc ? "change promiscuous mode" :
						"change all-multicast mode");
	ret = op(dev);
	if (ret < 0) {
		RTE_ETHDEV_LOG(ERR, "port %u: its driver failed to turn %s %s: %s\n", port_id,
			       promisc ? "promiscuous mode" : "all-multicast mode",
			       on ? "on" : "off", strerror(-ret));
		return ret;
	}
	if (promisc)
		dev->data->promiscuous = on;
	else
		dev->data->all_multicast = on;
	return 0;
}

int
rte_eth_promiscuous_enable(uint16_t port_id)
{
	return set_mode(port_id, true, true);
}

int
rte_eth_promiscuous_disable(uint16_t port_id)
{
	return set_mode(port_id, true, false);
}

int
rte_eth_promiscuous_get(uint16_t port_id)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);

	return dev != NULL ? dev->data->promiscuous : -ENODEV;
}

int
rte_eth_allmulticast_enable(uint16_t port_id)
{
	return set_mode(port_id, false, true);
}

int
rte_eth_allmulticast_disable(uint16_t port_id)
{
	return set_mode(port_id, false, false);
}

int
rte_eth_allmulticast_get(uint16_t port_id)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);

	return dev != NULL ? dev->data->all_multicast : -ENODEV;
}
