/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * VFIO containers and groups. The primary opens the container
 * (/dev/vfio/vfio) and each IOMMU group its devices are in (/dev/vfio/N,
 * or /dev/vfio/noiommu-N), sets the IOMMU type when the first group joins
 * the container and maps the group's memory for DMA then (type1: every
 * memseg, IOVA as rte_mem_virt2iova says; no-IOMMU: nothing to map).
 *
 * A group's character device can be open only once, system-wide, so a
 * secondary cannot open it again: it asks the primary (action
 * "bus_pci_vfio"), which answers with the container and group fds
 * (SCM_RIGHTS). Each process counts its users of a group; when the count
 * drops to 0 it closes the group (the primary first takes it out of the
 * container), and with the last group the container, so that a later
 * attach starts afresh in every process.
 */

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <linux/vfio.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_memory.h>

#include "pci_private.h"

#define VFIO_CONTAINER_PATH "/dev/vfio/vfio"
#define VFIO_NOIOMMU_PARAM "/sys/module/vfio/parameters/enable_unsafe_noiommu_mode"
#define VFIO_MP_ACTION "bus_pci_vfio"
/* How long a secondary waits for the primary's fds. */
#define VFIO_MP_TIMEOUT_S 5

/* Request (secondary) and reply (primary) of VFIO_MP_ACTION; the reply carries two fds. */
struct vfio_mp_param {
	int32_t group;
	int32_t result;
};

struct vfio_group {
	int no;
	int fd;
	unsigned int users;  /* 0: a free slot */
};

/* Process-local, under vfio.lock but for mp_registered (set and read by bus scan and cleanup). */
static struct {
	pthread_mutex_t lock;
	int container_fd;    /* -1 while no group is held */
	int iommu_type;      /* set on the container by the primary; 0 before */
	bool mp_registered;
	struct vfio_group groups[RTE_MAX_VFIO_GROUPS];
} vfio = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.container_fd = -1,
};

bool
pci_vfio_available(void)
{
	return access(VFIO_CONTAINER_PATH, F_OK) == 0;
}

bool
pci_vfio_noiommu(void)
{
	char c = 0;
	int fd = open(VFIO_NOIOMMU_PARAM, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return false;
	if (read(fd, &c, 1) != 1)
		c = 0;
	close(fd);
	return c == 'Y' || c == 'y' || c == '1';
}

int
pci_vfio_group_number(const struct rte_pci_device *dev, int *group)
{
	char path[PATH_MAX], target[PATH_MAX], *end;
	const char *base;
	ssize_t n;
	long no;

	if (pci_sysfs_path(dev, "iommu_group", path, sizeof(path)) < 0)
		return -ENAMETOOLONG;
	n = readlink(path, target, sizeof(target) - 1);
	if (n < 0) {
		PCI_LOG(ERR, "%s: no IOMMU group (%s): %s\n", dev->name, path, strerror(errno));
		return -ENODEV;
	}
	target[n] = '\0';
	base = strrchr(target, '/');
	base = base != NULL ? base + 1 : target;
	no = strtol(base, &end, 10);
	if (end == base || *end != '\0' || no < 0 || no > INT_MAX) {
		PCI_LOG(ERR, "%s: IOMMU group '%s' is not a number\n", dev->name, base);
		return -ENODEV;
	}
	*group = (int)no;
	return 0;
}

/* With vfio.lock held. */
static struct vfio_group *
group_find(int no)
{
	unsigned int i;

	for (i = 0; i < RTE_DIM(vfio.groups); i++) {
		if (vfio.groups[i].users > 0 && vfio.groups[i].no == no)
			return &vfio.groups[i];
	}
	return NULL;
}

static struct vfio_group *
group_free_slot(void)
{
	unsigned int i;

	for (i = 0; i < RTE_DIM(vfio.groups); i++) {
		if (vfio.groups[i].users == 0)
			return &vfio.groups[i];
	}
	return NULL;
}

static bool
no_group_held(void)
{
	unsigned int i;

	for (i = 0; i < RTE_DIM(vfio.groups); i++) {
		if (vfio.groups[i].users > 0)
			return false;
	}
	return true;
}

static int
container_open(void)
{
	int fd = open(VFIO_CONTAINER_PATH, O_RDWR | O_CLOEXEC), err;

	if (fd < 0) {
		err = errno;
		PCI_LOG(ERR, "cannot open %s: %s\n", VFIO_CONTAINER_PATH, strerror(err));
		return -err;
	}
	if (ioctl(fd, VFIO_GET_API_VERSION) != VFIO_API_VERSION) {
		PCI_LOG(ERR, "%s speaks another VFIO API than version %d\n", VFIO_CONTAINER_PATH,
			VFIO_API_VERSION);
		close(fd);
		return -ENOTSUP;
	}
	return fd;
}

static int
iommu_type_pick(int container_fd)
{
	static const int type1[] = { VFIO_TYPE1v2_IOMMU, VFIO_TYPE1_IOMMU };
	unsigned int i;

	if (pci_vfio_noiommu())
		return ioctl(container_fd, VFIO_CHECK_EXTENSION, VFIO_NOIOMMU_IOMMU) > 0 ?
		       VFIO_NOIOMMU_IOMMU : -ENOTSUP;
	for (i = 0; i < RTE_DIM(type1); i++) {
		if (ioctl(container_fd, VFIO_CHECK_EXTENSION, type1[i]) > 0)
			return type1[i];
	}
	return -ENOTSUP;
}

static int
dma_map_range(uint64_t vaddr, uint64_t iova, uint64_t len)
{
	struct vfio_iommu_type1_dma_map m;

	memset(&m, 0, sizeof(m));
	m.argsz = sizeof(m);
	m.flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;
	m.vaddr = vaddr;
	m.iova = iova;
	m.size = len;
	return ioctl(vfio.container_fd, VFIO_IOMMU_MAP_DMA, &m) < 0 ? -errno : 0;
}

static int
dma_unmap_range(uint64_t iova, uint64_t len)
{
	struct vfio_iommu_type1_dma_unmap u;

	memset(&u, 0, sizeof(u));
	u.argsz = sizeof(u);
	u.iova = iova;
	u.size = len;
	return ioctl(vfio.container_fd, VFIO_IOMMU_UNMAP_DMA, &u) < 0 ? -errno : 0;
}

static int
dma_map_memseg(const struct rte_memseg_list *msl, const struct rte_memseg *ms, size_t len,
	       void *arg)
{
	uint64_t iova = ms->iova != RTE_BAD_IOVA ? ms->iova : rte_mem_virt2iova(ms->addr);
	int ret;

	RTE_SET_USED(msl);
	RTE_SET_USED(arg);
	ret = dma_map_range((uintptr_t)ms->addr, iova, len);
	if (ret < 0) {
		PCI_LOG(ERR, "cannot map %zu bytes at %p for DMA (IOVA 0x%" PRIx64 "): %s\n", len,
			ms->addr, iova, strerror(-ret));
		return -1;
	}
	return 0;
}

/* Primary, first group in the container: the IOMMU type, then the group's memory. */
static int
container_setup(void)
{
	int type = iommu_type_pick(vfio.container_fd);

	if (type < 0) {
		PCI_LOG(ERR, "VFIO offers no IOMMU type we know (type1, or no-IOMMU mode)\n");
		return type;
	}
	if (ioctl(vfio.container_fd, VFIO_SET_IOMMU, type) < 0) {
		PCI_LOG(ERR, "cannot set VFIO IOMMU type %d: %s\n", type, strerror(errno));
		return -errno;
	}
	vfio.iommu_type = type;
	if (type != VFIO_NOIOMMU_IOMMU && rte_memseg_contig_walk(dma_map_memseg, NULL) < 0)
		return -EIO;
	PCI_LOG(DEBUG, "VFIO container ready, IOMMU type %d\n", type);
	return 0;
}

/* Primary: open group no and put it in the container. */
static int
group_open(int no)
{
	struct vfio_group_status status;
	char path[PATH_MAX];
	int fd, err;

	snprintf(path, sizeof(path), pci_vfio_noiommu() ? "/dev/vfio/noiommu-%d" :
		 "/dev/vfio/%d", no);
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		err = errno;
		PCI_LOG(ERR, "cannot open VFIO group %s: %s%s\n", path, strerror(err),
			err == EBUSY ? " (another process has it)" : "");
		return -err;
	}
	memset(&status, 0, sizeof(status));
	status.argsz = sizeof(status);
	if (ioctl(fd, VFIO_GROUP_GET_STATUS, &status) < 0 ||
	    !(status.flags & VFIO_GROUP_FLAGS_VIABLE)) {
		PCI_LOG(ERR, "VFIO group %d is not viable: bind every device of it to vfio-pci\n",
			no);
		close(fd);
		return -EPERM;
	}
	if (vfio.container_fd < 0) {
		vfio.container_fd = container_open();
		if (vfio.container_fd < 0) {
			err = vfio.container_fd;
			vfio.container_fd = -1;
			close(fd);
			return err;
		}
	}
	if (ioctl(fd, VFIO_GROUP_SET_CONTAINER, &vfio.container_fd) < 0) {
		err = errno;
		PCI_LOG(ERR, "cannot add VFIO group %d to the container: %s\n", no, strerror(err));
		close(fd);
		return -err;
	}
	if (vfio.iommu_type == 0) {
		err = container_setup();
		if (err < 0) {
			ioctl(fd, VFIO_GROUP_UNSET_CONTAINER);
			close(fd);
			return err;
		}
	}
	return fd;
}

/* Secondary: the container and group fds, from the primary. */
static int
group_request(int no)
{
	struct vfio_mp_param *p;
	struct rte_mp_reply reply;
	struct rte_mp_msg req;
	struct timespec ts = { .tv_sec = VFIO_MP_TIMEOUT_S };
	int ret, i, fd = -1;

	memset(&req, 0, sizeof(req));
	snprintf(req.name, sizeof(req.name), "%s", VFIO_MP_ACTION);
	p = (struct vfio_mp_param *)req.param;
	p->group = no;
	req.len_param = sizeof(*p);
	memset(&reply, 0, sizeof(reply));
	if (rte_mp_request_sync(&req, &reply, &ts) < 0 || reply.nb_received != 1) {
		PCI_LOG(ERR, "the primary did not hand over VFIO group %d: %s\n", no,
			reply.nb_received == 0 ? rte_strerror(rte_errno) : "bad reply");
		ret = -ENOTCONN;
		goto out;
	}
	p = (struct vfio_mp_param *)reply.msgs[0].param;
	ret = reply.msgs[0].len_param == sizeof(*p) ? p->result : -EPROTO;
	if (ret == 0 && reply.msgs[0].num_fds != 2)
		ret = -EPROTO;
	if (ret < 0) {
		PCI_LOG(ERR, "the primary did not hand over VFIO group %d: %s\n", no,
			strerror(-ret));
		goto out;
	}
	/* The container is one for all groups: keep the first copy we got. */
	if (vfio.container_fd < 0) {
		vfio.container_fd = reply.msgs[0].fds[0];
		reply.msgs[0].fds[0] = -1;
	}
	fd = reply.msgs[0].fds[1];
	reply.msgs[0].fds[1] = -1;
	ret = fd;
out:
	for (i = 0; i < reply.nb_received; i++) {
		int j;

		for (j = 0; j < reply.msgs[i].num_fds; j++) {
			if (reply.msgs[i].fds[j] >= 0)
				close(reply.msgs[i].fds[j]);
		}
	}
	free(reply.msgs);
	return ret;
}

int
pci_vfio_group_get(int no, int *fd)
{
	struct vfio_group *g;
	int ret;

	pthread_mutex_lock(&vfio.lock);
	g = group_find(no);
	if (g != NULL) {
		g->users++;
		*fd = g->fd;
		pthread_mutex_unlock(&vfio.lock);
		return 0;
	}
	g = group_free_slot();
	if (g == NULL) {
		PCI_LOG(ERR, "cannot hold VFIO group %d: %d groups are held already\n", no,
			RTE_MAX_VFIO_GROUPS);
		ret = -ENOSPC;
	} else {
		ret = rte_eal_process_type() == RTE_PROC_PRIMARY ? group_open(no) :
								    group_request(no);
	}
	if (ret >= 0) {
		g->no = no;
		g->fd = ret;
		g->users = 1;
		*fd = ret;
		ret = 0;
	} else if (no_group_held() && vfio.container_fd >= 0) {
		close(vfio.container_fd);
		vfio.container_fd = -1;
		vfio.iommu_type = 0;
	}
	pthread_mutex_unlock(&vfio.lock);
	return ret;
}

void
pci_vfio_group_put(int no)
{
	struct vfio_group *g;

	pthread_mutex_lock(&vfio.lock);
	g = group_find(no);
	if (g != NULL && --g->users == 0) {
		if (rte_eal_process_type() == RTE_PROC_PRIMARY &&
		    ioctl(g->fd, VFIO_GROUP_UNSET_CONTAINER) < 0)
			PCI_LOG(DEBUG, "cannot take VFIO group %d out of its container: %s\n", no,
				strerror(errno));
		close(g->fd);
		g->no = -1;
		g->fd = -1;
	}
	/* The kernel drops the IOMMU type and DMA maps with the last group. */
	if (no_group_held() && vfio.container_fd >= 0) {
		close(vfio.container_fd);
		vfio.container_fd = -1;
		vfio.iommu_type = 0;
	}
	pthread_mutex_unlock(&vfio.lock);
}

int
pci_vfio_dma(bool map, uint64_t vaddr, uint64_t iova, uint64_t len)
{
	int ret;

	pthread_mutex_lock(&vfio.lock);
	if (vfio.container_fd < 0)
		ret = -ENODEV;
	else if (vfio.iommu_type == VFIO_NOIOMMU_IOMMU)
		ret = 0; /* no IOMMU, nothing to program */
	else
		ret = map ? dma_map_range(vaddr, iova, len) : dma_unmap_range(iova, len);
	pthread_mutex_unlock(&vfio.lock);
	if (ret < 0) {
		PCI_LOG(ERR, "cannot %s %" PRIu64 " bytes at 0x%" PRIx64 " for DMA: %s\n",
			map ? "map" : "unmap", len, vaddr, strerror(-ret));
		rte_errno = -ret;
	}
	return ret;
}

/*
 * Primary, on the rte_mp handler: answer at once with the fds of a group
 * we hold (the secondary attaches only what we attached first). The reply
 * is sent under the lock, so the fds cannot be closed meanwhile.
 */
static int
vfio_mp_action(const struct rte_mp_msg *msg, const void *peer)
{
	const struct vfio_mp_param *req = (const void *)msg->param;
	struct rte_mp_msg reply;
	struct vfio_mp_param *r;
	struct vfio_group *g;
	int i, ret;

	for (i = 0; i < msg->num_fds; i++)
		close(msg->fds[i]);
	if (msg->len_param != sizeof(*req)) {
		PCI_LOG(ERR, "malformed VFIO request from %s\n", (const char *)peer);
		return -EINVAL;
	}
	memset(&reply, 0, sizeof(reply));
	snprintf(reply.name, sizeof(reply.name), "%s", VFIO_MP_ACTION);
	reply.len_param = sizeof(*r);
	r = (struct vfio_mp_param *)reply.param;
	r->group = req->group;
	pthread_mutex_lock(&vfio.lock);
	g = group_find(req->group);
	if (g != NULL && vfio.container_fd >= 0) {
		r->result = 0;
		reply.num_fds = 2;
		reply.fds[0] = vfio.container_fd;
		reply.fds[1] = g->fd;
	} else {
		r->result = -ENOENT;
		PCI_LOG(ERR, "a secondary asked for VFIO group %d, which the primary does not "
			"hold\n", req->group);
	}
	ret = rte_mp_reply(&reply, peer);
	pthread_mutex_unlock(&vfio.lock);
	return ret;
}

int
pci_vfio_mp_init(void)
{
	if (vfio.mp_registered)
		return 0;
	if (rte_mp_action_register(VFIO_MP_ACTION, vfio_mp_action) < 0 && rte_errno != EEXIST) {
		PCI_LOG(ERR, "cannot serve VFIO fds to secondaries: %s\n", rte_strerror(rte_errno));
		return -rte_errno;
	}
	vfio.mp_registered = true;
	return 0;
}

/* Not under vfio.lock: the action may be waiting for it. */
void
pci_vfio_mp_fini(void)
{
	if (vfio.mp_registered)
		rte_mp_action_unregister(VFIO_MP_ACTION);
	vfio.mp_registered = false;
}
