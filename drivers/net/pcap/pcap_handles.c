/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * A process's libpcap handles for a port: live captures on interfaces
 * (every process opens its own), offline readers, dumpers and replay
 * buffers on files (the primary only). Process-local memory throughout.
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <rte_common.h>

#include "pcap_private.h"

#define PCAP_TIMEOUT_MS 1
/*
 * Kernel buffer of a capture. A block of it is handed over when full or
 * PCAP_TIMEOUT_MS old, so under light traffic a block holds a few packets
 * and the buffer lasts as many milliseconds as it has blocks (of about
 * 128 KiB, for the snapshot length): 8 MiB is some 60 ms of a poller not
 * polling. A Tx handle takes no packet (see open_live) and needs little.
 */
#define PCAP_RX_BUFFER (8u << 20)
#define PCAP_TX_BUFFER (256u << 10)

/* libpcap's status codes as errnos, for the probe's return value. */
static int
pcap_status_errno(int status)
{
	switch (status) {
	case PCAP_ERROR_NO_SUCH_DEVICE:
		return -ENODEV;
	case PCAP_ERROR_PERM_DENIED:
	case PCAP_ERROR_PROMISC_PERM_DENIED:
		return -EPERM;
	case PCAP_ERROR_IFACE_NOT_UP:
		return -ENETDOWN;
	default:
		return -EIO;
	}
}

/*
 * A live capture: non-blocking, promiscuous as a NIC port is. Not in
 * immediate mode, which makes each slot of the kernel ring as long as the
 * snapshot length (a few dozen packets in the default buffer); packets
 * are packed into blocks instead, each readable once full or PCAP_TIMEOUT_MS
 * old.
 */
static int
open_live(const char *name, const struct pcap_stream *s, bool tx_only, pcap_t **out)
{
	/*
	 * A Tx handle captures too: a filter that takes no packet keeps the
	 * kernel from copying every packet of the interface for nobody.
	 */
	static struct bpf_insn reject_all = BPF_STMT(BPF_RET | BPF_K, 0);
	struct bpf_program no_packet = { .bf_len = 1, .bf_insns = &reject_all };
	char errbuf[PCAP_ERRBUF_SIZE] = "";
	int status, ret;
	pcap_t *h;

	h = pcap_create(s->iface, errbuf);
	if (h == NULL) {
		PCAP_LOG(ERR, "%s: cannot open interface %s: %s\n", name, s->iface, errbuf);
		return -ENOMEM;
	}
	if (pcap_set_snaplen(h, PCAP_SNAPLEN) != 0 || pcap_set_promisc(h, 1) != 0 ||
	    pcap_set_timeout(h, PCAP_TIMEOUT_MS) != 0 ||
	    pcap_set_buffer_size(h, (int)(tx_only ? PCAP_TX_BUFFER : PCAP_RX_BUFFER)) != 0) {
		PCAP_LOG(ERR, "%s: cannot set up a capture on %s: %s\n", name, s->iface,
			 pcap_geterr(h));
		pcap_close(h);
		return -EIO;
	}
	status = pcap_activate(h);
	if (status < 0) {
		ret = pcap_status_errno(status);
		PCAP_LOG(ERR, "%s: cannot open interface %s: %s%s%s\n", name, s->iface,
			 pcap_statustostr(status), status == PCAP_ERROR ? ": " : "",
			 status == PCAP_ERROR ? pcap_geterr(h) : "");
		pcap_close(h);
		return ret;
	}
	if (pcap_setnonblock(h, 1, errbuf) < 0 ||
	    (s->kind == PCAP_IFACE_IN && pcap_setdirection(h, PCAP_D_IN) < 0) ||
	    (tx_only && pcap_setfilter(h, &no_packet) < 0)) {
		PCAP_LOG(ERR, "%s: cannot set up the capture on %s: %s\n", name, s->iface,
			 errbuf[0] != '\0' ? errbuf : pcap_geterr(h));
		pcap_close(h);
		return -EIO;
	}
	*out = h;
	return 0;
}

/* An Rx file: it must exist and hold Ethernet frames. */
static int
open_offline(const char *name, const char *path, pcap_t **out)
{
	char errbuf[PCAP_ERRBUF_SIZE];
	struct stat st;
	pcap_t *h;

	if (stat(path, &st) < 0) {
		int err = errno;

		PCAP_LOG(ERR, "%s: cannot read rx_pcap %s: %s\n", name, path, strerror(err));
		return -err;
	}
	h = pcap_open_offline(path, errbuf);
	if (h == NULL) {
		PCAP_LOG(ERR, "%s: rx_pcap %s is not a pcap file: %s\n", name, path, errbuf);
		return -EINVAL;
	}
	if (pcap_datalink(h) != DLT_EN10MB) {
		PCAP_LOG(ERR, "%s: rx_pcap %s holds %s frames, not Ethernet\n", name, path,
			 pcap_datalink_val_to_name(pcap_datalink(h)) != NULL ?
			 pcap_datalink_val_to_name(pcap_datalink(h)) : "unknown");
		pcap_close(h);
		return -EINVAL;
	}
	*out = h;
	return 0;
}

static void
replay_free(struct pcap_replay *r)
{
	if (r == NULL)
		return;
	free(r->off);
	free(r->data);
	free(r);
}

/* Append one packet to r, growing its arrays as needed. */
static int
replay_add(struct pcap_replay *r, size_t *cap_pkts, size_t *cap_data, const uint8_t *pkt,
	   uint32_t len)
{
	size_t used = r->off[r->nb];

	if (r->nb + 2 > *cap_pkts) {
		uint32_t *off = realloc(r->off, *cap_pkts * 2 * sizeof(*off));

		if (off == NULL)
			return -ENOMEM;
		r->off = off;
		*cap_pkts *= 2;
	}
	if (used + len > *cap_data) {
		size_t cap = RTE_MAX(*cap_data * 2, used + len);
		uint8_t *data = realloc(r->data, cap);

		if (data == NULL)
			return -ENOMEM;
		r->data = data;
		*cap_data = cap;
	}
	memcpy(r->data + used, pkt, len);
	r->nb++;
	r->off[r->nb] = (uint32_t)(used + len);
	return 0;
}

/* infinite_rx: the whole file in memory, to be given again and again. */
static int
replay_load(const char *name, const char *path, struct pcap_replay **out)
{
	size_t cap_pkts = 64, cap_data = 65536;
	struct pcap_replay *r = calloc(1, sizeof(*r));
	struct pcap_pkthdr *hdr;
	const u_char *pkt;
	pcap_t *h = NULL;
	int ret, got = 0;

	if (r == NULL || (r->off = calloc(cap_pkts, sizeof(*r->off))) == NULL ||
	    (r->data = malloc(cap_data)) == NULL) {
		PCAP_LOG(ERR, "%s: no memory to load rx_pcap %s\n", name, path);
		replay_free(r);
		return -ENOMEM;
	}
	ret = open_offline(name, path, &h);
	if (ret < 0) {
		replay_free(r);
		return ret;
	}
	while (ret == 0 && (got = pcap_next_ex(h, &hdr, &pkt)) == 1)
		ret = replay_add(r, &cap_pkts, &cap_data, pkt, hdr->caplen);
	if (ret < 0)
		PCAP_LOG(ERR, "%s: no memory to load rx_pcap %s\n", name, path);
	else if (got == PCAP_ERROR)
		PCAP_LOG(ERR, "%s: cannot read rx_pcap %s: %s\n", name, path, pcap_geterr(h));
	else if (r->nb == 0)
		PCAP_LOG(ERR, "%s: rx_pcap %s has no packets for infinite_rx to replay\n", name,
			 path);
	if (ret == 0 && (got == PCAP_ERROR || r->nb == 0))
		ret = -EINVAL;
	pcap_close(h);
	if (ret < 0) {
		replay_free(r);
		return ret;
	}
	*out = r;
	return 0;
}

/* A Tx file, created or truncated now, in nanosecond pcap format. */
static int
open_dumper(const char *name, const char *path, pcap_t **dead, pcap_dumper_t **dumper)
{
	int err;

	*dead = pcap_open_dead_with_tstamp_precision(DLT_EN10MB, PCAP_SNAPLEN,
						     PCAP_TSTAMP_PRECISION_NANO);
	if (*dead == NULL) {
		PCAP_LOG(ERR, "%s: no memory for tx_pcap %s\n", name, path);
		return -ENOMEM;
	}
	errno = 0;
	*dumper = pcap_dump_open(*dead, path);
	if (*dumper == NULL) {
		err = errno != 0 ? errno : EIO;
		PCAP_LOG(ERR, "%s: cannot create tx_pcap %s: %s\n", name, path, pcap_geterr(*dead));
		pcap_close(*dead);
		*dead = NULL;
		return -err;
	}
	return 0;
}

static int
open_rx(const char *name, const struct pcap_port *port, const struct pcap_spec *spec,
	uint16_t q, struct pcap_proc *pp)
{
	const struct pcap_stream *s = &port->rx[q];

	switch (s->kind) {
	case PCAP_IFACE:
	case PCAP_IFACE_IN:
		return open_live(name, s, false, &pp->rx[q].h);
	case PCAP_FILE:
		if (spec == NULL)
			return 0;
		if (port->infinite_rx)
			return replay_load(name, spec->rx_path[q], &pp->rx[q].replay);
		return open_offline(name, spec->rx_path[q], &pp->rx[q].h);
	default:
		return 0;
	}
}

static int
open_tx(const char *name, const struct pcap_port *port, const struct pcap_spec *spec,
	uint16_t q, struct pcap_proc *pp)
{
	const struct pcap_stream *s = &port->tx[q];
	int ret = 0;

	if (s->kind == PCAP_NONE || (s->kind == PCAP_FILE && spec == NULL))
		return 0;
	pp->tx[q].buf = malloc(PCAP_SNAPLEN);
	if (pp->tx[q].buf == NULL) {
		PCAP_LOG(ERR, "%s: no memory for Tx queue %u\n", name, q);
		return -ENOMEM;
	}
	if (s->kind == PCAP_FILE)
		ret = open_dumper(name, spec->tx_path[q], &pp->tx[q].dead, &pp->tx[q].dumper);
	else if (port->iface_mode)
		pp->tx[q].h = pp->rx[q].h;
	else
		ret = open_live(name, s, true, &pp->tx[q].h);
	return ret;
}

int
pcap_proc_open(const char *name, const struct pcap_port *port, const struct pcap_spec *spec,
	       struct pcap_proc **out)
{
	struct pcap_proc *pp = calloc(1, sizeof(*pp));
	uint16_t q;
	int ret = 0;

	if (pp == NULL) {
		PCAP_LOG(ERR, "%s: no memory for its handles\n", name);
		return -ENOMEM;
	}
	for (q = 0; ret == 0 && q < port->nb_rx; q++)
		ret = open_rx(name, port, spec, q, pp);
	for (q = 0; ret == 0 && q < port->nb_tx; q++)
		ret = open_tx(name, port, spec, q, pp);
	if (ret < 0) {
		pcap_proc_close(pp);
		return ret;
	}
	*out = pp;
	return 0;
}

void
pcap_proc_close(struct pcap_proc *pp)
{
	unsigned int q;

	if (pp == NULL)
		return;
	for (q = 0; q < PCAP_MAX_QUEUES; q++) {
		/* iface=: Tx 0 writes through the Rx handle, closed once below. */
		if (pp->tx[q].h != NULL && pp->tx[q].h != pp->rx[q].h)
			pcap_close(pp->tx[q].h);
		if (pp->tx[q].dumper != NULL)
			pcap_dump_close(pp->tx[q].dumper);
		if (pp->tx[q].dead != NULL)
			pcap_close(pp->tx[q].dead);
		free(pp->tx[q].buf);
		if (pp->rx[q].h != NULL)
			pcap_close(pp->rx[q].h);
		replay_free(pp->rx[q].replay);
	}
	free(pp);
}
