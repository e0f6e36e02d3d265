/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_KVARGS_H_
#define _RTE_KVARGS_H_

/**
 * @file
 * Key/value argument lists (DPDK 22.11 API).
 *
 * Parses strings of the form "key1=value1,key2=value2,..." as given to
 * drivers in devargs. The result is a list, not a dictionary: a key may
 * appear several times and every occurrence is kept, in input order.
 *
 * Syntax, as Lockstep reads it:
 * - pairs are separated by ','; empty pairs ("a=1,,b=2", a leading or
 *   trailing ',') are skipped, so "" and "," give an empty list;
 * - a pair splits at its first '=': "k=a=b" has the value "a=b";
 * - "k" alone is a key without value, its value is NULL (as in DPDK);
 *   "k=" has the empty string as value;
 * - brackets group: a ',' inside "[...]" belongs to the value, so
 *   "list=[1,2],pf=[0-1]vf[2,3]" holds two pairs; brackets nest and must
 *   balance;
 * - nothing is trimmed or unescaped.
 *
 * A string that breaks these rules (an empty key as in "=v", unbalanced
 * brackets, more than RTE_KVARGS_MAX pairs, a key missing from the list
 * of valid keys) is rejected as a whole: the parse returns NULL.
 */

#ifdef __cplusplus
extern "C" {
#endif

/** Maximum number of key/value pairs in one list. */
#define RTE_KVARGS_MAX 32

/** Separator between two pairs. */
#define RTE_KVARGS_PAIRS_DELIM ","

/** Separator between a key and its value. */
#define RTE_KVARGS_KV_DELIM "="

/**
 * Handler called by rte_kvargs_process() for each matching pair. key is
 * never NULL; value is NULL for a key given without '='. A negative return
 * stops the walk.
 */
typedef int (*arg_handler_t)(const char *key, const char *value, void *opaque);

/** One key/value pair; both point into rte_kvargs.str. */
struct rte_kvargs_pair {
	char *key;   /**< the key, never empty */
	char *value; /**< the value, NULL when the key came alone */
};

/** A parsed list; the application reads it and never modifies it. */
struct rte_kvargs {
	char *str;      /**< private copy of the input, cut into the pairs */
	unsigned count; /**< number of pairs used in pairs[] */
	struct rte_kvargs_pair pairs[RTE_KVARGS_MAX]; /**< the pairs, in input order */
};

/**
 * Parse args into a newly allocated list, to be released with
 * rte_kvargs_free(). args is copied and may be freed afterwards.
 *
 * @param args
 *   The string to parse, "key1=value1,key2=value2,...".
 * @param valid_keys
 *   NULL-terminated array of the keys accepted, or NULL to accept any key.
 * @return
 *   The list, or NULL if args is NULL or malformed, a key is not valid, or
 *   memory ran out.
 */
struct rte_kvargs *rte_kvargs_parse(const char *args, const char *const valid_keys[]);

/**
 * Like rte_kvargs_parse() but the string ends at the first character found
 * in valid_ends, or at its end: rte_kvargs_parse_delim("a=1,b=2/rest",
 * NULL, "/") parses "a=1,b=2" and ignores "rest". A character of
 * valid_ends ends the string even inside brackets. NULL valid_ends behaves
 * as rte_kvargs_parse().
 */
struct rte_kvargs *rte_kvargs_parse_delim(const char *args, const char *const valid_keys[],
		const char *valid_ends);

/** Release a list from rte_kvargs_parse(); NULL is allowed. */
void rte_kvargs_free(struct rte_kvargs *kvlist);

/**
 * Value of the first pair whose key is key. Returns NULL when there is no
 * such pair, when kvlist or key is NULL, and for a key given without value
 * (tell the two apart with rte_kvargs_count()). The string belongs to
 * kvlist.
 */
const char *rte_kvargs_get(const struct rte_kvargs *kvlist, const char *key);

/**
 * Value of the first pair whose key is key and whose value is value (so a
 * pointer into kvlist equal to value), or NULL. A NULL value matches any
 * value, as rte_kvargs_get() does.
 */
const char *rte_kvargs_get_with_value(const struct rte_kvargs *kvlist, const char *key,
		const char *value);

/**
 * Call handler(key, value, opaque_arg) for each pair whose key is
 * key_match, or for every pair when key_match is NULL, in input order.
 *
 * @return
 *   0 when every call returned >= 0 (or none was made), -1 when kvlist or
 *   handler is NULL or a call returned < 0; the walk stops at that call.
 */
int rte_kvargs_process(const struct rte_kvargs *kvlist, const char *key_match,
		arg_handler_t handler, void *opaque_arg);

/**
 * Number of pairs whose key is key_match, or of all pairs when key_match
 * is NULL. 0 when kvlist is NULL.
 */
unsigned rte_kvargs_count(const struct rte_kvargs *kvlist, const char *key_match);

/**
 * A handler for rte_kvargs_process(): 0 when value equals the string
 * opaque points to, -1 otherwise (including a NULL value). With it,
 * rte_kvargs_process(kvlist, key, rte_kvargs_strcmp, "x") returns 0 when
 * every occurrence of key has the value "x".
 */
int rte_kvargs_strcmp(const char *key, const char *value, void *opaque);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_KVARGS_H_ */
