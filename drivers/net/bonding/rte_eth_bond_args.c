/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * A bond's devargs: mode=0|1|2 (required), member=X or slave=X
 * (repeatable; X is a port name, or the devargs of a device to attach, in
 * brackets when they hold commas: member=[net_ring0,nodeaction=r0:0:CREATE]),
 * primary=NAME (one of the members), socket_id=N. All of it is checked
 * before the probe attaches anything.
 */

#include <errno.h>
#include <string.h>

#include <bus_driver.h>
#include <ethdev_soft.h>
#include <rte_bus.h>
#include <rte_common.h>
#include <rte_kvargs.h>
#include <rte_string_fns.h>

#include "eth_bond_private.h"

static int
parse_uint(const char *value, unsigned int max, int *out)
{
	unsigned long v;

	if (rte_eth_soft_arg_uint(value, 10, max, &v) < 0)
		return -1;
	*out = (int)v;
	return 0;
}

/* One pair, in the order given (the members' order matters). */
static int
parse_pair(const char *key, const char *value, void *opaque)
{
	struct bond_args *a = opaque;
	size_t len;

	a->bad_key = key;
	if (strcmp(key, BOND_ARG_MODE) == 0)
		return a->mode < 0 ? parse_uint(value, BONDING_MODE_BALANCE, &a->mode) : -1;
	if (strcmp(key, BOND_ARG_SOCKET) == 0)
		return a->socket_id == SOCKET_ID_ANY ?
			parse_uint(value, RTE_MAX_NUMA_NODES - 1, &a->socket_id) : -1;
	if (strcmp(key, BOND_ARG_PRIMARY) == 0) {
		if (value == NULL || value[0] == '\0' || a->primary[0] != '\0' ||
		    strlen(value) >= sizeof(a->primary))
			return -1;
		rte_strlcpy(a->primary, value, sizeof(a->primary));
		return 0;
	}
	/* member or slave: brackets hold devargs with commas. */
	len = value != NULL ? strlen(value) : 0;
	if (len > 1 && value[0] == '[' && value[len - 1] == ']') {
		value++;
		len -= 2;
	}
	if (len == 0 || len >= BOND_ARG_LEN || a->nb == BOND_MAX_MEMBERS - 1)
		return -1;
	memcpy(a->member[a->nb], value, len);
	a->member[a->nb][len] = '\0';
	a->nb++;
	return 0;
}

static int
bus_parses(const struct rte_bus *bus, const void *name)
{
	return bus->parse != NULL ? bus->parse(name, NULL) : 1;
}

/* Whether some bus has, or could make, the device that devargs name ("bus:" optional). */
static bool
device_known(const char *devargs, char name[RTE_DEV_NAME_MAX_LEN])
{
	size_t len = strcspn(devargs, ",");
	const struct rte_bus *bus = NULL;
	char *colon;

	if (len == 0 || len >= RTE_DEV_NAME_MAX_LEN)
		return false;
	memcpy(name, devargs, len);
	name[len] = '\0';
	colon = strchr(name, ':');
	if (colon != NULL) {
		*colon = '\0';
		bus = rte_bus_find_by_name(name);
		*colon = ':';
		if (bus != NULL)
			memmove(name, colon + 1, strlen(colon + 1) + 1);
	}
	if (bus != NULL)
		return bus_parses(bus, name) == 0;
	return rte_bus_find(NULL, bus_parses, name) != NULL;
}

int
bond_args_check_members(const char *bond, const struct bond_args *a, uint16_t port_ids[],
	      char names[][RTE_DEV_NAME_MAX_LEN])
{
	unsigned int i, j;
	uint16_t p;

	for (i = 0; i < a->nb; i++) {
		const char *m = a->member[i];

		port_ids[i] = BOND_NO_PORT;
		if (strchr(m, ',') == NULL && rte_eth_dev_get_port_by_name(m, &p) == 0) {
			port_ids[i] = p;
			rte_strlcpy(names[i], m, RTE_DEV_NAME_MAX_LEN);
			if (rte_eth_devices[p].data->dev_flags & RTE_ETH_DEV_BONDED_SLAVE) {
				BOND_LOG(ERR, "%s: member %s is a member of a bond already\n",
					 bond, m);
				return -EBUSY;
			}
			if (rte_eth_devices[p].dev_ops == &bond_ops) {
				BOND_LOG(ERR, "%s: member %s is a bond: bonds do not nest\n",
					 bond, m);
				return -EINVAL;
			}
		} else if (!device_known(m, names[i])) {
			BOND_LOG(ERR, "%s: member '%s' is not a port, and no bus has or could "
				 "make such a device\n", bond, m);
			return -ENOENT;
		} else if (rte_eth_dev_get_port_by_name(names[i], &p) == 0) {
			BOND_LOG(ERR, "%s: member '%s': port %s exists; name it alone\n",
				 bond, m, names[i]);
			return -EINVAL;
		} else if (!bond_hotplug_nests()) {
			BOND_LOG(ERR, "%s: member %s is a device to attach, which only a "
				 "multi-process attach of the bond (rte_dev_probe) can do\n",
				 bond, m);
			return -ENOTSUP;
		}
		for (j = 0; j < i; j++) {
			if (strcmp(names[i], names[j]) == 0) {
				BOND_LOG(ERR, "%s: member %s is given twice\n", bond, names[i]);
				return -EINVAL;
			}
		}
	}
	for (i = 0; a->primary[0] != '\0' && i < a->nb; i++) {
		if (strcmp(names[i], a->primary) == 0)
			return 0;
	}
	if (a->primary[0] != '\0') {
		BOND_LOG(ERR, "%s: primary %s is not one of its members\n", bond, a->primary);
		return -EINVAL;
	}
	return 0;
}

int
bond_args_parse(const char *name, const char *args, struct bond_args *a)
{
	static const char *const keys[] = {
		BOND_ARG_MODE, BOND_ARG_MEMBER, BOND_ARG_SLAVE, BOND_ARG_PRIMARY, BOND_ARG_SOCKET,
		NULL,
	};
	static const struct {
		const char *key;
		const char *expected;
	} expect[] = {
		{ BOND_ARG_MODE, "0 (round robin), 1 (active-backup) or 2 (balance), once" },
		{ BOND_ARG_SOCKET, "a NUMA node number, once" },
		{ BOND_ARG_PRIMARY, "the name of one of the members, once" },
		{ BOND_ARG_MEMBER, "a port name or a device's devargs ([...] when they hold "
		  "commas), once per member (up to RTE_MAX_ETHPORTS - 1)" },
		{ BOND_ARG_SLAVE, "a port name or a device's devargs ([...] when they hold "
		  "commas), once per member (up to RTE_MAX_ETHPORTS - 1)" },
	};
	struct rte_kvargs *kvlist;
	unsigned int i;
	int ret = 0;

	memset(a, 0, sizeof(*a));
	a->mode = -1;
	a->socket_id = SOCKET_ID_ANY;
	kvlist = rte_kvargs_parse(args != NULL ? args : "", keys);
	if (kvlist == NULL) {
		BOND_LOG(ERR, "%s: invalid devargs '%s': the keys are mode, member (or slave), "
			 "primary and socket_id\n", name, args);
		return -EINVAL;
	}
	if (rte_kvargs_process(kvlist, NULL, parse_pair, a) < 0) {
		for (i = 0; i < RTE_DIM(expect); i++) {
			if (strcmp(expect[i].key, a->bad_key) == 0)
				break;
		}
		BOND_LOG(ERR, "%s: invalid devargs '%s': %s takes %s\n", name, args,
			 a->bad_key, i < RTE_DIM(expect) ? expect[i].expected : "no value");
		ret = -EINVAL;
	} else if (a->mode < 0) {
		BOND_LOG(ERR, "%s: invalid devargs '%s': mode is required: 0 (round robin), "
			 "1 (active-backup) or 2 (balance)\n", name, args != NULL ? args : "");
		ret = -EINVAL;
	}
	rte_kvargs_free(kvlist);
	return ret;
}
