/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The port lifecycle as applications drive it: finding ports, their
 * capabilities, configuration and queues, start, stop, close, reset, MTU.
 * Each call acts on the port's shared data, so a port configured in one
 * process is configured for all; the calls on one port are serialised by
 * the application, whichever processes they come from.
 */

#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <ethdev_driver.h>
#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_mbuf.h>
#include <rte_string_fns.h>

#include "ethdev_private.h"

RTE_LOG_REGISTER_DEFAULT(rte_eth_dev_logtype, INFO);

/* Bytes a frame adds to the MTU: Ethernet header and CRC. */
#define ETH_OVERHEAD (RTE_ETHER_HDR_LEN + RTE_ETHER_CRC_LEN)

int
rte_eth_dev_is_valid_port(uint16_t port_id)
{
	return port_id < RTE_MAX_ETHPORTS &&
	       __atomic_load_n(&rte_eth_devices[port_id].state, __ATOMIC_ACQUIRE) !=
		       RTE_ETH_DEV_UNUSED;
}

struct rte_eth_dev *
eth_dev_of(uint16_t port_id)
{
	if (!rte_eth_dev_is_valid_port(port_id)) {
		RTE_ETHDEV_LOG(ERR, "port %u is not attached in this process\n", port_id);
		return NULL;
	}
	return &rte_eth_devices[port_id];
}

int
eth_dev_unsupported(const struct rte_eth_dev *dev, const char *what)
{
	RTE_ETHDEV_LOG(ERR, "port %u (%s): its driver cannot %s\n", eth_dev_id(dev),
		       dev->data->name, what);
	return -ENOTSUP;
}

uint16_t
rte_eth_dev_count_avail(void)
{
	uint16_t p, n = 0;

	RTE_ETH_FOREACH_DEV(p)
		n++;
	return n;
}

uint16_t
rte_eth_dev_count_total(void)
{
	uint16_t p, n = 0;

	for (p = 0; p < RTE_MAX_ETHPORTS; p++)
		n += rte_eth_dev_is_valid_port(p);
	return n;
}

uint64_t
rte_eth_find_next(uint16_t port_id)
{
	while (port_id < RTE_MAX_ETHPORTS &&
	       __atomic_load_n(&rte_eth_devices[port_id].state, __ATOMIC_ACQUIRE) !=
		       RTE_ETH_DEV_ATTACHED)
		port_id++;
	return port_id;
}

int
rte_eth_dev_get_port_by_name(const char *name, uint16_t *port_id)
{
	uint16_t p;

	if (name == NULL || port_id == NULL) {
		RTE_ETHDEV_LOG(ERR, "port lookup: no name or no place for the port id\n");
		return -EINVAL;
	}
	for (p = 0; p < RTE_MAX_ETHPORTS; p++) {
		const struct rte_eth_dev_data *data = rte_eth_devices[p].data;

		if (rte_eth_dev_is_valid_port(p) && data != NULL && strcmp(data->name, name) == 0) {
			*port_id = p;
			return 0;
		}
	}
	return -ENODEV;
}

int
rte_eth_dev_get_name_by_port(uint16_t port_id, char *name)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);

	if (dev == NULL)
		return -ENODEV;
	if (name == NULL) {
		RTE_ETHDEV_LOG(ERR, "port %u: no place for its name\n", port_id);
		return -EINVAL;
	}
	rte_strlcpy(name, dev->data->name, RTE_ETH_NAME_MAX_LEN);
	return 0;
}

int
rte_eth_dev_socket_id(uint16_t port_id)
{
	if (!rte_eth_dev_is_valid_port(port_id)) {
		rte_errno = EINVAL;
		return SOCKET_ID_ANY;
	}
	return rte_eth_devices[port_id].data->numa_node;
}

int
eth_dev_info(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	static const struct rte_eth_desc_lim any_lim = {
		.nb_max = UINT16_MAX,
		.nb_min = 0,
		.nb_align = 1,
		.nb_seg_max = UINT16_MAX,
		.nb_mtu_seg_max = UINT16_MAX,
	};
	int ret;

	memset(info, 0, sizeof(*info));
	info->rx_desc_lim = any_lim;
	info->tx_desc_lim = any_lim;
	info->min_mtu = RTE_ETHER_MIN_MTU;
	info->max_mtu = UINT16_MAX;
	info->max_rx_pktlen = UINT16_MAX + ETH_OVERHEAD;
	if (dev->dev_ops->dev_infos_get == NULL)
		return eth_dev_unsupported(dev, "describe itself");
	ret = dev->dev_ops->dev_infos_get(dev, info);
	if (ret < 0) {
		RTE_ETHDEV_LOG(ERR, "port %u: its driver cannot describe it: %s\n",
			       eth_dev_id(dev), strerror(-ret));
		memset(info, 0, sizeof(*info));
		return ret;
	}
	info->device = dev->device;
	info->driver_name = dev->device != NULL ? rte_driver_name(rte_dev_driver(dev->device)) :
						  NULL;
	info->max_rx_queues = RTE_MIN(info->max_rx_queues, RTE_MAX_QUEUES_PER_PORT);
	info->max_tx_queues = RTE_MIN(info->max_tx_queues, RTE_MAX_QUEUES_PER_PORT);
	info->nb_rx_queues = dev->data->nb_rx_queues;
	info->nb_tx_queues = dev->data->nb_tx_queues;
	info->dev_flags = &dev->data->dev_flags;
	return 0;
}

int
rte_eth_dev_info_get(uint16_t port_id, struct rte_eth_dev_info *dev_info)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);

	if (dev == NULL)
		return -ENODEV;
	if (dev_info == NULL) {
		RTE_ETHDEV_LOG(ERR, "port %u: no place for its description\n", port_id);
		return -EINVAL;
	}
	return eth_dev_info(dev, dev_info);
}

static void
release_queue(struct rte_eth_dev *dev, void **slot, eth_queue_release_t release, uint16_t q)
{
	if (*slot == NULL)
		return;
	if (release != NULL)
		release(dev, q);
	*slot = NULL;
}

void
eth_dev_queues_release(struct rte_eth_dev *dev, uint16_t nb_rx, uint16_t nb_tx)
{
	const struct eth_dev_ops *ops = dev->dev_ops;
	struct rte_eth_dev_data *data = dev->data;
	uint16_t q;

	for (q = nb_rx; q < RTE_MAX_QUEUES_PER_PORT; q++)
		release_queue(dev, &data->rx_queues[q], ops != NULL ? ops->rx_queue_release : NULL,
			      q);
	for (q = nb_tx; q < RTE_MAX_QUEUES_PER_PORT; q++)
		release_queue(dev, &data->tx_queues[q], ops != NULL ? ops->tx_queue_release : NULL,
			      q);
}

static int
check_queue_counts(uint16_t port_id, const struct rte_eth_dev_info *info, uint16_t nb_rx,
		   uint16_t nb_tx)
{
	if (nb_rx > info->max_rx_queues) {
		RTE_ETHDEV_LOG(ERR, "port %u: %u Rx queues asked, it has at most %u\n", port_id,
			       nb_rx, info->max_rx_queues);
		return -EINVAL;
	}
	if (nb_tx > info->max_tx_queues) {
		RTE_ETHDEV_LOG(ERR, "port %u: %u Tx queues asked, it has at most %u\n", port_id,
			       nb_tx, info->max_tx_queues);
		return -EINVAL;
	}
	return 0;
}

static int
check_mtu(uint16_t port_id, const struct rte_eth_dev_info *info, uint32_t mtu)
{
	if (mtu < info->min_mtu || mtu > info->max_mtu) {
		RTE_ETHDEV_LOG(ERR, "port %u: MTU %u is outside %u..%u\n", port_id, mtu,
			       info->min_mtu, info->max_mtu);
		return -EINVAL;
	}
	if (mtu + ETH_OVERHEAD > info->max_rx_pktlen) {
		RTE_ETHDEV_LOG(ERR, "port %u: MTU %u makes frames longer than %u bytes\n", port_id,
			       mtu, info->max_rx_pktlen);
		return -EINVAL;
	}
	return 0;
}

static int
check_offloads(uint16_t port_id, const char *dir, uint64_t asked, uint64_t capa)
{
	if ((asked & ~capa) != 0) {
		RTE_ETHDEV_LOG(ERR, "port %u: %s offloads %#" PRIx64 " asked, it offers %#" PRIx64
			       "\n", port_id, dir, asked, capa);
		return -EINVAL;
	}
	return 0;
}

/* What rte_eth_dev_configure() accepts, given what the port can do. */
static int
check_conf(uint16_t port_id, const struct rte_eth_dev_info *info,
	   const struct rte_eth_conf *conf, uint32_t mtu)
{
	uint64_t rss_hf = conf->rx_adv_conf.rss_conf.rss_hf;
	int ret;

	ret = check_mtu(port_id, info, mtu);
	if (ret == 0)
		ret = check_offloads(port_id, "Rx", conf->rxmode.offloads, info->rx_offload_capa);
	if (ret == 0)
		ret = check_offloads(port_id, "Tx", conf->txmode.offloads, info->tx_offload_capa);
	if (ret < 0)
		return ret;
	if ((rss_hf & ~info->flow_type_rss_offloads) != 0) {
		RTE_ETHDEV_LOG(ERR, "port %u: RSS on %#" PRIx64 " asked, it hashes %#" PRIx64 "\n",
			       port_id, rss_hf, info->flow_type_rss_offloads);
		return -EINVAL;
	}
	if (conf->intr_conf.lsc && !(*info->dev_flags & RTE_ETH_DEV_INTR_LSC)) {
		RTE_ETHDEV_LOG(ERR, "port %u: its driver has no link status interrupt\n", port_id);
		return -EINVAL;
	}
	if (conf->intr_conf.rmv && !(*info->dev_flags & RTE_ETH_DEV_INTR_RMV)) {
		RTE_ETHDEV_LOG(ERR, "port %u: its driver has no removal interrupt\n", port_id);
		return -EINVAL;
	}
	return 0;
}

int
rte_eth_dev_configure(uint16_t port_id, uint16_t nb_rx_q, uint16_t nb_tx_q,
		      const struct rte_eth_conf *conf)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);
	struct rte_eth_dev_info info;
	struct rte_eth_conf old;
	uint32_t mtu;
	int ret;

	if (dev == NULL)
		return -ENODEV;
	if (conf == NULL) {
		RTE_ETHDEV_LOG(ERR, "port %u: no configuration given\n", port_id);
		return -EINVAL;
	}
	if (dev->dev_ops->dev_configure == NULL)
		return eth_dev_unsupported(dev, "be configured");
	if (dev->data->dev_started) {
		RTE_ETHDEV_LOG(ERR, "port %u is started: stop it to configure it\n", port_id);
		return -EBUSY;
	}
	ret = eth_dev_info(dev, &info);
	if (ret < 0)
		return ret;
	if (nb_rx_q == 0 && nb_tx_q == 0) {
		nb_rx_q = info.default_rxportconf.nb_queues != 0 ?
			  info.default_rxportconf.nb_queues : RTE_ETH_DEV_FALLBACK_RX_NBQUEUES;
		nb_tx_q = info.default_txportconf.nb_queues != 0 ?
			  info.default_txportconf.nb_queues : RTE_ETH_DEV_FALLBACK_TX_NBQUEUES;
	}
	mtu = conf->rxmode.mtu != 0 ? conf->rxmode.mtu : RTE_ETHER_MTU;
	ret = check_queue_counts(port_id, &info, nb_rx_q, nb_tx_q);
	if (ret == 0)
		ret = check_conf(port_id, &info, conf, mtu);
	if (ret < 0)
		return ret;

	old = dev->data->dev_conf;
	memmove(&dev->data->dev_conf, conf, sizeof(*conf));
	dev->data->dev_conf.rxmode.mtu = mtu;
	eth_dev_queues_release(dev, nb_rx_q, nb_tx_q);
	dev->data->nb_rx_queues = nb_rx_q;
	dev->data->nb_tx_queues = nb_tx_q;
	ret = dev->dev_ops->dev_configure(dev);
	if (ret < 0) {
		RTE_ETHDEV_LOG(ERR, "port %u: its driver refused the configuration: %s\n",
			       port_id, strerror(-ret));
		/* As after a failed configure in DPDK: no queues, not configured. */
		eth_dev_queues_release(dev, 0, 0);
		dev->data->nb_rx_queues = 0;
		dev->data->nb_tx_queues = 0;
		dev->data->dev_conf = old;
		dev->data->dev_configured = 0;
		return ret;
	}
	dev->data->mtu = (uint16_t)mtu;
	dev->data->dev_configured = 1;
	return 0;
}

/* nb_desc given (0: the PMD's default, else the fallback) checked against lim. */
static int
queue_desc(uint16_t port_id, const char *dir, uint16_t queue_id, uint16_t *nb_desc,
	   uint16_t preferred, uint16_t fallback, const struct rte_eth_desc_lim *lim)
{
	if (*nb_desc == 0)
		*nb_desc = preferred != 0 ? preferred : fallback;
	if (*nb_desc > lim->nb_max || *nb_desc < lim->nb_min ||
	    (lim->nb_align != 0 && *nb_desc % lim->nb_align != 0)) {
		RTE_ETHDEV_LOG(ERR, "port %u %s queue %u: %u descriptors, it takes %u..%u in "
			       "steps of %u\n", port_id, dir, queue_id, *nb_desc, lim->nb_min,
			       lim->nb_max, lim->nb_align);
		return -EINVAL;
	}
	return 0;
}

/* Whether a queue may be set up now; it is released first if it exists. */
static int
queue_replaceable(struct rte_eth_dev *dev, const char *dir, uint16_t queue_id, uint16_t nb,
		  bool runtime_ok, const uint8_t *state)
{
	uint16_t port_id = eth_dev_id(dev);

	if (queue_id >= nb) {
		RTE_ETHDEV_LOG(ERR, "port %u: %s queue %u does not exist (%u configured)\n",
			       port_id, dir, queue_id, nb);
		return -EINVAL;
	}
	if (dev->data->dev_started && (!runtime_ok || state[queue_id] !=
				       RTE_ETH_QUEUE_STATE_STOPPED)) {
		RTE_ETHDEV_LOG(ERR, "port %u is started: cannot set up its %s queue %u\n",
			       port_id, dir, queue_id);
		return -EBUSY;
	}
	return 0;
}

int
rte_eth_rx_queue_setup(uint16_t port_id, uint16_t rx_queue_id, uint16_t nb_rx_desc,
		       unsigned int socket_id, const struct rte_eth_rxconf *rx_conf,
		       struct rte_mempool *mp)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);
	struct rte_eth_dev_info info;
	struct rte_eth_rxconf conf;
	uint32_t room;
	int ret;

	if (dev == NULL)
		return -ENODEV;
	if (dev->dev_ops->rx_queue_setup == NULL)
		return eth_dev_unsupported(dev, "set up Rx queues");
	ret = eth_dev_info(dev, &info);
	if (ret < 0)
		return ret;
	ret = queue_replaceable(dev, "Rx", rx_queue_id, dev->data->nb_rx_queues,
				info.dev_capa & RTE_ETH_DEV_CAPA_RUNTIME_RX_QUEUE_SETUP,
				dev->data->rx_queue_state);
	if (ret < 0)
		return ret;
	if (mp == NULL || mp->private_data_size < sizeof(struct rte_pktmbuf_pool_private)) {
		RTE_ETHDEV_LOG(ERR, "port %u Rx queue %u: %s\n", port_id, rx_queue_id,
			       mp == NULL ? "no mempool" : "the mempool is not a pktmbuf pool");
		return -EINVAL;
	}
	room = rte_pktmbuf_data_room_size(mp);
	if (room < RTE_PKTMBUF_HEADROOM + info.min_rx_bufsize) {
		RTE_ETHDEV_LOG(ERR, "port %u Rx queue %u: mbufs of %s hold %u bytes, it needs "
			       "%u\n", port_id, rx_queue_id, mp->name, room,
			       RTE_PKTMBUF_HEADROOM + info.min_rx_bufsize);
		return -EINVAL;
	}
	ret = queue_desc(port_id, "Rx", rx_queue_id, &nb_rx_desc, info.default_rxportconf.ring_size,
			 RTE_ETH_DEV_FALLBACK_RX_RINGSIZE, &info.rx_desc_lim);
	if (ret < 0)
		return ret;
	conf = rx_conf != NULL ? *rx_conf : info.default_rxconf;
	/* A queue adds offloads to the port's; those must be per-queue ones. */
	ret = check_offloads(port_id, "Rx queue",
			     conf.offloads & ~dev->data->dev_conf.rxmode.offloads,
			     info.rx_queue_offload_capa);
	if (ret < 0)
		return ret;
	release_queue(dev, &dev->data->rx_queues[rx_queue_id], dev->dev_ops->rx_queue_release,
		      rx_queue_id);
	ret = dev->dev_ops->rx_queue_setup(dev, rx_queue_id, nb_rx_desc, socket_id, &conf, mp);
	if (ret < 0)
		return ret;
	if (dev->data->min_rx_buf_size == 0 || dev->data->min_rx_buf_size > room)
		dev->data->min_rx_buf_size = room;
	return 0;
}

int
rte_eth_tx_queue_setup(uint16_t port_id, uint16_t tx_queue_id, uint16_t nb_tx_desc,
		       unsigned int socket_id, const struct rte_eth_txconf *tx_conf)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);
	struct rte_eth_dev_info info;
	struct rte_eth_txconf conf;
	int ret;

	if (dev == NULL)
		return -ENODEV;
	if (dev->dev_ops->tx_queue_setup == NULL)
		return eth_dev_unsupported(dev, "set up Tx queues");
	ret = eth_dev_info(dev, &info);
	if (ret < 0)
		return ret;
	ret = queue_replaceable(dev, "Tx", tx_queue_id, dev->data->nb_tx_queues,
				info.dev_capa & RTE_ETH_DEV_CAPA_RUNTIME_TX_QUEUE_SETUP,
				dev->data->tx_queue_state);
	if (ret < 0)
		return ret;
	ret = queue_desc(port_id, "Tx", tx_queue_id, &nb_tx_desc, info.default_txportconf.ring_size,
			 RTE_ETH_DEV_FALLBACK_TX_RINGSIZE, &info.tx_desc_lim);
	if (ret < 0)
		return ret;
	conf = tx_conf != NULL ? *tx_conf : info.default_txconf;
	ret = check_offloads(port_id, "Tx queue",
			     conf.offloads & ~dev->data->dev_conf.txmode.offloads,
			     info.tx_queue_offload_capa);
	if (ret < 0)
		return ret;
	release_queue(dev, &dev->data->tx_queues[tx_queue_id], dev->dev_ops->tx_queue_release,
		      tx_queue_id);
	return dev->dev_ops->tx_queue_setup(dev, tx_queue_id, nb_tx_desc, socket_id, &conf);
}

static uint16_t
clamp_desc(uint16_t nb, const struct rte_eth_desc_lim *lim)
{
	uint32_t n = RTE_MAX(nb, lim->nb_min);

	if (lim->nb_align > 1)
		n = RTE_ALIGN_CEIL(n, lim->nb_align);
	return (uint16_t)RTE_MIN(n, lim->nb_max);
}

int
rte_eth_dev_adjust_nb_rx_tx_desc(uint16_t port_id, uint16_t *nb_rx_desc, uint16_t *nb_tx_desc)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);
	struct rte_eth_dev_info info;
	int ret;

	if (dev == NULL)
		return -ENODEV;
	ret = eth_dev_info(dev, &info);
	if (ret < 0)
		return ret;
	if (nb_rx_desc != NULL)
		*nb_rx_desc = clamp_desc(*nb_rx_desc, &info.rx_desc_lim);
	if (nb_tx_desc != NULL)
		*nb_tx_desc = clamp_desc(*nb_tx_desc, &info.tx_desc_lim);
	return 0;
}

/* Every configured queue must exist: the PMD's bursts do not check. */
static int
check_queues_set_up(const struct rte_eth_dev *dev)
{
	const struct rte_eth_dev_data *data = dev->data;
	uint16_t q;

	for (q = 0; q < data->nb_rx_queues; q++) {
		if (data->rx_queues[q] == NULL) {
			RTE_ETHDEV_LOG(ERR, "port %u: Rx queue %u is not set up\n", data->port_id,
				       q);
			return -EINVAL;
		}
	}
	for (q = 0; q < data->nb_tx_queues; q++) {
		if (data->tx_queues[q] == NULL) {
			RTE_ETHDEV_LOG(ERR, "port %u: Tx queue %u is not set up\n", data->port_id,
				       q);
			return -EINVAL;
		}
	}
	return 0;
}

static void
set_queue_states(struct rte_eth_dev_data *data, uint8_t state)
{
	memset(data->rx_queue_state, state, data->nb_rx_queues);
	memset(data->tx_queue_state, state, data->nb_tx_queues);
}

int
rte_eth_dev_start(uint16_t port_id)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);
	int ret;

	if (dev == NULL)
		return -ENODEV;
	if (dev->dev_ops->dev_start == NULL)
		return eth_dev_unsupported(dev, "start");
	if (!dev->data->dev_configured) {
		RTE_ETHDEV_LOG(ERR, "port %u is not configured: it cannot start\n", port_id);
		return -EINVAL;
	}
	if (dev->data->dev_started) {
		RTE_ETHDEV_LOG(INFO, "port %u is already started\n", port_id);
		return 0;
	}
	ret = check_queues_set_up(dev);
	if (ret < 0)
		return ret;
	ret = dev->dev_ops->dev_start(dev);
	if (ret < 0) {
		RTE_ETHDEV_LOG(ERR, "port %u: its driver failed to start it: %s\n", port_id,
			       strerror(-ret));
		return ret;
	}
	dev->data->dev_started = 1;
	set_queue_states(dev->data, RTE_ETH_QUEUE_STATE_STARTED);
	eth_dev_fp_ops_setup(dev);
	if (!dev->data->dev_conf.intr_conf.lsc && dev->dev_ops->link_update != NULL)
		dev->dev_ops->link_update(dev, 0);
	return 0;
}

int
rte_eth_dev_stop(uint16_t port_id)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);
	int ret;

	if (dev == NULL)
		return -ENODEV;
	if (dev->dev_ops->dev_stop == NULL)
		return eth_dev_unsupported(dev, "stop");
	if (!dev->data->dev_started) {
		RTE_ETHDEV_LOG(INFO, "port %u is already stopped\n", port_id);
		return 0;
	}
	eth_dev_fp_ops_reset(port_id);
	ret = dev->dev_ops->dev_stop(dev);
	if (ret < 0) {
		RTE_ETHDEV_LOG(ERR, "port %u: its driver failed to stop it: %s\n", port_id,
			       strerror(-ret));
		eth_dev_fp_ops_setup(dev);
		return ret;
	}
	dev->data->dev_started = 0;
	set_queue_states(dev->data, RTE_ETH_QUEUE_STATE_STOPPED);
	return 0;
}

/*
 * A secondary closes its view of the port without stopping it: the port
 * is the primary's, and may be running for the others.
 */
int
rte_eth_dev_close(uint16_t port_id)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);
	int ret, rel;

	if (dev == NULL)
		return -ENODEV;
	if (rte_eal_process_type() == RTE_PROC_PRIMARY && dev->data->dev_started) {
		RTE_ETHDEV_LOG(ERR, "port %u is started: stop it before closing it\n", port_id);
		return -EINVAL;
	}
	if (dev->dev_ops->dev_close == NULL)
		return eth_dev_unsupported(dev, "close");
	ret = dev->dev_ops->dev_close(dev);
	if (ret < 0)
		RTE_ETHDEV_LOG(ERR, "port %u: its driver failed to close it: %s\n", port_id,
			       strerror(-ret));
	rel = rte_eth_dev_release_port(dev);
	return ret < 0 ? ret : rel;
}

int
rte_eth_dev_reset(uint16_t port_id)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);
	int ret;

	if (dev == NULL)
		return -ENODEV;
	if (dev->dev_ops->dev_reset == NULL)
		return eth_dev_unsupported(dev, "reset");
	ret = rte_eth_dev_stop(port_id);
	if (ret < 0)
		return ret;
	ret = dev->dev_ops->dev_reset(dev);
	if (ret < 0) {
		RTE_ETHDEV_LOG(ERR, "port %u: its driver failed to reset it: %s\n", port_id,
			       strerror(-ret));
		return ret;
	}
	/* Back to as probed: the application configures it again. */
	eth_dev_queues_release(dev, 0, 0);
	dev->data->nb_rx_queues = 0;
	dev->data->nb_tx_queues = 0;
	dev->data->dev_configured = 0;
	return 0;
}

int
rte_eth_dev_get_mtu(uint16_t port_id, uint16_t *mtu)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);

	if (dev == NULL)
		return -ENODEV;
	if (mtu == NULL) {
		RTE_ETHDEV_LOG(ERR, "port %u: no place for its MTU\n", port_id);
		return -EINVAL;
	}
	*mtu = dev->data->mtu;
	return 0;
}

int
rte_eth_dev_set_mtu(uint16_t port_id, uint16_t mtu)
{
	struct rte_eth_dev *dev = eth_dev_of(port_id);
	struct rte_eth_dev_info info;
	int ret;

	if (dev == NULL)
		return -ENODEV;
	if (dev->dev_ops->mtu_set == NULL)
		return eth_dev_unsupported(dev, "change its MTU");
	ret = eth_dev_info(dev, &info);
	if (ret < 0)
		return ret;
	ret = check_mtu(port_id, &info, mtu);
	if (ret < 0)
		return ret;
	if (!dev->data->dev_configured) {
		RTE_ETHDEV_LOG(ERR, "port %u is not configured: configure it before its MTU\n",
			       port_id);
		return -EINVAL;
	}
	ret = dev->dev_ops->mtu_set(dev, mtu);
	if (ret < 0) {
		RTE_ETHDEV_LOG(ERR, "port %u: its driver refused MTU %u: %s\n", port_id, mtu,
			       strerror(-ret));
		return ret;
	}
	dev->data->mtu = mtu;
	dev->data->dev_conf.rxmode.mtu = mtu;
	return 0;
}
