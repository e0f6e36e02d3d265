/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <stdio.h>
#include <string.h>

#include "cmdline_parse.h"
#include "cmdline_parse_portlist.h"

struct cmdline_token_ops cmdline_token_portlist_ops = {
	.parse = cmdline_parse_portlist,
	.get_help = cmdline_get_help_portlist,
};

/* A port number below PORTLIST_MAX_PORTS, in decimal; NULL when there is none. */
static const char *
parse_port(const char *s, const char *end, unsigned int *port)
{
	unsigned int v = 0;
	const char *start = s;

	for (; s < end && *s >= '0' && *s <= '9'; s++) {
		v = v * 10 + (unsigned int)(*s - '0');
		if (v >= PORTLIST_MAX_PORTS)
			return NULL;
	}
	if (s == start)
		return NULL;
	*port = v;
	return s;
}

/* "a", "a-b", separated by commas, covering [s, end) exactly. */
static int
parse_ranges(const char *s, const char *end, uint32_t *map)
{
	unsigned int first, last, p;

	*map = 0;
	for (;;) {
		s = parse_port(s, end, &first);
		if (s == NULL)
			return -1;
		last = first;
		if (s < end && *s == '-') {
			s = parse_port(s + 1, end, &last);
			if (s == NULL || last < first)
				return -1;
		}
		for (p = first; p <= last; p++)
			*map |= UINT32_C(1) << p;
		if (s == end)
			return 0;
		if (*s++ != ',')
			return -1;
	}
}

int
cmdline_parse_portlist(cmdline_parse_token_hdr_t *tk, const char *buf,
		       void *res, unsigned int ressize)
{
	cmdline_portlist_t pl;
	size_t len;

	if (tk == NULL || buf == NULL)
		return -1;
	if (res != NULL && ressize < sizeof(pl))
		return -1;
	for (len = 0; !cmdline_isendoftoken(buf[len]); len++)
		if (len == PORTLIST_TOKEN_SIZE - 1)
			return -1;
	if (len == 0)
		return -1;
	if (len == 3 && strncmp(buf, "all", 3) == 0)
		pl.map = UINT32_MAX;
	else if (parse_ranges(buf, buf + len, &pl.map) < 0)
		return -1;
	if (res != NULL)
		memcpy(res, &pl, sizeof(pl));
	return (int)len;
}

int
cmdline_get_help_portlist(cmdline_parse_token_hdr_t *tk, char *dstbuf,
			  unsigned int size)
{
	if (tk == NULL || dstbuf == NULL)
		return -1;
	snprintf(dstbuf, size, "port list: all, or like 0,2-4");
	return 0;
}
