/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef MP_HARNESS_H
#define MP_HARNESS_H

/*
 * Multi-process tests. The test process spawns helpers (usually this same
 * binary with a role, see REGISTER_MP_ROLE) and talks to each over a pair
 * of pipes: one command line in, one reply line out. Every helper:
 *   - dies with the test process (PR_SET_PDEATHSIG), and on any failure
 *     path the runner kills what is left (mp_cleanup_all after each test);
 *   - is waited for with a bound (mp_wait_exit), killed when it overruns.
 * Each test gets a unique --file-prefix from mp_prefix(); the runner
 * removes those runtime directories after the test.
 *
 * The "eal" role initialises the EAL with the arguments given and then
 * serves commands registered with REGISTER_MP_COMMAND, so most tests are a
 * few mp_spawn_eal() and mp_call() lines; mp_group.h puts them in groups
 * of a primary and secondaries, with checks of their replies.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <sys/types.h>

#include <rte_common.h>

/*
 * Every helper finds its name (the one given to mp_spawn_*) in this
 * environment variable, so that test drivers can act differently in
 * chosen processes.
 */
#define MP_PROC_ENV "LOCKSTEP_TEST_PROC"

/* Longest --file-prefix the harness makes, NUL included. */
#define MP_PREFIX_MAX 64

/*
 * Whether a list of helper names ("[p,s2]", "s1", "all" for every process)
 * names this process: how test drivers pick where to inject a fault.
 */
bool mp_proc_named(const char *list);

/* Default bound for a reply or an exit, in milliseconds. */
#define MP_TIMEOUT_MS 10000

struct mp_proc {
	char name[32];
	pid_t pid;
	int cmd_fd;     /* write: commands to the helper */
	int reply_fd;   /* read: replies from the helper */
	int err_fd;     /* the helper's stderr, a file, when captured; else -1 */
	char rbuf[4096];
	size_t rlen;
	bool reaped;
	int status;     /* waitpid status once reaped */
};

enum {
	MP_CAPTURE_STDERR = 1 << 0, /* keep the helper's stderr for mp_stderr() */
};

/* Spawn argv[0] with argv (NULL-terminated). name labels it in messages. */
struct mp_proc *mp_spawn_argv(const char *name, const char *const argv[], int flags);

/* Spawn this test binary in a role, with extra arguments (NULL-terminated). */
struct mp_proc *mp_spawn_role(const char *name, const char *role,
			      const char *const args[], int flags);

/*
 * Spawn the "eal" role: rte_eal_init(prefix-args + eal_args), then serve
 * commands. Waits for its first line: returns the helper once it replied
 * "ready", NULL when init failed or it did not answer (the helper is then
 * already reaped or killed).
 */
struct mp_proc *mp_spawn_eal(const char *name, const char *prefix,
			     const char *const eal_args[]);

/* mp_spawn_eal with spawn flags (MP_CAPTURE_STDERR). */
struct mp_proc *mp_spawn_eal_flags(const char *name, const char *prefix,
				   const char *const eal_args[], int flags);

/*
 * Run the "eal" role expecting rte_eal_init() to fail. Returns the
 * rte_errno it failed with (0 if it succeeded, -1 if the helper misbehaved)
 * and the helper's stderr in err.
 */
int mp_eal_init_error(const char *prefix, const char *const eal_args[], char *err,
		      size_t size);

/* Send one command line. 0 or -errno. */
int mp_send(struct mp_proc *p, const char *fmt, ...) __rte_format_printf(2, 3);

/*
 * Read the next reply line (without "\n") within timeout_ms. 0, -ETIMEDOUT,
 * or -EPIPE when the helper closed its end (exited).
 */
int mp_recv(struct mp_proc *p, char *buf, size_t size, unsigned int timeout_ms);

/* mp_send then mp_recv with MP_TIMEOUT_MS; the reply in buf. */
int mp_call(struct mp_proc *p, char *buf, size_t size, const char *fmt, ...)
	__rte_format_printf(4, 5);

/*
 * Wait for the helper to exit within timeout_ms. Returns its exit code,
 * 128 + signal when killed by one, or -ETIMEDOUT after killing it.
 */
int mp_wait_exit(struct mp_proc *p, unsigned int timeout_ms);

/* Send a signal to a live helper; after SIGSTOP, wait until it has stopped. */
void mp_kill(struct mp_proc *p, int sig);

/* The captured stderr of a helper (MP_CAPTURE_STDERR), read so far. */
const char *mp_stderr(struct mp_proc *p);

/* Ask a helper to quit ("quit"), wait for it, free it. Its exit code. */
int mp_quit(struct mp_proc *p);

/* Free a reaped helper. */
void mp_free(struct mp_proc *p);

/* Milliseconds, nanoseconds of CLOCK_MONOTONIC: for deadlines and durations. */
uint64_t mp_now_ms(void);
uint64_t mp_now_ns(void);

/* Milliseconds, microseconds of CLOCK_MONOTONIC since start. */
uint64_t mp_ms_since(const struct timespec *start);
uint64_t mp_us_since(const struct timespec *start);

/* A --file-prefix unique to this test run; removed after the test. */
const char *mp_prefix(void);

/* The runtime directory a group of this prefix uses. */
int mp_runtime_dir(const char *prefix, char *buf, size_t size);

/*
 * Remove the runtime directory of a group of this prefix, and the heap file
 * a killed primary left (DPDK leaves its runtime directory even after
 * rte_eal_cleanup).
 */
void mp_remove_runtime_dir(const char *prefix);

/* "--lcores=0@(cpus)": one lcore free to run on every cpu this process may use. */
const char *mp_floating_lcore_option(void);

/* The n-th (0 first) of the cpus mp_floating_lcore_option() offers, or -1. */
int mp_cpu(unsigned int n);

/* Kill and reap every helper still running, remove the prefixes' directories. */
void mp_cleanup_all(void);

/*
 * Helper side. A role is a function run instead of the tests when the
 * binary starts as "lockstep-test --role NAME args...".
 */
typedef int (*mp_role_fn)(int argc, char **argv);

struct mp_role {
	const char *name;
	mp_role_fn fn;
	struct mp_role *next;
};

void mp_role_register(struct mp_role *role);
int mp_role_run(const char *name, int argc, char **argv);

#define REGISTER_MP_ROLE(rname, func) \
	static struct mp_role rname##_mp_role = { .name = #rname, .fn = func }; \
	RTE_INIT(rname##_mp_role_register) \
	{ \
		mp_role_register(&rname##_mp_role); \
	}

/*
 * Commands of the "eal" role: "NAME args..." runs fn(args, reply, size);
 * fn writes its reply line (no newline) and returns 0, or a negative value
 * to make the helper exit with failure after replying.
 */
typedef int (*mp_command_fn)(const char *args, char *reply, size_t size);

struct mp_command {
	const char *name;
	mp_command_fn fn;
	struct mp_command *next;
};

void mp_command_register(struct mp_command *cmd);

#define REGISTER_MP_COMMAND(cname, func) \
	static struct mp_command cname##_mp_command = { .name = #cname, .fn = func }; \
	RTE_INIT(cname##_mp_command_register) \
	{ \
		mp_command_register(&cname##_mp_command); \
	}

/*
 * A command whose reply is the number expr gives ("%d"); expr may use
 * args, the command's arguments.
 */
#define REGISTER_MP_COMMAND_INT(cname, expr) \
	static int cname##_int_command(const char *args, char *reply, size_t size) \
	{ \
		RTE_SET_USED(args); \
		snprintf(reply, size, "%d", (int)(expr)); \
		return 0; \
	} \
	REGISTER_MP_COMMAND(cname, cname##_int_command)

/*
 * The "eal" role itself: rte_eal_init(argc, argv), reply "ready TYPE PID"
 * (or "init-failed ERRNO TEXT"), serve commands until "quit" or the test
 * goes away, rte_eal_cleanup(). Other roles may end by calling it.
 */
int mp_role_eal(int argc, char **argv);

/* In a helper of the "eal" role: how long its rte_eal_init() took. */
extern uint64_t mp_eal_init_us;

/* In a role: read the next command line (blocking); -1 when the test went away. */
int mp_role_recv(char *buf, size_t size);

/* In a role: write one reply line. */
void mp_role_reply(const char *fmt, ...) __rte_format_printf(1, 2);

#endif /* MP_HARNESS_H */
