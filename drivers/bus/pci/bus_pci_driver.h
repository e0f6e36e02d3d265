/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _BUS_PCI_DRIVER_H_
#define _BUS_PCI_DRIVER_H_

/**
 * @file
 * PCI drivers (DPDK 22.11 driver SDK header). A driver registers with
 * RTE_PMD_REGISTER_PCI(name, drv) and an id table; the bus probes it on
 * every device its table matches that is bound to a kernel driver user
 * space can work with (vfio-pci, uio_pci_generic, igb_uio). With
 * RTE_PCI_DRV_NEED_MAPPING the bus maps the BARs before probe and unmaps
 * them after remove; mem_resource[i].addr is then the same address in
 * every process of the group.
 */

#include <stdint.h>
#include <sys/queue.h>

#include <bus_driver.h>
#include <dev_driver.h>
#include <rte_bus_pci.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <rte_interrupts.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A BAR: its bus address and length, and where it is mapped (NULL: not mapped). */
struct rte_mem_resource {
	uint64_t phys_addr;
	uint64_t len;
	void *addr;
};

/** The kernel driver a device is bound to. */
enum rte_pci_kernel_driver {
	RTE_PCI_KDRV_UNKNOWN = 0,  /**< a kernel driver user space cannot use */
	RTE_PCI_KDRV_IGB_UIO,
	RTE_PCI_KDRV_VFIO,
	RTE_PCI_KDRV_UIO_GENERIC,
	RTE_PCI_KDRV_NIC_UIO,      /**< FreeBSD only */
	RTE_PCI_KDRV_NONE,         /**< bound to no driver */
	RTE_PCI_KDRV_NET_UIO,      /**< NetUIO, Windows only */
};

struct rte_pci_driver;

/** A PCI device as this process sees it; found by the scan, process-local. */
struct rte_pci_device {
	TAILQ_ENTRY(rte_pci_device) next;
	struct rte_device device;
	struct rte_pci_addr addr;
	struct rte_pci_id id;
	struct rte_mem_resource mem_resource[PCI_MAX_RESOURCE];
	struct rte_intr_handle *intr_handle;   /**< the device's interrupt (VFIO, UIO) */
	struct rte_pci_driver *driver;         /**< NULL until probed */
	uint16_t max_vfs;                      /**< SR-IOV VFs enabled, 0 if none */
	enum rte_pci_kernel_driver kdrv;
	char name[PCI_PRI_STR_SIZE + 1];       /**< the address, "DDDD:BB:DD.F" */
	char *bus_info;
	struct rte_intr_handle *vfio_req_intr_handle; /**< VFIO's "release the device" request */
};

#define RTE_DEV_TO_PCI(ptr) container_of(ptr, struct rte_pci_device, device)
#define RTE_DEV_TO_PCI_CONST(ptr) container_of(ptr, const struct rte_pci_device, device)

/** Probe: 0 when the driver took the device, > 0 when it declines it, < 0 on error. */
typedef int (rte_pci_probe_t)(struct rte_pci_driver *drv, struct rte_pci_device *dev);
/** Remove: 0, or a negative errno with the device still the driver's. */
typedef int (rte_pci_remove_t)(struct rte_pci_device *dev);
typedef int (pci_dma_map_t)(struct rte_pci_device *dev, void *addr, uint64_t iova, size_t len);
typedef int (pci_dma_unmap_t)(struct rte_pci_device *dev, void *addr, uint64_t iova,
			      size_t len);

struct rte_pci_driver {
	TAILQ_ENTRY(rte_pci_driver) next;
	struct rte_driver driver;
	rte_pci_probe_t *probe;
	rte_pci_remove_t *remove;
	pci_dma_map_t *dma_map;                /**< NULL: the bus maps through VFIO */
	pci_dma_unmap_t *dma_unmap;
	const struct rte_pci_id *id_table;     /**< ends with an entry of vendor_id 0 */
	uint32_t drv_flags;
};

/** The bus maps the BARs before probe (and unmaps them after remove). */
#define RTE_PCI_DRV_NEED_MAPPING    0x0001
/** Map prefetchable BARs write-combined where the kernel offers it. */
#define RTE_PCI_DRV_WC_ACTIVATE     0x0002
/** The driver handles link state interrupts (for ethdev). */
#define RTE_PCI_DRV_INTR_LSC        0x0008
/** The driver handles removal interrupts (for ethdev). */
#define RTE_PCI_DRV_INTR_RMV        0x0010
/*
 * Accepted for source compatibility, not acted on: a probed device is not
 * probed again (-EEXIST), BARs are unmapped after remove, and the IOVA
 * mode is the EAL's.
 */
#define RTE_PCI_DRV_PROBE_AGAIN     0x0004
#define RTE_PCI_DRV_KEEP_MAPPED_RES 0x0020
#define RTE_PCI_DRV_NEED_IOVA_AS_VA 0x0040

/** An id table entry for one vendor and device, any class and subsystem. */
#define RTE_PCI_DEVICE(vend, dev) \
	.class_id = RTE_CLASS_ANY_ID, \
	.vendor_id = (vend), \
	.device_id = (dev), \
	.subsystem_vendor_id = RTE_PCI_ANY_ID, \
	.subsystem_device_id = RTE_PCI_ANY_ID

void rte_pci_register(struct rte_pci_driver *driver);
void rte_pci_unregister(struct rte_pci_driver *driver);

#define RTE_PMD_REGISTER_PCI(nm, pci_drv) \
RTE_INIT(pciinitfn_ ##nm) \
{ \
	(pci_drv).driver.name = RTE_STR(nm); \
	rte_pci_register(&pci_drv); \
} \
RTE_PMD_EXPORT_NAME(nm, __COUNTER__)

/** The driver's id table, kept in the binary for tools. */
#define RTE_PMD_REGISTER_PCI_TABLE(name, table) \
static const char DRV_EXP_TAG(name, pci_tbl_export)[] __rte_used = RTE_STR(table)

/**
 * Map the device's memory BARs in this process (done by the bus before
 * probe for RTE_PCI_DRV_NEED_MAPPING drivers): in the primary at addresses
 * it chooses and records in shared memory, in a secondary at those same
 * addresses. 0, or a negative errno with nothing mapped.
 */
int rte_pci_map_device(struct rte_pci_device *dev);

/** Unmap what rte_pci_map_device() mapped in this process. */
void rte_pci_unmap_device(struct rte_pci_device *dev);

#ifdef __cplusplus
}
#endif

#endif /* _BUS_PCI_DRIVER_H_ */
