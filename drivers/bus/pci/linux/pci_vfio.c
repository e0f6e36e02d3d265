/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Devices on vfio-pci. Every process gets its own device fd from its fd
 * of the device's group (pci_vfio_container.c), reads where the regions
 * are, and maps the BARs through it (pci_maps.c puts them at the same
 * address everywhere). The primary alone owns the device as a whole: it
 * enables bus mastering, takes the interrupt (an eventfd, in the device's
 * intr_handle) and the kernel's release request, and resets the device
 * when it lets it go.
 */

#include <errno.h>
#include <inttypes.h>
#include <linux/pci_regs.h>
#include <linux/vfio.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <bus_pci_driver.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_interrupts.h>

#include "pci_private.h"

static bool
is_primary(void)
{
	return rte_eal_process_type() == RTE_PROC_PRIMARY;
}

static int
region_info(struct pci_device *pd, unsigned int index, struct vfio_region_info *ri)
{
	memset(ri, 0, sizeof(*ri));
	ri->argsz = sizeof(*ri);
	ri->index = index;
	return ioctl(pd->vfio_dev_fd, VFIO_DEVICE_GET_REGION_INFO, ri) < 0 ? -errno : 0;
}

/* Where configuration space and the BARs are in the device fd. */
static int
read_regions(struct pci_device *pd)
{
	struct vfio_device_info info;
	struct vfio_region_info ri;
	int bar, ret;

	memset(&info, 0, sizeof(info));
	info.argsz = sizeof(info);
	if (ioctl(pd->vfio_dev_fd, VFIO_DEVICE_GET_INFO, &info) < 0 ||
	    !(info.flags & VFIO_DEVICE_FLAGS_PCI) ||
	    info.num_regions <= VFIO_PCI_CONFIG_REGION_INDEX) {
		PCI_LOG(ERR, "%s: VFIO does not describe it as a PCI device\n", pd->dev.name);
		return -ENODEV;
	}
	ret = region_info(pd, VFIO_PCI_CONFIG_REGION_INDEX, &ri);
	if (ret < 0) {
		PCI_LOG(ERR, "%s: no configuration space region: %s\n", pd->dev.name,
			strerror(-ret));
		return ret;
	}
	pd->vfio_cfg_offset = ri.offset;
	for (bar = 0; bar < PCI_MAX_RESOURCE; bar++) {
		pd->vfio_bar_mmap[bar] = false;
		if (region_info(pd, VFIO_PCI_BAR0_REGION_INDEX + (unsigned int)bar, &ri) < 0)
			continue;
		pd->vfio_bar_offset[bar] = ri.offset;
		pd->vfio_bar_mmap[bar] = (ri.flags & VFIO_REGION_INFO_FLAG_MMAP) && ri.size > 0;
	}
	return 0;
}

static int
vfio_open_bar(struct pci_device *pd, int bar, uint64_t *offset, bool *close_after)
{
	if (!pd->vfio_bar_mmap[bar]) {
		PCI_LOG(INFO, "%s: VFIO does not let BAR%d be mapped: left unmapped\n",
			pd->dev.name, bar);
		return -ENOTSUP;
	}
	*offset = pd->vfio_bar_offset[bar];
	*close_after = false;
	return pd->vfio_dev_fd;
}

static int
set_bus_master(struct pci_device *pd)
{
	uint16_t cmd;

	if (rte_pci_read_config(&pd->dev, &cmd, sizeof(cmd), PCI_COMMAND) != sizeof(cmd))
		return -EIO;
	if (cmd & PCI_COMMAND_MASTER)
		return 0;
	cmd |= PCI_COMMAND_MASTER;
	return rte_pci_write_config(&pd->dev, &cmd, sizeof(cmd), PCI_COMMAND) == sizeof(cmd) ?
	       0 : -EIO;
}

/* Point an interrupt index of the device at fd (-1: stop it). */
static int
set_irq(struct pci_device *pd, unsigned int index, int fd)
{
	char buf[sizeof(struct vfio_irq_set) + sizeof(int)];
	struct vfio_irq_set *set = (struct vfio_irq_set *)buf;

	memset(buf, 0, sizeof(buf));
	set->argsz = sizeof(buf);
	set->index = index;
	set->start = 0;
	if (fd >= 0) {
		set->flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER;
		set->count = 1;
		memcpy(set->data, &fd, sizeof(fd));
	} else {
		set->argsz = sizeof(*set);
		set->flags = VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER;
		set->count = 0;
	}
	return ioctl(pd->vfio_dev_fd, VFIO_DEVICE_SET_IRQS, set) < 0 ? -errno : 0;
}

static bool
irq_offered(struct pci_device *pd, unsigned int index)
{
	struct vfio_irq_info ii;

	memset(&ii, 0, sizeof(ii));
	ii.argsz = sizeof(ii);
	ii.index = index;
	return ioctl(pd->vfio_dev_fd, VFIO_DEVICE_GET_IRQ_INFO, &ii) == 0 && ii.count > 0 &&
	       (ii.flags & VFIO_IRQ_INFO_EVENTFD);
}

/* An eventfd for index, in handle: 0, 1 when the kernel does not offer it, or -errno. */
static int
irq_open(struct pci_device *pd, unsigned int index, struct rte_intr_handle *handle,
	 enum rte_intr_handle_type type, int *fdp)
{
	int fd, ret;

	if (!irq_offered(pd, index))
		return 1;
	fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (fd < 0)
		return -errno;
	ret = set_irq(pd, index, fd);
	if (ret < 0) {
		close(fd);
		PCI_LOG(ERR, "%s: cannot take interrupt index %u: %s\n", pd->dev.name, index,
			strerror(-ret));
		return ret;
	}
	*fdp = fd;
	rte_intr_fd_set(handle, fd);
	rte_intr_dev_fd_set(handle, pd->vfio_dev_fd);
	rte_intr_type_set(handle, type);
	return 0;
}

static unsigned int
irq_index_of(enum rte_intr_handle_type type)
{
	switch (type) {
	case RTE_INTR_HANDLE_VFIO_MSIX:
		return VFIO_PCI_MSIX_IRQ_INDEX;
	case RTE_INTR_HANDLE_VFIO_MSI:
		return VFIO_PCI_MSI_IRQ_INDEX;
	case RTE_INTR_HANDLE_VFIO_REQ:
		return VFIO_PCI_REQ_IRQ_INDEX;
	default:
		return VFIO_PCI_INTX_IRQ_INDEX;
	}
}

static void
irq_close(struct pci_device *pd, struct rte_intr_handle *handle, int *fdp)
{
	if (*fdp < 0)
		return;
	set_irq(pd, irq_index_of(rte_intr_type_get(handle)), -1);
	close(*fdp);
	*fdp = -1;
	rte_intr_fd_set(handle, -1);
	rte_intr_type_set(handle, RTE_INTR_HANDLE_UNKNOWN);
}

/* The best interrupt the kernel offers: MSI-X, MSI, then INTx. */
static int
intr_setup(struct pci_device *pd)
{
	static const struct {
		unsigned int index;
		enum rte_intr_handle_type type;
	} kinds[] = {
		{ VFIO_PCI_MSIX_IRQ_INDEX, RTE_INTR_HANDLE_VFIO_MSIX },
		{ VFIO_PCI_MSI_IRQ_INDEX, RTE_INTR_HANDLE_VFIO_MSI },
		{ VFIO_PCI_INTX_IRQ_INDEX, RTE_INTR_HANDLE_VFIO_LEGACY },
	};
	unsigned int i;
	int ret;

	for (i = 0; i < RTE_DIM(kinds); i++) {
		ret = irq_open(pd, kinds[i].index, pd->dev.intr_handle, kinds[i].type,
			       &pd->vfio_irq_fd);
		if (ret <= 0)
			return ret;
	}
	PCI_LOG(DEBUG, "%s: VFIO offers no interrupt\n", pd->dev.name);
	return 0;
}

/*
 * Interrupt thread: the kernel wants the device back (unbind, removal).
 * Not under pci_lock: unmapping holds it while it waits for this callback
 * to end (req_teardown), and leaves the maps alone until then. The
 * application detaches the device after this returns (an alarm), not
 * from its event callback.
 */
static void
release_request(void *arg)
{
	struct pci_device *pd = arg;
	uint64_t n;

	if (read(pd->vfio_req_fd, &n, sizeof(n)) < 0)
		return;
	PCI_LOG(NOTICE, "%s: the kernel asks for the device back: its BARs now read as "
		"zeros\n", pd->dev.name);
	pci_maps_fail(pd);
	rte_dev_event_callback_process(pd->dev.name, RTE_DEV_EVENT_REMOVE);
}

static int
req_setup(struct pci_device *pd)
{
	int ret = irq_open(pd, VFIO_PCI_REQ_IRQ_INDEX, pd->dev.vfio_req_intr_handle,
			   RTE_INTR_HANDLE_VFIO_REQ, &pd->vfio_req_fd);

	if (ret != 0)
		return ret > 0 ? 0 : ret;
	ret = rte_intr_callback_register(pd->dev.vfio_req_intr_handle, release_request, pd);
	if (ret < 0) {
		irq_close(pd, pd->dev.vfio_req_intr_handle, &pd->vfio_req_fd);
		PCI_LOG(ERR, "%s: cannot watch VFIO release requests: %s\n", pd->dev.name,
			strerror(-ret));
	}
	return ret;
}

static void
req_teardown(struct pci_device *pd)
{
	if (pd->vfio_req_fd < 0)
		return;
	if (rte_thread_is_intr())
		rte_intr_callback_unregister_pending(pd->dev.vfio_req_intr_handle,
						     release_request, pd, NULL);
	else
		rte_intr_callback_unregister_sync(pd->dev.vfio_req_intr_handle,
						  release_request, pd);
	irq_close(pd, pd->dev.vfio_req_intr_handle, &pd->vfio_req_fd);
}

/* Give back the device fd and the group. */
static void
device_close(struct pci_device *pd)
{
	close(pd->vfio_dev_fd);
	pd->vfio_dev_fd = -1;
	rte_intr_dev_fd_set(pd->dev.intr_handle, -1);
	pci_vfio_group_put(pd->vfio_group);
	pd->vfio_group = -1;
}

int
pci_vfio_map(struct pci_device *pd)
{
	int group, group_fd, ret;

	ret = pci_vfio_group_number(&pd->dev, &group);
	if (ret < 0)
		return ret;
	ret = pci_vfio_group_get(group, &group_fd);
	if (ret < 0)
		return ret;
	pd->vfio_group = group;
	pd->vfio_dev_fd = ioctl(group_fd, VFIO_GROUP_GET_DEVICE_FD, pd->dev.name);
	if (pd->vfio_dev_fd < 0) {
		ret = -errno;
		PCI_LOG(ERR, "%s: cannot get its VFIO device fd from group %d: %s\n", pd->dev.name,
			group, strerror(-ret));
		pd->vfio_dev_fd = -1;
		pci_vfio_group_put(group);
		pd->vfio_group = -1;
		return ret;
	}
	ret = read_regions(pd);
	if (ret == 0 && is_primary()) {
		ret = set_bus_master(pd);
		if (ret < 0)
			PCI_LOG(ERR, "%s: cannot enable bus mastering\n", pd->dev.name);
	}
	if (ret == 0)
		ret = pci_maps_map(pd, vfio_open_bar);
	if (ret == 0 && is_primary()) {
		ret = intr_setup(pd);
		if (ret == 0)
			ret = req_setup(pd);
		if (ret < 0) {
			irq_close(pd, pd->dev.intr_handle, &pd->vfio_irq_fd);
			pci_maps_unmap(pd);
		}
	}
	if (ret == 0 && !is_primary())
		rte_intr_dev_fd_set(pd->dev.intr_handle, pd->vfio_dev_fd);
	if (ret < 0)
		device_close(pd);
	return ret;
}

void
pci_vfio_unmap(struct pci_device *pd)
{
	if (is_primary()) {
		req_teardown(pd);
		irq_close(pd, pd->dev.intr_handle, &pd->vfio_irq_fd);
	}
	pci_maps_unmap(pd);
	/* The next user finds the device as after boot. */
	if (is_primary() && ioctl(pd->vfio_dev_fd, VFIO_DEVICE_RESET) < 0)
		PCI_LOG(DEBUG, "%s: no reset: %s\n", pd->dev.name, strerror(errno));
	device_close(pd);
}
