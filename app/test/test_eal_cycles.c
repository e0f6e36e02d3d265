/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/* The time-stamp counter against CLOCK_MONOTONIC, and the delay functions. */

#include <stdint.h>

#include <rte_common.h>
#include <rte_cycles.h>

#include "test.h"

/* rte_cycles.h */

static void
test_cycles_hz(void **state)
{
	uint64_t hz, ns0, ns1, c0, c1;
	double ratio;

	(void)state;
	hz = rte_get_tsc_hz();
	assert_in_range(hz, 100ULL * 1000 * 1000, 10ULL * 1000 * 1000 * 1000);
	assert_int_equal(rte_get_tsc_hz(), hz);
	assert_int_equal(rte_get_timer_hz(), hz);

	/* The counter runs at that rate against CLOCK_MONOTONIC. */
	ns0 = mp_now_ns();
	c0 = rte_get_timer_cycles();
	do {
		ns1 = mp_now_ns();
	} while (ns1 - ns0 < 20 * 1000 * 1000);
	c1 = rte_rdtsc_precise();
	assert_true(c1 > c0);
	ratio = (double)(c1 - c0) / hz / ((double)(ns1 - ns0) / NS_PER_S);
	if (ratio < 0.9 || ratio > 1.1)
		fail_msg("%llu cycles in %llu ns at %llu Hz", (unsigned long long)(c1 - c0),
			 (unsigned long long)(ns1 - ns0), (unsigned long long)hz);
}

/* How long fn(us) takes, in nanoseconds of CLOCK_MONOTONIC. */
static uint64_t
time_delay(void (*fn)(unsigned int), unsigned int us)
{
	uint64_t t0 = mp_now_ns();

	fn(us);
	return mp_now_ns() - t0;
}

static void
delay_2ms(unsigned int us)
{
	(void)us;
	rte_delay_ms(2);
}

static void
test_cycles_delay_block(void **state)
{
	(void)state;
	assert_in_range(time_delay(rte_delay_us_block, 2000), 2000000, 50000000 - 1);
	assert_in_range(time_delay(rte_delay_us_block, 0), 0, 50000000 - 1);
	/* The default rte_delay_us busy-waits too. */
	assert_ptr_equal(rte_delay_us, rte_delay_us_block);
	assert_in_range(time_delay(rte_delay_us, 2000), 2000000, 50000000 - 1);
	assert_in_range(time_delay(delay_2ms, 0), 2000000, 50000000 - 1);
}

static void
test_cycles_delay_sleep(void **state)
{
	(void)state;
	assert_in_range(time_delay(rte_delay_us_sleep, 2000), 2000000, 50000000 - 1);
	assert_in_range(time_delay(rte_delay_us_sleep, 0), 0, 50000000 - 1);
	assert_in_range(time_delay(rte_delay_us_sleep, 1), 1000, 50000000 - 1);
}

static unsigned int delay_calls;
static unsigned int delay_last_us;

static void
delay_record(unsigned int us)
{
	delay_calls++;
	delay_last_us = us;
}

static void
test_cycles_delay_callback(void **state)
{
	(void)state;
	delay_calls = 0;
	rte_delay_us_callback_register(delay_record);
	assert_ptr_equal(rte_delay_us, delay_record);
	rte_delay_us(123);
	assert_int_equal(delay_calls, 1);
	assert_int_equal(delay_last_us, 123);
	/* rte_delay_ms goes through the registered function, which waits nothing. */
	assert_in_range(time_delay(delay_2ms, 0), 0, 1999999);
	assert_int_equal(delay_calls, 2);
	assert_int_equal(delay_last_us, 2000);

	rte_delay_us_callback_register(rte_delay_us_block);
	assert_ptr_equal(rte_delay_us, rte_delay_us_block);
	assert_in_range(time_delay(rte_delay_us, 2000), 2000000, 50000000 - 1);
	assert_int_equal(delay_calls, 2);
}

/* Whatever a delay test did, the next one finds the default. */
static int
delay_teardown(void **state)
{
	(void)state;
	rte_delay_us_callback_register(rte_delay_us_block);
	return 0;
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_cycles_hz),
	cmocka_unit_test_teardown(test_cycles_delay_block, delay_teardown),
	cmocka_unit_test_teardown(test_cycles_delay_sleep, delay_teardown),
	cmocka_unit_test_teardown(test_cycles_delay_callback, delay_teardown),
};

REGISTER_TEST_GROUP(eal_cycles, tests);
