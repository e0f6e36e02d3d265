/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _CMDLINE_PARSE_NUM_H_
#define _CMDLINE_PARSE_NUM_H_

/**
 * @file
 * Integer tokens (DPDK 22.11 API).
 *
 * A word is read as decimal, hexadecimal ("0x1f"), binary ("0b101") or
 * octal ("017"), with a leading '-' for the signed types; it must fit the
 * type, which is also the type of the result field.
 */

#include <cmdline_parse.h>

#ifdef __cplusplus
extern "C" {
#endif

enum cmdline_numtype {
	RTE_UINT8 = 0,
	RTE_UINT16,
	RTE_UINT32,
	RTE_UINT64,
	RTE_INT8,
	RTE_INT16,
	RTE_INT32,
	RTE_INT64
};

struct cmdline_token_num_data {
	enum cmdline_numtype type;
};

struct cmdline_token_num {
	struct cmdline_token_hdr hdr;
	struct cmdline_token_num_data num_data;
};
typedef struct cmdline_token_num cmdline_parse_token_num_t;

extern struct cmdline_token_ops cmdline_token_num_ops;

int cmdline_parse_num(cmdline_parse_token_hdr_t *tk, const char *srcbuf,
		      void *res, unsigned int ressize);
int cmdline_get_help_num(cmdline_parse_token_hdr_t *tk, char *dstbuf,
			 unsigned int size);

/** A numeric token of type numtype storing into field of structure. */
#define TOKEN_NUM_INITIALIZER(structure, field, numtype) \
{ \
	.hdr = { \
		.ops = &cmdline_token_num_ops, \
		.offset = offsetof(structure, field), \
	}, \
	.num_data = { \
		.type = numtype, \
	}, \
}

#ifdef __cplusplus
}
#endif

#endif /* _CMDLINE_PARSE_NUM_H_ */
