/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_log.h>

#include "eal_memcfg.h"
#include "eal_peers.h"
#include "eal_private.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif

uint64_t
eal_proc_start_time(pid_t pid)
{
	char path[64], buf[1024], state;
	unsigned long long start = 0;
	const char *p;
	ssize_t n;
	int fd, field;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	/* The command name may hold spaces and parentheses: skip past the last ')'. */
	p = strrchr(buf, ')');
	if (p == NULL || sscanf(p + 1, " %c", &state) != 1 || state == 'Z' || state == 'X')
		return 0;
	/* Field 22 is the start time; the state is field 3. */
	for (field = 3, p += 2; field < 22 && p != NULL; field++) {
		p = strchr(p, ' ');
		if (p != NULL)
			p++;
	}
	if (p == NULL || sscanf(p, "%llu", &start) != 1)
		return 0;
	return start;
}

bool
eal_peer_alive(const struct eal_peer *p)
{
	return p->pid > 0 && eal_proc_start_time(p->pid) == p->start_time;
}

void
eal_peer_self(struct eal_peer *p, const char *sock)
{
	memset(p, 0, sizeof(*p));
	p->pid = getpid();
	p->start_time = eal_proc_start_time(p->pid);
	snprintf(p->sock, sizeof(p->sock), "%s", sock);
}

void
eal_peer_primary(struct eal_peer *p)
{
	const struct eal_config_hdr *h = &eal_shared_config()->hdr;

	memset(p, 0, sizeof(*p));
	p->pid = h->primary_pid;
	p->start_time = h->primary_start_time;
	snprintf(p->sock, sizeof(p->sock), "%s", EAL_MP_PRIMARY_SOCK);
}

static bool
same_peer(const struct eal_peer *a, const struct eal_peer *b)
{
	return a->pid == b->pid && a->start_time == b->start_time;
}

/* With peers_lock held: publish how many slots are in use. */
static void
peers_count(struct eal_shared_config *cfg)
{
	uint32_t i, n = 0;

	for (i = 0; i < EAL_MAX_SECONDARIES; i++)
		n += cfg->peers[i].pid != 0;
	__atomic_store_n(&cfg->nb_peers, n, __ATOMIC_RELAXED);
}

unsigned int
eal_peers_count(void)
{
	const struct eal_shared_config *cfg = eal_shared_config();

	return cfg != NULL ? __atomic_load_n(&cfg->nb_peers, __ATOMIC_RELAXED) : 0;
}

int
eal_peers_register(const struct eal_peer *self)
{
	struct eal_shared_config *cfg = eal_shared_config();
	struct eal_peer *free_slot = NULL;
	int ret = 0;
	unsigned int i;

	eal_shared_lock(&cfg->peers_lock, "secondary registry");
	if (cfg->mp_status == EAL_MP_STATUS_DISABLED) {
		ret = -EPERM;
		goto out;
	}
	for (i = 0; i < EAL_MAX_SECONDARIES; i++) {
		struct eal_peer *p = &cfg->peers[i];

		/* Reclaim slots of secondaries that died without cleaning up. */
		if (p->pid != 0 && !eal_peer_alive(p))
			memset(p, 0, sizeof(*p));
		if (p->pid == 0 && free_slot == NULL)
			free_slot = p;
	}
	if (free_slot == NULL) {
		ret = -ENOSPC;
		goto out;
	}
	*free_slot = *self;
	cfg->mp_status = EAL_MP_STATUS_ENABLED;
	peers_count(cfg);
out:
	eal_shared_unlock(&cfg->peers_lock);
	return ret;
}

void
eal_peers_unregister(const struct eal_peer *self)
{
	eal_peers_forget(self);
}

void
eal_peers_forget(const struct eal_peer *peer)
{
	struct eal_shared_config *cfg = eal_shared_config();
	unsigned int i;

	eal_shared_lock(&cfg->peers_lock, "secondary registry");
	for (i = 0; i < EAL_MAX_SECONDARIES; i++) {
		if (cfg->peers[i].pid != 0 && same_peer(&cfg->peers[i], peer))
			memset(&cfg->peers[i], 0, sizeof(cfg->peers[i]));
	}
	peers_count(cfg);
	eal_shared_unlock(&cfg->peers_lock);
}

unsigned int
eal_peers_snapshot(struct eal_peer *out, unsigned int max)
{
	struct eal_shared_config *cfg = eal_shared_config();
	unsigned int i, n = 0;

	eal_shared_lock(&cfg->peers_lock, "secondary registry");
	for (i = 0; i < EAL_MAX_SECONDARIES && n < max; i++) {
		if (cfg->peers[i].pid != 0)
			out[n++] = cfg->peers[i];
	}
	eal_shared_unlock(&cfg->peers_lock);
	return n;
}

int
eal_peer_pidfd_open(const struct eal_peer *p)
{
	int fd = (int)syscall(SYS_pidfd_open, p->pid, 0);

	if (fd < 0)
		return -1;
	/* The pid may have been reused, or the peer died, before we opened it. */
	if (!eal_peer_alive(p)) {
		close(fd);
		return -1;
	}
	return fd;
}
