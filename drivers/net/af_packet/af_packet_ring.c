/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * AF_PACKET sockets and their PACKET_MMAP rings (TPACKET_V2): making them
 * (the primary), mapping them (every process, from its copy of the fd),
 * and letting them go.
 */

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_ether.h>

#include "af_packet_private.h"

/* Where the kernel puts an Ethernet frame in an Rx slot: after the header and sockaddr_ll. */
#define AFP_RX_MAC_OFF (TPACKET_ALIGN(TPACKET2_HDRLEN + 16) - RTE_ETHER_HDR_LEN)
#define AFP_MIN_FRAMESZ RTE_ALIGN_CEIL(AFP_RX_MAC_OFF + RTE_ETHER_MIN_LEN, TPACKET_ALIGNMENT)
#define AFP_MAX_FRAMECNT (1u << 20)

uint32_t
afp_frame_room(uint32_t framesz)
{
	return framesz - AFP_RX_MAC_OFF;
}

int
afp_geometry_check(const struct afp_geometry *geo, char *why, size_t size)
{
	long page = sysconf(_SC_PAGESIZE);

	if (geo->blocksz == 0 || geo->blocksz % (uint32_t)page != 0) {
		snprintf(why, size, "blocksz %u is not a multiple of the page size (%ld)",
			 geo->blocksz, page);
		return -EINVAL;
	}
	if (geo->framesz < AFP_MIN_FRAMESZ || geo->framesz % TPACKET_ALIGNMENT != 0 ||
	    geo->framesz > geo->blocksz) {
		snprintf(why, size, "framesz %u is not a multiple of %d from %d to blocksz "
			 "(%u)", geo->framesz, TPACKET_ALIGNMENT, (int)AFP_MIN_FRAMESZ, geo->blocksz);
		return -EINVAL;
	}
	if (geo->framecnt == 0 || geo->framecnt > AFP_MAX_FRAMECNT ||
	    geo->framecnt % (geo->blocksz / geo->framesz) != 0) {
		snprintf(why, size, "framecnt %u is not a multiple of the %u frames of a "
			 "block, up to %u", geo->framecnt, geo->blocksz / geo->framesz,
			 AFP_MAX_FRAMECNT);
		return -EINVAL;
	}
	return 0;
}

static void
geometry_req(const struct afp_geometry *geo, struct tpacket_req *req)
{
	memset(req, 0, sizeof(*req));
	req->tp_block_size = geo->blocksz;
	req->tp_frame_size = geo->framesz;
	req->tp_frame_nr = geo->framecnt;
	req->tp_block_nr = geo->framecnt / (geo->blocksz / geo->framesz);
}

static size_t
ring_len(const struct afp_geometry *geo)
{
	struct tpacket_req req;

	geometry_req(geo, &req);
	return (size_t)req.tp_block_size * req.tp_block_nr;
}

static int
set_opt(const char *name, int fd, int opt, const char *what, const void *val, socklen_t len)
{
	if (setsockopt(fd, SOL_PACKET, opt, val, len) < 0) {
		int err = errno;

		AFP_LOG(ERR, "%s: cannot set %s on its socket: %s\n", name, what, strerror(err));
		return -err;
	}
	return 0;
}

/*
 * Several queue pairs share the interface's packets by flow: their
 * sockets form one fanout group, whose id the kernel picks for the first.
 */
static int
join_fanout(const char *name, int fd, int *fanout_id)
{
	uint32_t type = PACKET_FANOUT_HASH | PACKET_FANOUT_FLAG_DEFRAG;
	socklen_t len = sizeof(uint32_t);
	uint32_t arg;
	int ret;

	if (*fanout_id < 0)
		arg = (type | PACKET_FANOUT_FLAG_UNIQUEID) << 16;
	else
		arg = (uint32_t)*fanout_id | type << 16;
	ret = set_opt(name, fd, PACKET_FANOUT, "PACKET_FANOUT", &arg, sizeof(arg));
	if (ret < 0 || *fanout_id >= 0)
		return ret;
	if (getsockopt(fd, SOL_PACKET, PACKET_FANOUT, &arg, &len) < 0) {
		ret = -errno;
		AFP_LOG(ERR, "%s: cannot read its fanout group: %s\n", name, strerror(-ret));
		return ret;
	}
	*fanout_id = (int)(arg & 0xffff);
	return 0;
}

int
afp_socket_open(const char *name, const struct afp_port *port, int *fanout_id)
{
	struct sockaddr_ll addr = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_P_ALL),
		.sll_ifindex = port->ifindex,
	};
	int version = TPACKET_V2, one = 1, bypass = port->qdisc_bypass;
	struct tpacket_req req;
	int fd, ret;

	/* Protocol 0: nothing comes in until bind() names the interface. */
	fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		ret = -errno;
		AFP_LOG(ERR, "%s: cannot open an AF_PACKET socket: %s\n", name, strerror(-ret));
		return ret;
	}
	geometry_req(&port->geo, &req);
	ret = set_opt(name, fd, PACKET_VERSION, "TPACKET_V2", &version, sizeof(version));
	/* A malformed Tx frame is skipped, not left to block the ring. */
	if (ret == 0)
		ret = set_opt(name, fd, PACKET_LOSS, "PACKET_LOSS", &one, sizeof(one));
	if (ret == 0 && bypass)
		ret = set_opt(name, fd, PACKET_QDISC_BYPASS, "PACKET_QDISC_BYPASS", &bypass,
			      sizeof(bypass));
	if (ret == 0)
		ret = set_opt(name, fd, PACKET_RX_RING, "its Rx ring", &req, sizeof(req));
	if (ret == 0)
		ret = set_opt(name, fd, PACKET_TX_RING, "its Tx ring", &req, sizeof(req));
	if (ret == 0 && bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		ret = -errno;
		AFP_LOG(ERR, "%s: cannot bind its socket to %s: %s\n", name, port->iface,
			strerror(-ret));
	}
	if (ret == 0 && port->nb_qpairs > 1)
		ret = join_fanout(name, fd, fanout_id);
	if (ret < 0) {
		close(fd);
		return ret;
	}
	return fd;
}

int
afp_local_map(const char *name, const struct afp_geometry *geo, int fd, struct afp_local *l)
{
	uint32_t per_block = geo->blocksz / geo->framesz;
	size_t len = ring_len(geo);
	uint32_t i;
	void *map;

	l->fd = fd;
	l->rx_frame = calloc(geo->framecnt, sizeof(*l->rx_frame));
	l->tx_frame = calloc(geo->framecnt, sizeof(*l->tx_frame));
	if (l->rx_frame == NULL || l->tx_frame == NULL) {
		AFP_LOG(ERR, "%s: no memory for its ring index\n", name);
		return -ENOMEM;
	}
	map = mmap(NULL, 2 * len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd, 0);
	if (map == MAP_FAILED) {
		int err = errno;

		AFP_LOG(ERR, "%s: cannot map its rings (%zu bytes): %s\n", name, 2 * len,
			strerror(err));
		return -err;
	}
	l->map = map;
	l->map_len = 2 * len;
	/* Frames do not cross blocks: a block may end with a gap. */
	for (i = 0; i < geo->framecnt; i++) {
		size_t off = (size_t)(i / per_block) * geo->blocksz +
			     (size_t)(i % per_block) * geo->framesz;

		l->rx_frame[i] = (uint8_t *)map + off;
		l->tx_frame[i] = (uint8_t *)map + len + off;
	}
	return 0;
}

struct afp_proc *
afp_proc_new(const char *name, uint16_t nb_qpairs)
{
	struct afp_proc *pp = calloc(1, sizeof(*pp));
	unsigned int i;

	if (pp == NULL) {
		AFP_LOG(ERR, "%s: no memory for its sockets\n", name);
		return NULL;
	}
	snprintf(pp->name, sizeof(pp->name), "%s", name);
	pp->nb_qpairs = nb_qpairs;
	for (i = 0; i < AFP_MAX_QPAIRS; i++)
		pp->qp[i].fd = -1;
	return pp;
}

void
afp_proc_free(struct afp_proc *pp)
{
	unsigned int i;

	if (pp == NULL)
		return;
	for (i = 0; i < AFP_MAX_QPAIRS; i++) {
		struct afp_local *l = &pp->qp[i];

		if (l->map != NULL)
			munmap(l->map, l->map_len);
		if (l->fd >= 0)
			close(l->fd);
		free(l->rx_frame);
		free(l->tx_frame);
	}
	free(pp);
}
