/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _ETHDEV_DRIVER_H_
#define _ETHDEV_DRIVER_H_

/**
 * @file
 * The ethdev driver SDK (DPDK 22.11's ethdev_driver.h): what a network PMD
 * sees of a port.
 *
 * A port has two halves:
 *  - struct rte_eth_dev_data, in one shared memzone holding every port's:
 *    name, configuration, queue arrays, link, MAC addresses, owner, the
 *    PMD's private data (dev_private, in the shared heap). Every process
 *    of the group sees the same one at the same address.
 *  - struct rte_eth_dev, in rte_eth_devices[] of each process: the state
 *    of the port in this process, its dev_ops and burst functions, its
 *    rte_device, interrupt handle, process_private and event callbacks.
 *
 * Multi-process rules for a PMD:
 *  - probe in the primary: rte_eth_dev_allocate() (or
 *    rte_eth_vdev_allocate()), fill the data, set dev_ops and the burst
 *    functions, rte_eth_dev_probing_finish();
 *  - probe in a secondary: rte_eth_dev_attach_secondary(name) to get the
 *    primary's port, set this process's dev_ops, burst functions and
 *    device, rte_eth_dev_probing_finish(); never rewrite the shared data;
 *  - remove in the primary: free what the PMD holds, then
 *    rte_eth_dev_release_port(), which frees the shared entry;
 *  - remove in a secondary: rte_eth_dev_release_port_private(), which
 *    drops this process's view only. The multi-process detach removes the
 *    device from every secondary before the primary, so the shared entry
 *    outlives every process's use of it.
 *  Queue structures the PMD makes in rx/tx_queue_setup live in the shared
 *  heap (rte_zmalloc) so that any process may burst on them.
 */

#include <stdint.h>
#include <string.h>
#include <sys/queue.h>

#include <dev_driver.h>
#include <rte_common.h>
#include <rte_ethdev.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_eth_dev;

typedef int (*eth_dev_configure_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_start_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_stop_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_set_link_up_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_set_link_down_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_close_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_reset_t)(struct rte_eth_dev *dev);
/** Refresh data->dev_link; 0 when it changed, -1 when not (or a negative errno). */
typedef int (*eth_link_update_t)(struct rte_eth_dev *dev, int wait_to_complete);
typedef int (*eth_promiscuous_enable_t)(struct rte_eth_dev *dev);
typedef int (*eth_promiscuous_disable_t)(struct rte_eth_dev *dev);
typedef int (*eth_allmulticast_enable_t)(struct rte_eth_dev *dev);
typedef int (*eth_allmulticast_disable_t)(struct rte_eth_dev *dev);
typedef int (*eth_mac_addr_set_t)(struct rte_eth_dev *dev, struct rte_ether_addr *mac_addr);
typedef int (*mtu_set_t)(struct rte_eth_dev *dev, uint16_t mtu);
/** Fill the counters; ethdev zeroed *stats and set rx_nombuf from the data. */
typedef int (*eth_stats_get_t)(struct rte_eth_dev *dev, struct rte_eth_stats *stats);
typedef int (*eth_stats_reset_t)(struct rte_eth_dev *dev);
/** Fill what the PMD knows; ethdev set neutral defaults first. */
typedef int (*eth_dev_infos_get_t)(struct rte_eth_dev *dev, struct rte_eth_dev_info *dev_info);
/** Make queue rx_queue_id (shared heap) and store it in data->rx_queues[]. */
typedef int (*eth_rx_queue_setup_t)(struct rte_eth_dev *dev, uint16_t rx_queue_id,
				    uint16_t nb_rx_desc, unsigned int socket_id,
				    const struct rte_eth_rxconf *rx_conf,
				    struct rte_mempool *mb_pool);
typedef int (*eth_tx_queue_setup_t)(struct rte_eth_dev *dev, uint16_t tx_queue_id,
				    uint16_t nb_tx_desc, unsigned int socket_id,
				    const struct rte_eth_txconf *tx_conf);
/** Free queue queue_id; ethdev clears its slot afterwards. */
typedef void (*eth_queue_release_t)(struct rte_eth_dev *dev, uint16_t queue_id);

/** A PMD's control operations; NULL entries make the API return -ENOTSUP. */
struct eth_dev_ops {
	eth_dev_configure_t dev_configure;
	eth_dev_start_t dev_start;
	eth_dev_stop_t dev_stop;
	eth_dev_set_link_up_t dev_set_link_up;
	eth_dev_set_link_down_t dev_set_link_down;
	eth_dev_close_t dev_close;
	eth_dev_reset_t dev_reset;
	eth_link_update_t link_update;
	eth_promiscuous_enable_t promiscuous_enable;
	eth_promiscuous_disable_t promiscuous_disable;
	eth_allmulticast_enable_t allmulticast_enable;
	eth_allmulticast_disable_t allmulticast_disable;
	eth_mac_addr_set_t mac_addr_set;
	mtu_set_t mtu_set;
	eth_stats_get_t stats_get;
	eth_stats_reset_t stats_reset;
	eth_dev_infos_get_t dev_infos_get;
	eth_rx_queue_setup_t rx_queue_setup;
	eth_queue_release_t rx_queue_release;
	eth_tx_queue_setup_t tx_queue_setup;
	eth_queue_release_t tx_queue_release;
};

/**
 * A port's shared half: one per port id in the shared memzone
 * "rte_eth_dev_data". The entry is in use while name[0] != '\0'.
 *
 * Locking: name, port_id and owner change only under the ethdev shared
 * lock (a robust process-shared mutex next to the array). The rest is the
 * control path's, which the application serialises per port, whichever
 * process it runs in (as in DPDK); dev_link is read and written as one
 * atomic word (rte_eth_linkstatus_get/set).
 */
struct rte_eth_dev_data {
	char name[RTE_ETH_NAME_MAX_LEN];
	/** RTE_MAX_QUEUES_PER_PORT slots each, in the shared heap, fixed for the port's life. */
	void **rx_queues;
	void **tx_queues;
	uint16_t nb_rx_queues;
	uint16_t nb_tx_queues;
	void *dev_private;             /**< the PMD's port state, shared heap */
	struct rte_eth_link dev_link;
	struct rte_eth_conf dev_conf;
	uint16_t mtu;
	uint32_t min_rx_buf_size;
	uint64_t rx_mbuf_alloc_failed;
	struct rte_ether_addr *mac_addrs; /**< shared heap; freed with the port */
	uint16_t port_id;
	__extension__
	uint8_t promiscuous : 1,
		scattered_rx : 1,
		all_multicast : 1,
		dev_started : 1,
		lro : 1,
		dev_configured : 1;
	uint8_t rx_queue_state[RTE_MAX_QUEUES_PER_PORT];
	uint8_t tx_queue_state[RTE_MAX_QUEUES_PER_PORT];
	uint32_t dev_flags;            /**< RTE_ETH_DEV_* */
	int numa_node;
	struct rte_eth_dev_owner owner;
};

enum rte_eth_dev_state {
	RTE_ETH_DEV_UNUSED = 0,        /**< not attached in this process */
	RTE_ETH_DEV_ATTACHED,          /**< probed here: a valid port */
	RTE_ETH_DEV_REMOVED,           /**< its device is gone; the port awaits release */
};

/** A registered event callback (process-local). */
struct rte_eth_dev_callback {
	TAILQ_ENTRY(rte_eth_dev_callback) next;
	rte_eth_dev_cb_fn cb_fn;
	void *cb_arg;
	enum rte_eth_event_type event;
	uint32_t active;               /**< running now: not to be freed */
};

TAILQ_HEAD(rte_eth_dev_cb_list, rte_eth_dev_callback);

/**
 * A port's process-local half. Entries change under the ethdev shared lock
 * (allocation, attach, release), callbacks under this process's callback
 * lock; readers of state take no lock.
 */
struct rte_eth_dev {
	eth_rx_burst_t rx_pkt_burst;
	eth_tx_burst_t tx_pkt_burst;
	eth_tx_prep_t tx_pkt_prepare;
	struct rte_eth_dev_data *data;       /**< shared; NULL when not attached here */
	void *process_private;
	const struct eth_dev_ops *dev_ops;
	struct rte_device *device;
	struct rte_intr_handle *intr_handle;
	struct rte_eth_dev_cb_list link_intr_cbs;
	enum rte_eth_dev_state state;
} __rte_cache_aligned;

/** This process's ports, by port id. */
extern struct rte_eth_dev rte_eth_devices[RTE_MAX_ETHPORTS];

/**
 * Allocate a port named name, in any process: the lowest free port id of
 * the group, with zeroed shared data and its queue arrays. NULL (after a
 * log line) when the name is taken (-EEXIST), too long, or no port id is
 * free. The port becomes valid at rte_eth_dev_probing_finish().
 */
struct rte_eth_dev *rte_eth_dev_allocate(const char *name);

/** This process's port named name (probed or being probed), or NULL. */
struct rte_eth_dev *rte_eth_dev_allocated(const char *name);

/**
 * In a secondary's probe: attach to the primary's port named name (same
 * port id, same shared data). NULL (after a log line) when the group has
 * no such port or it is already attached here.
 */
struct rte_eth_dev *rte_eth_dev_attach_secondary(const char *name);

/**
 * The port is ready: mark it attached in this process (so that it is
 * valid from now on), install its burst functions in a secondary, and fire
 * RTE_ETH_EVENT_NEW in this process.
 */
void rte_eth_dev_probing_finish(struct rte_eth_dev *dev);

/**
 * Release a port in this process only: fire RTE_ETH_EVENT_DESTROY here if
 * the port was attached, put dummies in its fast-path entry, forget its
 * dev_ops, device and process_private. The shared data is left alone.
 * What a PMD's remove calls in a secondary. 0 or -EINVAL.
 */
int rte_eth_dev_release_port_private(struct rte_eth_dev *dev);

/**
 * Release a port: in the primary, rte_eth_dev_release_port_private() and
 * then free the shared entry (its queues through the PMD's release
 * operations, queue arrays, MAC addresses, dev_private), which frees the
 * port id for the next allocation; in a secondary, the same as
 * rte_eth_dev_release_port_private(). 0 or -EINVAL.
 */
int rte_eth_dev_release_port(struct rte_eth_dev *dev);

/**
 * Run this process's callbacks of event on the port; returns the last
 * callback's result (0 when none ran).
 */
int rte_eth_dev_callback_process(struct rte_eth_dev *dev, enum rte_eth_event_type event,
				 void *ret_param);

/** The port's link, read as one word. */
static inline void
rte_eth_linkstatus_get(const struct rte_eth_dev *dev, struct rte_eth_link *link)
{
	RTE_BUILD_BUG_ON(sizeof(*link) != sizeof(uint64_t));
	__atomic_load((const uint64_t *)(const void *)&dev->data->dev_link,
		      (uint64_t *)(void *)link, __ATOMIC_SEQ_CST);
}

/** Store the port's link as one word: 0 when it changed, -1 when it was already so. */
static inline int
rte_eth_linkstatus_set(struct rte_eth_dev *dev, const struct rte_eth_link *new_link)
{
	uint64_t *dst = (uint64_t *)(void *)&dev->data->dev_link;
	struct rte_eth_link clean;
	uint64_t val, old;

	/* Field by field over zeroes: padding must not make equal links differ. */
	memset(&clean, 0, sizeof(clean));
	clean.link_speed = new_link->link_speed;
	clean.link_duplex = new_link->link_duplex;
	clean.link_autoneg = new_link->link_autoneg;
	clean.link_status = new_link->link_status;
	memcpy(&val, &clean, sizeof(val));
	old = __atomic_exchange_n(dst, val, __ATOMIC_SEQ_CST);
	return old == val ? -1 : 0;
}

/**
 * For PMDs whose link is a software state: set the link and, when it
 * changed and the application asked for link interrupts (intr_conf.lsc),
 * fire RTE_ETH_EVENT_INTR_LSC in this process. Returns as
 * rte_eth_linkstatus_set().
 */
int rte_eth_linkstatus_notify(struct rte_eth_dev *dev, const struct rte_eth_link *new_link);

/**
 * A burst that moves nothing and returns 0, Rx or Tx: what the fast path
 * of a port that is not live calls, and a PMD's burst where it has none.
 */
uint16_t rte_eth_pkt_burst_dummy(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts);

#ifdef __cplusplus
}
#endif

#endif /* _ETHDEV_DRIVER_H_ */
