/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Alarms: a list sorted by due time and one timerfd armed for the first,
 * watched by the interrupt thread, where the callbacks run. The list is
 * process-local, protected by alarms.lock; an alarm stays in the list,
 * marked executing, while its callback runs, so that a cancel from
 * another thread can wait for it.
 */

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#include <rte_alarm.h>
#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_interrupts.h>
#include <rte_log.h>
#include <rte_os.h>

#include "eal_private.h"

struct alarm {
	LIST_ENTRY(alarm) next;
	uint64_t due_ns;            /* CLOCK_MONOTONIC */
	rte_eal_alarm_callback cb;
	void *arg;
	bool executing;
	pthread_t executor;
};

static struct {
	pthread_mutex_t lock;
	pthread_cond_t done;        /* an alarm finished executing */
	LIST_HEAD(, alarm) list;
	struct rte_intr_handle *handle;
} alarms = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.done = PTHREAD_COND_INITIALIZER,
	.list = LIST_HEAD_INITIALIZER(alarms.list),
};

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
}

/* Called with the lock held: arm the timer for the first alarm not yet running. */
static void
timer_arm(void)
{
	struct itimerspec its;
	struct alarm *a;

	memset(&its, 0, sizeof(its));
	LIST_FOREACH(a, &alarms.list, next) {
		if (a->executing)
			continue;
		/* 0 would disarm the timer: a due alarm fires in 1 ns instead. */
		its.it_value.tv_sec = (time_t)(a->due_ns / NS_PER_S);
		its.it_value.tv_nsec = (long)RTE_MAX(a->due_ns % NS_PER_S, (uint64_t)1);
		break;
	}
	timerfd_settime(rte_intr_fd_get(alarms.handle), TFD_TIMER_ABSTIME, &its, NULL);
}

int
rte_eal_alarm_set(uint64_t us, rte_eal_alarm_callback cb_fn, void *cb_arg)
{
	struct alarm *a, *pos, *last = NULL;

	if (cb_fn == NULL || us > UINT64_MAX / 1000 / 2)
		return -EINVAL;
	if (alarms.handle == NULL)
		return -ENOTSUP;
	a = calloc(1, sizeof(*a));
	if (a == NULL)
		return -ENOMEM;
	a->due_ns = now_ns() + us * 1000;
	a->cb = cb_fn;
	a->arg = cb_arg;

	pthread_mutex_lock(&alarms.lock);
	/* Sorted by due time; equal times keep the order they were set in. */
	LIST_FOREACH(pos, &alarms.list, next) {
		if (pos->due_ns > a->due_ns)
			break;
		last = pos;
	}
	if (last == NULL)
		LIST_INSERT_HEAD(&alarms.list, a, next);
	else
		LIST_INSERT_AFTER(last, a, next);
	timer_arm();
	pthread_mutex_unlock(&alarms.lock);
	return 0;
}

int
rte_eal_alarm_cancel(rte_eal_alarm_callback cb_fn, void *cb_arg)
{
	struct alarm *a, *tmp;
	bool busy_elsewhere;
	int count = 0;

	if (cb_fn == NULL) {
		rte_errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&alarms.lock);
	do {
		busy_elsewhere = false;
		LIST_FOREACH_SAFE(a, &alarms.list, next, tmp) {
			if (a->cb != cb_fn || (cb_arg != (void *)-1 && a->arg != cb_arg))
				continue;
			if (!a->executing) {
				LIST_REMOVE(a, next);
				free(a);
				count++;
			} else if (pthread_equal(a->executor, pthread_self())) {
				/* Cancelling itself from its callback: it is already running. */
				rte_errno = EINPROGRESS;
				count++;
			} else {
				busy_elsewhere = true;
			}
		}
		if (busy_elsewhere)
			pthread_cond_wait(&alarms.done, &alarms.lock);
	} while (busy_elsewhere);
	timer_arm();
	pthread_mutex_unlock(&alarms.lock);
	if (count == 0)
		rte_errno = ENOENT;
	return count;
}

/* On the interrupt thread: run every due alarm, in order. */
static void
alarms_fire(void *arg)
{
	uint64_t expirations;
	struct alarm *a;

	RTE_SET_USED(arg);
	if (read(rte_intr_fd_get(alarms.handle), &expirations, sizeof(expirations)) < 0 &&
	    errno != EAGAIN)
		RTE_LOG(ERR, EAL, "alarm timer read: %s\n", strerror(errno));

	pthread_mutex_lock(&alarms.lock);
	for (;;) {
		LIST_FOREACH(a, &alarms.list, next) {
			if (!a->executing)
				break;
		}
		if (a == NULL || a->due_ns > now_ns())
			break;
		a->executing = true;
		a->executor = pthread_self();
		pthread_mutex_unlock(&alarms.lock);
		a->cb(a->arg);
		pthread_mutex_lock(&alarms.lock);
		LIST_REMOVE(a, next);
		free(a);
		pthread_cond_broadcast(&alarms.done);
	}
	timer_arm();
	pthread_mutex_unlock(&alarms.lock);
}

int
eal_alarm_init(void)
{
	int fd, ret;

	alarms.handle = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	if (alarms.handle == NULL)
		return -ENOMEM;
	fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	if (fd < 0) {
		RTE_LOG(ERR, EAL, "cannot create the alarm timer: %s\n", strerror(errno));
		ret = -errno;
		goto fail;
	}
	rte_intr_fd_set(alarms.handle, fd);
	rte_intr_type_set(alarms.handle, RTE_INTR_HANDLE_ALARM);
	ret = rte_intr_callback_register(alarms.handle, alarms_fire, NULL);
	if (ret == 0)
		return 0;
	close(fd);
fail:
	rte_intr_instance_free(alarms.handle);
	alarms.handle = NULL;
	return ret;
}

void
eal_alarm_cleanup(void)
{
	struct alarm *a;

	if (alarms.handle == NULL)
		return;
	/* Once this returns, alarms_fire is not running and never will again. */
	rte_intr_callback_unregister_sync(alarms.handle, alarms_fire, NULL);
	pthread_mutex_lock(&alarms.lock);
	while ((a = LIST_FIRST(&alarms.list)) != NULL) {
		LIST_REMOVE(a, next);
		free(a);
	}
	pthread_mutex_unlock(&alarms.lock);
	close(rte_intr_fd_get(alarms.handle));
	rte_intr_instance_free(alarms.handle);
	alarms.handle = NULL;
}
