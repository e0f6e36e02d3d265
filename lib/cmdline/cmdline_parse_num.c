/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_string_fns.h>

#include "cmdline_parse.h"
#include "cmdline_parse_num.h"

struct cmdline_token_ops cmdline_token_num_ops = {
	.parse = cmdline_parse_num,
	.get_help = cmdline_get_help_num,
};

static const struct num_type {
	const char *name;
	unsigned int size;
	bool is_signed;
	uint64_t max;
} num_types[] = {
	[RTE_UINT8] = { "UINT8", sizeof(uint8_t), false, UINT8_MAX },
	[RTE_UINT16] = { "UINT16", sizeof(uint16_t), false, UINT16_MAX },
	[RTE_UINT32] = { "UINT32", sizeof(uint32_t), false, UINT32_MAX },
	[RTE_UINT64] = { "UINT64", sizeof(uint64_t), false, UINT64_MAX },
	[RTE_INT8] = { "INT8", sizeof(int8_t), true, INT8_MAX },
	[RTE_INT16] = { "INT16", sizeof(int16_t), true, INT16_MAX },
	[RTE_INT32] = { "INT32", sizeof(int32_t), true, INT32_MAX },
	[RTE_INT64] = { "INT64", sizeof(int64_t), true, INT64_MAX },
};

static const struct num_type *
type_of(cmdline_parse_token_hdr_t *tk)
{
	unsigned int type = ((struct cmdline_token_num *)tk)->num_data.type;

	return type < RTE_DIM(num_types) ? &num_types[type] : NULL;
}

/* Store v, a two's complement value, in the size bytes of the field. */
static void
store(uint64_t v, unsigned int size, void *res)
{
	uint8_t v8 = (uint8_t)v;
	uint16_t v16 = (uint16_t)v;
	uint32_t v32 = (uint32_t)v;

	switch (size) {
	case sizeof(uint8_t):
		memcpy(res, &v8, size);
		break;
	case sizeof(uint16_t):
		memcpy(res, &v16, size);
		break;
	case sizeof(uint32_t):
		memcpy(res, &v32, size);
		break;
	default:
		memcpy(res, &v, size);
		break;
	}
}

int
cmdline_parse_num(cmdline_parse_token_hdr_t *tk, const char *buf, void *res,
		  unsigned int ressize)
{
	const struct num_type *t;
	const char *p, *digits;
	unsigned int base = 10;
	bool negative = false;
	uint64_t v = 0, limit;
	int d;

	if (tk == NULL || buf == NULL)
		return -1;
	t = type_of(tk);
	if (t == NULL || (res != NULL && ressize < t->size))
		return -1;

	p = buf;
	if (*p == '-') {
		if (!t->is_signed)
			return -1;
		negative = true;
		p++;
	}
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	} else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B')) {
		base = 2;
		p += 2;
	} else if (p[0] == '0' && !cmdline_isendoftoken(p[1])) {
		base = 8;
		p++;
	}

	/* The magnitude of the most negative value is one above the maximum. */
	limit = t->max + (negative ? 1 : 0);
	for (digits = p; !cmdline_isendoftoken(*p); p++) {
		d = rte_hex_digit_value(*p);
		if (d < 0 || (unsigned int)d >= base)
			return -1;
		if (v > (limit - (unsigned int)d) / base)
			return -1;
		v = v * base + (unsigned int)d;
	}
	if (p == digits)
		return -1;

	if (res != NULL)
		store(negative ? 0 - v : v, t->size, res);
	return (int)(p - buf);
}

int
cmdline_get_help_num(cmdline_parse_token_hdr_t *tk, char *dstbuf,
		     unsigned int size)
{
	const struct num_type *t;

	if (tk == NULL || dstbuf == NULL)
		return -1;
	t = type_of(tk);
	if (t == NULL)
		return -1;
	snprintf(dstbuf, size, "%s", t->name);
	return 0;
}
