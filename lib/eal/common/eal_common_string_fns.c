/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_string_fns.h>

int
rte_strsplit(char *string, int stringlen, char **tokens, int maxtokens, char delim)
{
	int i, tok = 0;
	int tokstart = 1; /* the next character starts a token */

	if (string == NULL || tokens == NULL || stringlen <= 0 || maxtokens <= 0) {
		errno = EINVAL;
		return -1;
	}
	for (i = 0; i < stringlen; i++) {
		if (string[i] == '\0' || tok >= maxtokens)
			break;
		if (tokstart) {
			tokstart = 0;
			tokens[tok++] = &string[i];
		}
		if (string[i] == delim) {
			string[i] = '\0';
			tokstart = 1;
		}
	}
	return tok;
}

ssize_t
rte_strscpy(char *dst, const char *src, size_t dsize)
{
	size_t len;

	if (dsize == 0) {
		rte_errno = E2BIG;
		return -E2BIG;
	}
	len = strnlen(src, dsize);
	if (len == dsize) {
		memcpy(dst, src, dsize - 1);
		dst[dsize - 1] = '\0';
		rte_errno = E2BIG;
		return -E2BIG;
	}
	memcpy(dst, src, len + 1);
	return (ssize_t)len;
}

uint64_t
rte_str_to_size(const char *str)
{
	unsigned long long size;
	char *end;

	while (isspace((unsigned char)*str))
		str++;
	if (*str == '-')
		return 0;
	errno = 0;
	size = strtoull(str, &end, 0);
	if (errno != 0 || end == str)
		return 0;
	switch (*end) {
	case 'G': case 'g':
		size *= 1024;
		/* fall through */
	case 'M': case 'm':
		size *= 1024;
		/* fall through */
	case 'K': case 'k':
		size *= 1024;
		break;
	default:
		break;
	}
	return size;
}
