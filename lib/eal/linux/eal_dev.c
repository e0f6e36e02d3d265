/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Device events from the kernel, and surviving a device that goes away.
 *
 * The monitor reads the kernel's uevents (a NETLINK_KOBJECT_UEVENT socket
 * watched by the interrupt thread) and turns the addition or removal of a
 * PCI device into rte_dev_event_callback_process(name, ADD/REMOVE). With
 * hotplug handling on, a removal first has the device's bus make its
 * memory safe (hot_unplug_handler), and a SIGBUS from touching the memory
 * of a device already gone is handed to the buses (sigbus_handler) before
 * whoever handled SIGBUS before us.
 */

#include <errno.h>
#include <linux/netlink.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <bus_driver.h>
#include <rte_bus.h>
#include <rte_common.h>
#include <rte_dev.h>
#include <rte_interrupts.h>
#include <rte_log.h>

#include "eal_private.h"
#include "eal_uevent.h"

/* The kernel's own multicast group (udev re-broadcasts on another). */
#define UEVENT_KERNEL_GROUP 1
/* Larger than the kernel's largest uevent. */
#define UEVENT_BUF_SIZE 8192

/* The value of key in field "KEY=VALUE", or NULL. */
static const char *
value_of(const char *field, const char *key)
{
	size_t n = strlen(key);

	return strncmp(field, key, n) == 0 && field[n] == '=' ? field + n + 1 : NULL;
}

int
eal_dev_uevent_parse(const char *buf, size_t len, struct eal_uevent *ev)
{
	const char *action = NULL, *devpath = NULL, *subsystem = NULL, *slot = NULL;
	const char *p, *v, *at, *name, *end = buf + len;
	char header_action[16];
	size_t n;

	if (buf == NULL || ev == NULL || len == 0)
		return -EINVAL;
	if (len >= 7 && memcmp(buf, "libudev", 7) == 0)
		return -ENOTSUP;
	/* Every field, the header included, ends with a NUL within len. */
	n = strnlen(buf, len);
	at = memchr(buf, '@', n);
	if (n == len || at == NULL || at == buf || at + 1 == buf + n)
		return -EINVAL;
	for (p = buf + n + 1; p < end; p += n + 1) {
		n = strnlen(p, (size_t)(end - p));
		if (p + n == end)
			return -EINVAL;
		if ((v = value_of(p, "ACTION")) != NULL)
			action = v;
		else if ((v = value_of(p, "DEVPATH")) != NULL)
			devpath = v;
		else if ((v = value_of(p, "SUBSYSTEM")) != NULL)
			subsystem = v;
		else if ((v = value_of(p, "PCI_SLOT_NAME")) != NULL)
			slot = v;
	}
	if (action == NULL) {
		n = (size_t)(at - buf);
		if (n >= sizeof(header_action))
			return -EINVAL;
		memcpy(header_action, buf, n);
		header_action[n] = '\0';
		action = header_action;
	}
	if (subsystem == NULL || devpath == NULL)
		return -EINVAL;
	if (strcmp(action, "add") == 0)
		ev->type = RTE_DEV_EVENT_ADD;
	else if (strcmp(action, "remove") == 0)
		ev->type = RTE_DEV_EVENT_REMOVE;
	else
		return -ENOTSUP;
	if (strcmp(subsystem, "pci") != 0)
		return -ENOTSUP;
	name = slot;
	if (name == NULL) {
		name = strrchr(devpath, '/');
		name = name != NULL ? name + 1 : devpath;
	}
	if (name[0] == '\0' || strlen(name) >= sizeof(ev->devname))
		return -EINVAL;
	snprintf(ev->subsystem, sizeof(ev->subsystem), "%s", subsystem);
	snprintf(ev->devname, sizeof(ev->devname), "%s", name);
	return 0;
}

/*
 * Process-local. handle, users and prev_sigbus under lock;
 * hotplug_handling is also read, atomically, by the interrupt thread and
 * the SIGBUS handler.
 */
static struct {
	pthread_mutex_t lock;
	struct rte_intr_handle *handle;   /* NULL while not monitoring */
	unsigned int users;               /* starts not yet stopped */
	bool hotplug_handling;
	struct sigaction prev_sigbus;
} dev_mon = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
};

/* The kernel says the device is gone: its bus makes its memory safe to touch. */
static void
device_gone(const struct eal_uevent *ev)
{
	struct rte_bus *bus = rte_bus_find_by_name(ev->subsystem);
	struct rte_device *dev;

	if (bus == NULL || bus->hot_unplug_handler == NULL)
		return;
	dev = bus->find_device(NULL, eal_dev_cmp_name, ev->devname);
	if (dev != NULL)
		bus->hot_unplug_handler(dev);
}

/* Interrupt thread: every uevent waiting on the socket. */
static void
uevent_recv(void *arg)
{
	int fd = rte_intr_fd_get(arg);
	char buf[UEVENT_BUF_SIZE];
	struct sockaddr_nl from;
	struct eal_uevent ev;
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct msghdr mh = { .msg_name = &from, .msg_namelen = sizeof(from),
			     .msg_iov = &iov, .msg_iovlen = 1 };
	ssize_t n;

	for (;;) {
		mh.msg_namelen = sizeof(from);
		n = recvmsg(fd, &mh, MSG_DONTWAIT);
		if (n < 0) {
			if (errno == ENOBUFS)
				RTE_LOG(WARNING, EAL, "device events were lost (socket overrun)\n");
			if (errno == EINTR || errno == ENOBUFS)
				continue;
			return;
		}
		/* Only the kernel (port 0) speaks for devices; anyone else is ignored. */
		if (n == 0 || from.nl_pid != 0)
			continue;
		if (eal_dev_uevent_parse(buf, (size_t)n, &ev) != 0)
			continue;
		if (ev.type == RTE_DEV_EVENT_REMOVE &&
		    __atomic_load_n(&dev_mon.hotplug_handling, __ATOMIC_ACQUIRE))
			device_gone(&ev);
		rte_dev_event_callback_process(ev.devname, ev.type);
	}
}

int
rte_dev_event_monitor_start(void)
{
	struct sockaddr_nl addr = {
		.nl_family = AF_NETLINK,
		.nl_groups = UEVENT_KERNEL_GROUP,
	};
	struct rte_intr_handle *h;
	int fd, ret = 0;

	pthread_mutex_lock(&dev_mon.lock);
	if (dev_mon.handle != NULL) {
		dev_mon.users++;
		goto out;
	}
	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, NETLINK_KOBJECT_UEVENT);
	if (fd < 0 || bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		ret = -errno;
		RTE_LOG(ERR, EAL, "cannot listen to kernel device events: %s\n", strerror(-ret));
		if (fd >= 0)
			close(fd);
		goto out;
	}
	h = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	if (h == NULL) {
		close(fd);
		ret = -ENOMEM;
		goto out;
	}
	rte_intr_fd_set(h, fd);
	rte_intr_type_set(h, RTE_INTR_HANDLE_DEV_EVENT);
	ret = rte_intr_callback_register(h, uevent_recv, h);
	if (ret < 0) {
		RTE_LOG(ERR, EAL, "cannot watch kernel device events: %s\n", strerror(-ret));
		rte_intr_instance_free(h);
		close(fd);
		goto out;
	}
	dev_mon.handle = h;
	dev_mon.users = 1;
out:
	pthread_mutex_unlock(&dev_mon.lock);
	return ret;
}

/* Once uevent_recv has returned, when stopping from inside it. */
static void
monitor_release(struct rte_intr_handle *copy, void *arg)
{
	close(rte_intr_fd_get(copy));
	rte_intr_instance_free(arg);
}

int
rte_dev_event_monitor_stop(void)
{
	struct rte_intr_handle *h;
	int ret = 0;

	/* The last of those who started it stops it. */
	pthread_mutex_lock(&dev_mon.lock);
	h = NULL;
	if (dev_mon.users > 0 && --dev_mon.users == 0) {
		h = dev_mon.handle;
		dev_mon.handle = NULL;
	}
	pthread_mutex_unlock(&dev_mon.lock);
	if (h == NULL)
		return 0;
	/* A device event callback may stop the monitor: it is then released after it. */
	if (rte_thread_is_intr()) {
		ret = rte_intr_callback_unregister_pending(h, uevent_recv, h, monitor_release);
		return ret < 0 ? ret : 0;
	}
	ret = rte_intr_callback_unregister_sync(h, uevent_recv, h);
	monitor_release(h, h);
	return ret < 0 ? ret : 0;
}

static int
bus_takes_sigbus(const struct rte_bus *bus, const void *addr)
{
	return bus->sigbus_handler != NULL && bus->sigbus_handler(addr) == 0 ? 0 : 1;
}

/* Not device memory: do what would have been done without us. */
static void
sigbus_fallback(int signum, siginfo_t *info, void *ctx)
{
	const struct sigaction *prev = &dev_mon.prev_sigbus;

	if (prev->sa_flags & SA_SIGINFO) {
		prev->sa_sigaction(signum, info, ctx);
	} else if (prev->sa_handler != SIG_DFL && prev->sa_handler != SIG_IGN) {
		prev->sa_handler(signum);
	} else {
		/* Pending until we return, then fatal, fault or not. */
		sigaction(SIGBUS, prev, NULL);
		raise(SIGBUS);
	}
}

static void
sigbus_action(int signum, siginfo_t *info, void *ctx)
{
	if (__atomic_load_n(&dev_mon.hotplug_handling, __ATOMIC_ACQUIRE) &&
	    rte_bus_find(NULL, bus_takes_sigbus, info->si_addr) != NULL)
		return; /* a bus put memory there: the access completes */
	sigbus_fallback(signum, info, ctx);
}

int
rte_dev_hotplug_handle_enable(void)
{
	struct sigaction sa;
	int ret = 0;

	pthread_mutex_lock(&dev_mon.lock);
	if (!dev_mon.hotplug_handling) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_sigaction = sigbus_action;
		sa.sa_flags = SA_SIGINFO;
		sigemptyset(&sa.sa_mask);
		if (sigaction(SIGBUS, &sa, &dev_mon.prev_sigbus) < 0) {
			ret = -errno;
			RTE_LOG(ERR, EAL, "cannot handle SIGBUS: %s\n", strerror(-ret));
		} else {
			__atomic_store_n(&dev_mon.hotplug_handling, true, __ATOMIC_RELEASE);
		}
	}
	pthread_mutex_unlock(&dev_mon.lock);
	return ret;
}

int
rte_dev_hotplug_handle_disable(void)
{
	int ret = 0;

	pthread_mutex_lock(&dev_mon.lock);
	if (dev_mon.hotplug_handling) {
		__atomic_store_n(&dev_mon.hotplug_handling, false, __ATOMIC_RELEASE);
		if (sigaction(SIGBUS, &dev_mon.prev_sigbus, NULL) < 0) {
			ret = -errno;
			RTE_LOG(ERR, EAL, "cannot restore the SIGBUS handler: %s\n",
				strerror(-ret));
		}
	}
	pthread_mutex_unlock(&dev_mon.lock);
	return ret;
}
