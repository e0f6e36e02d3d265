/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_INTERRUPTS_H_
#define _RTE_INTERRUPTS_H_

/**
 * @file
 * Interrupt sources: file descriptors watched by the interrupt thread
 * (eal-intr-thread), whose callbacks run there (DPDK 22.11 API). The handle
 * is opaque; a SHARED one lives in the group's shared memory.
 */

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct rte_intr_handle;

enum rte_intr_handle_type {
	RTE_INTR_HANDLE_UNKNOWN = 0,
	RTE_INTR_HANDLE_UIO,
	RTE_INTR_HANDLE_UIO_INTX,
	RTE_INTR_HANDLE_VFIO_LEGACY,
	RTE_INTR_HANDLE_VFIO_MSI,
	RTE_INTR_HANDLE_VFIO_MSIX,
	RTE_INTR_HANDLE_ALARM,
	RTE_INTR_HANDLE_EXT,
	RTE_INTR_HANDLE_VDEV,
	RTE_INTR_HANDLE_DEV_EVENT,
	RTE_INTR_HANDLE_VFIO_REQ,
	RTE_INTR_HANDLE_MAX
};

#define RTE_INTR_INSTANCE_F_PRIVATE 0x00000000 /**< process memory */
#define RTE_INTR_INSTANCE_F_SHARED  0x00000001 /**< shared memory (rte_malloc) */

typedef void (*rte_intr_callback_fn)(void *cb_arg);
typedef void (*rte_intr_unregister_callback_fn)(struct rte_intr_handle *intr_handle,
						void *cb_arg);

struct rte_intr_handle *rte_intr_instance_alloc(uint32_t flags);
void rte_intr_instance_free(struct rte_intr_handle *intr_handle);

int rte_intr_fd_set(struct rte_intr_handle *intr_handle, int fd);
int rte_intr_fd_get(const struct rte_intr_handle *intr_handle);
int rte_intr_type_set(struct rte_intr_handle *intr_handle, enum rte_intr_handle_type type);
enum rte_intr_handle_type rte_intr_type_get(const struct rte_intr_handle *intr_handle);
int rte_intr_dev_fd_set(struct rte_intr_handle *intr_handle, int fd);
int rte_intr_dev_fd_get(const struct rte_intr_handle *intr_handle);

/**
 * Call cb(cb_arg) on the interrupt thread whenever the handle's fd is
 * readable. Several callbacks may share an fd. 0 or -errno.
 */
int rte_intr_callback_register(const struct rte_intr_handle *intr_handle,
			       rte_intr_callback_fn cb, void *cb_arg);

/**
 * Remove the callbacks of an fd matching cb and cb_arg ((void *)-1: any).
 * Returns how many were removed; -EAGAIN when one of them is running now
 * (see rte_intr_callback_unregister_pending), -ENOENT when none matched.
 */
int rte_intr_callback_unregister(const struct rte_intr_handle *intr_handle,
				 rte_intr_callback_fn cb, void *cb_arg);

/** As unregister, but from inside the callback: done once it returns, then ucb_fn runs. */
int rte_intr_callback_unregister_pending(const struct rte_intr_handle *intr_handle,
					 rte_intr_callback_fn cb, void *cb_arg,
					 rte_intr_unregister_callback_fn ucb_fn);

/** As unregister, retrying while the callback runs. */
int rte_intr_callback_unregister_sync(const struct rte_intr_handle *intr_handle,
				      rte_intr_callback_fn cb, void *cb_arg);

/** Whether the calling thread is the interrupt thread. */
int rte_thread_is_intr(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_INTERRUPTS_H_ */
