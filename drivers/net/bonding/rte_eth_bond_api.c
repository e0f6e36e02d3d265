/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The application's calls (rte_eth_bond.h). They act on the bond's
 * shared state under its lock, from any process; creating and freeing a
 * bond is a multi-process hotplug operation.
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_dev.h>
#include <rte_ethdev.h>

#include "eth_bond_private.h"

int
rte_eth_bond_create(const char *name, uint8_t mode, uint8_t socket_id)
{
	char args[64];
	uint16_t port_id;
	int ret;

	if (name == NULL) {
		BOND_LOG(ERR, "a bond needs a name\n");
		return -EINVAL;
	}
	snprintf(args, sizeof(args), "mode=%u,socket_id=%u", mode, socket_id);
	ret = rte_eal_hotplug_add("vdev", name, args);
	if (ret == 0)
		ret = rte_eth_dev_get_port_by_name(name, &port_id);
	return ret < 0 ? ret : port_id;
}

int
rte_eth_bond_free(const char *name)
{
	uint16_t port_id;

	if (name == NULL || rte_eth_dev_get_port_by_name(name, &port_id) < 0) {
		BOND_LOG(ERR, "no bond named %s here\n", name != NULL ? name : "(null)");
		return -ENODEV;
	}
	if (bond_dev_of(port_id) == NULL)
		return -ENODEV;
	return rte_eal_hotplug_remove("vdev", name);
}

int
rte_eth_bond_member_add(uint16_t bonding_port_id, uint16_t member_port_id)
{
	struct rte_eth_dev *bond = bond_dev_of(bonding_port_id);
	struct bond_port *bp;
	int ret;

	if (bond == NULL)
		return -ENODEV;
	bp = bond->data->dev_private;
	bond_lock(bp);
	ret = bond_member_find(bp, member_port_id) >= 0 ? -EEXIST :
		bond_member_add(bond, member_port_id, false, NULL);
	bond_unlock(bp);
	if (ret == -EEXIST)
		BOND_LOG(ERR, "%s: port %u is a member already\n", bond->data->name,
			 member_port_id);
	return ret;
}

int
rte_eth_bond_member_remove(uint16_t bonding_port_id, uint16_t member_port_id)
{
	struct rte_eth_dev *bond = bond_dev_of(bonding_port_id);
	struct bond_port *bp;
	int i;

	if (bond == NULL)
		return -ENODEV;
	bp = bond->data->dev_private;
	bond_lock(bp);
	i = bond_member_find(bp, member_port_id);
	if (i >= 0)
		bond_member_drop(bond, (unsigned int)i, true);
	bond_unlock(bp);
	if (i < 0) {
		BOND_LOG(ERR, "%s: port %u is not a member\n", bond->data->name, member_port_id);
		return -ENOENT;
	}
	return 0;
}

int
rte_eth_bond_mode_set(uint16_t bonding_port_id, uint8_t mode)
{
	struct rte_eth_dev *bond = bond_dev_of(bonding_port_id);
	struct bond_port *bp;

	if (bond == NULL)
		return -ENODEV;
	if (mode > BONDING_MODE_BALANCE) {
		BOND_LOG(ERR, "%s: mode %u is not 0 (round robin), 1 (active-backup) or 2 "
			 "(balance)\n", bond->data->name, mode);
		return -EINVAL;
	}
	bp = bond->data->dev_private;
	bond_lock(bp);
	bp->mode = mode;
	bond_view_publish(bond);
	bond_unlock(bp);
	return 0;
}

int
rte_eth_bond_mode_get(uint16_t bonding_port_id)
{
	struct rte_eth_dev *bond = bond_dev_of(bonding_port_id);
	struct bond_port *bp;
	int mode;

	if (bond == NULL)
		return -ENODEV;
	bp = bond->data->dev_private;
	bond_lock(bp);
	mode = bp->mode;
	bond_unlock(bp);
	return mode;
}

int
rte_eth_bond_primary_set(uint16_t bonding_port_id, uint16_t member_port_id)
{
	struct rte_eth_dev *bond = bond_dev_of(bonding_port_id);
	struct bond_port *bp;
	int i;

	if (bond == NULL)
		return -ENODEV;
	bp = bond->data->dev_private;
	bond_lock(bp);
	i = bond_member_find(bp, member_port_id);
	if (i >= 0) {
		bp->primary = member_port_id;
		bond_view_publish(bond);
	}
	bond_unlock(bp);
	if (i < 0) {
		BOND_LOG(ERR, "%s: port %u cannot be the primary: it is not a member\n",
			 bond->data->name, member_port_id);
		return -EINVAL;
	}
	return 0;
}

int
rte_eth_bond_primary_get(uint16_t bonding_port_id)
{
	struct rte_eth_dev *bond = bond_dev_of(bonding_port_id);
	struct bond_port *bp;
	int primary;

	if (bond == NULL)
		return -ENODEV;
	bp = bond->data->dev_private;
	bond_lock(bp);
	primary = bp->primary;
	bond_unlock(bp);
	return primary == BOND_NO_PORT ? -ENOENT : primary;
}

/* Copy n port ids into out[len]: n, or -EINVAL / -ENOSPC after a log line. */
static int
ports_out(const char *bond, const uint16_t *ports, uint16_t n, uint16_t out[], uint16_t len)
{
	if (out == NULL && len > 0) {
		BOND_LOG(ERR, "%s: no array for its members\n", bond);
		return -EINVAL;
	}
	if (len < n) {
		BOND_LOG(ERR, "%s: %u members do not fit an array of %u\n", bond, n, len);
		return -ENOSPC;
	}
	if (n > 0)
		memcpy(out, ports, n * sizeof(out[0]));
	return n;
}

int
rte_eth_bond_members_get(uint16_t bonding_port_id, uint16_t members[], uint16_t len)
{
	struct rte_eth_dev *bond = bond_dev_of(bonding_port_id);
	uint16_t ports[BOND_MAX_MEMBERS];
	struct bond_port *bp;
	uint16_t i, n;

	if (bond == NULL)
		return -ENODEV;
	bp = bond->data->dev_private;
	bond_lock(bp);
	n = bp->nb_members;
	for (i = 0; i < n; i++)
		ports[i] = bp->members[i].port_id;
	bond_unlock(bp);
	return ports_out(bond->data->name, ports, n, members, len);
}

int
rte_eth_bond_active_members_get(uint16_t bonding_port_id, uint16_t members[], uint16_t len)
{
	struct rte_eth_dev *bond = bond_dev_of(bonding_port_id);
	struct bond_view v;
	struct bond_port *bp;

	if (bond == NULL)
		return -ENODEV;
	bp = bond->data->dev_private;
	bond_lock(bp);
	v = bp->views[bp->cur & 1];
	bond_unlock(bp);
	return ports_out(bond->data->name, v.ports, v.nb, members, len);
}
