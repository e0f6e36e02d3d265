/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_DEV_H_
#define _RTE_DEV_H_

/**
 * @file
 * Devices and hotplug (DPDK 22.11 API). A device belongs to a bus and is
 * driven by a driver once probed. rte_dev_probe() and rte_dev_remove()
 * act on every process of the group: the device is attached (or detached)
 * in all of them, or, if any process fails, in none.
 */

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_compat.h>
#include <rte_log.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_bus;
struct rte_class;
struct rte_devargs;
struct rte_device;
struct rte_driver;

/** Longest device name, NUL included. */
#define RTE_DEV_NAME_MAX_LEN 64

const char *rte_driver_name(const struct rte_driver *driver);
const struct rte_bus *rte_dev_bus(const struct rte_device *dev);
const char *rte_dev_bus_info(const struct rte_device *dev);
const struct rte_devargs *rte_dev_devargs(const struct rte_device *dev);
const struct rte_driver *rte_dev_driver(const struct rte_device *dev);
const char *rte_dev_name(const struct rte_device *dev);
int rte_dev_numa_node(const struct rte_device *dev);

/** Whether a driver has been probed on the device. */
int rte_dev_is_probed(const struct rte_device *dev);

/**
 * Attach a device in every process of the group: "bus:name,args", or
 * "name,args" with the bus found from the name. 0 on success; -EEXIST when
 * it was already attached (it is then attached everywhere); otherwise the
 * first failing process's negative errno, and the device is attached
 * nowhere.
 */
int rte_dev_probe(const char *devargs);

/**
 * Detach a device in every process of the group. 0, or a negative errno
 * with the device still attached everywhere (-EBUSY when a process vetoed).
 */
int rte_dev_remove(struct rte_device *dev);

/** rte_dev_probe("busname:devname,drvargs"). */
int rte_eal_hotplug_add(const char *busname, const char *devname, const char *drvargs);

/** rte_dev_remove() of the device named devname on bus busname. */
int rte_eal_hotplug_remove(const char *busname, const char *devname);

/**
 * A veto on detaching: called in every process before a device is
 * detached anywhere; returning a negative errno (-EBUSY) refuses the
 * detach, which then fails with that error and changes nothing.
 */
typedef int (*rte_dev_detach_veto_t)(const char *device_name, void *arg);

/** Add a veto callback in this process. 0, or -EINVAL, -EEXIST, -ENOMEM. */
int rte_dev_detach_veto_register(rte_dev_detach_veto_t cb, void *arg);

/** Remove a veto callback ((void *)-1: any argument). Returns how many, or -ENOENT. */
int rte_dev_detach_veto_unregister(rte_dev_detach_veto_t cb, void *arg);

/** Compare a device with data; 0 on a match. */
typedef int (*rte_dev_cmp_t)(const struct rte_device *dev, const void *data);

#define RTE_PMD_EXPORT_NAME_ARRAY(n, idx) n##idx[]
#define RTE_PMD_EXPORT_NAME(name, idx) \
static const char RTE_PMD_EXPORT_NAME_ARRAY(this_pmd_name, idx) __rte_used = RTE_STR(name)

#define DRV_EXP_TAG(name, tag) __##name##_##tag

/** Parameters a driver accepts, kept in the binary for tools. */
#define RTE_PMD_REGISTER_PARAM_STRING(name, str) \
static const char DRV_EXP_TAG(name, param_string_export)[] __rte_used = str

/** Kernel modules a driver needs, kept in the binary for tools. */
#define RTE_PMD_REGISTER_KMOD_DEP(name, str) \
static const char DRV_EXP_TAG(name, kmod_dep_export)[] __rte_used = str

/** Walks devices matching a "bus=...,k=v/class=...,k=v" string. */
struct rte_dev_iterator {
	const char *dev_str;
	const char *bus_str;
	const char *cls_str;
	struct rte_bus *bus;
	struct rte_class *cls;
	struct rte_device *device;
	void *class_device;
};

/** The next device (or class object) matching str after start. */
typedef void *(*rte_dev_iterate_t)(const void *start, const char *str,
				   const struct rte_dev_iterator *it);

/** Prepare it for dev_str; 0, or -EINVAL for a string that is not "bus=...[/class=...]". */
int rte_dev_iterator_init(struct rte_dev_iterator *it, const char *dev_str);

/** The next matching device, or NULL (rte_errno set on error). */
struct rte_device *rte_dev_iterator_next(struct rte_dev_iterator *it);

#define RTE_DEV_FOREACH(dev, devstr, it) \
	for (rte_dev_iterator_init(it, devstr), \
	     dev = rte_dev_iterator_next(it); \
	     dev != NULL; \
	     dev = rte_dev_iterator_next(it))

/* Device events: kernel uevents about devices (PCI), and their callbacks. */
enum rte_dev_event_type {
	RTE_DEV_EVENT_ADD,
	RTE_DEV_EVENT_REMOVE,
	RTE_DEV_EVENT_MAX
};

typedef void (*rte_dev_event_cb_fn)(const char *device_name,
				    enum rte_dev_event_type event, void *cb_arg);

/** Call cb for events of device_name (NULL: of every device). 0 or -errno. */
int rte_dev_event_callback_register(const char *device_name, rte_dev_event_cb_fn cb,
				    void *cb_arg);

/** Remove callbacks ((void *)-1: any argument). Returns how many, or -errno. */
int rte_dev_event_callback_unregister(const char *device_name, rte_dev_event_cb_fn cb,
				      void *cb_arg);

/** Run the callbacks registered for device_name and event. */
void rte_dev_event_callback_process(const char *device_name, enum rte_dev_event_type event);

/** Start and stop watching kernel uevents; starts are counted, the last stop ends it. */
int rte_dev_event_monitor_start(void);
int rte_dev_event_monitor_stop(void);

/** Handle SIGBUS on a removed device's memory instead of dying. */
int rte_dev_hotplug_handle_enable(void);
int rte_dev_hotplug_handle_disable(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_DEV_H_ */
