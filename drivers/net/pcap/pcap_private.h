/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef PCAP_PRIVATE_H
#define PCAP_PRIVATE_H

/*
 * net_pcap inside the driver.
 *
 * A port has streams: each Rx queue reads one (a pcap file, or a live
 * interface through a pcap handle), each Tx queue writes one (a pcap file
 * through a dumper, or a live interface). A pcap handle is a process's
 * own: a socket or a FILE with its buffers. So the port is split:
 *  - struct pcap_port, the port's dev_private in the shared heap: what the
 *    streams are (kind and interface name; file paths only the primary,
 *    which opens them, needs) and the queues with their counters;
 *  - struct pcap_proc, the process_private of each process: its handles.
 *    The primary opens every stream; a secondary opens its own handles on
 *    the live interfaces and none on files, whose queues then receive
 *    nothing and drop what is sent.
 */

#include <net/if.h>
#include <stdbool.h>
#include <stdint.h>

#include <pcap.h>

#include <ethdev_soft.h>
#include <rte_log.h>
#include <rte_mempool.h>

extern int pcap_logtype;
#define PCAP_LOG(level, ...) \
	rte_log(RTE_LOG_ ## level, pcap_logtype, "PCAP: " __VA_ARGS__)

#define PCAP_MAX_QUEUES 16
/* Longest packet read or written (the pcap snapshot length). */
#define PCAP_SNAPLEN 65535

enum pcap_kind {
	PCAP_NONE = 0,     /* no stream: Rx returns nothing, Tx drops */
	PCAP_FILE,         /* rx_pcap / tx_pcap */
	PCAP_IFACE,        /* rx_iface / tx_iface: both directions */
	PCAP_IFACE_IN,     /* rx_iface_in: packets coming in only */
};

struct pcap_stream {
	uint8_t kind;             /* enum pcap_kind */
	char iface[IF_NAMESIZE];  /* live streams */
};

/*
 * A queue, in dev_private. Its counters are written by the one thread
 * that polls the queue, in whichever process, and read by stats_get;
 * port_id and qid let a burst find this process's handles.
 */
struct pcap_queue {
	uint16_t port_id;
	uint16_t qid;
	struct rte_mempool *mb_pool;  /* Rx: set by rx_queue_setup */
	struct rte_eth_soft_qstats st;
};

/* dev_private: written by the primary's probe, read-only afterwards but for the queues. */
struct pcap_port {
	uint16_t nb_rx;
	uint16_t nb_tx;
	bool iface_mode;          /* iface=: queue pair 0 reads and writes one handle */
	bool infinite_rx;
	bool has_files;
	struct pcap_stream rx[PCAP_MAX_QUEUES];
	struct pcap_stream tx[PCAP_MAX_QUEUES];
	struct pcap_queue rxq[PCAP_MAX_QUEUES];
	struct pcap_queue txq[PCAP_MAX_QUEUES];
};

/* infinite_rx: a file's packets, read once at probe, replayed in a loop. */
struct pcap_replay {
	uint32_t nb;
	uint32_t next;            /* the next packet to give: the poller's */
	uint32_t *off;            /* nb + 1 offsets into data */
	uint8_t *data;
};

/* process_private: this process's handles, by queue. */
struct pcap_proc {
	struct {
		pcap_t *h;                   /* live or offline; NULL: nothing to read */
		struct pcap_replay *replay;  /* infinite_rx instead of h */
	} rx[PCAP_MAX_QUEUES];
	struct {
		pcap_t *h;                   /* live (iface=: the Rx handle of pair 0) */
		pcap_t *dead;                /* the file's format, for its dumper */
		pcap_dumper_t *dumper;
		uint8_t *buf;                /* a multi-segment packet made flat */
	} tx[PCAP_MAX_QUEUES];
};

/* What the primary's devargs say: values point into the kvargs list. */
struct pcap_spec {
	struct pcap_port port;
	const char *rx_path[PCAP_MAX_QUEUES];
	const char *tx_path[PCAP_MAX_QUEUES];
};

struct rte_kvargs;

/*
 * Parse devargs into spec (the primary's probe). Returns the kvargs list
 * spec points into (to rte_kvargs_free after the probe), or NULL with
 * *err = -EINVAL after one log line.
 */
struct rte_kvargs *pcap_args_parse(const char *name, const char *args, struct pcap_spec *spec,
				   int *err);

/*
 * This process's handles for the port's streams: files too when spec is
 * given (the primary), live interfaces only otherwise. 0, or a negative
 * errno after one log line, with nothing left open.
 */
int pcap_proc_open(const char *name, const struct pcap_port *port, const struct pcap_spec *spec,
		   struct pcap_proc **out);

/* Close everything pcap_proc_open() opened; NULL is fine. */
void pcap_proc_close(struct pcap_proc *pp);

#endif /* PCAP_PRIVATE_H */
