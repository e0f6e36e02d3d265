/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_ETH_BOND_H_
#define _RTE_ETH_BOND_H_

/**
 * @file
 * Bonded ports (net_bonding), with the DPDK API names: a port over other
 * ports, its members, which it receives from and sends on as its mode says.
 *
 * A bond is a port of a group like any other: made by rte_dev_probe()
 * ("net_bonding0,mode=1,member=net_null0,member=net_null1") or
 * rte_eth_bond_create(), it exists in every process with the same port
 * id. Its member list is shared, so a member added or removed from any
 * process is added or removed everywhere; the member ports must be
 * attached in the processes that burst on the bond (ports hotplugged with
 * rte_dev_probe() are). A member port that is detached leaves the bond
 * (in active-backup mode another member takes over).
 *
 * Functions return 0 (or what they say) on success and a negative errno
 * on failure: -ENODEV when the port is not a bond attached here, -EINVAL
 * for bad arguments.
 */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Round robin: each packet to the next member; receive from all. */
#define BONDING_MODE_ROUND_ROBIN (0)
/** Active-backup: send and receive on the primary member only; another takes over when it goes. */
#define BONDING_MODE_ACTIVE_BACKUP (1)
/** Balance: each packet to the member its Ethernet addresses hash to; receive from all. */
#define BONDING_MODE_BALANCE (2)

/**
 * Make the bond port name (a vdev name starting with net_bonding) in mode
 * and NUMA node socket_id, in every process of the group (rte_dev_probe).
 * Its port id, or a negative errno.
 */
int rte_eth_bond_create(const char *name, uint8_t mode, uint8_t socket_id);

/**
 * Detach the bond port name from every process of the group
 * (rte_dev_remove). Members it attached from its devargs are detached
 * too; the others are left as they are. 0 or a negative errno.
 */
int rte_eth_bond_free(const char *name);

/**
 * Add a port to the bond's members: it takes the bond's MAC address and,
 * if the bond is started, its configuration and is started. -EBUSY when
 * it is a member of a bond already, -EINVAL when it is the bond itself or
 * a bond.
 */
int rte_eth_bond_member_add(uint16_t bonding_port_id, uint16_t member_port_id);

/** Remove a member; it gets its MAC address back. -ENOENT when it is not a member. */
int rte_eth_bond_member_remove(uint16_t bonding_port_id, uint16_t member_port_id);

/** Set the mode (BONDING_MODE_*), at any time. */
int rte_eth_bond_mode_set(uint16_t bonding_port_id, uint8_t mode);

/** The mode (BONDING_MODE_*), or a negative errno. */
int rte_eth_bond_mode_get(uint16_t bonding_port_id);

/** Make a member the primary: the one active-backup mode uses. */
int rte_eth_bond_primary_set(uint16_t bonding_port_id, uint16_t member_port_id);

/** The primary member's port id, or a negative errno (-ENOENT: the bond has no member). */
int rte_eth_bond_primary_get(uint16_t bonding_port_id);

/**
 * The members' port ids into members[] (len entries): how many there
 * are, or a negative errno (-ENOSPC when len is too small).
 */
int rte_eth_bond_members_get(uint16_t bonding_port_id, uint16_t members[], uint16_t len);

/** The members the bond sends on now, as rte_eth_bond_members_get(). */
int rte_eth_bond_active_members_get(uint16_t bonding_port_id, uint16_t members[],
				    uint16_t len);

/* The older names of the same calls. */

static inline int
rte_eth_bond_slave_add(uint16_t bonded_port_id, uint16_t slave_port_id)
{
	return rte_eth_bond_member_add(bonded_port_id, slave_port_id);
}

static inline int
rte_eth_bond_slave_remove(uint16_t bonded_port_id, uint16_t slave_port_id)
{
	return rte_eth_bond_member_remove(bonded_port_id, slave_port_id);
}

static inline int
rte_eth_bond_slaves_get(uint16_t bonded_port_id, uint16_t slaves[], uint16_t len)
{
	return rte_eth_bond_members_get(bonded_port_id, slaves, len);
}

static inline int
rte_eth_bond_active_slaves_get(uint16_t bonded_port_id, uint16_t slaves[], uint16_t len)
{
	return rte_eth_bond_active_members_get(bonded_port_id, slaves, len);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ETH_BOND_H_ */
