/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>

#include "bench.h"
#include "mp_harness.h"

#define MAX_RESULTS 256

struct result {
	char name[64];
	double value;
	char unit[16];
};

static struct bench_section *sections;
static struct result results[MAX_RESULTS];
static unsigned int nb_results;
static bool json;

void
bench_section_register(struct bench_section *s)
{
	struct bench_section **p = &sections;

	while (*p != NULL && strcmp((*p)->name, s->name) < 0)
		p = &(*p)->next;
	s->next = *p;
	*p = s;
}

void
bench_report(const char *name, double value, const char *unit)
{
	struct result *r;

	if (nb_results == MAX_RESULTS)
		return;
	r = &results[nb_results++];
	snprintf(r->name, sizeof(r->name), "%s", name);
	snprintf(r->unit, sizeof(r->unit), "%s", unit);
	r->value = value;
	if (!json)
		printf("  %-48s %12.1f %s\n", name, value, unit);
	fflush(stdout);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double
bench_median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double
bench_ns_per_cycle(void)
{
	return 1e9 / (double)rte_get_tsc_hz();
}

/* Only virtual devices are measured: PCI is left alone in both builds. */
#ifdef LOCKSTEP_VERSION
static const char *const primary_args[] = { "--no-pci", "--no-huge", "-m", "128", NULL };
static const char *const secondary_args[] = {
	"--no-pci", "--no-huge", "--proc-type=secondary", NULL,
};
#else
static const char *const primary_args[] = { "--no-pci", NULL };
static const char *const secondary_args[] = { "--no-pci", "--proc-type=secondary", NULL };
#endif
const char *const *bench_primary_args = primary_args;
const char *const *bench_secondary_args = secondary_args;

struct mp_proc *
bench_group_start(struct mp_proc **sec, unsigned int n)
{
	const char *prefix = mp_prefix();
	struct mp_proc *p = mp_spawn_eal("primary", prefix, bench_primary_args);
	unsigned int i;

	if (p == NULL) {
		fprintf(stderr, "bench: cannot start a primary\n");
		return NULL;
	}
	for (i = 0; i < n; i++) {
		sec[i] = mp_spawn_eal("secondary", prefix, bench_secondary_args);
		if (sec[i] == NULL) {
			fprintf(stderr, "bench: cannot start secondary %u\n", i);
			return NULL;
		}
	}
	return p;
}

static char eal_prefix[64];

static void
eal_cleanup_at_exit(void)
{
	rte_eal_cleanup();
	mp_remove_runtime_dir(eal_prefix);
}

int
bench_eal_init_once(void)
{
	static int ret = 1;
	char prefix_opt[96], lcore_opt[64];
	char *argv[] = {
		"lockstep-bench", prefix_opt, lcore_opt, "--no-pci",
#ifdef LOCKSTEP_VERSION
		"--no-huge",
#endif
		NULL,
	};

	if (ret != 1)
		return ret;
	snprintf(eal_prefix, sizeof(eal_prefix), "lst_%d_bench", (int)getpid());
	snprintf(prefix_opt, sizeof(prefix_opt), "--file-prefix=%s", eal_prefix);
	/*
	 * The measuring thread on one fixed CPU, the first this process may
	 * use, in both builds: left to float, it lands on either vCPU of a
	 * virtual machine, and they are not equally fast (seen here: the same
	 * malloc figure 48 ns on one, 76 ns on the other).
	 */
	snprintf(lcore_opt, sizeof(lcore_opt), "--lcores=0@%d", RTE_MAX(mp_cpu(0), 0));
	ret = rte_eal_init((int)RTE_DIM(argv) - 1, argv) < 0 ? -rte_errno : 0;
	if (ret == 0)
		atexit(eal_cleanup_at_exit);
	else
		mp_remove_runtime_dir(eal_prefix); /* what a failed init left */
	return ret;
}

static void
print_json(void)
{
	unsigned int i;

	printf("[\n");
	for (i = 0; i < nb_results; i++)
		printf("  {\"name\": \"%s\", \"value\": %.3f, \"unit\": \"%s\"}%s\n",
		       results[i].name, results[i].value, results[i].unit,
		       i + 1 < nb_results ? "," : "");
	printf("]\n");
}

static int
run(struct bench_section *s)
{
	int ret;

	if (!json)
		printf("%s:\n", s->name);
	ret = s->fn();
	mp_cleanup_all();
	if (ret != 0)
		fprintf(stderr, "bench %s failed (%d)\n", s->name, ret);
	return ret;
}

int
main(int argc, char **argv)
{
	struct bench_section *s;
	int i, first = 1, failed = 0;
	bool any = false;

	if (argc >= 3 && strcmp(argv[1], "--role") == 0) {
		const char *role = argv[2];

		argv[2] = argv[0];
		return mp_role_run(role, argc - 2, argv + 2);
	}
	signal(SIGPIPE, SIG_IGN);
	/*
	 * Read the CPUs before rte_eal_init() pins this thread: the ring's
	 * second thread and the helper processes (mp_floating_lcore_option()
	 * and mp_cpu() keep what it reads first) must have them all.
	 */
	mp_floating_lcore_option();
	if (argc == 2 && strcmp(argv[1], "--list") == 0) {
		for (s = sections; s != NULL; s = s->next)
			printf("%s\n", s->name);
		return 0;
	}
	if (argc > 1 && strcmp(argv[1], "--json") == 0) {
		json = true;
		first = 2;
	}
	for (i = first; i < argc; i++) {
		for (s = sections; s != NULL; s = s->next) {
			if (strcmp(s->name, argv[i]) == 0)
				break;
		}
		if (s == NULL) {
			fprintf(stderr, "no bench section '%s'; sections:", argv[i]);
			for (s = sections; s != NULL; s = s->next)
				fprintf(stderr, " %s", s->name);
			fprintf(stderr, "\n");
			return 2;
		}
		failed |= run(s) != 0;
		any = true;
	}
	for (s = sections; !any && s != NULL; s = s->next)
		failed |= run(s) != 0;
	if (json)
		print_json();
	return failed;
}
