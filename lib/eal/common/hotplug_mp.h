/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef HOTPLUG_MP_H
#define HOTPLUG_MP_H

/*
 * Hotplug across the processes of a group. The primary is the only
 * coordinator: it runs one operation at a time, from a FIFO of its own API
 * calls and of secondaries' requests, on its hotplug worker thread. Every
 * process does its local part (local_dev_probe/local_dev_remove) on its
 * worker, never on the rte_mp handler thread. All messages are requests of
 * the action EAL_DEV_MP_ACTION carrying a struct eal_dev_mp_req.
 */

#include <stdbool.h>
#include <stdint.h>

#include <rte_eal.h>

#include "eal_peers.h"

#define EAL_DEV_MP_ACTION "eal_dev_mp_request"

enum eal_dev_req_type {
	/* secondary -> primary */
	EAL_DEV_REQ_TYPE_ATTACH = 1,   /* also primary -> secondary: attach locally */
	EAL_DEV_REQ_TYPE_DETACH,       /* also primary -> secondary: detach locally */
	EAL_DEV_REQ_TYPE_JOIN,         /* register me, send me the devices */
	EAL_DEV_REQ_TYPE_LEAVE,        /* unregister me, between operations */
	/* primary -> secondary */
	EAL_DEV_REQ_TYPE_ATTACH_ROLLBACK,
	EAL_DEV_REQ_TYPE_DETACH_ROLLBACK,
	EAL_DEV_REQ_TYPE_PRE_DETACH,   /* may I? (detach vetoes) */
};

#define EAL_DEV_MP_DEVARGS_MAX (RTE_MP_MAX_PARAM_LEN - 24)

/* The param of every hotplug message; a reply carries the same, with result and pid. */
struct eal_dev_mp_req {
	uint32_t type;                        /* enum eal_dev_req_type */
	int32_t result;                       /* reply: 0 or a negative errno */
	uint64_t op_id;                       /* the primary's operation this belongs to */
	int32_t pid;                          /* reply: who answers */
	uint32_t nb_vetoes;                   /* reply to PRE_DETACH: the peer's vetoes */
	char devargs[EAL_DEV_MP_DEVARGS_MAX]; /* "bus:name,args"; JOIN: "start_time socket" */
};

/* What one secondary answered to a request of the primary. */
struct eal_dev_mp_outcome {
	struct eal_peer peer;   /* who */
	bool replied;
	int result;             /* 0 or a negative errno, if replied */
	uint32_t nb_vetoes;     /* PRE_DETACH: its detach vetoes, if replied */
};

/*
 * Secondary: ask the primary to run an operation (req: type, devargs) and
 * wait for its outcome, the return value; a JOIN's reply fd goes in *fd.
 * It may queue behind other operations, each costing up to two timeouts:
 * the wait is generous, and ends at once if the primary dies.
 */
int eal_dev_hotplug_request_to_primary(struct eal_dev_mp_req *req, int *fd);

/*
 * Primary, from the operation running: send one request to the n peers of
 * out and wait (at most timeout_ms; 0: only queue it) for their answers,
 * which say who they are from (pid). A peer found dead is marked as
 * replying 0: it holds nothing any more.
 */
void eal_dev_hotplug_request_to_secondary(uint32_t type, const char *devargs, uint64_t op_id,
					  struct eal_dev_mp_outcome *out, unsigned int n,
					  unsigned int timeout_ms);

/* Register the action and start the worker; in a secondary, join the group. */
int eal_hotplug_init(void);

/* Secondary: leave the group (between operations), then stop; primary: stop. */
void eal_hotplug_cleanup(void);

#endif /* HOTPLUG_MP_H */
