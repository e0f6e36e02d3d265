/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <errno.h>
#include <stdint.h>
#include <time.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_pause.h>

void (*rte_delay_us)(unsigned int us) = rte_delay_us_block;

void
rte_delay_us_block(unsigned int us)
{
	const uint64_t start = rte_get_timer_cycles();
	const uint64_t ticks = (uint64_t)us * rte_get_timer_hz() / US_PER_S;

	while ((rte_get_timer_cycles() - start) < ticks)
		rte_pause();
}

void
rte_delay_us_sleep(unsigned int us)
{
	struct timespec req = {
		.tv_sec = us / US_PER_S,
		.tv_nsec = (long)(us % US_PER_S) * 1000,
	};

	while (nanosleep(&req, &req) < 0 && errno == EINTR)
		;
}

void
rte_delay_us_callback_register(void (*userfunc)(unsigned int))
{
	rte_delay_us = userfunc;
}
