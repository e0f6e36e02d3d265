/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_LOG_H_
#define _RTE_LOG_H_

/**
 * @file
 * Logs with types and levels (DPDK 22.11 API).
 *
 * A log type has a name ("lib.eal", "pmd.net.null") and a level; a message
 * is printed when its level is at most both the global level and the level
 * of its type. Levels given by pattern with --log-level (pmd.*:debug) also
 * apply to types registered later, through rte_log_register_type_and_pick_level().
 */

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Log types of DPDK's fixed set; dynamic types start at RTE_LOGTYPE_FIRST_EXT_ID. */
#define RTE_LOGTYPE_EAL        0
#define RTE_LOGTYPE_MALLOC     1
#define RTE_LOGTYPE_RING       2
#define RTE_LOGTYPE_MEMPOOL    3
#define RTE_LOGTYPE_TIMER      4
#define RTE_LOGTYPE_PMD        5
#define RTE_LOGTYPE_HASH       6
#define RTE_LOGTYPE_LPM        7
#define RTE_LOGTYPE_KNI        8
#define RTE_LOGTYPE_ACL        9
#define RTE_LOGTYPE_POWER     10
#define RTE_LOGTYPE_METER     11
#define RTE_LOGTYPE_SCHED     12
#define RTE_LOGTYPE_PORT      13
#define RTE_LOGTYPE_TABLE     14
#define RTE_LOGTYPE_PIPELINE  15
#define RTE_LOGTYPE_MBUF      16
#define RTE_LOGTYPE_CRYPTODEV 17
#define RTE_LOGTYPE_EFD       18
#define RTE_LOGTYPE_EVENTDEV  19
#define RTE_LOGTYPE_GSO       20
#define RTE_LOGTYPE_USER1     24
#define RTE_LOGTYPE_USER2     25
#define RTE_LOGTYPE_USER3     26
#define RTE_LOGTYPE_USER4     27
#define RTE_LOGTYPE_USER5     28
#define RTE_LOGTYPE_USER6     29
#define RTE_LOGTYPE_USER7     30
#define RTE_LOGTYPE_USER8     31
#define RTE_LOGTYPE_FIRST_EXT_ID 32

/* Levels, most severe first. */
#define RTE_LOG_EMERG    1U
#define RTE_LOG_ALERT    2U
#define RTE_LOG_CRIT     3U
#define RTE_LOG_ERR      4U
#define RTE_LOG_WARNING  5U
#define RTE_LOG_NOTICE   6U
#define RTE_LOG_INFO     7U
#define RTE_LOG_DEBUG    8U
#define RTE_LOG_MAX RTE_LOG_DEBUG

/** Send logs to f instead of stderr; NULL restores stderr. */
int rte_openlog_stream(FILE *f);

/** The stream logs go to now. */
FILE *rte_log_get_stream(void);

void rte_log_set_global_level(uint32_t level);
uint32_t rte_log_get_global_level(void);

/** Level of a log type, or -1 when the type does not exist. */
int rte_log_get_level(uint32_t logtype);

/** Whether a message of this type and level would be printed now. */
bool rte_log_can_log(uint32_t logtype, uint32_t loglevel);

/** Set the level of every registered type whose name matches a glob pattern. */
int rte_log_set_level_pattern(const char *pattern, uint32_t level);

/** Set the level of every registered type whose name matches a basic regular expression. */
int rte_log_set_level_regexp(const char *regex, uint32_t level);

int rte_log_set_level(uint32_t logtype, uint32_t level);

/** Level and type of the message being printed, for a custom stream. */
int rte_log_cur_msg_loglevel(void);
int rte_log_cur_msg_logtype(void);

/** Register a log type by name (idempotent); its id or a negative errno. */
int rte_log_register(const char *name);

/** As rte_log_register, also setting the level from saved patterns or level_def. */
int rte_log_register_type_and_pick_level(const char *name, uint32_t level_def);

void rte_log_list_types(FILE *out, const char *prefix);
void rte_log_dump(FILE *f);

int rte_log(uint32_t level, uint32_t logtype, const char *format, ...)
	__rte_cold __rte_format_printf(3, 4);
int rte_vlog(uint32_t level, uint32_t logtype, const char *format, va_list ap)
	__rte_format_printf(3, 0);

#define RTE_LOG(l, t, ...) \
	rte_log(RTE_LOG_ ## l, RTE_LOGTYPE_ ## t, # t ": " __VA_ARGS__)

/** Data-path log, compiled out above RTE_LOG_DP_LEVEL. */
#define RTE_LOG_DP(l, t, ...) \
	(void)((RTE_LOG_ ## l <= RTE_LOG_DP_LEVEL) ? \
	       rte_log(RTE_LOG_ ## l, RTE_LOGTYPE_ ## t, # t ": " __VA_ARGS__) : 0)

#define RTE_LOG_REGISTER_IMPL(type, name, level) \
int type; \
RTE_INIT(__##type) \
{ \
	type = rte_log_register_type_and_pick_level(name, RTE_LOG_##level); \
	if (type < 0) \
		type = RTE_LOGTYPE_EAL; \
}

/** Define and register the int log type variable 'type' named 'name'. */
#define RTE_LOG_REGISTER(type, name, level) \
	RTE_LOG_REGISTER_IMPL(type, RTE_STR(name), level)

/** As RTE_LOG_REGISTER, named after the component (lib.eal, pmd.net.null...). */
#define RTE_LOG_REGISTER_DEFAULT(type, level) \
	RTE_LOG_REGISTER_IMPL(type, RTE_STR(RTE_LOG_DEFAULT_LOGTYPE), level)

/** As RTE_LOG_REGISTER_DEFAULT, with ".suffix" appended to the name. */
#define RTE_LOG_REGISTER_SUFFIX(type, suffix, level) \
	RTE_LOG_REGISTER_IMPL(type, \
		RTE_STR(RTE_LOG_DEFAULT_LOGTYPE) "." RTE_STR(suffix), level)

#ifdef __cplusplus
}
#endif

#endif /* _RTE_LOG_H_ */
