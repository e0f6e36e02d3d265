/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef ETHDEV_PRIVATE_H
#define ETHDEV_PRIVATE_H

/* Inside lib/ethdev only. */

#include <pthread.h>
#include <stdint.h>

#include <ethdev_driver.h>
#include <rte_ethdev.h>

/*
 * The group's ports: the memzone ETH_DEV_SHARED_MZ, reserved by the first
 * process that needs it and found by the others. lock is robust and
 * process-shared (eal_shared_lock): it protects next_owner_id, each
 * entry's name (an entry is in use while its name is set), port_id and
 * owner, and this process's rte_eth_devices[] entries while they are
 * attached or released. It is never held while callbacks run.
 */
#define ETH_DEV_SHARED_MZ "rte_eth_dev_data"

struct eth_dev_shared {
	pthread_mutex_t lock;
	uint64_t next_owner_id;
	struct rte_eth_dev_data data[RTE_MAX_ETHPORTS];
};

/* The shared port table, reserved if no process has yet; NULL after a log line. */
struct eth_dev_shared *eth_dev_shared_get(void);
void eth_dev_shared_lock(struct eth_dev_shared *sh);
void eth_dev_shared_unlock(struct eth_dev_shared *sh);

/* The port of port_id if it is attached in this process; else NULL after a log line. */
struct rte_eth_dev *eth_dev_of(uint16_t port_id);

/* The id of an rte_eth_devices[] entry. */
static inline uint16_t
eth_dev_id(const struct rte_eth_dev *dev)
{
	return (uint16_t)(dev - rte_eth_devices);
}

/* -ENOTSUP after a log line naming what the port's driver cannot do. */
int eth_dev_unsupported(const struct rte_eth_dev *dev, const char *what);

/* rte_eth_dev_info_get() of an attached port. */
int eth_dev_info(struct rte_eth_dev *dev, struct rte_eth_dev_info *info);

/* Release (PMD's release operation) the queues from nb_rx / nb_tx on. */
void eth_dev_queues_release(struct rte_eth_dev *dev, uint16_t nb_rx, uint16_t nb_tx);

/* This process's fast-path entry: the port's burst functions and queues, or dummies. */
void eth_dev_fp_ops_setup(struct rte_eth_dev *dev);
void eth_dev_fp_ops_reset(uint16_t port_id);

/* The "eth" device class, for iterators. */
extern struct rte_class eth_dev_class;

#endif /* ETHDEV_PRIVATE_H */
