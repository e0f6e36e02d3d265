/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "cmdline_parse.h"
#include "cmdline_parse_ipaddr.h"

/* The longest word: an IPv6 address and "/128". */
#define IPADDR_WORD_MAX (INET6_ADDRSTRLEN + 4)

struct cmdline_token_ops cmdline_token_ipaddr_ops = {
	.parse = cmdline_parse_ipaddr,
	.get_help = cmdline_get_help_ipaddr,
};

static uint8_t
flags_of(cmdline_parse_token_hdr_t *tk)
{
	return ((struct cmdline_token_ipaddr *)tk)->ipaddr_data.flags;
}

/* A prefix length: one to three decimal digits, nothing else. */
static int
parse_prefixlen(const char *s, unsigned int *len)
{
	unsigned int v = 0;
	size_t n;

	for (n = 0; s[n] >= '0' && s[n] <= '9'; n++)
		v = v * 10 + (unsigned int)(s[n] - '0');
	if (n == 0 || n > 3 || s[n] != '\0')
		return -1;
	*len = v;
	return 0;
}

int
cmdline_parse_ipaddr(cmdline_parse_token_hdr_t *tk, const char *buf, void *res,
		     unsigned int ressize)
{
	char word[IPADDR_WORD_MAX + 1];
	cmdline_ipaddr_t ip;
	unsigned int prefixlen = 0;
	uint8_t flags;
	char *slash;
	size_t len;

	if (tk == NULL || buf == NULL)
		return -1;
	if (res != NULL && ressize < sizeof(ip))
		return -1;
	flags = flags_of(tk);
	for (len = 0; !cmdline_isendoftoken(buf[len]); len++)
		if (len == IPADDR_WORD_MAX)
			return -1;
	if (len == 0)
		return -1;
	memcpy(word, buf, len);
	word[len] = '\0';

	if (flags & CMDLINE_IPADDR_NETWORK) {
		slash = strchr(word, '/');
		if (slash == NULL || parse_prefixlen(slash + 1, &prefixlen) < 0)
			return -1;
		*slash = '\0';
	}

	memset(&ip, 0, sizeof(ip));
	if ((flags & CMDLINE_IPADDR_V4) && prefixlen <= 32 &&
	    inet_pton(AF_INET, word, &ip.addr.ipv4) == 1)
		ip.family = AF_INET;
	else if ((flags & CMDLINE_IPADDR_V6) && prefixlen <= 128 &&
		 inet_pton(AF_INET6, word, &ip.addr.ipv6) == 1)
		ip.family = AF_INET6;
	else
		return -1;
	ip.prefixlen = prefixlen;

	if (res != NULL)
		memcpy(res, &ip, sizeof(ip));
	return (int)len;
}

int
cmdline_get_help_ipaddr(cmdline_parse_token_hdr_t *tk, char *dstbuf,
			unsigned int size)
{
	const char *family;
	uint8_t flags;

	if (tk == NULL || dstbuf == NULL)
		return -1;
	flags = flags_of(tk);
	switch (flags & (CMDLINE_IPADDR_V4 | CMDLINE_IPADDR_V6)) {
	case CMDLINE_IPADDR_V4:
		family = "IPv4";
		break;
	case CMDLINE_IPADDR_V6:
		family = "IPv6";
		break;
	default:
		family = "IPv4/IPv6";
		break;
	}
	snprintf(dstbuf, size, "%s %s", family,
		 (flags & CMDLINE_IPADDR_NETWORK) ? "network" : "address");
	return 0;
}
