/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The device model in one process: devargs parsing (valid and malformed
 * forms), the devargs list, buses, the vdev bus probing and removing a
 * device here only, device iterators, device-event callbacks and detach
 * vetoes.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <bus_driver.h>
#include <rte_bus.h>
#include <rte_bus_vdev.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_log.h>

#include "test.h"

static int
setup(void **state)
{
	(void)state;
	return test_eal_init_once();
}

struct parse_case {
	const char *str;
	int ret;
	const char *bus;
	const char *name;
	const char *args;
};

static const struct parse_case parse_cases[] = {
	{ "hp_test0", 0, "vdev", "hp_test0", "" },
	{ "vdev:hp_test0", 0, "vdev", "hp_test0", "" },
	{ "hp_test1,fail_probe=[s1,s2],veto=p", 0, "vdev", "hp_test1", "fail_probe=[s1,s2],veto=p" },
	{ "vdev:hp_test_x,k=v,k=w", 0, "vdev", "hp_test_x", "k=v,k=w" },
	{ "hp_test2,flag", 0, "vdev", "hp_test2", "flag" },
	{ "", -EINVAL, NULL, NULL, NULL },
	{ ",k=v", -EINVAL, NULL, NULL, NULL },
	{ "vdev:", -EINVAL, NULL, NULL, NULL },
	{ "vdev:,k=v", -EINVAL, NULL, NULL, NULL },
	{ "nobus:hp_test0", -ENODEV, NULL, NULL, NULL },
	{ "vdev:no_such_driver0", -ENODEV, NULL, NULL, NULL },
	{ "no_such_driver0", -ENODEV, NULL, NULL, NULL },
	{ "hp_test0,a=[b", -EINVAL, NULL, NULL, NULL },
	{ "hp_test0,a=b]", -EINVAL, NULL, NULL, NULL },
	{ "hp_test0,=v", -EINVAL, NULL, NULL, NULL },
	{ "hp_test0123456789012345678901234567890123456789012345678901234567890", -ENAMETOOLONG,
	  NULL, NULL, NULL },
};

static void
test_parse_table(void **state)
{
	struct rte_devargs da;
	unsigned int i, bad = 0;
	char *long_args;

	(void)state;
	for (i = 0; i < RTE_DIM(parse_cases); i++) {
		const struct parse_case *c = &parse_cases[i];
		int ret = rte_devargs_parse(&da, c->str);
		bool ok = ret == c->ret;

		if (ok && ret == 0)
			ok = strcmp(rte_bus_name(da.bus), c->bus) == 0 &&
			     strcmp(da.name, c->name) == 0 && strcmp(da.args, c->args) == 0;
		if (!ok) {
			bad++;
			print_error("'%s': ret %d (want %d)\n", c->str, ret, c->ret);
		}
		rte_devargs_reset(&da);
	}
	assert_int_equal(bad, 0);
	assert_int_equal(rte_devargs_parse(NULL, "hp_test0"), -EINVAL);
	assert_int_equal(rte_devargs_parse(&da, NULL), -EINVAL);
	/* Arguments up to 4095 characters in all; one more is too long. */
	long_args = malloc(4097);
	assert_non_null(long_args);
	memcpy(long_args, "hp_test0,k=", 11);
	memset(long_args + 11, 'v', 4095 - 11);
	long_args[4095] = '\0';
	assert_int_equal(rte_devargs_parse(&da, long_args), 0);
	assert_int_equal(strlen(da.args), 4095 - 9);
	rte_devargs_reset(&da);
	long_args[4095] = 'v';
	long_args[4096] = '\0';
	assert_int_equal(rte_devargs_parse(&da, long_args), -ENAMETOOLONG);
	free(long_args);
	assert_int_equal(rte_devargs_parsef(&da, "hp_test%d,k=%s", 7, "v"), 0);
	assert_string_equal(da.name, "hp_test7");
	assert_string_equal(da.args, "k=v");
	rte_devargs_reset(&da);
}

static void
test_devargs_list(void **state)
{
	struct rte_devargs *da, probe;
	unsigned int before = rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), n = 0;
	struct test_capture cap;
	char *buf;

	(void)state;
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "hp_test20,a=1"), 0);
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "hp_test21"), 0);
	/* The same device again replaces its arguments. */
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "hp_test20,a=2"), 0);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), before + 2);
	RTE_EAL_DEVARGS_FOREACH("vdev", da) {
		if (strcmp(da->name, "hp_test20") == 0)
			assert_string_equal(da->args, "a=2");
		n++;
	}
	assert_int_equal(n, before + 2);
	assert_int_equal(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, "nobus:x"), -ENODEV);

	rte_devargs_dump(test_capture_open(&cap));
	buf = test_capture_close(&cap);
	assert_text_has(buf, "[vdev]: hp_test20 a=2");
	free(buf);

	assert_int_equal(rte_devargs_parse(&probe, "hp_test20"), 0);
	assert_int_equal(rte_devargs_remove(&probe), 0);
	assert_int_equal(rte_devargs_remove(&probe), 1);
	rte_devargs_reset(&probe);
	assert_int_equal(rte_devargs_parse(&probe, "hp_test21"), 0);
	assert_int_equal(rte_devargs_remove(&probe), 0);
	rte_devargs_reset(&probe);
	assert_int_equal(rte_devargs_type_count(RTE_DEVTYPE_VIRTUAL), before);
}

static void
test_buses(void **state)
{
	struct test_capture cap;
	char *buf;

	(void)state;
	assert_non_null(rte_bus_find_by_name("vdev"));
	assert_null(rte_bus_find_by_name("nobus"));
	assert_string_equal(rte_bus_name(rte_bus_find_by_name("vdev")), "vdev");
	rte_bus_dump(test_capture_open(&cap));
	buf = test_capture_close(&cap);
	assert_text_has(buf, "vdev");
	free(buf);
}

/* Two buses of the test's own, for rte_bus_scan and rte_bus_get_iommu_class. */
static int tbus_scan_ret[2];
static unsigned int tbus_scans[2];
static enum rte_iova_mode tbus_iommu[2];

static int
tbus_scan_a(void)
{
	tbus_scans[0]++;
	return tbus_scan_ret[0];
}

static int
tbus_scan_b(void)
{
	tbus_scans[1]++;
	return tbus_scan_ret[1];
}

static enum rte_iova_mode
tbus_iommu_a(void)
{
	return tbus_iommu[0];
}

static enum rte_iova_mode
tbus_iommu_b(void)
{
	return tbus_iommu[1];
}

static int
tbus_probe(void)
{
	return 0;
}

/* No name is theirs: they never take part in devargs. */
static int
tbus_parse(const char *name, void *addr)
{
	(void)name;
	(void)addr;
	return -1;
}

static struct rte_device *
tbus_find(const struct rte_device *start, rte_dev_cmp_t cmp, const void *data)
{
	(void)start;
	(void)cmp;
	(void)data;
	return NULL;
}

/*
 * rte_bus_scan scans every bus even after one failed, and returns the
 * first error; rte_bus_get_iommu_class gives what the buses with a
 * preference agree on, DC when none has one or they disagree.
 */
static void
test_bus_scan_and_iommu_class(void **state)
{
	struct rte_bus a = { .name = "tbus_a", .scan = tbus_scan_a, .probe = tbus_probe,
			     .find_device = tbus_find, .parse = tbus_parse,
			     .get_iommu_class = tbus_iommu_a };
	struct rte_bus b = { .name = "tbus_b", .scan = tbus_scan_b, .probe = tbus_probe,
			     .find_device = tbus_find, .parse = tbus_parse,
			     .get_iommu_class = tbus_iommu_b };
	static const struct {
		enum rte_iova_mode a, b, expect;
	} classes[] = {
		{ RTE_IOVA_DC, RTE_IOVA_DC, RTE_IOVA_DC },
		{ RTE_IOVA_PA, RTE_IOVA_DC, RTE_IOVA_PA },
		{ RTE_IOVA_DC, RTE_IOVA_VA, RTE_IOVA_VA },
		{ RTE_IOVA_VA, RTE_IOVA_VA, RTE_IOVA_VA },
		{ RTE_IOVA_PA, RTE_IOVA_VA, RTE_IOVA_DC },
	};
	unsigned int i;

	(void)state;
	rte_bus_register(&a);
	rte_bus_register(&b);
	tbus_scan_ret[0] = -EIO;
	tbus_scan_ret[1] = 0;
	tbus_scans[0] = tbus_scans[1] = 0;
	assert_int_equal(rte_bus_scan(), -EIO);
	assert_int_equal(tbus_scans[0], 1);
	assert_int_equal(tbus_scans[1], 1);
	tbus_scan_ret[0] = 0;
	assert_int_equal(rte_bus_scan(), 0);
	/* The tree's own buses (PCI here: no device a driver takes) have no preference. */
	for (i = 0; i < RTE_DIM(classes); i++) {
		tbus_iommu[0] = classes[i].a;
		tbus_iommu[1] = classes[i].b;
		if (rte_bus_get_iommu_class() != classes[i].expect)
			fail_msg("buses %d and %d: class %d, expected %d", classes[i].a,
				 classes[i].b, rte_bus_get_iommu_class(), classes[i].expect);
	}
	rte_bus_unregister(&b);
	rte_bus_unregister(&a);
	assert_null(rte_bus_find_by_name("tbus_a"));
}

static int
count_devices(const char *str)
{
	struct rte_dev_iterator it;
	struct rte_device *dev;
	int n = 0;

	RTE_DEV_FOREACH(dev, str, &it)
		n++;
	return n;
}

/* rte_vdev_init probes in this process only; twice is -EEXIST; uninit removes. */
static void
test_vdev_local(void **state)
{
	struct rte_bus *vdev = rte_bus_find_by_name("vdev");

	(void)state;
	assert_int_equal(rte_vdev_init("hp_test30", "veto=nobody"), 0);
	assert_int_equal(rte_vdev_init("hp_test30", NULL), -EEXIST);
	assert_int_equal(rte_vdev_init("hp_test31", "fail_probe=all"), -EIO);
	assert_int_equal(rte_vdev_init("no_driver0", NULL), -ENODEV);
	/* The bus whose naming accepts the name, device or not, as DPDK's. */
	assert_ptr_equal(rte_bus_find_by_device_name("hp_test30"), vdev);
	assert_ptr_equal(rte_bus_find_by_device_name("hp_test31,fail_probe=all"), vdev);
	assert_ptr_equal(rte_bus_find_by_device_name("0000:00:01.0"),
			 rte_bus_find_by_name("pci"));
	assert_null(rte_bus_find_by_device_name("no_driver0"));
	assert_null(rte_bus_find_by_device_name(NULL));

	assert_int_equal(count_devices("bus=vdev"), 1);
	assert_int_equal(count_devices("bus=vdev,name=hp_test30"), 1);
	assert_int_equal(count_devices("bus=vdev,name=hp_test99"), 0);
	assert_int_equal(count_devices("bus=nobus"), 0);
	assert_int_equal(count_devices("nothing=here"), 0);

	/* In a lone primary, the group-wide API is local too. */
	assert_int_equal(rte_eal_hotplug_add("vdev", "hp_test32", "veto=nobody"), 0);
	assert_int_equal(count_devices("bus=vdev"), 2);
	assert_int_equal(rte_eal_hotplug_remove("vdev", "hp_test32"), 0);
	assert_int_equal(rte_eal_hotplug_remove("vdev", "hp_test32"), -ENOENT);
	assert_int_equal(rte_eal_hotplug_remove("nobus", "hp_test32"), -ENOENT);

	assert_int_equal(rte_vdev_uninit("hp_test30"), 0);
	assert_int_equal(rte_vdev_uninit("hp_test30"), -ENOENT);
	assert_int_equal(count_devices("bus=vdev"), 0);
}

static int veto_calls;

static int
veto_all(const char *name, void *arg)
{
	(void)name;
	veto_calls++;
	return arg != NULL ? -EBUSY : 0;
}

static void
test_veto_registry(void **state)
{
	(void)state;
	assert_int_equal(rte_dev_detach_veto_register(NULL, NULL), -EINVAL);
	assert_int_equal(rte_dev_detach_veto_register(veto_all, (void *)1), 0);
	assert_int_equal(rte_dev_detach_veto_register(veto_all, (void *)1), -EEXIST);
	assert_int_equal(rte_dev_probe("hp_test40"), 0);
	assert_int_equal(rte_eal_hotplug_remove("vdev", "hp_test40"), -EBUSY);
	assert_true(veto_calls >= 1);
	assert_int_equal(rte_dev_detach_veto_unregister(veto_all, (void *)-1), 1);
	assert_int_equal(rte_dev_detach_veto_unregister(veto_all, (void *)-1), -ENOENT);
	assert_int_equal(rte_eal_hotplug_remove("vdev", "hp_test40"), 0);
}

static char event_seen[128];

static void
on_event(const char *name, enum rte_dev_event_type event, void *arg)
{
	snprintf(event_seen + strlen(event_seen), sizeof(event_seen) - strlen(event_seen),
		 "%s:%s:%d ", (const char *)arg, name, event);
}

static void
test_dev_events(void **state)
{
	(void)state;
	event_seen[0] = '\0';
	assert_int_equal(rte_dev_event_callback_register(NULL, on_event, "any"), 0);
	assert_int_equal(rte_dev_event_callback_register("dev1", on_event, "one"), 0);
	assert_int_equal(rte_dev_event_callback_register("dev1", on_event, "one"), -EEXIST);
	assert_int_equal(rte_dev_event_callback_register("dev1", NULL, NULL), -EINVAL);
	rte_dev_event_callback_process("dev1", RTE_DEV_EVENT_REMOVE);
	rte_dev_event_callback_process("dev2", RTE_DEV_EVENT_ADD);
	rte_dev_event_callback_process("dev2", RTE_DEV_EVENT_MAX);
	assert_string_equal(event_seen, "any:dev1:1 one:dev1:1 any:dev2:0 ");
	assert_int_equal(rte_dev_event_callback_unregister("dev1", on_event, (void *)-1), 1);
	assert_int_equal(rte_dev_event_callback_unregister(NULL, on_event, "any"), 1);
	assert_int_equal(rte_dev_event_callback_unregister(NULL, on_event, "any"), -ENOENT);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_parse_table),
	cmocka_unit_test(test_devargs_list),
	cmocka_unit_test(test_buses),
	cmocka_unit_test(test_bus_scan_and_iommu_class),
	cmocka_unit_test_setup(test_vdev_local, setup),
	cmocka_unit_test_setup(test_veto_registry, setup),
	cmocka_unit_test(test_dev_events),
};

REGISTER_TEST_GROUP(devargs, tests);
