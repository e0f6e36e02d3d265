/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _CMDLINE_PARSE_STRING_H_
#define _CMDLINE_PARSE_STRING_H_

/**
 * @file
 * String tokens (DPDK 22.11 API).
 *
 * The token's string says what it accepts:
 * - NULL: any one word;
 * - "word": that word only;
 * - "one#two#three": any of these words;
 * - TOKEN_STRING_MULTI: the rest of the command, blanks included.
 * The accepted text is copied, NUL-terminated, into a
 * cmdline_fixed_string_t (cmdline_multi_string_t for TOKEN_STRING_MULTI).
 */

#include <cmdline_parse.h>

#ifdef __cplusplus
extern "C" {
#endif

#define STR_TOKEN_SIZE 128
#define STR_MULTI_TOKEN_SIZE 4096

typedef char cmdline_fixed_string_t[STR_TOKEN_SIZE];
typedef char cmdline_multi_string_t[STR_MULTI_TOKEN_SIZE];

/** The string of a token that takes the rest of the line. */
#define TOKEN_STRING_MULTI ""

struct cmdline_token_string_data {
	const char *str;
};

struct cmdline_token_string {
	struct cmdline_token_hdr hdr;
	struct cmdline_token_string_data string_data;
};
typedef struct cmdline_token_string cmdline_parse_token_string_t;

extern struct cmdline_token_ops cmdline_token_string_ops;

int cmdline_parse_string(cmdline_parse_token_hdr_t *tk, const char *srcbuf,
			 void *res, unsigned int ressize);
int cmdline_complete_get_nb_string(cmdline_parse_token_hdr_t *tk);
int cmdline_complete_get_elt_string(cmdline_parse_token_hdr_t *tk, int idx,
				    char *dstbuf, unsigned int size);
int cmdline_get_help_string(cmdline_parse_token_hdr_t *tk, char *dstbuf,
			    unsigned int size);

/** A string token storing into field (a cmdline_fixed_string_t) of structure. */
#define TOKEN_STRING_INITIALIZER(structure, field, string) \
{ \
	.hdr = { \
		.ops = &cmdline_token_string_ops, \
		.offset = offsetof(structure, field), \
	}, \
	.string_data = { \
		.str = string, \
	}, \
}

#ifdef __cplusplus
}
#endif

#endif /* _CMDLINE_PARSE_STRING_H_ */
