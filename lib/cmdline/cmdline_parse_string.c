/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cmdline_parse.h"
#include "cmdline_parse_string.h"

struct cmdline_token_ops cmdline_token_string_ops = {
	.parse = cmdline_parse_string,
	.complete_get_nb = cmdline_complete_get_nb_string,
	.complete_get_elt = cmdline_complete_get_elt_string,
	.get_help = cmdline_get_help_string,
};

static const char *
string_of(cmdline_parse_token_hdr_t *tk)
{
	return ((struct cmdline_token_string *)tk)->string_data.str;
}

static bool
is_multi(const char *str)
{
	return str != NULL && str[0] == '\0';
}

static size_t
length_until(const char *buf, int (*is_end)(char))
{
	size_t len = 0;

	while (!is_end(buf[len]))
		len++;
	return len;
}

/* Whether the len characters of word are one of the '#'-separated choices. */
static bool
is_choice(const char *choices, const char *word, size_t len)
{
	size_t n;

	for (;;) {
		n = strcspn(choices, "#");
		if (n == len && strncmp(choices, word, len) == 0)
			return true;
		if (choices[n] == '\0')
			return false;
		choices += n + 1;
	}
}

static int
store(const char *buf, size_t len, void *res)
{
	if (res != NULL) {
		memcpy(res, buf, len);
		((char *)res)[len] = '\0';
	}
	return (int)len;
}

/* The rest of the command, without the blanks that end it. */
static int
parse_multi(const char *buf, void *res, unsigned int ressize)
{
	size_t len;

	if (res != NULL && ressize < STR_MULTI_TOKEN_SIZE)
		return -1;
	len = length_until(buf, cmdline_isendofcommand);
	while (len > 0 && (buf[len - 1] == ' ' || buf[len - 1] == '\t'))
		len--;
	if (len == 0 || len >= STR_MULTI_TOKEN_SIZE)
		return -1;
	return store(buf, len, res);
}

int
cmdline_parse_string(cmdline_parse_token_hdr_t *tk, const char *buf,
		     void *res, unsigned int ressize)
{
	const char *str;
	size_t len;

	if (tk == NULL || buf == NULL)
		return -1;
	str = string_of(tk);
	if (is_multi(str))
		return parse_multi(buf, res, ressize);
	if (res != NULL && ressize < STR_TOKEN_SIZE)
		return -1;
	len = length_until(buf, cmdline_isendoftoken);
	if (len == 0 || len >= STR_TOKEN_SIZE)
		return -1;
	if (str != NULL && !is_choice(str, buf, len))
		return -1;
	return store(buf, len, res);
}

int
cmdline_complete_get_nb_string(cmdline_parse_token_hdr_t *tk)
{
	const char *str;
	int nb = 1;

	if (tk == NULL)
		return -1;
	str = string_of(tk);
	if (str == NULL || is_multi(str))
		return 0;
	for (; *str != '\0'; str++)
		nb += *str == '#';
	return nb;
}

int
cmdline_complete_get_elt_string(cmdline_parse_token_hdr_t *tk, int idx,
				char *dstbuf, unsigned int size)
{
	const char *str;
	size_t n;

	if (tk == NULL || dstbuf == NULL || idx < 0)
		return -1;
	str = string_of(tk);
	if (str == NULL || is_multi(str))
		return -1;
	for (; idx > 0; idx--) {
		str = strchr(str, '#');
		if (str == NULL)
			return -1;
		str++;
	}
	n = strcspn(str, "#");
	if (n >= size)
		return -1;
	memcpy(dstbuf, str, n);
	dstbuf[n] = '\0';
	return 0;
}

int
cmdline_get_help_string(cmdline_parse_token_hdr_t *tk, char *dstbuf,
			unsigned int size)
{
	const char *str;
	const char *help;

	if (tk == NULL || dstbuf == NULL)
		return -1;
	str = string_of(tk);
	if (str == NULL)
		help = "word";
	else if (is_multi(str))
		help = "words";
	else if (strchr(str, '#') != NULL)
		help = "choice";
	else
		help = "keyword";
	snprintf(dstbuf, size, "%s", help);
	return 0;
}
