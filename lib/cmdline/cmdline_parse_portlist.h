/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _CMDLINE_PARSE_PORTLIST_H_
#define _CMDLINE_PARSE_PORTLIST_H_

/**
 * @file
 * Port list tokens (DPDK 22.11 API): "all", or a comma-separated list of
 * port numbers and ranges below PORTLIST_MAX_PORTS ("0,2-4"), stored as a
 * bitmask (bit n for port n).
 */

#include <stdint.h>

#include <cmdline_parse.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PORTLIST_TOKEN_SIZE 128 /**< longest accepted word, NUL included */
#define PORTLIST_MAX_PORTS 32

struct cmdline_portlist {
	uint32_t map;
};
typedef struct cmdline_portlist cmdline_portlist_t;

struct cmdline_token_portlist_data {
	uint8_t unused;
};

struct cmdline_token_portlist {
	struct cmdline_token_hdr hdr;
	struct cmdline_token_portlist_data range_data;
};
typedef struct cmdline_token_portlist cmdline_parse_token_portlist_t;

extern struct cmdline_token_ops cmdline_token_portlist_ops;

int cmdline_parse_portlist(cmdline_parse_token_hdr_t *tk, const char *srcbuf,
			   void *res, unsigned int ressize);
int cmdline_get_help_portlist(cmdline_parse_token_hdr_t *tk, char *dstbuf,
			      unsigned int size);

/** A port list token storing into field (a cmdline_portlist_t) of structure. */
#define TOKEN_PORTLIST_INITIALIZER(structure, field) \
{ \
	.hdr = { \
		.ops = &cmdline_token_portlist_ops, \
		.offset = offsetof(structure, field), \
	}, \
}

#ifdef __cplusplus
}
#endif

#endif /* _CMDLINE_PARSE_PORTLIST_H_ */
