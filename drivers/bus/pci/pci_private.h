/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef PCI_PRIVATE_H
#define PCI_PRIVATE_H

/*
 * Inside the PCI bus. pci_common.c is the bus (device and driver lists,
 * probe, hotplug, policy); pci_params.c parses names, devargs and
 * iterator strings; pci_maps.c maps BARs at the same address in every
 * process; linux/ has the sysfs scan (pci.c), UIO (pci_uio.c) and VFIO
 * (pci_vfio.c for devices, pci_vfio_container.c for containers, groups,
 * DMA and the handover of their fds to secondaries).
 */

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/queue.h>

#include <bus_pci_driver.h>
#include <rte_bus_pci.h>
#include <rte_log.h>
#include <rte_memzone.h>

extern int pci_logtype;
#define PCI_LOG(level, ...) \
	rte_log(RTE_LOG_ ## level, pci_logtype, "PCI: " __VA_ARGS__)

/* Flags of a BAR in a sysfs resource file (the kernel's IORESOURCE_*). */
#define PCI_IORESOURCE_IO       0x00000100
#define PCI_IORESOURCE_MEM      0x00000200
#define PCI_IORESOURCE_PREFETCH 0x00002000

/* One BAR mapped in this process. */
struct pci_map {
	void *addr;
	uint64_t len;
	uint64_t offset;   /* of the BAR in the file it is mapped from */
	int bar;
};

/*
 * What the bus keeps of a device in this process, around the public
 * structure (which drivers see). Process-local, protected by pci_lock;
 * only the SIGBUS handler reads maps without it (see pci_maps_find).
 */
struct pci_device {
	struct rte_pci_device dev;
	uint64_t bar_flags[PCI_MAX_RESOURCE];  /* PCI_IORESOURCE_* from sysfs */
	struct pci_map maps[PCI_MAX_RESOURCE];
	unsigned int nb_maps;
	bool mapped;                           /* rte_pci_map_device() succeeded */
	bool failed;                           /* removed under us: BARs are anonymous memory */
	bool seen;                             /* found by the scan in progress */
	const struct rte_memzone *shared;      /* primary: the record of maps */
	int uio_fd;                            /* /dev/uioN, or -1 */
	int vfio_dev_fd;                       /* or -1 */
	int vfio_group;                        /* the group number held, or -1 */
	int vfio_irq_fd;                       /* primary: eventfd of the device's interrupt */
	int vfio_req_fd;                       /* primary: eventfd of the release request */
	uint64_t vfio_cfg_offset;              /* config space region in the device fd */
	uint64_t vfio_bar_offset[PCI_MAX_RESOURCE];
	bool vfio_bar_mmap[PCI_MAX_RESOURCE];
	int ioport_fd[PCI_MAX_RESOURCE];       /* UIO: the resource file of an open port */
};

#define PCI_PRIV(d) container_of(d, struct pci_device, dev)

/*
 * The primary's mappings of a device, in the memzone "pci_maps_<name>",
 * one per mapped device. The primary writes it before any secondary can
 * attach the device (it attaches first) and frees it after every
 * secondary has detached it (it detaches last); the hotplug FIFO orders
 * these, so between the two it is read-only and needs no lock.
 */
struct pci_shared_maps {
	uint32_t nb_maps;
	uint32_t kdrv;
	struct {
		uint64_t addr;
		uint64_t len;
		uint64_t offset;
		int32_t bar;
		uint32_t reserved;
	} maps[PCI_MAX_RESOURCE];
};

/* pci_common.c: the device list and the lock protecting it and every device. */
TAILQ_HEAD(pci_device_list, rte_pci_device);
extern struct pci_device_list pci_devices;
extern pthread_mutex_t pci_lock;
extern struct rte_bus pci_bus;

/* The entry of table matching id (the table ends with vendor_id 0), or NULL. */
const struct rte_pci_id *pci_match_id(const struct rte_pci_id *table,
				      const struct rte_pci_id *id);

/* The device at addr, or NULL; with pci_lock held. */
struct pci_device *pci_device_find(const struct rte_pci_addr *addr);

/* Put a new device in the list, in address order; with pci_lock held. */
void pci_device_insert(struct pci_device *pd);

/* Take a device out of the list and free it, its driver done with it; with pci_lock held. */
void pci_device_free(struct pci_device *pd);

/* pci_params.c */
int pci_parse(const char *name, void *addr);
int pci_devargs_parse(struct rte_devargs *da);
void *pci_dev_iterate(const void *start, const char *str, const struct rte_dev_iterator *it);
/* The devargs the EAL has for the device at addr, or NULL. */
struct rte_devargs *pci_devargs_lookup(const struct rte_pci_addr *addr);

/*
 * pci_maps.c. A backend (UIO, VFIO) says how a BAR is reached: an fd and
 * the BAR's offset in it; *close_after when the fd is only for mapping.
 * -ENOTSUP skips the BAR (it cannot be mapped; the backend said why).
 */
typedef int (*pci_bar_open_t)(struct pci_device *pd, int bar, uint64_t *offset,
			      bool *close_after);

/*
 * Map every memory BAR of the device: in the primary at addresses it
 * chooses, recorded in shared memory; in a secondary at the primary's
 * addresses. 0, or a negative errno with nothing mapped.
 */
int pci_maps_map(struct pci_device *pd, pci_bar_open_t open_bar);

/* Unmap them; the primary frees the record. */
void pci_maps_unmap(struct pci_device *pd);

/* The device is gone: put anonymous memory where its BARs were. Signal-safe. */
void pci_maps_fail(struct pci_device *pd);

/* The device that has addr in one of its BARs, or NULL. No lock: for the SIGBUS handler. */
struct pci_device *pci_maps_find(const void *addr);

/* linux/pci.c */
int pci_scan(void);
/* Path of a file of the device's sysfs directory; -ENAMETOOLONG if it does not fit. */
int pci_sysfs_path(const struct rte_pci_device *dev, const char *file, char *buf, size_t size);

/* linux/pci_uio.c */
int pci_uio_map(struct pci_device *pd);
void pci_uio_unmap(struct pci_device *pd);
/* An open fd of the I/O port BAR's resource file, kept in pd->ioport_fd[bar]. */
int pci_uio_ioport_map(struct pci_device *pd, int bar);

/* linux/pci_vfio.c */
int pci_vfio_map(struct pci_device *pd);
void pci_vfio_unmap(struct pci_device *pd);

/* linux/pci_vfio_container.c */
/* Whether this machine has VFIO (/dev/vfio/vfio). */
bool pci_vfio_available(void);
/* Whether VFIO runs without an IOMMU (enable_unsafe_noiommu_mode). */
bool pci_vfio_noiommu(void);
/* The IOMMU group of a device, from its iommu_group link: 0 or a negative errno. */
int pci_vfio_group_number(const struct rte_pci_device *dev, int *group);
/*
 * An fd of group, in the group's container, held until pci_vfio_group_put.
 * The primary opens the group (and the container, mapping the group's
 * memory for DMA); a secondary gets both fds from the primary over IPC.
 */
int pci_vfio_group_get(int group, int *fd);
void pci_vfio_group_put(int group);
/* DMA map or unmap a range in the container: 0 or a negative errno. */
int pci_vfio_dma(bool map, uint64_t vaddr, uint64_t iova, uint64_t len);
/* Primary: answer secondaries' requests for fds; and stop. */
int pci_vfio_mp_init(void);
void pci_vfio_mp_fini(void);

#endif /* PCI_PRIVATE_H */
