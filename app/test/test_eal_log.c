/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Log types and levels without rte_eal_init(): registration, per-type and
 * global levels, levels set by glob and regular expression (also for types
 * registered later), the text RTE_LOG() writes and what it suppresses, the
 * dump and list functions, the registration macros, the current-message
 * queries seen by a custom stream, and the --log-level priority parser.
 *
 * The log state is process-wide: every test runs between log_setup() and
 * log_teardown(), which save and restore the stream and every level. Levels
 * saved by pattern cannot be forgotten, so each test uses its own names.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include <rte_common.h>
#include <rte_log.h>

#include "eal_internal_cfg.h"
#include "test.h"

/* Above any id the log table can hold, so that a scan sees every type. */
#define SCAN_TYPES 4096

/* Registered from constructors, as libraries and drivers do. */
RTE_LOG_REGISTER(test_logtype_macro, test.macro.type, DEBUG);

/* A component name as the build would give it, for the _DEFAULT/_SUFFIX forms. */
#undef RTE_LOG_DEFAULT_LOGTYPE
#define RTE_LOG_DEFAULT_LOGTYPE test.component
RTE_LOG_REGISTER_DEFAULT(test_logtype_default, NOTICE);
RTE_LOG_REGISTER_SUFFIX(test_logtype_suffix, sub, ERR);

static struct {
	uint32_t global;
	int levels[SCAN_TYPES];
} saved;

static int
log_setup(void **state)
{
	uint32_t i;

	(void)state;
	saved.global = rte_log_get_global_level();
	for (i = 0; i < SCAN_TYPES; i++)
		saved.levels[i] = rte_log_get_level(i);
	return 0;
}

/* Runs whether or not the test passed, so that the next one starts clean. */
static int
log_teardown(void **state)
{
	uint32_t i;

	(void)state;
	rte_openlog_stream(NULL);
	rte_log_set_global_level(saved.global);
	for (i = 0; i < SCAN_TYPES; i++) {
		if (saved.levels[i] > 0)
			rte_log_set_level(i, (uint32_t)saved.levels[i]);
	}
	return 0;
}

/* Send the log to memory. */
static void
capture_start(struct test_capture *c)
{
	FILE *f = test_capture_open(c);

	rte_openlog_stream(f);
	assert_ptr_equal(rte_log_get_stream(), f);
}

/* Stop capturing; the caller frees the returned text. */
static char *
capture_end(struct test_capture *c)
{
	rte_openlog_stream(NULL);
	assert_ptr_equal(rte_log_get_stream(), stderr);
	return test_capture_close(c);
}

static void
test_log_register(void **state)
{
	int a, b;

	(void)state;
	a = rte_log_register("test.reg.a");
	assert_true(a >= RTE_LOGTYPE_FIRST_EXT_ID);
	assert_int_equal(rte_log_register("test.reg.a"), a);
	assert_int_equal(rte_log_get_level((uint32_t)a), RTE_LOG_INFO);

	b = rte_log_register("test.reg.b");
	assert_true(b >= RTE_LOGTYPE_FIRST_EXT_ID);
	assert_int_not_equal(a, b);

	/* Registering again neither moves the type nor resets its level. */
	assert_int_equal(rte_log_set_level((uint32_t)a, RTE_LOG_DEBUG), 0);
	assert_int_equal(rte_log_register("test.reg.a"), a);
	assert_int_equal(rte_log_get_level((uint32_t)a), RTE_LOG_DEBUG);

	/* The fixed types are found by name at their fixed ids. */
	assert_int_equal(rte_log_register("lib.eal"), RTE_LOGTYPE_EAL);
	assert_int_equal(rte_log_register("pmd"), RTE_LOGTYPE_PMD);
	assert_int_equal(rte_log_register("user1"), RTE_LOGTYPE_USER1);
	assert_int_equal(rte_log_register("user8"), RTE_LOGTYPE_USER8);

	/* Names are compared whole. */
	assert_int_not_equal(rte_log_register("test.reg"), a);
	assert_int_not_equal(rte_log_register("test.reg.a.b"), a);

	assert_true(rte_log_register("") < 0);
	assert_true(rte_log_register(NULL) < 0);
}

static void
test_log_register_pick_level(void **state)
{
	int t;

	(void)state;
	t = rte_log_register_type_and_pick_level("test.pick.a", RTE_LOG_DEBUG);
	assert_true(t >= RTE_LOGTYPE_FIRST_EXT_ID);
	assert_int_equal(rte_log_get_level((uint32_t)t), RTE_LOG_DEBUG);

	/* An existing type keeps its id and its level. */
	assert_int_equal(rte_log_register_type_and_pick_level("test.pick.a", RTE_LOG_ERR), t);
	assert_int_equal(rte_log_get_level((uint32_t)t), RTE_LOG_DEBUG);
	assert_int_equal(rte_log_register("test.pick.a"), t);

	t = rte_log_register_type_and_pick_level("test.pick.b", RTE_LOG_EMERG);
	assert_true(t >= RTE_LOGTYPE_FIRST_EXT_ID);
	assert_int_equal(rte_log_get_level((uint32_t)t), RTE_LOG_EMERG);

	assert_int_equal(rte_log_register_type_and_pick_level("test.pick.c", RTE_LOG_MAX + 1),
			 -EINVAL);
	assert_int_equal(rte_log_register_type_and_pick_level("test.pick.c", UINT32_MAX),
			 -EINVAL);
	assert_true(rte_log_register_type_and_pick_level("", RTE_LOG_INFO) < 0);
	assert_true(rte_log_register_type_and_pick_level(NULL, RTE_LOG_INFO) < 0);
}

static void
test_log_set_get_level(void **state)
{
	int t;

	(void)state;
	t = rte_log_register("test.level.a");
	assert_true(t >= 0);

	assert_int_equal(rte_log_set_level((uint32_t)t, RTE_LOG_WARNING), 0);
	assert_int_equal(rte_log_get_level((uint32_t)t), RTE_LOG_WARNING);
	assert_int_equal(rte_log_set_level((uint32_t)t, RTE_LOG_EMERG), 0);
	assert_int_equal(rte_log_get_level((uint32_t)t), RTE_LOG_EMERG);
	assert_int_equal(rte_log_set_level((uint32_t)t, RTE_LOG_DEBUG), 0);
	assert_int_equal(rte_log_get_level((uint32_t)t), RTE_LOG_DEBUG);

	/* A bad level changes nothing. */
	assert_int_equal(rte_log_set_level((uint32_t)t, RTE_LOG_MAX + 1), -EINVAL);
	assert_int_equal(rte_log_set_level((uint32_t)t, UINT32_MAX), -EINVAL);
	assert_int_equal(rte_log_get_level((uint32_t)t), RTE_LOG_DEBUG);

	/* Neither does a type nobody registered. */
	assert_int_equal(rte_log_set_level(SCAN_TYPES - 1, RTE_LOG_INFO), -EINVAL);
	assert_int_equal(rte_log_set_level(UINT32_MAX, RTE_LOG_INFO), -EINVAL);
	assert_int_equal(rte_log_get_level(SCAN_TYPES - 1), -1);
	assert_int_equal(rte_log_get_level(UINT32_MAX), -1);

	/* A fixed type works as a dynamic one does. */
	assert_int_equal(rte_log_set_level(RTE_LOGTYPE_RING, RTE_LOG_CRIT), 0);
	assert_int_equal(rte_log_get_level(RTE_LOGTYPE_RING), RTE_LOG_CRIT);
}

static void
test_log_global_level(void **state)
{
	struct test_capture c;
	char *out;
	int t;

	(void)state;
	t = rte_log_register("test.global.a");
	assert_true(t >= 0);
	assert_int_equal(rte_log_set_level((uint32_t)t, RTE_LOG_DEBUG), 0);

	rte_log_set_global_level(RTE_LOG_ERR);
	assert_int_equal(rte_log_get_global_level(), RTE_LOG_ERR);
	assert_true(rte_log_can_log((uint32_t)t, RTE_LOG_EMERG));
	assert_true(rte_log_can_log((uint32_t)t, RTE_LOG_ERR));
	assert_false(rte_log_can_log((uint32_t)t, RTE_LOG_WARNING));
	assert_false(rte_log_can_log((uint32_t)t, RTE_LOG_DEBUG));
	/* The level of the type is unchanged: the global one is only a ceiling. */
	assert_int_equal(rte_log_get_level((uint32_t)t), RTE_LOG_DEBUG);

	capture_start(&c);
	rte_log(RTE_LOG_WARNING, (uint32_t)t, "hidden by global\n");
	rte_log(RTE_LOG_ERR, (uint32_t)t, "shown\n");
	out = capture_end(&c);
	assert_string_equal(out, "shown\n");
	free(out);

	/* With the global level open, the type's level decides. */
	rte_log_set_global_level(RTE_LOG_DEBUG);
	assert_int_equal(rte_log_set_level((uint32_t)t, RTE_LOG_NOTICE), 0);
	assert_true(rte_log_can_log((uint32_t)t, RTE_LOG_NOTICE));
	assert_false(rte_log_can_log((uint32_t)t, RTE_LOG_INFO));

	/* Nothing can be logged to a type that does not exist. */
	assert_false(rte_log_can_log(SCAN_TYPES - 1, RTE_LOG_EMERG));
	assert_false(rte_log_can_log(UINT32_MAX, RTE_LOG_EMERG));
}

static void
test_log_level_pattern(void **state)
{
	int a, b, other, late;

	(void)state;
	a = rte_log_register("test.glob.a");
	b = rte_log_register("test.glob.b");
	other = rte_log_register("test.globx.c");
	assert_true(a >= 0 && b >= 0 && other >= 0);

	assert_int_equal(rte_log_set_level_pattern("test.glob.*", RTE_LOG_DEBUG), 0);
	assert_int_equal(rte_log_get_level((uint32_t)a), RTE_LOG_DEBUG);
	assert_int_equal(rte_log_get_level((uint32_t)b), RTE_LOG_DEBUG);
	assert_int_equal(rte_log_get_level((uint32_t)other), RTE_LOG_INFO);

	/* Through the API, as in DPDK, the setting is not kept for later types. */
	late = rte_log_register_type_and_pick_level("test.glob.late", RTE_LOG_ERR);
	assert_true(late >= 0);
	assert_int_equal(rte_log_get_level((uint32_t)late), RTE_LOG_ERR);

	assert_int_equal(rte_log_set_level_pattern("test.glob.?", RTE_LOG_NOTICE), 0);
	assert_int_equal(rte_log_get_level((uint32_t)a), RTE_LOG_NOTICE);
	assert_int_equal(rte_log_get_level((uint32_t)late), RTE_LOG_ERR);

	/* Bad arguments are refused. */
	assert_int_equal(rte_log_set_level_pattern(NULL, RTE_LOG_DEBUG), -EINVAL);
	assert_int_equal(rte_log_set_level_pattern("test.glob.*", RTE_LOG_MAX + 1), -EINVAL);
	assert_int_equal(rte_log_get_level((uint32_t)a), RTE_LOG_NOTICE);
}

static void
test_log_level_regexp(void **state)
{
	int a, b, c, late;

	(void)state;
	a = rte_log_register("test.re.a");
	b = rte_log_register("test.re.b");
	c = rte_log_register("test.re.cc");
	assert_true(a >= 0 && b >= 0 && c >= 0);

	/* Anchored, so "test.re.cc" is left alone; unanchored matches anywhere. */
	assert_int_equal(rte_log_set_level_regexp("^test\\.re\\.[ab]$", RTE_LOG_DEBUG), 0);
	assert_int_equal(rte_log_get_level((uint32_t)a), RTE_LOG_DEBUG);
	assert_int_equal(rte_log_get_level((uint32_t)b), RTE_LOG_DEBUG);
	assert_int_equal(rte_log_get_level((uint32_t)c), RTE_LOG_INFO);
	assert_int_equal(rte_log_set_level_regexp("re\\.c", RTE_LOG_CRIT), 0);
	assert_int_equal(rte_log_get_level((uint32_t)c), RTE_LOG_CRIT);
	assert_int_equal(rte_log_get_level((uint32_t)a), RTE_LOG_DEBUG);
	late = rte_log_register_type_and_pick_level("test.re.ccc", RTE_LOG_INFO);
	assert_int_equal(rte_log_get_level((uint32_t)late), RTE_LOG_INFO);

	/* Bad expressions and levels are refused. */
	assert_int_equal(rte_log_set_level_regexp("[test.rebad", RTE_LOG_DEBUG), -EINVAL);
	assert_int_equal(rte_log_set_level_regexp("test", 0), -EINVAL);
	assert_int_equal(rte_log_set_level_regexp(NULL, RTE_LOG_DEBUG), -EINVAL);
}

/*
 * --log-level patterns are kept: they also set the level of types
 * registered later, the last matching option winning.
 */
static void
test_log_level_options_saved(void **state)
{
	struct internal_config cfg;
	char *argv[] = { "prog", "--log-level=test.opt.*:debug",
			 "--log-level=^test\\.opt\\.l,warning", "--log-level=test.opt.z*:3", NULL };
	int a, l, z, other;

	(void)state;
	a = rte_log_register("test.opt.a");
	assert_true(a >= 0);
	assert_true(eal_options_parse(4, argv, &cfg) >= 0);
	assert_int_equal(eal_options_apply_log_levels(&cfg), 0);
	eal_internal_config_free(&cfg);
	assert_int_equal(rte_log_get_level((uint32_t)a), RTE_LOG_DEBUG);

	l = rte_log_register_type_and_pick_level("test.opt.late", RTE_LOG_ERR);
	z = rte_log_register_type_and_pick_level("test.opt.zz", RTE_LOG_ERR);
	other = rte_log_register_type_and_pick_level("test.other", RTE_LOG_ERR);
	assert_int_equal(rte_log_get_level((uint32_t)l), RTE_LOG_WARNING);
	assert_int_equal(rte_log_get_level((uint32_t)z), RTE_LOG_CRIT);
	assert_int_equal(rte_log_get_level((uint32_t)other), RTE_LOG_ERR);
	/* Plain registration keeps the default level, as in DPDK. */
	other = rte_log_register("test.opt.plain");
	assert_int_equal(rte_log_get_level((uint32_t)other), RTE_LOG_INFO);
}

static void
test_log_output(void **state)
{
	struct test_capture c;
	char *out;

	(void)state;
	assert_int_equal(rte_log_set_level(RTE_LOGTYPE_EAL, RTE_LOG_WARNING), 0);
	assert_int_equal(rte_log_set_level(RTE_LOGTYPE_USER1, RTE_LOG_DEBUG), 0);

	capture_start(&c);
	assert_int_equal(RTE_LOG(ERR, EAL, "message %d of %s\n", 1, "two"), 0);
	RTE_LOG(INFO, EAL, "above the level\n");
	RTE_LOG(DEBUG, EAL, "far above the level\n");
	RTE_LOG(WARNING, EAL, "at the level\n");
	RTE_LOG(DEBUG, USER1, "%s", "no newline");
	rte_log(RTE_LOG_EMERG, RTE_LOGTYPE_EAL, "raw\n");
	rte_log(RTE_LOG_EMERG, SCAN_TYPES - 1, "to a type that does not exist\n");
	out = capture_end(&c);
	assert_string_equal(out,
			    "EAL: message 1 of two\n"
			    "EAL: at the level\n"
			    "USER1: no newline"
			    "raw\n");
	free(out);
}

/* Messages longer than rte_vlog's stack buffer are printed whole. */
static void
test_log_long_message(void **state)
{
	static const size_t lengths[] = { 1, 510, 511, 512, 513, 1000, 8191, 70000 };
	struct test_capture c;
	char *msg, *out;
	size_t i, j;

	(void)state;
	assert_int_equal(rte_log_set_level(RTE_LOGTYPE_USER2, RTE_LOG_INFO), 0);
	msg = malloc(lengths[RTE_DIM(lengths) - 1] + 1);
	assert_non_null(msg);
	for (i = 0; i < RTE_DIM(lengths); i++) {
		size_t len = lengths[i];

		for (j = 0; j < len; j++)
			msg[j] = (char)('a' + (i + j) % 26);
		msg[len] = '\0';
		capture_start(&c);
		/* Through a format argument, so that both vsnprintf passes expand it. */
		assert_int_equal(rte_log(RTE_LOG_INFO, RTE_LOGTYPE_USER2, "<%s>", msg), 0);
		out = capture_end(&c);
		assert_int_equal(c.len, len + 2);
		assert_int_equal(out[0], '<');
		assert_int_equal(out[len + 1], '>');
		assert_memory_equal(out + 1, msg, len);
		free(out);
	}
	free(msg);
}

static unsigned int
count_lines(const char *s)
{
	unsigned int n = 0;

	for (; *s != '\0'; s++)
		n += *s == '\n';
	return n;
}

static void
test_log_dump_and_list(void **state)
{
	char line[128], *out;
	struct test_capture c;
	unsigned int i, ntypes = 0;
	int t;

	(void)state;
	t = rte_log_register("test.dump.x");
	assert_true(t >= 0);
	assert_int_equal(rte_log_set_level((uint32_t)t, RTE_LOG_WARNING), 0);
	assert_int_equal(rte_log_set_level(RTE_LOGTYPE_EAL, RTE_LOG_INFO), 0);
	assert_int_equal(rte_log_set_level(RTE_LOGTYPE_USER8, RTE_LOG_CRIT), 0);
	rte_log_set_global_level(RTE_LOG_ERR);
	for (i = 0; i < SCAN_TYPES; i++)
		ntypes += rte_log_get_level(i) > 0;

	/* rte_log_dump writes to the stream it is given, not the log stream. */
	capture_start(&c);
	rte_log_dump(c.f);
	out = capture_end(&c);
	assert_int_equal(strncmp(out, "global log level is error\n", 26), 0);
	assert_text_has(out, "\nid 0: lib.eal, level is info\n",
			"\nid 31: user8, level is critical\n");
	snprintf(line, sizeof(line), "\nid %d: test.dump.x, level is warning\n", t);
	assert_text_has(out, line);
	assert_int_equal(count_lines(out), ntypes + 1);
	free(out);

	capture_start(&c);
	rte_log_list_types(c.f, "type: ");
	out = capture_end(&c);
	/* One line per type; DPDK sorts them by name, so no order is checked. */
	assert_text_has(out, "type: lib.eal\n", "\ntype: pmd\n", "\ntype: test.dump.x\n",
			"\ntype: test.macro.type\n");
	assert_int_equal(count_lines(out), ntypes);
	free(out);
}

static void
test_log_register_macros(void **state)
{
	struct test_capture c;
	char *out;

	(void)state;
	assert_true(test_logtype_macro >= RTE_LOGTYPE_FIRST_EXT_ID);
	assert_int_equal(rte_log_register("test.macro.type"), test_logtype_macro);
	assert_int_equal(rte_log_get_level((uint32_t)test_logtype_macro), RTE_LOG_DEBUG);

	assert_true(test_logtype_default >= RTE_LOGTYPE_FIRST_EXT_ID);
	assert_int_equal(rte_log_register("test.component"), test_logtype_default);
	assert_int_equal(rte_log_get_level((uint32_t)test_logtype_default), RTE_LOG_NOTICE);

	assert_true(test_logtype_suffix >= RTE_LOGTYPE_FIRST_EXT_ID);
	assert_int_not_equal(test_logtype_suffix, test_logtype_default);
	assert_int_equal(rte_log_register("test.component.sub"), test_logtype_suffix);
	assert_int_equal(rte_log_get_level((uint32_t)test_logtype_suffix), RTE_LOG_ERR);

	capture_start(&c);
	rte_log(RTE_LOG_DEBUG, (uint32_t)test_logtype_macro, "macro\n");
	rte_log(RTE_LOG_INFO, (uint32_t)test_logtype_default, "default hidden\n");
	rte_log(RTE_LOG_NOTICE, (uint32_t)test_logtype_default, "default\n");
	rte_log(RTE_LOG_WARNING, (uint32_t)test_logtype_suffix, "suffix hidden\n");
	rte_log(RTE_LOG_ERR, (uint32_t)test_logtype_suffix, "suffix\n");
	out = capture_end(&c);
	assert_string_equal(out, "macro\ndefault\nsuffix\n");
	free(out);
}

/* What a custom stream saw: the text and the current message's level and type. */
struct cookie_log {
	char text[256];
	size_t len;
	int level[8];
	int type[8];
	unsigned int writes;
};

static ssize_t
cookie_write(void *cookie, const char *buf, size_t size)
{
	struct cookie_log *cl = cookie;
	size_t n = RTE_MIN(size, sizeof(cl->text) - 1 - cl->len);

	memcpy(cl->text + cl->len, buf, n);
	cl->len += n;
	cl->text[cl->len] = '\0';
	if (cl->writes < RTE_DIM(cl->level)) {
		cl->level[cl->writes] = rte_log_cur_msg_loglevel();
		cl->type[cl->writes] = rte_log_cur_msg_logtype();
	}
	cl->writes++;
	return (ssize_t)size;
}

static void
test_log_cur_msg(void **state)
{
	static const cookie_io_functions_t io = { .write = cookie_write };
	struct cookie_log cl;
	FILE *f;
	int t;

	(void)state;
	memset(&cl, 0, sizeof(cl));
	t = rte_log_register("test.curmsg");
	assert_true(t >= 0);
	assert_int_equal(rte_log_set_level((uint32_t)t, RTE_LOG_DEBUG), 0);
	assert_int_equal(rte_log_set_level(RTE_LOGTYPE_EAL, RTE_LOG_INFO), 0);
	f = fopencookie(&cl, "w", io);
	assert_non_null(f);
	rte_openlog_stream(f);

	rte_log(RTE_LOG_WARNING, (uint32_t)t, "first\n");
	RTE_LOG(ERR, EAL, "second\n");
	/* A suppressed message is not the current one. */
	RTE_LOG(DEBUG, EAL, "suppressed\n");
	rte_log(RTE_LOG_DEBUG, (uint32_t)t, "third\n");

	rte_openlog_stream(NULL);
	fclose(f);
	assert_string_equal(cl.text, "first\nEAL: second\nthird\n");
	/* rte_vlog flushes every message: one write each. */
	assert_int_equal(cl.writes, 3);
	assert_int_equal(cl.level[0], RTE_LOG_WARNING);
	assert_int_equal(cl.type[0], t);
	assert_int_equal(cl.level[1], RTE_LOG_ERR);
	assert_int_equal(cl.type[1], RTE_LOGTYPE_EAL);
	assert_int_equal(cl.level[2], RTE_LOG_DEBUG);
	assert_int_equal(cl.type[2], t);
}

static void
test_log_parse_priority(void **state)
{
	static const struct {
		const char *in;
		int level;
	} cases[] = {
		{ "emergency", RTE_LOG_EMERG },
		{ "alert", RTE_LOG_ALERT },
		{ "critical", RTE_LOG_CRIT },
		{ "error", RTE_LOG_ERR },
		{ "warning", RTE_LOG_WARNING },
		{ "notice", RTE_LOG_NOTICE },
		{ "info", RTE_LOG_INFO },
		{ "debug", RTE_LOG_DEBUG },
		{ "emerg", RTE_LOG_EMERG },
		{ "crit", RTE_LOG_CRIT },
		{ "err", RTE_LOG_ERR },
		{ "warn", RTE_LOG_WARNING },
		{ "1", RTE_LOG_EMERG },
		{ "4", RTE_LOG_ERR },
		{ "8", RTE_LOG_DEBUG },
		{ "", -1 },
		{ "0", -1 },
		{ "9", -1 },
		{ "-1", -1 },
		{ "18", -1 },
		{ "4294967300", -1 },
		{ "99999999999999999999999", -1 },
		{ "5x", -1 },
		{ "x5", -1 },
		{ "DEBUG", -1 },
		{ "Info", -1 },
		{ "debugx", -1 },
		{ "errors", -1 },
		{ "info ", -1 },
		{ "verbose", -1 },
	};
	unsigned int i, bad = 0;

	(void)state;
	for (i = 0; i < RTE_DIM(cases); i++) {
		int got = eal_parse_log_priority(cases[i].in);

		if (got != cases[i].level) {
			bad++;
			print_error("eal_parse_log_priority(\"%s\") = %d, expected %d\n",
				    cases[i].in, got, cases[i].level);
		}
	}
	assert_int_equal(bad, 0);
	assert_int_equal(eal_parse_log_priority(NULL), -1);
}

#define LOG_TEST(f) cmocka_unit_test_setup_teardown(f, log_setup, log_teardown)

static const struct CMUnitTest tests[] = {
	LOG_TEST(test_log_register),
	LOG_TEST(test_log_register_pick_level),
	LOG_TEST(test_log_set_get_level),
	LOG_TEST(test_log_global_level),
	LOG_TEST(test_log_level_pattern),
	LOG_TEST(test_log_level_regexp),
	LOG_TEST(test_log_level_options_saved),
	LOG_TEST(test_log_output),
	LOG_TEST(test_log_long_message),
	LOG_TEST(test_log_dump_and_list),
	LOG_TEST(test_log_register_macros),
	LOG_TEST(test_log_cur_msg),
	LOG_TEST(test_log_parse_priority),
};

REGISTER_TEST_GROUP(eal_log, tests);
