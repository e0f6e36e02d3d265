/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_BUS_PCI_H_
#define _RTE_BUS_PCI_H_

/**
 * @file
 * The PCI bus (DPDK 22.11 API, what DPDK splits between rte_pci.h and
 * rte_bus_pci.h). Devices are found in sysfs (/sys/bus/pci/devices, or the
 * directory named by the SYSFS_PCI_DEVICES environment variable) and named
 * by their address, "DDDD:BB:DD.F". Attaching one with rte_dev_probe()
 * ("pci:0000:03:00.0" or "0000:03:00.0") attaches it in every process of
 * the group; its BARs are then mapped at the same address in each of them.
 */

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/** A PCI address: domain, bus, device (0-0x1f), function (0-7). */
struct rte_pci_addr {
	uint32_t domain;
	uint8_t bus;
	uint8_t devid;
	uint8_t function;
};

/** What a device is, or (in a driver's table) which devices a driver takes. */
struct rte_pci_id {
	uint32_t class_id;             /**< class, subclass, prog-if; or RTE_CLASS_ANY_ID */
	uint16_t vendor_id;            /**< or RTE_PCI_ANY_ID */
	uint16_t device_id;            /**< or RTE_PCI_ANY_ID */
	uint16_t subsystem_vendor_id;  /**< or RTE_PCI_ANY_ID */
	uint16_t subsystem_device_id;  /**< or RTE_PCI_ANY_ID */
};

/** "DDDD:BB:DD.F", the name of a PCI device. */
#define PCI_PRI_FMT "%.4" PRIx32 ":%.2" PRIx8 ":%.2" PRIx8 ".%" PRIx8
/** "BB:DD.F", the short form (domain 0). */
#define PCI_SHORT_PRI_FMT "%.2" PRIx8 ":%.2" PRIx8 ".%" PRIx8
/** Room for the longest name (an eight-digit domain), NUL included. */
#define PCI_PRI_STR_SIZE sizeof("XXXXXXXX:XX:XX.X")
/** Fields of an address. */
#define PCI_FMT_NVAL 4
/** Fields of a line of a sysfs resource file: start, end, flags. */
#define PCI_RESOURCE_FMT_NVAL 3
/** BARs of a device. */
#define PCI_MAX_RESOURCE 6

/** Any vendor, device or subsystem id in a driver's id table. */
#define RTE_PCI_ANY_ID (0xffff)
#define PCI_ANY_ID RTE_PCI_ANY_ID
/** Any class in a driver's id table. */
#define RTE_CLASS_ANY_ID (0xffffff)

/**
 * Parse "DDDD:BB:DD.F" (domain of one to eight hex digits) or "BB:DD.F"
 * (domain 0) into *addr, every byte of which is written (padding zeroed),
 * so that parsed addresses compare with memcmp. 0, or -EINVAL (nothing
 * written) when str is not exactly an address.
 */
int rte_pci_addr_parse(const char *str, struct rte_pci_addr *addr);

/** Write the name of addr ("DDDD:BB:DD.F") into output, truncated to size. */
void rte_pci_device_name(const struct rte_pci_addr *addr, char *output, size_t size);

/**
 * Order two addresses by domain, bus, device and function: 0 when they are
 * the same address, negative when addr comes first, positive otherwise.
 */
int rte_pci_addr_cmp(const struct rte_pci_addr *addr, const struct rte_pci_addr *addr2);

/** The sysfs directory scanned: $SYSFS_PCI_DEVICES, or /sys/bus/pci/devices. */
const char *rte_pci_get_sysfs_path(void);

struct rte_pci_device;

/** Print every device the bus found: address, ids, kernel driver, BARs. */
void rte_pci_dump(FILE *f);

/**
 * Read len bytes of the device's configuration space at offset: the
 * number of bytes read, or a negative errno.
 */
int rte_pci_read_config(const struct rte_pci_device *device, void *buf, size_t len,
			off_t offset);

/** Write len bytes of configuration space at offset: bytes written, or a negative errno. */
int rte_pci_write_config(const struct rte_pci_device *device, const void *buf, size_t len,
			 off_t offset);

/** An I/O port BAR opened with rte_pci_ioport_map(). */
struct rte_pci_ioport {
	struct rte_pci_device *dev;
	uint64_t base;   /**< where the BAR starts in what this process reaches it through */
	uint64_t len;    /**< its length */
};

/** Open I/O port BAR bar of dev for rte_pci_ioport_read/write: 0 or a negative errno. */
int rte_pci_ioport_map(struct rte_pci_device *dev, int bar, struct rte_pci_ioport *p);

/** Close it: 0 or a negative errno. */
int rte_pci_ioport_unmap(struct rte_pci_ioport *p);

/** Read len bytes at offset in the port (a failure is logged). */
void rte_pci_ioport_read(struct rte_pci_ioport *p, void *data, size_t len, off_t offset);

/** Write len bytes at offset in the port (a failure is logged). */
void rte_pci_ioport_write(struct rte_pci_ioport *p, const void *data, size_t len,
			  off_t offset);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_BUS_PCI_H_ */
