/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Ports as PMDs see them: the shared port table, allocating a port,
 * attaching a secondary to the primary's, finishing a probe, releasing
 * a port in this process or in the whole group.
 */

#include <errno.h>
#include <string.h>

#include <ethdev_driver.h>
#include <rte_common.h>
#include <rte_eal.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_malloc.h>
#include <rte_memzone.h>
#include <rte_string_fns.h>

#include "eal_memcfg.h"
#include "ethdev_private.h"

struct rte_eth_dev rte_eth_devices[RTE_MAX_ETHPORTS];

/* Set once per process, to the same address in every process. */
static struct eth_dev_shared *eth_shared;

/* Called with the memzone lock held, so that only one process initialises it. */
static const struct rte_memzone *
shared_reserve(void)
{
	const struct rte_memzone *mz = rte_memzone_lookup(ETH_DEV_SHARED_MZ);
	struct eth_dev_shared *sh;

	if (mz != NULL)
		return mz;
	mz = rte_memzone_reserve(ETH_DEV_SHARED_MZ, sizeof(*sh), SOCKET_ID_ANY, 0);
	if (mz == NULL)
		return NULL;
	sh = mz->addr;
	memset(sh, 0, sizeof(*sh));
	eal_shared_lock_init(&sh->lock, false);
	sh->next_owner_id = RTE_ETH_DEV_NO_OWNER + 1;
	return mz;
}

struct eth_dev_shared *
eth_dev_shared_get(void)
{
	struct eth_dev_shared *sh = __atomic_load_n(&eth_shared, __ATOMIC_ACQUIRE);
	const struct rte_memzone *mz;

	if (sh != NULL)
		return sh;
	if (eal_shared_config() == NULL) {
		RTE_ETHDEV_LOG(ERR, "ports cannot be used before rte_eal_init()\n");
		rte_errno = ENODEV;
		return NULL;
	}
	rte_mcfg_mem_write_lock();
	mz = shared_reserve();
	rte_mcfg_mem_write_unlock();
	if (mz == NULL) {
		RTE_ETHDEV_LOG(ERR, "cannot reserve the port table (memzone %s, %zu bytes): %s\n",
			       ETH_DEV_SHARED_MZ, sizeof(*sh), rte_strerror(rte_errno));
		return NULL;
	}
	sh = mz->addr;
	__atomic_store_n(&eth_shared, sh, __ATOMIC_RELEASE);
	return sh;
}

void
eth_dev_shared_lock(struct eth_dev_shared *sh)
{
	eal_shared_lock(&sh->lock, "ethdev");
}

void
eth_dev_shared_unlock(struct eth_dev_shared *sh)
{
	eal_shared_unlock(&sh->lock);
}

/* The in-use entry named name; called with the lock held. */
static struct rte_eth_dev_data *
shared_find(struct eth_dev_shared *sh, const char *name)
{
	unsigned int i;

	for (i = 0; i < RTE_MAX_ETHPORTS; i++) {
		if (sh->data[i].name[0] != '\0' && strcmp(sh->data[i].name, name) == 0)
			return &sh->data[i];
	}
	return NULL;
}

/*
 * The lowest id free in the group and in this process (a secondary may
 * still hold a released port, briefly); called with the lock held.
 */
static uint16_t
free_port_id(const struct eth_dev_shared *sh)
{
	uint16_t i;

	for (i = 0; i < RTE_MAX_ETHPORTS; i++) {
		if (sh->data[i].name[0] == '\0' && rte_eth_devices[i].data == NULL)
			break;
	}
	return i;
}

static bool
name_ok(const char *name)
{
	if (name == NULL || name[0] == '\0') {
		RTE_ETHDEV_LOG(ERR, "a port needs a name\n");
		return false;
	}
	if (strnlen(name, RTE_ETH_NAME_MAX_LEN) == RTE_ETH_NAME_MAX_LEN) {
		RTE_ETHDEV_LOG(ERR, "port name '%.*s...' is longer than %d characters\n", 32, name,
			       RTE_ETH_NAME_MAX_LEN - 1);
		return false;
	}
	return true;
}

/* The port table, locked, for a call about port name; NULL (rte_errno set) after a log line. */
static struct eth_dev_shared *
shared_lock_for(const char *name)
{
	struct eth_dev_shared *sh;

	if (!name_ok(name)) {
		rte_errno = EINVAL;
		return NULL;
	}
	sh = eth_dev_shared_get();
	if (sh != NULL)
		eth_dev_shared_lock(sh);
	return sh;
}

/* A fresh entry at port_id; called with the lock held. */
static int
shared_claim(struct rte_eth_dev_data *data, const char *name, uint16_t port_id)
{
	size_t len = sizeof(void *) * RTE_MAX_QUEUES_PER_PORT;

	memset(data, 0, sizeof(*data));
	data->rx_queues = rte_zmalloc("ethdev_rx_queues", len, RTE_CACHE_LINE_SIZE);
	data->tx_queues = rte_zmalloc("ethdev_tx_queues", len, RTE_CACHE_LINE_SIZE);
	if (data->rx_queues == NULL || data->tx_queues == NULL) {
		rte_free(data->rx_queues);
		rte_free(data->tx_queues);
		memset(data, 0, sizeof(*data));
		return -ENOMEM;
	}
	rte_strlcpy(data->name, name, sizeof(data->name));
	data->port_id = port_id;
	data->mtu = RTE_ETHER_MTU;
	data->numa_node = SOCKET_ID_ANY;
	return 0;
}

struct rte_eth_dev *
rte_eth_dev_allocate(const char *name)
{
	struct eth_dev_shared *sh = shared_lock_for(name);
	struct rte_eth_dev *dev = NULL;
	uint16_t port_id;

	if (sh == NULL)
		return NULL;
	port_id = free_port_id(sh);
	if (shared_find(sh, name) != NULL) {
		RTE_ETHDEV_LOG(ERR, "cannot allocate port %s: the name is taken\n", name);
		rte_errno = EEXIST;
	} else if (port_id == RTE_MAX_ETHPORTS) {
		RTE_ETHDEV_LOG(ERR, "cannot allocate port %s: all %d port ids are in use\n", name,
			       RTE_MAX_ETHPORTS);
		rte_errno = ENOSPC;
	} else if (shared_claim(&sh->data[port_id], name, port_id) < 0) {
		RTE_ETHDEV_LOG(ERR, "cannot allocate port %s: no memory for its queue arrays\n",
			       name);
		rte_errno = ENOMEM;
	} else {
		dev = &rte_eth_devices[port_id];
		dev->data = &sh->data[port_id];
	}
	eth_dev_shared_unlock(sh);
	return dev;
}

/* This process's entries change only in its own probes and removes. */
struct rte_eth_dev *
rte_eth_dev_allocated(const char *name)
{
	unsigned int i;

	if (name == NULL)
		return NULL;
	for (i = 0; i < RTE_MAX_ETHPORTS; i++) {
		const struct rte_eth_dev_data *data = rte_eth_devices[i].data;

		if (data != NULL && strcmp(data->name, name) == 0)
			return &rte_eth_devices[i];
	}
	return NULL;
}

struct rte_eth_dev *
rte_eth_dev_attach_secondary(const char *name)
{
	struct eth_dev_shared *sh = shared_lock_for(name);
	struct rte_eth_dev *dev = NULL;
	struct rte_eth_dev_data *data;

	if (sh == NULL)
		return NULL;
	data = shared_find(sh, name);
	if (data == NULL) {
		RTE_ETHDEV_LOG(ERR, "cannot attach to port %s: the primary has no such port\n",
			       name);
		rte_errno = ENODEV;
	} else if (rte_eth_devices[data->port_id].data != NULL) {
		RTE_ETHDEV_LOG(ERR, "cannot attach to port %s: it is attached in this process\n",
			       name);
		rte_errno = EEXIST;
	} else {
		dev = &rte_eth_devices[data->port_id];
		dev->data = data;
	}
	eth_dev_shared_unlock(sh);
	return dev;
}

void
rte_eth_dev_probing_finish(struct rte_eth_dev *dev)
{
	if (dev == NULL || dev->data == NULL)
		return;
	/*
	 * A secondary does not see the primary start the port: its fast path
	 * is live from now on, over the shared queue arrays.
	 */
	if (rte_eal_process_type() == RTE_PROC_SECONDARY)
		eth_dev_fp_ops_setup(dev);
	/* Valid before NEW fires, so that callbacks may query the port. */
	__atomic_store_n(&dev->state, RTE_ETH_DEV_ATTACHED, __ATOMIC_RELEASE);
	rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_NEW, NULL);
}

static bool
dev_ok(const struct rte_eth_dev *dev)
{
	return dev >= rte_eth_devices && dev < rte_eth_devices + RTE_MAX_ETHPORTS;
}

/* DESTROY while the port is still whole, if NEW fired for it here. */
static void
notify_destroy(struct rte_eth_dev *dev)
{
	if (dev->state != RTE_ETH_DEV_UNUSED)
		rte_eth_dev_callback_process(dev, RTE_ETH_EVENT_DESTROY, NULL);
}

/* Drop this process's view of the port. */
static void
forget_local(struct rte_eth_dev *dev)
{
	struct eth_dev_shared *sh = __atomic_load_n(&eth_shared, __ATOMIC_ACQUIRE);

	eth_dev_fp_ops_reset(eth_dev_id(dev));
	if (sh != NULL)
		eth_dev_shared_lock(sh);
	__atomic_store_n(&dev->state, RTE_ETH_DEV_UNUSED, __ATOMIC_RELEASE);
	dev->rx_pkt_burst = NULL;
	dev->tx_pkt_burst = NULL;
	dev->tx_pkt_prepare = NULL;
	dev->dev_ops = NULL;
	dev->device = NULL;
	dev->intr_handle = NULL;
	dev->process_private = NULL;
	dev->data = NULL;
	if (sh != NULL)
		eth_dev_shared_unlock(sh);
}

/* Free the shared entry: its id is free for the next allocation. */
static void
shared_free(struct rte_eth_dev_data *data)
{
	struct eth_dev_shared *sh = eth_dev_shared_get();

	eth_dev_shared_lock(sh);
	rte_free(data->rx_queues);
	rte_free(data->tx_queues);
	rte_free(data->mac_addrs);
	rte_free(data->dev_private);
	memset(data, 0, sizeof(*data));
	eth_dev_shared_unlock(sh);
}

int
rte_eth_dev_release_port_private(struct rte_eth_dev *dev)
{
	if (dev == NULL || !dev_ok(dev)) {
		RTE_ETHDEV_LOG(ERR, "cannot release a port that is not one\n");
		return -EINVAL;
	}
	notify_destroy(dev);
	forget_local(dev);
	return 0;
}

int
rte_eth_dev_release_port(struct rte_eth_dev *dev)
{
	struct rte_eth_dev_data *data;

	if (dev == NULL || !dev_ok(dev)) {
		RTE_ETHDEV_LOG(ERR, "cannot release a port that is not one\n");
		return -EINVAL;
	}
	data = dev->data;
	if (rte_eal_process_type() != RTE_PROC_PRIMARY || data == NULL)
		return rte_eth_dev_release_port_private(dev);
	notify_destroy(dev);
	/* The PMD frees its queues while this process still has its dev_ops. */
	eth_dev_queues_release(dev, 0, 0);
	forget_local(dev);
	shared_free(data);
	return 0;
}
