/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The rte_mp channel between a primary and its secondaries: requests,
 * broadcasts, fds, async requests, dead and stopped peers, malformed
 * datagrams, concurrent requesters, and the rules that keep the handler
 * thread from waiting for itself.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>

#include "eal_mp_wire.h"
#include "mp_harness.h"
#include "test.h"

/* Actions the helpers install on demand. */

/* "test_echo": reply with the request's param followed by " <pid>". */
static int
act_echo(const struct rte_mp_msg *msg, const void *peer)
{
	struct rte_mp_msg r = *msg;
	int n;

	n = snprintf((char *)r.param, sizeof(r.param), "%.*s %d", msg->len_param,
		     (const char *)msg->param, (int)getpid());
	r.len_param = RTE_MIN(n + 1, (int)sizeof(r.param));
	r.num_fds = 0;
	return rte_mp_reply(&r, peer);
}

/* "test_fd": reply with what the passed fd holds, then close it. */
static int
act_fd(const struct rte_mp_msg *msg, const void *peer)
{
	struct rte_mp_msg r;
	ssize_t n = -1;
	int i;

	memset(&r, 0, sizeof(r));
	snprintf(r.name, sizeof(r.name), "%s", msg->name);
	if (msg->num_fds == 1)
		n = pread(msg->fds[0], r.param, sizeof(r.param) - 1, 0);
	for (i = 0; i < msg->num_fds; i++)
		close(msg->fds[i]);
	r.len_param = n > 0 ? (int)n + 1 : 0;
	return rte_mp_reply(&r, peer);
}

/* "test_silent": takes requests and never answers. */
static int
act_silent(const struct rte_mp_msg *msg, const void *peer)
{
	(void)msg;
	(void)peer;
	return 0;
}

/* "test_deadlock": tries a request from the handler thread, answers with the outcome. */
static int
act_deadlock(const struct rte_mp_msg *msg, const void *peer)
{
	struct timespec ts = { .tv_sec = 1 };
	struct rte_mp_reply reply;
	struct rte_mp_msg r = *msg;
	int ret;

	ret = rte_mp_request_sync(&r, &reply, &ts);
	snprintf((char *)r.param, sizeof(r.param), "%d %d", ret, rte_errno);
	r.len_param = (int)strlen((char *)r.param) + 1;
	return rte_mp_reply(&r, peer);
}

/* "test_note": one-way; remembers the last param. */
static char last_note[RTE_MP_MAX_PARAM_LEN];

static int
act_note(const struct rte_mp_msg *msg, const void *peer)
{
	(void)peer;
	snprintf(last_note, sizeof(last_note), "%.*s", msg->len_param, (const char *)msg->param);
	return 0;
}

static int
cmd_mp_on(const char *args, char *reply, size_t size)
{
	static const struct {
		const char *name;
		rte_mp_t fn;
	} actions[] = {
		{ "test_echo", act_echo },
		{ "test_fd", act_fd },
		{ "test_silent", act_silent },
		{ "test_deadlock", act_deadlock },
		{ "test_note", act_note },
	};
	unsigned int i;

	(void)args;
	for (i = 0; i < RTE_DIM(actions); i++) {
		if (rte_mp_action_register(actions[i].name, actions[i].fn) < 0) {
			snprintf(reply, size, "err %s %d", actions[i].name, rte_errno);
			return 0;
		}
	}
	snprintf(reply, size, "ok");
	return 0;
}
REGISTER_MP_COMMAND(mp_on, cmd_mp_on);

static void
msg_init(struct rte_mp_msg *m, const char *name, const char *text)
{
	memset(m, 0, sizeof(*m));
	snprintf(m->name, sizeof(m->name), "%s", name);
	snprintf((char *)m->param, sizeof(m->param), "%s", text);
	m->len_param = (int)strlen(text) + 1;
}

/* Format "ret errno nb_sent nb_received | param | param ..." and free the replies. */
static void
format_reply(int ret, const struct rte_mp_reply *r, char *out, size_t size)
{
	size_t used;
	int i;

	used = (size_t)snprintf(out, size, "%d %d %d %d", ret, ret < 0 ? rte_errno : 0,
				r->nb_sent, r->nb_received);
	for (i = 0; i < r->nb_received && used < size; i++)
		used += (size_t)snprintf(out + used, size - used, " | %.*s",
					 r->msgs[i].len_param, (const char *)r->msgs[i].param);
	free(r->msgs);
}

/* "mp_req NAME TEXT TIMEOUT_MS": a sync request. */
static int
cmd_mp_req(const char *args, char *reply, size_t size)
{
	char name[RTE_MP_MAX_NAME_LEN], text[128];
	struct rte_mp_reply r;
	struct rte_mp_msg m;
	unsigned int ms;
	struct timespec ts;
	int ret;

	if (sscanf(args, "%63s %127s %u", name, text, &ms) != 3)
		return snprintf(reply, size, "usage"), 0;
	msg_init(&m, name, text);
	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (long)(ms % 1000) * 1000000;
	ret = rte_mp_request_sync(&m, &r, &ts);
	format_reply(ret, &r, reply, size);
	return 0;
}
REGISTER_MP_COMMAND(mp_req, cmd_mp_req);

/* "mp_fd_req TEXT": a request carrying a memfd holding TEXT. */
static int
cmd_mp_fd_req(const char *args, char *reply, size_t size)
{
	struct timespec ts = { .tv_sec = 5 };
	struct rte_mp_reply r;
	struct rte_mp_msg m;
	int fd, ret;

	fd = memfd_create("mp-test", MFD_CLOEXEC);
	if (fd < 0 || write(fd, args, strlen(args)) != (ssize_t)strlen(args))
		return snprintf(reply, size, "memfd failed"), 0;
	msg_init(&m, "test_fd", "");
	m.num_fds = 1;
	m.fds[0] = fd;
	ret = rte_mp_request_sync(&m, &r, &ts);
	close(fd);
	format_reply(ret, &r, reply, size);
	return 0;
}
REGISTER_MP_COMMAND(mp_fd_req, cmd_mp_fd_req);

static pthread_mutex_t async_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t async_cond = PTHREAD_COND_INITIALIZER;
static int async_calls;
static char async_result[256];

static int
async_done(const struct rte_mp_msg *request, const struct rte_mp_reply *r)
{
	(void)request;
	pthread_mutex_lock(&async_lock);
	async_calls++;
	snprintf(async_result, sizeof(async_result), "%d %d", r->nb_sent, r->nb_received);
	pthread_cond_broadcast(&async_cond);
	pthread_mutex_unlock(&async_lock);
	return 0;
}

/*
 * "mp_async NAME TIMEOUT_MS": an async request; wait for its callback, then
 * a little more, to see that it comes exactly once. "calls nb_sent nb_received ms".
 */
static int
cmd_mp_async(const char *args, char *reply, size_t size)
{
	char name[RTE_MP_MAX_NAME_LEN];
	struct timespec ts, start, now, until;
	struct rte_mp_msg m;
	unsigned int ms;
	long elapsed;

	if (sscanf(args, "%63s %u", name, &ms) != 2)
		return snprintf(reply, size, "usage"), 0;
	msg_init(&m, name, "async");
	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (long)(ms % 1000) * 1000000;
	pthread_mutex_lock(&async_lock);
	async_calls = 0;
	pthread_mutex_unlock(&async_lock);
	clock_gettime(CLOCK_MONOTONIC, &start);
	if (rte_mp_request_async(&m, &ts, async_done) < 0)
		return snprintf(reply, size, "err %d", rte_errno), 0;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += ms / 1000 + 5;
	pthread_mutex_lock(&async_lock);
	while (async_calls == 0 && pthread_cond_timedwait(&async_cond, &async_lock, &until) == 0)
		;
	pthread_mutex_unlock(&async_lock);
	clock_gettime(CLOCK_MONOTONIC, &now);
	elapsed = (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
	usleep(100 * 1000);
	pthread_mutex_lock(&async_lock);
	snprintf(reply, size, "%d %s %ld", async_calls, async_result, elapsed);
	pthread_mutex_unlock(&async_lock);
	return 0;
}
REGISTER_MP_COMMAND(mp_async, cmd_mp_async);

/* "mp_note TEXT": one-way message to the peers. */
static int
cmd_mp_note(const char *args, char *reply, size_t size)
{
	struct rte_mp_msg m;

	msg_init(&m, "test_note", args);
	snprintf(reply, size, "%d", rte_mp_sendmsg(&m));
	return 0;
}
REGISTER_MP_COMMAND(mp_note, cmd_mp_note);

static int
cmd_mp_last(const char *args, char *reply, size_t size)
{
	(void)args;
	snprintf(reply, size, "%s", last_note);
	return 0;
}
REGISTER_MP_COMMAND(mp_last, cmd_mp_last);

struct conc_arg {
	unsigned int thread;
	unsigned int iterations;
	unsigned int peers;
	int bad;
};

/* Each thread sends its own payloads and checks every reply is to its request. */
static void *
conc_thread(void *p)
{
	struct conc_arg *a = p;
	struct timespec ts = { .tv_sec = 5 };
	char text[64], expect[80];
	unsigned int i;
	int j;

	for (i = 0; i < a->iterations; i++) {
		struct rte_mp_reply r;
		struct rte_mp_msg m;

		snprintf(text, sizeof(text), "t%u-i%u", a->thread, i);
		msg_init(&m, "test_echo", text);
		if (rte_mp_request_sync(&m, &r, &ts) < 0 || r.nb_received != (int)a->peers)
			a->bad++;
		for (j = 0; j < r.nb_received; j++) {
			snprintf(expect, sizeof(expect), "%s ", text);
			if (strncmp((char *)r.msgs[j].param, expect, strlen(expect)) != 0)
				a->bad++;
		}
		free(r.msgs);
	}
	return NULL;
}

/* "mp_concurrent THREADS ITERATIONS PEERS": requests from several threads at once. */
static int
cmd_mp_concurrent(const char *args, char *reply, size_t size)
{
	struct conc_arg a[8];
	pthread_t t[8];
	unsigned int n, iterations, peers, i;
	int bad = 0;

	if (sscanf(args, "%u %u %u", &n, &iterations, &peers) != 3 || n > RTE_DIM(t))
		return snprintf(reply, size, "usage"), 0;
	for (i = 0; i < n; i++) {
		a[i] = (struct conc_arg){ i, iterations, peers, 0 };
		pthread_create(&t[i], NULL, conc_thread, &a[i]);
	}
	for (i = 0; i < n; i++) {
		pthread_join(t[i], NULL);
		bad += a[i].bad;
	}
	snprintf(reply, size, "bad %d", bad);
	return 0;
}
REGISTER_MP_COMMAND(mp_concurrent, cmd_mp_concurrent);

/* "mp_bad_args": the API refuses malformed input; "name errno..." per case. */
static int
cmd_mp_bad_args(const char *args, char *reply, size_t size)
{
	struct timespec ts = { .tv_sec = 1 };
	struct rte_mp_reply r;
	struct rte_mp_msg m;
	int e[7];

	(void)args;
	msg_init(&m, "test_echo", "x");
	memset(m.name, 'n', sizeof(m.name));
	e[0] = rte_mp_request_sync(&m, &r, &ts) < 0 ? rte_errno : 0;
	msg_init(&m, "test_echo", "x");
	m.len_param = RTE_MP_MAX_PARAM_LEN + 1;
	e[1] = rte_mp_sendmsg(&m) < 0 ? rte_errno : 0;
	msg_init(&m, "test_echo", "x");
	m.num_fds = RTE_MP_MAX_FD_NUM + 1;
	e[2] = rte_mp_request_async(&m, &ts, async_done) < 0 ? rte_errno : 0;
	msg_init(&m, "test_echo", "x");
	e[3] = rte_mp_reply(&m, "../etc/passwd@1") < 0 ? rte_errno : 0;
	e[4] = rte_mp_action_register("test_echo", act_echo) < 0 ? rte_errno : 0;
	e[5] = rte_mp_action_register("", act_echo) < 0 ? rte_errno : 0;
	e[6] = rte_mp_action_register("test_null", NULL) < 0 ? rte_errno : 0;
	snprintf(reply, size, "%d %d %d %d %d %d %d", e[0], e[1], e[2], e[3], e[4], e[5], e[6]);
	return 0;
}
REGISTER_MP_COMMAND(mp_bad_args, cmd_mp_bad_args);

static int
cmd_mp_disable(const char *args, char *reply, size_t size)
{
	(void)args;
	snprintf(reply, size, "%d", rte_mp_disable());
	return 0;
}
REGISTER_MP_COMMAND(mp_disable, cmd_mp_disable);

/* The test side. */

static const char *const primary_args[] = { "--no-huge", "-m", "32", NULL };
static const char *const secondary_args[] = { "--no-huge", "--proc-type=secondary", NULL };

static struct mp_proc *
start(const char *prefix, bool primary, const char *name)
{
	struct mp_proc *p = mp_spawn_eal(name, prefix, primary ? primary_args : secondary_args);
	char r[64];

	assert_non_null(p);
	assert_int_equal(mp_call(p, r, sizeof(r), "mp_on"), 0);
	assert_string_equal(r, "ok");
	return p;
}


static int
count_of(const char *s, const char *needle)
{
	int n = 0;

	while ((s = strstr(s, needle)) != NULL) {
		n++;
		s += strlen(needle);
	}
	return n;
}

/* Every socket of the group's directory: a socket, mode 0600; how many. */
static unsigned int
sockets_private(const char *prefix)
{
	char dir[PATH_MAX], path[PATH_MAX + 256];
	unsigned int n = 0;
	struct dirent *e;
	struct stat st;
	DIR *d;

	assert_int_equal(mp_runtime_dir(prefix, dir, sizeof(dir)), 0);
	d = opendir(dir);
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, "mp_socket", 9) != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		assert_int_equal(lstat(path, &st), 0);
		if (!S_ISSOCK(st.st_mode) || (st.st_mode & 0777) != 0600)
			fail_msg("%s: mode %o, expected a socket, 0600", path, st.st_mode);
		n++;
	}
	closedir(d);
	return n;
}

static void
test_request_both_ways(void **state)
{
	const char *prefix = mp_prefix();
	struct mp_proc *p, *s;
	char r[512], expect[64];

	(void)state;
	p = start(prefix, true, "primary");
	s = start(prefix, false, "secondary");
	/* A main and a reply socket each, only the user may use them. */
	assert_int_equal(sockets_private(prefix), 4);
	assert_int_equal(mp_call(p, r, sizeof(r), "mp_req test_echo hello 5000"), 0);
	snprintf(expect, sizeof(expect), "0 0 1 1 | hello %d", (int)s->pid);
	assert_string_equal(r, expect);
	assert_int_equal(mp_call(s, r, sizeof(r), "mp_req test_echo back 5000"), 0);
	snprintf(expect, sizeof(expect), "0 0 1 1 | back %d", (int)p->pid);
	assert_string_equal(r, expect);
	/* A name nobody acts on: the peer says so at once, nothing is counted. */
	assert_int_equal(mp_call(p, r, sizeof(r), "mp_req no_such_action x 5000"), 0);
	assert_string_equal(r, "0 0 0 0");
	assert_int_equal(mp_quit(s), 0);
	assert_int_equal(mp_quit(p), 0);
}

/* One request from the primary reaches 1..8 secondaries, each answering once. */
static void
test_broadcast(void **state)
{
	enum { MAX = 8 };
	const char *prefix = mp_prefix();
	struct mp_proc *p, *s[MAX];
	char r[1024], expect[64];
	unsigned int n, i;

	(void)state;
	p = start(prefix, true, "primary");
	for (n = 1; n <= MAX; n++) {
		s[n - 1] = start(prefix, false, "secondary");
		assert_int_equal(mp_call(p, r, sizeof(r), "mp_req test_echo all 5000"), 0);
		snprintf(expect, sizeof(expect), "0 0 %u %u", n, n);
		assert_true(strncmp(r, expect, strlen(expect)) == 0);
		for (i = 0; i < n; i++) {
			snprintf(expect, sizeof(expect), "| all %d", (int)s[i]->pid);
			assert_int_equal(count_of(r, expect), 1);
		}
	}
	for (i = 0; i < MAX; i++)
		assert_int_equal(mp_quit(s[i]), 0);
	assert_int_equal(mp_quit(p), 0);
}

static void
test_fd_passing(void **state)
{
	const char *prefix = mp_prefix();
	struct mp_proc *p, *s;
	char r[512];

	(void)state;
	p = start(prefix, true, "primary");
	s = start(prefix, false, "secondary");
	assert_int_equal(mp_call(p, r, sizeof(r), "mp_fd_req from-the-primary"), 0);
	assert_string_equal(r, "0 0 1 1 | from-the-primary");
	assert_int_equal(mp_call(s, r, sizeof(r), "mp_fd_req from-a-secondary"), 0);
	assert_string_equal(r, "0 0 1 1 | from-a-secondary");
	assert_int_equal(mp_quit(s), 0);
	assert_int_equal(mp_quit(p), 0);
}

static void
test_async(void **state)
{
	const char *prefix = mp_prefix();
	struct mp_proc *p, *s[3];
	char r[256];
	unsigned int i;
	int calls, sent, received;
	long ms;

	(void)state;
	p = start(prefix, true, "primary");
	for (i = 0; i < RTE_DIM(s); i++)
		s[i] = start(prefix, false, "secondary");
	/* Every reply in: the callback runs once, long before the timeout. */
	assert_int_equal(mp_call(p, r, sizeof(r), "mp_async test_echo 5000"), 0);
	assert_int_equal(sscanf(r, "%d %d %d %ld", &calls, &sent, &received, &ms), 4);
	assert_int_equal(calls, 1);
	assert_int_equal(sent, 3);
	assert_int_equal(received, 3);
	assert_true(ms < 2000);
	/* Nobody answers: the callback runs once, at the timeout. */
	assert_int_equal(mp_call(p, r, sizeof(r), "mp_async test_silent 300"), 0);
	assert_int_equal(sscanf(r, "%d %d %d %ld", &calls, &sent, &received, &ms), 4);
	assert_int_equal(calls, 1);
	assert_int_equal(sent, 3);
	assert_int_equal(received, 0);
	assert_true(ms >= 290);
	/* A secondary's async request to the primary. */
	assert_int_equal(mp_call(s[0], r, sizeof(r), "mp_async test_echo 5000"), 0);
	assert_int_equal(sscanf(r, "%d %d %d %ld", &calls, &sent, &received, &ms), 4);
	assert_int_equal(calls, 1);
	assert_int_equal(received, 1);
	for (i = 0; i < RTE_DIM(s); i++)
		assert_int_equal(mp_quit(s[i]), 0);
	assert_int_equal(mp_quit(p), 0);
}

/* A secondary killed before a broadcast costs nothing: it is found dead at send. */
static void
test_killed_before_broadcast(void **state)
{
	const char *prefix = mp_prefix();
	struct mp_proc *p, *s[3];
	struct timespec start_ts;
	char r[512];
	unsigned int i;

	(void)state;
	p = start(prefix, true, "primary");
	for (i = 0; i < RTE_DIM(s); i++)
		s[i] = start(prefix, false, "secondary");
	mp_kill(s[1], SIGKILL);
	assert_int_equal(mp_wait_exit(s[1], MP_TIMEOUT_MS), 128 + SIGKILL);
	clock_gettime(CLOCK_MONOTONIC, &start_ts);
	assert_int_equal(mp_call(p, r, sizeof(r), "mp_req test_echo x 5000"), 0);
	assert_true(mp_ms_since(&start_ts) < 1000);
	assert_true(strncmp(r, "0 0 2 2 ", 8) == 0);
	mp_free(s[1]);
	assert_int_equal(mp_quit(s[0]), 0);
	assert_int_equal(mp_quit(s[2]), 0);
	assert_int_equal(mp_quit(p), 0);
}

/* A secondary that dies while the primary waits for it ends the wait for it. */
static void
test_killed_while_waiting(void **state)
{
	const char *prefix = mp_prefix();
	struct mp_proc *p, *s;
	struct timespec start_ts;
	char r[512];

	(void)state;
	p = start(prefix, true, "primary");
	s = start(prefix, false, "secondary");
	clock_gettime(CLOCK_MONOTONIC, &start_ts);
	assert_int_equal(mp_send(p, "mp_req test_silent x 5000"), 0);
	usleep(200 * 1000);
	mp_kill(s, SIGKILL);
	assert_int_equal(mp_recv(p, r, sizeof(r), MP_TIMEOUT_MS), 0);
	assert_true(mp_ms_since(&start_ts) < 1500);
	assert_string_equal(r, "0 0 0 0");
	assert_int_equal(mp_wait_exit(s, MP_TIMEOUT_MS), 128 + SIGKILL);
	mp_free(s);
	/* The secondary waiting for a primary that dies is freed the same way. */
	s = start(prefix, false, "secondary-2");
	clock_gettime(CLOCK_MONOTONIC, &start_ts);
	assert_int_equal(mp_send(s, "mp_req test_silent x 5000"), 0);
	usleep(200 * 1000);
	mp_kill(p, SIGKILL);
	assert_int_equal(mp_recv(s, r, sizeof(r), MP_TIMEOUT_MS), 0);
	assert_true(mp_ms_since(&start_ts) < 1500);
	assert_string_equal(r, "0 0 0 0");
	assert_int_equal(mp_quit(s), 0);
	assert_int_equal(mp_wait_exit(p, MP_TIMEOUT_MS), 128 + SIGKILL);
}

/*
 * A stopped secondary costs the timeout and no more; the others' replies
 * still come back, and once it runs again the channel works as before.
 */
static void
test_stopped_secondary(void **state)
{
	const char *prefix = mp_prefix();
	struct mp_proc *p, *s[2];
	struct timespec start_ts;
	char r[512];
	uint64_t ms;

	(void)state;
	p = start(prefix, true, "primary");
	s[0] = start(prefix, false, "secondary-1");
	s[1] = start(prefix, false, "secondary-2");
	mp_kill(s[1], SIGSTOP);
	clock_gettime(CLOCK_MONOTONIC, &start_ts);
	assert_int_equal(mp_call(p, r, sizeof(r), "mp_req test_echo stop 1000"), 0);
	ms = mp_ms_since(&start_ts);
	if (ms < 990 || ms >= 2000)
		fail_msg("a 1000 ms request took %llu ms: %s", (unsigned long long)ms, r);
	assert_true(strncmp(r, "-1 " RTE_STR(ETIMEDOUT) " 2 1 ", 10) == 0);
	mp_kill(s[1], SIGCONT);
	/* Its late reply to the old request is dropped; the next one counts both. */
	assert_int_equal(mp_call(p, r, sizeof(r), "mp_req test_echo again 5000"), 0);
	assert_true(strncmp(r, "0 0 2 2 ", 8) == 0);
	assert_int_equal(count_of(r, "again"), 2);
	assert_int_equal(mp_quit(s[1]), 0);
	assert_int_equal(mp_quit(s[0]), 0);
	assert_int_equal(mp_quit(p), 0);
}

/*
 * Write a datagram straight to the primary's socket sock, from a socket
 * inside the group's directory.
 */
static void
send_raw_to(const char *prefix, const char *sock, const void *buf, size_t len, const int *fds,
	    int nfds)
{
	union {
		char b[CMSG_SPACE(sizeof(int) * 16)];
		struct cmsghdr align;
	} ctrl;
	struct sockaddr_un dst = { .sun_family = AF_UNIX }, src = { .sun_family = AF_UNIX };
	struct iovec iov = { .iov_base = (void *)(uintptr_t)buf, .iov_len = len };
	struct msghdr mh = { .msg_name = &dst, .msg_namelen = sizeof(dst),
			     .msg_iov = &iov, .msg_iovlen = 1 };
	char dir[PATH_MAX];
	int fd;

	assert_int_equal(mp_runtime_dir(prefix, dir, sizeof(dir)), 0);
	assert_true((size_t)snprintf(dst.sun_path, sizeof(dst.sun_path), "%s/%s", dir, sock) <
		    sizeof(dst.sun_path));
	assert_true((size_t)snprintf(src.sun_path, sizeof(src.sun_path), "%s/mp_socket_raw",
				     dir) < sizeof(src.sun_path));
	fd = socket(AF_UNIX, SOCK_DGRAM, 0);
	assert_true(fd >= 0);
	unlink(src.sun_path);
	assert_int_equal(bind(fd, (struct sockaddr *)&src, sizeof(src)), 0);
	if (nfds > 0) {
		struct cmsghdr *c;

		memset(&ctrl, 0, sizeof(ctrl));
		mh.msg_control = ctrl.b;
		mh.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)nfds);
		c = CMSG_FIRSTHDR(&mh);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)nfds);
		memcpy(CMSG_DATA(c), fds, sizeof(int) * (size_t)nfds);
	}
	assert_int_equal(sendmsg(fd, &mh, 0), (ssize_t)len);
	close(fd);
	unlink(src.sun_path);
}

static void
send_raw(const char *prefix, const void *buf, size_t len, const int *fds, int nfds)
{
	send_raw_to(prefix, "mp_socket", buf, len, fds, nfds);
}

static void
wire_init(struct mp_wire *w)
{
	memset(w, 0, sizeof(*w));
	w->magic = MP_WIRE_MAGIC;
	w->type = MP_MSG;
	snprintf(w->name, sizeof(w->name), "test_note");
	w->len_param = 4;
	memcpy(w->param, "bad", 4);
}

/*
 * Malformed datagrams, and anything but replies on a reply socket, are
 * dropped, one log line each, and the primary keeps serving.
 */
static void
test_malformed(void **state)
{
	const char *prefix = mp_prefix();
	struct mp_proc *p, *s;
	struct mp_wire w;
	int fds[10], i, sent = 0;
	char r[512], stderr_text[16384];

	(void)state;
	p = mp_spawn_eal_flags("primary", prefix, primary_args, MP_CAPTURE_STDERR);
	assert_non_null(p);
	assert_int_equal(mp_call(p, r, sizeof(r), "mp_on"), 0);
	s = start(prefix, false, "secondary");

	wire_init(&w);
	send_raw(prefix, &w, 10, NULL, 0); /* short */
	sent++;
	wire_init(&w);
	memset(w.name, 'x', sizeof(w.name));
	send_raw(prefix, &w, sizeof(w), NULL, 0); /* unterminated name */
	sent++;
	wire_init(&w);
	w.len_param = RTE_MP_MAX_PARAM_LEN + 1;
	send_raw(prefix, &w, sizeof(w), NULL, 0); /* bad length */
	sent++;
	wire_init(&w);
	w.len_param = -1;
	send_raw(prefix, &w, sizeof(w), NULL, 0);
	sent++;
	wire_init(&w);
	w.type = 77;
	send_raw(prefix, &w, sizeof(w), NULL, 0); /* unknown type */
	sent++;
	wire_init(&w);
	w.magic = 0;
	send_raw(prefix, &w, sizeof(w), NULL, 0); /* not ours */
	sent++;
	for (i = 0; i < 10; i++)
		fds[i] = open("/dev/null", O_RDONLY);
	wire_init(&w);
	w.num_fds = 8;
	send_raw(prefix, &w, sizeof(w), fds, 10); /* too many fds */
	sent++;
	wire_init(&w);
	w.num_fds = 1;
	send_raw(prefix, &w, sizeof(w), fds, 2); /* count mismatch */
	sent++;
	for (i = 0; i < 10; i++)
		close(fds[i]);
	/* Valid, but not a reply: the reply socket takes nothing else. */
	wire_init(&w);
	send_raw_to(prefix, "mp_socket_r", &w, sizeof(w), NULL, 0);
	sent++;
	w.type = MP_REQ;
	w.id = 1;
	send_raw_to(prefix, "mp_socket_r", &w, sizeof(w), NULL, 0);
	sent++;

	/* Still serving, and a valid datagram from the same place still works. */
	assert_int_equal(mp_call(s, r, sizeof(r), "mp_req test_echo alive 5000"), 0);
	assert_true(strncmp(r, "0 0 1 1 | alive", 15) == 0);
	/* This request reads its reply socket, and drops the two above. */
	assert_int_equal(mp_call(p, r, sizeof(r), "mp_req test_echo alive 5000"), 0);
	assert_true(strncmp(r, "0 0 1 1 | alive", 15) == 0);
	wire_init(&w);
	send_raw(prefix, &w, sizeof(w), NULL, 0);
	/* One-way: the handler thread takes it when it gets to it. */
	for (i = 0; i < 100; i++) {
		assert_int_equal(mp_call(p, r, sizeof(r), "mp_last"), 0);
		if (strcmp(r, "bad") == 0)
			break;
		usleep(10 * 1000);
	}
	assert_string_equal(r, "bad");
	assert_int_equal(mp_quit(s), 0);
	assert_int_equal(mp_send(p, "quit"), 0);
	assert_int_equal(mp_wait_exit(p, MP_TIMEOUT_MS), 0);
	snprintf(stderr_text, sizeof(stderr_text), "%s", mp_stderr(p));
	mp_free(p);
	assert_int_equal(count_of(stderr_text, "rte_mp: dropped a message"), sent);
	assert_int_equal(count_of(stderr_text, "not a reply, sent to a reply socket"), 2);
}

static void
test_concurrent_threads(void **state)
{
	const char *prefix = mp_prefix();
	struct mp_proc *p, *s[2];
	char r[128];

	(void)state;
	p = start(prefix, true, "primary");
	s[0] = start(prefix, false, "secondary-1");
	s[1] = start(prefix, false, "secondary-2");
	assert_int_equal(mp_call(p, r, sizeof(r), "mp_concurrent 4 200 2"), 0);
	assert_string_equal(r, "bad 0");
	assert_int_equal(mp_call(s[0], r, sizeof(r), "mp_concurrent 4 200 1"), 0);
	assert_string_equal(r, "bad 0");
	assert_int_equal(mp_quit(s[0]), 0);
	assert_int_equal(mp_quit(s[1]), 0);
	assert_int_equal(mp_quit(p), 0);
}

/* A sync request from the handler thread fails with EDEADLK instead of hanging. */
static void
test_deadlock_refused(void **state)
{
	const char *prefix = mp_prefix();
	struct mp_proc *p, *s;
	char r[256];

	(void)state;
	p = start(prefix, true, "primary");
	s = start(prefix, false, "secondary");
	assert_int_equal(mp_call(p, r, sizeof(r), "mp_req test_deadlock x 5000"), 0);
	assert_string_equal(r, "0 0 1 1 | -1 " RTE_STR(EDEADLK));
	assert_int_equal(mp_quit(s), 0);
	assert_int_equal(mp_quit(p), 0);
}

/* One-way messages arrive when the handler thread gets to them: ask until then. */
static void
expect_note(struct mp_proc *p, const char *note)
{
	char r[256];
	int i;

	for (i = 0; i < 100; i++) {
		assert_int_equal(mp_call(p, r, sizeof(r), "mp_last"), 0);
		if (strcmp(r, note) == 0)
			return;
		usleep(10 * 1000);
	}
	assert_string_equal(r, note);
}

static void
test_sendmsg_and_bad_args(void **state)
{
	const char *prefix = mp_prefix();
	struct mp_proc *p, *s[2];
	char r[256], expect[128];

	(void)state;
	p = start(prefix, true, "primary");
	s[0] = start(prefix, false, "secondary-1");
	s[1] = start(prefix, false, "secondary-2");
	assert_int_equal(mp_call(p, r, sizeof(r), "mp_note to-all"), 0);
	assert_string_equal(r, "0");
	expect_note(s[0], "to-all");
	expect_note(s[1], "to-all");
	assert_int_equal(mp_call(s[0], r, sizeof(r), "mp_note up"), 0);
	expect_note(p, "up");

	assert_int_equal(mp_call(p, r, sizeof(r), "mp_bad_args"), 0);
	snprintf(expect, sizeof(expect), "%d %d %d %d %d %d %d", ENAMETOOLONG, E2BIG, E2BIG,
		 EINVAL, EEXIST, EINVAL, EINVAL);
	assert_string_equal(r, expect);
	assert_int_equal(mp_quit(s[0]), 0);
	assert_int_equal(mp_quit(s[1]), 0);
	assert_int_equal(mp_quit(p), 0);
}

/* rte_mp_disable: only before a secondary joined; then none may join. */
static void
test_mp_disable(void **state)
{
	const char *prefix = mp_prefix(), *prefix2 = mp_prefix();
	struct mp_proc *p, *s;
	char r[64], err[4096];

	(void)state;
	p = start(prefix, true, "primary");
	assert_int_equal(mp_call(p, r, sizeof(r), "mp_disable"), 0);
	assert_string_equal(r, "1");
	assert_int_equal(mp_eal_init_error(prefix, secondary_args, err, sizeof(err)), EPERM);
	assert_non_null(strstr(err, "disabled multi-process"));
	assert_int_equal(mp_quit(p), 0);

	p = start(prefix2, true, "primary-2");
	s = start(prefix2, false, "secondary");
	assert_int_equal(mp_call(p, r, sizeof(r), "mp_disable"), 0);
	assert_string_equal(r, "0");
	assert_int_equal(mp_quit(s), 0);
	assert_int_equal(mp_quit(p), 0);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_request_both_ways),
	cmocka_unit_test(test_broadcast),
	cmocka_unit_test(test_fd_passing),
	cmocka_unit_test(test_async),
	cmocka_unit_test(test_killed_before_broadcast),
	cmocka_unit_test(test_killed_while_waiting),
	cmocka_unit_test(test_stopped_secondary),
	cmocka_unit_test(test_malformed),
	cmocka_unit_test(test_concurrent_threads),
	cmocka_unit_test(test_deadlock_refused),
	cmocka_unit_test(test_sendmsg_and_bad_args),
	cmocka_unit_test(test_mp_disable),
};

REGISTER_TEST_GROUP(mp_ipc, tests);
