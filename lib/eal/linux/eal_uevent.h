/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef EAL_UEVENT_H
#define EAL_UEVENT_H

/* Kernel uevents, as the device event monitor (eal_dev.c) reads them. */

#include <stddef.h>

#include <rte_dev.h>

/* The addition or removal of a device. */
struct eal_uevent {
	enum rte_dev_event_type type;
	char subsystem[32];
	char devname[RTE_DEV_NAME_MAX_LEN];
};

/*
 * Parse one message of the kernel's uevent multicast group:
 * "ACTION@DEVPATH" then NUL-separated "KEY=VALUE" fields, len bytes.
 * 0 with *ev filled for the addition or removal of a PCI device (its name
 * from PCI_SLOT_NAME, else the last part of DEVPATH); -ENOTSUP for any
 * other well-formed message (another action or subsystem, udev's own
 * messages); -EINVAL for a malformed one. Pure: for tests too.
 */
int eal_dev_uevent_parse(const char *buf, size_t len, struct eal_uevent *ev);

#endif /* EAL_UEVENT_H */
