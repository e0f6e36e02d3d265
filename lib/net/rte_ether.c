/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <stdio.h>

#include <rte_errno.h>
#include <rte_ether.h>
#include <rte_random.h>
#include <rte_string_fns.h>

void
rte_eth_random_addr(uint8_t *addr)
{
	uint64_t rand = rte_rand();

	memcpy(addr, &rand, RTE_ETHER_ADDR_LEN);
	/* A made-up address must not claim a vendor's space nor a group. */
	addr[0] &= (uint8_t)~RTE_ETHER_GROUP_ADDR;
	addr[0] |= RTE_ETHER_LOCAL_ADMIN_ADDR;
}

void
rte_ether_format_addr(char *buf, uint16_t size,
		      const struct rte_ether_addr *eth_addr)
{
	snprintf(buf, size, RTE_ETHER_ADDR_PRT_FMT, RTE_ETHER_ADDR_BYTES(eth_addr));
}

/*
 * Read exactly ngroups groups of one to maxdigits hex digits separated by
 * sep, making up the whole of s.
 */
static int
parse_groups(const char *s, unsigned int ngroups, unsigned int maxdigits,
	     char sep, uint16_t *groups)
{
	unsigned int i, n;
	int digit;

	for (i = 0; i < ngroups; i++) {
		if (i > 0 && *s++ != sep)
			return -1;
		groups[i] = 0;
		for (n = 0; n < maxdigits && (digit = rte_hex_digit_value(*s)) >= 0; n++, s++)
			groups[i] = (uint16_t)(groups[i] << 4 | digit);
		if (n == 0)
			return -1;
	}
	return *s == '\0' ? 0 : -1;
}

int
rte_ether_unformat_addr(const char *str, struct rte_ether_addr *eth_addr)
{
	static const struct {
		unsigned int ngroups;
		unsigned int maxdigits;
		char sep;
	} forms[] = {
		{ 6, 2, ':' },
		{ 6, 2, '-' },
		{ 3, 4, '.' },
		{ 3, 4, ':' },
	};
	uint16_t groups[RTE_ETHER_ADDR_LEN];
	unsigned int f, i;

	if (str == NULL || eth_addr == NULL)
		goto invalid;
	for (f = 0; f < RTE_DIM(forms); f++) {
		if (parse_groups(str, forms[f].ngroups, forms[f].maxdigits,
				 forms[f].sep, groups) < 0)
			continue;
		if (forms[f].ngroups == RTE_ETHER_ADDR_LEN) {
			for (i = 0; i < RTE_ETHER_ADDR_LEN; i++)
				eth_addr->addr_bytes[i] = (uint8_t)groups[i];
		} else {
			for (i = 0; i < forms[f].ngroups; i++) {
				eth_addr->addr_bytes[2 * i] = (uint8_t)(groups[i] >> 8);
				eth_addr->addr_bytes[2 * i + 1] = (uint8_t)groups[i];
			}
		}
		return 0;
	}
invalid:
	rte_errno = EINVAL;
	return -1;
}
