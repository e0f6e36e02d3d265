/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef EAL_MP_WIRE_H
#define EAL_MP_WIRE_H

/*
 * The rte_mp datagram. Only processes of one build talk to each other (the
 * shared config's version check sees to that), so the layout is native.
 */

#include <stddef.h>
#include <stdint.h>

#include <rte_eal.h>

enum mp_type {
	MP_MSG = 1, /* one-way */
	MP_REQ,     /* wants a reply */
	MP_REP,     /* a reply */
	MP_IGN,     /* "no action for that request here": do not wait for me */
};

#define MP_WIRE_MAGIC 0x4c534d50u /* "LSMP" */

/* What travels in a datagram; the fds go as SCM_RIGHTS. */
struct mp_wire {
	uint32_t magic;
	uint32_t type;
	uint64_t id;
	char name[RTE_MP_MAX_NAME_LEN];
	int32_t len_param;
	int32_t num_fds;
	uint8_t param[RTE_MP_MAX_PARAM_LEN];
};

/*
 * What is wrong with a datagram of len bytes that came with nfds fds, or
 * NULL when it is a valid message (its sender is checked apart).
 */
const char *eal_mp_wire_check(const struct mp_wire *w, size_t len, int nfds);

#endif /* EAL_MP_WIRE_H */
