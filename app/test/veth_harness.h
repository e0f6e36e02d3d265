/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef VETH_HARNESS_H
#define VETH_HARNESS_H

/*
 * Tests of PMDs over kernel interfaces: a veth pair in a network namespace
 * the test makes itself, and packet commands for the "eal" role.
 *
 * Test side: veth_setup() makes namespace PREFIX_<pid> with the pair
 * PREFIX<pid>a / PREFIX<pid>b in it, up, and moves the test's thread into
 * it, so that the helpers spawned afterwards live there and see the pair.
 * veth_teardown() (from the test's cmocka teardown, which runs whether the
 * test passed or not) kills the helpers and deletes it all. A test run
 * that was killed leaves its namespace behind: veth_setup() first deletes
 * those of its prefix whose pid is gone.
 *
 * Helper side, with the mbuf pool of "eth_pool" (test_ethdev_mp.c):
 *   "pkt_tx NAME QUEUE COUNT MAXLEN TAG GAP_US [VLAN]" -> "sent=N"
 *      COUNT frames numbered 0.. of 60 to MAXLEN bytes, broadcast, EtherType
 *      0x88b5, carrying TAG, their number, their length and a pattern
 *      made from the number; GAP_US microseconds between frames; with an
 *      802.1Q tag of VLAN (4 bytes more) when given.
 *   "pkt_rx NAME COUNT TAG TIMEOUT_MS WRAP [VLAN]" -> "rx=N bad=M other=K"
 *      polls every Rx queue until COUNT frames of TAG (tagged with VLAN
 *      when given) came, or the timeout: bad counts frames of TAG out of
 *      order (numbers run 0..WRAP-1 and again when WRAP is not 0) or
 *      damaged, other the frames that are not those.
 *   "pkt_stats NAME" -> "in=N out=M ierr=I oerr=O"
 */

#include <net/if.h>
#include <stdbool.h>

#define VETH_POOL "eth_mp_pool"

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
 * prefix (at most 5 characters) and enter its namespace. NULL when done;
 * else why it cannot be (not root, no iproute2, no network namespaces,
 * no veth), for TEST_SKIP, with nothing left behind.
 */
const char *veth_setup(struct veth_env *env, const char *prefix);

/* Move the test's thread (and so the helpers it spawns next) out of the namespace, and back. */
void veth_leave(struct veth_env *env);
void veth_enter(struct veth_env *env);

/* Kill the helpers, leave and delete the namespace and its pair. Fine to call on any env. */
void veth_teardown(struct veth_env *env);

struct mp_proc;

/* Send p a command (printf format); its reply must be want, or the test fails saying so. */
void veth_expect(struct mp_proc *p, const char *want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The number after "key=" in a reply; the test fails when there is none. */
unsigned long veth_field(const char *reply, const char *key);

/* AF_PACKET sockets bound to ifindex in the test thread's namespace (/proc/net/packet). */
unsigned int veth_packet_sockets(unsigned int ifindex);

#endif /* VETH_HARNESS_H */
