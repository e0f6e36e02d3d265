/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * "status": every live process of the group and the devices each has,
 * with any process that disagrees with the primary flagged. Each process
 * answers "hotplug_mp_devices" with one line about itself (in a memfd, so
 * that long device lists fit). A secondary asks the primary
 * ("hotplug_mp_status"), which gathers the lines asynchronously (its
 * handler thread must not wait for a round trip) and answers with the
 * table, again in a memfd.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <rte_bus.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <rte_eal.h>
#include <rte_errno.h>

#include "hotplug_mp.h"

#define ACTION_DEVICES "hotplug_mp_devices"
#define ACTION_STATUS "hotplug_mp_status"
#define LINE_MAX_LEN 1024

/* How long the primary waits for the processes' lines... */
static const struct timespec timeout = { .tv_sec = 5 };
/* ... and a secondary for the primary's table, which takes up to that long. */
static const struct timespec table_timeout = { .tv_sec = 6 };

void
devices_of_this_process(char *buf, size_t size)
{
	static const char *const buses[] = { "vdev", "pci" };
	struct rte_dev_iterator it;
	struct rte_device *dev;
	char filter[32];
	size_t used = 0;
	unsigned int i;

	buf[0] = '\0';
	for (i = 0; i < RTE_DIM(buses); i++) {
		if (rte_bus_find_by_name(buses[i]) == NULL)
			continue;
		snprintf(filter, sizeof(filter), "bus=%s", buses[i]);
		RTE_DEV_FOREACH(dev, filter, &it) {
			if (rte_dev_is_probed(dev) && used < size)
				used += (size_t)snprintf(buf + used, size - used, "%s%s",
							 used ? " " : "", rte_dev_name(dev));
		}
	}
	if (used == 0)
		snprintf(buf, size, "-");
}

/* "label pid devices...": this process, as status shows it. */
static void
own_line(char *buf, size_t size)
{
	char devices[LINE_MAX_LEN - 64], label[32];

	if (hotplug_mp_label != NULL)
		snprintf(label, sizeof(label), "%s", hotplug_mp_label);
	else
		snprintf(label, sizeof(label), "%s",
			 rte_eal_process_type() == RTE_PROC_PRIMARY ? "primary" : "secondary");
	devices_of_this_process(devices, sizeof(devices));
	snprintf(buf, size, "%s %d %s", label, (int)getpid(), devices);
}

/* A memfd holding text, or -1. */
static int
text_fd(const char *text)
{
	int fd = memfd_create("hotplug_mp", MFD_CLOEXEC);

	if (fd >= 0 && write(fd, text, strlen(text)) != (ssize_t)strlen(text)) {
		close(fd);
		fd = -1;
	}
	return fd;
}

static void
fd_text(int fd, char *buf, size_t size)
{
	ssize_t n = pread(fd, buf, size - 1, 0);

	buf[n > 0 ? n : 0] = '\0';
}

static int
reply_with_text(const struct rte_mp_msg *req, const char *peer, const char *text)
{
	struct rte_mp_msg reply;
	int ret;

	memset(&reply, 0, sizeof(reply));
	snprintf(reply.name, sizeof(reply.name), "%s", req->name);
	reply.fds[0] = text_fd(text);
	reply.num_fds = reply.fds[0] >= 0;
	ret = rte_mp_reply(&reply, peer);
	if (reply.num_fds)
		close(reply.fds[0]);
	return ret;
}

static int
on_devices(const struct rte_mp_msg *msg, const void *peer)
{
	char line[LINE_MAX_LEN];

	own_line(line, sizeof(line));
	return reply_with_text(msg, peer, line);
}

/* Whether the space-separated list holds word. */
static bool
has_word(const char *list, const char *word)
{
	size_t len = strlen(word);
	const char *p = list;

	while ((p = strstr(p, word)) != NULL) {
		if ((p == list || p[-1] == ' ') && (p[len] == ' ' || p[len] == '\0'))
			return true;
		p += len;
	}
	return false;
}

/* Words of a that b lacks, into out. */
static void
missing(const char *a, const char *b, char *out, size_t size)
{
	char copy[LINE_MAX_LEN], *tok, *save = NULL;
	size_t used = 0;

	snprintf(copy, sizeof(copy), "%s", a);
	out[0] = '\0';
	for (tok = strtok_r(copy, " ", &save); tok != NULL; tok = strtok_r(NULL, " ", &save)) {
		if (strcmp(tok, "-") != 0 && !has_word(b, tok) && used < size)
			used += (size_t)snprintf(out + used, size - used, " %s", tok);
	}
}

/*
 * The table: the primary's line, then one per reply, flagging differences;
 * a live process that did not answer in time (stopped, or its handler
 * stuck) is counted, its devices unknown.
 */
static void
table(const char *primary, const struct rte_mp_reply *r, char *buf, size_t size)
{
	char line[LINE_MAX_LEN], label[64], devices[LINE_MAX_LEN], ref[LINE_MAX_LEN];
	char lack[LINE_MAX_LEN], extra[LINE_MAX_LEN];
	unsigned int disagree = 0;
	size_t used;
	int pid, i, silent;

	if (sscanf(primary, "%63s %d %1023[^\n]", label, &pid, ref) != 3)
		snprintf(ref, sizeof(ref), "-");
	used = (size_t)snprintf(buf, size, "%-12s %-8s %s\n%-12s %-8d %s\n", "process", "pid",
				"devices", label, pid, ref);
	for (i = 0; i < r->nb_received && used < size; i++) {
		if (r->msgs[i].num_fds != 1)
			continue;
		fd_text(r->msgs[i].fds[0], line, sizeof(line));
		close(r->msgs[i].fds[0]);
		if (sscanf(line, "%63s %d %1023[^\n]", label, &pid, devices) != 3)
			continue;
		missing(ref, devices, lack, sizeof(lack));
		missing(devices, ref, extra, sizeof(extra));
		used += (size_t)snprintf(buf + used, size - used, "%-12s %-8d %s", label, pid,
					 devices);
		if (lack[0] != '\0' || extra[0] != '\0') {
			disagree++;
			used += (size_t)snprintf(buf + used, size - used,
				"   <- DISAGREES with the primary%s%s%s%s", lack[0] ? ", lacks" : "",
				lack, extra[0] ? ", also has" : "", extra);
		}
		used += (size_t)snprintf(buf + used, size - used, "\n");
	}
	silent = r->nb_sent > r->nb_received ? r->nb_sent - r->nb_received : 0;
	if (silent > 0 && used < size)
		used += (size_t)snprintf(buf + used, size - used,
					 "%d process(es) did not answer in %d s: devices unknown\n",
					 silent, (int)timeout.tv_sec);
	if (used < size)
		snprintf(buf + used, size - used, "%d process(es), %s\n", r->nb_received + 1 + silent,
			 disagree ? "NOT consistent" : silent ? "consistency unknown"
							  : "all consistent");
}

static void
devices_request(struct rte_mp_msg *m, const char *param)
{
	memset(m, 0, sizeof(*m));
	snprintf(m->name, sizeof(m->name), ACTION_DEVICES);
	snprintf((char *)m->param, sizeof(m->param), "%s", param);
	m->len_param = (int)strlen(param) + 1;
}

/* Primary, on the handler thread: the replies to a secondary's status are in. */
static int
on_devices_gathered(const struct rte_mp_msg *request, const struct rte_mp_reply *r)
{
	char primary[LINE_MAX_LEN], text[8192];

	own_line(primary, sizeof(primary));
	table(primary, r, text, sizeof(text));
	/* The request's param is the peer that asked for the status. */
	return reply_with_text(request, (const char *)request->param, text);
}

/* Primary: a secondary asks for the status; gather without waiting here. */
static int
on_status(const struct rte_mp_msg *msg, const void *peer)
{
	struct rte_mp_msg m;

	RTE_SET_USED(msg);
	devices_request(&m, peer);
	return rte_mp_request_async(&m, &timeout, on_devices_gathered);
}

int
status_collect(char *buf, size_t size)
{
	struct rte_mp_reply r;
	struct rte_mp_msg m;
	char primary[LINE_MAX_LEN];

	if (rte_eal_process_type() == RTE_PROC_PRIMARY) {
		devices_request(&m, "");
		if (rte_mp_request_sync(&m, &r, &timeout) < 0 && r.nb_received == 0 &&
		    rte_errno != ETIMEDOUT)
			return -1;
		own_line(primary, sizeof(primary));
		table(primary, &r, buf, size);
		free(r.msgs);
		return 0;
	}
	memset(&m, 0, sizeof(m));
	snprintf(m.name, sizeof(m.name), ACTION_STATUS);
	if (rte_mp_request_sync(&m, &r, &table_timeout) < 0 || r.nb_received != 1 ||
	    r.msgs[0].num_fds != 1) {
		free(r.msgs);
		return -1;
	}
	fd_text(r.msgs[0].fds[0], buf, size);
	close(r.msgs[0].fds[0]);
	free(r.msgs);
	return 0;
}

int
status_init(void)
{
	if (rte_mp_action_register(ACTION_DEVICES, on_devices) < 0 && rte_errno != EEXIST)
		return -1;
	if (rte_eal_process_type() == RTE_PROC_PRIMARY &&
	    rte_mp_action_register(ACTION_STATUS, on_status) < 0 && rte_errno != EEXIST)
		return -1;
	return 0;
}
