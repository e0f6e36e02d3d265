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

/*
 * The state of bond port_id, locked, and the bond in *bond; NULL (after a
 * log line) when it is not a bond attached here.
 */
static struct bond_port *
lock_bond(uint16_t port_id, struct rte_eth_dev **bond)
{
	struct bond_port *bp;

	*bond = bond_dev_of(port_id);
	if (*bond == NULL)
		return NULL;
	bp = (*bond)->data->dev_private;
	bond_lock(bp);
	return bp;
}

int
rte_eth_bond_member_add(uint16_t bonding_port_id, uint16_t member_port_id)
{
	struct rte_eth_dev *bond;
	struct bond_port *bp = lock_bond(bonding_port_id, &bond);
	int ret;

	if (bp == NULL)
		return -ENODEV;
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
	struct rte_eth_dev *bond;
	struct bond_port *bp = lock_bond(bonding_port_id, &bond);
	int i;

	if (bp == NULL)
		return -ENODEV;
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
	struct rte_eth_dev *bond;
	struct bond_port *bp = lock_bond(bonding_port_id, &bond);
	bool valid = mode <= BONDING_MODE_BALANCE;

	if (bp == NULL)
		return -ENODEV;
	if (valid) {
		bp->mode = mode;
		bond_view_publish(bond);
	}
	bond_unlock(bp);
	if (!valid) {
		BOND_LOG(ERR, "%s: mode %u is not 0 (round robin), 1 (active-backup) or 2 "
			 "(balance)\n", bond->data->name, mode);
		return -EINVAL;
	}
	return 0;
}

int
rte_eth_bond_primary_set(uint16_t bonding_port_id, uint16_t member_port_id)
{
	struct rte_eth_dev *bond;
	struct bond_port *bp = lock_bond(bonding_port_id, &bond);
	int i;

	if (bp == NULL)
		return -ENODEV;
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

/* The bond's mode and primary port, read together under its lock. */
static int
settings_get(uint16_t bonding_port_id, uint8_t *mode, uint16_t *primary)
{
	struct rte_eth_dev *bond;
	struct bond_port *bp = lock_bond(bonding_port_id, &bond);

	if (bp == NULL)
		return -ENODEV;
	*mode = bp->mode;
	*primary = bp->primary;
	bond_unlock(bp);
	return 0;
}

int
rte_eth_bond_mode_get(uint16_t bonding_port_id)
{
	uint16_t primary;
	uint8_t mode;
	int ret = settings_get(bonding_port_id, &mode, &primary);

	return ret < 0 ? ret : mode;
}

int
rte_eth_bond_primary_get(uint16_t bonding_port_id)
{
	uint16_t primary;
	uint8_t mode;
	int ret = settings_get(bonding_port_id, &mode, &primary);

	if (ret < 0)
		return ret;
	return primary == BOND_NO_PORT ? -ENOENT : primary;
}

/*
 * The bond's members, or only its active ones (those of the bursts'
 * view), read under its lock, into out[len]: how many, or -ENODEV, or
 * -EINVAL / -ENOSPC after a log line.
 */
static int
members_out(uint16_t bonding_port_id, bool active, uint16_t out[], uint16_t len)
{
	uint16_t ports[BOND_MAX_MEMBERS];
	const struct bond_view *v;
	struct rte_eth_dev *bond;
	struct bond_port *bp = lock_bond(bonding_port_id, &bond);
	uint16_t i, n;

	if (bp == NULL)
		return -ENODEV;
	v = &bp->views[bp->cur & 1];
	n = active ? v->nb : bp->nb_members;
	for (i = 0; i < n; i++)
		ports[i] = active ? v->ports[i] : bp->members[i].port_id;
	bond_unlock(bp);
	if (out == NULL && len > 0) {
		BOND_LOG(ERR, "%s: no array for its members\n", bond->data->name);
		return -EINVAL;
	}
	if (len < n) {
		BOND_LOG(ERR, "%s: %u members do not fit an array of %u\n", bond->data->name, n,
			 len);
		return -ENOSPC;
	}
	if (n > 0)
		memcpy(out, ports, n * sizeof(out[0]));
	return n;
}

int
rte_eth_bond_members_get(uint16_t bonding_port_id, uint16_t members[], uint16_t len)
{
	return members_out(bonding_port_id, false, members, len);
}

int
rte_eth_bond_active_members_get(uint16_t bonding_port_id, uint16_t members[], uint16_t len)
{
	return members_out(bonding_port_id, true, members, len);
}
