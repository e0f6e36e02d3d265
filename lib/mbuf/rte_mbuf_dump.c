/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/* Looking at mbufs: consistency checks, dumps, offload flag names. */

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_debug.h>
#include <rte_mbuf.h>

struct flag_name {
	uint64_t flag;
	uint64_t mask; /* the field the flag is a value of */
	const char *name;
};

#define FLAG(f) { f, f, #f }
#define FIELD(f, m) { f, m, #f }

static const struct flag_name rx_flags[] = {
	FLAG(RTE_MBUF_F_RX_VLAN),
	FLAG(RTE_MBUF_F_RX_RSS_HASH),
	FLAG(RTE_MBUF_F_RX_FDIR),
	FIELD(RTE_MBUF_F_RX_L4_CKSUM_BAD, RTE_MBUF_F_RX_L4_CKSUM_MASK),
	FIELD(RTE_MBUF_F_RX_L4_CKSUM_GOOD, RTE_MBUF_F_RX_L4_CKSUM_MASK),
	FIELD(RTE_MBUF_F_RX_L4_CKSUM_NONE, RTE_MBUF_F_RX_L4_CKSUM_MASK),
	FIELD(RTE_MBUF_F_RX_IP_CKSUM_BAD, RTE_MBUF_F_RX_IP_CKSUM_MASK),
	FIELD(RTE_MBUF_F_RX_IP_CKSUM_GOOD, RTE_MBUF_F_RX_IP_CKSUM_MASK),
	FIELD(RTE_MBUF_F_RX_IP_CKSUM_NONE, RTE_MBUF_F_RX_IP_CKSUM_MASK),
	FLAG(RTE_MBUF_F_RX_OUTER_IP_CKSUM_BAD),
	FLAG(RTE_MBUF_F_RX_VLAN_STRIPPED),
	FLAG(RTE_MBUF_F_RX_IEEE1588_PTP),
	FLAG(RTE_MBUF_F_RX_IEEE1588_TMST),
	FLAG(RTE_MBUF_F_RX_FDIR_ID),
	FLAG(RTE_MBUF_F_RX_FDIR_FLX),
	FLAG(RTE_MBUF_F_RX_QINQ_STRIPPED),
	FLAG(RTE_MBUF_F_RX_LRO),
	FLAG(RTE_MBUF_F_RX_SEC_OFFLOAD),
	FLAG(RTE_MBUF_F_RX_SEC_OFFLOAD_FAILED),
	FLAG(RTE_MBUF_F_RX_QINQ),
	FIELD(RTE_MBUF_F_RX_OUTER_L4_CKSUM_BAD, RTE_MBUF_F_RX_OUTER_L4_CKSUM_MASK),
	FIELD(RTE_MBUF_F_RX_OUTER_L4_CKSUM_GOOD, RTE_MBUF_F_RX_OUTER_L4_CKSUM_MASK),
	FIELD(RTE_MBUF_F_RX_OUTER_L4_CKSUM_INVALID, RTE_MBUF_F_RX_OUTER_L4_CKSUM_MASK),
};

static const struct flag_name tx_flags[] = {
	FLAG(RTE_MBUF_F_TX_VLAN),
	FLAG(RTE_MBUF_F_TX_IP_CKSUM),
	FIELD(RTE_MBUF_F_TX_TCP_CKSUM, RTE_MBUF_F_TX_L4_MASK),
	FIELD(RTE_MBUF_F_TX_SCTP_CKSUM, RTE_MBUF_F_TX_L4_MASK),
	FIELD(RTE_MBUF_F_TX_UDP_CKSUM, RTE_MBUF_F_TX_L4_MASK),
	FLAG(RTE_MBUF_F_TX_IEEE1588_TMST),
	FLAG(RTE_MBUF_F_TX_TCP_SEG),
	FLAG(RTE_MBUF_F_TX_IPV4),
	FLAG(RTE_MBUF_F_TX_IPV6),
	FLAG(RTE_MBUF_F_TX_OUTER_IP_CKSUM),
	FLAG(RTE_MBUF_F_TX_OUTER_IPV4),
	FLAG(RTE_MBUF_F_TX_OUTER_IPV6),
	FIELD(RTE_MBUF_F_TX_TUNNEL_VXLAN, RTE_MBUF_F_TX_TUNNEL_MASK),
	FIELD(RTE_MBUF_F_TX_TUNNEL_GRE, RTE_MBUF_F_TX_TUNNEL_MASK),
	FIELD(RTE_MBUF_F_TX_TUNNEL_IPIP, RTE_MBUF_F_TX_TUNNEL_MASK),
	FIELD(RTE_MBUF_F_TX_TUNNEL_GENEVE, RTE_MBUF_F_TX_TUNNEL_MASK),
	FIELD(RTE_MBUF_F_TX_TUNNEL_MPLSINUDP, RTE_MBUF_F_TX_TUNNEL_MASK),
	FIELD(RTE_MBUF_F_TX_TUNNEL_VXLAN_GPE, RTE_MBUF_F_TX_TUNNEL_MASK),
	FIELD(RTE_MBUF_F_TX_TUNNEL_GTP, RTE_MBUF_F_TX_TUNNEL_MASK),
	FIELD(RTE_MBUF_F_TX_TUNNEL_ESP, RTE_MBUF_F_TX_TUNNEL_MASK),
	FIELD(RTE_MBUF_F_TX_TUNNEL_IP, RTE_MBUF_F_TX_TUNNEL_MASK),
	FIELD(RTE_MBUF_F_TX_TUNNEL_UDP, RTE_MBUF_F_TX_TUNNEL_MASK),
	FLAG(RTE_MBUF_F_TX_QINQ),
	FLAG(RTE_MBUF_F_TX_MACSEC),
	FLAG(RTE_MBUF_F_TX_SEC_OFFLOAD),
	FLAG(RTE_MBUF_F_TX_UDP_SEG),
	FLAG(RTE_MBUF_F_TX_OUTER_UDP_CKSUM),
};

static const char *
flag_name(const struct flag_name *t, size_t n, uint64_t mask)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (t[i].flag == mask)
			return t[i].name;
	}
	return NULL;
}

const char *
rte_get_rx_ol_flag_name(uint64_t mask)
{
	return flag_name(rx_flags, RTE_DIM(rx_flags), mask);
}

const char *
rte_get_tx_ol_flag_name(uint64_t mask)
{
	return flag_name(tx_flags, RTE_DIM(tx_flags), mask);
}

static int
flag_list(const struct flag_name *t, size_t n, uint64_t mask, char *buf, size_t buflen)
{
	size_t i, len = 0;
	int ret;

	if (buf == NULL || buflen == 0)
		return -1;
	buf[0] = '\0';
	for (i = 0; i < n; i++) {
		if ((mask & t[i].mask) != t[i].flag)
			continue;
		ret = snprintf(buf + len, buflen - len, "%s%s", len == 0 ? "" : " ", t[i].name);
		if (ret < 0 || (size_t)ret >= buflen - len)
			return -1;
		len += (size_t)ret;
	}
	return 0;
}

int
rte_get_rx_ol_flag_list(uint64_t mask, char *buf, size_t buflen)
{
	return flag_list(rx_flags, RTE_DIM(rx_flags), mask, buf, buflen);
}

int
rte_get_tx_ol_flag_list(uint64_t mask, char *buf, size_t buflen)
{
	return flag_list(tx_flags, RTE_DIM(tx_flags), mask, buf, buflen);
}

/* One segment's own fields. */
static const char *
check_segment(const struct rte_mbuf *m)
{
	uint16_t refcnt;

	if (m->pool == NULL)
		return "no mempool";
	if (m->buf_addr == NULL)
		return "no buffer";
	refcnt = rte_mbuf_refcnt_read(m);
	if (refcnt == 0 || refcnt == UINT16_MAX)
		return "bad reference count";
	if (m->data_off > m->buf_len)
		return "data offset past the buffer";
	if ((uint32_t)m->data_off + m->data_len > m->buf_len)
		return "data length past the buffer";
	return NULL;
}

int
rte_mbuf_check(const struct rte_mbuf *m, int is_header, const char **reason)
{
	const char *why = NULL;
	uint32_t pkt_len = 0;
	uint16_t nb_segs = 0;
	const struct rte_mbuf *seg;

	if (m == NULL) {
		why = "mbuf is NULL";
	} else if (!is_header) {
		why = check_segment(m);
	} else {
		/* Count at most nb_segs segments: a looping chain must not loop here. */
		for (seg = m; seg != NULL && why == NULL; seg = seg->next) {
			why = check_segment(seg);
			if (++nb_segs > m->nb_segs)
				why = "more segments than nb_segs";
			pkt_len += seg->data_len;
		}
		if (why == NULL && nb_segs != m->nb_segs)
			why = "fewer segments than nb_segs";
		if (why == NULL && pkt_len != m->pkt_len)
			why = "pkt_len is not the sum of the segments' data_len";
	}
	if (why != NULL && reason != NULL)
		*reason = why;
	return why == NULL ? 0 : -1;
}

void
rte_mbuf_sanity_check(const struct rte_mbuf *m, int is_header)
{
	const char *reason;

	if (rte_mbuf_check(m, is_header, &reason) != 0)
		rte_panic("mbuf %p: %s\n", (const void *)m, reason);
}

static void
hexdump(FILE *f, const void *data, unsigned int len)
{
	const unsigned char *b = data;
	unsigned int i, j;

	for (i = 0; i < len; i += 16) {
		fprintf(f, "    %08x:", i);
		for (j = i; j < i + 16 && j < len; j++)
			fprintf(f, " %02x", b[j]);
		fprintf(f, "\n");
	}
}

void
rte_pktmbuf_dump(FILE *f, const struct rte_mbuf *m, unsigned int dump_len)
{
	char flags[512];
	const struct rte_mbuf *seg;
	unsigned int len;

	fprintf(f, "mbuf %p: iova=0x%" PRIx64 " buf_len=%u pkt_len=%u nb_segs=%u port=%u\n",
		(const void *)m, m->buf_iova, m->buf_len, m->pkt_len, m->nb_segs, m->port);
	fprintf(f, "  ol_flags=0x%" PRIx64 " packet_type=0x%x vlan_tci=%u vlan_tci_outer=%u\n",
		m->ol_flags, m->packet_type, m->vlan_tci, m->vlan_tci_outer);
	if (rte_get_rx_ol_flag_list(m->ol_flags, flags, sizeof(flags)) == 0 && flags[0] != '\0')
		fprintf(f, "  rx flags: %s\n", flags);
	if (rte_get_tx_ol_flag_list(m->ol_flags, flags, sizeof(flags)) == 0 && flags[0] != '\0')
		fprintf(f, "  tx flags: %s\n", flags);
	for (seg = m; seg != NULL; seg = seg->next) {
		fprintf(f, "  segment %p: data=%p data_off=%u data_len=%u refcnt=%u%s\n",
			(const void *)seg, rte_pktmbuf_mtod(seg, const void *), seg->data_off,
			seg->data_len, rte_mbuf_refcnt_read(seg),
			RTE_MBUF_CLONED(seg) ? " (clone)" : "");
		len = RTE_MIN(dump_len, (unsigned int)seg->data_len);
		hexdump(f, rte_pktmbuf_mtod(seg, const void *), len);
		dump_len -= len;
	}
}
