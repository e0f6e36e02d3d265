/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/* veth pairs in private network namespaces (veth_harness.h). */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <rte_common.h>

#include "mp_group.h"
#include "test.h"
#include "veth_harness.h"

#define NETNS_DIR "/var/run/netns"

/* Run a shell command quietly; its exit status (-1 when it could not run). */
static int __rte_format_printf(1, 2)
run(const char *fmt, ...)
{
	char cmd[512];
	va_list ap;
	int st;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	strncat(cmd, " >/dev/null 2>&1", sizeof(cmd) - strlen(cmd) - 1);
	st = system(cmd);
	return st == -1 || !WIFEXITED(st) ? -1 : WEXITSTATUS(st);
}

static bool
pid_gone(const char *digits)
{
	char *end;
	long pid = strtol(digits, &end, 10);

	return end != digits && *end == '\0' && pid > 0 && kill((pid_t)pid, 0) < 0 &&
	       errno == ESRCH;
}

/* What killed runs of this prefix left: namespaces, and pairs never moved into one. */
static void
sweep(const char *prefix)
{
	struct if_nameindex *ifs, *i;
	size_t plen = strlen(prefix);
	char digits[16];
	struct dirent *e;
	DIR *d = opendir(NETNS_DIR);

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, prefix, plen) == 0 && e->d_name[plen] == '_' &&
		    pid_gone(e->d_name + plen + 1))
			run("ip netns del %s", e->d_name);
	}
	if (d != NULL)
		closedir(d);
	ifs = if_nameindex();
	for (i = ifs; i != NULL && i->if_name != NULL; i++) {
		size_t len = strlen(i->if_name);

		if (strncmp(i->if_name, prefix, plen) != 0 || len < plen + 2 ||
		    len - plen - 1 >= sizeof(digits))
			continue;
		snprintf(digits, sizeof(digits), "%.*s", (int)(len - plen - 1), i->if_name + plen);
		if (pid_gone(digits))
			run("ip link del %s", i->if_name);
	}
	if (ifs != NULL)
		if_freenameindex(ifs);
}

void
veth_enter(struct veth_env *env)
{
	char path[64];
	int fd;

	if (env->inside || env->home_fd < 0)
		return;
	snprintf(path, sizeof(path), NETNS_DIR "/%s", env->ns);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0 && setns(fd, CLONE_NEWNET) == 0)
		env->inside = true;
	else
		fprintf(stderr, "veth: cannot enter namespace %s: %s\n", env->ns, strerror(errno));
	if (fd >= 0)
		close(fd);
}

void
veth_leave(struct veth_env *env)
{
	if (!env->inside)
		return;
	if (setns(env->home_fd, CLONE_NEWNET) < 0)
		fprintf(stderr, "veth: cannot leave namespace %s: %s\n", env->ns, strerror(errno));
	else
		env->inside = false;
}

/* The pair, made in our namespace, moved into ns, quiet (no IPv6 chatter) and up. */
static const char *
make_pair(struct veth_env *env)
{
	if (run("ip link add %s type veth peer name %s", env->a, env->b) != 0)
		return "cannot create a veth pair (ip link add ... type veth)";
	if (run("ip link set %s netns %s", env->a, env->ns) != 0 ||
	    run("ip link set %s netns %s", env->b, env->ns) != 0)
		return "cannot move a veth pair into a network namespace";
	/* Only the test's frames on the wire: the counters must add up. */
	run("ip netns exec %s sh -c 'for i in %s %s; do echo 1 > "
	    "/proc/sys/net/ipv6/conf/$i/disable_ipv6; done'", env->ns, env->a, env->b);
	if (run("ip -n %s link set %s up", env->ns, env->a) != 0 ||
	    run("ip -n %s link set %s up", env->ns, env->b) != 0)
		return "cannot bring a veth pair up";
	return NULL;
}

/* veth_setup(), or why it cannot be. */
static const char *
setup(struct veth_env *env, const char *prefix)
{
	int pid = (int)getpid();
	const char *why;

	memset(env, 0, sizeof(*env));
	env->home_fd = -1;
	if (geteuid() != 0)
		return "needs root for network namespaces and veth";
	if (run("ip -V") != 0)
		return "needs iproute2 (ip)";
	sweep(prefix);
	snprintf(env->ns, sizeof(env->ns), "%s_%d", prefix, pid);
	snprintf(env->a, sizeof(env->a), "%s%da", prefix, pid);
	snprintf(env->b, sizeof(env->b), "%s%db", prefix, pid);
	if (run("ip netns add %s", env->ns) != 0)
		return "ip netns add failed: no network namespaces here";
	env->home_fd = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
	if (env->home_fd < 0) {
		veth_teardown(env);
		return "cannot open this thread's network namespace";
	}
	why = make_pair(env);
	if (why == NULL) {
		veth_enter(env);
		if (!env->inside)
			why = "cannot enter the test's network namespace";
	}
	if (why == NULL) {
		env->ifindex_a = if_nametoindex(env->a);
		env->ifindex_b = if_nametoindex(env->b);
		if (env->ifindex_a == 0 || env->ifindex_b == 0)
			why = "the veth pair is not in the test's network namespace";
	}
	if (why != NULL)
		veth_teardown(env);
	return why;
}

void
veth_setup(struct veth_env *env, const char *prefix)
{
	const char *why = setup(env, prefix);

	if (why != NULL)
		TEST_SKIP("%s", why);
}

void
veth_teardown(struct veth_env *env)
{
	mp_cleanup_all();
	veth_leave(env);
	if (env->ns[0] != '\0') {
		/* Deleting the namespace deletes the pair, once no process is left in it. */
		run("ip netns del %s", env->ns);
		run("ip link del %s", env->a);
	}
	if (env->home_fd >= 0)
		close(env->home_fd);
	memset(env, 0, sizeof(*env));
	env->home_fd = -1;
}

unsigned int
veth_packet_sockets(unsigned int ifindex)
{
	FILE *f = fopen("/proc/thread-self/net/packet", "r");
	unsigned int n = 0, iface;
	char line[256];

	if (f == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "%*s %*s %*s %*s %u", &iface) == 1 && iface == ifindex)
			n++;
	}
	fclose(f);
	return n;
}

void
veth_flow(struct mp_proc *rx, const char *rx_port, struct mp_proc *tx, const char *tx_port,
	  unsigned int txq, unsigned int count, unsigned int tag, unsigned int maxlen,
	  unsigned int vlan)
{
	char reply[128], want[64];

	assert_int_equal(mp_send(rx, "pkt_rx %s %u %u 20000 0 %u", rx_port, count, tag, vlan), 0);
	snprintf(want, sizeof(want), "sent=%u", count);
	mp_expect(tx, want, "pkt_tx %s %u %u %u %u 100 %u", tx_port, txq, count, maxlen, tag, vlan);
	assert_int_equal(mp_recv(rx, reply, sizeof(reply), 30000), 0);
	snprintf(want, sizeof(want), "rx=%u bad=0 other=0", count);
	assert_string_equal(reply, want);
}

int
veth_cleanup(void **state)
{
	veth_teardown(*state);
	return 0;
}
