/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * EAL command-line options: every option in its valid and invalid forms,
 * through the parser rte_eal_init() uses. An invalid form must give one
 * log line, the usage, -1, and leave the configuration at its defaults.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_log.h>

#include "eal_internal_cfg.h"
#include "eal_private.h"
#include "test.h"

#define MAX_ARGS 12

struct parse_result {
	int ret;
	unsigned int log_lines;
	char log[1024];
	bool usage_printed;
};

/*
 * Parse "prog args..." into cfg, capturing the log (one line expected on
 * error) and stdout (the usage).
 */
static void
parse(const char *const args[], struct internal_config *cfg, struct parse_result *r)
{
	char *argv[MAX_ARGS + 2], *logbuf;
	struct test_capture log;
	int out = memfd_create("stdout", 0);
	int saved_stdout = dup(STDOUT_FILENO);
	char usage[64] = "";
	unsigned int argc = 0;
	const char *c;

	assert_true(out >= 0 && saved_stdout >= 0);
	test_capture_open(&log);
	argv[argc++] = "prog";
	for (; *args != NULL; args++)
		argv[argc++] = (char *)(uintptr_t)*args;
	argv[argc] = NULL;

	fflush(stdout);
	dup2(out, STDOUT_FILENO);
	rte_openlog_stream(log.f);
	r->ret = eal_options_parse((int)argc, argv, cfg);
	rte_openlog_stream(NULL);
	fflush(stdout);
	dup2(saved_stdout, STDOUT_FILENO);
	close(saved_stdout);

	logbuf = test_capture_close(&log);
	snprintf(r->log, sizeof(r->log), "%s", logbuf);
	free(logbuf);
	r->log_lines = 0;
	for (c = r->log; *c != '\0'; c++)
		r->log_lines += *c == '\n';
	if (pread(out, usage, sizeof(usage) - 1, 0) < 0)
		usage[0] = '\0';
	r->usage_printed = strstr(usage, "Usage:") != NULL;
	close(out);
}

struct option_case {
	const char *args[MAX_ARGS];
	bool valid;
};

static const struct option_case cases[] = {
	/* -l */
	{ { "-l", "0" }, true },
	{ { "-l", "0-3,5" }, true },
	{ { "-l", "3-1" }, true },
	{ { "-l", "" }, false },
	{ { "-l", "a" }, false },
	{ { "-l", "0," }, false },
	{ { "-l", "1-" }, false },
	{ { "-l", "0-1x" }, false },
	{ { "-l", RTE_STR(RTE_MAX_LCORE) }, false },
	{ { "-l", "(0,1)" }, false },
	{ { "-l" }, false },
	{ { "-l", "0", "-l", "1" }, false },
	/* -c */
	{ { "-c", "0x3" }, true },
	{ { "-c", "f" }, true },
	{ { "-c", "0X10" }, true },
	{ { "-c", "0x0" }, false },
	{ { "-c", "" }, false },
	{ { "-c", "0x" }, false },
	{ { "-c", "xyz" }, false },
	{ { "-c", "0x1g" }, false },
	{ { "-c", "0x100000000000000000000000000000000" }, false },
	{ { "-c", "0x3", "-l", "0" }, false },
	/* --lcores */
	{ { "--lcores", "0-1" }, true },
	{ { "--lcores=(0,1)@(0)" }, true },
	{ { "--lcores=0@1,1@0" }, true },
	{ { "--lcores=1,2@(5-7),(3-5)@(0,2),(0,6),7-8" }, true },
	{ { "--lcores=0@" }, false },
	{ { "--lcores=(0" }, false },
	{ { "--lcores=0@(1" }, false },
	{ { "--lcores=@1" }, false },
	{ { "--lcores=0,0" }, false },
	{ { "--lcores=0@a" }, false },
	{ { "--lcores=0;1" }, false },
	{ { "--lcores" }, false },
	{ { "--lcores=0", "-c", "1" }, false },
	/* --main-lcore */
	{ { "-l", "0-1", "--main-lcore", "1" }, true },
	{ { "--main-lcore=0" }, true },
	{ { "-l", "0-1", "--main-lcore", "2" }, false },
	{ { "--main-lcore", "x" }, false },
	{ { "--main-lcore", "-1" }, false },
	{ { "--main-lcore", RTE_STR(RTE_MAX_LCORE) }, false },
	/* -n */
	{ { "-n", "4" }, true },
	{ { "-n", "0" }, false },
	{ { "-n", "x" }, false },
	{ { "-n", "-1" }, false },
	/* -m */
	{ { "-m", "64" }, true },
	{ { "-m", "0" }, false },
	{ { "-m", "1x" }, false },
	{ { "-m", "" }, false },
	{ { "-m", "-5" }, false },
	{ { "-m", "99999999999" }, false },
	/* --proc-type */
	{ { "--proc-type=primary" }, true },
	{ { "--proc-type=secondary" }, true },
	{ { "--proc-type=auto" }, true },
	{ { "--proc-type=sec" }, false },
	{ { "--proc-type=" }, false },
	{ { "--proc-type" }, false },
	/* --file-prefix */
	{ { "--file-prefix=abc_1" }, true },
	{ { "--file-prefix=" }, false },
	{ { "--file-prefix=a/b" }, false },
	{ { "--file-prefix=." }, false },
	{ { "--file-prefix=.." }, false },
	{ { "--file-prefix=a\tb" }, false },
	{ { "--file-prefix=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }, false },
	/* --huge-dir, --no-huge, --no-pci */
	{ { "--huge-dir=/dev/hugepages" }, true },
	{ { "--huge-dir=" }, false },
	{ { "--no-huge" }, true },
	{ { "--no-huge=1" }, false },
	{ { "--no-pci" }, true },
	/* -a, -b, --vdev */
	{ { "-a", "0000:00:01.0" }, true },
	{ { "--allow=0000:00:01.0,key=val" }, true },
	{ { "-a", "" }, false },
	{ { "-b", "00:02.0" }, true },
	{ { "--block", "" }, false },
	{ { "-a", "00:01.0", "-b", "00:02.0" }, false },
	{ { "--vdev=net_null0" }, true },
	{ { "--vdev", "net_ring0,nodeaction=r0:0:CREATE" }, true },
	{ { "--vdev=" }, false },
	/* --log-level */
	{ { "--log-level=8" }, true },
	{ { "--log-level=debug" }, true },
	{ { "--log-level=err" }, true },
	{ { "--log-level=lib.eal:debug" }, true },
	{ { "--log-level=pmd.*:7" }, true },
	{ { "--log-level=lib\\.eal,8" }, true },
	{ { "--log-level=9" }, false },
	{ { "--log-level=0" }, false },
	{ { "--log-level=foo" }, false },
	{ { "--log-level=lib.eal:" }, false },
	{ { "--log-level=lib.eal:bogus" }, false },
	{ { "--log-level=:8" }, false },
	{ { "--log-level=[,8" }, false },
	{ { "--log-level=" }, false },
	/* --base-virtaddr */
	{ { "--base-virtaddr=0x300000000000" }, true },
	{ { "--base-virtaddr=300000000000" }, true },
	{ { "--base-virtaddr=0" }, false },
	{ { "--base-virtaddr=zz" }, false },
	{ { "--base-virtaddr=0x1001" }, false },
	{ { "--base-virtaddr=" }, false },
	{ { "--base-virtaddr=-0x1000" }, false },
	/* --mp-timeout */
	{ { "--mp-timeout=5" }, true },
	{ { "--mp-timeout", "0.5" }, true },
	{ { "--mp-timeout=1.250" }, true },
	{ { "--mp-timeout=0" }, false },
	{ { "--mp-timeout=0.0" }, false },
	{ { "--mp-timeout=-1" }, false },
	{ { "--mp-timeout=1." }, false },
	{ { "--mp-timeout=.5" }, false },
	{ { "--mp-timeout=1.2345" }, false },
	{ { "--mp-timeout=abc" }, false },
	{ { "--mp-timeout=3601" }, false },
	/* --iova-mode */
	{ { "--iova-mode=pa" }, true },
	{ { "--iova-mode", "va" }, true },
	{ { "--iova-mode=VA" }, false },
	{ { "--iova-mode=dc" }, false },
	{ { "--iova-mode=" }, false },
	{ { "--iova-mode" }, false },
	/* -v, unknown options */
	{ { "-v" }, true },
	{ { "--bogus" }, false },
	{ { "-z" }, false },
};

static void
test_option_forms(void **state)
{
	struct internal_config cfg, defaults;
	struct parse_result r;
	unsigned int i, bad = 0;

	(void)state;
	eal_internal_config_init(&defaults);
	for (i = 0; i < RTE_DIM(cases); i++) {
		const struct option_case *c = &cases[i];
		bool ok;

		parse(c->args, &cfg, &r);
		ok = (r.ret >= 0) == c->valid;
		if (!c->valid) {
			/* One clear line and the usage; nothing kept. */
			ok = ok && r.log_lines == 1 && r.usage_printed &&
			     memcmp(&cfg, &defaults, offsetof(struct internal_config, devopts)) == 0 &&
			     TAILQ_EMPTY(&cfg.devopts) && TAILQ_EMPTY(&cfg.loglevels);
		} else {
			ok = ok && r.log_lines == 0;
		}
		if (!ok) {
			bad++;
			print_error("case %u (%s %s %s ...): ret %d, %u log line(s): %s\n", i,
				    c->args[0], c->args[1] ? c->args[1] : "",
				    c->args[1] && c->args[2] ? c->args[2] : "",
				    r.ret, r.log_lines, r.log);
		}
		eal_internal_config_free(&cfg);
	}
	assert_int_equal(bad, 0);
}

static void
expect_lcores(const struct internal_config *cfg, const char *enabled_list)
{
	char buf[256];
	rte_cpuset_t set;
	unsigned int i;

	CPU_ZERO(&set);
	for (i = 0; i < RTE_MAX_LCORE; i++) {
		if (cfg->lcore_enabled[i])
			CPU_SET(i, &set);
	}
	eal_cpuset_format(&set, buf, sizeof(buf));
	assert_string_equal(buf, enabled_list);
}

static void
expect_cpus(const struct internal_config *cfg, unsigned int lcore, const char *cpus)
{
	char buf[256];

	eal_cpuset_format(&cfg->lcore_cpus[lcore], buf, sizeof(buf));
	assert_string_equal(buf, cpus);
}

static void
test_lcore_values(void **state)
{
	struct internal_config cfg;
	struct parse_result r;

	(void)state;
	parse((const char *[]){ "-l", "0-3,5", NULL }, &cfg, &r);
	assert_true(r.ret >= 0);
	assert_true(cfg.lcores_given);
	expect_lcores(&cfg, "0-3,5");
	expect_cpus(&cfg, 5, "5");
	eal_internal_config_free(&cfg);

	parse((const char *[]){ "-c", "0x5", NULL }, &cfg, &r);
	expect_lcores(&cfg, "0,2");
	expect_cpus(&cfg, 2, "2");
	eal_internal_config_free(&cfg);

	parse((const char *[]){ "--lcores=1,2@(5-7),(3-5)@(0,2),(0,6),7-8", NULL }, &cfg, &r);
	assert_true(r.ret >= 0);
	expect_lcores(&cfg, "0-8");
	expect_cpus(&cfg, 1, "1");
	expect_cpus(&cfg, 2, "5-7");
	expect_cpus(&cfg, 4, "0,2");
	expect_cpus(&cfg, 6, "0,6");
	expect_cpus(&cfg, 8, "8");
	eal_internal_config_free(&cfg);

	parse((const char *[]){ "-l", "0-1", "--main-lcore=1", NULL }, &cfg, &r);
	assert_int_equal(cfg.main_lcore, 1);
	eal_internal_config_free(&cfg);
}

static void
test_other_values(void **state)
{
	struct internal_config cfg;
	struct parse_result r;
	struct eal_devopt *d;
	struct eal_loglevel_opt *l;

	(void)state;
	parse((const char *[]){ "-m", "64", "-n", "4", "--proc-type=auto",
		"--file-prefix=grp", "--no-huge", "--no-pci", "--huge-dir=/mnt/h", NULL },
	      &cfg, &r);
	assert_true(r.ret >= 0);
	assert_int_equal(cfg.memory, 64 * RTE_MB);
	assert_int_equal(cfg.nchannel, 4);
	assert_int_equal(cfg.process_type, RTE_PROC_AUTO);
	assert_string_equal(cfg.file_prefix, "grp");
	assert_true(cfg.no_hugetlbfs);
	assert_true(cfg.no_pci);
	assert_string_equal(cfg.hugepage_dir, "/mnt/h");
	eal_internal_config_free(&cfg);

	parse((const char *[]){ "--base-virtaddr=0x300000000000", "--mp-timeout=1.25",
		"--iova-mode=va", NULL },
	      &cfg, &r);
	assert_int_equal(cfg.base_virtaddr, 0x300000000000ULL);
	assert_int_equal(cfg.mp_timeout_ms, 1250);
	assert_int_equal(cfg.iova_mode, RTE_IOVA_VA);
	eal_internal_config_free(&cfg);

	parse((const char *[]){ "--vdev=net_null0", "-a", "00:01.0", "--vdev", "net_null1",
		NULL }, &cfg, &r);
	d = TAILQ_FIRST(&cfg.devopts);
	assert_int_equal(d->type, EAL_DEVOPT_VDEV);
	assert_string_equal(d->arg, "net_null0");
	d = TAILQ_NEXT(d, next);
	assert_int_equal(d->type, EAL_DEVOPT_ALLOW);
	d = TAILQ_NEXT(d, next);
	assert_string_equal(d->arg, "net_null1");
	assert_null(TAILQ_NEXT(d, next));
	eal_internal_config_free(&cfg);

	parse((const char *[]){ "--log-level=3", "--log-level=pmd.*:debug",
		"--log-level=lib\\.e.*,info", NULL }, &cfg, &r);
	l = TAILQ_FIRST(&cfg.loglevels);
	assert_int_equal(l->kind, EAL_LOGLEVEL_GLOBAL);
	assert_int_equal(l->level, RTE_LOG_CRIT);
	l = TAILQ_NEXT(l, next);
	assert_int_equal(l->kind, EAL_LOGLEVEL_GLOB);
	assert_string_equal(l->pattern, "pmd.*");
	assert_int_equal(l->level, RTE_LOG_DEBUG);
	l = TAILQ_NEXT(l, next);
	assert_int_equal(l->kind, EAL_LOGLEVEL_REGEX);
	assert_string_equal(l->pattern, "lib\\.e.*");
	assert_int_equal(l->level, RTE_LOG_INFO);
	eal_internal_config_free(&cfg);
}

static void
test_defaults(void **state)
{
	struct internal_config cfg;
	struct parse_result r;

	(void)state;
	parse((const char *[]){ NULL }, &cfg, &r);
	assert_int_equal(r.ret, 0);
	assert_false(cfg.lcores_given);
	assert_int_equal(cfg.process_type, RTE_PROC_PRIMARY);
	assert_string_equal(cfg.file_prefix, "rte");
	assert_int_equal(cfg.mp_timeout_ms, 5000);
	assert_int_equal(cfg.base_virtaddr, EAL_DEFAULT_BASE_VIRTADDR);
	assert_int_equal(cfg.memory, 0);
	assert_false(cfg.no_hugetlbfs);
	eal_internal_config_free(&cfg);
}

/* The count rte_eal_init() returns, and argv handed on to the application. */
static void
test_consumed_count(void **state)
{
	struct internal_config cfg;
	char *argv1[] = { "prog", "-l", "0", "--", "-p", "3", NULL };
	char *argv2[] = { "prog", "--no-huge", "-m", "8", NULL };
	char *argv3[] = { "prog", NULL };
	int ret;

	(void)state;
	ret = eal_options_parse(6, argv1, &cfg);
	assert_int_equal(ret, 3);
	assert_string_equal(argv1[ret], "prog");
	assert_string_equal(argv1[ret + 1], "-p");
	eal_internal_config_free(&cfg);

	ret = eal_options_parse(4, argv2, &cfg);
	assert_int_equal(ret, 3);
	assert_string_equal(argv2[ret], "prog");
	eal_internal_config_free(&cfg);

	ret = eal_options_parse(1, argv3, &cfg);
	assert_int_equal(ret, 0);
	eal_internal_config_free(&cfg);
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_option_forms),
	cmocka_unit_test(test_lcore_values),
	cmocka_unit_test(test_other_values),
	cmocka_unit_test(test_defaults),
	cmocka_unit_test(test_consumed_count),
};

REGISTER_TEST_GROUP(eal_options, tests);
