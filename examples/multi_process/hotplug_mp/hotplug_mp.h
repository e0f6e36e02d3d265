/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef HOTPLUG_MP_EXAMPLE_H
#define HOTPLUG_MP_EXAMPLE_H

#include <stddef.h>

#include <cmdline_parse.h>

/* The commands of the CLI. */
extern cmdline_parse_ctx_t main_ctx[];

/* This process's label (--label), shown by status and matched by the fault driver. */
extern const char *hotplug_mp_label;

/* Register the status actions; 0 or -1. */
int status_init(void);

/* Write the table of every process of the group and its devices into buf. */
int status_collect(char *buf, size_t size);

/* The devices attached in this process, space separated ("-" if none). */
void devices_of_this_process(char *buf, size_t size);

#endif /* HOTPLUG_MP_EXAMPLE_H */
