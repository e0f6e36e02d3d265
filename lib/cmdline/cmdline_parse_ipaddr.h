/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _CMDLINE_PARSE_IPADDR_H_
#define _CMDLINE_PARSE_IPADDR_H_

/**
 * @file
 * IP address and network tokens (DPDK 22.11 API).
 *
 * The flags of a token say which forms it accepts: IPv4 ("192.0.2.1"),
 * IPv6 ("2001:db8::1"), and whether a "/prefixlen" must follow (network).
 */

#include <stdint.h>
#include <netinet/in.h>

#include <cmdline_parse.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CMDLINE_IPADDR_V4 0x01
#define CMDLINE_IPADDR_V6 0x02
#define CMDLINE_IPADDR_NETWORK 0x04

/** A parsed address; family is AF_INET or AF_INET6. */
struct cmdline_ipaddr {
	uint8_t family;
	union {
		struct in_addr ipv4;
		struct in6_addr ipv6;
	} addr;
	unsigned int prefixlen; /**< for networks only, 0 otherwise */
};
typedef struct cmdline_ipaddr cmdline_ipaddr_t;

struct cmdline_token_ipaddr_data {
	uint8_t flags;
};

struct cmdline_token_ipaddr {
	struct cmdline_token_hdr hdr;
	struct cmdline_token_ipaddr_data ipaddr_data;
};
typedef struct cmdline_token_ipaddr cmdline_parse_token_ipaddr_t;

extern struct cmdline_token_ops cmdline_token_ipaddr_ops;

int cmdline_parse_ipaddr(cmdline_parse_token_hdr_t *tk, const char *srcbuf,
			 void *res, unsigned int ressize);
int cmdline_get_help_ipaddr(cmdline_parse_token_hdr_t *tk, char *dstbuf,
			    unsigned int size);

/* Tokens storing into field (a cmdline_ipaddr_t) of structure. */
#define CMDLINE_TOKEN_IPADDR(structure, field, accepted) \
{ \
	.hdr = { \
		.ops = &cmdline_token_ipaddr_ops, \
		.offset = offsetof(structure, field), \
	}, \
	.ipaddr_data = { \
		.flags = (accepted), \
	}, \
}

#define TOKEN_IPADDR_INITIALIZER(structure, field) \
	CMDLINE_TOKEN_IPADDR(structure, field, \
			     CMDLINE_IPADDR_V4 | CMDLINE_IPADDR_V6)
#define TOKEN_IPV4_INITIALIZER(structure, field) \
	CMDLINE_TOKEN_IPADDR(structure, field, CMDLINE_IPADDR_V4)
#define TOKEN_IPV6_INITIALIZER(structure, field) \
	CMDLINE_TOKEN_IPADDR(structure, field, CMDLINE_IPADDR_V6)
#define TOKEN_IPNET_INITIALIZER(structure, field) \
	CMDLINE_TOKEN_IPADDR(structure, field, CMDLINE_IPADDR_V4 | \
			     CMDLINE_IPADDR_V6 | CMDLINE_IPADDR_NETWORK)
#define TOKEN_IPV4NET_INITIALIZER(structure, field) \
	CMDLINE_TOKEN_IPADDR(structure, field, \
			     CMDLINE_IPADDR_V4 | CMDLINE_IPADDR_NETWORK)
#define TOKEN_IPV6NET_INITIALIZER(structure, field) \
	CMDLINE_TOKEN_IPADDR(structure, field, \
			     CMDLINE_IPADDR_V6 | CMDLINE_IPADDR_NETWORK)

#ifdef __cplusplus
}
#endif

#endif /* _CMDLINE_PARSE_IPADDR_H_ */
