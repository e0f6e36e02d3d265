/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Device events: the kernel uevent parser fed messages as the kernel
 * sends them (and broken ones), the monitor started and stopped, a real
 * uevent seen end to end where the machine lets us cause one, and SIGBUS
 * handling giving way to the handler that was there before.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_dev.h>

#include "eal_uevent.h"
#include "test.h"

#define UEV(lit) lit, sizeof(lit) - 1

struct uev_case {
	const char *buf;
	size_t len;
	int ret;
	enum rte_dev_event_type type;
	const char *name;
};

static const struct uev_case uev_cases[] = {
	{ UEV("add@/devices/pci0000:00/0000:00:05.0\0ACTION=add\0"
	      "DEVPATH=/devices/pci0000:00/0000:00:05.0\0SUBSYSTEM=pci\0"
	      "PCI_SLOT_NAME=0000:00:05.0\0SEQNUM=1234\0"), 0, RTE_DEV_EVENT_ADD, "0000:00:05.0" },
	/* No PCI_SLOT_NAME: the last part of DEVPATH. */
	{ UEV("remove@/devices/pci0000:00/0000:00:03.0/0000:03:00.1\0ACTION=remove\0"
	      "DEVPATH=/devices/pci0000:00/0000:00:03.0/0000:03:00.1\0SUBSYSTEM=pci\0"),
	  0, RTE_DEV_EVENT_REMOVE, "0000:03:00.1" },
	/* No ACTION field: the header's. */
	{ UEV("remove@/devices/pci0000:00/0000:00:06.0\0"
	      "DEVPATH=/devices/pci0000:00/0000:00:06.0\0SUBSYSTEM=pci\0"),
	  0, RTE_DEV_EVENT_REMOVE, "0000:00:06.0" },
	/* Well-formed, but not an addition or removal of a PCI device. */
	{ UEV("bind@/devices/pci0000:00/0000:00:05.0\0ACTION=bind\0"
	      "DEVPATH=/devices/pci0000:00/0000:00:05.0\0SUBSYSTEM=pci\0DRIVER=vfio-pci\0"),
	  -ENOTSUP, 0, NULL },
	{ UEV("change@/devices/pci0000:00/0000:00:05.0\0ACTION=change\0"
	      "DEVPATH=/devices/pci0000:00/0000:00:05.0\0SUBSYSTEM=pci\0"), -ENOTSUP, 0, NULL },
	{ UEV("add@/devices/pci0000:00/0000:00:14.0/usb1/1-1\0ACTION=add\0"
	      "DEVPATH=/devices/pci0000:00/0000:00:14.0/usb1/1-1\0SUBSYSTEM=usb\0"),
	  -ENOTSUP, 0, NULL },
	{ UEV("libudev\0\xfe\xed\xca\xfe"), -ENOTSUP, 0, NULL },
	/* Malformed. */
	{ UEV(""), -EINVAL, 0, NULL },
	{ UEV("add/devices/x\0ACTION=add\0DEVPATH=/devices/x\0SUBSYSTEM=pci\0"), -EINVAL, 0,
	  NULL },
	{ UEV("@/devices/x\0ACTION=add\0DEVPATH=/devices/x\0SUBSYSTEM=pci\0"), -EINVAL, 0, NULL },
	{ UEV("add@\0ACTION=add\0DEVPATH=/devices/x\0SUBSYSTEM=pci\0"), -EINVAL, 0, NULL },
	{ UEV("add@/devices/x\0ACTION=add\0DEVPATH=/devices/x\0"), -EINVAL, 0, NULL },
	{ UEV("add@/devices/x\0ACTION=add\0SUBSYSTEM=pci\0"), -EINVAL, 0, NULL },
	/* The last field runs past the end. */
	{ UEV("add@/devices/x\0ACTION=add\0DEVPATH=/devices/x\0SUBSYSTEM=pci"), -EINVAL, 0, NULL },
	{ UEV("add@/devices/x"), -EINVAL, 0, NULL },
	{ UEV("add@/devices/x/\0ACTION=add\0DEVPATH=/devices/x/\0SUBSYSTEM=pci\0"), -EINVAL, 0,
	  NULL },
	{ UEV("add@/devices/x\0ACTION=add\0DEVPATH=/devices/x\0SUBSYSTEM=pci\0PCI_SLOT_NAME="
	      "0123456789012345678901234567890123456789012345678901234567890123456789\0"),
	  -EINVAL, 0, NULL },
	{ UEV("verylongactionname@/devices/x\0DEVPATH=/devices/x\0SUBSYSTEM=pci\0"), -EINVAL, 0,
	  NULL },
};

static void
test_uevent_parse_table(void **state)
{
	struct eal_uevent ev;
	unsigned int i, bad = 0;

	(void)state;
	for (i = 0; i < RTE_DIM(uev_cases); i++) {
		const struct uev_case *c = &uev_cases[i];
		int ret;

		memset(&ev, 0, sizeof(ev));
		ret = eal_dev_uevent_parse(c->buf, c->len, &ev);
		if (ret != c->ret ||
		    (ret == 0 && (ev.type != c->type || strcmp(ev.devname, c->name) != 0 ||
				  strcmp(ev.subsystem, "pci") != 0))) {
			bad++;
			print_error("case %u ('%.30s'): ret %d type %d name '%s' "
				    "(want %d %d '%s')\n", i, c->buf, ret, ev.type, ev.devname,
				    c->ret, c->type, c->name != NULL ? c->name : "");
		}
	}
	assert_int_equal(bad, 0);
	assert_int_equal(eal_dev_uevent_parse(NULL, 4, &ev), -EINVAL);
	assert_int_equal(eal_dev_uevent_parse("add@", 4, NULL), -EINVAL);
}

static int
setup(void **state)
{
	(void)state;
	return test_eal_init_once();
}

static void
test_monitor_start_stop(void **state)
{
	(void)state;
	assert_int_equal(rte_dev_event_monitor_start(), 0);
	assert_int_equal(rte_dev_event_monitor_start(), 0);
	assert_int_equal(rte_dev_event_monitor_stop(), 0);
	assert_int_equal(rte_dev_event_monitor_stop(), 0);
	assert_int_equal(rte_dev_event_monitor_start(), 0);
	assert_int_equal(rte_dev_event_monitor_stop(), 0);
}

static int event_seen = -1;

static void
event_cb(const char *device_name, enum rte_dev_event_type event, void *arg)
{
	(void)device_name;
	(void)arg;
	__atomic_store_n(&event_seen, (int)event, __ATOMIC_RELEASE);
}

/* A PCI device bound to no driver, whose uevent file we may write; 0 when found. */
static int
unbound_device(char *name, size_t size)
{
	char path[PATH_MAX];
	struct dirent *e;
	DIR *d = opendir("/sys/bus/pci/devices");
	int ret = -1;

	while (d != NULL && ret < 0 && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/driver", e->d_name);
		if (access(path, F_OK) == 0)
			continue;
		snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/uevent", e->d_name);
		if (access(path, W_OK) == 0 && snprintf(name, size, "%s", e->d_name) < (int)size)
			ret = 0;
	}
	if (d != NULL)
		closedir(d);
	return ret;
}

/*
 * A synthetic "add" uevent for a device no driver has (as root, writing
 * its uevent file: nothing is probed, only the event is sent) reaches
 * the callbacks registered for that device.
 */
static void
test_monitor_sees_kernel_event(void **state)
{
	char name[64], path[PATH_MAX];
	int fd, i;

	(void)state;
	if (geteuid() != 0 || unbound_device(name, sizeof(name)) < 0) {
		TEST_SKIP("needs root and a PCI device bound to no driver");
		return;
	}
	__atomic_store_n(&event_seen, -1, __ATOMIC_RELEASE);
	assert_int_equal(rte_dev_event_callback_register(name, event_cb, NULL), 0);
	assert_int_equal(rte_dev_event_monitor_start(), 0);
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/uevent", name);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "add", 3), 3);
	close(fd);
	for (i = 0; i < 200 && __atomic_load_n(&event_seen, __ATOMIC_ACQUIRE) < 0; i++)
		usleep(10 * 1000);
	assert_int_equal(rte_dev_event_monitor_stop(), 0);
	assert_int_equal(rte_dev_event_callback_unregister(name, event_cb, NULL), 1);
	assert_int_equal(__atomic_load_n(&event_seen, __ATOMIC_ACQUIRE), RTE_DEV_EVENT_ADD);
}

static volatile sig_atomic_t prev_handler_ran;

static void
prev_handler(int sig, siginfo_t *info, void *ctx)
{
	(void)sig;
	(void)info;
	(void)ctx;
	prev_handler_ran = 1;
}

/* A SIGBUS that is no device's goes to the handler installed before; disable restores it. */
static void
test_sigbus_falls_back(void **state)
{
	struct sigaction sa, old, now;

	(void)state;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = prev_handler;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	assert_int_equal(sigaction(SIGBUS, &sa, &old), 0);
	assert_int_equal(rte_dev_hotplug_handle_enable(), 0);
	assert_int_equal(rte_dev_hotplug_handle_enable(), 0);
	assert_int_equal(sigaction(SIGBUS, NULL, &now), 0);
	assert_true(now.sa_sigaction != prev_handler);
	prev_handler_ran = 0;
	raise(SIGBUS);
	assert_int_equal(prev_handler_ran, 1);
	assert_int_equal(rte_dev_hotplug_handle_disable(), 0);
	assert_int_equal(sigaction(SIGBUS, NULL, &now), 0);
	assert_true(now.sa_sigaction == prev_handler);
	assert_int_equal(rte_dev_hotplug_handle_disable(), 0);
	assert_int_equal(sigaction(SIGBUS, &old, NULL), 0);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_uevent_parse_table),
	cmocka_unit_test_setup(test_monitor_start_stop, setup),
	cmocka_unit_test_setup(test_monitor_sees_kernel_event, setup),
	cmocka_unit_test(test_sigbus_falls_back),
};

REGISTER_TEST_GROUP(dev_event, tests);
