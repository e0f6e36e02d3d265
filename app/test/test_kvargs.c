/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * rte_kvargs: the syntax through a table of valid and malformed strings,
 * then each accessor on its own.
 */

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_common.h>
#include <rte_kvargs.h>

#include "test.h"

static const char *const valid_keys[] = { "a", "b", "list", "pf", NULL };

/*
 * A list as one string, "key=value|key2|..." (a key alone for a NULL
 * value), so that a table row states the whole expected result.
 */
static void
dump(const struct rte_kvargs *kvlist, char *buf, size_t size)
{
	size_t len = 0;
	unsigned int i;

	buf[0] = '\0';
	for (i = 0; i < kvlist->count && len < size; i++) {
		const struct rte_kvargs_pair *kv = &kvlist->pairs[i];

		len += snprintf(buf + len, size - len, "%s%s%s%s", i == 0 ? "" : "|", kv->key,
				kv->value != NULL ? "=" : "", kv->value != NULL ? kv->value : "");
	}
}

struct parse_case {
	const char *args;
	bool check_keys;    /* pass valid_keys rather than NULL */
	const char *result; /* dump() of the list, NULL when the parse must fail */
};

static const struct parse_case cases[] = {
	/* well formed */
	{ "", false, "" },
	{ "a=1", false, "a=1" },
	{ "a=1,b=2", true, "a=1|b=2" },
	{ "a=1,b=2,a=3", true, "a=1|b=2|a=3" },
	{ "a=1,a=1", false, "a=1|a=1" },
	{ "some_key=some value", false, "some_key=some value" },
	{ "a= 1 , b", false, "a= 1 | b" },
	/* empty pairs are skipped */
	{ ",", false, "" },
	{ ",,,", false, "" },
	{ "a=1,", false, "a=1" },
	{ ",a=1", false, "a=1" },
	{ "a=1,,b=2", false, "a=1|b=2" },
	/* key without value, empty value */
	{ "a", true, "a" },
	{ "a,b=2", true, "a|b=2" },
	{ "b=2,a", true, "b=2|a" },
	{ "a=", true, "a=" },
	{ "a=,b=", true, "a=|b=" },
	/* the first '=' splits, later ones belong to the value */
	{ "a=x=y", true, "a=x=y" },
	{ "a==", true, "a==" },
	{ "a==1,b=2=", true, "a==1|b=2=" },
	/* brackets keep their commas */
	{ "list=[1,2,3]", true, "list=[1,2,3]" },
	{ "list=[1,2],a=3", true, "list=[1,2]|a=3" },
	{ "a=3,list=[x=1,y],b", true, "a=3|list=[x=1,y]|b" },
	{ "list=[]", true, "list=[]" },
	{ "list=[,]", true, "list=[,]" },
	{ "list=[[1,2],[3,[4,5]]]", true, "list=[[1,2],[3,[4,5]]]" },
	{ "pf=[0-1]vf[2,3],a", true, "pf=[0-1]vf[2,3]|a" },
	{ "list=a[1,2]b", true, "list=a[1,2]b" },
	/* unbalanced brackets */
	{ "list=[1,2", false, NULL },
	{ "list=[", false, NULL },
	{ "list=]", false, NULL },
	{ "list=1]", false, NULL },
	{ "list=[1,2]]", false, NULL },
	{ "list=[[1,2]", false, NULL },
	{ "list=][", false, NULL },
	{ "a=1,list=[1,2,b=3", false, NULL },
	{ "a=1,b=2]", false, NULL },
	/* empty key */
	{ "=", false, NULL },
	{ "=1", false, NULL },
	{ "==", false, NULL },
	{ "a=1,=2", false, NULL },
	{ "=,a=1", false, NULL },
	/* keys not in the valid list, which is case sensitive */
	{ "c=1", true, NULL },
	{ "c=1", false, "c=1" },
	{ "a=1,c=2", true, NULL },
	{ "c", true, NULL },
	{ "A=1", true, NULL },
	{ "a =1", true, NULL },
	{ "list[0]=1", true, NULL },
};

/*
 * Whether kvlist, parsed from args, is what row i of the table expects;
 * print the difference when not. Frees kvlist.
 */
static bool
check_case(unsigned int i, const char *args, struct rte_kvargs *kvlist)
{
	const struct parse_case *c = &cases[i];
	char got[256];
	bool ok;

	if (kvlist != NULL)
		dump(kvlist, got, sizeof(got));
	if (c->result == NULL)
		ok = kvlist == NULL;
	else
		ok = kvlist != NULL && strcmp(got, c->result) == 0;
	if (!ok)
		print_error("case %u \"%s\": expected %s%s%s, got %s%s%s\n", i, args,
			    c->result != NULL ? "\"" : "", c->result != NULL ? c->result : "NULL",
			    c->result != NULL ? "\"" : "", kvlist != NULL ? "\"" : "",
			    kvlist != NULL ? got : "NULL", kvlist != NULL ? "\"" : "");
	rte_kvargs_free(kvlist);
	return ok;
}

static void
test_parse_table(void **state)
{
	unsigned int i, bad = 0;

	(void)state;
	for (i = 0; i < RTE_DIM(cases); i++) {
		const struct parse_case *c = &cases[i];

		bad += !check_case(i, c->args,
				   rte_kvargs_parse(c->args, c->check_keys ? valid_keys : NULL));
	}
	assert_int_equal(bad, 0);
}

/* Same table, cut short by parse_delim at a delimiter appended to each row. */
static void
test_parse_delim_table(void **state)
{
	unsigned int i, bad = 0;
	char args[128];

	(void)state;
	for (i = 0; i < RTE_DIM(cases); i++) {
		const struct parse_case *c = &cases[i];

		snprintf(args, sizeof(args), "%s/c=[,=]", c->args);
		bad += !check_case(i, args, rte_kvargs_parse_delim(args, c->check_keys ?
								   valid_keys : NULL, ":/"));
	}
	assert_int_equal(bad, 0);
}

static void
test_parse_null(void **state)
{
	(void)state;
	assert_null(rte_kvargs_parse(NULL, NULL));
	assert_null(rte_kvargs_parse(NULL, valid_keys));
	assert_null(rte_kvargs_parse_delim(NULL, NULL, ","));
	assert_null(rte_kvargs_parse_delim(NULL, NULL, NULL));
	rte_kvargs_free(NULL);
}

/* An empty valid-key list accepts no key at all, but still an empty string. */
static void
test_no_valid_keys(void **state)
{
	static const char *const none[] = { NULL };
	struct rte_kvargs *kvlist;

	(void)state;
	assert_null(rte_kvargs_parse("a=1", none));
	kvlist = rte_kvargs_parse("", none);
	assert_non_null(kvlist);
	assert_int_equal(kvlist->count, 0);
	rte_kvargs_free(kvlist);
}

/* "k=v,k=v,..." with n pairs. */
static char *
many_pairs(unsigned int n)
{
	char *s = malloc(n * 8 + 1);
	size_t len = 0;
	unsigned int i;

	assert_non_null(s);
	s[0] = '\0';
	for (i = 0; i < n; i++)
		len += (size_t)sprintf(s + len, "%sk%u=%u", i == 0 ? "" : ",", i % 100, i % 100);
	return s;
}

static void
test_too_many_pairs(void **state)
{
	struct rte_kvargs *kvlist;
	char *s;

	(void)state;
	s = many_pairs(RTE_KVARGS_MAX);
	kvlist = rte_kvargs_parse(s, NULL);
	assert_non_null(kvlist);
	assert_int_equal(kvlist->count, RTE_KVARGS_MAX);
	assert_int_equal(rte_kvargs_count(kvlist, NULL), RTE_KVARGS_MAX);
	assert_string_equal(kvlist->pairs[RTE_KVARGS_MAX - 1].key, "k31");
	rte_kvargs_free(kvlist);
	free(s);

	s = many_pairs(RTE_KVARGS_MAX + 1);
	assert_null(rte_kvargs_parse(s, NULL));
	free(s);

	/* Empty pairs do not count towards the limit. */
	s = many_pairs(RTE_KVARGS_MAX);
	s = realloc(s, strlen(s) + 4);
	assert_non_null(s);
	strcat(s, ",,,");
	kvlist = rte_kvargs_parse(s, NULL);
	assert_non_null(kvlist);
	assert_int_equal(kvlist->count, RTE_KVARGS_MAX);
	rte_kvargs_free(kvlist);
	free(s);

	/* Nor do commas inside brackets. */
	s = many_pairs(RTE_KVARGS_MAX - 1);
	s = realloc(s, strlen(s) + 200);
	assert_non_null(s);
	strcat(s, ",list=[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,"
		  "18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33]");
	kvlist = rte_kvargs_parse(s, NULL);
	assert_non_null(kvlist);
	assert_int_equal(kvlist->count, RTE_KVARGS_MAX);
	rte_kvargs_free(kvlist);
	free(s);
}

/* There is no length limit: a 1 MiB value and a 64 KiB key parse whole. */
static void
test_overlong(void **state)
{
	const size_t vlen = 1 << 20, klen = 1 << 16;
	struct rte_kvargs *kvlist;
	char *s = malloc(klen + 2 * vlen + 16);
	char *p = s;

	(void)state;
	assert_non_null(s);
	memset(p, 'k', klen);
	p += klen;
	*p++ = '=';
	*p++ = '[';
	memset(p, ',', vlen - 2);
	p += vlen - 2;
	*p++ = ']';
	strcpy(p, ",b=2");

	kvlist = rte_kvargs_parse(s, NULL);
	assert_non_null(kvlist);
	assert_int_equal(kvlist->count, 2);
	assert_int_equal(strlen(kvlist->pairs[0].key), klen);
	assert_int_equal(strlen(kvlist->pairs[0].value), vlen);
	assert_string_equal(rte_kvargs_get(kvlist, "b"), "2");
	rte_kvargs_free(kvlist);

	/* Deep nesting is only a counter, not recursion. */
	memset(s, '[', vlen);
	memset(s + vlen, ']', vlen / 2);
	s[vlen + vlen / 2] = '\0';
	assert_null(rte_kvargs_parse(s, NULL));
	free(s);
}

/* The list owns a copy: the caller's string is neither kept nor modified. */
static void
test_input_copied(void **state)
{
	char args[] = "a=1,b=[2,3]";
	struct rte_kvargs *kvlist;

	(void)state;
	kvlist = rte_kvargs_parse(args, NULL);
	assert_non_null(kvlist);
	assert_string_equal(args, "a=1,b=[2,3]");
	memset(args, 'x', sizeof(args) - 1);
	assert_string_equal(rte_kvargs_get(kvlist, "a"), "1");
	assert_string_equal(rte_kvargs_get(kvlist, "b"), "[2,3]");
	rte_kvargs_free(kvlist);
}

static void
test_get(void **state)
{
	struct rte_kvargs *kvlist;

	(void)state;
	kvlist = rte_kvargs_parse("a=1,b,a=2,list=", NULL);
	assert_non_null(kvlist);
	assert_string_equal(rte_kvargs_get(kvlist, "a"), "1");
	assert_string_equal(rte_kvargs_get(kvlist, "list"), "");
	/* A key alone and a missing key both give NULL; count tells them apart. */
	assert_null(rte_kvargs_get(kvlist, "b"));
	assert_int_equal(rte_kvargs_count(kvlist, "b"), 1);
	assert_null(rte_kvargs_get(kvlist, "c"));
	assert_int_equal(rte_kvargs_count(kvlist, "c"), 0);
	assert_null(rte_kvargs_get(kvlist, ""));
	assert_null(rte_kvargs_get(kvlist, "a=1"));
	assert_null(rte_kvargs_get(kvlist, NULL));
	assert_null(rte_kvargs_get(NULL, "a"));
	rte_kvargs_free(kvlist);
}

static void
test_get_with_value(void **state)
{
	struct rte_kvargs *kvlist;
	const char *v;

	(void)state;
	kvlist = rte_kvargs_parse("a=1,b,a=2", NULL);
	assert_non_null(kvlist);
	v = rte_kvargs_get_with_value(kvlist, "a", "2");
	assert_ptr_equal(v, kvlist->pairs[2].value);
	assert_string_equal(rte_kvargs_get_with_value(kvlist, "a", NULL), "1");
	assert_null(rte_kvargs_get_with_value(kvlist, "a", "3"));
	assert_null(rte_kvargs_get_with_value(kvlist, "b", ""));
	assert_null(rte_kvargs_get_with_value(kvlist, "c", "1"));
	assert_null(rte_kvargs_get_with_value(kvlist, NULL, "1"));
	assert_null(rte_kvargs_get_with_value(NULL, "a", "1"));
	rte_kvargs_free(kvlist);
}

static void
test_count(void **state)
{
	struct rte_kvargs *kvlist;

	(void)state;
	kvlist = rte_kvargs_parse("a=1,b=2,a=3,a,list=[a,a]", NULL);
	assert_non_null(kvlist);
	assert_int_equal(rte_kvargs_count(kvlist, NULL), 5);
	assert_int_equal(rte_kvargs_count(kvlist, "a"), 3);
	assert_int_equal(rte_kvargs_count(kvlist, "b"), 1);
	assert_int_equal(rte_kvargs_count(kvlist, "list"), 1);
	assert_int_equal(rte_kvargs_count(kvlist, "1"), 0);
	assert_int_equal(rte_kvargs_count(kvlist, ""), 0);
	assert_int_equal(rte_kvargs_count(NULL, NULL), 0);
	assert_int_equal(rte_kvargs_count(NULL, "a"), 0);
	rte_kvargs_free(kvlist);
}

/* Records each call as "key=value;" and fails on the key "stop". */
struct calls {
	char log[256];
	unsigned int n;
};

static int
record_call(const char *key, const char *value, void *opaque)
{
	struct calls *c = opaque;
	size_t len = strlen(c->log);

	snprintf(c->log + len, sizeof(c->log) - len, "%s=%s;", key,
		 value != NULL ? value : "(null)");
	c->n++;
	if (strcmp(key, "stop") == 0)
		return -5;
	/* Positive returns are success too. */
	return (int)c->n;
}

static void
test_process(void **state)
{
	struct rte_kvargs *kvlist;
	struct calls c;

	(void)state;
	kvlist = rte_kvargs_parse("a=1,b,a=[2,3],stop=x,a=4", NULL);
	assert_non_null(kvlist);

	memset(&c, 0, sizeof(c));
	assert_int_equal(rte_kvargs_process(kvlist, "a", record_call, &c), 0);
	assert_string_equal(c.log, "a=1;a=[2,3];a=4;");

	memset(&c, 0, sizeof(c));
	assert_int_equal(rte_kvargs_process(kvlist, "b", record_call, &c), 0);
	assert_string_equal(c.log, "b=(null);");

	memset(&c, 0, sizeof(c));
	assert_int_equal(rte_kvargs_process(kvlist, "none", record_call, &c), 0);
	assert_int_equal(c.n, 0);

	/* NULL key_match walks everything and stops at the first failure. */
	memset(&c, 0, sizeof(c));
	assert_int_equal(rte_kvargs_process(kvlist, NULL, record_call, &c), -1);
	assert_string_equal(c.log, "a=1;b=(null);a=[2,3];stop=x;");

	memset(&c, 0, sizeof(c));
	assert_int_equal(rte_kvargs_process(NULL, NULL, record_call, &c), -1);
	assert_int_equal(rte_kvargs_process(kvlist, "a", NULL, NULL), -1);
	assert_int_equal(c.n, 0);
	rte_kvargs_free(kvlist);

	/* An empty list calls nothing and succeeds. */
	kvlist = rte_kvargs_parse("", NULL);
	assert_non_null(kvlist);
	assert_int_equal(rte_kvargs_process(kvlist, NULL, record_call, &c), 0);
	assert_int_equal(c.n, 0);
	rte_kvargs_free(kvlist);
}

static void
test_strcmp(void **state)
{
	struct rte_kvargs *kvlist;

	(void)state;
	assert_int_equal(rte_kvargs_strcmp("k", "x", "x"), 0);
	assert_int_equal(rte_kvargs_strcmp("k", "x", "y"), -1);
	assert_int_equal(rte_kvargs_strcmp("k", "x", "xx"), -1);
	assert_int_equal(rte_kvargs_strcmp("k", "", ""), 0);
	assert_int_equal(rte_kvargs_strcmp("k", NULL, "x"), -1);
	assert_int_equal(rte_kvargs_strcmp("k", "x", NULL), -1);

	kvlist = rte_kvargs_parse("a=x,b=y,a=x,c", NULL);
	assert_non_null(kvlist);
	assert_int_equal(rte_kvargs_process(kvlist, "a", rte_kvargs_strcmp, "x"), 0);
	assert_int_equal(rte_kvargs_process(kvlist, "b", rte_kvargs_strcmp, "x"), -1);
	assert_int_equal(rte_kvargs_process(kvlist, "c", rte_kvargs_strcmp, ""), -1);
	assert_int_equal(rte_kvargs_process(kvlist, NULL, rte_kvargs_strcmp, "x"), -1);
	rte_kvargs_free(kvlist);
}

static void
test_parse_delim(void **state)
{
	struct rte_kvargs *kvlist;
	char got[256];

	(void)state;
	/* A devargs layer: parsing ends at the next layer. */
	kvlist = rte_kvargs_parse_delim("a=1,b=2/class=eth/driver=x", valid_keys, "/");
	assert_non_null(kvlist);
	dump(kvlist, got, sizeof(got));
	assert_string_equal(got, "a=1|b=2");
	rte_kvargs_free(kvlist);

	/* Any character of valid_ends ends it, the earliest wins. */
	kvlist = rte_kvargs_parse_delim("a=1:b=2/c", NULL, "/:");
	assert_non_null(kvlist);
	dump(kvlist, got, sizeof(got));
	assert_string_equal(got, "a=1");
	rte_kvargs_free(kvlist);

	/* Even inside brackets, which then no longer balance. */
	assert_null(rte_kvargs_parse_delim("list=[1/2]", NULL, "/"));

	/* A ',' in valid_ends stops at the first pair. */
	kvlist = rte_kvargs_parse_delim("a=1,b=2", NULL, ",");
	assert_non_null(kvlist);
	assert_int_equal(kvlist->count, 1);
	rte_kvargs_free(kvlist);

	/* A delimiter first leaves an empty list. */
	kvlist = rte_kvargs_parse_delim("/a=1", NULL, "/");
	assert_non_null(kvlist);
	assert_int_equal(kvlist->count, 0);
	rte_kvargs_free(kvlist);

	/* NULL or empty valid_ends: the whole string, as rte_kvargs_parse(). */
	kvlist = rte_kvargs_parse_delim("a=1/b=2", NULL, NULL);
	assert_non_null(kvlist);
	assert_string_equal(rte_kvargs_get(kvlist, "a"), "1/b=2");
	rte_kvargs_free(kvlist);
	kvlist = rte_kvargs_parse_delim("a=1/b=2", NULL, "");
	assert_non_null(kvlist);
	assert_string_equal(rte_kvargs_get(kvlist, "a"), "1/b=2");
	rte_kvargs_free(kvlist);

	/* valid_keys still applies to the part parsed. */
	assert_null(rte_kvargs_parse_delim("c=1/a=1", valid_keys, "/"));
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_parse_table),
	cmocka_unit_test(test_parse_delim_table),
	cmocka_unit_test(test_parse_null),
	cmocka_unit_test(test_no_valid_keys),
	cmocka_unit_test(test_too_many_pairs),
	cmocka_unit_test(test_overlong),
	cmocka_unit_test(test_input_copied),
	cmocka_unit_test(test_get),
	cmocka_unit_test(test_get_with_value),
	cmocka_unit_test(test_count),
	cmocka_unit_test(test_process),
	cmocka_unit_test(test_strcmp),
	cmocka_unit_test(test_parse_delim),
};

REGISTER_TEST_GROUP(kvargs, tests);
