/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_memory.h>

#include "eal_internal_cfg.h"
#include "eal_private.h"

struct lcore_config lcore_config[RTE_MAX_LCORE];

static struct rte_config rte_config = {
	.process_type = RTE_PROC_INVALID,
};

/* NUMA node of each cpu, read at init; -1 for cpus that are not present. */
static int cpu_socket[CPU_SETSIZE];

struct rte_config *
rte_eal_get_configuration(void)
{
	return &rte_config;
}

enum rte_proc_type_t
rte_eal_process_type(void)
{
	return rte_config.process_type;
}

unsigned int
rte_get_main_lcore(void)
{
	return rte_config.main_lcore;
}

unsigned int
rte_lcore_count(void)
{
	return rte_config.lcore_count;
}

enum rte_lcore_role_t
rte_eal_lcore_role(unsigned int lcore_id)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return ROLE_OFF;
	return rte_config.lcore_role[lcore_id];
}

int
rte_lcore_has_role(unsigned int lcore_id, enum rte_lcore_role_t role)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return -EINVAL;
	return rte_config.lcore_role[lcore_id] == role;
}

int
rte_lcore_is_enabled(unsigned int lcore_id)
{
	return rte_eal_lcore_role(lcore_id) == ROLE_RTE;
}

int
rte_lcore_index(int lcore_id)
{
	if (lcore_id == -1)
		lcore_id = (int)rte_lcore_id();
	if (lcore_id < 0 || lcore_id >= RTE_MAX_LCORE || !rte_lcore_is_enabled(lcore_id))
		return -1;
	return (int)lcore_config[lcore_id].core_index;
}

int
rte_lcore_to_cpu_id(int lcore_id)
{
	unsigned int cpu;

	if (lcore_id < 0 || lcore_id >= RTE_MAX_LCORE || !rte_lcore_is_enabled(lcore_id))
		return -1;
	for (cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		if (CPU_ISSET(cpu, &lcore_config[lcore_id].cpuset))
			return (int)cpu;
	}
	return -1;
}

rte_cpuset_t
rte_lcore_cpuset(unsigned int lcore_id)
{
	rte_cpuset_t empty;

	if (lcore_id >= RTE_MAX_LCORE) {
		CPU_ZERO(&empty);
		return empty;
	}
	return lcore_config[lcore_id].cpuset;
}

unsigned int
rte_lcore_to_socket_id(unsigned int lcore_id)
{
	if (lcore_id >= RTE_MAX_LCORE)
		return (unsigned int)SOCKET_ID_ANY;
	return lcore_config[lcore_id].socket_id;
}

unsigned int
rte_get_next_lcore(unsigned int i, int skip_main, int wrap)
{
	unsigned int n;

	/* i == -1 (as unsigned) starts the walk at lcore 0. */
	for (n = 0, i++; n < RTE_MAX_LCORE; n++, i++) {
		if (i >= RTE_MAX_LCORE) {
			if (!wrap)
				break;
			i = 0;
		}
		if (!rte_lcore_is_enabled(i))
			continue;
		if (skip_main && i == rte_config.main_lcore)
			continue;
		return i;
	}
	return RTE_MAX_LCORE;
}

unsigned int
rte_socket_count(void)
{
	return rte_config.numa_node_count;
}

int
rte_socket_id_by_idx(unsigned int idx)
{
	if (idx >= rte_config.numa_node_count) {
		rte_errno = EINVAL;
		return -1;
	}
	return (int)rte_config.numa_nodes[idx];
}

unsigned int
eal_cpuset_socket_id(const rte_cpuset_t *cpuset)
{
	int socket = SOCKET_ID_ANY;
	unsigned int cpu;

	for (cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		if (!CPU_ISSET(cpu, cpuset))
			continue;
		if (socket == SOCKET_ID_ANY)
			socket = cpu_socket[cpu];
		else if (socket != cpu_socket[cpu])
			return (unsigned int)SOCKET_ID_ANY;
	}
	return (unsigned int)socket;
}

int
eal_cpuset_format(const rte_cpuset_t *set, char *buf, size_t size)
{
	unsigned int cpu = 0, end;
	size_t used = 0;
	int n;

	buf[0] = '\0';
	while (cpu < CPU_SETSIZE) {
		if (!CPU_ISSET(cpu, set)) {
			cpu++;
			continue;
		}
		for (end = cpu; end + 1 < CPU_SETSIZE && CPU_ISSET(end + 1, set); end++)
			;
		if (end == cpu)
			n = snprintf(buf + used, size - used, "%s%u", used ? "," : "", cpu);
		else
			n = snprintf(buf + used, size - used, "%s%u-%u", used ? "," : "", cpu, end);
		if (n < 0 || (size_t)n >= size - used)
			return -ENOSPC;
		used += (size_t)n;
		cpu = end + 1;
	}
	return 0;
}

static void
record_numa_nodes(const struct eal_cpu_info *info)
{
	unsigned int cpu, i;

	rte_config.numa_node_count = 0;
	for (cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		int node = info->socket[cpu];
		bool known = false;

		cpu_socket[cpu] = node;
		if (node < 0)
			continue;
		for (i = 0; i < rte_config.numa_node_count; i++)
			known |= rte_config.numa_nodes[i] == (uint32_t)node;
		if (!known && rte_config.numa_node_count < RTE_MAX_NUMA_NODES)
			rte_config.numa_nodes[rte_config.numa_node_count++] = (uint32_t)node;
	}
}

int
eal_lcores_init(void)
{
	struct internal_config *cfg = eal_get_internal_configuration();
	struct eal_cpu_info info;
	rte_cpuset_t outside;
	char cpus[128], allowed[128];
	unsigned int i, count = 0;
	int ret;

	ret = eal_cpu_info_read(&info);
	if (ret < 0)
		return ret;
	record_numa_nodes(&info);

	/* Without -c, -l or --lcores, every cpu this process may use is an lcore. */
	if (!cfg->lcores_given) {
		for (i = 0; i < RTE_MAX_LCORE && i < CPU_SETSIZE; i++) {
			cfg->lcore_enabled[i] = CPU_ISSET(i, &info.allowed);
			CPU_ZERO(&cfg->lcore_cpus[i]);
			if (cfg->lcore_enabled[i])
				CPU_SET(i, &cfg->lcore_cpus[i]);
		}
	}

	eal_cpuset_format(&info.allowed, allowed, sizeof(allowed));
	for (i = 0; i < RTE_MAX_LCORE; i++) {
		struct lcore_config *lc = &lcore_config[i];

		rte_config.lcore_role[i] = ROLE_OFF;
		CPU_ZERO(&lc->cpuset);
		if (!cfg->lcore_enabled[i])
			continue;
		CPU_OR(&outside, &cfg->lcore_cpus[i], &info.allowed);
		CPU_XOR(&outside, &outside, &info.allowed);
		if (CPU_COUNT(&outside) != 0) {
			eal_cpuset_format(&outside, cpus, sizeof(cpus));
			RTE_LOG(ERR, EAL, "lcore %u: cpu %s not available to this process "
				"(it may run on cpus %s)\n", i, cpus, allowed);
			return -EINVAL;
		}
		rte_config.lcore_role[i] = ROLE_RTE;
		lc->cpuset = cfg->lcore_cpus[i];
		lc->socket_id = eal_cpuset_socket_id(&lc->cpuset);
		lc->core_index = count++;
	}
	if (count == 0) {
		RTE_LOG(ERR, EAL, "no lcore enabled\n");
		return -EINVAL;
	}
	rte_config.lcore_count = count;
	eal_ctrl_cpuset_init(&info.allowed);

	if (cfg->main_lcore < 0) {
		rte_config.main_lcore = rte_get_next_lcore(-1, 0, 0);
	} else if (!rte_lcore_is_enabled(cfg->main_lcore)) {
		RTE_LOG(ERR, EAL, "--main-lcore %d is not among the enabled lcores\n",
			cfg->main_lcore);
		return -EINVAL;
	} else {
		rte_config.main_lcore = (uint32_t)cfg->main_lcore;
	}
	RTE_LOG(DEBUG, EAL, "%u lcores, main lcore %u, %u NUMA node(s)\n",
		count, rte_config.main_lcore, rte_config.numa_node_count);
	return 0;
}

void
rte_lcore_dump(FILE *f)
{
	char cpus[256];
	unsigned int i;

	RTE_LCORE_FOREACH(i) {
		eal_cpuset_format(&lcore_config[i].cpuset, cpus, sizeof(cpus));
		fprintf(f, "lcore %u, socket %d, role %s, cpuset %s%s\n", i,
			(int)lcore_config[i].socket_id, "rte", cpus,
			i == rte_config.main_lcore ? " (main)" : "");
	}
}
