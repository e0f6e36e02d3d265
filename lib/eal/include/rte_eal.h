/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_EAL_H_
#define _RTE_EAL_H_

/**
 * @file
 * EAL start-up, shutdown and process model (DPDK 22.11 API).
 *
 * Processes started with the same --file-prefix form a group: the first is
 * the primary, the others are secondaries that share its memory and
 * devices.
 */

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include <rte_config.h>
#include <rte_per_lcore.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_MAGIC 19820526

enum rte_proc_type_t {
	RTE_PROC_AUTO = -1,   /**< primary if none runs yet, else secondary */
	RTE_PROC_PRIMARY = 0,
	RTE_PROC_SECONDARY,
	RTE_PROC_INVALID
};

/** The type of the calling process, once rte_eal_init() has succeeded. */
enum rte_proc_type_t rte_eal_process_type(void);

/**
 * Initialise the EAL from the command line. Returns the number of
 * arguments it consumed (argv[that number] is then the program name, and
 * the application's own arguments follow), or -1 with rte_errno set:
 * EINVAL (bad option), EALREADY (called twice), ENOENT (no primary for a
 * secondary), EEXIST (a primary already runs with this prefix), ENOMEM,
 * EACCES, EFAULT (shared config unusable) or ENOTSUP.
 */
int rte_eal_init(int argc, char **argv);

/**
 * Release what rte_eal_init() set up in this process: threads, sockets,
 * mappings, and the runtime files this process created.
 */
int rte_eal_cleanup(void);

/**
 * Whether a primary process holds the config file config_file_path
 * (NULL: this process's own group). 1 when alive, 0 otherwise.
 */
int rte_eal_primary_proc_alive(const char *config_file_path);

/**
 * Multi-process messaging (DPDK 22.11 API). A secondary's messages go to
 * the primary; the primary's go to every live secondary. Actions run on
 * one thread per process (rte_mp_handle) and must not wait for another
 * IPC round trip: rte_mp_request_sync() there fails with EDEADLK.
 */
#define RTE_MP_MAX_FD_NUM 8     /**< fds passed with one message */
#define RTE_MP_MAX_NAME_LEN 64  /**< name, terminating NUL included */
#define RTE_MP_MAX_PARAM_LEN 256

struct rte_mp_msg {
	char name[RTE_MP_MAX_NAME_LEN];
	int len_param;
	int num_fds;
	uint8_t param[RTE_MP_MAX_PARAM_LEN];
	int fds[RTE_MP_MAX_FD_NUM];
};

struct rte_mp_reply {
	int nb_sent;               /**< peers the request reached */
	int nb_received;           /**< replies in msgs */
	struct rte_mp_msg *msgs;   /**< to free() by the caller of rte_mp_request_sync */
};

/**
 * An action: called on the rte_mp_handle thread for each message with its
 * name. peer identifies the sender for rte_mp_reply(); it may be copied
 * (as a string) to reply later from another thread.
 */
typedef int (*rte_mp_t)(const struct rte_mp_msg *msg, const void *peer);

/**
 * Called once per rte_mp_request_async(): with every reply, or at the
 * timeout. The fds the replies carry are the callback's to close; the
 * reply messages are freed when it returns.
 */
typedef int (*rte_mp_async_reply_t)(const struct rte_mp_msg *request,
				    const struct rte_mp_reply *reply);

/** 0, or -1 with rte_errno EEXIST, EINVAL, ENAMETOOLONG, ENOMEM or ENOTSUP. */
int rte_mp_action_register(const char *name, rte_mp_t action);
void rte_mp_action_unregister(const char *name);

/** Send a one-way message. 0, or -1 with rte_errno. */
int rte_mp_sendmsg(struct rte_mp_msg *msg);

/**
 * Send a request and wait for the replies, at most ts. 0 when every live
 * peer answered; -1 with rte_errno ETIMEDOUT when some did not (the others'
 * replies are in reply), or another errno when sending failed. Peers that
 * are dead, or die while we wait, are not waited for and not counted.
 */
int rte_mp_request_sync(struct rte_mp_msg *req, struct rte_mp_reply *reply,
			const struct timespec *ts);

/** Send a request; clb runs once, on the rte_mp_handle thread, when all replies are in or ts has passed. */
int rte_mp_request_async(struct rte_mp_msg *req, const struct timespec *ts,
			 rte_mp_async_reply_t clb);

/** Reply to the request msg came with, to peer (as the action received it). */
int rte_mp_reply(struct rte_mp_msg *msg, const char *peer);

/**
 * Declare that this group will not use multi-process: true when done (no
 * secondary has joined, and none will be let in), false otherwise.
 */
bool rte_mp_disable(void);

/** Called by --help after the EAL usage, to print the application's own. */
typedef void (*rte_usage_hook_t)(const char *prgname);

/** Install a usage hook; returns the previous one. */
rte_usage_hook_t rte_set_application_usage_hook(rte_usage_hook_t usage_func);

/** How devices address memory. */
enum rte_iova_mode {
	RTE_IOVA_DC = 0,        /**< don't care */
	RTE_IOVA_PA = (1 << 0), /**< physical addresses */
	RTE_IOVA_VA = (1 << 1), /**< virtual addresses (IOMMU, or no DMA) */
};

/** The group's IOVA mode, chosen by the primary. */
enum rte_iova_mode rte_eal_iova_mode(void);

/** 0 when the group runs without hugepages (--no-huge), 1 otherwise. */
int rte_eal_has_hugepages(void);

/** 0 when started with --no-pci, 1 otherwise. */
int rte_eal_has_pci(void);

/** The group's runtime directory (/var/run/lockstep/<prefix> for root). */
const char *rte_eal_get_runtime_dir(void);

/** Kernel thread id of the calling thread. */
int rte_sys_gettid(void);

RTE_DECLARE_PER_LCORE(int, _thread_id);

/** Cached kernel thread id of the calling thread. */
static inline int
rte_gettid(void)
{
	if (RTE_PER_LCORE(_thread_id) == -1)
		RTE_PER_LCORE(_thread_id) = rte_sys_gettid();
	return RTE_PER_LCORE(_thread_id);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_EAL_H_ */
