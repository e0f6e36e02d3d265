/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_string_fns.h>

#include "mp_harness.h"

/*
 * The harness also serves the benchmark built against DPDK (app/bench,
 * -Dbench_dpdk=true): Lockstep's internals are used only in a Lockstep
 * build, which rte_build_config.h marks with LOCKSTEP_VERSION.
 */
#ifdef LOCKSTEP_VERSION
#include "eal_memcfg.h"
#include "eal_private.h"
#endif

#define MP_MAX_PROCS 64
#define MP_MAX_PREFIXES 32
#define MP_MAX_ARGS 64

static struct mp_proc *procs[MP_MAX_PROCS];
/* The cpus helpers may use: this process's at the first mp_floating_lcore_option(). */
static cpu_set_t allowed;
static char prefixes[MP_MAX_PREFIXES][MP_PREFIX_MAX];
static unsigned int nb_prefixes;
static unsigned int prefix_counter;

static struct mp_role *roles;
static struct mp_command *commands;

uint64_t
mp_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000 + (uint64_t)ts.tv_nsec;
}

uint64_t
mp_now_ms(void)
{
	return mp_now_ns() / 1000000;
}

uint64_t
mp_us_since(const struct timespec *start)
{
	struct timespec now;
	int64_t us;

	clock_gettime(CLOCK_MONOTONIC, &now);
	us = (int64_t)(now.tv_sec - start->tv_sec) * 1000000 +
	     ((int64_t)now.tv_nsec - (int64_t)start->tv_nsec) / 1000;
	return us > 0 ? (uint64_t)us : 0;
}

uint64_t
mp_ms_since(const struct timespec *start)
{
	return mp_us_since(start) / 1000;
}

static int
track(struct mp_proc *p)
{
	unsigned int i;

	for (i = 0; i < MP_MAX_PROCS; i++) {
		if (procs[i] == NULL) {
			procs[i] = p;
			return 0;
		}
	}
	return -ENOSPC;
}

static void
untrack(struct mp_proc *p)
{
	unsigned int i;

	for (i = 0; i < MP_MAX_PROCS; i++) {
		if (procs[i] == p)
			procs[i] = NULL;
	}
}

extern char **environ;

/* The environment for a helper: ours, with LOCKSTEP_TEST_PROC=name (see mp_harness.h). */
static char **
helper_environ(const char *name, char *own, size_t size)
{
	size_t n = 0, i, j = 0;
	char **env;

	while (environ[n] != NULL)
		n++;
	env = calloc(n + 2, sizeof(*env));
	if (env == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if (strncmp(environ[i], MP_PROC_ENV "=", strlen(MP_PROC_ENV) + 1) != 0)
			env[j++] = environ[i];
	}
	snprintf(own, size, MP_PROC_ENV "=%s", name);
	env[j] = own;
	return env;
}

struct mp_proc *
mp_spawn_argv(const char *name, const char *const argv[], int flags)
{
	int cmd[2] = { -1, -1 }, rep[2] = { -1, -1 };
	pid_t parent = getpid();
	char own_env[64];
	char **env = NULL;
	struct mp_proc *p;

	p = calloc(1, sizeof(*p));
	if (p == NULL)
		return NULL;
	rte_strlcpy(p->name, name, sizeof(p->name));
	p->err_fd = -1;
	if (pipe2(cmd, O_CLOEXEC) < 0 || pipe2(rep, O_CLOEXEC) < 0)
		goto fail;
	if (flags & MP_CAPTURE_STDERR) {
		p->err_fd = memfd_create("mp-stderr", MFD_CLOEXEC);
		if (p->err_fd < 0)
			goto fail;
	}
	/* Built before fork: the child may only exec. */
	env = helper_environ(name, own_env, sizeof(own_env));
	if (env == NULL)
		goto fail;
	mp_floating_lcore_option(); /* reads the cpus the helper gets */
	p->pid = fork();
	if (p->pid < 0)
		goto fail;
	if (p->pid == 0) {
		/* Die with the test; if it is already gone, do not start at all. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(127);
		if (dup2(cmd[0], STDIN_FILENO) < 0 || dup2(rep[1], STDOUT_FILENO) < 0)
			_exit(127);
		if (p->err_fd >= 0 && dup2(p->err_fd, STDERR_FILENO) < 0)
			_exit(127);
		/* Every cpu of the option, even if the spawning thread is pinned (the bench's is). */
		sched_setaffinity(0, sizeof(allowed), &allowed);
		execve(argv[0], (char *const *)(uintptr_t)argv, env);
		_exit(127);
	}
	free(env);
	close(cmd[0]);
	close(rep[1]);
	p->cmd_fd = cmd[1];
	p->reply_fd = rep[0];
	if (track(p) < 0) {
		mp_kill(p, SIGKILL);
		mp_wait_exit(p, MP_TIMEOUT_MS);
		mp_free(p);
		return NULL;
	}
	return p;
fail:
	fprintf(stderr, "mp: cannot spawn %s: %s\n", name, strerror(errno));
	if (cmd[0] >= 0) {
		close(cmd[0]);
		close(cmd[1]);
	}
	if (rep[0] >= 0) {
		close(rep[0]);
		close(rep[1]);
	}
	if (p->err_fd >= 0)
		close(p->err_fd);
	free(env);
	free(p);
	return NULL;
}

static const char *
self_exe(void)
{
	static char path[PATH_MAX];
	ssize_t n;

	if (path[0] != '\0')
		return path;
	n = readlink("/proc/self/exe", path, sizeof(path) - 1);
	if (n <= 0)
		return NULL;
	path[n] = '\0';
	return path;
}

struct mp_proc *
mp_spawn_role(const char *name, const char *role, const char *const args[], int flags)
{
	const char *argv[MP_MAX_ARGS];
	unsigned int n = 0;

	argv[n++] = self_exe();
	argv[n++] = "--role";
	argv[n++] = role;
	while (args != NULL && *args != NULL && n < MP_MAX_ARGS - 1)
		argv[n++] = *args++;
	argv[n] = NULL;
	if (argv[0] == NULL)
		return NULL;
	return mp_spawn_argv(name, argv, flags);
}

static bool
has_lcore_option(const char *const args[])
{
	for (; args != NULL && *args != NULL; args++) {
		if (strcmp(*args, "-l") == 0 || strcmp(*args, "-c") == 0 ||
		    strncmp(*args, "--lcores", 8) == 0)
			return true;
	}
	return false;
}

/*
 * One lcore that may float over every cpu the test may use: helpers do not
 * pile onto cpu 0 and start no worker threads they do not need.
 */
int
mp_cpu(unsigned int n)
{
	int cpu;

	mp_floating_lcore_option();
	for (cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		if (CPU_ISSET(cpu, &allowed) && n-- == 0)
			return cpu;
	}
	return -1;
}

const char *
mp_floating_lcore_option(void)
{
	static char opt[1024];
	size_t used;
	unsigned int cpu;

	if (opt[0] != '\0')
		return opt;
	sched_getaffinity(0, sizeof(allowed), &allowed);
	used = (size_t)snprintf(opt, sizeof(opt), "--lcores=0@(");
	for (cpu = 0; cpu < CPU_SETSIZE && used < sizeof(opt); cpu++) {
		if (CPU_ISSET(cpu, &allowed))
			used += (size_t)snprintf(opt + used, sizeof(opt) - used, "%u,", cpu);
	}
	if (used < sizeof(opt))
		opt[used - 1] = ')';
	return opt;
}

/* "--file-prefix=P", a floating lcore unless the test chose lcores, then eal_args. */
static void
eal_role_args(const char *prefix, const char *const eal_args[], const char *args[],
	      char *prefix_opt, size_t prefix_size)
{
	unsigned int n = 0;

	snprintf(prefix_opt, prefix_size, "--file-prefix=%s", prefix);
	args[n++] = prefix_opt;
	if (!has_lcore_option(eal_args))
		args[n++] = mp_floating_lcore_option();
	while (eal_args != NULL && *eal_args != NULL && n < MP_MAX_ARGS - 1)
		args[n++] = *eal_args++;
	args[n] = NULL;
}

/* Read lines until "ready" (0) or "init-failed ERRNO" (ERRNO); -1 otherwise. */
static int
eal_role_outcome(struct mp_proc *p)
{
	char line[512];

	for (;;) {
		if (mp_recv(p, line, sizeof(line), MP_TIMEOUT_MS) < 0) {
			fprintf(stderr, "mp: %s gave no ready line\n", p->name);
			return -1;
		}
		if (strncmp(line, "ready", 5) == 0)
			return 0;
		if (strncmp(line, "init-failed ", 12) == 0) {
			fprintf(stderr, "mp: %s: %s\n", p->name, line);
			return atoi(line + 12);
		}
	}
}

struct mp_proc *
mp_spawn_eal(const char *name, const char *prefix, const char *const eal_args[])
{
	return mp_spawn_eal_flags(name, prefix, eal_args, 0);
}

struct mp_proc *
mp_spawn_eal_flags(const char *name, const char *prefix, const char *const eal_args[],
		   int flags)
{
	const char *args[MP_MAX_ARGS];
	char prefix_opt[MP_PREFIX_MAX + 16];
	struct mp_proc *p;

	eal_role_args(prefix, eal_args, args, prefix_opt, sizeof(prefix_opt));
	p = mp_spawn_role(name, "eal", args, flags);
	if (p == NULL)
		return NULL;
	if (eal_role_outcome(p) == 0)
		return p;
	mp_wait_exit(p, MP_TIMEOUT_MS);
	mp_free(p);
	return NULL;
}

int
mp_eal_init_error(const char *prefix, const char *const eal_args[], char *err, size_t size)
{
	const char *args[MP_MAX_ARGS];
	char prefix_opt[MP_PREFIX_MAX + 16];
	struct mp_proc *p;
	int ret;

	eal_role_args(prefix, eal_args, args, prefix_opt, sizeof(prefix_opt));
	p = mp_spawn_role("failing", "eal", args, MP_CAPTURE_STDERR);
	if (p == NULL)
		return -1;
	ret = eal_role_outcome(p);
	if (ret == 0)
		mp_send(p, "quit");
	if (mp_wait_exit(p, MP_TIMEOUT_MS) < 0)
		ret = -1;
	snprintf(err, size, "%s", mp_stderr(p));
	mp_free(p);
	return ret;
}

int
mp_send(struct mp_proc *p, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(buf, sizeof(buf) - 1, fmt, ap);
	va_end(ap);
	if (len < 0 || (size_t)len >= sizeof(buf) - 1)
		return -ENAMETOOLONG;
	buf[len++] = '\n';
	/* The runner ignores SIGPIPE: a helper that exited gives EPIPE here. */
	return write(p->cmd_fd, buf, (size_t)len) == len ? 0 : -errno;
}

int
mp_recv(struct mp_proc *p, char *buf, size_t size, unsigned int timeout_ms)
{
	uint64_t deadline = mp_now_ms() + timeout_ms;

	for (;;) {
		char *nl = memchr(p->rbuf, '\n', p->rlen);
		struct pollfd pfd = { .fd = p->reply_fd, .events = POLLIN };
		uint64_t now;
		ssize_t n;

		if (nl != NULL) {
			size_t len = (size_t)(nl - p->rbuf);

			snprintf(buf, size, "%.*s", (int)len, p->rbuf);
			memmove(p->rbuf, nl + 1, p->rlen - len - 1);
			p->rlen -= len + 1;
			return 0;
		}
		if (p->rlen == sizeof(p->rbuf))
			p->rlen = 0; /* a line longer than the buffer: drop it */
		now = mp_now_ms();
		if (now >= deadline)
			return -ETIMEDOUT;
		if (poll(&pfd, 1, (int)(deadline - now)) <= 0)
			continue;
		n = read(p->reply_fd, p->rbuf + p->rlen, sizeof(p->rbuf) - p->rlen);
		if (n == 0)
			return -EPIPE;
		if (n > 0)
			p->rlen += (size_t)n;
	}
}

int
mp_call(struct mp_proc *p, char *buf, size_t size, const char *fmt, ...)
{
	char cmd[1024];
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	if (ret < 0 || (size_t)ret >= sizeof(cmd))
		return -ENAMETOOLONG;
	ret = mp_send(p, "%s", cmd);
	if (ret < 0)
		return ret;
	ret = mp_recv(p, buf, size, MP_TIMEOUT_MS);
	if (ret < 0)
		fprintf(stderr, "mp: %s: no reply to '%s' (%s)\n", p->name, cmd, strerror(-ret));
	return ret;
}

static int
exit_code(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return -1;
}

int
mp_wait_exit(struct mp_proc *p, unsigned int timeout_ms)
{
	uint64_t deadline = mp_now_ms() + timeout_ms;

	while (!p->reaped) {
		pid_t r = waitpid(p->pid, &p->status, WNOHANG);

		if (r == p->pid) {
			p->reaped = true;
			break;
		}
		if (r < 0 && errno != EINTR)
			return -errno;
		if (mp_now_ms() >= deadline) {
			fprintf(stderr, "mp: %s (pid %d) did not exit within %u ms, killing it\n",
				p->name, (int)p->pid, timeout_ms);
			kill(p->pid, SIGKILL);
			waitpid(p->pid, &p->status, 0);
			p->reaped = true;
			return -ETIMEDOUT;
		}
		usleep(1000);
	}
	return exit_code(p->status);
}

void
mp_kill(struct mp_proc *p, int sig)
{
	int st;

	if (p->reaped)
		return;
	kill(p->pid, sig);
	/* Return once every thread has stopped, not merely once the signal is queued. */
	if (sig == SIGSTOP && waitpid(p->pid, &st, WUNTRACED) == p->pid && !WIFSTOPPED(st)) {
		p->status = st;
		p->reaped = true;
	}
}

const char *
mp_stderr(struct mp_proc *p)
{
	static char text[16384];
	ssize_t n;

	text[0] = '\0';
	if (p->err_fd < 0)
		return text;
	n = pread(p->err_fd, text, sizeof(text) - 1, 0);
	text[n > 0 ? n : 0] = '\0';
	return text;
}

int
mp_quit(struct mp_proc *p)
{
	int ret;

	mp_send(p, "quit");
	ret = mp_wait_exit(p, MP_TIMEOUT_MS);
	mp_free(p);
	return ret;
}

void
mp_free(struct mp_proc *p)
{
	if (p == NULL)
		return;
	if (!p->reaped) {
		kill(p->pid, SIGKILL);
		waitpid(p->pid, &p->status, 0);
	}
	untrack(p);
	close(p->cmd_fd);
	close(p->reply_fd);
	if (p->err_fd >= 0)
		close(p->err_fd);
	free(p);
}

const char *
mp_prefix(void)
{
	char *prefix;

	if (nb_prefixes == MP_MAX_PREFIXES)
		return NULL;
	prefix = prefixes[nb_prefixes++];
	snprintf(prefix, MP_PREFIX_MAX, "lst_%d_%u", (int)getpid(), prefix_counter++);
	return prefix;
}

bool
mp_proc_named(const char *list)
{
	const char *me = getenv(MP_PROC_ENV);
	char *copy, *tok, *save = NULL;
	bool found = false;

	if (list == NULL)
		return false;
	copy = strdup(list);
	if (copy == NULL)
		return false;
	for (tok = strtok_r(copy, "[],", &save); tok != NULL && !found;
	     tok = strtok_r(NULL, "[],", &save))
		found = strcmp(tok, "all") == 0 || (me != NULL && strcmp(tok, me) == 0);
	free(copy);
	return found;
}

int
mp_runtime_dir(const char *prefix, char *buf, size_t size)
{
	char base[PATH_MAX];
	int n;

#ifdef LOCKSTEP_VERSION
	if (eal_runtime_base_dir(base, sizeof(base)) < 0)
		return -ENAMETOOLONG;
#else
	/* DPDK's rule. */
	const char *xdg = getenv("XDG_RUNTIME_DIR");

	if (geteuid() == 0)
		snprintf(base, sizeof(base), "/var/run/dpdk");
	else
		snprintf(base, sizeof(base), "%s/dpdk", xdg != NULL ? xdg : "/tmp");
#endif
	n = snprintf(buf, size, "%s/%s", base, prefix);
	return (n < 0 || (size_t)n >= size) ? -ENAMETOOLONG : 0;
}

static int
remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	remove(path);
	return 0;
}

/* A killed primary leaves its heap file; the group's config says where. */
static void
remove_heap_file(const char *dir)
{
#ifdef LOCKSTEP_VERSION
	struct eal_config_hdr hdr;
	char path[PATH_MAX];
	int fd;

	if (snprintf(path, sizeof(path), "%s/config", dir) >= (int)sizeof(path))
		return;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	if (pread(fd, &hdr, sizeof(hdr), 0) == (ssize_t)sizeof(hdr) &&
	    hdr.version == EAL_CONFIG_VERSION && memchr(hdr.heap_path, '\0', sizeof(hdr.heap_path)))
		unlink(hdr.heap_path);
	close(fd);
#else
	RTE_SET_USED(dir);
#endif
}

void
mp_remove_runtime_dir(const char *prefix)
{
	char dir[PATH_MAX];

	if (mp_runtime_dir(prefix, dir, sizeof(dir)) == 0) {
		remove_heap_file(dir);
		nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	}
}

void
mp_cleanup_all(void)
{
	unsigned int i;

	for (i = 0; i < MP_MAX_PROCS; i++) {
		if (procs[i] != NULL)
			mp_free(procs[i]);
	}
	for (i = 0; i < nb_prefixes; i++)
		mp_remove_runtime_dir(prefixes[i]);
	nb_prefixes = 0;
}

void
mp_role_register(struct mp_role *role)
{
	role->next = roles;
	roles = role;
}

int
mp_role_run(const char *name, int argc, char **argv)
{
	struct mp_role *r;

	for (r = roles; r != NULL; r = r->next) {
		if (strcmp(r->name, name) == 0)
			return r->fn(argc, argv);
	}
	fprintf(stderr, "no role '%s'\n", name);
	return 127;
}

void
mp_command_register(struct mp_command *cmd)
{
	cmd->next = commands;
	commands = cmd;
}

int
mp_role_recv(char *buf, size_t size)
{
	if (fgets(buf, (int)size, stdin) == NULL)
		return -1;
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

void
mp_role_reply(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

static const char *
proc_type_name(void)
{
	return rte_eal_process_type() == RTE_PROC_PRIMARY ? "primary" : "secondary";
}

uint64_t mp_eal_init_us;

int
mp_role_eal(int argc, char **argv)
{
	char line[1024], reply[1024];
	struct timespec start;
	int status = 0, ret;

	clock_gettime(CLOCK_MONOTONIC, &start);
	ret = rte_eal_init(argc, argv);
	mp_eal_init_us = mp_us_since(&start);
	if (ret < 0) {
		mp_role_reply("init-failed %d %s", rte_errno, rte_strerror(rte_errno));
		return 1;
	}
	mp_role_reply("ready %s %d", proc_type_name(), (int)getpid());
	while (mp_role_recv(line, sizeof(line)) == 0) {
		const char *args = line + strcspn(line, " ");
		size_t name_len = (size_t)(args - line);
		struct mp_command *c;

		while (*args == ' ')
			args++;
		if (strcmp(line, "quit") == 0)
			break;
		if (strcmp(line, "ping") == 0) {
			mp_role_reply("pong %s", proc_type_name());
			continue;
		}
		for (c = commands; c != NULL; c = c->next) {
			if (strlen(c->name) == name_len && strncmp(c->name, line, name_len) == 0)
				break;
		}
		if (c == NULL) {
			mp_role_reply("unknown-command %.*s", (int)name_len, line);
			continue;
		}
		reply[0] = '\0';
		if (c->fn(args, reply, sizeof(reply)) < 0)
			status = 1;
		mp_role_reply("%s", reply);
		if (status != 0)
			break;
	}
	rte_eal_cleanup();
	return status;
}
REGISTER_MP_ROLE(eal, mp_role_eal);
