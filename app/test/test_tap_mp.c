/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * net_tap across a primary and its secondaries (group tap_mp), against
 * real tap interfaces: attached from a secondary, the interface appears
 * in the kernel; frames sent by a secondary arrive on a raw socket of the
 * test process, frames that socket sends arrive in a process; the
 * counters agree everywhere; link, MAC and MTU set from any process show
 * in the kernel; detached, the interface is gone (unless it persists);
 * an attach that times out in a secondary leaves no interface; bad
 * devargs fail once, cleanly. Needs root and /dev/net/tun.
 *
 * The helpers also use the commands of test_hotplug_driver.c (attach,
 * detach, devices) and eth_commands.c (eth_pool, eth_up, eth_ports,
 * eth_port, eth_stats, eth_slot).
 */

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <linux/if_packet.h>
#include <linux/if_tun.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "eth_commands.h"
#include "mp_group.h"
#include "test.h"

/* IEEE 802 local experimental EtherType: what the test sends, and all it counts. */
#define TEST_ETHERTYPE 0x88b5
#define BURST 32
#define WAIT_MS 5000

/* Helper side: commands of the "eal" role. */

/* A test frame of len bytes: broadcast, from src, TEST_ETHERTYPE, seq after the header. */
static void
frame_fill(uint8_t *f, size_t len, const struct rte_ether_addr *src, uint32_t seq)
{
	struct rte_ether_hdr *eh = (struct rte_ether_hdr *)f;

	memset(f, 0xa5, len);
	memset(&eh->dst_addr, 0xff, sizeof(eh->dst_addr));
	eh->src_addr = *src;
	eh->ether_type = htons(TEST_ETHERTYPE);
	memcpy(f + sizeof(*eh), &seq, sizeof(seq));
}

/* One test frame in a chain of mbufs of at most 2000 bytes each. */
static struct rte_mbuf *
frame_mbuf(struct rte_mempool *mp, size_t len, const struct rte_ether_addr *src, uint32_t seq)
{
	static uint8_t f[RTE_ETHER_MAX_JUMBO_FRAME_LEN];
	struct rte_mbuf *head = NULL, *m;
	size_t off = 0;

	frame_fill(f, len, src, seq);
	while (off < len) {
		uint16_t n = (uint16_t)RTE_MIN(len - off, (size_t)2000);

		m = rte_pktmbuf_alloc(mp);
		if (m == NULL || rte_pktmbuf_append(m, n) == NULL) {
			rte_pktmbuf_free(m);
			rte_pktmbuf_free(head);
			return NULL;
		}
		memcpy(rte_pktmbuf_mtod(m, void *), f + off, n);
		if (head == NULL)
			head = m;
		else if (rte_pktmbuf_chain(head, m) < 0)
			return rte_pktmbuf_free(head), rte_pktmbuf_free(m), NULL;
		off += n;
	}
	return head;
}

/* "tap_tx NAME COUNT LEN" -> "sent=N": COUNT test frames of LEN bytes on queue 0 */
static int
cmd_tx(const char *args, char *reply, size_t size)
{
	struct rte_mempool *mp = rte_mempool_lookup(ETH_MP_POOL);
	uint64_t deadline = mp_now_ms() + WAIT_MS;
	struct rte_ether_addr mac;
	char name[RTE_ETH_NAME_MAX_LEN];
	uint32_t count, len, seq = 0;
	uint16_t port_id;

	if (sscanf(args, "%63s %" SCNu32 " %" SCNu32, name, &count, &len) != 3 || mp == NULL ||
	    len < 64 || len > RTE_ETHER_MAX_JUMBO_FRAME_LEN ||
	    rte_eth_dev_get_port_by_name(name, &port_id) < 0 ||
	    rte_eth_macaddr_get(port_id, &mac) < 0)
		return snprintf(reply, size, "usage"), 0;
	while (seq < count && mp_now_ms() < deadline) {
		struct rte_mbuf *m = frame_mbuf(mp, len, &mac, seq);

		if (m == NULL)
			break;
		if (rte_eth_tx_burst(port_id, 0, &m, 1) == 1) {
			seq++;
		} else {
			rte_pktmbuf_free(m);
			sched_yield();
		}
	}
	snprintf(reply, size, "sent=%" PRIu32, seq);
	return 0;
}
REGISTER_MP_COMMAND(tap_tx, cmd_tx);

/*
 * "tap_rx NAME COUNT" -> "rx=N bad=B segs=S len=L": up to COUNT test frames
 * from queue 0 (others are dropped), in order (B: out of order or not a
 * test frame), the most segments one had, the length of the last.
 */
static int
cmd_rx(const char *args, char *reply, size_t size)
{
	uint64_t deadline = mp_now_ms() + WAIT_MS;
	struct rte_mbuf *pkts[BURST];
	char name[RTE_ETH_NAME_MAX_LEN];
	uint32_t count, got = 0, bad = 0, len = 0, seq;
	uint16_t port_id, n, i, segs = 0;

	if (sscanf(args, "%63s %" SCNu32, name, &count) != 2 ||
	    rte_eth_dev_get_port_by_name(name, &port_id) < 0)
		return snprintf(reply, size, "usage"), 0;
	while (got < count && mp_now_ms() < deadline) {
		n = rte_eth_rx_burst(port_id, 0, pkts, BURST);
		for (i = 0; i < n; i++) {
			const struct rte_ether_hdr *eh =
				rte_pktmbuf_mtod(pkts[i], const struct rte_ether_hdr *);

			if (eh->ether_type != htons(TEST_ETHERTYPE))
				continue;
			memcpy(&seq, eh + 1, sizeof(seq));
			bad += seq != got || pkts[i]->port != port_id;
			segs = RTE_MAX(segs, pkts[i]->nb_segs);
			len = pkts[i]->pkt_len;
			got++;
		}
		rte_pktmbuf_free_bulk(pkts, n);
		if (n == 0)
			usleep(1000);
	}
	snprintf(reply, size, "rx=%" PRIu32 " bad=%" PRIu32 " segs=%u len=%" PRIu32, got, bad,
		 segs, len);
	return 0;
}
REGISTER_MP_COMMAND(tap_rx, cmd_rx);

/* "tap_set NAME up|down|mac=M|mtu=N" -> the result of the ethdev call */
static int
cmd_set(const char *args, char *reply, size_t size)
{
	char name[RTE_ETH_NAME_MAX_LEN], what[64];
	struct rte_ether_addr mac;
	uint16_t port_id;
	int ret;

	if (sscanf(args, "%63s %63s", name, what) != 2 ||
	    rte_eth_dev_get_port_by_name(name, &port_id) < 0)
		return snprintf(reply, size, "usage"), 0;
	if (strcmp(what, "up") == 0)
		ret = rte_eth_dev_set_link_up(port_id);
	else if (strcmp(what, "down") == 0)
		ret = rte_eth_dev_set_link_down(port_id);
	else if (strncmp(what, "mac=", 4) == 0 && rte_ether_unformat_addr(what + 4, &mac) == 0)
		ret = rte_eth_dev_default_mac_addr_set(port_id, &mac);
	else if (strncmp(what, "mtu=", 4) == 0)
		ret = rte_eth_dev_set_mtu(port_id, (uint16_t)atoi(what + 4));
	else
		return snprintf(reply, size, "usage"), 0;
	snprintf(reply, size, "%d", ret);
	return 0;
}
REGISTER_MP_COMMAND(tap_set, cmd_set);

/* "tap_info NAME" -> "link=up|down mtu=N ifindex=I" */
static int
cmd_info(const char *args, char *reply, size_t size)
{
	struct rte_eth_dev_info info;
	struct rte_eth_link link;
	uint16_t port_id, mtu;

	if (rte_eth_dev_get_port_by_name(args, &port_id) < 0 ||
	    rte_eth_link_get_nowait(port_id, &link) < 0 || rte_eth_dev_get_mtu(port_id, &mtu) < 0 ||
	    rte_eth_dev_info_get(port_id, &info) < 0)
		return snprintf(reply, size, "fail"), 0;
	snprintf(reply, size, "link=%s mtu=%u ifindex=%u", link.link_status ? "up" : "down", mtu,
		 info.if_index);
	return 0;
}
REGISTER_MP_COMMAND(tap_info, cmd_info);

/* Test side: the kernel's view. */

/* An interface name unique to this run and test. */
static void
iface(char *buf, char tag)
{
	snprintf(buf, IFNAMSIZ, "lst%u%c", (unsigned int)getpid() % 1000000, tag);
}

/* Skip the test where it can have no tap interface; else name its interface ifname. */
static void
need_tap(char *ifname, char tag)
{
	if (geteuid() != 0)
		TEST_SKIP("tap interfaces need root");
	if (access("/dev/net/tun", R_OK | W_OK) != 0)
		TEST_SKIP("no /dev/net/tun: %s", strerror(errno));
	iface(ifname, tag);
}

static struct ifreq
kern_ifreq(const char *ifname, unsigned long req)
{
	struct ifreq ifr;
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	assert_true(fd >= 0);
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	if (ioctl(fd, req, &ifr) < 0)
		fail_msg("ioctl %#lx on %s: %s", req, ifname, strerror(errno));
	close(fd);
	return ifr;
}

static bool
kern_up(const char *ifname)
{
	return (kern_ifreq(ifname, SIOCGIFFLAGS).ifr_flags & IFF_UP) != 0;
}

static void
kern_mac(const char *ifname, char *buf, size_t size)
{
	struct ifreq ifr = kern_ifreq(ifname, SIOCGIFHWADDR);
	const uint8_t *b = (const uint8_t *)ifr.ifr_hwaddr.sa_data;

	snprintf(buf, size, "%02X:%02X:%02X:%02X:%02X:%02X", b[0], b[1], b[2], b[3], b[4], b[5]);
}

static int
kern_mtu(const char *ifname)
{
	return kern_ifreq(ifname, SIOCGIFMTU).ifr_mtu;
}

/* No IPv6 autoconfiguration chatter on the interface once it is up. */
static void
kern_quiet(const char *ifname)
{
	char path[128];
	int fd;

	snprintf(path, sizeof(path), "/proc/sys/net/ipv6/conf/%s/disable_ipv6", ifname);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return; /* no IPv6 here: nothing to quieten */
	assert_int_equal(write(fd, "1", 1), 1);
	close(fd);
}

/* A raw socket on the interface: what it receives, what the kernel sends on it. */
static int
kern_socket(const char *ifname)
{
	struct sockaddr_ll sll;
	int fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(ETH_P_ALL));

	assert_true(fd >= 0);
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	sll.sll_ifindex = (int)if_nametoindex(ifname);
	assert_true(sll.sll_ifindex > 0);
	assert_int_equal(bind(fd, (struct sockaddr *)&sll, sizeof(sll)), 0);
	return fd;
}

/* Send count test frames of len bytes out of the interface (into the tap). */
static void
kern_send(int fd, unsigned int count, size_t len)
{
	static uint8_t f[RTE_ETHER_MAX_JUMBO_FRAME_LEN];
	const struct rte_ether_addr src = { .addr_bytes = { 0x02, 0, 0, 0, 0, 0x42 } };
	uint32_t seq;

	for (seq = 0; seq < count; seq++) {
		frame_fill(f, len, &src, seq);
		if (send(fd, f, len, 0) != (ssize_t)len)
			fail_msg("send of test frame %u: %s", seq, strerror(errno));
	}
}

/* Test frames the interface received (from the tap), in order; how many arrived. */
static unsigned int
kern_recv(int fd, unsigned int count)
{
	static uint8_t f[RTE_ETHER_MAX_JUMBO_FRAME_LEN];
	uint64_t deadline = mp_now_ms() + WAIT_MS;
	unsigned int got = 0;
	uint32_t seq;

	while (got < count && mp_now_ms() < deadline) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		struct sockaddr_ll from;
		socklen_t flen = sizeof(from);
		ssize_t n;

		if (poll(&pfd, 1, 100) <= 0)
			continue;
		n = recvfrom(fd, f, sizeof(f), 0, (struct sockaddr *)&from, &flen);
		if (n < (ssize_t)(sizeof(struct rte_ether_hdr) + sizeof(seq)) ||
		    from.sll_pkttype == PACKET_OUTGOING ||
		    ((struct rte_ether_hdr *)f)->ether_type != htons(TEST_ETHERTYPE))
			continue;
		memcpy(&seq, f + sizeof(struct rte_ether_hdr), sizeof(seq));
		if (seq != got)
			fail_msg("frame %u arrived as number %u", seq, got);
		got++;
	}
	return got;
}

/* A queue of the tap interface ifname, made if need be, held by the test process. */
static int
kern_tap_open(const char *ifname)
{
	struct ifreq ifr;
	int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);

	assert_true(fd >= 0);
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI | IFF_MULTI_QUEUE;
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	assert_int_equal(ioctl(fd, TUNSETIFF, &ifr), 0);
	return fd;
}

/* Drop the persistence of a tap interface, which deletes it once nobody holds it. */
static void
kern_unpersist(const char *ifname)
{
	int fd = kern_tap_open(ifname);

	assert_int_equal(ioctl(fd, TUNSETPERSIST, 0UL), 0);
	close(fd);
}

/* Test side: the tests. */

/* Attach from a secondary; frames both ways; counters alike everywhere; detach from the primary. */
static void
test_traffic_from_secondary(void **state)
{
	char ifname[IFNAMSIZ], reply[128], want[128];
	unsigned int ifindex;
	struct mp_group g;
	int fd;

	(void)state;
	need_tap(ifname, 'a');
	mp_group_start(&g, NULL, 2, 0);
	mp_expect(g.s[0], "0", "attach net_tap0,iface=%s", ifname);
	ifindex = if_nametoindex(ifname);
	assert_true(ifindex != 0);
	mp_expect_all(&g, "0:net_tap0", "eth_ports");
	kern_quiet(ifname);
	/*
	 * Configured and started by the primary, as DPDK applications do: a
	 * process's fast path is live from the port's start there, or from
	 * its probe in a secondary, so the primary cannot burst on a port
	 * only a secondary started.
	 */
	mp_expect(g.p, "ok", "eth_pool 4095");
	mp_expect(g.p, "0", "eth_up net_tap0 1");
	assert_true(kern_up(ifname));
	snprintf(want, sizeof(want), "link=up mtu=1500 ifindex=%u", ifindex);
	mp_expect_all(&g, want, "tap_info net_tap0");
	fd = kern_socket(ifname);

	/* The other secondary sends: the kernel receives every frame, in order. */
	assert_int_equal(mp_send(g.s[1], "tap_tx net_tap0 100 64"), 0);
	assert_int_equal(kern_recv(fd, 100), 100);
	assert_int_equal(mp_recv(g.s[1], reply, sizeof(reply), MP_TIMEOUT_MS), 0);
	assert_string_equal(reply, "sent=100");
	/* The kernel sends: the primary receives every frame, in order. */
	kern_send(fd, 50, 64);
	mp_expect(g.p, "rx=50 bad=0 segs=1 len=64", "tap_rx net_tap0 50");
	/* And a secondary too, on the same queue. */
	kern_send(fd, 20, 64);
	mp_expect(g.s[0], "rx=20 bad=0 segs=1 len=64", "tap_rx net_tap0 20");
	/* Shared counters: the same everywhere (nothing else crossed: IPv6 is off). */
	mp_expect_all(&g, "in=70 out=100", "eth_stats net_tap0");
	close(fd);

	mp_expect(g.p, "0", "detach net_tap0");
	assert_int_equal(if_nametoindex(ifname), 0);
	mp_expect_all(&g, "-", "eth_ports");
	mp_expect_all(&g, "-", "devices");
	mp_group_stop(&g);
}

/* Link, MAC and MTU set from any process, seen by the kernel and by every process. */
static void
test_link_mac_mtu(void **state)
{
	char ifname[IFNAMSIZ], ifname2[IFNAMSIZ], mac[32], want[64];
	struct mp_group g;
	int fd;

	(void)state;
	need_tap(ifname, 'b');
	mp_group_start(&g, NULL, 2, 0);
	mp_expect(g.p, "0", "attach net_tap0,iface=%s", ifname);
	kern_quiet(ifname);
	mp_expect(g.p, "ok", "eth_pool 4095");
	mp_expect(g.p, "0", "eth_up net_tap0 1");
	assert_true(kern_up(ifname));

	mp_expect(g.s[1], "0", "tap_set net_tap0 down");
	assert_false(kern_up(ifname));
	snprintf(want, sizeof(want), "link=down mtu=1500 ifindex=%u", if_nametoindex(ifname));
	mp_expect_all(&g, want, "tap_info net_tap0");
	mp_expect(g.s[0], "0", "tap_set net_tap0 up");
	assert_true(kern_up(ifname));

	mp_expect(g.s[0], "0", "tap_set net_tap0 mac=02:11:22:33:44:55");
	kern_mac(ifname, mac, sizeof(mac));
	assert_string_equal(mac, "02:11:22:33:44:55");
	mp_expect_all(&g, "0 02:11:22:33:44:55", "eth_port net_tap0");

	mp_expect(g.s[1], "0", "tap_set net_tap0 mtu=9000");
	assert_int_equal(kern_mtu(ifname), 9000);
	/* A jumbo frame from the kernel arrives in a chain of mbufs, and one goes out. */
	fd = kern_socket(ifname);
	kern_send(fd, 1, 8000);
	mp_expect(g.p, "rx=1 bad=0 segs=4 len=8000", "tap_rx net_tap0 1");
	mp_expect(g.s[1], "sent=1", "tap_tx net_tap0 1 8000");
	assert_int_equal(kern_recv(fd, 1), 1);
	close(fd);

	/* mac=fixed: 02:64:74:61:70 and the port id. */
	iface(ifname2, 'c');
	mp_expect(g.s[1], "0", "attach net_tap1,iface=%s,mac=fixed", ifname2);
	kern_mac(ifname2, mac, sizeof(mac));
	assert_string_equal(mac, "02:64:74:61:70:01");
	snprintf(want, sizeof(want), "1 %s", mac);
	mp_expect_all(&g, want, "eth_port net_tap1");

	mp_expect(g.s[0], "0", "detach net_tap0");
	mp_expect(g.s[1], "0", "detach net_tap1");
	assert_int_equal(if_nametoindex(ifname), 0);
	assert_int_equal(if_nametoindex(ifname2), 0);
	mp_expect_all(&g, "-", "devices");
	mp_group_stop(&g);
}

/* persist: the interface outlives the port, and the next port opens it again. */
static void
test_persist(void **state)
{
	char ifname[IFNAMSIZ];
	struct mp_group g;
	unsigned int ifindex;

	(void)state;
	need_tap(ifname, 'd');
	mp_group_start(&g, NULL, 1, 0);
	mp_expect(g.s[0], "0", "attach net_tap0,iface=%s,persist", ifname);
	ifindex = if_nametoindex(ifname);
	assert_true(ifindex != 0);
	mp_expect(g.s[0], "0", "detach net_tap0");
	assert_int_equal(if_nametoindex(ifname), ifindex);
	mp_expect_all(&g, "-", "devices");
	mp_expect(g.p, "0", "attach net_tap0,iface=%s", ifname);
	assert_int_equal(if_nametoindex(ifname), ifindex);
	mp_expect(g.p, "0", "detach net_tap0");
	assert_int_equal(if_nametoindex(ifname), ifindex);
	kern_unpersist(ifname);
	assert_int_equal(if_nametoindex(ifname), 0);
	mp_group_stop(&g);
}

/*
 * A secondary stopped during the attach: it times out, is rolled back,
 * and the interface is gone; woken, the secondary has no port either.
 */
static void
test_attach_rollback(void **state)
{
	static const char *const pargs[] = { "--no-huge", "-m", "128", "--mp-timeout=1", NULL };
	char ifname[IFNAMSIZ], reply[64];
	uint64_t deadline;
	struct mp_group g;

	(void)state;
	need_tap(ifname, 'e');
	mp_group_start(&g, pargs, 2, 0);
	mp_kill(g.s[1], SIGSTOP);
	assert_int_equal(mp_call(g.s[0], reply, sizeof(reply), "attach net_tap0,iface=%s",
				 ifname), 0);
	assert_int_equal(atoi(reply), -ETIMEDOUT);
	assert_int_equal(if_nametoindex(ifname), 0);
	mp_expect(g.p, "-", "devices");
	mp_expect(g.s[0], "-", "devices");
	mp_kill(g.s[1], SIGCONT);
	/* It attaches (or fails to: the primary's port is gone) and rolls back, in order. */
	deadline = mp_now_ms() + WAIT_MS;
	do {
		assert_int_equal(mp_call(g.s[1], reply, sizeof(reply), "devices"), 0);
	} while (strcmp(reply, "-") != 0 && mp_now_ms() < deadline && usleep(10000) == 0);
	assert_string_equal(reply, "-");
	mp_expect_all(&g, "-", "eth_ports");
	assert_int_equal(if_nametoindex(ifname), 0);
	/* The name is free again. */
	mp_expect(g.s[1], "0", "attach net_tap0,iface=%s", ifname);
	mp_expect(g.p, "0", "detach net_tap0");
	assert_int_equal(if_nametoindex(ifname), 0);
	mp_group_stop(&g);
}

/* Bad devargs: one clear line from the PMD in the primary, nothing attached anywhere. */
static void
test_bad_devargs(void **state)
{
	static const struct mp_bad_attach cases[] = {
		{ 0, "net_tap0,speed=10", "-22",
		  "net_tap0: invalid devargs 'speed=10': the keys are iface, mac and persist" },
		{ 1, "net_tap0,mac=02:00:00:00:00", "-22",
		  "net_tap0: invalid devargs 'mac=02:00:00:00:00': mac takes a unicast address" },
		{ 2, "net_tap0,mac=01:00:5e:00:00:01", "-22",
		  "invalid devargs 'mac=01:00:5e:00:00:01': mac takes" },
		{ 1, "net_tap0,iface=lst_name_too_long", "-22",
		  "invalid devargs 'iface=lst_name_too_long': iface takes an interface name" },
		{ 2, "net_tap0,persist=yes", "-22",
		  "invalid devargs 'persist=yes': persist takes no value, 0 or 1" },
		{ 0, "net_tap0,iface=lo", "-22", "cannot create or open tap interface lo" },
	};
	char ifname[IFNAMSIZ], line[128];
	struct mp_group g;
	unsigned int i;
	int fd;

	(void)state;
	need_tap(ifname, 'f');
	mp_group_start(&g, NULL, 2, MP_CAPTURE_STDERR);
	for (i = 0; i < RTE_DIM(cases); i++)
		mp_expect_attach_fails(&g, &cases[i]);
	/* A tap interface of another program (not persistent) is not joined. */
	fd = kern_tap_open(ifname);
	mp_expect(g.s[1], "-16", "attach net_tap0,iface=%s", ifname);
	mp_expect_all(&g, "-", "devices");
	snprintf(line, sizeof(line), "tap interface %s exists and is another program's", ifname);
	assert_int_equal(mp_log_count(g.p, line), 1);
	close(fd);
	assert_int_equal(if_nametoindex(ifname), 0);
	/* The secondaries never probed: nothing to say. */
	assert_int_equal(mp_log_count(g.s[0], "TAP:"), 0);
	assert_int_equal(mp_log_count(g.s[1], "TAP:"), 0);
	mp_group_stop(&g);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_traffic_from_secondary),
	cmocka_unit_test(test_link_mac_mtu),
	cmocka_unit_test(test_persist),
	cmocka_unit_test(test_attach_rollback),
	cmocka_unit_test(test_bad_devargs),
};

REGISTER_TEST_GROUP(tap_mp, tests);
