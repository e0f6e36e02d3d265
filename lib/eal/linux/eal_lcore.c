/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <dirent.h>
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_log.h>

#include "eal_private.h"

#define SYS_CPU_DIR "/sys/devices/system/cpu"

/* The NUMA node of a cpu is named by its "nodeN" entry; none (or no /sys) means node 0. */
static int
cpu_node(unsigned int cpu)
{
	char path[64];
	struct dirent *e;
	DIR *d;
	int node = 0;

	snprintf(path, sizeof(path), SYS_CPU_DIR "/cpu%u", cpu);
	d = opendir(path);
	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		char *end;
		long n;

		if (strncmp(e->d_name, "node", 4) != 0)
			continue;
		n = strtol(e->d_name + 4, &end, 10);
		if (end != e->d_name + 4 && *end == '\0' && n >= 0 && n < RTE_MAX_NUMA_NODES) {
			node = (int)n;
			break;
		}
	}
	closedir(d);
	return node;
}

int
eal_cpu_info_read(struct eal_cpu_info *info)
{
	unsigned int cpu;

	memset(info, 0, sizeof(*info));
	if (sched_getaffinity(0, sizeof(info->allowed), &info->allowed) < 0) {
		RTE_LOG(ERR, EAL, "cannot read the cpu affinity: %s\n", strerror(errno));
		return -errno;
	}
	/* Only the cpus we may run on matter, and looking one up costs a readdir. */
	for (cpu = 0; cpu < CPU_SETSIZE; cpu++)
		info->socket[cpu] = CPU_ISSET(cpu, &info->allowed) ? cpu_node(cpu) : -1;
	return 0;
}
