/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * net_pcap devargs, in the primary: each stream key adds a queue in the
 * order given (rx_pcap, rx_iface and rx_iface_in add Rx queues, tx_pcap
 * and tx_iface Tx queues); iface= is one queue pair over one handle and
 * goes alone; infinite_rx=1 replays Rx files in a loop. A direction with
 * no stream gets one queue that receives nothing or drops.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_kvargs.h>
#include <rte_string_fns.h>

#include "pcap_private.h"

#define ARG_RX_PCAP "rx_pcap"
#define ARG_TX_PCAP "tx_pcap"
#define ARG_RX_IFACE "rx_iface"
#define ARG_RX_IFACE_IN "rx_iface_in"
#define ARG_TX_IFACE "tx_iface"
#define ARG_IFACE "iface"
#define ARG_INFINITE_RX "infinite_rx"

static const char *const valid_keys[] = {
	ARG_RX_PCAP, ARG_TX_PCAP, ARG_RX_IFACE, ARG_RX_IFACE_IN, ARG_TX_IFACE, ARG_IFACE,
	ARG_INFINITE_RX, NULL,
};

/* The walk over the pairs: the first problem found, for the one log line. */
struct parse_ctx {
	struct pcap_spec *spec;
	unsigned int nb_iface;
	int infinite;             /* -1: not given */
	char why[160];
};

static int
add_stream(struct parse_ctx *ctx, bool rx, enum pcap_kind kind, const char *key,
	   const char *value)
{
	struct pcap_port *port = &ctx->spec->port;
	uint16_t *nb = rx ? &port->nb_rx : &port->nb_tx;
	struct pcap_stream *s;

	if (value == NULL || value[0] == '\0') {
		snprintf(ctx->why, sizeof(ctx->why), "%s needs a %s", key,
			 kind == PCAP_FILE ? "file path" : "network interface name");
		return -1;
	}
	if (*nb == PCAP_MAX_QUEUES) {
		snprintf(ctx->why, sizeof(ctx->why), "at most %d %s streams", PCAP_MAX_QUEUES,
			 rx ? "Rx" : "Tx");
		return -1;
	}
	s = rx ? &port->rx[*nb] : &port->tx[*nb];
	s->kind = (uint8_t)kind;
	if (kind == PCAP_FILE) {
		if (rx)
			ctx->spec->rx_path[*nb] = value;
		else
			ctx->spec->tx_path[*nb] = value;
	} else if (rte_strlcpy(s->iface, value, sizeof(s->iface)) >= sizeof(s->iface)) {
		snprintf(ctx->why, sizeof(ctx->why), "interface name '%s' is longer than %d", value,
			 IF_NAMESIZE - 1);
		return -1;
	}
	(*nb)++;
	return 0;
}

static int
parse_pair(const char *key, const char *value, void *opaque)
{
	struct parse_ctx *ctx = opaque;

	if (strcmp(key, ARG_RX_PCAP) == 0)
		return add_stream(ctx, true, PCAP_FILE, key, value);
	if (strcmp(key, ARG_TX_PCAP) == 0)
		return add_stream(ctx, false, PCAP_FILE, key, value);
	if (strcmp(key, ARG_RX_IFACE) == 0)
		return add_stream(ctx, true, PCAP_IFACE, key, value);
	if (strcmp(key, ARG_RX_IFACE_IN) == 0)
		return add_stream(ctx, true, PCAP_IFACE_IN, key, value);
	if (strcmp(key, ARG_TX_IFACE) == 0)
		return add_stream(ctx, false, PCAP_IFACE, key, value);
	if (strcmp(key, ARG_IFACE) == 0) {
		ctx->nb_iface++;
		if (add_stream(ctx, true, PCAP_IFACE, key, value) < 0)
			return -1;
		return add_stream(ctx, false, PCAP_IFACE, key, value);
	}
	/* infinite_rx: the only key left. */
	if (ctx->infinite >= 0 || value == NULL ||
	    (strcmp(value, "0") != 0 && strcmp(value, "1") != 0)) {
		snprintf(ctx->why, sizeof(ctx->why), "%s takes 0 or 1, once", key);
		return -1;
	}
	ctx->infinite = value[0] == '1';
	return 0;
}

/* The rules between keys, once every pair is in. */
static int
check_combination(struct parse_ctx *ctx)
{
	struct pcap_port *port = &ctx->spec->port;
	uint16_t q;

	if (port->nb_rx == 0 && port->nb_tx == 0) {
		snprintf(ctx->why, sizeof(ctx->why), "no stream: give rx_pcap, tx_pcap, rx_iface, "
			 "rx_iface_in, tx_iface or iface");
		return -1;
	}
	if (ctx->nb_iface > 0 && (ctx->nb_iface > 1 || port->nb_rx != 1 || port->nb_tx != 1)) {
		snprintf(ctx->why, sizeof(ctx->why), "iface goes alone: no other stream with it");
		return -1;
	}
	port->iface_mode = ctx->nb_iface == 1;
	port->infinite_rx = ctx->infinite == 1;
	for (q = 0; q < port->nb_rx; q++) {
		if (port->infinite_rx && port->rx[q].kind != PCAP_FILE) {
			snprintf(ctx->why, sizeof(ctx->why), "infinite_rx replays files: every Rx "
				 "stream must be an rx_pcap");
			return -1;
		}
		port->has_files |= port->rx[q].kind == PCAP_FILE;
	}
	if (port->infinite_rx && port->nb_rx == 0) {
		snprintf(ctx->why, sizeof(ctx->why), "infinite_rx needs an rx_pcap");
		return -1;
	}
	for (q = 0; q < port->nb_tx; q++)
		port->has_files |= port->tx[q].kind == PCAP_FILE;
	/* A direction without streams still has one queue, which does nothing. */
	if (port->nb_rx == 0)
		port->nb_rx = 1;
	if (port->nb_tx == 0)
		port->nb_tx = 1;
	return 0;
}

struct rte_kvargs *
pcap_args_parse(const char *name, const char *args, struct pcap_spec *spec, int *err)
{
	struct parse_ctx ctx = { .spec = spec, .infinite = -1 };
	struct rte_kvargs *kvlist;

	memset(spec, 0, sizeof(*spec));
	*err = -EINVAL;
	kvlist = rte_kvargs_parse(args != NULL ? args : "", valid_keys);
	if (kvlist == NULL) {
		PCAP_LOG(ERR, "%s: invalid devargs '%s': the keys are rx_pcap, tx_pcap, rx_iface, "
			 "rx_iface_in, tx_iface, iface and infinite_rx\n", name, args);
		return NULL;
	}
	if (rte_kvargs_process(kvlist, NULL, parse_pair, &ctx) < 0 ||
	    check_combination(&ctx) < 0) {
		PCAP_LOG(ERR, "%s: invalid devargs '%s': %s\n", name, args, ctx.why);
		rte_kvargs_free(kvlist);
		return NULL;
	}
	*err = 0;
	return kvlist;
}
