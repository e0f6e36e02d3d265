/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/* Commands of the "eal" role on Ethernet ports (eth_commands.h). */

#include <inttypes.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>
#include <rte_memzone.h>

#include "eth_commands.h"
/* The layout of the shared port table, to look at its entries. */
#include "ethdev_private.h"
#include "mp_harness.h"

#define PKT_ETHERTYPE 0x88b5
#define PKT_MAGIC 0x4c53544bu /* "LSTK" */
#define PKT_MIN 60
#define PKT_BURST 32

/* "eth_ports" -> "ID:NAME ..." of every port attached here, by id ("-": none) */
static int
cmd_ports(const char *args, char *reply, size_t size)
{
	char name[RTE_ETH_NAME_MAX_LEN];
	size_t used = 0;
	uint16_t p;

	(void)args;
	reply[0] = '\0';
	for (p = 0; p < RTE_MAX_ETHPORTS && used < size; p++) {
		if (rte_eth_dev_is_valid_port(p) && rte_eth_dev_get_name_by_port(p, name) == 0)
			used += (size_t)snprintf(reply + used, size - used, "%s%u:%s",
						 used != 0 ? " " : "", p, name);
	}
	if (used == 0)
		snprintf(reply, size, "-");
	return 0;
}
REGISTER_MP_COMMAND(eth_ports, cmd_ports);

/* "eth_port NAME" -> "ID MAC" or the error of the lookup */
static int
cmd_port(const char *args, char *reply, size_t size)
{
	char mac_str[RTE_ETHER_ADDR_FMT_SIZE];
	struct rte_ether_addr mac;
	uint16_t port_id;
	int ret;

	ret = rte_eth_dev_get_port_by_name(args, &port_id);
	if (ret == 0)
		ret = rte_eth_macaddr_get(port_id, &mac);
	if (ret < 0)
		return snprintf(reply, size, "%d", ret), 0;
	rte_ether_format_addr(mac_str, sizeof(mac_str), &mac);
	snprintf(reply, size, "%u %s", port_id, mac_str);
	return 0;
}
REGISTER_MP_COMMAND(eth_port, cmd_port);

/* "eth_slot ID" -> the name in the shared port table at ID, "-" when free */
static int
cmd_slot(const char *args, char *reply, size_t size)
{
	const struct rte_memzone *mz = rte_memzone_lookup(ETH_DEV_SHARED_MZ);
	const struct eth_dev_shared *sh;
	unsigned int p = (unsigned int)atoi(args);

	if (p >= RTE_MAX_ETHPORTS)
		return snprintf(reply, size, "usage"), 0;
	/* No table yet: no port was ever allocated in the group. */
	if (mz == NULL)
		return snprintf(reply, size, "-"), 0;
	sh = mz->addr;
	snprintf(reply, size, "%s", sh->data[p].name[0] != '\0' ? sh->data[p].name : "-");
	return 0;
}
REGISTER_MP_COMMAND(eth_slot, cmd_slot);

/* "eth_pool N" -> "ok": the group's mbuf pool, without lcore caches */
static int
cmd_pool(const char *args, char *reply, size_t size)
{
	struct rte_mempool *mp = rte_pktmbuf_pool_create(ETH_MP_POOL, (unsigned int)atoi(args), 0,
							 0, RTE_MBUF_DEFAULT_BUF_SIZE,
							 SOCKET_ID_ANY);

	snprintf(reply, size, "%s", mp != NULL ? "ok" : "fail");
	return 0;
}
REGISTER_MP_COMMAND(eth_pool, cmd_pool);

/* "eth_up NAME NQ" -> result of configure + queue setups + start, one line */
static int
cmd_up(const char *args, char *reply, size_t size)
{
	struct rte_mempool *mp = rte_mempool_lookup(ETH_MP_POOL);
	const struct rte_eth_conf conf = { 0 };
	char name[RTE_ETH_NAME_MAX_LEN];
	uint16_t port_id, q, nq;
	int ret;

	if (sscanf(args, "%63s %hu", name, &nq) != 2 || mp == NULL)
		return snprintf(reply, size, "usage"), 0;
	ret = rte_eth_dev_get_port_by_name(name, &port_id);
	if (ret == 0)
		ret = rte_eth_dev_configure(port_id, nq, nq, &conf);
	for (q = 0; ret == 0 && q < nq; q++) {
		ret = rte_eth_rx_queue_setup(port_id, q, 0, SOCKET_ID_ANY, NULL, mp);
		if (ret == 0)
			ret = rte_eth_tx_queue_setup(port_id, q, 0, SOCKET_ID_ANY, NULL);
	}
	if (ret == 0)
		ret = rte_eth_dev_start(port_id);
	snprintf(reply, size, "%d", ret);
	return 0;
}
REGISTER_MP_COMMAND(eth_up, cmd_up);

/* The counters of port name, with the error counters when errors; or the lookup's error. */
static int
reply_stats(const char *name, bool errors, char *reply, size_t size)
{
	struct rte_eth_stats st;
	uint16_t port_id;
	int ret, len;

	ret = rte_eth_dev_get_port_by_name(name, &port_id);
	if (ret == 0)
		ret = rte_eth_stats_get(port_id, &st);
	if (ret < 0)
		return snprintf(reply, size, "%d", ret), 0;
	len = snprintf(reply, size, "in=%" PRIu64 " out=%" PRIu64, st.ipackets, st.opackets);
	if (errors && len > 0 && (size_t)len < size)
		snprintf(reply + len, size - (size_t)len, " ierr=%" PRIu64 " oerr=%" PRIu64,
			 st.ierrors, st.oerrors);
	return 0;
}

/* "eth_stats NAME" -> "in=N out=M" */
static int
cmd_stats(const char *args, char *reply, size_t size)
{
	return reply_stats(args, false, reply, size);
}
REGISTER_MP_COMMAND(eth_stats, cmd_stats);

/* "pkt_stats NAME" -> "in=N out=M ierr=I oerr=O" */
static int
cmd_pkt_stats(const char *args, char *reply, size_t size)
{
	return reply_stats(args, true, reply, size);
}
REGISTER_MP_COMMAND(pkt_stats, cmd_pkt_stats);

struct pkt_hdr {
	struct rte_ether_hdr eth;
	rte_be32_t magic;
	uint32_t tag;
	uint32_t seq;
	uint16_t len;
};

static uint16_t
pkt_len(uint32_t seq, uint16_t maxlen)
{
	return (uint16_t)(PKT_MIN + (seq * 37u) % (uint32_t)(maxlen - PKT_MIN + 1));
}

static uint8_t
pkt_byte(uint32_t seq, uint32_t i)
{
	return (uint8_t)(seq * 7u + i);
}

/* 802.1Q: a tag of TPID and TCI after the MAC addresses. */
#define VLAN_TAG_LEN 4
#define VLAN_OFF (2 * RTE_ETHER_ADDR_LEN)

static struct rte_mbuf *
pkt_make(struct rte_mempool *mp, uint32_t tag, uint32_t seq, uint16_t maxlen, uint16_t vlan)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(mp);
	uint16_t len = pkt_len(seq, maxlen), i;
	rte_be16_t vtag[2] = { rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN), rte_cpu_to_be_16(vlan) };
	struct pkt_hdr *h;
	uint8_t *p;

	if (m == NULL)
		return NULL;
	p = (uint8_t *)rte_pktmbuf_append(m, len);
	if (p == NULL) {
		rte_pktmbuf_free(m);
		return NULL;
	}
	h = (struct pkt_hdr *)p;
	memset(&h->eth.dst_addr, 0xff, RTE_ETHER_ADDR_LEN);
	memset(&h->eth.src_addr, 0, RTE_ETHER_ADDR_LEN);
	h->eth.src_addr.addr_bytes[0] = 0x02;
	h->eth.ether_type = rte_cpu_to_be_16(PKT_ETHERTYPE);
	h->magic = rte_cpu_to_be_32(PKT_MAGIC);
	h->tag = tag;
	h->seq = seq;
	h->len = len;
	for (i = sizeof(*h); i < len; i++)
		p[i] = pkt_byte(seq, i);
	if (vlan != 0) {
		p = (uint8_t *)rte_pktmbuf_prepend(m, VLAN_TAG_LEN);
		if (p == NULL) {
			rte_pktmbuf_free(m);
			return NULL;
		}
		memmove(p, p + VLAN_TAG_LEN, VLAN_OFF);
		memcpy(p + VLAN_OFF, vtag, sizeof(vtag));
	}
	return m;
}

/* "pkt_tx NAME QUEUE COUNT MAXLEN TAG GAP_US [VLAN]" -> "sent=N" */
static int
cmd_pkt_tx(const char *args, char *reply, size_t size)
{
	struct rte_mempool *mp = rte_mempool_lookup(ETH_MP_POOL);
	uint64_t deadline = mp_now_ms() + 30 * 1000;
	char name[RTE_ETH_NAME_MAX_LEN];
	uint32_t count, tag, gap, seq = 0;
	uint16_t port_id, queue, maxlen, vlan = 0;
	struct rte_mbuf *m = NULL;

	if (sscanf(args, "%63s %hu %" SCNu32 " %hu %" SCNu32 " %" SCNu32 " %hu", name, &queue,
		   &count, &maxlen, &tag, &gap, &vlan) < 6 || mp == NULL || maxlen < PKT_MIN ||
	    rte_eth_dev_get_port_by_name(name, &port_id) < 0)
		return snprintf(reply, size, "usage"), 0;
	while (seq < count && mp_now_ms() < deadline) {
		if (m == NULL)
			m = pkt_make(mp, tag, seq, maxlen, vlan);
		if (m == NULL || rte_eth_tx_burst(port_id, queue, &m, 1) == 0) {
			sched_yield();
			continue;
		}
		m = NULL;
		seq++;
		if (gap > 0)
			usleep(gap);
	}
	rte_pktmbuf_free(m);
	snprintf(reply, size, "sent=%" PRIu32, seq);
	return 0;
}
REGISTER_MP_COMMAND(pkt_tx, cmd_pkt_tx);

/* A received frame, flat, without its VLAN tag when it should have vlan. */
struct rx_frame {
	uint8_t data[RTE_MBUF_DEFAULT_BUF_SIZE * 8];
	uint32_t len;
};

/* Whether m is a frame of the test's (of tag, and of vlan when not 0): then flat in f. */
static bool
pkt_ours(const struct rte_mbuf *m, uint32_t tag, uint16_t vlan, struct rx_frame *f)
{
	const struct pkt_hdr *h = (const struct pkt_hdr *)f->data;
	rte_be16_t vtag[2];
	const void *flat;

	if (m->pkt_len > sizeof(f->data) || m->pkt_len < sizeof(*h) + (vlan ? VLAN_TAG_LEN : 0))
		return false;
	flat = rte_pktmbuf_read(m, 0, m->pkt_len, f->data);
	if (flat != f->data)
		memcpy(f->data, flat, m->pkt_len);
	f->len = m->pkt_len;
	if (vlan != 0) {
		memcpy(vtag, f->data + VLAN_OFF, sizeof(vtag));
		if (vtag[0] != rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN) ||
		    (rte_be_to_cpu_16(vtag[1]) & 0xfff) != vlan)
			return false;
		f->len -= VLAN_TAG_LEN;
		memmove(f->data + VLAN_OFF, f->data + VLAN_OFF + VLAN_TAG_LEN, f->len - VLAN_OFF);
	}
	return h->eth.ether_type == rte_cpu_to_be_16(PKT_ETHERTYPE) &&
	       h->magic == rte_cpu_to_be_32(PKT_MAGIC) && h->tag == tag;
}

/* Whether f is frame seq, whole and unchanged. */
static bool
pkt_intact(const struct rx_frame *f, uint32_t seq)
{
	const struct pkt_hdr *h = (const struct pkt_hdr *)f->data;
	uint32_t i;

	if (h->seq != seq || h->len != f->len)
		return false;
	for (i = sizeof(*h); i < f->len; i++) {
		if (f->data[i] != pkt_byte(seq, i))
			return false;
	}
	return true;
}

/* "pkt_rx NAME COUNT TAG TIMEOUT_MS WRAP [VLAN]" -> "rx=N bad=M other=K" */
static int
cmd_pkt_rx(const char *args, char *reply, size_t size)
{
	uint32_t count, tag, timeout, wrap, got = 0, bad = 0, other = 0;
	char name[RTE_ETH_NAME_MAX_LEN];
	struct rte_mbuf *pkts[PKT_BURST];
	struct rte_eth_dev_info info;
	static struct rx_frame f;
	uint16_t port_id, q, n, i, vlan = 0;
	unsigned int polled;
	uint64_t deadline;

	if (sscanf(args, "%63s %" SCNu32 " %" SCNu32 " %" SCNu32 " %" SCNu32 " %hu", name, &count,
		   &tag, &timeout, &wrap, &vlan) < 5 ||
	    rte_eth_dev_get_port_by_name(name, &port_id) < 0 ||
	    rte_eth_dev_info_get(port_id, &info) < 0)
		return snprintf(reply, size, "usage"), 0;
	deadline = mp_now_ms() + timeout;
	while (got < count && mp_now_ms() < deadline) {
		polled = 0;
		for (q = 0; q < info.nb_rx_queues; q++) {
			/* No more than asked for: a replayed file never ends. */
			n = rte_eth_rx_burst(port_id, q, pkts,
					     (uint16_t)RTE_MIN(count - got, (uint32_t)PKT_BURST));
			polled += n;
			for (i = 0; i < n; i++) {
				if (!pkt_ours(pkts[i], tag, vlan, &f)) {
					other++;
					continue;
				}
				bad += !pkt_intact(&f, wrap != 0 ? got % wrap : got);
				got++;
			}
			rte_pktmbuf_free_bulk(pkts, n);
		}
		if (polled == 0)
			usleep(100);
	}
	snprintf(reply, size, "rx=%" PRIu32 " bad=%" PRIu32 " other=%" PRIu32, got, bad, other);
	return 0;
}
REGISTER_MP_COMMAND(pkt_rx, cmd_pkt_rx);
