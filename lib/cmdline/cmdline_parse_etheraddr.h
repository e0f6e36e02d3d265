/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _CMDLINE_PARSE_ETHERADDR_H_
#define _CMDLINE_PARSE_ETHERADDR_H_

/**
 * @file
 * Ethernet address tokens (DPDK 22.11 API): a word in any form
 * rte_ether_unformat_addr() reads, stored as a struct rte_ether_addr.
 */

#include <rte_ether.h>

#include <cmdline_parse.h>

#ifdef __cplusplus
extern "C" {
#endif

struct cmdline_token_etheraddr {
	struct cmdline_token_hdr hdr;
};
typedef struct cmdline_token_etheraddr cmdline_parse_token_etheraddr_t;

extern struct cmdline_token_ops cmdline_token_etheraddr_ops;

int cmdline_parse_etheraddr(cmdline_parse_token_hdr_t *tk, const char *srcbuf,
			    void *res, unsigned int ressize);
int cmdline_get_help_etheraddr(cmdline_parse_token_hdr_t *tk, char *dstbuf,
			       unsigned int size);

/** An Ethernet address token storing into field (a struct rte_ether_addr) of structure. */
#define TOKEN_ETHERADDR_INITIALIZER(structure, field) \
{ \
	.hdr = { \
		.ops = &cmdline_token_etheraddr_ops, \
		.offset = offsetof(structure, field), \
	}, \
}

#ifdef __cplusplus
}
#endif

#endif /* _CMDLINE_PARSE_ETHERADDR_H_ */
