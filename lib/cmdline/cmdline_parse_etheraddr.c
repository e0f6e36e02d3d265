/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <stdio.h>
#include <string.h>

#include <rte_ether.h>

#include "cmdline_parse.h"
#include "cmdline_parse_etheraddr.h"

/* The longest form, "XX:XX:XX:XX:XX:XX". */
#define ETHERADDR_WORD_MAX (RTE_ETHER_ADDR_FMT_SIZE - 1)

struct cmdline_token_ops cmdline_token_etheraddr_ops = {
	.parse = cmdline_parse_etheraddr,
	.get_help = cmdline_get_help_etheraddr,
};

int
cmdline_parse_etheraddr(cmdline_parse_token_hdr_t *tk, const char *buf,
			void *res, unsigned int ressize)
{
	char word[ETHERADDR_WORD_MAX + 1];
	struct rte_ether_addr ea;
	size_t len;

	if (tk == NULL || buf == NULL)
		return -1;
	if (res != NULL && ressize < sizeof(ea))
		return -1;
	for (len = 0; !cmdline_isendoftoken(buf[len]); len++)
		if (len == ETHERADDR_WORD_MAX)
			return -1;
	if (len == 0)
		return -1;
	memcpy(word, buf, len);
	word[len] = '\0';
	if (rte_ether_unformat_addr(word, &ea) < 0)
		return -1;
	if (res != NULL)
		memcpy(res, &ea, sizeof(ea));
	return (int)len;
}

int
cmdline_get_help_etheraddr(cmdline_parse_token_hdr_t *tk, char *dstbuf,
			   unsigned int size)
{
	if (tk == NULL || dstbuf == NULL)
		return -1;
	snprintf(dstbuf, size, "Ethernet address");
	return 0;
}
