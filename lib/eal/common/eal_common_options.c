/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_lcore.h>
#include <rte_log.h>
#include <rte_string_fns.h>

#include "eal_internal_cfg.h"
#include "eal_private.h"

enum {
	OPT_LONG_MIN = 256,
	OPT_LCORES,
	OPT_MAIN_LCORE,
	OPT_PROC_TYPE,
	OPT_FILE_PREFIX,
	OPT_HUGE_DIR,
	OPT_NO_HUGE,
	OPT_NO_PCI,
	OPT_VDEV,
	OPT_LOG_LEVEL,
	OPT_BASE_VIRTADDR,
	OPT_MP_TIMEOUT,
	OPT_IOVA_MODE,
};

/* The leading ':' makes getopt report a missing argument apart from an unknown option. */
static const char short_options[] = ":a:b:c:hl:m:n:v";

static const struct option long_options[] = {
	{ "allow",          required_argument, NULL, 'a' },
	{ "block",          required_argument, NULL, 'b' },
	{ "help",           no_argument,       NULL, 'h' },
	{ "lcores",         required_argument, NULL, OPT_LCORES },
	{ "main-lcore",     required_argument, NULL, OPT_MAIN_LCORE },
	{ "proc-type",      required_argument, NULL, OPT_PROC_TYPE },
	{ "file-prefix",    required_argument, NULL, OPT_FILE_PREFIX },
	{ "huge-dir",       required_argument, NULL, OPT_HUGE_DIR },
	{ "no-huge",        no_argument,       NULL, OPT_NO_HUGE },
	{ "no-pci",         no_argument,       NULL, OPT_NO_PCI },
	{ "vdev",           required_argument, NULL, OPT_VDEV },
	{ "log-level",      required_argument, NULL, OPT_LOG_LEVEL },
	{ "base-virtaddr",  required_argument, NULL, OPT_BASE_VIRTADDR },
	{ "mp-timeout",     required_argument, NULL, OPT_MP_TIMEOUT },
	{ "iova-mode",      required_argument, NULL, OPT_IOVA_MODE },
	{ NULL, 0, NULL, 0 },
};

#define MP_TIMEOUT_MAX_MS (3600U * 1000U)

static rte_usage_hook_t application_usage_hook;

static struct internal_config internal_config;

struct internal_config *
eal_get_internal_configuration(void)
{
	return &internal_config;
}

rte_usage_hook_t
rte_set_application_usage_hook(rte_usage_hook_t usage_func)
{
	rte_usage_hook_t old = application_usage_hook;

	application_usage_hook = usage_func;
	return old;
}

void
eal_internal_config_init(struct internal_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->main_lcore = -1;
	cfg->process_type = RTE_PROC_PRIMARY;
	rte_strlcpy(cfg->file_prefix, EAL_DEFAULT_FILE_PREFIX, sizeof(cfg->file_prefix));
	cfg->base_virtaddr = EAL_DEFAULT_BASE_VIRTADDR;
	cfg->mp_timeout_ms = EAL_DEFAULT_MP_TIMEOUT_MS;
	TAILQ_INIT(&cfg->devopts);
	TAILQ_INIT(&cfg->loglevels);
}

void
eal_internal_config_free(struct internal_config *cfg)
{
	struct eal_devopt *d;
	struct eal_loglevel_opt *l;

	while ((d = TAILQ_FIRST(&cfg->devopts)) != NULL) {
		TAILQ_REMOVE(&cfg->devopts, d, next);
		free(d->arg);
		free(d);
	}
	while ((l = TAILQ_FIRST(&cfg->loglevels)) != NULL) {
		TAILQ_REMOVE(&cfg->loglevels, l, next);
		free(l->pattern);
		free(l);
	}
	free(cfg->hugepage_dir);
	cfg->hugepage_dir = NULL;
}

void
eal_usage(const char *prgname)
{
	printf("\nUsage: %s [EAL options] -- [application options]\n\n"
	       "EAL options:\n"
	       "  -c COREMASK         Hexadecimal mask of lcores to run on\n"
	       "  -l CORELIST         List of lcores to run on: 'a,b,c-d'\n"
	       "  --lcores=MAP        Map lcores to cpus: 'lcores[@cpus][,...]', where each\n"
	       "                      side is a number, a range 'a-b' or a group '(a,b-c)'\n"
	       "  --main-lcore=ID     The lcore that runs main() (default: first lcore)\n"
	       "  -n CHANNELS         Memory channels (accepted for compatibility)\n"
	       "  -m MB               Size of the shared heap, in megabytes\n"
	       "  --proc-type=TYPE    primary, secondary or auto (default: primary)\n"
	       "  --file-prefix=NAME  Name of the process group (default: %s)\n"
	       "  --huge-dir=DIR      hugetlbfs mount to back memory with\n"
	       "                      (default: the first one mounted)\n"
	       "  --no-huge           Back memory with ordinary shared memory (tmpfs)\n"
	       "  --no-pci            Do not scan or probe PCI devices\n"
	       "  -a, --allow=DEV     Probe only the listed PCI devices: 'DBDF[,key=val...]'\n"
	       "  -b, --block=DEV     Never probe this PCI device\n"
	       "  --vdev=DEVARGS      Add a virtual device: 'driver[,key=val...]'\n"
	       "  --log-level=LEVEL   Global level, or 'pattern:level' (glob) or\n"
	       "                      'regex,level' for some log types; levels are\n"
	       "                      1-8 or emergency..debug\n"
	       "  --base-virtaddr=HEX Address of the group's shared memory (default: 0x%llx)\n"
	       "  --mp-timeout=SEC    Time a multi-process request waits for a peer\n"
	       "                      (default: %u)\n"
	       "  --iova-mode=MODE    pa or va: the addresses devices use for DMA\n"
	       "                      (default: what the devices' drivers need)\n"
	       "  -v                  Print the version at start-up\n"
	       "  -h, --help          This help\n",
	       prgname, EAL_DEFAULT_FILE_PREFIX,
	       (unsigned long long)EAL_DEFAULT_BASE_VIRTADDR,
	       EAL_DEFAULT_MP_TIMEOUT_MS / 1000);
	if (application_usage_hook != NULL) {
		printf("===== Application usage =====\n\n");
		application_usage_hook(prgname);
	}
}

/* A whole-string unsigned number in base (no sign, no trailing text) up to max. */
static int
parse_uint(const char *s, int base, uint64_t max, uint64_t *out)
{
	unsigned long long v;
	char *end;

	if (s == NULL || !isxdigit((unsigned char)s[0]))
		return -1;
	errno = 0;
	v = strtoull(s, &end, base);
	if (errno != 0 || *end != '\0' || v > max)
		return -1;
	*out = v;
	return 0;
}

/* Read a number at *s, advancing *s; up to max. */
static int
read_number(const char **s, unsigned long max, unsigned long *out)
{
	unsigned long v;
	char *end;

	while (isblank((unsigned char)**s))
		(*s)++;
	if (!isdigit((unsigned char)**s))
		return -1;
	errno = 0;
	v = strtoul(*s, &end, 10);
	if (errno != 0 || v > max)
		return -1;
	*s = end;
	while (isblank((unsigned char)**s))
		(*s)++;
	return (*out = v, 0);
}

/*
 * Read "n", "a-b" or "(n,a-b,...)" at *s into set, advancing *s;
 * *was_group (if not NULL) says whether it was the parenthesised form.
 */
static int
read_id_set(const char **s, unsigned long max, rte_cpuset_t *set, bool *was_group)
{
	unsigned long lo, hi, i;
	bool group = (**s == '(');

	CPU_ZERO(set);
	if (group)
		(*s)++;
	do {
		if (group && **s == ',')
			(*s)++;
		if (read_number(s, max, &lo) < 0)
			return -1;
		hi = lo;
		if (**s == '-') {
			(*s)++;
			if (read_number(s, max, &hi) < 0)
				return -1;
		}
		if (lo > hi) {
			unsigned long t = lo;

			lo = hi;
			hi = t;
		}
		for (i = lo; i <= hi; i++)
			CPU_SET(i, set);
	} while (group && **s == ',');
	if (group) {
		if (**s != ')')
			return -1;
		(*s)++;
	}
	if (was_group != NULL)
		*was_group = group;
	return 0;
}

static bool
cfg_has_lcore(const struct internal_config *cfg)
{
	unsigned int i;

	for (i = 0; i < RTE_MAX_LCORE; i++) {
		if (cfg->lcore_enabled[i])
			return true;
	}
	return false;
}

static void
enable_lcore_on_own_cpu(struct internal_config *cfg, unsigned int id)
{
	cfg->lcore_enabled[id] = true;
	CPU_ZERO(&cfg->lcore_cpus[id]);
	CPU_SET(id, &cfg->lcore_cpus[id]);
}

/* -c: a hexadecimal mask, bit n meaning lcore n on cpu n. */
static int
parse_coremask(const char *arg, struct internal_config *cfg)
{
	const char *p = arg;
	size_t len;
	unsigned int bit = 0;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		p += 2;
	len = strlen(p);
	if (len == 0)
		return -1;
	/* Walk from the least significant digit. */
	while (len-- > 0) {
		int v = rte_hex_digit_value(p[len]);
		unsigned int j;

		if (v < 0)
			return -1;
		for (j = 0; j < 4; j++, bit++) {
			if (!(v & (1 << j)))
				continue;
			if (bit >= RTE_MAX_LCORE)
				return -1;
			enable_lcore_on_own_cpu(cfg, bit);
		}
	}
	return cfg_has_lcore(cfg) ? 0 : -1;
}

/* -l: "a,b,c-d", lcore n on cpu n. */
static int
parse_corelist(const char *arg, struct internal_config *cfg)
{
	const char *p = arg;
	rte_cpuset_t set;
	unsigned int i;

	for (;;) {
		if (*p == '(' || read_id_set(&p, RTE_MAX_LCORE - 1, &set, NULL) < 0)
			return -1;
		for (i = 0; i < RTE_MAX_LCORE; i++) {
			if (CPU_ISSET(i, &set))
				enable_lcore_on_own_cpu(cfg, i);
		}
		if (*p == '\0')
			return 0;
		if (*p++ != ',')
			return -1;
	}
}

/*
 * --lcores: comma-separated "lcores[@cpus]". Without '@', a group of lcores
 * shares the group as its cpus, and other lcores run on the cpu of their
 * own number.
 */
static int
parse_lcores(const char *arg, struct internal_config *cfg)
{
	const char *p = arg;
	rte_cpuset_t lcores, cpus;
	bool group, own_cpu;
	unsigned int i;

	for (;;) {
		if (read_id_set(&p, RTE_MAX_LCORE - 1, &lcores, &group) < 0)
			return -1;
		own_cpu = false;
		if (*p == '@') {
			p++;
			if (read_id_set(&p, CPU_SETSIZE - 1, &cpus, NULL) < 0)
				return -1;
		} else if (group) {
			cpus = lcores;
		} else {
			own_cpu = true;
		}
		for (i = 0; i < RTE_MAX_LCORE; i++) {
			if (!CPU_ISSET(i, &lcores))
				continue;
			if (cfg->lcore_enabled[i])
				return -1; /* the same lcore twice */
			if (own_cpu) {
				enable_lcore_on_own_cpu(cfg, i);
			} else {
				cfg->lcore_enabled[i] = true;
				cfg->lcore_cpus[i] = cpus;
			}
		}
		if (*p == '\0')
			return 0;
		if (*p++ != ',')
			return -1;
	}
}

/* --log-level: "level", "glob:level" or "regex,level". */
static int
parse_log_level(const char *arg, struct internal_config *cfg)
{
	struct eal_loglevel_opt *opt;
	const char *sep_colon = strrchr(arg, ':');
	const char *sep_comma = strrchr(arg, ',');
	const char *sep = NULL;
	const char *level_str = arg;
	int level;

	opt = calloc(1, sizeof(*opt));
	if (opt == NULL)
		return -1;
	opt->kind = EAL_LOGLEVEL_GLOBAL;
	/* Levels never hold ':' or ',', so the last one separates the level. */
	if (sep_comma != NULL && (sep_colon == NULL || sep_comma > sep_colon)) {
		opt->kind = EAL_LOGLEVEL_REGEX;
		sep = sep_comma;
	} else if (sep_colon != NULL) {
		opt->kind = EAL_LOGLEVEL_GLOB;
		sep = sep_colon;
	}
	if (sep != NULL) {
		level_str = sep + 1;
		if (sep == arg)
			goto fail;
		opt->pattern = strndup(arg, (size_t)(sep - arg));
		if (opt->pattern == NULL)
			goto fail;
		if (opt->kind == EAL_LOGLEVEL_REGEX) {
			regex_t re;

			if (regcomp(&re, opt->pattern, REG_NOSUB) != 0)
				goto fail;
			regfree(&re);
		}
	}
	level = eal_parse_log_priority(level_str);
	if (level < 0)
		goto fail;
	opt->level = (uint32_t)level;
	TAILQ_INSERT_TAIL(&cfg->loglevels, opt, next);
	return 0;
fail:
	free(opt->pattern);
	free(opt);
	return -1;
}

static int
parse_proc_type(const char *arg, struct internal_config *cfg)
{
	if (strcmp(arg, "primary") == 0)
		cfg->process_type = RTE_PROC_PRIMARY;
	else if (strcmp(arg, "secondary") == 0)
		cfg->process_type = RTE_PROC_SECONDARY;
	else if (strcmp(arg, "auto") == 0)
		cfg->process_type = RTE_PROC_AUTO;
	else
		return -1;
	return 0;
}

/* The prefix names a directory: no '/', not "." or "..", and it must fit. */
static int
parse_file_prefix(const char *arg, struct internal_config *cfg)
{
	const char *c;

	if (arg[0] == '\0' || strcmp(arg, ".") == 0 || strcmp(arg, "..") == 0)
		return -1;
	for (c = arg; *c != '\0'; c++) {
		if (*c == '/' || iscntrl((unsigned char)*c))
			return -1;
	}
	if (rte_strscpy(cfg->file_prefix, arg, sizeof(cfg->file_prefix)) < 0)
		return -1;
	return 0;
}

/* Seconds with up to three decimals ("5", "0.25"), to milliseconds. */
static int
parse_mp_timeout(const char *arg, struct internal_config *cfg)
{
	const char *p = arg;
	uint64_t ms = 0;
	unsigned int decimals = 0;

	if (!isdigit((unsigned char)*p))
		return -1;
	for (; isdigit((unsigned char)*p); p++) {
		ms = ms * 10 + (uint64_t)(*p - '0');
		if (ms > MP_TIMEOUT_MAX_MS)
			return -1;
	}
	ms *= 1000;
	if (*p == '.') {
		unsigned int scale = 100;

		p++;
		if (!isdigit((unsigned char)*p))
			return -1;
		for (; isdigit((unsigned char)*p); p++, decimals++) {
			if (decimals == 3)
				return -1;
			ms += (uint64_t)(*p - '0') * scale;
			scale /= 10;
		}
	}
	if (*p != '\0' || ms == 0 || ms > MP_TIMEOUT_MAX_MS)
		return -1;
	cfg->mp_timeout_ms = (unsigned int)ms;
	return 0;
}

static int
add_devopt(struct internal_config *cfg, enum eal_devopt_type type, const char *arg)
{
	struct eal_devopt *d;

	if (arg[0] == '\0')
		return -1;
	d = calloc(1, sizeof(*d));
	if (d == NULL)
		return -1;
	d->arg = strdup(arg);
	if (d->arg == NULL) {
		free(d);
		return -1;
	}
	d->type = type;
	TAILQ_INSERT_TAIL(&cfg->devopts, d, next);
	return 0;
}

static bool
has_devopt(const struct internal_config *cfg, enum eal_devopt_type type)
{
	const struct eal_devopt *d;

	TAILQ_FOREACH(d, &cfg->devopts, next) {
		if (d->type == type)
			return true;
	}
	return false;
}

/* How the user wrote option opt, for messages: "-l" or "--lcores". */
static void
option_name(int opt, char *buf, size_t size)
{
	const struct option *o;

	for (o = long_options; o->name != NULL; o++) {
		if (o->val == opt) {
			snprintf(buf, size, "--%s", o->name);
			return;
		}
	}
	snprintf(buf, size, "-%c", opt);
}

/* Apply one option; returns 0, or -1 when its argument is invalid. */
static int
parse_one(int opt, const char *arg, struct internal_config *cfg)
{
	uint64_t v;

	switch (opt) {
	case 'a':
		return add_devopt(cfg, EAL_DEVOPT_ALLOW, arg);
	case 'b':
		return add_devopt(cfg, EAL_DEVOPT_BLOCK, arg);
	case OPT_VDEV:
		return add_devopt(cfg, EAL_DEVOPT_VDEV, arg);
	case 'c':
		return parse_coremask(arg, cfg);
	case 'l':
		return parse_corelist(arg, cfg);
	case OPT_LCORES:
		return parse_lcores(arg, cfg);
	case OPT_MAIN_LCORE:
		if (parse_uint(arg, 10, RTE_MAX_LCORE - 1, &v) < 0)
			return -1;
		cfg->main_lcore = (int)v;
		return 0;
	case 'm':
		/* Up to 1 TB: the heap is one mapping of the shared reservation. */
		if (parse_uint(arg, 10, 1024 * 1024, &v) < 0 || v == 0)
			return -1;
		cfg->memory = v * RTE_MB;
		return 0;
	case 'n':
		if (parse_uint(arg, 10, UINT_MAX, &v) < 0 || v == 0)
			return -1;
		cfg->nchannel = (unsigned int)v;
		return 0;
	case OPT_PROC_TYPE:
		return parse_proc_type(arg, cfg);
	case OPT_FILE_PREFIX:
		return parse_file_prefix(arg, cfg);
	case OPT_HUGE_DIR:
		if (arg[0] == '\0')
			return -1;
		free(cfg->hugepage_dir);
		cfg->hugepage_dir = strdup(arg);
		return cfg->hugepage_dir != NULL ? 0 : -1;
	case OPT_NO_HUGE:
		cfg->no_hugetlbfs = true;
		return 0;
	case OPT_NO_PCI:
		cfg->no_pci = true;
		return 0;
	case OPT_LOG_LEVEL:
		return parse_log_level(arg, cfg);
	case OPT_BASE_VIRTADDR:
		if (parse_uint(arg, 16, UINT64_MAX, &v) < 0 || v == 0 || (v & 4095) != 0)
			return -1;
		cfg->base_virtaddr = v;
		return 0;
	case OPT_MP_TIMEOUT:
		return parse_mp_timeout(arg, cfg);
	case OPT_IOVA_MODE:
		if (strcmp(arg, "pa") == 0)
			cfg->iova_mode = RTE_IOVA_PA;
		else if (strcmp(arg, "va") == 0)
			cfg->iova_mode = RTE_IOVA_VA;
		else
			return -1;
		return 0;
	case 'v':
		cfg->print_version = true;
		return 0;
	default:
		return -1;
	}
}

/* Checks that need every option: conflicts and references between them. */
static int
check_options(const struct internal_config *cfg)
{
	if (has_devopt(cfg, EAL_DEVOPT_ALLOW) && has_devopt(cfg, EAL_DEVOPT_BLOCK)) {
		RTE_LOG(ERR, EAL, "options -a (allow) and -b (block) cannot be used together\n");
		return -1;
	}
	if (cfg->lcores_given && cfg->main_lcore >= 0 &&
	    !cfg->lcore_enabled[cfg->main_lcore]) {
		RTE_LOG(ERR, EAL, "--main-lcore %d is not among the enabled lcores\n",
			cfg->main_lcore);
		return -1;
	}
	return 0;
}

int
eal_options_parse(int argc, char **argv, struct internal_config *cfg)
{
	const char *prgname;
	char name[32];
	int saved_opterr = opterr;
	int opt, ret = -1;

	eal_internal_config_init(cfg);
	if (argc < 1 || argv == NULL || argv[0] == NULL) {
		RTE_LOG(ERR, EAL, "no program name in argv\n");
		return -1;
	}
	prgname = argv[0];
	opterr = 0;
	optind = 0; /* glibc: start a fresh scan */

	while ((opt = getopt_long(argc, argv, short_options, long_options, NULL)) != -1) {
		if (opt == '?') {
			if (optopt != 0)
				RTE_LOG(ERR, EAL, "unknown option '-%c'\n", optopt);
			else
				RTE_LOG(ERR, EAL, "unknown option '%s'\n", argv[optind - 1]);
			goto usage;
		}
		if (opt == ':') {
			RTE_LOG(ERR, EAL, "option '%s' needs an argument\n", argv[optind - 1]);
			goto usage;
		}
		if (opt == 'h') {
			eal_usage(prgname);
			exit(EXIT_SUCCESS);
		}
		if (opt == 'c' || opt == 'l' || opt == OPT_LCORES) {
			if (cfg->lcores_given) {
				RTE_LOG(ERR, EAL, "only one of -c, -l and --lcores may be given, once\n");
				goto usage;
			}
			cfg->lcores_given = true;
		}
		if (parse_one(opt, optarg, cfg) < 0) {
			option_name(opt, name, sizeof(name));
			RTE_LOG(ERR, EAL, "invalid %s argument '%s'\n", name,
				optarg != NULL ? optarg : "");
			goto usage;
		}
	}
	if (check_options(cfg) < 0)
		goto usage;

	/* Hand the program name to the application's own argument parsing. */
	ret = optind - 1;
	argv[ret] = (char *)(uintptr_t)prgname;
	goto out;

usage:
	eal_usage(prgname);
	eal_internal_config_free(cfg);
	eal_internal_config_init(cfg);
out:
	opterr = saved_opterr;
	optind = 1; /* the application may run getopt next */
	return ret;
}
