/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/* The example applications, run as a user would run them. */

#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mp_harness.h"
#include "test.h"

static void
example_path(const char *name, char *buf, size_t size)
{
	const char *dir = getenv("LOCKSTEP_EXAMPLES_DIR");

	if (dir == NULL)
		TEST_SKIP("LOCKSTEP_EXAMPLES_DIR is not set (run through meson test)");
	snprintf(buf, size, "%s/%s", dir, name);
}

/* helloworld -l 0-1 --no-huge: one hello from each lcore, exit 0. */
static void
test_helloworld(void **state)
{
	char path[PATH_MAX], prefix_opt[96], line[256];
	const char *argv[] = { path, "-l", "0-1", "--no-huge", prefix_opt, NULL };
	bool from0 = false, from1 = false;
	unsigned int lines = 0;
	cpu_set_t set;
	struct mp_proc *p;

	(void)state;
	sched_getaffinity(0, sizeof(set), &set);
	if (!CPU_ISSET(0, &set) || !CPU_ISSET(1, &set))
		TEST_SKIP("needs cpus 0 and 1");
	example_path("helloworld", path, sizeof(path));
	snprintf(prefix_opt, sizeof(prefix_opt), "--file-prefix=%s", mp_prefix());
	p = mp_spawn_argv("helloworld", argv, 0);
	assert_non_null(p);
	while (mp_recv(p, line, sizeof(line), MP_TIMEOUT_MS) == 0) {
		from0 |= strcmp(line, "hello from core 0") == 0;
		from1 |= strcmp(line, "hello from core 1") == 0;
		lines++;
	}
	assert_int_equal(mp_wait_exit(p, MP_TIMEOUT_MS), 0);
	mp_free(p);
	assert_true(from0);
	assert_true(from1);
	assert_int_equal(lines, 2);
}

/* Start hotplug_mp as LABEL in the group prefix, with one more EAL option if not NULL. */
static struct mp_proc *
hotplug_mp_start(const char *path, const char *prefix_opt, const char *label, const char *opt)
{
	const char *argv[] = { path, "--no-huge", prefix_opt, "--proc-type=auto",
			       mp_floating_lcore_option(), opt != NULL ? opt : "--no-pci", "--",
			       "--label", label, NULL };
	struct mp_proc *p = mp_spawn_argv(label, argv, 0);

	assert_non_null(p);
	return p;
}

/*
 * Send a command; its answer must be exactly these lines. An unknown
 * command follows it, whose answer marks the end of the first one's: no
 * line may come in between, and the next step starts only once this
 * command is finished (a list still printing would see the next attach).
 */
static void
expect_lines(struct mp_proc *p, const char *cmd, const char *const lines[])
{
	char line[512];

	assert_int_equal(mp_send(p, "%s\nend-of-answer", cmd), 0);
	for (; *lines != NULL; lines++) {
		assert_int_equal(mp_recv(p, line, sizeof(line), MP_TIMEOUT_MS), 0);
		if (strcmp(line, *lines) != 0)
			fail_msg("%s, after '%s': got '%s', expected '%s'", p->name, cmd, line,
				 *lines);
	}
	assert_int_equal(mp_recv(p, line, sizeof(line), MP_TIMEOUT_MS), 0);
	if (strcmp(line, "Command not found") != 0)
		fail_msg("%s, after '%s': got '%s', expected the end of its answer", p->name,
			 cmd, line);
}

/*
 * status: the header, one line per process that answered (devices last),
 * the count of those that did not, and the verdict.
 */
static void
expect_status(struct mp_proc *p, unsigned int nprocs, unsigned int silent, const char *devices,
	      const char *verdict)
{
	char line[512], expect[128];
	unsigned int i;

	assert_int_equal(mp_send(p, "status"), 0);
	assert_int_equal(mp_recv(p, line, sizeof(line), MP_TIMEOUT_MS), 0);
	assert_true(strncmp(line, "process", 7) == 0);
	for (i = 0; i < nprocs - silent; i++) {
		assert_int_equal(mp_recv(p, line, sizeof(line), MP_TIMEOUT_MS), 0);
		assert_true(strlen(line) > strlen(devices));
		if (strcmp(line + strlen(line) - strlen(devices), devices) != 0)
			fail_msg("%s: status line '%s' does not end with '%s'", p->name, line, devices);
	}
	if (silent > 0) {
		assert_int_equal(mp_recv(p, line, sizeof(line), MP_TIMEOUT_MS), 0);
		snprintf(expect, sizeof(expect), "%u process(es) did not answer in 5 s: "
			 "devices unknown", silent);
		assert_string_equal(line, expect);
	}
	assert_int_equal(mp_recv(p, line, sizeof(line), MP_TIMEOUT_MS), 0);
	snprintf(expect, sizeof(expect), "%u process(es), %s", nprocs, verdict);
	assert_string_equal(line, expect);
}

/*
 * The hotplug_mp CLI in a primary and two secondaries, through pipes:
 * every command's answer (DPDK's words), status after a failure rolled
 * back and with a stopped process.
 */
static void
test_hotplug_mp_cli(void **state)
{
	char path[PATH_MAX], prefix_opt[96], line[512];
	struct mp_proc *p, *a, *b, *c;
	bool disagree;
	unsigned int i;

	(void)state;
	example_path("hotplug_mp", path, sizeof(path));
	snprintf(prefix_opt, sizeof(prefix_opt), "--file-prefix=%s", mp_prefix());
	p = hotplug_mp_start(path, prefix_opt, "P", NULL);
	/* The primary must be up before the others choose their type. */
	expect_lines(p, "list", (const char *[]){ "list all etherdev", NULL });
	a = hotplug_mp_start(path, prefix_opt, "A", NULL);
	b = hotplug_mp_start(path, prefix_opt, "B", NULL);

	expect_lines(p, "help", (const char *[]){ "commands:", "- attach <devargs>",
		"- detach <devargs>", "- list", "- status", "- quit", "", NULL });
	expect_lines(p, "attach net_null0", (const char *[]){ "attached device net_null0", NULL });
	expect_lines(a, "list", (const char *[]){ "list all etherdev", "0\tnet_null0", NULL });
	expect_lines(b, "attach net_null1", (const char *[]){ "attached device net_null1", NULL });
	expect_lines(p, "list", (const char *[]){
		"list all etherdev", "0\tnet_null0", "1\tnet_null1", NULL });
	expect_status(a, 3, 0, "net_null0 net_null1", "all consistent");
	expect_lines(a, "detach net_null0", (const char *[]){
		"detaching...", "detached device net_null0", NULL });
	expect_lines(b, "list", (const char *[]){ "list all etherdev", "1\tnet_null1", NULL });

	/* Fails in B: rolled back everywhere, in the primary too. */
	expect_lines(a, "attach fault0,fail_in=B", (const char *[]){
		"failed to attached device fault0", NULL });
	expect_status(p, 3, 0, "net_null1", "all consistent");
	expect_status(b, 3, 0, "net_null1", "all consistent");

	expect_lines(b, "attach bogus_bus:x", (const char *[]){ "cannot parse devargs", NULL });
	expect_lines(a, "detach net_null0", (const char *[]){
		"detaching...", "failed to detach device net_null0", NULL });
	expect_lines(p, "bogus", (const char *[]){ "Command not found", NULL });

	/* A stopped process is counted, not dropped. */
	mp_kill(b, SIGSTOP);
	expect_status(a, 3, 1, "net_null1", "consistency unknown");
	mp_kill(b, SIGCONT);
	expect_status(p, 3, 0, "net_null1", "all consistent");

	/* A device of C's own (--vdev, probed in C only): C is flagged, the group inconsistent. */
	c = hotplug_mp_start(path, prefix_opt, "C", "--vdev=fault9");
	expect_lines(c, "list", (const char *[]){ "list all etherdev", "1\tnet_null1", NULL });
	assert_int_equal(mp_send(p, "status"), 0);
	for (disagree = false, i = 0; i < 5; i++) {
		assert_int_equal(mp_recv(p, line, sizeof(line), MP_TIMEOUT_MS), 0);
		if (strncmp(line, "C ", 2) == 0)
			disagree = strstr(line, "<- DISAGREES with the primary, also has fault9") !=
				   NULL;
	}
	assert_true(disagree);
	assert_int_equal(mp_recv(p, line, sizeof(line), MP_TIMEOUT_MS), 0);
	assert_string_equal(line, "4 process(es), NOT consistent");
	assert_int_equal(mp_send(c, "quit"), 0);
	assert_int_equal(mp_wait_exit(c, MP_TIMEOUT_MS), 0);

	assert_int_equal(mp_send(b, "quit"), 0);
	assert_int_equal(mp_wait_exit(b, MP_TIMEOUT_MS), 0);
	assert_int_equal(mp_send(a, "quit"), 0);
	assert_int_equal(mp_wait_exit(a, MP_TIMEOUT_MS), 0);
	assert_int_equal(mp_send(p, "quit"), 0);
	assert_int_equal(mp_wait_exit(p, MP_TIMEOUT_MS), 0);
}

/*
 * "--lcores=IDS@(cpus)": lcores IDS ("1", "(0,1)"), each free to run on
 * every cpu this test may use, so that processes share the cpus however
 * few there are.
 */
static const char *
floating_lcores(const char *ids, char *buf, size_t size)
{
	snprintf(buf, size, "--lcores=%s%s", ids, strchr(mp_floating_lcore_option(), '@'));
	return buf;
}

/* Read lines until one starts with prefix; it is left in line. */
static void
expect_prefix(struct mp_proc *p, const char *prefix, char *line, size_t size)
{
	for (;;) {
		if (mp_recv(p, line, size, MP_TIMEOUT_MS) < 0)
			fail_msg("%s: no line starting with '%s'", p->name, prefix);
		if (strncmp(line, prefix, strlen(prefix)) == 0)
			return;
	}
}

/* The next line must be exactly this. */
static void
expect_line(struct mp_proc *p, const char *expect)
{
	char line[512];

	if (mp_recv(p, line, sizeof(line), MP_TIMEOUT_MS) < 0)
		fail_msg("%s: no line, expected '%s'", p->name, expect);
	if (strcmp(line, expect) != 0)
		fail_msg("%s: got '%s', expected '%s'", p->name, line, expect);
}

static struct mp_proc *
simple_mp_start(const char *path, const char *prefix_opt, const char *type)
{
	char lcores[1100], type_opt[32], ready[64], line[256];
	const char *argv[] = { path, "--no-huge", prefix_opt, type_opt,
			       floating_lcores("(0,1)", lcores, sizeof(lcores)), NULL };
	struct mp_proc *p;

	snprintf(type_opt, sizeof(type_opt), "--proc-type=%s", type);
	p = mp_spawn_argv(type, argv, 0);
	assert_non_null(p);
	snprintf(ready, sizeof(ready), "simple_mp %s: core 1 receives", type);
	expect_prefix(p, ready, line, sizeof(line));
	return p;
}

/*
 * simple_mp: a primary and a secondary send each other messages through
 * the rings and pool the primary made; bad sends are refused with a reason.
 */
static void
test_simple_mp(void **state)
{
	char path[PATH_MAX], prefix_opt[96], long_msg[300], cmd[320];
	struct mp_proc *p, *s;

	(void)state;
	example_path("simple_mp", path, sizeof(path));
	snprintf(prefix_opt, sizeof(prefix_opt), "--file-prefix=%s", mp_prefix());
	p = simple_mp_start(path, prefix_opt, "primary");
	s = simple_mp_start(path, prefix_opt, "secondary");

	assert_int_equal(mp_send(p, "send hello from the primary"), 0);
	expect_line(s, "core 1: received 'hello from the primary'");
	assert_int_equal(mp_send(s, "send and back"), 0);
	expect_line(p, "core 1: received 'and back'");
	assert_int_equal(mp_send(p, "send second"), 0);
	assert_int_equal(mp_send(p, "send third"), 0);
	expect_line(s, "core 1: received 'second'");
	expect_line(s, "core 1: received 'third'");

	memset(long_msg, 'x', sizeof(long_msg) - 1);
	long_msg[sizeof(long_msg) - 1] = '\0';
	snprintf(cmd, sizeof(cmd), "send %s", long_msg);
	assert_int_equal(mp_send(s, "%s", cmd), 0);
	expect_line(s, "message too long: 299 characters, at most 255");
	assert_int_equal(mp_send(s, "send"), 0);
	expect_line(s, "Bad arguments");

	assert_int_equal(mp_send(s, "quit"), 0);
	assert_int_equal(mp_wait_exit(s, MP_TIMEOUT_MS), 0);
	assert_int_equal(mp_send(p, "quit"), 0);
	assert_int_equal(mp_wait_exit(p, MP_TIMEOUT_MS), 0);
}

/* Read "process K: port P: rx N tx N dropped N" for each of nb_ports ports. */
static void
expect_symmetric_counts(struct mp_proc *p, unsigned int proc, unsigned int nb_ports,
			bool traffic)
{
	unsigned long rx, tx, dropped;
	unsigned int k, port, i;
	char line[256], prefix[64];

	snprintf(prefix, sizeof(prefix), "process %u: stopping", proc);
	expect_prefix(p, prefix, line, sizeof(line));
	for (i = 0; i < nb_ports; i++) {
		assert_int_equal(mp_recv(p, line, sizeof(line), MP_TIMEOUT_MS), 0);
		if (sscanf(line, "process %u: port %u: rx %lu tx %lu dropped %lu", &k, &port, &rx,
			   &tx, &dropped) != 5)
			fail_msg("%s: '%s' is not a count line", p->name, line);
		assert_int_equal(k, proc);
		assert_int_equal(port, i);
		if (traffic)
			assert_true(rx > 0 && tx > 0);
	}
}

static struct mp_proc *
symmetric_mp_start(const char *path, const char *prefix_opt, unsigned int proc,
		   const char *const ports[], const char *duration)
{
	char lcores[1100], id[16], name[16], line[256], ready[64];
	const char *argv[16] = { path, "--no-huge", prefix_opt };
	unsigned int n = 3;
	struct mp_proc *p;

	snprintf(id, sizeof(id), "%u", proc);
	/* Distinct lcore ids: the processes share the mbuf pool and its per-lcore caches. */
	argv[n++] = floating_lcores(id, lcores, sizeof(lcores));
	argv[n++] = proc == 0 ? "--proc-type=primary" : "--proc-type=secondary";
	for (; ports != NULL && *ports != NULL; ports++)
		argv[n++] = *ports;
	argv[n++] = "--";
	argv[n++] = "--num-procs";
	argv[n++] = "2";
	argv[n++] = "--proc-id";
	argv[n++] = id;
	if (duration != NULL) {
		argv[n++] = "--duration";
		argv[n++] = duration;
	}
	argv[n] = NULL;
	snprintf(name, sizeof(name), "proc%u", proc);
	p = mp_spawn_argv(name, argv, 0);
	assert_non_null(p);
	snprintf(ready, sizeof(ready), "process %u (%s): forwarding on queue %u of 2 ports", proc,
		 proc == 0 ? "primary" : "secondary", proc);
	expect_prefix(p, ready, line, sizeof(line));
	return p;
}

/*
 * Two symmetric_mp processes over two ports with two queues each: the
 * secondary stops after --duration, the primary at SIGTERM; both print
 * their counts and exit 0. traffic: the counts must be non-zero.
 */
static void
run_symmetric_mp(const char *const ports[], bool traffic)
{
	char path[PATH_MAX], prefix_opt[96];
	struct mp_proc *p, *s;

	example_path("symmetric_mp", path, sizeof(path));
	snprintf(prefix_opt, sizeof(prefix_opt), "--file-prefix=%s", mp_prefix());
	p = symmetric_mp_start(path, prefix_opt, 0, ports, NULL);
	s = symmetric_mp_start(path, prefix_opt, 1, NULL, "1");

	expect_symmetric_counts(s, 1, 2, traffic);
	assert_int_equal(mp_wait_exit(s, MP_TIMEOUT_MS), 0);
	/* The primary goes last: its exit releases the ports the others use. */
	mp_kill(p, SIGTERM);
	expect_symmetric_counts(p, 0, 2, traffic);
	assert_int_equal(mp_wait_exit(p, MP_TIMEOUT_MS), 0);
}

/* symmetric_mp over two net_ring loopbacks: the default one (16 pairs), one of 2 nodeactions. */
static void
test_symmetric_mp_ring(void **state)
{
	static const char *const ports[] = {
		"--vdev=net_ring0",
		"--vdev=net_ring1,nodeaction=r1q0:0:CREATE,nodeaction=r1q1:0:CREATE",
		NULL,
	};

	(void)state;
	run_symmetric_mp(ports, false);
}

/* symmetric_mp over net_null, whose Rx always delivers: both processes forward. */
static void
test_symmetric_mp_null(void **state)
{
	static const char *const ports[] = { "--vdev=net_null0", "--vdev=net_null1", NULL };

	(void)state;
	run_symmetric_mp(ports, true);
}

/* A secondary whose --num-procs differs from the primary's refuses to start. */
static void
test_symmetric_mp_mismatch(void **state)
{
	static const char *const ports[] = { "--vdev=net_null0", "--vdev=net_null1", NULL };
	char path[PATH_MAX], prefix_opt[96], lcores[1100];
	const char *argv[] = { path, "--no-huge", prefix_opt, "--proc-type=secondary",
			       floating_lcores("1", lcores, sizeof(lcores)), "--", "--num-procs",
			       "3", "--proc-id", "1", NULL };
	struct mp_proc *p, *s;

	(void)state;
	example_path("symmetric_mp", path, sizeof(path));
	snprintf(prefix_opt, sizeof(prefix_opt), "--file-prefix=%s", mp_prefix());
	p = symmetric_mp_start(path, prefix_opt, 0, ports, NULL);
	s = mp_spawn_argv("bad", argv, MP_CAPTURE_STDERR);
	assert_non_null(s);
	assert_int_equal(mp_wait_exit(s, MP_TIMEOUT_MS), 1);
	if (strstr(mp_stderr(s), "--num-procs 3 needs 3") == NULL)
		fail_msg("unexpected error: %s", mp_stderr(s));
	mp_kill(p, SIGTERM);
	expect_symmetric_counts(p, 0, 2, true);
	assert_int_equal(mp_wait_exit(p, MP_TIMEOUT_MS), 0);
}

/* mp_client CLIENT_ID on lcore CLIENT_ID + 1 (the server has lcore 0), for 2 s. */
static struct mp_proc *
mp_client_start(const char *path, const char *prefix_opt, unsigned int id)
{
	char lcores[1100], lcore[16], client[16], name[16], line[256], ready[64];
	const char *argv[] = { path, "--no-huge", prefix_opt, "--proc-type=secondary", lcores,
			       "--", "-n", client, "--duration", "2", NULL };
	struct mp_proc *p;

	snprintf(lcore, sizeof(lcore), "%u", id + 1);
	floating_lcores(lcore, lcores, sizeof(lcores));
	snprintf(client, sizeof(client), "%u", id);
	snprintf(name, sizeof(name), "client%u", id);
	p = mp_spawn_argv(name, argv, 0);
	assert_non_null(p);
	snprintf(ready, sizeof(ready), "client %u: sending on Tx queue %u of 2 ports", id, id);
	expect_prefix(p, ready, line, sizeof(line));
	return p;
}

/*
 * client_server_mp: mp_server over two net_null ports with two clients
 * for about 2 seconds. Everybody exits 0 and prints counts; the server
 * gave packets to both clients, and they sent them.
 */
static void
test_client_server_mp(void **state)
{
	char server_path[PATH_MAX], client_path[PATH_MAX], prefix_opt[96], lcores[1100];
	const char *argv[] = { server_path, "--no-huge", prefix_opt,
			       floating_lcores("0", lcores, sizeof(lcores)), "--vdev=net_null0",
			       "--vdev=net_null1", "--", "-n", "2", "--duration", "3",
			       "--stats-period", "0", NULL };
	unsigned long rx, tx, dropped, enqueued, full, received, sent, lost, total, given;
	struct mp_proc *server, *client[2];
	unsigned int i, id, port;
	char line[256];

	(void)state;
	example_path("mp_server", server_path, sizeof(server_path));
	example_path("mp_client", client_path, sizeof(client_path));
	snprintf(prefix_opt, sizeof(prefix_opt), "--file-prefix=%s", mp_prefix());
	server = mp_spawn_argv("server", argv, 0);
	assert_non_null(server);
	expect_prefix(server, "server: distributing packets from 2 ports to 2 clients", line,
		      sizeof(line));
	for (i = 0; i < 2; i++)
		client[i] = mp_client_start(client_path, prefix_opt, i);

	for (i = 0; i < 2; i++) {
		assert_int_equal(mp_recv(client[i], line, sizeof(line), MP_TIMEOUT_MS), 0);
		if (sscanf(line, "client %u: received %lu sent %lu dropped %lu", &id, &rx, &tx,
			   &dropped) != 4)
			fail_msg("client%u: '%s' is not its count line", i, line);
		assert_int_equal(id, i);
		assert_true(rx > 0);
		assert_true(tx + dropped == rx);
		assert_int_equal(mp_wait_exit(client[i], MP_TIMEOUT_MS), 0);
	}

	expect_prefix(server, "final stats:", line, sizeof(line));
	for (i = 0; i < 2; i++) {
		assert_int_equal(mp_recv(server, line, sizeof(line), MP_TIMEOUT_MS), 0);
		if (sscanf(line, "port %u: rx %lu", &port, &rx) != 2)
			fail_msg("server: '%s' is not a port line", line);
		assert_true(rx > 0);
	}
	for (i = 0; i < 2; i++) {
		assert_int_equal(mp_recv(server, line, sizeof(line), MP_TIMEOUT_MS), 0);
		if (sscanf(line, "client %u: enqueued %lu ring_full %lu | received %lu sent %lu "
			   "dropped %lu", &id, &enqueued, &full, &received, &sent, &lost) != 6)
			fail_msg("server: '%s' is not a client line", line);
		assert_int_equal(id, i);
		assert_true(enqueued > 0);
		assert_true(received > 0 && received <= enqueued);
	}
	assert_int_equal(mp_recv(server, line, sizeof(line), MP_TIMEOUT_MS), 0);
	if (sscanf(line, "total: rx %lu distributed %lu", &total, &given) != 2)
		fail_msg("server: '%s' is not the total line", line);
	assert_true(given > 0 && given <= total);
	assert_int_equal(mp_wait_exit(server, MP_TIMEOUT_MS), 0);
}

/* skeleton over two net_null ports for 1 second: it forwards, then exits 0. */
static void
test_skeleton(void **state)
{
	char path[PATH_MAX], prefix_opt[96], line[256];
	const char *argv[] = { path, "--no-huge", prefix_opt, mp_floating_lcore_option(),
			       "--vdev=net_null0", "--vdev=net_null1", "--", "--duration", "1",
			       NULL };
	unsigned long forwarded;
	struct mp_proc *p;

	(void)state;
	example_path("skeleton", path, sizeof(path));
	snprintf(prefix_opt, sizeof(prefix_opt), "--file-prefix=%s", mp_prefix());
	p = mp_spawn_argv("skeleton", argv, 0);
	assert_non_null(p);
	expect_prefix(p, "port 0: MAC ", line, sizeof(line));
	assert_non_null(strstr(line, "Link up"));
	expect_prefix(p, "port 1: MAC ", line, sizeof(line));
	expect_prefix(p, "forwarded ", line, sizeof(line));
	assert_int_equal(sscanf(line, "forwarded %lu packets", &forwarded), 1);
	assert_true(forwarded > 0);
	assert_int_equal(mp_wait_exit(p, MP_TIMEOUT_MS), 0);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_helloworld),
	cmocka_unit_test(test_hotplug_mp_cli),
	cmocka_unit_test(test_simple_mp),
	cmocka_unit_test(test_symmetric_mp_ring),
	cmocka_unit_test(test_symmetric_mp_null),
	cmocka_unit_test(test_symmetric_mp_mismatch),
	cmocka_unit_test(test_client_server_mp),
	cmocka_unit_test(test_skeleton),
};

REGISTER_TEST_GROUP(examples, tests);
