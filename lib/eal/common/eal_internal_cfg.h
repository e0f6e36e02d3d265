/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef EAL_INTERNAL_CFG_H
#define EAL_INTERNAL_CFG_H

/*
 * What the command line asked for. eal_options_parse() fills one of these
 * from argv without touching anything else, so that bad input changes
 * nothing; rte_eal_init() then applies it. Process-local.
 */

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/queue.h>

#include <rte_eal.h>
#include <rte_os.h>

#define EAL_DEFAULT_FILE_PREFIX "rte"
#define EAL_FILE_PREFIX_MAX 64
/* High enough to be above ASan's shadow on x86-64 and clear of mmap's usual range. */
#define EAL_DEFAULT_BASE_VIRTADDR 0x200000000000ULL
#define EAL_DEFAULT_MP_TIMEOUT_MS 5000U

/* What a -a, -b or --vdev option asked for, in command-line order. */
enum eal_devopt_type {
	EAL_DEVOPT_ALLOW,
	EAL_DEVOPT_BLOCK,
	EAL_DEVOPT_VDEV,
};

struct eal_devopt {
	TAILQ_ENTRY(eal_devopt) next;
	enum eal_devopt_type type;
	char *arg;
};
TAILQ_HEAD(eal_devopt_list, eal_devopt);

/* A --log-level option: a global level, or a level for the types matching a pattern. */
enum eal_loglevel_kind {
	EAL_LOGLEVEL_GLOBAL,
	EAL_LOGLEVEL_GLOB,   /* pattern:level */
	EAL_LOGLEVEL_REGEX,  /* regex,level */
};

struct eal_loglevel_opt {
	TAILQ_ENTRY(eal_loglevel_opt) next;
	enum eal_loglevel_kind kind;
	uint32_t level;
	char *pattern;
};
TAILQ_HEAD(eal_loglevel_list, eal_loglevel_opt);

struct internal_config {
	/* lcores: enabled ones and the cpus each may run on */
	bool lcores_given;            /* -c, -l or --lcores was used */
	bool lcore_enabled[RTE_MAX_LCORE];
	rte_cpuset_t lcore_cpus[RTE_MAX_LCORE];
	int main_lcore;               /* -1: the first enabled lcore */

	enum rte_proc_type_t process_type;
	char file_prefix[EAL_FILE_PREFIX_MAX];

	uint64_t memory;              /* -m, bytes; 0 means the default */
	unsigned int nchannel;        /* -n, accepted for compatibility */
	bool no_hugetlbfs;
	bool no_pci;
	char *hugepage_dir;           /* --huge-dir, NULL: first hugetlbfs mount */
	uint64_t base_virtaddr;
	unsigned int mp_timeout_ms;
	enum rte_iova_mode iova_mode; /* --iova-mode; RTE_IOVA_DC: as the buses need */
	bool print_version;

	struct eal_devopt_list devopts;
	struct eal_loglevel_list loglevels;
};

/* The configuration rte_eal_init() applied; valid from then on. */
struct internal_config *eal_get_internal_configuration(void);

/* Reset cfg to the defaults, with empty lists. */
void eal_internal_config_init(struct internal_config *cfg);

/* Free what cfg owns (lists, strings); cfg must be re-initialised to be used again. */
void eal_internal_config_free(struct internal_config *cfg);

/*
 * Parse EAL options from argv into cfg. Returns the number of arguments
 * consumed (as rte_eal_init does) or -1 after logging one line that names
 * the bad option; cfg is then left as eal_internal_config_init made it.
 * -h prints the usage and exits the process.
 */
int eal_options_parse(int argc, char **argv, struct internal_config *cfg);

/* Print the EAL usage (and the application's, if it set a hook) to stdout. */
void eal_usage(const char *prgname);

/* Set log levels as the --log-level options in cfg say. */
int eal_options_apply_log_levels(const struct internal_config *cfg);

/* Parse a log level given as a number (1-8) or a name; -1 if neither. */
int eal_parse_log_priority(const char *level);

#endif /* EAL_INTERNAL_CFG_H */
