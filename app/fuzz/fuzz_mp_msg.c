/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * libFuzzer target for the check every received rte_mp datagram passes:
 * any bytes, with any fd count, are judged without reading past them, and
 * whatever is accepted is safe for the handler to use.
 */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "eal_mp_wire.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mp_wire w;
	int nfds;

	if (size < 1)
		return 0;
	/* The first byte is the fd count the kernel would have reported. */
	nfds = data[0] % (RTE_MP_MAX_FD_NUM + 2);
	data++;
	size--;
	memset(&w, 0, sizeof(w));
	memcpy(&w, data, size < sizeof(w) ? size : sizeof(w));
	if (eal_mp_wire_check(&w, size, nfds) != NULL)
		return 0;
	CHECK(size == sizeof(w));
	CHECK(strnlen(w.name, sizeof(w.name)) < sizeof(w.name));
	CHECK(w.len_param >= 0 && w.len_param <= RTE_MP_MAX_PARAM_LEN);
	CHECK(w.num_fds == nfds && nfds <= RTE_MP_MAX_FD_NUM);
	return 0;
}
