/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * net_af_packet: ports over Linux AF_PACKET sockets with PACKET_MMAP rings
 * (af_packet_private.h for what is shared and what is a process's).
 *
 * Devargs: iface=IFNAME (required), qpairs=N (1..16, default 1),
 * blocksz, framesz, framecnt (the rings: default 4096, 2048, 512),
 * qdisc_bypass=0|1 (default 0).
 *
 * Multi-process: the primary makes the sockets; a secondary's probe gets
 * copies of their fds over rte_mp and maps the same rings, so it sends and
 * receives on the port as the primary does. Each queue is polled by one
 * thread at a time across the group: its ring position is shared. A
 * secondary's remove unmaps and closes its copies only; the sockets go
 * with the primary's remove, after every secondary's.
 */

#include <errno.h>
#include <linux/if_packet.h>
#include <net/if_arp.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <bus_vdev_driver.h>
#include <ethdev_driver.h>
#include <ethdev_soft.h>
#include <ethdev_vdev.h>
#include <rte_common.h>
#include <rte_eal.h>
#include <rte_byteorder.h>
#include <rte_kvargs.h>
#include <rte_mbuf.h>
#include <rte_memcpy.h>
#include <rte_string_fns.h>

#include "af_packet_private.h"

RTE_LOG_REGISTER_DEFAULT(afp_logtype, NOTICE);

#define ARG_IFACE "iface"
#define ARG_QPAIRS "qpairs"
#define ARG_BLOCKSZ "blocksz"
#define ARG_FRAMESZ "framesz"
#define ARG_FRAMECNT "framecnt"
#define ARG_QDISC_BYPASS "qdisc_bypass"

/* Where a Tx frame's bytes go in its slot (TPACKET_V2, no PACKET_TX_HAS_OFF). */
#define AFP_TX_DATA_OFF (TPACKET2_HDRLEN - sizeof(struct sockaddr_ll))
#define AFP_VLAN_TAG_LEN 4

static inline struct afp_local *
local_of(const struct afp_queue *q)
{
	const struct afp_proc *pp = rte_eth_devices[q->port_id].process_private;

	return (struct afp_local *)&pp->qp[q->qid];
}

/*
 * The kernel hands a VLAN tag apart from the frame: give it as the mbuf's
 * vlan_tci when the queue strips VLAN tags, else put it back in place.
 */
static inline void
copy_frame(struct rte_mbuf *m, const struct tpacket2_hdr *hdr, uint32_t len, bool strip)
{
	const uint8_t *src = (const uint8_t *)hdr + hdr->tp_mac;
	uint8_t *dst = rte_pktmbuf_mtod(m, uint8_t *);
	rte_be16_t tag[AFP_VLAN_TAG_LEN / 2]; /* TPID, TCI: between the MACs and the EtherType */

	if (!(hdr->tp_status & TP_STATUS_VLAN_VALID) || strip) {
		rte_memcpy(dst, src, len);
		if (hdr->tp_status & TP_STATUS_VLAN_VALID) {
			m->vlan_tci = hdr->tp_vlan_tci;
			m->ol_flags |= RTE_MBUF_F_RX_VLAN | RTE_MBUF_F_RX_VLAN_STRIPPED;
		}
		m->data_len = (uint16_t)len;
		m->pkt_len = len;
		return;
	}
	tag[0] = rte_cpu_to_be_16(hdr->tp_status & TP_STATUS_VLAN_TPID_VALID ?
				  hdr->tp_vlan_tpid : RTE_ETHER_TYPE_VLAN);
	tag[1] = rte_cpu_to_be_16(hdr->tp_vlan_tci);
	memcpy(dst, src, 2 * RTE_ETHER_ADDR_LEN);
	memcpy(dst + 2 * RTE_ETHER_ADDR_LEN, tag, sizeof(tag));
	rte_memcpy(dst + 2 * RTE_ETHER_ADDR_LEN + sizeof(tag), src + 2 * RTE_ETHER_ADDR_LEN,
		   len - 2 * RTE_ETHER_ADDR_LEN);
	m->data_len = (uint16_t)(len + sizeof(tag));
	m->pkt_len = len + (uint32_t)sizeof(tag);
}

static uint16_t
afp_rx(void *queue, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct afp_queue *q = queue;
	uint8_t **frame = local_of(q)->rx_frame;
	uint32_t max = rte_pktmbuf_data_room_size(q->mb_pool) - RTE_PKTMBUF_HEADROOM;
	uint32_t idx = q->next;
	uint64_t bytes = 0;
	uint16_t n = 0;

	while (n < nb_bufs) {
		struct tpacket2_hdr *hdr = (struct tpacket2_hdr *)frame[idx];
		uint32_t len, need;
		struct rte_mbuf *m;

		if (!(__atomic_load_n(&hdr->tp_status, __ATOMIC_ACQUIRE) & TP_STATUS_USER))
			break;
		len = hdr->tp_snaplen;
		need = len + ((hdr->tp_status & TP_STATUS_VLAN_VALID) && !q->vlan_strip ?
			      AFP_VLAN_TAG_LEN : 0);
		/* A frame cut to its slot, or longer than an mbuf, is no packet to give. */
		if (unlikely(len < hdr->tp_len || len < RTE_ETHER_HDR_LEN || need > max)) {
			q->st.errs++;
		} else {
			m = rte_pktmbuf_alloc(q->mb_pool);
			if (unlikely(m == NULL)) {
				q->st.nombuf++;
				break; /* the frame stays for the next burst */
			}
			copy_frame(m, hdr, len, q->vlan_strip);
			m->port = q->port_id;
			bufs[n++] = m;
			bytes += m->pkt_len;
		}
		__atomic_store_n(&hdr->tp_status, TP_STATUS_KERNEL, __ATOMIC_RELEASE);
		idx = idx + 1 == q->framecnt ? 0 : idx + 1;
	}
	q->next = idx;
	q->st.pkts += n;
	q->st.bytes += bytes;
	return n;
}

/* Whether the kernel is done with a Tx slot. */
static inline bool
slot_free(const struct tpacket2_hdr *hdr)
{
	return __atomic_load_n(&hdr->tp_status, __ATOMIC_ACQUIRE) == TP_STATUS_AVAILABLE;
}

static uint16_t
afp_tx(void *queue, struct rte_mbuf **bufs, uint16_t nb_bufs)
{
	struct afp_queue *q = queue;
	struct afp_local *l = local_of(q);
	uint32_t idx = q->next;
	bool kicked = false;
	uint64_t bytes = 0;
	uint16_t i, queued = 0;

	for (i = 0; i < nb_bufs; i++) {
		struct tpacket2_hdr *hdr = (struct tpacket2_hdr *)l->tx_frame[idx];
		struct rte_mbuf *m = bufs[i], *seg;
		uint8_t *dst;

		/* The ring is full: have the kernel send what it holds, once, then give up. */
		if (!slot_free(hdr)) {
			if (kicked)
				break;
			send(l->fd, NULL, 0, MSG_DONTWAIT);
			kicked = true;
			if (!slot_free(hdr))
				break;
		}
		if (unlikely(m->pkt_len > q->room)) {
			q->st.errs++;
			rte_pktmbuf_free(m);
			continue;
		}
		dst = (uint8_t *)hdr + AFP_TX_DATA_OFF;
		for (seg = m; seg != NULL; seg = seg->next) {
			rte_memcpy(dst, rte_pktmbuf_mtod(seg, void *), seg->data_len);
			dst += seg->data_len;
		}
		hdr->tp_len = m->pkt_len;
		hdr->tp_snaplen = m->pkt_len;
		__atomic_store_n(&hdr->tp_status, TP_STATUS_SEND_REQUEST, __ATOMIC_RELEASE);
		idx = idx + 1 == q->framecnt ? 0 : idx + 1;
		bytes += m->pkt_len;
		queued++;
		rte_pktmbuf_free(m);
	}
	/* Frames left queued by a failed kick go with the next one. */
	if (queued > 0)
		send(l->fd, NULL, 0, MSG_DONTWAIT);
	q->next = idx;
	q->st.pkts += queued;
	q->st.bytes += bytes;
	return i;
}

/* An interface request on this process's socket of queue pair 0. */
static int
iface_ioctl(struct rte_eth_dev *dev, unsigned long req, struct ifreq *ifr)
{
	const struct afp_port *port = dev->data->dev_private;
	const struct afp_proc *pp = dev->process_private;

	rte_strlcpy(ifr->ifr_name, port->iface, sizeof(ifr->ifr_name));
	if (pp == NULL || ioctl(pp->qp[0].fd, req, ifr) < 0)
		return pp == NULL ? -ENODEV : -errno;
	return 0;
}

/* The link is up while the port is started and the interface runs. */
static int
link_refresh(struct rte_eth_dev *dev, bool started)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	return rte_eth_soft_link_set(dev, started && iface_ioctl(dev, SIOCGIFFLAGS, &ifr) == 0 &&
				     (ifr.ifr_flags & IFF_RUNNING));
}

static int
afp_link_update(struct rte_eth_dev *dev, int wait)
{
	RTE_SET_USED(wait);
	return link_refresh(dev, dev->data->dev_started);
}

static int
afp_start(struct rte_eth_dev *dev)
{
	link_refresh(dev, true);
	return 0;
}

static int
afp_stop(struct rte_eth_dev *dev)
{
	link_refresh(dev, false);
	return 0;
}

/*
 * This process's view goes: in the primary its sockets leave the list
 * served to secondaries first, so none gets an fd being closed.
 */
static void
local_free(struct afp_proc *pp)
{
	if (pp == NULL)
		return;
	if (rte_eal_process_type() == RTE_PROC_PRIMARY)
		afp_mp_withdraw(pp);
	afp_proc_free(pp);
}

static int
afp_close(struct rte_eth_dev *dev)
{
	struct afp_proc *pp = dev->process_private;

	dev->process_private = NULL;
	local_free(pp);
	return 0;
}

/*
 * Receive modes are memberships of the socket of queue pair 0, so they go
 * with the socket and never outlive the port in the kernel.
 */
static int
membership(struct rte_eth_dev *dev, int type, bool on)
{
	const struct afp_port *port = dev->data->dev_private;
	const struct afp_proc *pp = dev->process_private;
	struct packet_mreq mr = { .mr_ifindex = port->ifindex, .mr_type = (unsigned short)type };

	if (pp == NULL)
		return -ENODEV;
	if (setsockopt(pp->qp[0].fd, SOL_PACKET, on ? PACKET_ADD_MEMBERSHIP :
		       PACKET_DROP_MEMBERSHIP, &mr, sizeof(mr)) < 0)
		return -errno;
	return 0;
}

static int
afp_promisc_enable(struct rte_eth_dev *dev)
{
	return membership(dev, PACKET_MR_PROMISC, true);
}

static int
afp_promisc_disable(struct rte_eth_dev *dev)
{
	return membership(dev, PACKET_MR_PROMISC, false);
}

static int
afp_allmulti_enable(struct rte_eth_dev *dev)
{
	return membership(dev, PACKET_MR_ALLMULTI, true);
}

static int
afp_allmulti_disable(struct rte_eth_dev *dev)
{
	return membership(dev, PACKET_MR_ALLMULTI, false);
}

/* The port is the interface: its MAC address and MTU are the kernel's. */
static int
afp_mac_addr_set(struct rte_eth_dev *dev, struct rte_ether_addr *addr)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
	memcpy(ifr.ifr_hwaddr.sa_data, addr->addr_bytes, RTE_ETHER_ADDR_LEN);
	return iface_ioctl(dev, SIOCSIFHWADDR, &ifr);
}

static int
afp_mtu_set(struct rte_eth_dev *dev, uint16_t mtu)
{
	const struct afp_port *port = dev->data->dev_private;
	struct ifreq ifr;

	if ((uint32_t)mtu + RTE_ETHER_HDR_LEN > afp_frame_room(port->geo.framesz))
		return -EINVAL;
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_mtu = mtu;
	return iface_ioctl(dev, SIOCSIFMTU, &ifr);
}

/* The kernel's drops since the last read (reading resets them), into the shared counter. */
static void
collect_missed(struct rte_eth_dev *dev, struct afp_queue *q)
{
	const struct afp_proc *pp = dev->process_private;
	struct tpacket_stats st;
	socklen_t len = sizeof(st);

	if (pp != NULL && getsockopt(pp->qp[q->qid].fd, SOL_PACKET, PACKET_STATISTICS, &st,
				     &len) == 0)
		__atomic_fetch_add(&q->missed, st.tp_drops, __ATOMIC_RELAXED);
}

static struct rte_eth_soft_qstats *
afp_qstats(struct rte_eth_dev *dev, bool rx, uint16_t q)
{
	struct afp_port *port = dev->data->dev_private;

	return rx ? &port->rxq[q].st : &port->txq[q].st;
}

static int
afp_stats_get(struct rte_eth_dev *dev, struct rte_eth_stats *stats)
{
	struct afp_port *port = dev->data->dev_private;
	uint16_t q;

	rte_eth_soft_stats_sum(dev, stats, port->nb_qpairs, port->nb_qpairs, afp_qstats);
	for (q = 0; q < port->nb_qpairs; q++) {
		collect_missed(dev, &port->rxq[q]);
		stats->imissed += __atomic_load_n(&port->rxq[q].missed, __ATOMIC_RELAXED);
	}
	return 0;
}

static int
afp_stats_reset(struct rte_eth_dev *dev)
{
	struct afp_port *port = dev->data->dev_private;
	uint16_t q;

	for (q = 0; q < port->nb_qpairs; q++) {
		collect_missed(dev, &port->rxq[q]);
		__atomic_store_n(&port->rxq[q].missed, 0, __ATOMIC_RELAXED);
	}
	rte_eth_soft_stats_zero(dev, port->nb_qpairs, port->nb_qpairs, afp_qstats);
	return 0;
}

static int
afp_infos_get(struct rte_eth_dev *dev, struct rte_eth_dev_info *info)
{
	const struct afp_port *port = dev->data->dev_private;
	uint32_t room = afp_frame_room(port->geo.framesz);

	rte_eth_soft_infos(info, room, port->nb_qpairs, port->nb_qpairs);
	info->if_index = (uint32_t)port->ifindex;
	info->max_mtu = (uint16_t)RTE_MIN(room - RTE_ETHER_HDR_LEN, (uint32_t)UINT16_MAX);
	info->rx_offload_capa = RTE_ETH_RX_OFFLOAD_VLAN_STRIP;
	return 0;
}

/* Queues are the port's, one pair per socket: setting one up points ethdev at it. */
static int
afp_rx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		   unsigned int socket_id, const struct rte_eth_rxconf *conf,
		   struct rte_mempool *mp)
{
	struct afp_port *port = dev->data->dev_private;

	RTE_SET_USED(nb_desc);
	RTE_SET_USED(socket_id);
	port->rxq[qid].mb_pool = mp;
	port->rxq[qid].vlan_strip = ((dev->data->dev_conf.rxmode.offloads | conf->offloads) &
				     RTE_ETH_RX_OFFLOAD_VLAN_STRIP) != 0;
	dev->data->rx_queues[qid] = &port->rxq[qid];
	return 0;
}

static int
afp_tx_queue_setup(struct rte_eth_dev *dev, uint16_t qid, uint16_t nb_desc,
		   unsigned int socket_id, const struct rte_eth_txconf *conf)
{
	struct afp_port *port = dev->data->dev_private;

	RTE_SET_USED(nb_desc);
	RTE_SET_USED(socket_id);
	RTE_SET_USED(conf);
	dev->data->tx_queues[qid] = &port->txq[qid];
	return 0;
}

/* The same in every process: they act on the shared data, or on this process's fds. */
static const struct eth_dev_ops afp_ops = {
	.dev_configure = rte_eth_soft_noop,
	.dev_start = afp_start,
	.dev_stop = afp_stop,
	.dev_close = afp_close,
	.link_update = afp_link_update,
	.promiscuous_enable = afp_promisc_enable,
	.promiscuous_disable = afp_promisc_disable,
	.allmulticast_enable = afp_allmulti_enable,
	.allmulticast_disable = afp_allmulti_disable,
	.mac_addr_set = afp_mac_addr_set,
	.mtu_set = afp_mtu_set,
	.stats_get = afp_stats_get,
	.stats_reset = afp_stats_reset,
	.dev_infos_get = afp_infos_get,
	.rx_queue_setup = afp_rx_queue_setup,
	.tx_queue_setup = afp_tx_queue_setup,
};

/* A 32-bit number for a kvargs key. */
static int
parse_uint(const char *key, const char *value, void *opaque)
{
	unsigned long v;

	RTE_SET_USED(key);
	if (rte_eth_soft_arg_uint(value, 0, UINT32_MAX, &v) < 0)
		return -1;
	*(uint32_t *)opaque = (uint32_t)v;
	return 0;
}

static int
parse_iface(const char *key, const char *value, void *opaque)
{
	RTE_SET_USED(key);
	if (value == NULL || value[0] == '\0')
		return -1;
	return rte_strlcpy(opaque, value, IF_NAMESIZE) < IF_NAMESIZE ? 0 : -1;
}

/* The devargs into port (primary); -EINVAL after one log line naming what is wrong. */
static int
parse_args(const char *name, const char *args, struct afp_port *port)
{
	static const char *const keys[] = {
		ARG_IFACE, ARG_QPAIRS, ARG_BLOCKSZ, ARG_FRAMESZ, ARG_FRAMECNT, ARG_QDISC_BYPASS,
		NULL,
	};
	uint32_t qpairs = 1, bypass = 0;
	struct rte_kvargs *kvlist;
	char why[160] = "";

	memset(port, 0, sizeof(*port));
	port->geo = (struct afp_geometry){ .blocksz = 4096, .framesz = 2048, .framecnt = 512 };
	kvlist = rte_kvargs_parse(args != NULL ? args : "", keys);
	if (kvlist == NULL) {
		AFP_LOG(ERR, "%s: invalid devargs '%s': the keys are iface, qpairs, blocksz, "
			"framesz, framecnt and qdisc_bypass\n", name, args);
		return -EINVAL;
	}
	if (rte_kvargs_count(kvlist, ARG_IFACE) != 1)
		snprintf(why, sizeof(why), "iface=<interface> is required, once");
	else if (rte_kvargs_process(kvlist, ARG_IFACE, parse_iface, port->iface) < 0)
		snprintf(why, sizeof(why), "iface takes an interface name of 1 to %d characters",
			 IF_NAMESIZE - 1);
	else if (rte_kvargs_process(kvlist, ARG_QPAIRS, parse_uint, &qpairs) < 0 ||
		 qpairs == 0 || qpairs > AFP_MAX_QPAIRS)
		snprintf(why, sizeof(why), "qpairs takes 1 to %d", AFP_MAX_QPAIRS);
	else if (rte_kvargs_process(kvlist, ARG_QDISC_BYPASS, parse_uint, &bypass) < 0 ||
		 bypass > 1)
		snprintf(why, sizeof(why), "qdisc_bypass takes 0 or 1");
	else if (rte_kvargs_process(kvlist, ARG_BLOCKSZ, parse_uint, &port->geo.blocksz) < 0 ||
		 rte_kvargs_process(kvlist, ARG_FRAMESZ, parse_uint, &port->geo.framesz) < 0 ||
		 rte_kvargs_process(kvlist, ARG_FRAMECNT, parse_uint, &port->geo.framecnt) < 0)
		snprintf(why, sizeof(why), "blocksz, framesz and framecnt take numbers");
	else
		afp_geometry_check(&port->geo, why, sizeof(why));
	rte_kvargs_free(kvlist);
	if (why[0] != '\0') {
		AFP_LOG(ERR, "%s: invalid devargs '%s': %s\n", name, args, why);
		return -EINVAL;
	}
	port->nb_qpairs = (uint16_t)qpairs;
	port->qdisc_bypass = bypass == 1;
	return 0;
}

/* Map every queue pair's rings from fds (taken over, even on failure). */
static int
map_all(const char *name, const struct afp_port *port, struct afp_proc *pp, const int *fds)
{
	uint16_t i;
	int ret = 0;

	for (i = 0; i < port->nb_qpairs; i++) {
		if (ret == 0)
			ret = afp_local_map(name, &port->geo, fds[i], &pp->qp[i]);
		else
			close(fds[i]);
	}
	return ret;
}

/* Primary: one socket per queue pair, and this process's mappings of them. */
static int
open_sockets(const char *name, const struct afp_port *port, struct afp_proc **out)
{
	struct afp_proc *pp = afp_proc_new(name, port->nb_qpairs);
	int fds[AFP_MAX_QPAIRS];
	int fanout_id = -1, ret = 0;
	uint16_t i, n = 0;

	if (pp == NULL)
		return -ENOMEM;
	while (ret == 0 && n < port->nb_qpairs) {
		ret = afp_socket_open(name, port, &fanout_id);
		if (ret >= 0) {
			fds[n++] = ret;
			ret = 0;
		}
	}
	if (ret < 0) {
		for (i = 0; i < n; i++)
			close(fds[i]);
	} else {
		ret = map_all(name, port, pp, fds);
	}
	if (ret < 0) {
		afp_proc_free(pp);
		return ret;
	}
	*out = pp;
	return 0;
}

static void
queues_init(struct afp_port *port, uint16_t port_id)
{
	uint32_t room = afp_frame_room(port->geo.framesz);
	uint16_t q;

	for (q = 0; q < AFP_MAX_QPAIRS; q++) {
		port->rxq[q] = (struct afp_queue){ .port_id = port_id, .qid = q,
						   .framecnt = port->geo.framecnt, .room = room };
		port->txq[q] = port->rxq[q];
	}
}

static void
set_local(struct rte_eth_dev *dev, struct afp_proc *pp)
{
	dev->process_private = pp;
	dev->dev_ops = &afp_ops;
	dev->rx_pkt_burst = afp_rx;
	dev->tx_pkt_burst = afp_tx;
}

static int
probe_primary(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	struct afp_proc *pp = NULL;
	struct rte_eth_dev *dev;
	struct afp_port spec;
	struct ifreq ifr;
	int ret;

	ret = parse_args(name, rte_vdev_device_args(vdev), &spec);
	if (ret < 0)
		return ret;
	spec.ifindex = (int)if_nametoindex(spec.iface);
	if (spec.ifindex == 0) {
		ret = -errno;
		AFP_LOG(ERR, "%s: no interface %s: %s\n", name, spec.iface, strerror(-ret));
		return ret == -ENXIO ? -ENODEV : ret;
	}
	/* The sockets first: a failure leaves no port behind. */
	ret = open_sockets(name, &spec, &pp);
	if (ret < 0)
		return ret;
	memset(&ifr, 0, sizeof(ifr));
	rte_strlcpy(ifr.ifr_name, spec.iface, sizeof(ifr.ifr_name));
	if (ioctl(pp->qp[0].fd, SIOCGIFHWADDR, &ifr) < 0) {
		ret = -errno;
		AFP_LOG(ERR, "%s: cannot read the MAC address of %s: %s\n", name, spec.iface,
			strerror(-ret));
		afp_proc_free(pp);
		return ret;
	}
	ret = rte_eth_vdev_port_create(vdev, sizeof(spec), vdev->device.numa_node, &dev);
	if (ret < 0) {
		afp_proc_free(pp);
		return ret;
	}
	memcpy(dev->data->mac_addrs[0].addr_bytes, ifr.ifr_hwaddr.sa_data, RTE_ETHER_ADDR_LEN);
	*(struct afp_port *)dev->data->dev_private = spec;
	queues_init(dev->data->dev_private, dev->data->port_id);
	set_local(dev, pp);
	ret = afp_mp_publish(pp);
	if (ret < 0) {
		rte_eth_dev_release_port(dev);
		afp_proc_free(pp);
		return ret;
	}
	rte_eth_dev_probing_finish(dev);
	AFP_LOG(INFO, "%s: port %u on %s, %u queue pairs of %u frames of %u bytes\n", name,
		dev->data->port_id, spec.iface, spec.nb_qpairs, spec.geo.framecnt,
		spec.geo.framesz);
	return 0;
}

/* A secondary maps the rings of the primary's sockets, from copies of their fds. */
static int
attach_local(struct rte_eth_dev *dev)
{
	const struct afp_port *port = dev->data->dev_private;
	const char *name = dev->data->name;
	int fds[AFP_MAX_QPAIRS];
	struct afp_proc *pp;
	int ret;

	pp = afp_proc_new(name, port->nb_qpairs);
	if (pp == NULL)
		return -ENOMEM;
	ret = afp_mp_fetch(name, port->nb_qpairs, fds);
	if (ret == 0)
		ret = map_all(name, port, pp, fds);
	if (ret < 0) {
		afp_proc_free(pp);
		return ret;
	}
	set_local(dev, pp);
	return 0;
}

static int
afp_probe(struct rte_vdev_device *vdev)
{
	return rte_eth_vdev_probe(vdev, probe_primary, attach_local);
}

/*
 * The port goes first (DESTROY runs, this process's bursts stop), then
 * this process's mappings and fds: a poller stopped by DESTROY never finds
 * its ring unmapped under it.
 */
static int
afp_remove(struct rte_vdev_device *vdev)
{
	void *pp;
	int ret = rte_eth_vdev_release(vdev, &pp);

	local_free(pp);
	return ret;
}

static struct rte_vdev_driver afp_driver = {
	.probe = afp_probe,
	.remove = afp_remove,
};

RTE_PMD_REGISTER_VDEV(net_af_packet, afp_driver);
RTE_PMD_REGISTER_ALIAS(net_af_packet, eth_af_packet);
RTE_PMD_REGISTER_PARAM_STRING(net_af_packet,
	"iface=<string> qpairs=<int> blocksz=<int> framesz=<int> framecnt=<int> "
	"qdisc_bypass=<0|1>");
