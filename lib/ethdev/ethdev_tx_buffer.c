/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/* Buffered transmission: the out-of-line part of rte_eth_tx_buffer(). */

#include <errno.h>

#include <rte_ethdev.h>
#include <rte_mbuf.h>

void
rte_eth_tx_buffer_drop_callback(struct rte_mbuf **pkts, uint16_t unsent, void *userdata)
{
	RTE_SET_USED(userdata);
	rte_pktmbuf_free_bulk(pkts, unsent);
}

void
rte_eth_tx_buffer_count_callback(struct rte_mbuf **pkts, uint16_t unsent, void *userdata)
{
	uint64_t *count = userdata;

	rte_pktmbuf_free_bulk(pkts, unsent);
	*count += unsent;
}

int
rte_eth_tx_buffer_set_err_callback(struct rte_eth_dev_tx_buffer *buffer,
				   buffer_tx_error_fn callback, void *userdata)
{
	if (buffer == NULL || callback == NULL) {
		RTE_ETHDEV_LOG(ERR, "Tx buffer: no buffer or no callback\n");
		return -EINVAL;
	}
	buffer->error_callback = callback;
	buffer->error_userdata = userdata;
	return 0;
}

int
rte_eth_tx_buffer_init(struct rte_eth_dev_tx_buffer *buffer, uint16_t size)
{
	if (buffer == NULL || size == 0) {
		RTE_ETHDEV_LOG(ERR, "Tx buffer: no buffer or size 0\n");
		return -EINVAL;
	}
	buffer->size = size;
	buffer->length = 0;
	return rte_eth_tx_buffer_set_err_callback(buffer, rte_eth_tx_buffer_drop_callback,
						  NULL);
}
