/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Alarms and fd callbacks on the interrupt thread: ordering, cancel (of
 * pending alarms, of one running elsewhere, from inside a callback), and
 * registering and removing fd callbacks, including from their own
 * callback.
 */

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <rte_alarm.h>
#include <rte_common.h>
#include <rte_errno.h>
#include <rte_interrupts.h>

#include "test.h"

static int
setup(void **state)
{
	(void)state;
	return test_eal_init_once();
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static char order[64];
static unsigned int fired;
static bool on_intr_thread;

static void
record(void *arg)
{
	pthread_mutex_lock(&lock);
	snprintf(order + strlen(order), sizeof(order) - strlen(order), "%c",
		 (char)(uintptr_t)arg);
	fired++;
	on_intr_thread = rte_thread_is_intr();
	pthread_cond_broadcast(&cond);
	pthread_mutex_unlock(&lock);
}

static void
reset(void)
{
	pthread_mutex_lock(&lock);
	order[0] = '\0';
	fired = 0;
	on_intr_thread = false;
	pthread_mutex_unlock(&lock);
}

/* Wait, at most timeout_ms, until n callbacks have fired. */
static unsigned int
wait_fired(unsigned int n, unsigned int timeout_ms)
{
	struct timespec until;
	unsigned int got;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += timeout_ms / 1000;
	until.tv_nsec += (long)(timeout_ms % 1000) * 1000000;
	if (until.tv_nsec >= 1000000000) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&lock);
	while (fired < n && pthread_cond_timedwait(&cond, &lock, &until) == 0)
		;
	got = fired;
	pthread_mutex_unlock(&lock);
	return got;
}

static void
test_alarm_order(void **state)
{
	(void)state;
	reset();
	assert_int_equal(rte_eal_alarm_set(30000, record, (void *)'c'), 0);
	assert_int_equal(rte_eal_alarm_set(10000, record, (void *)'a'), 0);
	assert_int_equal(rte_eal_alarm_set(20000, record, (void *)'b'), 0);
	assert_int_equal(rte_eal_alarm_set(0, record, (void *)'0'), 0);
	assert_int_equal(wait_fired(4, 5000), 4);
	assert_string_equal(order, "0abc");
	assert_true(on_intr_thread);
	assert_int_equal(rte_eal_alarm_set(100, NULL, NULL), -EINVAL);
}

static void
test_alarm_cancel(void **state)
{
	(void)state;
	reset();
	assert_int_equal(rte_eal_alarm_set(50000, record, (void *)'x'), 0);
	assert_int_equal(rte_eal_alarm_set(50000, record, (void *)'y'), 0);
	assert_int_equal(rte_eal_alarm_set(50000, record, (void *)'z'), 0);
	/* By argument, then all the rest with (void *)-1. */
	assert_int_equal(rte_eal_alarm_cancel(record, (void *)'y'), 1);
	rte_errno = 0;
	assert_int_equal(rte_eal_alarm_cancel(record, (void *)'y'), 0);
	assert_int_equal(rte_errno, ENOENT);
	assert_int_equal(rte_eal_alarm_set(10000, record, (void *)'k'), 0);
	assert_int_equal(wait_fired(1, 5000), 1);
	assert_string_equal(order, "k");
	assert_int_equal(rte_eal_alarm_cancel(record, (void *)-1), 2);
	assert_int_equal(wait_fired(2, 150), 1);
	assert_int_equal(rte_eal_alarm_cancel(NULL, NULL), -1);
	assert_int_equal(rte_errno, EINVAL);
}

static void
cancel_self(void *arg)
{
	int n;

	(void)arg;
	rte_errno = 0;
	/* Itself (running: counted, EINPROGRESS) and the pending one. */
	n = rte_eal_alarm_cancel(cancel_self, (void *)-1);
	pthread_mutex_lock(&lock);
	snprintf(order, sizeof(order), "%d %d", n, rte_errno);
	fired++;
	pthread_cond_broadcast(&cond);
	pthread_mutex_unlock(&lock);
}

static void
test_alarm_cancel_from_callback(void **state)
{
	(void)state;
	reset();
	assert_int_equal(rte_eal_alarm_set(1000, cancel_self, (void *)1), 0);
	assert_int_equal(rte_eal_alarm_set(200000, cancel_self, (void *)2), 0);
	assert_int_equal(wait_fired(1, 5000), 1);
	assert_string_equal(order, "2 " RTE_STR(EINPROGRESS));
	/* The second one is gone. */
	assert_int_equal(wait_fired(2, 400), 1);
}

static void
slow(void *arg)
{
	(void)arg;
	record((void *)'s');
	usleep(100 * 1000);
	record((void *)'e');
}

/* Cancel of an alarm running on another thread waits for it to end. */
static void
test_alarm_cancel_waits(void **state)
{
	(void)state;
	reset();
	assert_int_equal(rte_eal_alarm_set(0, slow, NULL), 0);
	assert_int_equal(wait_fired(1, 5000), 1);
	assert_int_equal(rte_eal_alarm_cancel(slow, NULL), 0);
	pthread_mutex_lock(&lock);
	assert_string_equal(order, "se");
	pthread_mutex_unlock(&lock);
}

static int pipe_fds[2];

static void
on_readable(void *arg)
{
	char c;

	if (read(pipe_fds[0], &c, 1) == 1)
		record(arg);
}

static void
test_fd_callbacks(void **state)
{
	struct rte_intr_handle *h;

	(void)state;
	reset();
	assert_int_equal(pipe(pipe_fds), 0);
	h = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	assert_non_null(h);
	assert_int_equal(rte_intr_fd_set(h, pipe_fds[0]), 0);
	assert_int_equal(rte_intr_type_set(h, RTE_INTR_HANDLE_EXT), 0);
	assert_int_equal(rte_intr_type_get(h), RTE_INTR_HANDLE_EXT);
	assert_int_equal(rte_intr_callback_register(h, on_readable, (void *)'p'), 0);
	assert_int_equal(rte_intr_callback_register(h, on_readable, (void *)'p'), -EEXIST);
	assert_int_equal(write(pipe_fds[1], "1", 1), 1);
	assert_int_equal(wait_fired(1, 5000), 1);
	assert_true(on_intr_thread);
	assert_int_equal(write(pipe_fds[1], "2", 1), 1);
	assert_int_equal(wait_fired(2, 5000), 2);
	assert_string_equal(order, "pp");

	/* The callback may still be returning: _sync waits for that. */
	assert_int_equal(rte_intr_callback_unregister_sync(h, on_readable, (void *)'q'), -ENOENT);
	assert_int_equal(rte_intr_callback_unregister_sync(h, on_readable, (void *)-1), 1);
	assert_int_equal(write(pipe_fds[1], "3", 1), 1);
	assert_int_equal(wait_fired(3, 100), 2);
	assert_int_equal(rte_intr_callback_unregister(h, on_readable, (void *)'p'), -ENOENT);
	assert_int_equal(rte_intr_callback_register(NULL, on_readable, NULL), -EINVAL);
	close(pipe_fds[0]);
	close(pipe_fds[1]);
	rte_intr_instance_free(h);
}

static struct rte_intr_handle *self_handle;
static int unregister_ret;
static bool ucb_called;

static void
after_unregister(struct rte_intr_handle *h, void *arg)
{
	(void)h;
	(void)arg;
	ucb_called = true;
}

/* A callback cannot remove itself directly (-EAGAIN), but can with _pending. */
static void
remove_self(void *arg)
{
	char c;

	if (read(pipe_fds[0], &c, 1) != 1)
		return;
	unregister_ret = rte_intr_callback_unregister(self_handle, remove_self, arg);
	if (unregister_ret == -EAGAIN)
		unregister_ret = rte_intr_callback_unregister_pending(self_handle, remove_self,
								      arg, after_unregister);
	record(arg);
}

static void
test_fd_callback_removes_itself(void **state)
{
	(void)state;
	reset();
	ucb_called = false;
	assert_int_equal(pipe(pipe_fds), 0);
	self_handle = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	assert_non_null(self_handle);
	rte_intr_fd_set(self_handle, pipe_fds[0]);
	assert_int_equal(rte_intr_callback_register(self_handle, remove_self, (void *)'r'), 0);
	assert_int_equal(write(pipe_fds[1], "1", 1), 1);
	assert_int_equal(wait_fired(1, 5000), 1);
	assert_int_equal(unregister_ret, 1);
	/* Removed once it returned: the next byte wakes nobody. */
	assert_int_equal(write(pipe_fds[1], "2", 1), 1);
	assert_int_equal(wait_fired(2, 100), 1);
	assert_true(ucb_called);
	assert_int_equal(rte_intr_callback_unregister_sync(self_handle, remove_self, (void *)-1),
			 -ENOENT);
	close(pipe_fds[0]);
	close(pipe_fds[1]);
	rte_intr_instance_free(self_handle);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test_setup(test_alarm_order, setup),
	cmocka_unit_test_setup(test_alarm_cancel, setup),
	cmocka_unit_test_setup(test_alarm_cancel_from_callback, setup),
	cmocka_unit_test_setup(test_alarm_cancel_waits, setup),
	cmocka_unit_test_setup(test_fd_callbacks, setup),
	cmocka_unit_test_setup(test_fd_callback_removes_itself, setup),
};

REGISTER_TEST_GROUP(alarm, tests);
