/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <errno.h>
#include <fnmatch.h>
#include <pthread.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_log.h>
#include <rte_os.h>
#include <rte_per_lcore.h>

#include "eal_private.h"

/*
 * Log types live in a fixed table so that a reader (rte_log) never sees it
 * move; registration and the saved patterns are protected by lock. Levels
 * are read without the lock: a racing level change only decides whether
 * one message is printed. Patterns given with --log-level are saved and
 * also set the level of types registered later (the last matching one
 * wins); patterns set through the API apply to existing types only.
 */
#define LOG_MAX_TYPES 1024

struct log_type {
	char *name;     /* NULL: id not in use */
	uint32_t level;
};

/* A level set by pattern, kept so that types registered later get it too. */
struct log_saved {
	TAILQ_ENTRY(log_saved) next;
	bool is_regex;
	regex_t re;
	char *pattern;
	uint32_t level;
};

static struct {
	pthread_mutex_t lock;
	uint32_t global_level;
	FILE *stream; /* NULL: stderr */
	uint32_t count;
	struct log_type types[LOG_MAX_TYPES];
	TAILQ_HEAD(, log_saved) saved;
} logs = {
	.lock = PTHREAD_MUTEX_INITIALIZER,
	.global_level = RTE_LOG_DEBUG,
	.saved = TAILQ_HEAD_INITIALIZER(logs.saved),
};

static RTE_DEFINE_PER_LCORE(int, log_cur_level);
static RTE_DEFINE_PER_LCORE(int, log_cur_type);

/* DPDK's fixed types, at their fixed ids. */
static const char *const static_types[RTE_LOGTYPE_FIRST_EXT_ID] = {
	[RTE_LOGTYPE_EAL] = "lib.eal",
	[RTE_LOGTYPE_MALLOC] = "lib.malloc",
	[RTE_LOGTYPE_RING] = "lib.ring",
	[RTE_LOGTYPE_MEMPOOL] = "lib.mempool",
	[RTE_LOGTYPE_TIMER] = "lib.timer",
	[RTE_LOGTYPE_PMD] = "pmd",
	[RTE_LOGTYPE_HASH] = "lib.hash",
	[RTE_LOGTYPE_LPM] = "lib.lpm",
	[RTE_LOGTYPE_KNI] = "lib.kni",
	[RTE_LOGTYPE_ACL] = "lib.acl",
	[RTE_LOGTYPE_POWER] = "lib.power",
	[RTE_LOGTYPE_METER] = "lib.meter",
	[RTE_LOGTYPE_SCHED] = "lib.sched",
	[RTE_LOGTYPE_PORT] = "lib.port",
	[RTE_LOGTYPE_TABLE] = "lib.table",
	[RTE_LOGTYPE_PIPELINE] = "lib.pipeline",
	[RTE_LOGTYPE_MBUF] = "lib.mbuf",
	[RTE_LOGTYPE_CRYPTODEV] = "lib.cryptodev",
	[RTE_LOGTYPE_EFD] = "lib.efd",
	[RTE_LOGTYPE_EVENTDEV] = "lib.eventdev",
	[RTE_LOGTYPE_GSO] = "lib.gso",
	[RTE_LOGTYPE_USER1] = "user1",
	[RTE_LOGTYPE_USER2] = "user2",
	[RTE_LOGTYPE_USER3] = "user3",
	[RTE_LOGTYPE_USER4] = "user4",
	[RTE_LOGTYPE_USER5] = "user5",
	[RTE_LOGTYPE_USER6] = "user6",
	[RTE_LOGTYPE_USER7] = "user7",
	[RTE_LOGTYPE_USER8] = "user8",
};

static const char *const level_names[] = {
	[RTE_LOG_EMERG] = "emergency",
	[RTE_LOG_ALERT] = "alert",
	[RTE_LOG_CRIT] = "critical",
	[RTE_LOG_ERR] = "error",
	[RTE_LOG_WARNING] = "warning",
	[RTE_LOG_NOTICE] = "notice",
	[RTE_LOG_INFO] = "info",
	[RTE_LOG_DEBUG] = "debug",
};

RTE_INIT_PRIO(log_init, LOG)
{
	unsigned int i;

	for (i = 0; i < RTE_LOGTYPE_FIRST_EXT_ID; i++) {
		if (static_types[i] == NULL)
			continue;
		/* The string is never freed; the cast only drops const. */
		logs.types[i].name = (char *)(uintptr_t)static_types[i];
		logs.types[i].level = RTE_LOG_INFO;
	}
	logs.count = RTE_LOGTYPE_FIRST_EXT_ID;
}

static bool
level_valid(uint32_t level)
{
	return level >= RTE_LOG_EMERG && level <= RTE_LOG_MAX;
}

int
rte_openlog_stream(FILE *f)
{
	logs.stream = f;
	return 0;
}

FILE *
rte_log_get_stream(void)
{
	return logs.stream != NULL ? logs.stream : stderr;
}

void
rte_log_set_global_level(uint32_t level)
{
	logs.global_level = level;
}

uint32_t
rte_log_get_global_level(void)
{
	return logs.global_level;
}

int
rte_log_get_level(uint32_t type)
{
	if (type >= logs.count || logs.types[type].name == NULL)
		return -1;
	return (int)logs.types[type].level;
}

bool
rte_log_can_log(uint32_t logtype, uint32_t level)
{
	int type_level = rte_log_get_level(logtype);

	if (type_level < 0)
		return false;
	return level <= logs.global_level && level <= (uint32_t)type_level;
}

int
rte_log_set_level(uint32_t type, uint32_t level)
{
	if (!level_valid(level) || rte_log_get_level(type) < 0)
		return -EINVAL;
	logs.types[type].level = level;
	return 0;
}

static bool
saved_matches(const struct log_saved *s, const char *name)
{
	if (s->is_regex)
		return regexec(&s->re, name, 0, NULL, 0) == 0;
	return fnmatch(s->pattern, name, 0) == 0;
}

/* Apply s to every registered type it matches; keep it for later types if save. */
static int
log_apply(struct log_saved *s, bool save)
{
	uint32_t i;

	pthread_mutex_lock(&logs.lock);
	for (i = 0; i < logs.count; i++) {
		if (logs.types[i].name != NULL && saved_matches(s, logs.types[i].name))
			logs.types[i].level = s->level;
	}
	if (save)
		TAILQ_INSERT_TAIL(&logs.saved, s, next);
	pthread_mutex_unlock(&logs.lock);
	if (!save) {
		if (s->is_regex)
			regfree(&s->re);
		free(s->pattern);
		free(s);
	}
	return 0;
}

static struct log_saved *
log_saved_new(const char *pattern, uint32_t level, bool is_regex)
{
	struct log_saved *s;

	if (pattern == NULL || !level_valid(level))
		return NULL;
	s = calloc(1, sizeof(*s));
	if (s == NULL)
		return NULL;
	s->pattern = strdup(pattern);
	/* Basic regular expressions, as DPDK compiles them. */
	if (s->pattern == NULL ||
	    (is_regex && regcomp(&s->re, pattern, REG_NOSUB) != 0)) {
		free(s->pattern);
		free(s);
		return NULL;
	}
	s->is_regex = is_regex;
	s->level = level;
	return s;
}

/* Set levels by glob or regex; save: also for types registered later (--log-level). */
static int
log_set_level_matching(const char *pattern, uint32_t level, bool is_regex, bool save)
{
	struct log_saved *s = log_saved_new(pattern, level, is_regex);

	if (s == NULL)
		return -EINVAL;
	return log_apply(s, save);
}

int
rte_log_set_level_pattern(const char *pattern, uint32_t level)
{
	return log_set_level_matching(pattern, level, false, false);
}

int
rte_log_set_level_regexp(const char *regex, uint32_t level)
{
	return log_set_level_matching(regex, level, true, false);
}

/* Called with logs.lock held. */
static int
log_lookup(const char *name)
{
	uint32_t i;

	for (i = 0; i < logs.count; i++) {
		if (logs.types[i].name != NULL && strcmp(logs.types[i].name, name) == 0)
			return (int)i;
	}
	return -1;
}

static int
log_register(const char *name, uint32_t level_def, bool pick_level)
{
	struct log_saved *s;
	char *copy;
	int id;

	if (name == NULL || name[0] == '\0')
		return -EINVAL;
	pthread_mutex_lock(&logs.lock);
	id = log_lookup(name);
	if (id >= 0)
		goto out;
	if (logs.count == LOG_MAX_TYPES) {
		id = -ENOSPC;
		goto out;
	}
	copy = strdup(name);
	if (copy == NULL) {
		id = -ENOMEM;
		goto out;
	}
	id = (int)logs.count;
	logs.types[id].name = copy;
	logs.types[id].level = pick_level ? level_def : RTE_LOG_INFO;
	if (pick_level) {
		TAILQ_FOREACH(s, &logs.saved, next) {
			if (saved_matches(s, name))
				logs.types[id].level = s->level;
		}
	}
	logs.count++;
out:
	pthread_mutex_unlock(&logs.lock);
	return id;
}

int
rte_log_register(const char *name)
{
	return log_register(name, RTE_LOG_INFO, false);
}

int
rte_log_register_type_and_pick_level(const char *name, uint32_t level_def)
{
	if (!level_valid(level_def))
		return -EINVAL;
	return log_register(name, level_def, true);
}

int
eal_parse_log_priority(const char *level)
{
	static const struct {
		const char *name;
		int level;
	} aliases[] = {
		{ "emerg", RTE_LOG_EMERG },
		{ "crit", RTE_LOG_CRIT },
		{ "err", RTE_LOG_ERR },
		{ "warn", RTE_LOG_WARNING },
	};
	unsigned int i;
	char *end;
	long v;

	if (level == NULL || level[0] == '\0')
		return -1;
	for (i = RTE_LOG_EMERG; i <= RTE_LOG_MAX; i++) {
		if (strcmp(level, level_names[i]) == 0)
			return (int)i;
	}
	for (i = 0; i < RTE_DIM(aliases); i++) {
		if (strcmp(level, aliases[i].name) == 0)
			return aliases[i].level;
	}
	errno = 0;
	v = strtol(level, &end, 10);
	if (errno != 0 || *end != '\0' || v < RTE_LOG_EMERG || v > RTE_LOG_MAX)
		return -1;
	return (int)v;
}

static const char *
level_name(uint32_t level)
{
	return level_valid(level) ? level_names[level] : "?";
}

void
rte_log_list_types(FILE *out, const char *prefix)
{
	uint32_t i;

	pthread_mutex_lock(&logs.lock);
	for (i = 0; i < logs.count; i++) {
		if (logs.types[i].name != NULL)
			fprintf(out, "%s%s\n", prefix, logs.types[i].name);
	}
	pthread_mutex_unlock(&logs.lock);
}

void
rte_log_dump(FILE *f)
{
	uint32_t i;

	pthread_mutex_lock(&logs.lock);
	fprintf(f, "global log level is %s\n", level_name(logs.global_level));
	for (i = 0; i < logs.count; i++) {
		if (logs.types[i].name != NULL)
			fprintf(f, "id %u: %s, level is %s\n", i, logs.types[i].name,
				level_name(logs.types[i].level));
	}
	pthread_mutex_unlock(&logs.lock);
}

int
rte_log_cur_msg_loglevel(void)
{
	return RTE_PER_LCORE(log_cur_level);
}

int
rte_log_cur_msg_logtype(void)
{
	return RTE_PER_LCORE(log_cur_type);
}

int
rte_vlog(uint32_t level, uint32_t logtype, const char *format, va_list ap)
{
	char small[512];
	char *buf = small;
	FILE *f = rte_log_get_stream();
	va_list aq;
	int len;

	if (!rte_log_can_log(logtype, level))
		return 0;
	RTE_PER_LCORE(log_cur_level) = (int)level;
	RTE_PER_LCORE(log_cur_type) = (int)logtype;

	/* One write per message, so lines from threads and processes do not mix. */
	va_copy(aq, ap);
	len = vsnprintf(small, sizeof(small), format, aq);
	va_end(aq);
	if (len < 0)
		return -1;
	if ((size_t)len >= sizeof(small)) {
		buf = malloc((size_t)len + 1);
		if (buf == NULL)
			return -ENOMEM;
		vsnprintf(buf, (size_t)len + 1, format, ap);
	}
	if (f == stderr) {
		rte_write_all(STDERR_FILENO, buf, (size_t)len);
	} else {
		flockfile(f);
		fwrite(buf, 1, (size_t)len, f);
		fflush(f);
		funlockfile(f);
	}
	if (buf != small)
		free(buf);
	return 0;
}

int
rte_log(uint32_t level, uint32_t logtype, const char *format, ...)
{
	va_list ap;
	int ret;

	va_start(ap, format);
	ret = rte_vlog(level, logtype, format, ap);
	va_end(ap);
	return ret;
}

int
eal_options_apply_log_levels(const struct internal_config *cfg)
{
	const struct eal_loglevel_opt *opt;
	int ret = 0;

	TAILQ_FOREACH(opt, &cfg->loglevels, next) {
		switch (opt->kind) {
		case EAL_LOGLEVEL_GLOBAL:
			rte_log_set_global_level(opt->level);
			break;
		case EAL_LOGLEVEL_GLOB:
			ret = log_set_level_matching(opt->pattern, opt->level, false, true);
			break;
		case EAL_LOGLEVEL_REGEX:
			ret = log_set_level_matching(opt->pattern, opt->level, true, true);
			break;
		}
		if (ret < 0)
			return ret;
	}
	return 0;
}
