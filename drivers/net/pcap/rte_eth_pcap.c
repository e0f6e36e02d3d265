/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * net_pcap: ports over libpcap, reading and writing pcap files or live
 * interfaces (pcap_private.h for what is shared and what is a process's).
 *
 * Multi-process: the primary opens every stream; a secondary's probe opens
 * its own handles on the live interfaces, so it can send and receive there
 * as the primary does (each handle sees every packet of its interface from
 * its opening on: poll a queue from one process). Files are the primary's
 * alone: in a secondary an Rx queue over a file receives nothing and a Tx
 * queue over a file drops, counting what it drops. Detaching closes each
 * process's handles in that process.
 */

#include <string.h>
#include <time.h>

#include <bus_vdev_driver.h>
#include <ethdev_driver.h>
#include <ethdev_soft.h>
#include <ethdev_vdev.h>
#include <rte_common.h>
#include <rte_kvargs.h>
#include <rte_mbuf.h>
#include <rte_memcpy.h>

#include "pcap_private.h"

RTE_LOG_REGISTER_DEFAULT(pcap_logtype, NOTICE);

static inline struct pcap_proc *
proc_of(const struct pcap_queue *q)
{
	return rte_eth_devices[q->port_id].process_private;
}

/* A packet into a new mbuf chain from mp; NULL when mbufs ran out. */
static inline struct rte_mbuf *
copy_in(struct rte_mempool *mp, const uint8_t *data, uint32_t len, uint16_t port_id)
{
	struct rte_mbuf *head = rte_pktmbuf_alloc(mp);
	struct rte_mbuf *seg = head;
	uint32_t done = 0, n;

	if (head == NULL)
		return NULL;
	for (;;) {
		n = RTE_MIN((uint32_t)rte_pktmbuf_tailroom(seg), len - done);
		rte_memcpy(rte_pktmbuf_mtod(seg, uint8_t *), data + done, n);
		seg->data_len = (uint16_t)n;
		done += n;
		if (done == len)
			break;
		/* A segment that holds nothing would never end the chain. */
		if (n == 0 || (seg->next = rte_pktmbuf_alloc(mp)) == NULL) {
			rte_pktmbuf_free(head);
			return NULL;
		}
		seg = seg->next;
		head->nb_segs++;
	}
	head->pkt_len = len;
	head->port = port_id;
	return head;
}

/* Rx from a pcap handle: a live capture, or a file until its end. */
static uint16_t
pcap_rx(void *queue, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct pcap_queue *q = queue;
	pcap_t *h = proc_of(q)->rx[q->qid].h;
	struct pcap_pkthdr *hdr;
	const u_char *data;
	uint64_t bytes = 0;
	uint16_t n = 0;

	if (h == NULL)
		return 0;
	while (n < nb_bufs && pcap_next_ex(h, &hdr, &data) == 1) {
		bufs[n] = copy_in(q->mb_pool, data, hdr->caplen, q->port_id);
		if (unlikely(bufs[n] == NULL)) {
			q->st.nombuf++; /* libpcap gave it: it is lost */
			break;
		}
		bytes += hdr->caplen;
		n++;
	}
	q->st.pkts += n;
	q->st.bytes += bytes;
	return n;
}

/* infinite_rx: the file's packets again and again (primary). */
static uint16_t
pcap_rx_replay(void *queue, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct pcap_queue *q = queue;
	struct pcap_replay *r = proc_of(q)->rx[q->qid].replay;
	uint64_t bytes = 0;
	uint16_t n = 0;

	if (r == NULL)
		return pcap_rx(queue, bufs, nb_bufs);
	while (n < nb_bufs) {
		uint32_t len = r->off[r->next + 1] - r->off[r->next];

		bufs[n] = copy_in(q->mb_pool, r->data + r->off[r->next], len, q->port_id);
		if (unlikely(bufs[n] == NULL)) {
			q->st.nombuf++;
			break;
		}
		bytes += len;
		n++;
		r->next = r->next + 1 == r->nb ? 0 : r->next + 1;
	}
	q->st.pkts += n;
	q->st.bytes += bytes;
	return n;
}

/* Free what cannot be sent here and count it as dropped. */
static uint16_t
tx_drop(struct pcap_queue *q, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	rte_pktmbuf_free_bulk(bufs, nb_bufs);
	q->st.errs += nb_bufs;
	return nb_bufs;
}

static uint16_t
pcap_tx(void *queue, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct pcap_queue *q = queue;
	struct pcap_proc *pp = proc_of(q);
	pcap_dumper_t *dumper = pp->tx[q->qid].dumper;
	pcap_t *h = pp->tx[q->qid].h;
	uint8_t *flat = pp->tx[q->qid].buf;
	struct pcap_pkthdr hdr;
	struct timespec now;
	uint64_t bytes = 0;
	uint16_t i, sent = 0;

	if (dumper == NULL && h == NULL)
		return tx_drop(q, bufs, nb_bufs);
	/* One stamp per burst; the file is in nanoseconds. */
	clock_gettime(CLOCK_REALTIME, &now);
	hdr.ts.tv_sec = now.tv_sec;
	hdr.ts.tv_usec = (suseconds_t)now.tv_nsec;
	for (i = 0; i < nb_bufs; i++) {
		struct rte_mbuf *m = bufs[i];
		const void *data;

		if (unlikely(m->pkt_len > PCAP_SNAPLEN)) {
			q->st.errs++;
			rte_pktmbuf_free(m);
			continue;
		}
		data = rte_pktmbuf_read(m, 0, m->pkt_len, flat);
		if (dumper != NULL) {
			hdr.caplen = hdr.len = m->pkt_len;
			pcap_dump((u_char *)dumper, &hdr, data);
		} else if (pcap_sendpacket(h, data, (int)m->pkt_len) != 0) {
			break; /* the kernel is full: the caller keeps the rest */
		}
		bytes += m->pkt_len;
		sent++;
		rte_pktmbuf_free(m);
	}
	/* What was sent is in the file, for a reader of the file to see. */
	if (dumper != NULL && sent > 0)
		pcap_dump_flush(dumper);
	q->st.pkts += sent;
	q->st.bytes += bytes;
	return i;
}

/* This process's handles; the shared data goes with the port's release. */
static int
pcap_close_handles(struct rte_eth_dev *dev)
{
	struct pcap_proc *pp = dev->process_private;

	dev->process_private = NULL;
	pcap_proc_close(pp);
	return 0;
}

static struct rte_eth_soft_qstats *
pcap_qstats(struct rte_eth_dev *dev, bool rx, uint16_t q)
{
	struct pcap_port *port = dev->data->dev_private;

	return rx ? &port->rxq[q].st : &port->txq[q].st;
}

static int
pcap_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	const struct pcap_port *port = dev->data->dev_private;

	rte_eth_soft_stats_sum(dev, stats, port->nb_rx, port->nb_tx, pcap_qstats);
	return 0;
}

static int
pcap_stats_reset(struct rte_eth_dev *dev)
{
	const struct pcap_port *port = dev->data->dev_private;

	rte_eth_soft_stats_zero(dev, port->nb_rx, port->nb_tx, pcap_qstats);
	return 0;
}

static int
pcap_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	const struct pcap_port *port = dev->data->dev_private;

	rte_eth_soft_infos(info, PCAP_SNAPLEN, port->nb_rx, port->nb_tx);
	info->rx_offload_capa = RTE_ETH_RX_OFFLOAD_SCATTER;
	return 0;
}

/* Queues are the port's, one per stream: setting one up points ethdev at it. */
static int
pcap_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		    unsigned int socket_id, const struct rte_eth_rxconf *conf,
		    struct rte_mempool *mp)
{
	struct pcap_port *port = dev->data->dev_private;

	RTE_SET_USED(nb_desc);
	RTE_SET_USED(socket_id);
	RTE_SET_USED(conf);
	port->rxq[qid].mb_pool = mp;
	dev->data->rx_queues[qid] = &port->rxq[qid];
	return 0;
}

static int
pcap_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		    unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	struct pcap_port *port = dev->data->dev_private;

	RTE_SET_USED(nb_desc);
	RTE_SET_USED(socket_id);
	RTE_SET_USED(conf);
	dev->data->tx_queues[qid] = &port->txq[qid];
	return 0;
}

/*
 * The same in every process: they act on the shared data, or on this
 * process's handles. Live handles are promiscuous already; files take
 * everything.
 */
static const struct eth_dev_ops pcap_ops = {
	.dev_configure = rte_eth_soft_noop,
	.dev_start = rte_eth_soft_link_up,
	.dev_stop = rte_eth_soft_link_down,
	.dev_set_link_up = rte_eth_soft_link_up,
	.dev_set_link_down = rte_eth_soft_link_down,
	.dev_close = pcap_close_handles,
	.link_update = rte_eth_soft_link_update,
	.promiscuous_enable = rte_eth_soft_noop,
	.promiscuous_disable = rte_eth_soft_noop,
	.allmulticast_enable = rte_eth_soft_noop,
	.allmulticast_disable = rte_eth_soft_noop,
	.mac_addr_set = rte_eth_soft_mac_addr_set,
	.mtu_set = rte_eth_soft_mtu_set,
	.stats_get = pcap_stats_get,
	.stats_reset = pcap_stats_reset,
	.dev_infos_get = pcap_infos_get,
	.rx_queue_setup = pcap_rx_queue_setup,
	.tx_queue_setup = pcap_tx_queue_setup,
};

/* This process's view of the port: its handles, ops and bursts. */
static void
set_local(struct rte_eth_dev *dev, struct pcap_proc *pp)
{
	const struct pcap_port *port = dev->data->dev_private;

	dev->process_private = pp;
	dev->dev_ops = &pcap_ops;
	dev->rx_pkt_burst = port->infinite_rx ? pcap_rx_replay : pcap_rx;
	dev->tx_pkt_burst = pcap_tx;
}

static int
probe_primary(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct rte_kvargs *kvlist;
	struct pcap_proc *pp;
	struct rte_eth_dev *dev;
	struct pcap_spec spec;
	struct pcap_port *port;
	uint16_t q;
	int ret;

	kvlist = pcap_args_parse(name, rte_vdev_device_args(vdev), &spec, &ret);
	if (kvlist == NULL)
		return ret;
	/* Open everything before the port exists: a bad stream leaves nothing behind. */
	ret = pcap_proc_open(name, &spec.port, &spec, &pp);
	rte_kvargs_free(kvlist);
	if (ret < 0)
		return ret;
	ret = rte_eth_vdev_port_create(vdev, sizeof(*port), vdev->device.numa_node, &dev);
	if (ret < 0) {
		pcap_proc_close(pp);
		return ret;
	}
	rte_eth_random_addr(dev->data->mac_addrs[0].addr_bytes);
	port = dev->data->dev_private;
	*port = spec.port;
	for (q = 0; q < PCAP_MAX_QUEUES; q++) {
		port->rxq[q].port_id = port->txq[q].port_id = dev->data->port_id;
		port->rxq[q].qid = port->txq[q].qid = q;
	}
	dev->data->dev_flags |= RTE_ETH_DEV_INTR_LSC;
	rte_eth_soft_link_set(dev, false);
	set_local(dev, pp);
	rte_eth_dev_probing_finish(dev);
	PCAP_LOG(INFO, "%s: port %u, %u Rx and %u Tx queues\n", name, dev->data->port_id,
		 port->nb_rx, port->nb_tx);
	return 0;
}

/* A secondary opens its own handles on the port's live interfaces. */
static int
attach_local(struct rte_eth_dev *dev)
{
	const struct pcap_port *port = dev->data->dev_private;
	struct pcap_proc *pp;
	int ret;

	ret = pcap_proc_open(dev->data->name, port, NULL, &pp);
	if (ret < 0)
		return ret;
	if (port->has_files)
		PCAP_LOG(NOTICE, "%s: its files are the primary's: in this process, Rx from a "
			 "file receives nothing and Tx to a file drops\n", dev->data->name);
	set_local(dev, pp);
	return 0;
}

static int
pcap_probe(struct rte_vdev_device *vdev)
{
	return rte_eth_vdev_probe(vdev, probe_primary, attach_local);
}

/*
 * The port goes first (DESTROY runs, this process's bursts stop), then
 * this process's handles: a poller stopped by DESTROY never finds them
 * closed under it.
 */
static int
pcap_remove(struct rte_vdev_device *vdev)
{
	void *pp;
	int ret = rte_eth_vdev_release(vdev, &pp);

	pcap_proc_close(pp);
	return ret;
}

static struct rte_vdev_driver pcap_driver = {
	.probe = pcap_probe,
	.remove = pcap_remove,
};

RTE_PMD_REGISTER_VDEV(net_pcap, pcap_driver);
RTE_PMD_REGISTER_ALIAS(net_pcap, eth_pcap);
RTE_PMD_REGISTER_PARAM_STRING(net_pcap,
	"rx_pcap=<file> tx_pcap=<file> rx_iface=<ifc> rx_iface_in=<ifc> tx_iface=<ifc> "
	"iface=<ifc> infinite_rx=<0|1>");
