/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The input is copied once into kvlist->str and cut in place: each ','
 * ending a pair and each '=' ending a key becomes a NUL, and the pairs
 * point into the copy. Freeing the list is then two free() calls.
 */

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "rte_kvargs.h"

static bool
key_is_valid(const char *key, const char *const valid_keys[])
{
	if (valid_keys == NULL)
		return true;
	for (; *valid_keys != NULL; valid_keys++) {
		if (strcmp(key, *valid_keys) == 0)
			return true;
	}
	return false;
}

/*
 * The end of the pair starting at p: the first ',' outside brackets or the
 * end of the string; NULL when the brackets do not balance.
 */
static char *
pair_end(char *p)
{
	size_t depth = 0;

	for (; *p != '\0'; p++) {
		if (*p == '[') {
			depth++;
		} else if (*p == ']') {
			if (depth == 0)
				return NULL;
			depth--;
		} else if (*p == RTE_KVARGS_PAIRS_DELIM[0] && depth == 0) {
			break;
		}
	}
	return depth == 0 ? p : NULL;
}

static int
add_pair(struct rte_kvargs *kvlist, char *pair, const char *const valid_keys[])
{
	char *delim = strchr(pair, RTE_KVARGS_KV_DELIM[0]);
	struct rte_kvargs_pair *kv;

	if (kvlist->count == RTE_KVARGS_MAX || delim == pair)
		return -1;
	kv = &kvlist->pairs[kvlist->count];
	kv->key = pair;
	kv->value = NULL;
	if (delim != NULL) {
		*delim = '\0';
		kv->value = delim + 1;
	}
	if (!key_is_valid(kv->key, valid_keys))
		return -1;
	kvlist->count++;
	return 0;
}

static int
split(struct rte_kvargs *kvlist, const char *const valid_keys[])
{
	char *p = kvlist->str;

	while (*p != '\0') {
		char *end = pair_end(p);
		bool last;

		if (end == NULL)
			return -1;
		last = *end == '\0';
		*end = '\0';
		if (end != p && add_pair(kvlist, p, valid_keys) < 0)
			return -1;
		p = last ? end : end + 1;
	}
	return 0;
}

/* Parse the first len bytes of args. */
static struct rte_kvargs *
parse(const char *args, size_t len, const char *const valid_keys[])
{
	struct rte_kvargs *kvlist = calloc(1, sizeof(*kvlist));

	if (kvlist == NULL)
		return NULL;
	kvlist->str = strndup(args, len);
	if (kvlist->str == NULL || split(kvlist, valid_keys) < 0) {
		rte_kvargs_free(kvlist);
		return NULL;
	}
	return kvlist;
}

struct rte_kvargs *
rte_kvargs_parse(const char *args, const char *const valid_keys[])
{
	if (args == NULL)
		return NULL;
	return parse(args, strlen(args), valid_keys);
}

struct rte_kvargs *
rte_kvargs_parse_delim(const char *args, const char *const valid_keys[], const char *valid_ends)
{
	if (args == NULL)
		return NULL;
	if (valid_ends == NULL)
		return rte_kvargs_parse(args, valid_keys);
	return parse(args, strcspn(args, valid_ends), valid_keys);
}

void
rte_kvargs_free(struct rte_kvargs *kvlist)
{
	if (kvlist == NULL)
		return;
	free(kvlist->str);
	free(kvlist);
}

static bool
key_matches(const struct rte_kvargs_pair *kv, const char *key_match)
{
	return key_match == NULL || strcmp(kv->key, key_match) == 0;
}

const char *
rte_kvargs_get_with_value(const struct rte_kvargs *kvlist, const char *key, const char *value)
{
	unsigned int i;

	if (kvlist == NULL || key == NULL)
		return NULL;
	for (i = 0; i < kvlist->count; i++) {
		const struct rte_kvargs_pair *kv = &kvlist->pairs[i];

		if (!key_matches(kv, key))
			continue;
		if (value == NULL || (kv->value != NULL && strcmp(kv->value, value) == 0))
			return kv->value;
	}
	return NULL;
}

const char *
rte_kvargs_get(const struct rte_kvargs *kvlist, const char *key)
{
	return rte_kvargs_get_with_value(kvlist, key, NULL);
}

int
rte_kvargs_process(const struct rte_kvargs *kvlist, const char *key_match,
		arg_handler_t handler, void *opaque_arg)
{
	unsigned int i;

	if (kvlist == NULL || handler == NULL)
		return -1;
	for (i = 0; i < kvlist->count; i++) {
		const struct rte_kvargs_pair *kv = &kvlist->pairs[i];

		if (key_matches(kv, key_match) && handler(kv->key, kv->value, opaque_arg) < 0)
			return -1;
	}
	return 0;
}

unsigned
rte_kvargs_count(const struct rte_kvargs *kvlist, const char *key_match)
{
	unsigned int i, n = 0;

	if (kvlist == NULL)
		return 0;
	for (i = 0; i < kvlist->count; i++)
		n += key_matches(&kvlist->pairs[i], key_match);
	return n;
}

int
rte_kvargs_strcmp(const char *key, const char *value, void *opaque)
{
	const char *expected = opaque;

	(void)key;
	if (value == NULL || expected == NULL)
		return -1;
	return strcmp(value, expected) == 0 ? 0 : -1;
}
