/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * What mp_server shares with its clients, the names they find it by, and
 * the helpers both programs use.
 */

#ifndef CLIENT_SERVER_MP_COMMON_H
#define CLIENT_SERVER_MP_COMMON_H

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>

#include <rte_common.h>
#include <rte_debug.h>
#include <rte_ethdev.h>
#include <rte_ring.h>

#define SHARED_INFO_NAME "cs_mp_info"
#define CLIENT_RING_FMT "cs_mp_client_%u"
#define MAX_CLIENTS 16
#define BURST_SIZE 32

/* Packets waiting to go out together: to one client's ring, or one port. */
struct mbuf_batch {
	uint16_t n;
	struct rte_mbuf *pkts[BURST_SIZE];
};

/* One client's slot. */
struct client_slot {
	/* The client's pid while it runs, else 0: set and cleared by the client. */
	pid_t pid;
	/* Written by the client only, read by the server for its stats. */
	uint64_t received;   /* taken from its ring */
	uint64_t sent;       /* accepted by a Tx queue */
	uint64_t dropped;    /* refused by a Tx queue, and freed */
} __rte_cache_aligned;

/*
 * The memzone SHARED_INFO_NAME. The server fills everything but the slots
 * before it creates the client rings, so a client that finds its ring
 * finds the rest ready; afterwards only stop (server) and the slots change.
 */
struct shared_info {
	uint16_t nb_ports;
	uint16_t ports[RTE_MAX_ETHPORTS];
	unsigned int nb_clients;
	/* The server's lcore: a client on the same lcore id would share its mbuf cache. */
	unsigned int server_lcore;
	/* Set by the server when it stops: clients leave, then it releases the ports. */
	uint32_t stop;
	struct client_slot clients[MAX_CLIENTS];
};

/* Set by on_signal at SIGINT or SIGTERM, read by the packet loop. */
static volatile sig_atomic_t quit;

static inline void
on_signal(int sig)
{
	RTE_SET_USED(sig);
	quit = 1;
}

/* Whether pid, a slot's pid, is a live process (0: the slot is free). */
static inline bool
pid_alive(pid_t pid)
{
	return pid != 0 && (kill(pid, 0) == 0 || errno == EPERM);
}

/* The name of client id's ring. */
static inline const char *
client_ring_name(unsigned int id, char name[RTE_RING_NAMESIZE])
{
	snprintf(name, RTE_RING_NAMESIZE, CLIENT_RING_FMT, id);
	return name;
}

/* Exit for a command line the program refuses: its usage, then why. */
static inline void __rte_noreturn __rte_format_printf(3, 4)
usage_exit(void (*usage)(const char *prgname), const char *prgname, const char *fmt, ...)
{
	char why[256];
	va_list ap;

	usage(prgname);
	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	rte_exit(EXIT_FAILURE, "%s", why);
}

/* The value of option name: a number from min to max; exits saying so otherwise. */
static inline long
number_arg(const char *name, const char *text, int base, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(text, &end, base);
	if (errno == 0 && end != text && *end == '\0' && v >= min && v <= max)
		return v;
	if (base == 16)
		rte_exit(EXIT_FAILURE,
			 "invalid %s '%s': give a hexadecimal mask from 0x%lx to 0x%lx\n", name,
			 text, min, max);
	rte_exit(EXIT_FAILURE, "invalid %s '%s': give a number from %ld to %ld\n", name, text,
		 min, max);
}

#endif /* CLIENT_SERVER_MP_COMMON_H */
