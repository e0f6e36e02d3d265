/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Devices on UIO (uio_pci_generic, igb_uio): every process maps the BARs
 * from their sysfs resource files (resourceN, or resourceN_wc for a
 * write-combining driver) and opens the interrupt, /dev/uioN, itself.
 * There is nothing to hand over between processes but the addresses.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <bus_pci_driver.h>
#include <rte_common.h>
#include <rte_interrupts.h>

#include "pci_private.h"

static int
open_resource(const struct pci_device *pd, int bar, const char *suffix)
{
	char path[PATH_MAX], file[32];

	snprintf(file, sizeof(file), "resource%d%s", bar, suffix);
	if (pci_sysfs_path(&pd->dev, file, path, sizeof(path)) < 0)
		return -ENAMETOOLONG;
	return open(path, O_RDWR | O_CLOEXEC);
}

static int
uio_open_bar(struct pci_device *pd, int bar, uint64_t *offset, bool *close_after)
{
	const struct rte_pci_driver *drv = pd->dev.driver;
	int fd = -1, err;

	if (drv != NULL && (drv->drv_flags & RTE_PCI_DRV_WC_ACTIVATE) &&
	    (pd->bar_flags[bar] & PCI_IORESOURCE_PREFETCH))
		fd = open_resource(pd, bar, "_wc");
	if (fd < 0)
		fd = open_resource(pd, bar, "");
	if (fd < 0) {
		err = fd == -ENAMETOOLONG ? ENAMETOOLONG : errno;
		PCI_LOG(ERR, "%s: cannot open the resource file of BAR%d: %s\n", pd->dev.name, bar,
			strerror(err));
		return -err;
	}
	*offset = 0;
	*close_after = true;
	return fd;
}

/* N of the device's uio/uioN directory, or -ENOENT when UIO gave it none. */
static int
uio_number(const struct pci_device *pd)
{
	char path[PATH_MAX];
	struct dirent *e;
	int n = -ENOENT;
	DIR *dir;

	if (pci_sysfs_path(&pd->dev, "uio", path, sizeof(path)) < 0)
		return -ENAMETOOLONG;
	dir = opendir(path);
	if (dir == NULL)
		return -ENOENT;
	while (n < 0 && (e = readdir(dir)) != NULL) {
		if (sscanf(e->d_name, "uio%d", &n) != 1)
			n = -ENOENT;
	}
	closedir(dir);
	return n;
}

static void
intr_close(struct pci_device *pd)
{
	if (pd->uio_fd < 0)
		return;
	close(pd->uio_fd);
	pd->uio_fd = -1;
	rte_intr_fd_set(pd->dev.intr_handle, -1);
	rte_intr_type_set(pd->dev.intr_handle, RTE_INTR_HANDLE_UNKNOWN);
}

static int
intr_open(struct pci_device *pd)
{
	char path[32];
	int n = uio_number(pd), err;

	if (n < 0) {
		PCI_LOG(DEBUG, "%s: no uio device, so no interrupt\n", pd->dev.name);
		return 0;
	}
	snprintf(path, sizeof(path), "/dev/uio%d", n);
	pd->uio_fd = open(path, O_RDWR | O_CLOEXEC);
	if (pd->uio_fd < 0) {
		err = errno;
		PCI_LOG(ERR, "%s: cannot open its interrupt, %s: %s\n", pd->dev.name, path,
			strerror(err));
		return -err;
	}
	rte_intr_fd_set(pd->dev.intr_handle, pd->uio_fd);
	rte_intr_type_set(pd->dev.intr_handle, pd->dev.kdrv == RTE_PCI_KDRV_IGB_UIO ?
			  RTE_INTR_HANDLE_UIO : RTE_INTR_HANDLE_UIO_INTX);
	return 0;
}

int
pci_uio_map(struct pci_device *pd)
{
	int ret = intr_open(pd);

	if (ret < 0)
		return ret;
	ret = pci_maps_map(pd, uio_open_bar);
	if (ret < 0)
		intr_close(pd);
	return ret;
}

void
pci_uio_unmap(struct pci_device *pd)
{
	pci_maps_unmap(pd);
	intr_close(pd);
}

int
pci_uio_ioport_map(struct pci_device *pd, int bar)
{
	int fd, err;

	if (!(pd->bar_flags[bar] & PCI_IORESOURCE_IO)) {
		PCI_LOG(ERR, "%s: BAR%d is not an I/O port BAR\n", pd->dev.name, bar);
		return -EINVAL;
	}
	if (pd->ioport_fd[bar] >= 0)
		return 0;
	fd = open_resource(pd, bar, "");
	if (fd < 0) {
		err = fd == -ENAMETOOLONG ? ENAMETOOLONG : errno;
		PCI_LOG(ERR, "%s: cannot open I/O port BAR%d: %s\n", pd->dev.name, bar,
			strerror(err));
		return -err;
	}
	pd->ioport_fd[bar] = fd;
	return 0;
}
