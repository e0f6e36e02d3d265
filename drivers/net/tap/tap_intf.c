/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The kernel side of a tap port: its tun queues (/dev/net/tun) and the
 * interface settings. Settings go by interface name through a socket
 * ioctl, so any process of the group may change them, as any process may
 * make the control calls of a port.
 */

#include <errno.h>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <rte_string_fns.h>

#include "tap.h"

#define TUN_PATH "/dev/net/tun"

/* One tun queue of the interface name (a template the first time); its fd or -errno. */
static int
queue_open(const char *name, char ifname[IFNAMSIZ])
{
	struct ifreq ifr;
	int fd, err;

	fd = open(TUN_PATH, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		err = errno;
		TAP_LOG(ERR, "cannot open %s for tap interface %s: %s\n", TUN_PATH, name,
			strerror(err));
		return -err;
	}
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI | IFF_MULTI_QUEUE;
	rte_strlcpy(ifr.ifr_name, name, sizeof(ifr.ifr_name));
	if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
		err = errno;
		TAP_LOG(ERR, "cannot create or open tap interface %s: %s%s\n", name, strerror(err),
			err == EINVAL || err == EBUSY ? " (an interface of another kind, or a tap "
			"without multiple queues, has that name)" : "");
		close(fd);
		return -err;
	}
	if (ifname != NULL)
		rte_strlcpy(ifname, ifr.ifr_name, IFNAMSIZ);
	return fd;
}

void
tap_intf_close(int fds[], unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (fds[i] >= 0)
			close(fds[i]);
		fds[i] = -1;
	}
}

/* Whether the tap interface of fd outlives its fds (TUNSETPERSIST). */
static bool
persistent(int fd)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	return ioctl(fd, TUNGETIFF, &ifr) == 0 && (ifr.ifr_flags & IFF_PERSIST) != 0;
}

int
tap_intf_open(const char *templ, int fds[], unsigned int n, char ifname[IFNAMSIZ])
{
	bool existed = strchr(templ, '%') == NULL && if_nametoindex(templ) != 0;
	unsigned int i;
	int ret;

	for (i = 0; i < n; i++)
		fds[i] = -1;
	ret = queue_open(templ, ifname);
	if (ret < 0)
		return ret;
	fds[0] = ret;
	/* A tap that is not persistent belongs to whoever holds its fds: not ours to join. */
	if (existed && !persistent(fds[0])) {
		TAP_LOG(ERR, "tap interface %s exists and is another program's (it does not "
			"persist)\n", ifname);
		tap_intf_close(fds, n);
		return -EBUSY;
	}
	/* The other queues exist from now on, but receive nothing until attached. */
	for (i = 1; i < n; i++) {
		ret = queue_open(ifname, NULL);
		if (ret < 0)
			break;
		fds[i] = ret;
		ret = tap_intf_queue_attach(ifname, fds[i], false);
		if (ret < 0)
			break;
	}
	if (ret < 0) {
		tap_intf_close(fds, n);
		return ret;
	}
	return 0;
}

int
tap_intf_queue_attach(const char *ifname, int fd, bool attach)
{
	struct ifreq ifr;
	int err;

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = attach ? IFF_ATTACH_QUEUE : IFF_DETACH_QUEUE;
	if (ioctl(fd, TUNSETQUEUE, &ifr) == 0)
		return 0;
	err = errno;
	TAP_LOG(ERR, "tap interface %s: cannot %s a queue: %s\n", ifname,
		attach ? "attach" : "detach", strerror(err));
	return -err;
}

int
tap_intf_persist(const char *ifname, int fd, bool on)
{
	int err;

	if (ioctl(fd, TUNSETPERSIST, (unsigned long)on) == 0)
		return 0;
	err = errno;
	TAP_LOG(ERR, "tap interface %s: cannot %s persistence: %s\n", ifname,
		on ? "set" : "clear", strerror(err));
	return -err;
}

/* A socket for interface ioctls; fd or -errno after a log line. */
static int
ctl_socket(const char *ifname)
{
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	int err;

	if (fd >= 0)
		return fd;
	err = errno;
	TAP_LOG(ERR, "tap interface %s: no socket to configure it: %s\n", ifname, strerror(err));
	return -err;
}

/* One interface ioctl; what names the setting, for the log line. */
static int
intf_ioctl(const char *ifname, unsigned long req, struct ifreq *ifr, const char *what)
{
	int fd = ctl_socket(ifname);
	int ret = 0;

	if (fd < 0)
		return fd;
	rte_strlcpy(ifr->ifr_name, ifname, sizeof(ifr->ifr_name));
	if (ioctl(fd, req, ifr) < 0) {
		ret = -errno;
		TAP_LOG(ERR, "tap interface %s: cannot %s: %s\n", ifname, what, strerror(-ret));
	}
	close(fd);
	return ret;
}

int
tap_intf_flags(const char *ifname, unsigned int set, unsigned int clear, unsigned int *now)
{
	struct ifreq ifr;
	unsigned int flags;
	int ret;

	memset(&ifr, 0, sizeof(ifr));
	ret = intf_ioctl(ifname, SIOCGIFFLAGS, &ifr, "read its flags");
	if (ret < 0)
		return ret;
	flags = ((unsigned int)(unsigned short)ifr.ifr_flags | set) & ~clear;
	if (flags != (unsigned short)ifr.ifr_flags) {
		ifr.ifr_flags = (short)flags;
		ret = intf_ioctl(ifname, SIOCSIFFLAGS, &ifr, "change its flags");
		if (ret < 0)
			return ret;
	}
	if (now != NULL)
		*now = flags;
	return 0;
}

int
tap_intf_mac_set(const char *ifname, const struct rte_ether_addr *mac)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
	memcpy(ifr.ifr_hwaddr.sa_data, mac->addr_bytes, RTE_ETHER_ADDR_LEN);
	return intf_ioctl(ifname, SIOCSIFHWADDR, &ifr, "set its MAC address");
}

int
tap_intf_mtu_get(const char *ifname, uint16_t *mtu)
{
	struct ifreq ifr;
	int ret;

	memset(&ifr, 0, sizeof(ifr));
	ret = intf_ioctl(ifname, SIOCGIFMTU, &ifr, "read its MTU");
	if (ret == 0)
		*mtu = (uint16_t)RTE_MIN(ifr.ifr_mtu, UINT16_MAX);
	return ret;
}

int
tap_intf_mtu_set(const char *ifname, uint16_t mtu)
{
	struct ifreq ifr;
	char what[32];

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_mtu = mtu;
	snprintf(what, sizeof(what), "set MTU %u", mtu);
	return intf_ioctl(ifname, SIOCSIFMTU, &ifr, what);
}
