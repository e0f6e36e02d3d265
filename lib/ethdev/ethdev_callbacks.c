/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Port event callbacks. They are per process (a function pointer means
 * nothing elsewhere): each process registers its own and each runs its
 * own where the event happens, so a multi-process attach fires NEW in
 * every process and a detach fires DESTROY in every process.
 *
 * Every port id has a list, attached or not, so that RTE_ETH_ALL
 * registrations cover ports that do not exist yet; a released port keeps
 * its list for the next port of that id, as in DPDK.
 */

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

#include <ethdev_driver.h>
#include <rte_common.h>

#include "ethdev_private.h"

/* Protects every rte_eth_devices[].link_intr_cbs; not held while a callback runs. */
static pthread_mutex_t cb_lock = PTHREAD_MUTEX_INITIALIZER;

RTE_INIT(eth_dev_cb_lists_init)
{
	unsigned int i;

	for (i = 0; i < RTE_MAX_ETHPORTS; i++)
		TAILQ_INIT(&rte_eth_devices[i].link_intr_cbs);
}

/*
 * The port ids port_id stands for, and cb_lock taken; else a negative
 * errno after a log line.
 */
static int
port_range_lock(uint16_t port_id, enum rte_eth_event_type event, const void *cb_fn,
		uint16_t *first, uint16_t *last)
{
	if (cb_fn == NULL || (unsigned int)event >= RTE_ETH_EVENT_MAX) {
		RTE_ETHDEV_LOG(ERR, "invalid callback (event %d, function %p)\n", (int)event,
			       cb_fn);
		return -EINVAL;
	}
	if (port_id == RTE_ETH_ALL) {
		*first = 0;
		*last = RTE_MAX_ETHPORTS - 1;
	} else if (eth_dev_of(port_id) != NULL) {
		*first = *last = port_id;
	} else {
		return -ENODEV;
	}
	pthread_mutex_lock(&cb_lock);
	return 0;
}

static struct rte_eth_dev_callback *
find_cb(uint16_t port_id, enum rte_eth_event_type event, rte_eth_dev_cb_fn cb_fn,
	void *cb_arg)
{
	struct rte_eth_dev_callback *cb;

	TAILQ_FOREACH(cb, &rte_eth_devices[port_id].link_intr_cbs, next) {
		if (cb->cb_fn == cb_fn && cb->cb_arg == cb_arg && cb->event == event)
			return cb;
	}
	return NULL;
}

int
rte_eth_dev_callback_register(uint16_t port_id, enum rte_eth_event_type event,
			      rte_eth_dev_cb_fn cb_fn, void *cb_arg)
{
	bool added[RTE_MAX_ETHPORTS] = { false };
	struct rte_eth_dev_callback *cb;
	uint16_t first, last, p;
	int ret;

	ret = port_range_lock(port_id, event, (const void *)(uintptr_t)cb_fn, &first, &last);
	if (ret < 0)
		return ret;
	for (p = first; p <= last && ret == 0; p++) {
		if (find_cb(p, event, cb_fn, cb_arg) != NULL)
			continue;
		cb = calloc(1, sizeof(*cb));
		if (cb == NULL) {
			ret = -ENOMEM;
			break;
		}
		cb->cb_fn = cb_fn;
		cb->cb_arg = cb_arg;
		cb->event = event;
		TAILQ_INSERT_TAIL(&rte_eth_devices[p].link_intr_cbs, cb, next);
		added[p] = true;
	}
	/* All or nothing: undo this call's part. */
	for (p = first; ret < 0 && p <= last; p++) {
		cb = added[p] ? find_cb(p, event, cb_fn, cb_arg) : NULL;
		if (cb != NULL) {
			TAILQ_REMOVE(&rte_eth_devices[p].link_intr_cbs, cb, next);
			free(cb);
		}
	}
	pthread_mutex_unlock(&cb_lock);
	if (ret < 0)
		RTE_ETHDEV_LOG(ERR, "no memory for an event callback\n");
	return ret;
}

int
rte_eth_dev_callback_unregister(uint16_t port_id, enum rte_eth_event_type event,
				rte_eth_dev_cb_fn cb_fn, void *cb_arg)
{
	struct rte_eth_dev_callback *cb, *tmp;
	uint16_t first, last, p;
	int ret;

	ret = port_range_lock(port_id, event, (const void *)(uintptr_t)cb_fn, &first, &last);
	if (ret < 0)
		return ret;
	for (p = first; p <= last; p++) {
		TAILQ_FOREACH_SAFE(cb, &rte_eth_devices[p].link_intr_cbs, next, tmp) {
			if (cb->cb_fn != cb_fn || cb->event != event ||
			    (cb_arg != (void *)-1 && cb->cb_arg != cb_arg))
				continue;
			if (cb->active != 0) {
				ret = -EAGAIN;
				continue;
			}
			TAILQ_REMOVE(&rte_eth_devices[p].link_intr_cbs, cb, next);
			free(cb);
		}
	}
	pthread_mutex_unlock(&cb_lock);
	return ret;
}

/*
 * A running callback stays in its list (active), so that the walk can go
 * on from it after the lock was dropped for the call.
 */
int
rte_eth_dev_callback_process(struct rte_eth_dev *dev, enum rte_eth_event_type event,
			     void *ret_param)
{
	struct rte_eth_dev_callback *cb;
	rte_eth_dev_cb_fn fn;
	void *arg;
	int rc = 0;

	if (dev == NULL)
		return 0;
	pthread_mutex_lock(&cb_lock);
	TAILQ_FOREACH(cb, &dev->link_intr_cbs, next) {
		if (cb->event != event)
			continue;
		fn = cb->cb_fn;
		arg = cb->cb_arg;
		cb->active++;
		pthread_mutex_unlock(&cb_lock);
		rc = fn(eth_dev_id(dev), event, arg, ret_param);
		pthread_mutex_lock(&cb_lock);
		cb->active--;
	}
	pthread_mutex_unlock(&cb_lock);
	return rc;
}
