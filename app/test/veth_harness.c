/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/* veth pairs in private network namespaces, and packet commands (veth_harness.h). */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "mp_harness.h"
#include "test.h"
#include "veth_harness.h"

#define NETNS_DIR "/var/run/netns"
#define PKT_ETHERTYPE 0x88b5
#define PKT_MAGIC 0x4c53544bu /* "LSTK" */
#define PKT_MIN 60
#define PKT_BURST 32

/* Test side. */

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

const char *
veth_setup(struct veth_env *env, const char *prefix)
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

void
veth_expect(struct mp_proc *p, const char *want, const char *fmt, ...)
{
	char cmd[512], reply[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	if (mp_call(p, reply, sizeof(reply), "%s", cmd) != 0)
		fail_msg("%s: no reply to '%s'", p->name, cmd);
	if (strcmp(reply, want) != 0)
		fail_msg("%s: '%s' answered '%s', expected '%s'", p->name, cmd, reply, want);
}

unsigned long
veth_field(const char *reply, const char *key)
{
	size_t len = strlen(key);
	const char *s;

	for (s = strstr(reply, key); s != NULL; s = strstr(s + 1, key)) {
		if ((s == reply || s[-1] == ' ') && s[len] == '=')
			return strtoul(s + len + 1, NULL, 10);
	}
	fail_msg("no %s= in '%s'", key, reply);
	return 0;
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

/* Helper side. */

struct pkt_hdr {
	struct rte_ether_hdr eth;
	rte_be32_t magic;
	uint32_t tag;
	uint32_t seq;
	uint16_t len;
};

static uint64_t
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

static uint16_t
pkt_len(uint32_t seq, uint16_t maxlen)
{
	return (uint16_t)(PKT_MIN + (seq * 37u) % (uint32_t)(maxlen - PKT_MIN + 1));
}

static uint8_t
pkt_byte(uint32_t seq, uint32_t i)
{
	return (uint8_t)(seq * 7u + i);
}

/* 802.1Q: a tag of TPID and TCI after the MAC addresses. */
#define VLAN_TAG_LEN 4
#define VLAN_OFF (2 * RTE_ETHER_ADDR_LEN)

static struct rte_mbuf *
pkt_make(struct rte_mempool *mp, uint32_t tag, uint32_t seq, uint16_t maxlen, uint16_t vlan)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(mp);
	uint16_t len = pkt_len(seq, maxlen), i;
	rte_be16_t vtag[2] = { rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN), rte_cpu_to_be_16(vlan) };
	struct pkt_hdr *h;
	uint8_t *p;

	if (m == NULL)
		return NULL;
	p = (uint8_t *)rte_pktmbuf_append(m, len);
	if (p == NULL) {
		rte_pktmbuf_free(m);
		return NULL;
	}
	h = (struct pkt_hdr *)p;
	memset(&h->eth.dst_addr, 0xff, RTE_ETHER_ADDR_LEN);
	memset(&h->eth.src_addr, 0, RTE_ETHER_ADDR_LEN);
	h->eth.src_addr.addr_bytes[0] = 0x02;
	h->eth.ether_type = rte_cpu_to_be_16(PKT_ETHERTYPE);
	h->magic = rte_cpu_to_be_32(PKT_MAGIC);
	h->tag = tag;
	h->seq = seq;
	h->len = len;
	for (i = sizeof(*h); i < len; i++)
		p[i] = pkt_byte(seq, i);
	if (vlan != 0) {
		p = (uint8_t *)rte_pktmbuf_prepend(m, VLAN_TAG_LEN);
		if (p == NULL) {
			rte_pktmbuf_free(m);
			return NULL;
		}
		memmove(p, p + VLAN_TAG_LEN, VLAN_OFF);
		memcpy(p + VLAN_OFF, vtag, sizeof(vtag));
	}
	return m;
}

/* "pkt_tx NAME QUEUE COUNT MAXLEN TAG GAP_US [VLAN]" -> "sent=N" */
static int
cmd_pkt_tx(const char *args, char *reply, size_t size)
{
	struct rte_mempool *mp = rte_mempool_lookup(VETH_POOL);
	uint64_t deadline = now_us() + 30 * 1000000ull;
	char name[RTE_ETH_NAME_MAX_LEN];
	uint32_t count, tag, gap, seq = 0;
	uint16_t port_id, queue, maxlen, vlan = 0;
	struct rte_mbuf *m = NULL;

	if (sscanf(args, "%63s %hu %" SCNu32 " %hu %" SCNu32 " %" SCNu32 " %hu", name, &queue,
		   &count, &maxlen, &tag, &gap, &vlan) < 6 || mp == NULL || maxlen < PKT_MIN ||
	    rte_eth_dev_get_port_by_name(name, &port_id) < 0)
		return snprintf(reply, size, "usage"), 0;
	while (seq < count && now_us() < deadline) {
		if (m == NULL)
			m = pkt_make(mp, tag, seq, maxlen, vlan);
		if (m == NULL || rte_eth_tx_burst(port_id, queue, &m, 1) == 0) {
			sched_yield();
			continue;
		}
		m = NULL;
		seq++;
		if (gap > 0)
			usleep(gap);
	}
	rte_pktmbuf_free(m);
	snprintf(reply, size, "sent=%" PRIu32, seq);
	return 0;
}
REGISTER_MP_COMMAND(pkt_tx, cmd_pkt_tx);

/* A received frame, flat, without its VLAN tag when it should have vlan. */
struct rx_frame {
	uint8_t data[RTE_MBUF_DEFAULT_BUF_SIZE * 8];
	uint32_t len;
};

/* Whether m is a frame of the test's (of tag, and of vlan when not 0): then flat in f. */
static bool
pkt_ours(const struct rte_mbuf *m, uint32_t tag, uint16_t vlan, struct rx_frame *f)
{
	const struct pkt_hdr *h = (const struct pkt_hdr *)f->data;
	rte_be16_t vtag[2];
	const void *flat;

	if (m->pkt_len > sizeof(f->data) || m->pkt_len < sizeof(*h) + (vlan ? VLAN_TAG_LEN : 0))
		return false;
	flat = rte_pktmbuf_read(m, 0, m->pkt_len, f->data);
	if (flat != f->data)
		memcpy(f->data, flat, m->pkt_len);
	f->len = m->pkt_len;
	if (vlan != 0) {
		memcpy(vtag, f->data + VLAN_OFF, sizeof(vtag));
		if (vtag[0] != rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN) ||
		    (rte_be_to_cpu_16(vtag[1]) & 0xfff) != vlan)
			return false;
		f->len -= VLAN_TAG_LEN;
		memmove(f->data + VLAN_OFF, f->data + VLAN_OFF + VLAN_TAG_LEN, f->len - VLAN_OFF);
	}
	return h->eth.ether_type == rte_cpu_to_be_16(PKT_ETHERTYPE) &&
	       h->magic == rte_cpu_to_be_32(PKT_MAGIC) && h->tag == tag;
}

/* Whether f is frame seq, whole and unchanged. */
static bool
pkt_intact(const struct rx_frame *f, uint32_t seq)
{
	const struct pkt_hdr *h = (const struct pkt_hdr *)f->data;
	uint32_t i;

	if (h->seq != seq || h->len != f->len)
		return false;
	for (i = sizeof(*h); i < f->len; i++) {
		if (f->data[i] != pkt_byte(seq, i))
			return false;
	}
	return true;
}

/* "pkt_rx NAME COUNT TAG TIMEOUT_MS WRAP [VLAN]" -> "rx=N bad=M other=K" */
static int
cmd_pkt_rx(const char *args, char *reply, size_t size)
{
	uint32_t count, tag, timeout, wrap, got = 0, bad = 0, other = 0;
	char name[RTE_ETH_NAME_MAX_LEN];
	struct rte_mbuf *pkts[PKT_BURST];
	struct rte_eth_dev_info info;
	static struct rx_frame f;
	uint16_t port_id, q, n, i, vlan = 0;
	unsigned int polled;
	uint64_t deadline;

	if (sscanf(args, "%63s %" SCNu32 " %" SCNu32 " %" SCNu32 " %" SCNu32 " %hu", name, &count,
		   &tag, &timeout, &wrap, &vlan) < 5 ||
	    rte_eth_dev_get_port_by_name(name, &port_id) < 0 ||
	    rte_eth_dev_info_get(port_id, &info) < 0)
		return snprintf(reply, size, "usage"), 0;
	deadline = now_us() + (uint64_t)timeout * 1000;
	while (got < count && now_us() < deadline) {
		polled = 0;
		for (q = 0; q < info.nb_rx_queues; q++) {
			/* No more than asked for: a replayed file never ends. */
			n = rte_eth_rx_burst(port_id, q, pkts,
					     (uint16_t)RTE_MIN(count - got, (uint32_t)PKT_BURST));
			polled += n;
			for (i = 0; i < n; i++) {
				if (!pkt_ours(pkts[i], tag, vlan, &f)) {
					other++;
					continue;
				}
				bad += !pkt_intact(&f, wrap != 0 ? got % wrap : got);
				got++;
			}
			rte_pktmbuf_free_bulk(pkts, n);
		}
		if (polled == 0)
			usleep(100);
	}
	snprintf(reply, size, "rx=%" PRIu32 " bad=%" PRIu32 " other=%" PRIu32, got, bad, other);
	return 0;
}
REGISTER_MP_COMMAND(pkt_rx, cmd_pkt_rx);

/* "pkt_stats NAME" -> "in=N out=M ierr=I oerr=O" */
static int
cmd_pkt_stats(const char *args, char *reply, size_t size)
{
	struct rte_eth_stats st;
	uint16_t port_id;
	int ret;

	ret = rte_eth_dev_get_port_by_name(args, &port_id);
	if (ret == 0)
		ret = rte_eth_stats_get(port_id, &st);
	if (ret < 0)
		return snprintf(reply, size, "%d", ret), 0;
	snprintf(reply, size, "in=%" PRIu64 " out=%" PRIu64 " ierr=%" PRIu64 " oerr=%" PRIu64,
		 st.ipackets, st.opackets, st.ierrors, st.oerrors);
	return 0;
}
REGISTER_MP_COMMAND(pkt_stats, cmd_pkt_stats);
