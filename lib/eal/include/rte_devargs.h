/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_DEVARGS_H_
#define _RTE_DEVARGS_H_

/**
 * @file
 * Device arguments (DPDK 22.11 API): "bus:name,key=value,..." or
 * "name,key=value,..." where the bus is the one whose parse callback
 * recognises the name (a PCI address, a vdev driver name...). The EAL
 * keeps a list of them: from -a, -b and --vdev, and from hotplug.
 */

#include <stdio.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_dev.h>

#ifdef __cplusplus
extern "C" {
#endif

enum rte_devtype {
	RTE_DEVTYPE_ALLOWED,
	RTE_DEVTYPE_BLOCKED,
	RTE_DEVTYPE_VIRTUAL,
};

enum rte_dev_policy {
	RTE_DEV_ALLOWED,
	RTE_DEV_BLOCKED,
};

struct rte_devargs {
	TAILQ_ENTRY(rte_devargs) next;
	enum rte_devtype type;
	enum rte_dev_policy policy;
	char name[RTE_DEV_NAME_MAX_LEN];   /**< the device name, bus prefix removed */
	RTE_STD_C11
	union {
		const char *args;          /**< "key=value,..." after the name ("" if none) */
		const char *drv_str;
	};
	struct rte_bus *bus;
	struct rte_class *cls;
	const char *bus_str;
	const char *cls_str;
	char *data;                        /**< owns the strings above */
};

/**
 * Parse dev into da (which it resets first). 0, or a negative errno with
 * one log line: -EINVAL (empty or malformed), -ENAMETOOLONG (name too
 * long), -ENODEV (no bus knows the name, or unknown bus prefix), -ENOMEM.
 * Free what it allocates with rte_devargs_reset().
 */
int rte_devargs_parse(struct rte_devargs *da, const char *dev);

/** rte_devargs_parse() of a printf-formatted string. */
int rte_devargs_parsef(struct rte_devargs *da, const char *format, ...)
	__rte_format_printf(2, 3);

/** Free what parsing allocated in da (not da itself). */
void rte_devargs_reset(struct rte_devargs *da);

/**
 * Put *da in the list, replacing (and freeing) an entry of the same bus
 * and name, in which case *da is set to the one kept. 0 or -errno.
 */
int rte_devargs_insert(struct rte_devargs **da);

/** Parse devargs_str, mark it with devtype and add it to the list. 0 or -errno. */
int rte_devargs_add(enum rte_devtype devtype, const char *devargs_str);

/** Remove (and free) the list entry of the same bus and name as devargs. 0, 1 if none, <0 on error. */
int rte_devargs_remove(struct rte_devargs *devargs);

/** Number of list entries of a type. */
unsigned int rte_devargs_type_count(enum rte_devtype devtype);

void rte_devargs_dump(FILE *f);

/** The list entry after start (NULL: the first) of bus busname (NULL: any). */
struct rte_devargs *rte_devargs_next(const char *busname, const struct rte_devargs *start);

#define RTE_EAL_DEVARGS_FOREACH(busname, da) \
	for (da = rte_devargs_next(busname, NULL); \
	     da != NULL; \
	     da = rte_devargs_next(busname, da))

#ifdef __cplusplus
}
#endif

#endif /* _RTE_DEVARGS_H_ */
