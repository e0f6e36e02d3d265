/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Matching a line against the instructions of a context, and completing
 * a partial line from them.
 */

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_string_fns.h>

#include "cmdline_private.h"

/* Longest word a token proposes for completion, and its help text. */
#define COMPLETION_WORD_SIZE 128
#define COMPLETION_HELP_SIZE 64

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool
is_end_of_line(char c)
{
	return c == '\n' || c == '\r';
}

int
cmdline_isendoftoken(char c)
{
	return c == '\0' || c == '#' || is_blank(c) || is_end_of_line(c);
}

int
cmdline_isendofcommand(char c)
{
	return c == '\0' || c == '#' || is_end_of_line(c);
}

static const char *
skip_blanks(const char *s)
{
	while (is_blank(*s))
		s++;
	return s;
}

/*
 * Parse the words of buf with the tokens of inst, at most limit of them,
 * storing the values into res unless it is NULL. Returns how many tokens
 * accepted their word and sets *rest to what follows the last of them.
 */
static unsigned int
match_tokens(cmdline_parse_inst_t *inst, const char *buf, unsigned int limit,
	     char *res, const char **rest)
{
	cmdline_parse_token_hdr_t *tk;
	unsigned int i;
	int n;

	for (i = 0; i < limit && (tk = inst->tokens[i]) != NULL; i++) {
		buf = skip_blanks(buf);
		if (cmdline_isendofcommand(*buf))
			break;
		if (tk->ops == NULL || tk->ops->parse == NULL)
			break;
		if (res == NULL) {
			n = tk->ops->parse(tk, buf, NULL, 0);
		} else if (tk->offset >= CMDLINE_PARSE_RESULT_BUFSIZE) {
			CMDLINE_LOG(ERR,
				    "token %u of \"%s\": offset %u past the %u-byte result\n",
				    i, inst->help_str != NULL ? inst->help_str : "",
				    tk->offset, CMDLINE_PARSE_RESULT_BUFSIZE);
			break;
		} else {
			n = tk->ops->parse(tk, buf, res + tk->offset,
					   CMDLINE_PARSE_RESULT_BUFSIZE - tk->offset);
		}
		if (n < 0)
			break;
		buf += n;
	}
	*rest = buf;
	return i;
}

enum match {
	MATCH_NONE,    /* the first word is not this instruction's */
	MATCH_PARTIAL, /* it starts so, but the rest does not fit */
	MATCH_FULL,
};

static enum match
match_inst(cmdline_parse_inst_t *inst, const char *buf, char *res)
{
	const char *rest;
	unsigned int n;

	n = match_tokens(inst, buf, UINT_MAX, res, &rest);
	if (n == 0)
		return MATCH_NONE;
	if (inst->tokens[n] != NULL || !cmdline_isendofcommand(*skip_blanks(rest)))
		return MATCH_PARTIAL;
	return MATCH_FULL;
}

/* The result structure of an instruction, aligned for any field. */
union parse_result {
	max_align_t align;
	char buf[CMDLINE_PARSE_RESULT_BUFSIZE];
};

int
cmdline_parse(struct cmdline *cl, const char *buf)
{
	union parse_result results[2];
	/* Parse into one buffer while the other holds the match found so far. */
	char *scratch = results[0].buf;
	char *kept = results[1].buf;
	cmdline_parse_inst_t *found = NULL;
	int err = CMDLINE_PARSE_NOMATCH;
	cmdline_parse_inst_t *inst;
	unsigned int i;
	char *tmp;

	if (cl == NULL || buf == NULL)
		return CMDLINE_PARSE_BAD_ARGS;
	if (cmdline_isendofcommand(*skip_blanks(buf)))
		return CMDLINE_PARSE_SUCCESS;

	for (i = 0; (inst = cl->ctx[i]) != NULL; i++) {
		memset(scratch, 0, CMDLINE_PARSE_RESULT_BUFSIZE);
		switch (match_inst(inst, buf, scratch)) {
		case MATCH_NONE:
			break;
		case MATCH_PARTIAL:
			err = CMDLINE_PARSE_BAD_ARGS;
			break;
		case MATCH_FULL:
			if (found != NULL)
				return CMDLINE_PARSE_AMBIGUOUS;
			found = inst;
			tmp = kept;
			kept = scratch;
			scratch = tmp;
			break;
		}
	}
	if (found == NULL)
		return err;
	if (found->f != NULL)
		found->f(kept, cl, found->data);
	return CMDLINE_PARSE_SUCCESS;
}

/* The line being completed, cut into its finished words and the last one. */
struct partial_line {
	const char *buf;
	unsigned int nb_words; /* finished words, before the partial one */
	const char *partial;   /* the last word, maybe empty */
	size_t partial_len;
};

static void
split_line(const char *buf, struct partial_line *pl)
{
	const char *p = buf;

	pl->buf = buf;
	pl->nb_words = 0;
	for (;;) {
		p = skip_blanks(p);
		pl->partial = p;
		while (*p != '\0' && !is_blank(*p))
			p++;
		if (*p == '\0')
			break;
		pl->nb_words++;
	}
	pl->partial_len = strlen(pl->partial);
}

/*
 * Called for each thing that may come next: a word (word not NULL), a
 * token without a list of words (tk not NULL), or the end of an
 * instruction (both NULL). Returns true to stop the walk.
 */
typedef bool (*choice_fn)(void *arg, cmdline_parse_inst_t *inst,
			  cmdline_parse_token_hdr_t *tk, const char *word);

/* Walk what may follow the finished words of pl, in context order. */
static void
foreach_choice(struct cmdline *cl, const struct partial_line *pl,
	       choice_fn fn, void *arg)
{
	char word[COMPLETION_WORD_SIZE];
	cmdline_parse_token_hdr_t *tk;
	cmdline_parse_inst_t *inst;
	const char *rest;
	unsigned int i;
	int j, nb;

	for (i = 0; (inst = cl->ctx[i]) != NULL; i++) {
		if (pl->nb_words > 0 &&
		    match_tokens(inst, pl->buf, pl->nb_words, NULL, &rest) != pl->nb_words)
			continue;
		tk = inst->tokens[pl->nb_words];
		nb = 0;
		if (tk != NULL && tk->ops != NULL && tk->ops->complete_get_nb != NULL &&
		    tk->ops->complete_get_elt != NULL)
			nb = tk->ops->complete_get_nb(tk);
		if (nb <= 0) {
			if (fn(arg, inst, tk, NULL))
				return;
			continue;
		}
		for (j = 0; j < nb; j++) {
			if (tk->ops->complete_get_elt(tk, j, word, sizeof(word)) < 0)
				continue;
			if (strncmp(word, pl->partial, pl->partial_len) != 0)
				continue;
			if (fn(arg, inst, tk, word))
				return;
		}
	}
}

/* What the words starting with the partial one have in common after it. */
struct common_ending {
	size_t partial_len;
	unsigned int nb_words;
	char text[COMPLETION_WORD_SIZE + 1];
};

static bool
add_to_common(void *arg, cmdline_parse_inst_t *inst,
	      cmdline_parse_token_hdr_t *tk, const char *word)
{
	struct common_ending *c = arg;
	char ending[COMPLETION_WORD_SIZE + 1];
	size_t i;

	RTE_SET_USED(inst);
	RTE_SET_USED(tk);
	if (word == NULL)
		return false;
	/* A whole word is followed by a space, ready for the next one. */
	snprintf(ending, sizeof(ending), "%s ", word + c->partial_len);
	if (c->nb_words++ == 0) {
		strlcpy(c->text, ending, sizeof(c->text));
		return false;
	}
	for (i = 0; c->text[i] != '\0' && c->text[i] == ending[i]; i++)
		;
	c->text[i] = '\0';
	return false;
}

/* Write into dst the characters every possible word adds; false when none. */
static bool
complete_common(struct cmdline *cl, const struct partial_line *pl,
		char *dst, unsigned int size)
{
	struct common_ending common = { .partial_len = pl->partial_len };

	foreach_choice(cl, pl, add_to_common, &common);
	if (common.text[0] == '\0' || strlen(common.text) >= size)
		return false;
	strlcpy(dst, common.text, size);
	return true;
}

struct nth_choice {
	size_t partial_len;
	int skip; /* choices still to pass over */
	char *dst;
	unsigned int size;
};

static bool
format_choice(void *arg, cmdline_parse_inst_t *inst,
	      cmdline_parse_token_hdr_t *tk, const char *word)
{
	struct nth_choice *c = arg;
	char help[COMPLETION_HELP_SIZE] = "";
	const char *what;

	/* The end of an instruction is no choice once a word is started. */
	if (tk == NULL && c->partial_len > 0)
		return false;
	if (c->skip-- > 0)
		return false;
	if (tk == NULL) {
		snprintf(c->dst, c->size, "[RETURN]");
		return true;
	}
	if (tk->ops == NULL || tk->ops->get_help == NULL ||
	    tk->ops->get_help(tk, help, sizeof(help)) < 0)
		help[0] = '\0';
	what = inst->help_str != NULL ? inst->help_str : "no help";
	if (word != NULL)
		snprintf(c->dst, c->size, "%s [%s]: %s", word, help, what);
	else
		snprintf(c->dst, c->size, "[%s]: %s", help, what);
	return true;
}

/*
 * Write choice number n (from 0) into dst, as "word [token help]: command
 * help"; false past the last.
 */
static bool
list_choice(struct cmdline *cl, const struct partial_line *pl, int n,
	    char *dst, unsigned int size)
{
	struct nth_choice nth = {
		.partial_len = pl->partial_len,
		.skip = n,
		.dst = dst,
		.size = size,
	};

	foreach_choice(cl, pl, format_choice, &nth);
	return nth.skip < 0;
}

int
cmdline_complete(struct cmdline *cl, const char *buf, int *state,
		 char *dst, unsigned int size)
{
	struct partial_line pl;

	if (cl == NULL || buf == NULL || state == NULL || dst == NULL || size == 0)
		return -1;
	split_line(buf, &pl);
	dst[0] = '\0';

	if (*state == 0 && pl.partial_len > 0 && complete_common(cl, &pl, dst, size))
		return CMDLINE_PARSE_COMPLETED_BUFFER;
	if (*state < 0)
		*state = 0;
	if (!list_choice(cl, &pl, *state, dst, size))
		return CMDLINE_PARSE_COMPLETE_FINISHED;
	(*state)++;
	return CMDLINE_PARSE_COMPLETE_AGAIN;
}
