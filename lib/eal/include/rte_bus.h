/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_BUS_H_
#define _RTE_BUS_H_

/**
 * @file
 * Buses (DPDK 22.11 API). Buses register themselves; the EAL scans and
 * probes them at init. The bus structure itself is in bus_driver.h.
 */

#include <stdio.h>

#include <rte_common.h>
#include <rte_dev.h>
#include <rte_eal.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_bus;

const char *rte_bus_name(const struct rte_bus *bus);

/** Scan every bus; 0, or the first error. */
int rte_bus_scan(void);

/** Probe every bus; 0, or the first error. */
int rte_bus_probe(void);

void rte_bus_dump(FILE *f);

/** 0 on a match. */
typedef int (*rte_bus_cmp_t)(const struct rte_bus *bus, const void *data);

/** The first bus after start (NULL: the first) for which cmp(bus, data) is 0. */
struct rte_bus *rte_bus_find(const struct rte_bus *start, rte_bus_cmp_t cmp, const void *data);

struct rte_bus *rte_bus_find_by_device(const struct rte_device *dev);
struct rte_bus *rte_bus_find_by_name(const char *busname);

/**
 * The bus whose naming scheme accepts the device name str (anything from
 * its first ',' on is ignored), whether or not it has such a device; NULL
 * when no bus does.
 */
struct rte_bus *rte_bus_find_by_device_name(const char *str);

/**
 * The IOVA mode the buses' devices need: RTE_IOVA_PA or RTE_IOVA_VA when
 * the buses that have a preference agree, RTE_IOVA_DC when none has one or
 * they disagree (a warning then).
 */
enum rte_iova_mode rte_bus_get_iommu_class(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_BUS_H_ */
