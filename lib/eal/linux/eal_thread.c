/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <sys/syscall.h>
#include <unistd.h>

#include <rte_eal.h>

int
rte_sys_gettid(void)
{
	return (int)syscall(SYS_gettid);
}
