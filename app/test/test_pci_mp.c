/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The PCI bus across a primary and its secondaries, on a fake sysfs tree
 * each test builds (SYSFS_PCI_DEVICES, which the helpers inherit), with
 * the pci_test driver (test_pci_driver.c). Devices are bound to
 * uio_pci_generic, so BARs are mapped from their resource files: regular
 * files here, which map the same way. Every test checks every process.
 * UIO devices need IOVA as PA, which --no-huge memory cannot give: the
 * groups run with --iova-mode=va (nothing here does DMA).
 *
 * The VFIO tests need /dev/vfio/vfio and a real device bound to vfio-pci:
 * LOCKSTEP_TEST_VFIO_DEV=DDDD:BB:DD.F and LOCKSTEP_TEST_PCI_ID=vvvv:dddd
 * (so that pci_test takes it); they skip otherwise.
 */

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_eal.h>

#include "mp_group.h"
#include "test.h"

#define BAR0_LEN 4096
#define BAR1_LEN 32

/* The fake tree: test devices, and ones the driver must leave alone. */
struct fake_dev {
	const char *name;
	uint16_t vendor;
	uint16_t device;
	int numa;
	const char *driver;   /* NULL: bound to none */
};

static const struct fake_dev fake_devs[] = {
	{ "0000:00:05.0", 0x5a17, 0x0001, 0, "uio_pci_generic" },
	/* Same as 05.0 but for the function, and but for the domain. */
	{ "0000:00:05.1", 0x5a17, 0x0001, 0, "uio_pci_generic" },
	{ "0001:00:05.0", 0x5a17, 0x0001, 1, "uio_pci_generic" },
	{ "0000:00:06.0", 0x5a17, 0x0002, -1, "uio_pci_generic" },
	{ "0000:00:07.0", 0x5a17, 0x0001, 0, NULL },
	{ "0000:00:08.0", 0x8086, 0x1234, 0, "uio_pci_generic" },
	{ "0000:00:09.0", 0x5a17, 0x0001, 0, "ixgbe" },
	/* Its probe fails: no /dev/vfio/vfio here (or no IOMMU group in a fake tree). */
	{ "0000:00:0b.0", 0x5a17, 0x0002, 0, "vfio-pci" },
};

/* What a primary without -a/-b probes at init. */
#define PROBED_AT_INIT "0000:00:05.0 0000:00:05.1 0000:00:06.0 0001:00:05.0"

/* The tree's directory, in /tmp: short, so paths under it always fit. */
static char tree[64];

static void
put_file(const char *dir, const char *file, const void *data, size_t len, size_t size)
{
	char path[PATH_MAX];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, file);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	if (size > len)
		assert_int_equal(ftruncate(fd, (off_t)size), 0);
	close(fd);
}

static void
put_text(const char *dir, const char *file, const char *text)
{
	put_file(dir, file, text, strlen(text), 0);
}

static void
make_device(const struct fake_dev *d)
{
	char dir[128], text[1024], link[PATH_MAX];
	uint8_t config[256];
	size_t n = 0;
	int i;

	snprintf(dir, sizeof(dir), "%s/%s", tree, d->name);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(text, sizeof(text), "0x%04x\n", d->vendor);
	put_text(dir, "vendor", text);
	put_text(dir, "subsystem_vendor", text);
	snprintf(text, sizeof(text), "0x%04x\n", d->device);
	put_text(dir, "device", text);
	put_text(dir, "subsystem_device", "0x0000\n");
	put_text(dir, "class", "0x020000\n");
	snprintf(text, sizeof(text), "%d\n", d->numa);
	put_text(dir, "numa_node", text);
	/* BAR0: 4 KB of memory; BAR1: 32 I/O ports; the rest unused, as the kernel writes it. */
	n += (size_t)snprintf(text + n, sizeof(text) - n,
			      "0x00000000fe000000 0x00000000fe000fff 0x0000000000040200\n"
			      "0x000000000000c000 0x000000000000c01f 0x0000000000040101\n");
	for (i = 2; i < 13; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n,
				      "0x0000000000000000 0x0000000000000000 0x0000000000000000\n");
	put_text(dir, "resource", text);
	put_file(dir, "resource0", "", 0, BAR0_LEN);
	put_file(dir, "resource1", "", 0, BAR1_LEN);
	memset(config, 0, sizeof(config));
	memcpy(config, &d->vendor, 2);
	memcpy(config + 2, &d->device, 2);
	config[11] = 0x02;
	put_file(dir, "config", config, sizeof(config), 0);
	if (d->driver != NULL) {
		snprintf(link, sizeof(link), "%s/driver", dir);
		snprintf(text, sizeof(text), "../../../bus/pci/drivers/%s", d->driver);
		assert_int_equal(symlink(text, link), 0);
	}
}

static int
tree_setup(void **state)
{
	unsigned int i;

	(void)state;
	snprintf(tree, sizeof(tree), "/tmp/lockstep-pci-XXXXXX");
	if (mkdtemp(tree) == NULL)
		return -1;
	for (i = 0; i < RTE_DIM(fake_devs); i++)
		make_device(&fake_devs[i]);
	/* The helpers inherit it; the test process itself never scans. */
	setenv("SYSFS_PCI_DEVICES", tree, 1);
	return 0;
}

static int
remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	return remove(path);
}

static int
tree_teardown(void **state)
{
	(void)state;
	unsetenv("SYSFS_PCI_DEVICES");
	mp_cleanup_all();
	return nftw(tree, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* The 32-bit word at off in a device's resource file, as the kernel would see it. */
static uint32_t
file_word(const char *name, const char *file, off_t off)
{
	char path[PATH_MAX];
	uint32_t v = 0;
	int fd;

	snprintf(path, sizeof(path), "%s/%s/%s", tree, name, file);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	assert_true(fd >= 0);
	assert_int_equal(pread(fd, &v, sizeof(v), off), (ssize_t)sizeof(v));
	close(fd);
	return v;
}

/* 0000:00:06.0 at init; the others are left for the tests to attach. */
static const char *const primary_args[] = { "--no-huge", "-m", "64", "--iova-mode=va", "-a",
					    "0000:00:06.0", NULL };

/* BAR0 of name in every process: the same address (or "-" in all); it goes in addr. */
static void
expect_same_bar(struct mp_group *g, const char *name, char *addr, size_t size)
{
	char r[64];
	unsigned int i;

	assert_int_equal(mp_call(g->p, addr, size, "pci_bar %s", name), 0);
	for (i = 1; i <= g->ns; i++) {
		assert_int_equal(mp_call(mp_group_proc(g, i), r, sizeof(r), "pci_bar %s", name), 0);
		if (strcmp(r, addr) != 0)
			fail_msg("%s maps BAR0 of %s at %s, the primary at %s",
				 mp_group_proc(g, i)->name, name, r, addr);
	}
}

/* The primary probes every allowed device it has a driver for; a secondary gets them at join. */
static void
test_scan_and_probe_at_init(void **state)
{
	static const char *const plain[] = { "--no-huge", "-m", "64", "--iova-mode=va", NULL };
	struct mp_group g;
	char r[128];

	(void)state;
	mp_group_start(&g, plain, 1, 0);
	mp_expect_all(&g, PROBED_AT_INIT, "devices");
	/* What the scan read, in the secondary: ids, class, NUMA node, uio_pci_generic (3). */
	assert_int_equal(mp_call(g.s[0], r, sizeof(r), "pci_info 0000:00:06.0"), 0);
	assert_string_equal(r, "5a17:0002 020000 -1 3");
	assert_int_equal(mp_call(g.s[0], r, sizeof(r), "pci_info 0001:00:05.0"), 0);
	assert_string_equal(r, "5a17:0001 020000 1 3");
	/* Unbound (none, 5) and bound to a kernel driver (unknown, 0): found, left alone. */
	assert_int_equal(mp_call(g.p, r, sizeof(r), "pci_info 0000:00:07.0"), 0);
	assert_string_equal(r, "5a17:0001 020000 0 5");
	assert_int_equal(mp_call(g.p, r, sizeof(r), "pci_info 0000:00:09.0"), 0);
	assert_string_equal(r, "5a17:0001 020000 0 0");
	/* On vfio-pci (2), where VFIO cannot map it: left out, init went on. */
	assert_int_equal(mp_call(g.p, r, sizeof(r), "pci_info 0000:00:0b.0"), 0);
	assert_string_equal(r, "5a17:0002 020000 0 2");
	mp_group_stop(&g);
}

/* -b and -a name exactly one device: not one of another domain or function. */
static void
test_allow_block_lists(void **state)
{
	static const char *const blocked[] = { "--no-huge", "-m", "64", "--iova-mode=va", "-b",
					       "0000:00:05.0", NULL };
	static const char *const allowed[] = { "--no-huge", "-m", "64", "--iova-mode=va", "-a",
					       "0001:00:05.0", "-a", "00:05.1", NULL };
	static const char *const no_pci[] = { "--no-huge", "-m", "64", "--no-pci", NULL };
	struct mp_group g;

	(void)state;
	mp_group_start(&g, blocked, 1, 0);
	mp_expect_all(&g, "0000:00:05.1 0000:00:06.0 0001:00:05.0", "devices");
	mp_group_stop(&g);
	mp_group_start(&g, allowed, 1, 0);
	mp_expect_all(&g, "0000:00:05.1 0001:00:05.0", "devices");
	mp_group_stop(&g);
	mp_group_start(&g, no_pci, 0, 0);
	mp_expect_all(&g, "-", "devices");
	mp_group_stop(&g);
}

/*
 * The IOVA mode follows the devices a driver will take: UIO ones need PA,
 * which --no-huge memory lacks, and init says so; with none of them
 * (unbound, blocked, or no PCI at all) or with --iova-mode=va it is VA.
 */
static void
test_iova_mode(void **state)
{
	static const char *const uio[] = { "--no-huge", "-m", "64", NULL };
	static const char *const unbound[] = { "--no-huge", "-m", "64", "-a", "0000:00:07.0",
					       NULL };
	static const char *const no_pci[] = { "--no-huge", "-m", "64", "--no-pci", NULL };
	static const char *const forced[] = { "--no-huge", "-m", "64", "--iova-mode=va", NULL };
	static const char *const pa[] = { "--no-huge", "-m", "64", "--iova-mode=pa", "--no-pci",
					  NULL };
	const char *const *va_groups[] = { unbound, no_pci, forced };
	struct mp_group g;
	char err[4096];
	unsigned int i;

	(void)state;
	assert_int_equal(mp_eal_init_error(mp_prefix(), uio, err, sizeof(err)), EINVAL);
	assert_non_null(strstr(err, "IOVA as PA (a device is on UIO"));
	assert_non_null(strstr(err, "--iova-mode=va"));
	assert_int_equal(mp_eal_init_error(mp_prefix(), pa, err, sizeof(err)), EINVAL);
	assert_non_null(strstr(err, "IOVA as PA (--iova-mode=pa)"));
	for (i = 0; i < RTE_DIM(va_groups); i++) {
		mp_group_start(&g, va_groups[i], 1, 0);
		assert_int_equal(mp_call_int(g.p, "iova_mode"), RTE_IOVA_VA);
		assert_int_equal(mp_call_int(g.s[0], "iova_mode"), RTE_IOVA_VA);
		mp_group_stop(&g);
	}
}

/*
 * A device that fails to probe at init is logged and left out; named
 * with -a, it makes init fail, saying which and why.
 */
static void
test_probe_failure_at_init(void **state)
{
	static const char *const allow_bad[] = { "--no-huge", "-m", "64", "--iova-mode=va", "-a",
						 "0000:00:0b.0", NULL };
	char err[4096];

	(void)state;
	assert_int_equal(mp_eal_init_error(mp_prefix(), allow_bad, err, sizeof(err)), ENODEV);
	assert_non_null(strstr(err, "0000:00:0b.0"));
}

/* Attach and detach from the primary and from secondaries, in long, short and bare forms. */
static void
test_attach_detach_everywhere(void **state)
{
	struct mp_group g;

	(void)state;
	mp_group_start(&g, primary_args, 2, 0);
	mp_expect_all(&g, "0000:00:06.0", "devices");
	assert_int_equal(mp_call_int(g.p, "attach %s", "pci:0000:00:05.0"), 0);
	mp_expect_all(&g, "0000:00:05.0 0000:00:06.0", "devices");
	assert_int_equal(mp_call_int(g.s[1], "pci_detach %s", "0000:00:05.0"), 0);
	mp_expect_all(&g, "0000:00:06.0", "devices");
	assert_int_equal(mp_call_int(g.s[0], "attach %s", "pci:00:05.0"), 0);
	mp_expect_all(&g, "0000:00:05.0 0000:00:06.0", "devices");
	assert_int_equal(mp_call_int(g.p, "pci_detach %s", "0000:00:05.0"), 0);
	mp_expect_all(&g, "0000:00:06.0", "devices");
	assert_int_equal(mp_call_int(g.s[1], "attach %s", "0001:00:05.0"), 0);
	mp_expect_all(&g, "0000:00:06.0 0001:00:05.0", "devices");
	/* Already there / not there. */
	assert_int_equal(mp_call_int(g.s[0], "attach %s", "pci:0001:00:05.0"), -EEXIST);
	assert_int_equal(mp_call_int(g.p, "attach %s", "pci:0000:00:06.0"), -EEXIST);
	assert_int_equal(mp_call_int(g.s[0], "pci_detach %s", "0000:00:05.0"), -ENOENT);
	assert_int_equal(mp_call_int(g.p, "pci_detach %s", "0000:00:05.1"), -ENOENT);
	mp_expect_all(&g, "0000:00:06.0 0001:00:05.0", "devices");
	mp_group_stop(&g);
}

/* BAR0 is at the same address everywhere, and is the same memory. */
static void
test_bar_shared(void **state)
{
	char addr[64], r[64];
	struct mp_group g;

	(void)state;
	mp_group_start(&g, primary_args, 2, 0);
	assert_int_equal(mp_call_int(g.s[0], "attach %s", "pci:0000:00:05.0"), 0);
	expect_same_bar(&g, "0000:00:05.0", addr, sizeof(addr));
	assert_string_not_equal(addr, "-");
	expect_same_bar(&g, "0000:00:06.0", r, sizeof(r));
	assert_string_not_equal(r, addr);
	assert_int_equal(mp_call(g.s[0], r, sizeof(r), "pci_write 0000:00:05.0 10 deadbeef"), 0);
	assert_string_equal(r, "ok");
	assert_int_equal(mp_call(g.p, r, sizeof(r), "pci_read 0000:00:05.0 10"), 0);
	assert_string_equal(r, "deadbeef");
	assert_int_equal(mp_call(g.s[1], r, sizeof(r), "pci_read 0000:00:05.0 10"), 0);
	assert_string_equal(r, "deadbeef");
	assert_int_equal(mp_call(g.p, r, sizeof(r), "pci_write 0000:00:05.0 ffc 600d"), 0);
	assert_int_equal(mp_call(g.s[0], r, sizeof(r), "pci_read 0000:00:05.0 ffc"), 0);
	assert_string_equal(r, "600d");
	assert_int_equal(file_word("0000:00:05.0", "resource0", 0x10), 0xdeadbeef);
	/* Detached: unmapped in every process. */
	assert_int_equal(mp_call_int(g.s[1], "pci_detach %s", "0000:00:05.0"), 0);
	expect_same_bar(&g, "0000:00:05.0", r, sizeof(r));
	assert_string_equal(r, "-");
	mp_group_stop(&g);
}

/* A secondary's probe failing: the attach fails, the device is attached nowhere. */
static void
test_rollback_when_secondary_fails(void **state)
{
	char r[64];
	struct mp_group g;

	(void)state;
	mp_group_start(&g, primary_args, 2, 0);
	assert_int_equal(mp_call_int(g.p, "attach %s", "pci:0000:00:05.0,fail_probe=s2"), -EIO);
	mp_expect_all(&g, "0000:00:06.0", "devices");
	assert_int_equal(mp_call_int(g.s[0], "attach %s", "pci:0000:00:05.0,fail_probe=s1"), -EIO);
	mp_expect_all(&g, "0000:00:06.0", "devices");
	assert_int_equal(mp_call_int(g.s[1], "attach %s", "pci:0000:00:05.0,fail_probe=p"), -EIO);
	mp_expect_all(&g, "0000:00:06.0", "devices");
	expect_same_bar(&g, "0000:00:05.0", r, sizeof(r));
	assert_string_equal(r, "-");
	/* A remove failing in a secondary: the detach fails, the device stays everywhere. */
	assert_int_equal(mp_call_int(g.s[1], "attach %s", "pci:0000:00:05.0,fail_remove=s1"), 0);
	assert_int_equal(mp_call_int(g.p, "pci_detach %s", "0000:00:05.0"), -EBUSY);
	mp_expect_all(&g, "0000:00:05.0 0000:00:06.0", "devices");
	expect_same_bar(&g, "0000:00:05.0", r, sizeof(r));
	assert_string_not_equal(r, "-");
	mp_group_stop(&g);
}

/*
 * The primary's place for a BAR is taken in a secondary: that secondary
 * says so, naming the device, and the attach is undone everywhere.
 */
static void
test_address_taken_in_secondary(void **state)
{
	char addr[64], r[64], cmd[128];
	struct mp_group g;

	(void)state;
	mp_group_start(&g, primary_args, 2, MP_CAPTURE_STDERR);
	assert_int_equal(mp_call_int(g.p, "attach %s", "pci:0000:00:05.0"), 0);
	expect_same_bar(&g, "0000:00:05.0", addr, sizeof(addr));
	assert_int_equal(mp_call_int(g.p, "pci_detach %s", "0000:00:05.0"), 0);
	snprintf(cmd, sizeof(cmd), "pci_squat %s %d", addr, BAR0_LEN);
	assert_int_equal(mp_call(g.s[0], r, sizeof(r), "%s", cmd), 0);
	assert_string_equal(r, "ok");
	assert_int_equal(mp_call_int(g.s[1], "attach %s", "pci:0000:00:05.0"), -EADDRINUSE);
	mp_expect_all(&g, "0000:00:06.0", "devices");
	assert_non_null(strstr(mp_stderr(g.s[0]), "0000:00:05.0: cannot map BAR0"));
	assert_non_null(strstr(mp_stderr(g.s[0]), "taken"));
	snprintf(cmd, sizeof(cmd), "pci_unsquat %s %d", addr, BAR0_LEN);
	assert_int_equal(mp_call(g.s[0], r, sizeof(r), "%s", cmd), 0);
	assert_int_equal(mp_call_int(g.s[1], "attach %s", "pci:0000:00:05.0"), 0);
	expect_same_bar(&g, "0000:00:05.0", r, sizeof(r));
	assert_string_equal(r, addr);
	mp_group_stop(&g);
}

/* Detach and attach ten times, from every process: fds, heap blocks and bytes do not grow. */
static void
test_reattach_cycles(void **state)
{
	struct mp_resources before;
	struct mp_group g;
	unsigned int k;
	char r[64];

	(void)state;
	mp_group_start(&g, primary_args, 2, 0);
	assert_int_equal(mp_call_int(g.p, "attach %s", "pci:0000:00:05.0"), 0);
	mp_group_resources(&g, &before);
	for (k = 0; k < 10; k++) {
		assert_int_equal(mp_call_int(mp_group_proc(&g, k % 3), "pci_detach 0000:00:05.0"), 0);
		mp_expect_all(&g, "0000:00:06.0", "devices");
		assert_int_equal(mp_call_int(mp_group_proc(&g, (k + 1) % 3),
					     "attach pci:0000:00:05.0"), 0);
		mp_expect_all(&g, "0000:00:05.0 0000:00:06.0", "devices");
		expect_same_bar(&g, "0000:00:05.0", r, sizeof(r));
		assert_string_not_equal(r, "-");
	}
	mp_expect_resources(&g, &before);
	mp_group_stop(&g);
}

/* A secondary has what the primary attached, whatever its own -a says. */
static void
test_secondary_sees_only_primary(void **state)
{
	static const char *const allow_other[] = { "--no-huge", "--proc-type=secondary", "-a",
						   "0000:00:05.1", NULL };
	struct mp_group g;

	(void)state;
	mp_group_start(&g, primary_args, 0, 0);
	mp_group_add(&g, allow_other);
	mp_expect_all(&g, "0000:00:06.0", "devices");
	assert_int_equal(mp_call_int(g.p, "attach %s", "pci:0000:00:05.0"), 0);
	mp_group_add(&g, NULL);
	mp_expect_all(&g, "0000:00:05.0 0000:00:06.0", "devices");
	mp_group_stop(&g);
}

/*
 * The device's memory disappears under a process (here: its resource file
 * truncated): with hotplug handling on, the SIGBUS of the next access is
 * absorbed and the access reads zeros; detach still works.
 */
static void
test_sigbus_on_removed_device(void **state)
{
	char path[PATH_MAX], r[64];
	struct mp_group g;

	(void)state;
	mp_group_start(&g, primary_args, 0, 0);
	assert_int_equal(mp_call_int(g.p, "attach %s", "pci:0000:00:05.0"), 0);
	assert_int_equal(mp_call(g.p, r, sizeof(r), "pci_write 0000:00:05.0 20 1234"), 0);
	assert_int_equal(mp_call_int(g.p, "hotplug_handle %s", "1"), 0);
	snprintf(path, sizeof(path), "%s/0000:00:05.0/resource0", tree);
	assert_int_equal(truncate(path, 0), 0);
	assert_int_equal(mp_call(g.p, r, sizeof(r), "pci_read 0000:00:05.0 20"), 0);
	assert_string_equal(r, "0");
	assert_int_equal(truncate(path, BAR0_LEN), 0);
	assert_int_equal(mp_call_int(g.p, "pci_detach %s", "0000:00:05.0"), 0);
	assert_int_equal(mp_call_int(g.p, "hotplug_handle %s", "0"), 0);
	assert_int_equal(mp_call_int(g.p, "attach %s", "pci:0000:00:05.0"), 0);
	assert_int_equal(mp_call(g.p, r, sizeof(r), "pci_read 0000:00:05.0 20"), 0);
	assert_string_equal(r, "0");
	mp_group_stop(&g);
}

/* Configuration space, I/O ports, iterators and the dump, mostly from a secondary. */
static void
test_config_ioport_iterate(void **state)
{
	struct mp_group g;
	char r[64];

	(void)state;
	mp_group_start(&g, primary_args, 1, 0);
	assert_int_equal(mp_call(g.s[0], r, sizeof(r), "pci_config 0000:00:06.0"), 0);
	assert_string_equal(r, "5a17:0002");
	assert_int_equal(mp_call(g.s[0], r, sizeof(r), "pci_ioport 0000:00:06.0 1 c0ffee"), 0);
	assert_string_equal(r, "c0ffee");
	assert_int_equal(file_word("0000:00:06.0", "resource1", 0), 0xc0ffee);
	assert_int_equal(mp_call(g.s[0], r, sizeof(r), "pci_ioport 0000:00:06.0 0 1"), 0);
	assert_string_equal(r, "map -22");
	assert_int_equal(mp_call_int(g.s[0], "pci_iter %s", "bus=pci"), (int)RTE_DIM(fake_devs));
	assert_int_equal(mp_call_int(g.s[0], "pci_iter %s", "bus=pci,addr=0000:00:05.0"), 1);
	assert_int_equal(mp_call_int(g.s[0], "pci_iter %s", "bus=pci,addr=00:05.1"), 1);
	assert_int_equal(mp_call_int(g.s[0], "pci_iter %s", "bus=pci,addr=0002:00:05.0"), 0);
	assert_int_equal(mp_call_int(g.s[0], "pci_iter %s", "bus=pci,id=5a17:0001"), 5);
	assert_int_equal(mp_call_int(g.p, "pci_iter %s", "bus=pci,id=5a17:2,addr=0000:00:06.0"),
			 1);
	assert_int_equal(mp_call_int(g.p, "pci_iter %s", "bus=pci,bogus=1"), 0);
	assert_int_equal(mp_call_int(g.p, "pci_dump%s", ""), 1);
	assert_int_equal(mp_call_int(g.s[0], "pci_dump%s", ""), 1);
	mp_group_stop(&g);
}

/* Names that are no device, and devices no driver takes: one error, nothing anywhere. */
static void
test_bad_devargs(void **state)
{
	struct mp_group g;

	(void)state;
	mp_group_start(&g, primary_args, 1, 0);
	assert_int_equal(mp_call_int(g.p, "attach %s", "pci:0000:00:20.0"), -ENODEV);
	assert_int_equal(mp_call_int(g.s[0], "attach %s", "pci:0000:00:0a.0"), -ENODEV);
	assert_int_equal(mp_call_int(g.s[0], "attach %s", "pci:0000:00:07.0"), -ENOTSUP);
	assert_int_equal(mp_call_int(g.p, "attach %s", "pci:0000:00:08.0"), -ENOTSUP);
	assert_int_equal(mp_call_int(g.p, "attach %s", "pci:0000:00:09.0"), -ENOTSUP);
	assert_int_equal(mp_call_int(g.s[0], "attach %s", "pci:0000:00:0b.0"), -ENODEV);
	assert_int_equal(mp_call_int(g.p, "pci_detach %s", "00:05.0"), -ENOENT);
	mp_expect_all(&g, "0000:00:06.0", "devices");
	mp_group_stop(&g);
}

/* The real device for VFIO tests, or NULL after skipping with the reason. */
static const char *
vfio_device(void)
{
	const char *dev = getenv("LOCKSTEP_TEST_VFIO_DEV");

	if (access("/dev/vfio/vfio", F_OK) != 0) {
		TEST_SKIP("no /dev/vfio/vfio");
		return NULL;
	}
	if (dev == NULL || getenv("LOCKSTEP_TEST_PCI_ID") == NULL) {
		TEST_SKIP("set LOCKSTEP_TEST_VFIO_DEV=DDDD:BB:DD.F (bound to vfio-pci) and "
			  "LOCKSTEP_TEST_PCI_ID=vendor:device");
		return NULL;
	}
	return dev;
}

/*
 * On real vfio-pci: attach from a secondary (which gets the group's fd
 * from the primary), BARs at the same address everywhere, detach and
 * attach again from each process with resources stable. BARs are only
 * read: writing to a real device's registers is not for a test.
 */
static void
test_vfio_attach_detach(void **state)
{
	char pargs_dev[64], devargs[80], addr[64], r[64];
	const char *pargs[] = { "--no-huge", "-m", "64", "--iova-mode=va", "-b", pargs_dev, NULL };
	const char *dev = vfio_device();
	struct mp_resources before;
	struct mp_group g;
	unsigned int k;

	(void)state;
	if (dev == NULL)
		return;
	/* The real tree, and the device left out at init. */
	unsetenv("SYSFS_PCI_DEVICES");
	snprintf(pargs_dev, sizeof(pargs_dev), "%s", dev);
	snprintf(devargs, sizeof(devargs), "pci:%s", dev);
	mp_group_start(&g, pargs, 2, 0);
	mp_expect_all(&g, "-", "devices");
	assert_int_equal(mp_call_int(g.s[0], "attach %s", devargs), 0);
	mp_expect_all(&g, dev, "devices");
	expect_same_bar(&g, dev, addr, sizeof(addr));
	mp_group_resources(&g, &before);
	for (k = 0; k < 3; k++) {
		assert_int_equal(mp_call_int(mp_group_proc(&g, k), "pci_detach %s", dev), 0);
		mp_expect_all(&g, "-", "devices");
		assert_int_equal(mp_call_int(mp_group_proc(&g, (k + 1) % 3), "attach %s", devargs),
				 0);
		expect_same_bar(&g, dev, r, sizeof(r));
		assert_string_not_equal(r, "-");
	}
	mp_expect_resources(&g, &before);
	mp_group_stop(&g);
}

/* On real vfio-pci: a secondary's failure rolls the attach back, and the group is free again. */
static void
test_vfio_rollback(void **state)
{
	char pargs_dev[64], devargs[96];
	const char *pargs[] = { "--no-huge", "-m", "64", "--iova-mode=va", "-b", pargs_dev, NULL };
	const char *dev = vfio_device();
	struct mp_group g;

	(void)state;
	if (dev == NULL)
		return;
	unsetenv("SYSFS_PCI_DEVICES");
	snprintf(pargs_dev, sizeof(pargs_dev), "%s", dev);
	mp_group_start(&g, pargs, 2, 0);
	snprintf(devargs, sizeof(devargs), "pci:%s,fail_probe=s2", dev);
	assert_int_equal(mp_call_int(g.p, "attach %s", devargs), -EIO);
	mp_expect_all(&g, "-", "devices");
	snprintf(devargs, sizeof(devargs), "pci:%s", dev);
	assert_int_equal(mp_call_int(g.s[1], "attach %s", devargs), 0);
	mp_expect_all(&g, dev, "devices");
	mp_group_stop(&g);
}

#define PCI_TEST(t) cmocka_unit_test_setup_teardown(t, tree_setup, tree_teardown)

static const struct CMUnitTest tests[] = {
	PCI_TEST(test_scan_and_probe_at_init),
	PCI_TEST(test_allow_block_lists),
	PCI_TEST(test_iova_mode),
	PCI_TEST(test_probe_failure_at_init),
	PCI_TEST(test_attach_detach_everywhere),
	PCI_TEST(test_bar_shared),
	PCI_TEST(test_rollback_when_secondary_fails),
	PCI_TEST(test_address_taken_in_secondary),
	PCI_TEST(test_reattach_cycles),
	PCI_TEST(test_secondary_sees_only_primary),
	PCI_TEST(test_sigbus_on_removed_device),
	PCI_TEST(test_config_ioport_iterate),
	PCI_TEST(test_bad_devargs),
	PCI_TEST(test_vfio_attach_detach),
	PCI_TEST(test_vfio_rollback),
};

REGISTER_TEST_GROUP(pci_mp, tests);
