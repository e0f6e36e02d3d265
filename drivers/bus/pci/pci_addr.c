/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/* PCI addresses: parsing, formatting, ordering. Pure functions. */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_bus_pci.h>
#include <rte_common.h>
#include <rte_string_fns.h>

/*
 * One field: one to max_digits hex digits, at most limit, followed by end.
 * Returns what follows end, or NULL.
 */
static const char *
field(const char *s, unsigned int max_digits, uint32_t limit, char end, uint32_t *val)
{
	uint64_t v = 0;
	unsigned int n = 0;
	int d;

	while ((d = rte_hex_digit_value(*s)) >= 0) {
		if (++n > max_digits)
			return NULL;
		v = v * 16 + (uint64_t)d;
		s++;
	}
	if (n == 0 || v > limit || *s != end)
		return NULL;
	*val = (uint32_t)v;
	return end != '\0' ? s + 1 : s;
}

int
rte_pci_addr_parse(const char *str, struct rte_pci_addr *addr)
{
	uint32_t domain = 0, bus, devid, function;
	const char *p = str;

	if (str == NULL || addr == NULL)
		return -EINVAL;
	/* Two colons: a domain comes first; one: the short form. */
	if (strchr(str, ':') != strrchr(str, ':'))
		p = field(p, 8, UINT32_MAX, ':', &domain);
	if (p != NULL)
		p = field(p, 2, UINT8_MAX, ':', &bus);
	if (p != NULL)
		p = field(p, 2, 0x1f, '.', &devid);
	if (p != NULL)
		p = field(p, 1, 7, '\0', &function);
	if (p == NULL)
		return -EINVAL;
	memset(addr, 0, sizeof(*addr));
	addr->domain = domain;
	addr->bus = (uint8_t)bus;
	addr->devid = (uint8_t)devid;
	addr->function = (uint8_t)function;
	return 0;
}

void
rte_pci_device_name(const struct rte_pci_addr *addr, char *output, size_t size)
{
	if (addr == NULL || output == NULL || size == 0)
		return;
	snprintf(output, size, PCI_PRI_FMT, addr->domain, addr->bus, addr->devid, addr->function);
}

static int
order(uint32_t a, uint32_t b)
{
	return a < b ? -1 : a > b;
}

int
rte_pci_addr_cmp(const struct rte_pci_addr *addr, const struct rte_pci_addr *addr2)
{
	int c;

	if (addr == NULL || addr2 == NULL)
		return addr == addr2 ? 0 : addr == NULL ? -1 : 1;
	c = order(addr->domain, addr2->domain);
	if (c == 0)
		c = order(addr->bus, addr2->bus);
	if (c == 0)
		c = order(addr->devid, addr2->devid);
	if (c == 0)
		c = order(addr->function, addr2->function);
	return c;
}
