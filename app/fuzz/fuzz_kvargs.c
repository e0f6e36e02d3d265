/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * libFuzzer target for rte_kvargs: any byte string goes through every
 * parse entry point, and every list that comes back is read through every
 * accessor and checked against the invariants the header promises.
 */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <rte_kvargs.h>

#include "fuzz.h"

static const char *const valid_keys[] = { "a", "b", "key", "list", "pf", NULL };

/* Counts its calls in *opaque. */
static int
visit(const char *key, const char *value, void *opaque)
{
	unsigned int *calls = opaque;

	(void)value;
	CHECK(key != NULL && key[0] != '\0');
	CHECK(strchr(key, '=') == NULL);
	(*calls)++;
	return 0;
}

static bool
inside(const struct rte_kvargs *kvlist, const char *p, size_t len)
{
	return p >= kvlist->str && p + strlen(p) <= kvlist->str + len;
}

/* Whether every pair with the key of kv also has its value. */
static bool
same_values(const struct rte_kvargs *kvlist, const struct rte_kvargs_pair *kv)
{
	unsigned int i;

	for (i = 0; i < kvlist->count; i++) {
		const struct rte_kvargs_pair *p = &kvlist->pairs[i];

		if (strcmp(p->key, kv->key) == 0 &&
		    (p->value == NULL || strcmp(p->value, kv->value) != 0))
			return false;
	}
	return true;
}

static void
exercise(const struct rte_kvargs *kvlist, size_t len)
{
	unsigned int i, calls = 0;

	if (kvlist == NULL)
		return;
	CHECK(kvlist->count <= RTE_KVARGS_MAX);
	CHECK(rte_kvargs_count(kvlist, NULL) == kvlist->count);
	CHECK(rte_kvargs_process(kvlist, NULL, visit, &calls) == 0);
	CHECK(calls == kvlist->count);
	for (i = 0; i < kvlist->count; i++) {
		const struct rte_kvargs_pair *kv = &kvlist->pairs[i];
		const char *first = rte_kvargs_get(kvlist, kv->key);

		CHECK(inside(kvlist, kv->key, len));
		CHECK(kv->value == NULL || inside(kvlist, kv->value, len));
		CHECK(rte_kvargs_count(kvlist, kv->key) >= 1);
		CHECK(first == NULL || inside(kvlist, first, len));
		if (kv->value != NULL) {
			CHECK(rte_kvargs_get_with_value(kvlist, kv->key, kv->value) != NULL);
			CHECK((rte_kvargs_process(kvlist, kv->key, rte_kvargs_strcmp,
						  kv->value) == 0) == same_values(kvlist, kv));
		}
		calls = 0;
		CHECK(rte_kvargs_process(kvlist, kv->key, visit, &calls) == 0);
		CHECK(calls == rte_kvargs_count(kvlist, kv->key));
	}
}

/* Checking keys only filters: it never changes how the string splits. */
static void
compare(const struct rte_kvargs *any, const struct rte_kvargs *checked)
{
	unsigned int i;

	if (checked == NULL)
		return;
	CHECK(any != NULL && any->count == checked->count);
	for (i = 0; i < any->count; i++) {
		CHECK(strcmp(any->pairs[i].key, checked->pairs[i].key) == 0);
		CHECK((any->pairs[i].value == NULL) == (checked->pairs[i].value == NULL));
		CHECK(any->pairs[i].value == NULL ||
		      strcmp(any->pairs[i].value, checked->pairs[i].value) == 0);
	}
}

static struct rte_kvargs *
parse(const char *str, const char *const keys[], const char *valid_ends)
{
	if (valid_ends == NULL)
		return rte_kvargs_parse(str, keys);
	return rte_kvargs_parse_delim(str, keys, valid_ends);
}

static void
check(const char *str, const char *valid_ends)
{
	/* The part of str a list may point into. */
	size_t len = valid_ends == NULL ? strlen(str) : strcspn(str, valid_ends);
	struct rte_kvargs *any = parse(str, NULL, valid_ends);
	struct rte_kvargs *checked = parse(str, valid_keys, valid_ends);

	exercise(any, len);
	exercise(checked, len);
	compare(any, checked);
	rte_kvargs_free(any);
	rte_kvargs_free(checked);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *str = malloc(size + 1);

	if (str == NULL)
		return 0;
	/* Embedded NULs end the string, as they would for a caller. */
	memcpy(str, data, size);
	str[size] = '\0';
	check(str, NULL);
	check(str, "/:");
	free(str);
	return 0;
}
