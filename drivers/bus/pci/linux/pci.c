/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * PCI on Linux: the sysfs scan (ids, class, NUMA node, BARs, the kernel
 * driver a device is bound to), and what depends on that driver: mapping
 * (UIO or VFIO), configuration space and I/O ports.
 *
 * SYSFS_PCI_DEVICES names another directory to scan, laid out as
 * /sys/bus/pci/devices; tests build such a tree, whose regular files map
 * and read like the kernel's.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bus_pci_driver.h>
#include <rte_bus_pci.h>
#include <rte_common.h>
#include <rte_eal.h>
#include <rte_interrupts.h>
#include <rte_memory.h>
#include <rte_os.h>

#include "pci_private.h"

#define SYSFS_PCI_DEVICES "/sys/bus/pci/devices"

const char *
rte_pci_get_sysfs_path(void)
{
	const char *path = getenv("SYSFS_PCI_DEVICES");

	return path != NULL && path[0] != '\0' ? path : SYSFS_PCI_DEVICES;
}

int
pci_sysfs_path(const struct rte_pci_device *dev, const char *file, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s/%s/%s", rte_pci_get_sysfs_path(), dev->name, file);

	return n < 0 || (size_t)n >= size ? -ENAMETOOLONG : 0;
}

/* A number in a sysfs file ("0x8086", "-1", "3"). */
static int
read_number(const struct rte_pci_device *dev, const char *file, long long *val)
{
	char path[PATH_MAX], buf[64], *end;
	ssize_t n;
	int fd;

	if (pci_sysfs_path(dev, file, path, sizeof(path)) < 0)
		return -ENAMETOOLONG;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return n < 0 ? -errno : -EINVAL;
	buf[n] = '\0';
	errno = 0;
	*val = strtoll(buf, &end, 0);
	if (errno != 0 || end == buf || (*end != '\n' && *end != '\0'))
		return -EINVAL;
	return 0;
}

/* The kernel driver from the "driver" link's name. */
static enum rte_pci_kernel_driver
kernel_driver(const struct rte_pci_device *dev)
{
	static const struct {
		const char *name;
		enum rte_pci_kernel_driver kdrv;
	} known[] = {
		{ "vfio-pci", RTE_PCI_KDRV_VFIO },
		{ "igb_uio", RTE_PCI_KDRV_IGB_UIO },
		{ "uio_pci_generic", RTE_PCI_KDRV_UIO_GENERIC },
	};
	char path[PATH_MAX], target[PATH_MAX];
	const char *base;
	unsigned int i;
	ssize_t n;

	if (pci_sysfs_path(dev, "driver", path, sizeof(path)) < 0)
		return RTE_PCI_KDRV_UNKNOWN;
	n = readlink(path, target, sizeof(target) - 1);
	if (n < 0)
		return errno == ENOENT ? RTE_PCI_KDRV_NONE : RTE_PCI_KDRV_UNKNOWN;
	target[n] = '\0';
	base = strrchr(target, '/');
	base = base != NULL ? base + 1 : target;
	for (i = 0; i < RTE_DIM(known); i++) {
		if (strcmp(base, known[i].name) == 0)
			return known[i].kdrv;
	}
	return RTE_PCI_KDRV_UNKNOWN;
}

/* BARs from the "resource" file: one "start end flags" line each. */
static int
read_resources(struct pci_device *pd)
{
	char path[PATH_MAX], line[256];
	uint64_t start, end, flags;
	FILE *f;
	int i;

	if (pci_sysfs_path(&pd->dev, "resource", path, sizeof(path)) < 0)
		return -ENAMETOOLONG;
	f = fopen(path, "re");
	if (f == NULL)
		return -errno;
	for (i = 0; i < PCI_MAX_RESOURCE; i++) {
		pd->dev.mem_resource[i].phys_addr = 0;
		pd->dev.mem_resource[i].len = 0;
		pd->bar_flags[i] = 0;
		if (fgets(line, sizeof(line), f) == NULL)
			continue;
		if (sscanf(line, "%" SCNx64 " %" SCNx64 " %" SCNx64, &start, &end, &flags) !=
		    PCI_RESOURCE_FMT_NVAL)
			continue;
		if (end == 0 || end < start)
			continue;
		pd->dev.mem_resource[i].phys_addr = start;
		pd->dev.mem_resource[i].len = end - start + 1;
		pd->bar_flags[i] = flags;
	}
	fclose(f);
	return 0;
}

/* Ids and BARs of a device; 0, or a negative errno when they cannot be read. */
static int
read_device(struct pci_device *pd)
{
	static const struct {
		const char *file;
		size_t off;
	} ids[] = {
		{ "vendor", offsetof(struct rte_pci_id, vendor_id) },
		{ "device", offsetof(struct rte_pci_id, device_id) },
		{ "subsystem_vendor", offsetof(struct rte_pci_id, subsystem_vendor_id) },
		{ "subsystem_device", offsetof(struct rte_pci_id, subsystem_device_id) },
	};
	struct rte_pci_device *dev = &pd->dev;
	long long v;
	unsigned int i;
	int ret;

	for (i = 0; i < RTE_DIM(ids); i++) {
		ret = read_number(dev, ids[i].file, &v);
		if (ret < 0)
			return ret;
		*(uint16_t *)((uint8_t *)&dev->id + ids[i].off) = (uint16_t)v;
	}
	ret = read_number(dev, "class", &v);
	if (ret < 0)
		return ret;
	dev->id.class_id = (uint32_t)v & RTE_CLASS_ANY_ID;
	/* Optional: no NUMA node, no SR-IOV. */
	dev->device.numa_node = read_number(dev, "numa_node", &v) == 0 && v >= 0 ?
				(int)v : SOCKET_ID_ANY;
	dev->max_vfs = read_number(dev, "sriov_numvfs", &v) == 0 ? (uint16_t)v : 0;
	dev->kdrv = kernel_driver(dev);
	return read_resources(pd);
}

static struct pci_device *
device_new(const struct rte_pci_addr *addr)
{
	struct pci_device *pd = calloc(1, sizeof(*pd));
	int i;

	if (pd == NULL)
		return NULL;
	pd->dev.intr_handle = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	pd->dev.vfio_req_intr_handle = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	if (pd->dev.intr_handle == NULL || pd->dev.vfio_req_intr_handle == NULL) {
		rte_intr_instance_free(pd->dev.intr_handle);
		rte_intr_instance_free(pd->dev.vfio_req_intr_handle);
		free(pd);
		return NULL;
	}
	pd->dev.addr = *addr;
	rte_pci_device_name(addr, pd->dev.name, sizeof(pd->dev.name));
	pd->dev.device.name = pd->dev.name;
	pd->dev.device.bus = &pci_bus;
	pd->uio_fd = -1;
	pd->vfio_dev_fd = -1;
	pd->vfio_group = -1;
	pd->vfio_irq_fd = -1;
	pd->vfio_req_fd = -1;
	for (i = 0; i < PCI_MAX_RESOURCE; i++)
		pd->ioport_fd[i] = -1;
	return pd;
}

/*
 * One directory of the tree. A probed device is left as it is (its BARs
 * may be mapped); others are (re)read, and take the devargs the EAL has
 * for them. With pci_lock held.
 */
static int
scan_one(const struct rte_pci_addr *addr)
{
	struct pci_device *pd = pci_device_find(addr);
	bool is_new = pd == NULL;
	int ret;

	if (pd != NULL && pd->dev.device.driver != NULL) {
		pd->seen = true;
		return 0;
	}
	if (is_new) {
		pd = device_new(addr);
		if (pd == NULL)
			return -ENOMEM;
	}
	ret = read_device(pd);
	if (ret < 0) {
		/* Gone, or not a device: skip it (if we knew it, it goes below, unseen). */
		PCI_LOG(DEBUG, "%s: cannot read it from sysfs: %s\n", pd->dev.name, strerror(-ret));
		if (is_new) {
			rte_intr_instance_free(pd->dev.intr_handle);
			rte_intr_instance_free(pd->dev.vfio_req_intr_handle);
			free(pd);
		}
		return 0;
	}
	pd->dev.device.devargs = pci_devargs_lookup(addr);
	pd->seen = true;
	if (is_new)
		pci_device_insert(pd);
	return 0;
}

int
pci_scan(void)
{
	struct rte_pci_device *dev, *tmp;
	const char *root = rte_pci_get_sysfs_path();
	struct rte_pci_addr addr;
	struct dirent *e;
	DIR *dir;
	int ret = 0;

	if (!rte_eal_has_pci())
		return 0;
	if (rte_eal_process_type() == RTE_PROC_PRIMARY && pci_vfio_available()) {
		ret = pci_vfio_mp_init();
		if (ret < 0)
			return ret;
	}
	dir = opendir(root);
	if (dir == NULL) {
		/* No PCI here (a container) is fine; a bad override is not. */
		if (errno == ENOENT && strcmp(root, SYSFS_PCI_DEVICES) == 0)
			return 0;
		ret = -errno;
		PCI_LOG(ERR, "cannot scan %s: %s\n", root, strerror(errno));
		return ret;
	}
	pthread_mutex_lock(&pci_lock);
	TAILQ_FOREACH(dev, &pci_devices, next)
		PCI_PRIV(dev)->seen = false;
	while (ret == 0 && (e = readdir(dir)) != NULL) {
		if (rte_pci_addr_parse(e->d_name, &addr) == 0)
			ret = scan_one(&addr);
	}
	/* Devices gone from sysfs go from the list, unless a driver has them. */
	TAILQ_FOREACH_SAFE(dev, &pci_devices, next, tmp) {
		if (!PCI_PRIV(dev)->seen && dev->device.driver == NULL)
			pci_device_free(PCI_PRIV(dev));
	}
	pthread_mutex_unlock(&pci_lock);
	closedir(dir);
	if (ret < 0)
		PCI_LOG(ERR, "scan of %s failed: %s\n", root, strerror(-ret));
	return ret;
}

int
rte_pci_map_device(struct rte_pci_device *dev)
{
	struct pci_device *pd;
	int ret;

	if (dev == NULL)
		return -EINVAL;
	pd = PCI_PRIV(dev);
	pthread_mutex_lock(&pci_lock);
	if (pd->mapped) {
		pthread_mutex_unlock(&pci_lock);
		return 0;
	}
	switch (dev->kdrv) {
	case RTE_PCI_KDRV_VFIO:
		if (pci_vfio_available()) {
			ret = pci_vfio_map(pd);
			break;
		}
		PCI_LOG(ERR, "%s is bound to vfio-pci, but there is no /dev/vfio/vfio\n",
			dev->name);
		ret = -ENODEV;
		break;
	case RTE_PCI_KDRV_IGB_UIO:
	case RTE_PCI_KDRV_UIO_GENERIC:
		ret = pci_uio_map(pd);
		break;
	default:
		PCI_LOG(ERR, "%s: cannot map its BARs: bound to neither vfio-pci, igb_uio nor "
			"uio_pci_generic\n", dev->name);
		ret = -ENODEV;
	}
	pd->mapped = ret == 0;
	pthread_mutex_unlock(&pci_lock);
	return ret;
}

void
rte_pci_unmap_device(struct rte_pci_device *dev)
{
	struct pci_device *pd;

	if (dev == NULL)
		return;
	pd = PCI_PRIV(dev);
	pthread_mutex_lock(&pci_lock);
	if (pd->mapped) {
		if (dev->kdrv == RTE_PCI_KDRV_VFIO)
			pci_vfio_unmap(pd);
		else
			pci_uio_unmap(pd);
		pd->mapped = false;
	}
	pthread_mutex_unlock(&pci_lock);
}

/*
 * Configuration space: through the VFIO device fd when this process has
 * one (the sysfs file shows only the standard header to non-root), else
 * the sysfs "config" file.
 */
static int
config_io(const struct rte_pci_device *device, void *buf, size_t len, off_t offset,
	  bool write)
{
	const struct pci_device *pd;
	char path[PATH_MAX];
	off_t base = 0;
	ssize_t n;
	int fd, err;

	if (device == NULL || buf == NULL || offset < 0)
		return -EINVAL;
	pd = PCI_PRIV(device);
	fd = pd->vfio_dev_fd;
	if (fd >= 0) {
		base = (off_t)pd->vfio_cfg_offset;
	} else {
		if (pci_sysfs_path(device, "config", path, sizeof(path)) < 0)
			return -ENAMETOOLONG;
		fd = open(path, (write ? O_WRONLY : O_RDONLY) | O_CLOEXEC);
		if (fd < 0) {
			err = errno;
			PCI_LOG(ERR, "%s: cannot open its configuration space: %s\n", device->name,
				strerror(err));
			return -err;
		}
	}
	n = write ? pwrite(fd, buf, len, base + offset) : pread(fd, buf, len, base + offset);
	err = errno;
	if (fd != pd->vfio_dev_fd)
		close(fd);
	if (n < 0) {
		PCI_LOG(ERR, "%s: cannot %s %zu bytes of configuration space at %jd: %s\n",
			device->name, write ? "write" : "read", len, (intmax_t)offset,
			strerror(err));
		return -err;
	}
	return (int)n;
}

int
rte_pci_read_config(const struct rte_pci_device *device, void *buf, size_t len, off_t offset)
{
	return config_io(device, buf, len, offset, false);
}

int
rte_pci_write_config(const struct rte_pci_device *device, const void *buf, size_t len,
		     off_t offset)
{
	return config_io(device, (void *)(uintptr_t)buf, len, offset, true);
}

/*
 * I/O ports are read and written through a file: the VFIO device fd at
 * the BAR's region, or the BAR's sysfs resource file (UIO). p->base holds
 * the BAR's index, the way back to that file.
 */
int
rte_pci_ioport_map(struct rte_pci_device *dev, int bar, struct rte_pci_ioport *p)
{
	struct pci_device *pd;
	int ret;

	if (dev == NULL || p == NULL || bar < 0 || bar >= PCI_MAX_RESOURCE)
		return -EINVAL;
	pd = PCI_PRIV(dev);
	pthread_mutex_lock(&pci_lock);
	switch (dev->kdrv) {
	case RTE_PCI_KDRV_VFIO:
		ret = pd->vfio_dev_fd >= 0 ? 0 : -ENODEV;
		if (ret < 0)
			PCI_LOG(ERR, "%s: map the device before its I/O ports\n", dev->name);
		break;
	case RTE_PCI_KDRV_IGB_UIO:
	case RTE_PCI_KDRV_UIO_GENERIC:
		ret = pci_uio_ioport_map(pd, bar);
		break;
	default:
		PCI_LOG(ERR, "%s: no I/O port access: bound to neither vfio-pci, igb_uio nor "
			"uio_pci_generic\n", dev->name);
		ret = -ENOTSUP;
	}
	pthread_mutex_unlock(&pci_lock);
	if (ret < 0)
		return ret;
	p->dev = dev;
	p->base = (uint64_t)bar;
	p->len = dev->mem_resource[bar].len;
	return 0;
}

int
rte_pci_ioport_unmap(struct rte_pci_ioport *p)
{
	struct pci_device *pd;
	int bar;

	if (p == NULL || p->dev == NULL || p->base >= PCI_MAX_RESOURCE)
		return -EINVAL;
	pd = PCI_PRIV(p->dev);
	bar = (int)p->base;
	pthread_mutex_lock(&pci_lock);
	if (pd->ioport_fd[bar] >= 0) {
		close(pd->ioport_fd[bar]);
		pd->ioport_fd[bar] = -1;
	}
	pthread_mutex_unlock(&pci_lock);
	p->dev = NULL;
	return 0;
}

static void
ioport_io(struct rte_pci_ioport *p, void *data, size_t len, off_t offset, bool write)
{
	const struct pci_device *pd;
	off_t base = 0;
	ssize_t n;
	int fd, bar;

	if (p == NULL || p->dev == NULL || p->base >= PCI_MAX_RESOURCE)
		return;
	pd = PCI_PRIV(p->dev);
	bar = (int)p->base;
	fd = pd->ioport_fd[bar];
	if (fd < 0) {
		fd = pd->vfio_dev_fd;
		base = (off_t)pd->vfio_bar_offset[bar];
	}
	n = write ? pwrite(fd, data, len, base + offset) : pread(fd, data, len, base + offset);
	if (n != (ssize_t)len)
		PCI_LOG(ERR, "%s: cannot %s %zu bytes of I/O port BAR%d at %jd: %s\n",
			p->dev->name, write ? "write" : "read", len, bar, (intmax_t)offset,
			n < 0 ? strerror(errno) : "short transfer");
}

void
rte_pci_ioport_read(struct rte_pci_ioport *p, void *data, size_t len, off_t offset)
{
	ioport_io(p, data, len, offset, false);
}

void
rte_pci_ioport_write(struct rte_pci_ioport *p, const void *data, size_t len, off_t offset)
{
	ioport_io(p, (void *)(uintptr_t)data, len, offset, true);
}
