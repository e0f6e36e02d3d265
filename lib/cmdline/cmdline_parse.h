/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _CMDLINE_PARSE_H_
#define _CMDLINE_PARSE_H_

/**
 * @file
 * Command-line parsing (DPDK 22.11 API).
 *
 * A context is a NULL-terminated array of instructions. An instruction is
 * a sequence of tokens and a function; a line matches an instruction when
 * each of its blank-separated words is accepted by the token at the same
 * place and no word is left over. Each token parses its word into the
 * result structure at its offset; the function of the single instruction
 * that matches is then called with that structure.
 */

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* cmdline_parse() results. */
#define CMDLINE_PARSE_SUCCESS 0
#define CMDLINE_PARSE_AMBIGUOUS -1 /**< more than one instruction matches */
#define CMDLINE_PARSE_NOMATCH -2   /**< no instruction accepts the first word */
#define CMDLINE_PARSE_BAD_ARGS -3  /**< an instruction starts so, but the rest does not fit */

/* cmdline_complete() results. */
#define CMDLINE_PARSE_COMPLETE_FINISHED 0 /**< nothing (more) to propose */
#define CMDLINE_PARSE_COMPLETE_AGAIN 1    /**< dst holds one choice; call again for the next */
#define CMDLINE_PARSE_COMPLETED_BUFFER 2  /**< dst holds characters to append to the line */

/** Size of the structure a line is parsed into; token offsets must stay below it. */
#define CMDLINE_PARSE_RESULT_BUFSIZE 8192

struct cmdline;
struct cmdline_token_ops;

/** What every token starts with: its operations and where its result goes. */
struct cmdline_token_hdr {
	struct cmdline_token_ops *ops;
	unsigned int offset; /**< of the parsed value in the result structure */
};
typedef struct cmdline_token_hdr cmdline_parse_token_hdr_t;

/**
 * Operations of a token type.
 *
 * parse() reads the word at the start of buf (which has no leading blank)
 * and, when res is not NULL, stores its value there (ressize bytes are
 * available). It returns the number of characters it consumed, or a
 * negative value when the word is not acceptable; the consumed text must
 * end at the end of a token (see cmdline_isendoftoken()).
 *
 * complete_get_nb() and complete_get_elt() (both optional) list the words
 * the token accepts, for completion; get_help() (optional) describes the
 * token in a few words. Both write a NUL-terminated string into dstbuf and
 * return a negative value on error.
 */
struct cmdline_token_ops {
	int (*parse)(cmdline_parse_token_hdr_t *tk, const char *buf, void *res,
		     unsigned int ressize);
	int (*complete_get_nb)(cmdline_parse_token_hdr_t *tk);
	int (*complete_get_elt)(cmdline_parse_token_hdr_t *tk, int idx,
				char *dstbuf, unsigned int size);
	int (*get_help)(cmdline_parse_token_hdr_t *tk, char *dstbuf,
			unsigned int size);
};

/**
 * An instruction: f(parsed_result, cl, data) runs when a line matches
 * tokens, a NULL-terminated array.
 */
struct cmdline_inst {
	void (*f)(void *parsed_result, struct cmdline *cl, void *data);
	void *data;
	const char *help_str;
	cmdline_parse_token_hdr_t *tokens[];
};
typedef struct cmdline_inst cmdline_parse_inst_t;

/** A context: an array of instruction pointers ending with NULL. */
typedef cmdline_parse_inst_t *cmdline_parse_ctx_t;

/**
 * Parse one line (up to a newline, a '#' comment or the end of the string)
 * against the context of cl and call the function of the instruction that
 * matches. A blank line does nothing and succeeds.
 *
 * @return CMDLINE_PARSE_SUCCESS, CMDLINE_PARSE_AMBIGUOUS,
 *   CMDLINE_PARSE_NOMATCH or CMDLINE_PARSE_BAD_ARGS (also for NULL
 *   arguments). Nothing is printed; cmdline_in() and cmdline_interact()
 *   print the error messages.
 */
int cmdline_parse(struct cmdline *cl, const char *buf);

/**
 * Complete buf, the beginning of a line.
 *
 * Call first with *state set to 0. When the words starting with the last,
 * unfinished, word of buf share more characters, they are written to dst
 * (followed by a space when only one word fits) and
 * CMDLINE_PARSE_COMPLETED_BUFFER is returned. Otherwise each call writes
 * one possible next word with its help into dst and returns
 * CMDLINE_PARSE_COMPLETE_AGAIN, until CMDLINE_PARSE_COMPLETE_FINISHED.
 * Starting with *state at -1 skips straight to that list.
 *
 * @return one of the CMDLINE_PARSE_COMPLETE* values, or -1 on bad arguments.
 */
int cmdline_complete(struct cmdline *cl, const char *buf, int *state,
		     char *dst, unsigned int size);

/** Whether c ends a token: NUL, blank, '#' or end of line. */
int cmdline_isendoftoken(char c);

/** Whether c ends a command: NUL, '#' or end of line. */
int cmdline_isendofcommand(char c);

#ifdef __cplusplus
}
#endif

#endif /* _CMDLINE_PARSE_H_ */
