/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_STRING_FNS_H_
#define _RTE_STRING_FNS_H_

/**
 * @file
 * String helpers (DPDK 22.11 API).
 */

#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Split string in place at delim into at most maxtokens tokens. Returns the
 * number of tokens, or -1 with errno = EINVAL on bad arguments.
 */
int rte_strsplit(char *string, int stringlen, char **tokens, int maxtokens, char delim);

/** BSD strlcpy: copy with truncation, always terminated; returns strlen(src). */
static inline size_t
rte_strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size != 0) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

/** BSD strlcat: append with truncation; returns the length it tried to create. */
static inline size_t
rte_strlcat(char *dst, const char *src, size_t size)
{
	size_t l = strnlen(dst, size);

	if (l < size)
		return l + rte_strlcpy(dst + l, src, size - l);
	return l + strlen(src);
}

/*
 * glibc gained strlcpy/strlcat in 2.38; before that DPDK code expects them
 * from here.
 */
#if !(defined(__GLIBC__) && defined(__GLIBC_PREREQ) && __GLIBC_PREREQ(2, 38))
#ifndef strlcpy
#define strlcpy(dst, src, size) rte_strlcpy(dst, src, size)
#endif
#ifndef strlcat
#define strlcat(dst, src, size) rte_strlcat(dst, src, size)
#endif
#endif

/**
 * The value of the hexadecimal digit c (0-9, a-f, A-F), or -1 when c is
 * not one. Unlike isxdigit(), it does not depend on the locale.
 */
static inline int
rte_hex_digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/**
 * Copy src into dst of dsize bytes. Returns the length copied, or -E2BIG
 * (with rte_errno set) when src did not fit and was truncated.
 */
ssize_t rte_strscpy(char *dst, const char *src, size_t dsize);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_STRING_FNS_H_ */
