/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef SYMMETRIC_MP_EXAMPLE_H
#define SYMMETRIC_MP_EXAMPLE_H

#include <stdint.h>

#include <rte_ethdev.h>

/* Packets taken from a queue at once. */
#define BURST_SIZE 32

/* What every process is told on its command line (after --). */
struct app_config {
	unsigned int num_procs;      /* --num-procs: queues per port */
	unsigned int proc_id;        /* --proc-id: the queue this process polls */
	unsigned int duration;       /* --duration in seconds; 0: until a signal */
	uint16_t nb_ports;           /* the ports of -p, in id order; paired 0-1, 2-3... */
	uint16_t ports[RTE_MAX_ETHPORTS];
};

/*
 * The primary: configure and start every port with num_procs Rx and Tx
 * queues over one shared mbuf pool. Exits with a reason on any failure.
 */
void ports_setup(const struct app_config *cfg);

/* A secondary: check the primary configured the ports for num_procs. */
void ports_check(const struct app_config *cfg);

/* The primary, at exit: stop the ports (each failure is logged). */
void ports_stop(const struct app_config *cfg);

#endif /* SYMMETRIC_MP_EXAMPLE_H */
