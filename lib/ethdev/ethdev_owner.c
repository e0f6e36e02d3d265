/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Port ownership, group-wide: owner ids come from one counter in the
 * shared port table and a port's owner is in its shared data, both under
 * the ethdev shared lock, so an owner set in one process holds in all.
 */

#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <ethdev_driver.h>
#include <rte_common.h>
#include <rte_string_fns.h>

#include "ethdev_private.h"

/* Called with the lock held. */
static bool
owner_id_valid(const struct eth_dev_shared *sh, uint64_t id)
{
	return id != RTE_ETH_DEV_NO_OWNER && id < sh->next_owner_id;
}

int
rte_eth_dev_owner_new(uint64_t *owner_id)
{
	struct eth_dev_shared *sh;

	if (owner_id == NULL) {
		RTE_ETHDEV_LOG(ERR, "no place for the new owner id\n");
		return -EINVAL;
	}
	sh = eth_dev_shared_get();
	if (sh == NULL)
		return -ENOMEM;
	eth_dev_shared_lock(sh);
	*owner_id = sh->next_owner_id++;
	eth_dev_shared_unlock(sh);
	return 0;
}

/* Replace the owner old_id of a port by new_owner; called with the lock held. */
static int
owner_swap(struct eth_dev_shared *sh, uint16_t port_id, uint64_t old_id,
	   const struct rte_eth_dev_owner *new_owner)
{
	struct rte_eth_dev_owner *cur;

	if (!owner_id_valid(sh, old_id) && !owner_id_valid(sh, new_owner->id)) {
		RTE_ETHDEV_LOG(ERR, "port %u: invalid owner id %#" PRIx64 "\n", port_id,
			       old_id != RTE_ETH_DEV_NO_OWNER ? old_id : new_owner->id);
		return -EINVAL;
	}
	if (strnlen(new_owner->name, RTE_ETH_MAX_OWNER_NAME_LEN) == RTE_ETH_MAX_OWNER_NAME_LEN) {
		RTE_ETHDEV_LOG(ERR, "port %u: owner name longer than %d characters\n", port_id,
			       RTE_ETH_MAX_OWNER_NAME_LEN - 1);
		return -EINVAL;
	}
	cur = &rte_eth_devices[port_id].data->owner;
	if (cur->id != old_id) {
		RTE_ETHDEV_LOG(ERR, "port %u is owned by %s (owner %#" PRIx64 ")\n", port_id,
			       cur->id != RTE_ETH_DEV_NO_OWNER ? cur->name : "nobody", cur->id);
		return -EPERM;
	}
	cur->id = new_owner->id;
	rte_strlcpy(cur->name, new_owner->name, sizeof(cur->name));
	return 0;
}

static int
owner_change(uint16_t port_id, uint64_t old_id, const struct rte_eth_dev_owner *new_owner)
{
	struct eth_dev_shared *sh;
	int ret;

	if (eth_dev_of(port_id) == NULL)
		return -ENODEV;
	if (new_owner == NULL) {
		RTE_ETHDEV_LOG(ERR, "port %u: no owner given\n", port_id);
		return -EINVAL;
	}
	sh = eth_dev_shared_get();
	eth_dev_shared_lock(sh);
	ret = owner_swap(sh, port_id, old_id, new_owner);
	eth_dev_shared_unlock(sh);
	return ret;
}

int
rte_eth_dev_owner_set(const uint16_t port_id, const struct rte_eth_dev_owner *owner)
{
	return owner_change(port_id, RTE_ETH_DEV_NO_OWNER, owner);
}

int
rte_eth_dev_owner_unset(const uint16_t port_id, const uint64_t owner_id)
{
	const struct rte_eth_dev_owner nobody = { .id = RTE_ETH_DEV_NO_OWNER, .name = "" };

	return owner_change(port_id, owner_id, &nobody);
}

/* Every port of the group, attached here or not. */
int
rte_eth_dev_owner_delete(const uint64_t owner_id)
{
	struct eth_dev_shared *sh = eth_dev_shared_get();
	unsigned int i;
	int ret = 0;

	if (sh == NULL)
		return -ENOMEM;
	eth_dev_shared_lock(sh);
	if (!owner_id_valid(sh, owner_id)) {
		RTE_ETHDEV_LOG(ERR, "invalid owner id %#" PRIx64 "\n", owner_id);
		ret = -EINVAL;
	}
	for (i = 0; ret == 0 && i < RTE_MAX_ETHPORTS; i++) {
		struct rte_eth_dev_data *data = &sh->data[i];

		if (data->name[0] != '\0' && data->owner.id == owner_id)
			memset(&data->owner, 0, sizeof(data->owner));
	}
	eth_dev_shared_unlock(sh);
	return ret;
}

int
rte_eth_dev_owner_get(const uint16_t port_id, struct rte_eth_dev_owner *owner)
{
	struct eth_dev_shared *sh;

	if (eth_dev_of(port_id) == NULL)
		return -ENODEV;
	if (owner == NULL) {
		RTE_ETHDEV_LOG(ERR, "port %u: no place for its owner\n", port_id);
		return -EINVAL;
	}
	sh = eth_dev_shared_get();
	eth_dev_shared_lock(sh);
	*owner = rte_eth_devices[port_id].data->owner;
	eth_dev_shared_unlock(sh);
	return 0;
}

uint64_t
rte_eth_find_next_owned_by(uint16_t port_id, const uint64_t owner_id)
{
	for (; port_id < RTE_MAX_ETHPORTS; port_id++) {
		const struct rte_eth_dev *dev = &rte_eth_devices[port_id];
		/* Loaded once: a release in another thread clears it after the state. */
		const struct rte_eth_dev_data *data = __atomic_load_n(&dev->data, __ATOMIC_ACQUIRE);

		if (__atomic_load_n(&dev->state, __ATOMIC_ACQUIRE) == RTE_ETH_DEV_ATTACHED &&
		    data != NULL && data->owner.id == owner_id)
			return port_id;
	}
	return RTE_MAX_ETHPORTS;
}
