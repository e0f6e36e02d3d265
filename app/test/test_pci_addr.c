/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * PCI names in one process, no EAL needed: address parsing and
 * formatting, ordering, id-table matching, devargs in canonical form, and
 * -a/-b decisions.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <bus_driver.h>
#include <bus_pci_driver.h>
#include <rte_bus.h>
#include <rte_bus_pci.h>
#include <rte_common.h>
#include <rte_devargs.h>

#include "pci_private.h"
#include "test.h"

struct addr_case {
	const char *str;
	int ret;
	struct rte_pci_addr addr;
};

static const struct addr_case addr_cases[] = {
	{ "0000:00:05.0", 0, { 0, 0, 5, 0 } },
	{ "00:05.0", 0, { 0, 0, 5, 0 } },
	{ "0001:02:1f.7", 0, { 1, 2, 0x1f, 7 } },
	{ "ABCD:EF:01.2", 0, { 0xabcd, 0xef, 1, 2 } },
	{ "ffffffff:ff:1f.7", 0, { 0xffffffff, 0xff, 0x1f, 7 } },
	{ "10000:00:00.0", 0, { 0x10000, 0, 0, 0 } },
	{ "1:2:3.4", 0, { 1, 2, 3, 4 } },
	{ "ff:00.1", 0, { 0, 0xff, 0, 1 } },
	{ "", -EINVAL, { 0, 0, 0, 0 } },
	{ "0000:00:05", -EINVAL, { 0, 0, 0, 0 } },
	{ "0000:00:05.8", -EINVAL, { 0, 0, 0, 0 } },
	{ "0000:00:20.0", -EINVAL, { 0, 0, 0, 0 } },
	{ "0000:100:05.0", -EINVAL, { 0, 0, 0, 0 } },
	{ "123456789:00:05.0", -EINVAL, { 0, 0, 0, 0 } },
	{ "0000:00:05.0 ", -EINVAL, { 0, 0, 0, 0 } },
	{ " 0000:00:05.0", -EINVAL, { 0, 0, 0, 0 } },
	{ "0000:00:05.0,k=v", -EINVAL, { 0, 0, 0, 0 } },
	{ "0000-00-05.0", -EINVAL, { 0, 0, 0, 0 } },
	{ "00:05", -EINVAL, { 0, 0, 0, 0 } },
	{ "g0:05.0", -EINVAL, { 0, 0, 0, 0 } },
	{ "0000::05.0", -EINVAL, { 0, 0, 0, 0 } },
	{ "0000:00:05.", -EINVAL, { 0, 0, 0, 0 } },
	{ "0000:00:.0", -EINVAL, { 0, 0, 0, 0 } },
	{ "0:0:0:05.0", -EINVAL, { 0, 0, 0, 0 } },
	{ "0000:00:05.00", -EINVAL, { 0, 0, 0, 0 } },
	{ "-1:00:05.0", -EINVAL, { 0, 0, 0, 0 } },
	{ "hp_test0", -EINVAL, { 0, 0, 0, 0 } },
};

static void
test_parse_table(void **state)
{
	struct rte_pci_addr a, zeroed;
	unsigned int i, bad = 0;

	(void)state;
	for (i = 0; i < RTE_DIM(addr_cases); i++) {
		const struct addr_case *c = &addr_cases[i];
		int ret;

		/* Padding too must be written, whatever was there. */
		memset(&a, 0xa5, sizeof(a));
		ret = rte_pci_addr_parse(c->str, &a);
		memset(&zeroed, 0, sizeof(zeroed));
		zeroed.domain = c->addr.domain;
		zeroed.bus = c->addr.bus;
		zeroed.devid = c->addr.devid;
		zeroed.function = c->addr.function;
		if (ret != c->ret || (ret == 0 && memcmp(&a, &zeroed, sizeof(a)) != 0)) {
			bad++;
			print_error("'%s': ret %d (want %d), " PCI_PRI_FMT "\n", c->str, ret,
				    c->ret, a.domain, a.bus, a.devid, a.function);
		}
	}
	assert_int_equal(bad, 0);
	assert_int_equal(rte_pci_addr_parse(NULL, &a), -EINVAL);
	assert_int_equal(rte_pci_addr_parse("0000:00:05.0", NULL), -EINVAL);
}

/* The bus's parse gives the EAL bytes it can memcmp: short and long forms alike. */
static void
test_bus_parse_memcmp(void **state)
{
	struct rte_bus *bus = rte_bus_find_by_name("pci");
	uint8_t a[64], b[64];

	(void)state;
	assert_non_null(bus);
	memset(a, 0x11, sizeof(a));
	memset(b, 0x22, sizeof(b));
	assert_int_equal(bus->parse("00:05.0", a), 0);
	assert_int_equal(bus->parse("0000:00:05.0", b), 0);
	assert_memory_equal(a, b, sizeof(struct rte_pci_addr));
	assert_int_equal(bus->parse("0000:00:05.1", b), 0);
	assert_memory_not_equal(a, b, sizeof(struct rte_pci_addr));
	assert_int_not_equal(bus->parse("net_null0", NULL), 0);
}

static void
test_format(void **state)
{
	static const struct {
		struct rte_pci_addr addr;
		const char *name;
		const char *short_name;
	} cases[] = {
		{ { 0, 0, 5, 0 }, "0000:00:05.0", "00:05.0" },
		{ { 1, 0xab, 0x1f, 7 }, "0001:ab:1f.7", "ab:1f.7" },
		{ { 0x10000, 0, 0, 0 }, "10000:00:00.0", "00:00.0" },
		{ { 0xffffffff, 0xff, 0x1f, 7 }, "ffffffff:ff:1f.7", "ff:1f.7" },
	};
	char buf[PCI_PRI_STR_SIZE], small[5];
	struct rte_pci_addr back;
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(cases); i++) {
		rte_pci_device_name(&cases[i].addr, buf, sizeof(buf));
		assert_string_equal(buf, cases[i].name);
		snprintf(buf, sizeof(buf), PCI_SHORT_PRI_FMT, cases[i].addr.bus,
			 cases[i].addr.devid, cases[i].addr.function);
		assert_string_equal(buf, cases[i].short_name);
		/* And back. */
		rte_pci_device_name(&cases[i].addr, buf, sizeof(buf));
		assert_int_equal(rte_pci_addr_parse(buf, &back), 0);
		assert_int_equal(rte_pci_addr_cmp(&back, &cases[i].addr), 0);
	}
	rte_pci_device_name(&cases[0].addr, small, sizeof(small));
	assert_string_equal(small, "0000");
}

struct cmp_case {
	struct rte_pci_addr a;
	struct rte_pci_addr b;
	int sign;
};

static const struct cmp_case cmp_cases[] = {
	{ { 0, 0, 5, 0 }, { 0, 0, 5, 0 }, 0 },
	/* Only the domain differs. */
	{ { 0, 0, 5, 0 }, { 1, 0, 5, 0 }, -1 },
	{ { 0x10000, 0, 5, 0 }, { 0, 0, 5, 0 }, 1 },
	{ { 0xffffffff, 3, 5, 0 }, { 0x7fffffff, 3, 5, 0 }, 1 },
	/* Only the function differs. */
	{ { 0, 0, 5, 0 }, { 0, 0, 5, 1 }, -1 },
	{ { 0, 0, 5, 7 }, { 0, 0, 5, 6 }, 1 },
	/* Only the bus, only the device. */
	{ { 0, 1, 5, 0 }, { 0, 0, 5, 0 }, 1 },
	{ { 0, 0, 4, 0 }, { 0, 0, 5, 0 }, -1 },
	/* The domain weighs more than everything after it. */
	{ { 1, 0, 0, 0 }, { 0, 0xff, 0x1f, 7 }, 1 },
	{ { 0, 1, 0, 0 }, { 0, 0, 0x1f, 7 }, 1 },
	{ { 0, 0, 1, 0 }, { 0, 0, 0, 7 }, 1 },
};

static int
sign(int v)
{
	return v < 0 ? -1 : v > 0;
}

static void
test_cmp_table(void **state)
{
	unsigned int i, bad = 0;

	(void)state;
	for (i = 0; i < RTE_DIM(cmp_cases); i++) {
		const struct cmp_case *c = &cmp_cases[i];
		int ab = sign(rte_pci_addr_cmp(&c->a, &c->b));
		int ba = sign(rte_pci_addr_cmp(&c->b, &c->a));

		if (ab != c->sign || ba != -c->sign) {
			bad++;
			print_error("case %u: cmp %d / %d (want %d)\n", i, ab, ba, c->sign);
		}
	}
	assert_int_equal(bad, 0);
}

static void
test_id_match(void **state)
{
	static const struct rte_pci_id table[] = {
		{ RTE_PCI_DEVICE(0x5a17, 0x0001) },
		{ .class_id = 0x020000, .vendor_id = 0x8086, .device_id = RTE_PCI_ANY_ID,
		  .subsystem_vendor_id = RTE_PCI_ANY_ID, .subsystem_device_id = RTE_PCI_ANY_ID },
		{ .class_id = RTE_CLASS_ANY_ID, .vendor_id = 0x1af4, .device_id = 0x1041,
		  .subsystem_vendor_id = 0x1af4, .subsystem_device_id = 0x0001 },
		{ .vendor_id = 0 },
	};
	static const struct {
		struct rte_pci_id id;
		int entry;    /* -1: no match */
	} cases[] = {
		{ { 0x020000, 0x5a17, 0x0001, 0x5a17, 0 }, 0 },
		{ { 0x010000, 0x5a17, 0x0001, 0, 0 }, 0 },
		{ { 0x020000, 0x5a17, 0x0002, 0x5a17, 0 }, -1 },
		{ { 0x020000, 0x8086, 0x10fb, 0x8086, 1 }, 1 },
		{ { 0x020000, 0x8086, 0x1234, 0x1028, 7 }, 1 },
		{ { 0x010802, 0x8086, 0x0953, 0x8086, 1 }, -1 },
		{ { 0x020000, 0x1af4, 0x1041, 0x1af4, 0x0001 }, 2 },
		{ { 0x020000, 0x1af4, 0x1041, 0x1af4, 0x0002 }, -1 },
		{ { 0x020000, 0x1af4, 0x1041, 0x1234, 0x0001 }, -1 },
		{ { 0xffffff, 0xffff, 0xffff, 0xffff, 0xffff }, -1 },
	};
	unsigned int i;

	(void)state;
	for (i = 0; i < RTE_DIM(cases); i++) {
		const struct rte_pci_id *m = pci_match_id(table, &cases[i].id);
		int entry = m == NULL ? -1 : (int)(m - table);

		if (entry != cases[i].entry)
			fail_msg("case %u matches entry %d, expected %d", i, entry, cases[i].entry);
	}
	assert_null(pci_match_id(NULL, &cases[0].id));
}

/* Devargs for PCI carry the canonical name, whichever form was written. */
static void
test_devargs_canonical(void **state)
{
	struct rte_devargs da;

	(void)state;
	assert_int_equal(rte_devargs_parse(&da, "pci:00:05.0,k=v"), 0);
	assert_string_equal(rte_bus_name(da.bus), "pci");
	assert_string_equal(da.name, "0000:00:05.0");
	assert_string_equal(da.args, "k=v");
	rte_devargs_reset(&da);
	assert_int_equal(rte_devargs_parse(&da, "0001:00:05.1"), 0);
	assert_string_equal(rte_bus_name(da.bus), "pci");
	assert_string_equal(da.name, "0001:00:05.1");
	rte_devargs_reset(&da);
	assert_int_equal(rte_devargs_parse(&da, "pci:0000:00:20.0"), -ENODEV);
	assert_int_equal(rte_devargs_parse(&da, "pci:vdev0"), -ENODEV);
}

static void
list_remove(const char *name)
{
	struct rte_devargs da;

	assert_int_equal(rte_devargs_parse(&da, name), 0);
	assert_int_equal(rte_devargs_remove(&da), 0);
	rte_devargs_reset(&da);
}

/* -b blocks exactly that device; -a allows exactly those; short and long forms alike. */
static void
test_allow_block(void **state)
{
	struct rte_bus *bus = rte_bus_find_by_name("pci");

	(void)state;
	assert_non_null(bus);
	assert_true(rte_bus_device_allowed(bus, "0000:00:05.0"));
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_BLOCKED, "0000:00:05.0"), 0);
	assert_false(rte_bus_device_allowed(bus, "0000:00:05.0"));
	assert_false(rte_bus_device_allowed(bus, "00:05.0"));
	assert_true(rte_bus_device_allowed(bus, "0001:00:05.0"));
	assert_true(rte_bus_device_allowed(bus, "0000:00:05.1"));
	assert_true(rte_bus_device_allowed(bus, "0000:01:05.0"));
	/* One list or the other. */
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_ALLOWED, "0000:00:06.0"), -EINVAL);
	list_remove("0000:00:05.0");
	bus->conf.scan_mode = RTE_BUS_SCAN_UNDEFINED;

	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_ALLOWED, "0001:00:05.0"), 0);
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_ALLOWED, "00:05.1"), 0);
	assert_true(rte_bus_device_allowed(bus, "0001:00:05.0"));
	assert_true(rte_bus_device_allowed(bus, "0000:00:05.1"));
	assert_true(rte_bus_device_allowed(bus, "00:05.1"));
	assert_false(rte_bus_device_allowed(bus, "0000:00:05.0"));
	assert_false(rte_bus_device_allowed(bus, "0002:00:05.0"));
	list_remove("0001:00:05.0");
	list_remove("0000:00:05.1");
	bus->conf.scan_mode = RTE_BUS_SCAN_UNDEFINED;
	assert_true(rte_bus_device_allowed(bus, "0000:00:05.0"));
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_parse_table),
	cmocka_unit_test(test_bus_parse_memcmp),
	cmocka_unit_test(test_format),
	cmocka_unit_test(test_cmp_table),
	cmocka_unit_test(test_id_match),
	cmocka_unit_test(test_devargs_canonical),
	cmocka_unit_test(test_allow_block),
};

REGISTER_TEST_GROUP(pci_addr, tests);
