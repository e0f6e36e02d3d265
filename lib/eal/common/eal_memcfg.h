/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef EAL_MEMCFG_H
#define EAL_MEMCFG_H

/*
 * The shared config: the file "config" in the runtime directory, mapped by
 * every process of the group at the same address, the start of the group's
 * address reservation (--base-virtaddr). The primary writes the header
 * before it sets magic; secondaries only read the header.
 */

#include <stdint.h>
#include <sys/types.h>

#define EAL_CONFIG_VERSION 1

struct eal_shared_config {
	uint32_t magic;          /* RTE_MAGIC once the primary has finished init */
	uint32_t version;        /* EAL_CONFIG_VERSION of the primary's build */
	uint64_t config_size;    /* sizeof(struct eal_shared_config) in the primary */
	uint64_t base_addr;      /* where the reservation starts in every process */
	uint64_t reserve_size;   /* bytes reserved from base_addr */
	pid_t primary_pid;
};

/* The shared config of this process's group, once eal_config_init() succeeded. */
struct eal_shared_config *eal_shared_config(void);

#endif /* EAL_MEMCFG_H */
