/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Iterating over the ports of a device string (RTE_ETH_FOREACH_MATCHING_DEV)
 * and the "eth" device class that EAL device iterators walk.
 *
 * Three forms:
 *  - with a bus layer ("bus=vdev,name=X[/class=eth,...]"): the EAL walks
 *    the bus's devices and this class walks the ports of each;
 *  - the class alone ("class=eth[,mac=...]"): the ports themselves, those
 *    without a device included;
 *  - a plain device name or devargs ("net_null0", "vdev:net_ring0,k=v"):
 *    the ports of that one device; its driver arguments do not filter.
 * The last two keep iter->bus NULL and walk rte_eth_devices[] here, with
 * iter->device the one device to match (NULL: any).
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <bus_driver.h>
#include <ethdev_driver.h>
#include <rte_class.h>
#include <rte_common.h>
#include <rte_devargs.h>
#include <rte_errno.h>
#include <rte_kvargs.h>

#include "ethdev_private.h"

static const char *const class_keys[] = { "mac", NULL };

/* kvargs handler: whether one of the port's addresses is value. */
static int
mac_matches(const char *key, const char *value, void *opaque)
{
	struct rte_eth_dev *dev = opaque;
	struct rte_eth_dev_info info;
	struct rte_ether_addr mac;
	uint32_t i;

	RTE_SET_USED(key);
	if (value == NULL || rte_ether_unformat_addr(value, &mac) < 0 ||
	    dev->data->mac_addrs == NULL || eth_dev_info(dev, &info) < 0)
		return -1;
	for (i = 0; i < RTE_MAX(info.max_mac_addrs, 1u); i++) {
		if (rte_is_same_ether_addr(&mac, &dev->data->mac_addrs[i]))
			return 0;
	}
	return -1;
}

/* The port after start (an rte_eth_devices[] entry, NULL: the first) matching str on it->device. */
static void *
eth_dev_iterate(const void *start, const char *str, const struct rte_dev_iterator *it)
{
	struct rte_kvargs *kvlist = NULL;
	struct rte_eth_dev *dev = NULL;
	uint16_t p = start != NULL ? eth_dev_id(start) + 1 : 0;

	if (str != NULL && str[0] != '\0') {
		kvlist = rte_kvargs_parse(str, class_keys);
		if (kvlist == NULL) {
			RTE_ETHDEV_LOG(ERR, "cannot iterate over ports matching '%s'\n", str);
			rte_errno = EINVAL;
			return NULL;
		}
	}
	for (; p < RTE_MAX_ETHPORTS; p++) {
		struct rte_eth_dev *d = &rte_eth_devices[p];

		if (d->state == RTE_ETH_DEV_UNUSED ||
		    (it->device != NULL && d->device != it->device))
			continue;
		if (kvlist != NULL && rte_kvargs_process(kvlist, "mac", mac_matches, d) < 0)
			continue;
		dev = d;
		break;
	}
	rte_kvargs_free(kvlist);
	return dev;
}

struct rte_class eth_dev_class = {
	.dev_iterate = eth_dev_iterate,
};

RTE_REGISTER_CLASS(eth, eth_dev_class);

static int
cmp_dev_name(const struct rte_device *dev, const void *name)
{
	return strcmp(rte_dev_name(dev), name);
}

/* "net_null0,k=v": the ports of that device (none when it is not there). */
static int
init_one_device(struct rte_dev_iterator *iter, const char *devargs)
{
	struct rte_devargs da;
	int ret;

	ret = rte_devargs_parse(&da, devargs);
	if (ret < 0)
		return ret;
	iter->device = da.bus->find_device(NULL, cmp_dev_name, da.name);
	rte_devargs_reset(&da);
	if (iter->device != NULL)
		iter->cls = &eth_dev_class;
	return 0;
}

/* "bus=...[/class=eth...]" or "class=eth...": through the EAL's parser. */
static int
init_layers(struct rte_dev_iterator *iter, const char *devargs)
{
	struct rte_kvargs *kvlist;
	int ret;

	ret = rte_dev_iterator_init(iter, devargs);
	if (ret < 0)
		return ret;
	if (iter->cls == NULL) {
		/* A bus layer only: every port of its devices. */
		iter->cls_str = strdup("");
		if (iter->cls_str == NULL) {
			rte_eth_iterator_cleanup(iter);
			return -ENOMEM;
		}
		iter->cls = &eth_dev_class;
	}
	if (iter->cls != &eth_dev_class) {
		RTE_ETHDEV_LOG(ERR, "'%s' does not iterate over ports (class %s)\n", devargs,
			       iter->cls->name);
		rte_eth_iterator_cleanup(iter);
		return -EINVAL;
	}
	/* Bad filters fail here, once, rather than at every step. */
	if (iter->cls_str[0] != '\0') {
		kvlist = rte_kvargs_parse(iter->cls_str, class_keys);
		if (kvlist == NULL) {
			RTE_ETHDEV_LOG(ERR, "'%s': ports can be matched by mac only\n", devargs);
			rte_eth_iterator_cleanup(iter);
			return -EINVAL;
		}
		rte_kvargs_free(kvlist);
	}
	return 0;
}

int
rte_eth_iterator_init(struct rte_dev_iterator *iter, const char *devargs)
{
	if (iter == NULL || devargs == NULL || devargs[0] == '\0') {
		RTE_ETHDEV_LOG(ERR, "port iterator: no iterator or no device string\n");
		return -EINVAL;
	}
	memset(iter, 0, sizeof(*iter));
	if (strncmp(devargs, "bus=", 4) == 0 || strncmp(devargs, "class=", 6) == 0)
		return init_layers(iter, devargs);
	return init_one_device(iter, devargs);
}

uint16_t
rte_eth_iterator_next(struct rte_dev_iterator *iter)
{
	if (iter == NULL || iter->cls == NULL)
		return RTE_MAX_ETHPORTS;
	if (iter->bus != NULL) {
		if (rte_dev_iterator_next(iter) == NULL)
			iter->class_device = NULL;
	} else {
		iter->class_device = eth_dev_iterate(iter->class_device, iter->cls_str, iter);
	}
	if (iter->class_device == NULL) {
		rte_eth_iterator_cleanup(iter);
		return RTE_MAX_ETHPORTS;
	}
	return eth_dev_id(iter->class_device);
}

void
rte_eth_iterator_cleanup(struct rte_dev_iterator *iter)
{
	if (iter == NULL)
		return;
	/* The EAL's parser and init_layers allocate both strings. */
	free((char *)(uintptr_t)iter->bus_str);
	free((char *)(uintptr_t)iter->cls_str);
	memset(iter, 0, sizeof(*iter));
}
