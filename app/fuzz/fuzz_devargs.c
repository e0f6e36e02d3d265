/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * libFuzzer target for devargs parsing: any string goes through
 * rte_devargs_parse (with every registered bus's parse callback), and what
 * it accepts must hold together: a bus, a name that fits, arguments, and
 * "<bus>:<name>" naming the same device again (a bus may have written the
 * name in its canonical form: a PCI address with its domain).
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_bus.h>
#include <rte_devargs.h>
#include <rte_log.h>

#include "fuzz.h"

static int
same_device_again(const struct rte_devargs *da)
{
	char again[sizeof(da->name) + 64];
	struct rte_devargs db;
	int same;

	snprintf(again, sizeof(again), "%s:%s", rte_bus_name(da->bus), da->name);
	if (rte_devargs_parse(&db, again) < 0)
		return 0;
	same = db.bus == da->bus && strcmp(db.name, da->name) == 0;
	rte_devargs_reset(&db);
	return same;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rte_devargs da;
	char *s = malloc(size + 1);
	int ret;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	/* Errors are expected by the thousand; their lines are not the point. */
	rte_log_set_global_level(RTE_LOG_CRIT);
	ret = rte_devargs_parse(&da, s);
	if (ret == 0) {
		CHECK(da.bus != NULL && rte_bus_name(da.bus) != NULL);
		CHECK(da.name[0] != '\0' && strlen(da.name) < sizeof(da.name));
		CHECK(da.args != NULL);
		CHECK(same_device_again(&da));
	} else {
		CHECK(ret < 0);
	}
	rte_devargs_reset(&da);
	free(s);
	return 0;
}
