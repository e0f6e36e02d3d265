/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef VETH_HARNESS_H
#define VETH_HARNESS_H

/*
 * Tests of PMDs over kernel interfaces: a veth pair in a network namespace
 * the test makes itself, and flows of packets over it (with the pkt_*
 * commands of eth_commands.h).
 *
 * veth_setup() makes namespace PREFIX_<pid> with the pair PREFIX<pid>a /
 * PREFIX<pid>b in it, up, and moves the test's thread into it, so that
 * the helpers spawned afterwards live there and see the pair.
 * veth_teardown() (from the test's cmocka teardown, which runs whether the
 * test passed or not) kills the helpers and deletes it all. A test run
 * that was killed leaves its namespace behind: veth_setup() first deletes
 * those of its prefix whose pid is gone.
 */

#include <net/if.h>
#include <stdbool.h>

struct veth_env {
	char ns[32];
	char a[IF_NAMESIZE];
	char b[IF_NAMESIZE];
	unsigned int ifindex_a;
	unsigned int ifindex_b;
	int home_fd;     /* the namespace the test came from; -1 when not set up */
	bool inside;     /* the test's thread is in ns */
};

/*
 * Make the pair for a test whose interfaces and namespace are named after
 * prefix (at most 5 characters) and enter its namespace; or skip the test
 * saying why it cannot be (not root, no iproute2, no network namespaces,
 * no veth), with nothing left behind.
 */
void veth_setup(struct veth_env *env, const char *prefix);

/* Move the test's thread (and so the helpers it spawns next) out of the namespace, and back. */
void veth_leave(struct veth_env *env);
void veth_enter(struct veth_env *env);

/* Kill the helpers, leave and delete the namespace and its pair. Fine to call on any env. */
void veth_teardown(struct veth_env *env);

/*
 * veth_teardown() as a cmocka teardown, of the env given as the test's
 * initial state: cmocka_unit_test_prestate_setup_teardown(test, NULL,
 * veth_cleanup, &env).
 */
int veth_cleanup(void **state);

/* AF_PACKET sockets bound to ifindex in the test thread's namespace (/proc/net/packet). */
unsigned int veth_packet_sockets(unsigned int ifindex);

struct mp_proc;

/*
 * count frames of tag (802.1Q-tagged with vlan when not 0), of up to
 * maxlen bytes, from tx's port on its Tx queue txq to rx's port: all
 * there, intact, alone.
 */
void veth_flow(struct mp_proc *rx, const char *rx_port, struct mp_proc *tx, const char *tx_port,
	       unsigned int txq, unsigned int count, unsigned int tag, unsigned int maxlen,
	       unsigned int vlan);

#endif /* VETH_HARNESS_H */
