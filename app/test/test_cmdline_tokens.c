/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The token types of the command line (string, number, IP address,
 * Ethernet address, port list) on valid and invalid words, their limits,
 * completion and help, each parsed on its own as cmdline_parse() does.
 */

#include <arpa/inet.h>
#include <inttypes.h>
#include <string.h>
#include <sys/socket.h>

#include <rte_common.h>
#include <rte_ether.h>

#include <cmdline_parse.h>
#include <cmdline_parse_etheraddr.h>
#include <cmdline_parse_ipaddr.h>
#include <cmdline_parse_num.h>
#include <cmdline_parse_portlist.h>
#include <cmdline_parse_string.h>

#include "test.h"

/* Room for any token's result, with a margin to catch writes past it. */
#define RES_SIZE (STR_MULTI_TOKEN_SIZE + 16)
#define FILL 0xa5

/*
 * Token tables. Each case parses one word directly through the token's
 * operations, as cmdline_parse() does, into a result area filled with
 * FILL so that bytes written past the field show.
 */

static int
parse_token(cmdline_parse_token_hdr_t *tk, const char *word, uint8_t *res)
{
	memset(res, FILL, RES_SIZE);
	return tk->ops->parse(tk, word, res, RES_SIZE);
}

static void
assert_untouched_from(const uint8_t *res, size_t from)
{
	size_t i;

	for (i = from; i < RES_SIZE; i++)
		assert_int_equal(res[i], FILL);
}

/*
 * Row i of a token table: parsing word with tk takes ret characters (-1:
 * refused), checking alone (no result) answers the same, and nothing is
 * written past the field_size bytes of the result, nor anywhere when the
 * word is refused. Returns the result when the word was taken, else NULL.
 */
static const uint8_t *
check_token(cmdline_parse_token_hdr_t *tk, unsigned int i, const char *word, int ret,
	    size_t field_size)
{
	static uint8_t res[RES_SIZE];
	char help[64] = "";
	int got = parse_token(tk, word, res);

	if (got != ret) {
		tk->ops->get_help(tk, help, sizeof(help));
		fail_msg("row %u, %s \"%s\": %d, expected %d", i, help, word, got, ret);
	}
	assert_int_equal(tk->ops->parse(tk, word, NULL, 0), ret);
	assert_untouched_from(res, ret < 0 ? 0 : field_size);
	return ret < 0 ? NULL : res;
}

/*
 * tk takes a word of longest characters (pattern over and over) and
 * refuses one of too_long.
 */
static void
assert_word_limit(cmdline_parse_token_hdr_t *tk, const char *pattern, size_t longest,
		  size_t too_long)
{
	static char word[STR_MULTI_TOKEN_SIZE + 2];
	static uint8_t res[RES_SIZE];
	size_t i;

	assert_true(too_long < sizeof(word));
	for (i = 0; i < too_long; i++)
		word[i] = pattern[i % strlen(pattern)];
	word[longest] = '\0';
	assert_int_equal(parse_token(tk, word, res), (int)longest);
	word[longest] = pattern[longest % strlen(pattern)];
	word[too_long] = '\0';
	assert_int_equal(parse_token(tk, word, res), -1);
}

/* One of the cmdline_get_help_*() functions describes tk as help. */
static void
assert_help(int (*get_help)(cmdline_parse_token_hdr_t *tk, char *dstbuf, unsigned int size),
	    cmdline_parse_token_hdr_t *tk, const char *help)
{
	char buf[64];

	assert_int_equal(get_help(tk, buf, sizeof(buf)), 0);
	assert_string_equal(buf, help);
}

struct string_holder {
	cmdline_multi_string_t s;
};

static const struct string_case {
	const char *spec; /* NULL: any word; TOKEN_STRING_MULTI */
	const char *word;
	int ret;
	const char *value;
} string_cases[] = {
	{ "show", "show", 4, "show" },
	{ "show", "show all", 4, "show" },
	{ "show", "show\tall", 4, "show" },
	{ "show", "show#comment", 4, "show" },
	{ "show", "show\n", 4, "show" },
	{ "show", "shows", -1, NULL },
	{ "show", "sho", -1, NULL },
	{ "show", "Show", -1, NULL },
	{ "show", "", -1, NULL },
	{ "add#del#show", "add", 3, "add" },
	{ "add#del#show", "del x", 3, "del" },
	{ "add#del#show", "show", 4, "show" },
	{ "add#del#show", "de", -1, NULL },
	{ "add#del#show", "delete", -1, NULL },
	{ "add#del#show", "add#del", 3, "add" },
	{ "add#del#show", "#", -1, NULL },
	{ NULL, "anything", 8, "anything" },
	{ NULL, "two words", 3, "two" },
	{ NULL, "x", 1, "x" },
	{ NULL, "", -1, NULL },
	{ NULL, " ", -1, NULL },
	{ TOKEN_STRING_MULTI, "the rest of it", 14, "the rest of it" },
	{ TOKEN_STRING_MULTI, "a  b\t c  ", 7, "a  b\t c" },
	{ TOKEN_STRING_MULTI, "text # comment", 4, "text" },
	{ TOKEN_STRING_MULTI, "line\nnext", 4, "line" },
	{ TOKEN_STRING_MULTI, "", -1, NULL },
	{ TOKEN_STRING_MULTI, "# only a comment", -1, NULL },
};

static void
test_string_tokens(void **state)
{
	unsigned int i;

	RTE_SET_USED(state);
	for (i = 0; i < RTE_DIM(string_cases); i++) {
		const struct string_case *c = &string_cases[i];
		cmdline_parse_token_string_t tk =
			TOKEN_STRING_INITIALIZER(struct string_holder, s, c->spec);
		const uint8_t *res = check_token(&tk.hdr, i, c->word, c->ret,
						 c->spec != NULL && c->spec[0] == '\0' ?
						 STR_MULTI_TOKEN_SIZE : STR_TOKEN_SIZE);

		if (res != NULL)
			assert_string_equal((const char *)res, c->value);
	}
}

static void
test_string_limits(void **state)
{
	static uint8_t res[RES_SIZE];
	cmdline_parse_token_string_t any =
		TOKEN_STRING_INITIALIZER(struct string_holder, s, NULL);
	cmdline_parse_token_string_t multi =
		TOKEN_STRING_INITIALIZER(struct string_holder, s, TOKEN_STRING_MULTI);
	cmdline_parse_token_string_t fixed =
		TOKEN_STRING_INITIALIZER(struct string_holder, s, "word");

	RTE_SET_USED(state);
	/* The longest word that fits a cmdline_fixed_string_t, and one more. */
	assert_word_limit(&any.hdr, "w", STR_TOKEN_SIZE - 1, STR_TOKEN_SIZE);
	assert_word_limit(&multi.hdr, "m", STR_MULTI_TOKEN_SIZE - 1, STR_MULTI_TOKEN_SIZE);

	/* A result field too small for the token is refused. */
	assert_int_equal(any.hdr.ops->parse(&any.hdr, "w", res, STR_TOKEN_SIZE - 1), -1);
	assert_int_equal(multi.hdr.ops->parse(&multi.hdr, "w", res, STR_TOKEN_SIZE), -1);
	assert_int_equal(fixed.hdr.ops->parse(&fixed.hdr, NULL, res, STR_TOKEN_SIZE), -1);
}

static void
test_string_completion(void **state)
{
	cmdline_parse_token_string_t choice =
		TOKEN_STRING_INITIALIZER(struct string_holder, s, "add#del#show");
	cmdline_parse_token_string_t fixed =
		TOKEN_STRING_INITIALIZER(struct string_holder, s, "word");
	cmdline_parse_token_string_t any =
		TOKEN_STRING_INITIALIZER(struct string_holder, s, NULL);
	cmdline_parse_token_string_t multi =
		TOKEN_STRING_INITIALIZER(struct string_holder, s, TOKEN_STRING_MULTI);
	char buf[16];

	RTE_SET_USED(state);
	assert_int_equal(cmdline_complete_get_nb_string(&choice.hdr), 3);
	assert_int_equal(cmdline_complete_get_elt_string(&choice.hdr, 0, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "add");
	assert_int_equal(cmdline_complete_get_elt_string(&choice.hdr, 2, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "show");
	assert_int_equal(cmdline_complete_get_elt_string(&choice.hdr, 3, buf, sizeof(buf)), -1);
	assert_int_equal(cmdline_complete_get_elt_string(&choice.hdr, -1, buf, sizeof(buf)), -1);
	/* A word that does not fit is not cut. */
	assert_int_equal(cmdline_complete_get_elt_string(&choice.hdr, 2, buf, 4), -1);

	assert_int_equal(cmdline_complete_get_nb_string(&fixed.hdr), 1);
	assert_int_equal(cmdline_complete_get_nb_string(&any.hdr), 0);
	assert_int_equal(cmdline_complete_get_nb_string(&multi.hdr), 0);
	assert_int_equal(cmdline_complete_get_elt_string(&any.hdr, 0, buf, sizeof(buf)), -1);

	assert_help(cmdline_get_help_string, &fixed.hdr, "keyword");
	assert_help(cmdline_get_help_string, &choice.hdr, "choice");
	assert_help(cmdline_get_help_string, &any.hdr, "word");
	assert_help(cmdline_get_help_string, &multi.hdr, "words");
}

#define S(v) ((uint64_t)(int64_t)(v))

static const struct num_case {
	enum cmdline_numtype type;
	const char *word;
	int ret;
	uint64_t value; /* two's complement for the signed types */
} num_cases[] = {
	{ RTE_UINT8, "0", 1, 0 },
	{ RTE_UINT8, "255", 3, 255 },
	{ RTE_UINT8, "256", -1, 0 },
	{ RTE_UINT8, "-1", -1, 0 },
	{ RTE_UINT8, "-0", -1, 0 },
	{ RTE_UINT8, "0xff", 4, 255 },
	{ RTE_UINT8, "0XFf", 4, 255 },
	{ RTE_UINT8, "0x100", -1, 0 },
	{ RTE_UINT8, "0b101", 5, 5 },
	{ RTE_UINT8, "0b111111111", -1, 0 },
	{ RTE_UINT8, "017", 3, 15 },
	{ RTE_UINT8, "0377", 4, 255 },
	{ RTE_UINT8, "0400", -1, 0 },
	{ RTE_UINT8, "08", -1, 0 },
	{ RTE_UINT8, "0b2", -1, 0 },
	{ RTE_UINT8, "0x", -1, 0 },
	{ RTE_UINT8, "0b", -1, 0 },
	{ RTE_UINT8, "12a", -1, 0 },
	{ RTE_UINT8, "+1", -1, 0 },
	{ RTE_UINT8, "", -1, 0 },
	{ RTE_UINT8, "12 34", 2, 12 },
	{ RTE_UINT8, "7#comment", 1, 7 },
	{ RTE_UINT16, "65535", 5, 65535 },
	{ RTE_UINT16, "65536", -1, 0 },
	{ RTE_UINT16, "0xffff", 6, 65535 },
	{ RTE_UINT16, "0x10000", -1, 0 },
	{ RTE_UINT16, "00000000000000000001", 20, 1 },
	{ RTE_UINT32, "4294967295", 10, UINT32_MAX },
	{ RTE_UINT32, "4294967296", -1, 0 },
	{ RTE_UINT32, "0xdeadbeef", 10, 0xdeadbeef },
	{ RTE_UINT64, "18446744073709551615", 20, UINT64_MAX },
	{ RTE_UINT64, "18446744073709551616", -1, 0 },
	{ RTE_UINT64, "99999999999999999999", -1, 0 },
	{ RTE_UINT64, "0xffffffffffffffff", 18, UINT64_MAX },
	{ RTE_UINT64, "0x10000000000000000", -1, 0 },
	{ RTE_UINT64, "-5", -1, 0 },
	{ RTE_INT8, "127", 3, 127 },
	{ RTE_INT8, "128", -1, 0 },
	{ RTE_INT8, "-128", 4, S(-128) },
	{ RTE_INT8, "-129", -1, 0 },
	{ RTE_INT8, "-0x80", 5, S(-128) },
	{ RTE_INT8, "0x80", -1, 0 },
	{ RTE_INT8, "-0", 2, 0 },
	{ RTE_INT8, "-", -1, 0 },
	{ RTE_INT8, "--1", -1, 0 },
	{ RTE_INT8, "-x", -1, 0 },
	{ RTE_INT16, "32767", 5, 32767 },
	{ RTE_INT16, "32768", -1, 0 },
	{ RTE_INT16, "-32768", 6, S(-32768) },
	{ RTE_INT16, "-32769", -1, 0 },
	{ RTE_INT32, "2147483647", 10, INT32_MAX },
	{ RTE_INT32, "2147483648", -1, 0 },
	{ RTE_INT32, "-2147483648", 11, S(INT32_MIN) },
	{ RTE_INT32, "-2147483649", -1, 0 },
	{ RTE_INT32, "-010", 4, S(-8) },
	{ RTE_INT64, "9223372036854775807", 19, INT64_MAX },
	{ RTE_INT64, "9223372036854775808", -1, 0 },
	{ RTE_INT64, "-9223372036854775808", 20, S(INT64_MIN) },
	{ RTE_INT64, "-9223372036854775809", -1, 0 },
	{ RTE_INT64, "-1", 2, S(-1) },
};

struct num_holder {
	uint64_t v;
};

static const unsigned int num_sizes[] = {
	[RTE_UINT8] = 1, [RTE_UINT16] = 2, [RTE_UINT32] = 4, [RTE_UINT64] = 8,
	[RTE_INT8] = 1, [RTE_INT16] = 2, [RTE_INT32] = 4, [RTE_INT64] = 8,
};

/* The value stored in a field of the type, widened as C would. */
static uint64_t
num_value(enum cmdline_numtype type, const uint8_t *res)
{
	union {
		uint8_t u8;
		uint16_t u16;
		uint32_t u32;
		uint64_t u64;
		int8_t i8;
		int16_t i16;
		int32_t i32;
		int64_t i64;
	} v;

	memcpy(&v, res, num_sizes[type]);
	switch (type) {
	case RTE_UINT8: return v.u8;
	case RTE_UINT16: return v.u16;
	case RTE_UINT32: return v.u32;
	case RTE_UINT64: return v.u64;
	case RTE_INT8: return S(v.i8);
	case RTE_INT16: return S(v.i16);
	case RTE_INT32: return S(v.i32);
	default: return S(v.i64);
	}
}

static void
test_num_tokens(void **state)
{
	unsigned int i;

	RTE_SET_USED(state);
	for (i = 0; i < RTE_DIM(num_cases); i++) {
		const struct num_case *c = &num_cases[i];
		cmdline_parse_token_num_t tk =
			TOKEN_NUM_INITIALIZER(struct num_holder, v, c->type);
		const uint8_t *res = check_token(&tk.hdr, i, c->word, c->ret, num_sizes[c->type]);

		if (res != NULL && num_value(c->type, res) != c->value)
			fail_msg("row %u, type %d word \"%s\": %" PRIu64 ", expected %" PRIu64,
				 i, c->type, c->word, num_value(c->type, res), c->value);
	}
}

static void
test_num_limits(void **state)
{
	cmdline_parse_token_num_t u32 =
		TOKEN_NUM_INITIALIZER(struct num_holder, v, RTE_UINT32);
	cmdline_parse_token_num_t bad =
		TOKEN_NUM_INITIALIZER(struct num_holder, v, RTE_UINT32);
	uint8_t res[8];
	char help[16];

	RTE_SET_USED(state);
	/* A field smaller than the type is refused. */
	assert_int_equal(cmdline_parse_num(&u32.hdr, "1", res, 3), -1);
	assert_int_equal(cmdline_parse_num(&u32.hdr, "1", res, 4), 1);
	assert_int_equal(cmdline_parse_num(&u32.hdr, NULL, res, 4), -1);
	assert_help(cmdline_get_help_num, &u32.hdr, "UINT32");

	/* So is a type that does not exist. */
	bad.num_data.type = (enum cmdline_numtype)42;
	assert_int_equal(cmdline_parse_num(&bad.hdr, "1", res, sizeof(res)), -1);
	assert_int_equal(cmdline_get_help_num(&bad.hdr, help, sizeof(help)), -1);
}

struct ipaddr_holder {
	cmdline_ipaddr_t ip;
};

#define V4 CMDLINE_IPADDR_V4
#define V6 CMDLINE_IPADDR_V6
#define NET CMDLINE_IPADDR_NETWORK

static const struct ipaddr_case {
	uint8_t flags;
	const char *word;
	int ret;
	int family;
	const char *addr; /* as inet_ntop() writes it */
	unsigned int prefixlen;
} ipaddr_cases[] = {
	{ V4 | V6, "192.0.2.1", 9, AF_INET, "192.0.2.1", 0 },
	{ V4 | V6, "192.0.2.1 next", 9, AF_INET, "192.0.2.1", 0 },
	{ V4 | V6, "2001:db8::1", 11, AF_INET6, "2001:db8::1", 0 },
	{ V4 | V6, "2001:0DB8:0:0:0:0:0:1", 21, AF_INET6, "2001:db8::1", 0 },
	{ V4 | V6, "::", 2, AF_INET6, "::", 0 },
	{ V4 | V6, "::ffff:192.0.2.1", 16, AF_INET6, "::ffff:192.0.2.1", 0 },
	{ V4 | V6, "1.2.3", -1, 0, NULL, 0 },
	{ V4 | V6, "256.1.1.1", -1, 0, NULL, 0 },
	{ V4 | V6, "1.2.3.4.5", -1, 0, NULL, 0 },
	{ V4 | V6, "1.2.3.4/24", -1, 0, NULL, 0 },
	{ V4 | V6, "2001:db8::g", -1, 0, NULL, 0 },
	{ V4 | V6, "1:2:3:4:5:6:7:8:9", -1, 0, NULL, 0 },
	{ V4 | V6, "fe80::1%eth0", -1, 0, NULL, 0 },
	{ V4 | V6, "", -1, 0, NULL, 0 },
	{ V4 | V6, "localhost", -1, 0, NULL, 0 },
	{ V4, "10.1.2.3", 8, AF_INET, "10.1.2.3", 0 },
	{ V4, "::1", -1, 0, NULL, 0 },
	{ V6, "::1", 3, AF_INET6, "::1", 0 },
	{ V6, "10.1.2.3", -1, 0, NULL, 0 },
	{ V4 | V6 | NET, "10.0.0.0/8", 10, AF_INET, "10.0.0.0", 8 },
	{ V4 | V6 | NET, "10.0.0.0/0", 10, AF_INET, "10.0.0.0", 0 },
	{ V4 | V6 | NET, "10.0.0.0/32", 11, AF_INET, "10.0.0.0", 32 },
	{ V4 | V6 | NET, "10.0.0.0/33", -1, 0, NULL, 0 },
	{ V4 | V6 | NET, "2001:db8::/32", 13, AF_INET6, "2001:db8::", 32 },
	{ V4 | V6 | NET, "2001:db8::/128", 14, AF_INET6, "2001:db8::", 128 },
	{ V4 | V6 | NET, "2001:db8::/129", -1, 0, NULL, 0 },
	{ V4 | V6 | NET, "10.0.0.0", -1, 0, NULL, 0 },
	{ V4 | V6 | NET, "10.0.0.0/", -1, 0, NULL, 0 },
	{ V4 | V6 | NET, "10.0.0.0/-1", -1, 0, NULL, 0 },
	{ V4 | V6 | NET, "10.0.0.0/+8", -1, 0, NULL, 0 },
	{ V4 | V6 | NET, "10.0.0.0/8x", -1, 0, NULL, 0 },
	{ V4 | V6 | NET, "10.0.0.0/0008", -1, 0, NULL, 0 },
	{ V4 | V6 | NET, "10.0.0.0/8/8", -1, 0, NULL, 0 },
	{ V4 | NET, "2001:db8::/32", -1, 0, NULL, 0 },
	{ V6 | NET, "2001:db8::/64", 13, AF_INET6, "2001:db8::", 64 },
	{ V4 | V6, "1111:2222:3333:4444:5555:6666:7777:8888:9999", -1, 0, NULL, 0 },
	{ V4 | V6, "0000:0000:0000:0000:0000:ffff:255.255.255.255/128", -1, 0, NULL, 0 },
};

static void
test_ipaddr_tokens(void **state)
{
	cmdline_ipaddr_t ip;
	char text[INET6_ADDRSTRLEN];
	unsigned int i;

	RTE_SET_USED(state);
	for (i = 0; i < RTE_DIM(ipaddr_cases); i++) {
		const struct ipaddr_case *c = &ipaddr_cases[i];
		cmdline_parse_token_ipaddr_t tk =
			TOKEN_IPADDR_INITIALIZER(struct ipaddr_holder, ip);
		const uint8_t *res;

		tk.ipaddr_data.flags = c->flags;
		res = check_token(&tk.hdr, i, c->word, c->ret, sizeof(ip));
		if (res == NULL)
			continue;
		memcpy(&ip, res, sizeof(ip));
		assert_int_equal(ip.family, c->family);
		assert_non_null(inet_ntop(ip.family, &ip.addr, text, sizeof(text)));
		assert_string_equal(text, c->addr);
		assert_int_equal(ip.prefixlen, c->prefixlen);
	}
}

static void
test_ipaddr_initializers(void **state)
{
	cmdline_parse_token_ipaddr_t any = TOKEN_IPADDR_INITIALIZER(struct ipaddr_holder, ip);
	cmdline_parse_token_ipaddr_t v4 = TOKEN_IPV4_INITIALIZER(struct ipaddr_holder, ip);
	cmdline_parse_token_ipaddr_t v6 = TOKEN_IPV6_INITIALIZER(struct ipaddr_holder, ip);
	cmdline_parse_token_ipaddr_t net = TOKEN_IPNET_INITIALIZER(struct ipaddr_holder, ip);
	cmdline_parse_token_ipaddr_t v4net = TOKEN_IPV4NET_INITIALIZER(struct ipaddr_holder, ip);
	cmdline_parse_token_ipaddr_t v6net = TOKEN_IPV6NET_INITIALIZER(struct ipaddr_holder, ip);
	cmdline_ipaddr_t ip;

	RTE_SET_USED(state);
	assert_int_equal(any.ipaddr_data.flags, V4 | V6);
	assert_int_equal(v4.ipaddr_data.flags, V4);
	assert_int_equal(v6.ipaddr_data.flags, V6);
	assert_int_equal(net.ipaddr_data.flags, V4 | V6 | NET);
	assert_int_equal(v4net.ipaddr_data.flags, V4 | NET);
	assert_int_equal(v6net.ipaddr_data.flags, V6 | NET);
	/* A result field smaller than cmdline_ipaddr_t is refused. */
	assert_int_equal(cmdline_parse_ipaddr(&any.hdr, "1.2.3.4", &ip, sizeof(ip) - 1), -1);

	assert_help(cmdline_get_help_ipaddr, &any.hdr, "IPv4/IPv6 address");
	assert_help(cmdline_get_help_ipaddr, &v4net.hdr, "IPv4 network");
	assert_help(cmdline_get_help_ipaddr, &v6.hdr, "IPv6 address");
}

struct ether_holder {
	struct rte_ether_addr mac;
};

static const struct ether_case {
	const char *word;
	int ret;
	uint8_t bytes[RTE_ETHER_ADDR_LEN];
} ether_cases[] = {
	{ "00:11:22:33:44:55", 17, { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55 } },
	{ "AA:bb:Cc:dD:ee:FF", 17, { 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff } },
	{ "00-11-22-33-44-55", 17, { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55 } },
	{ "0011.2233.4455", 14, { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55 } },
	{ "0011:2233:4455", 14, { 0x00, 0x11, 0x22, 0x33, 0x44, 0x55 } },
	{ "0:1:2:3:4:5", 11, { 0, 1, 2, 3, 4, 5 } },
	{ "1.2.3", 5, { 0, 1, 0, 2, 0, 3 } },
	{ "02:00:00:00:00:01 next", 17, { 0x02, 0, 0, 0, 0, 0x01 } },
	{ "00:11:22:33:44", -1, { 0 } },
	{ "00:11:22:33:44:55:66", -1, { 0 } },
	{ "00:11:22:33:44:5g", -1, { 0 } },
	{ "001:11:22:33:44:55", -1, { 0 } },
	{ "00:11-22:33:44:55", -1, { 0 } },
	{ "00:11:22:33:44:", -1, { 0 } },
	{ ":11:22:33:44:55", -1, { 0 } },
	{ "0011.2233:4455", -1, { 0 } },
	{ "00112.2233.4455", -1, { 0 } },
	{ "001122334455", -1, { 0 } },
	{ "00:11:22:33:44:55x", -1, { 0 } },
	{ "-1:11:22:33:44:55", -1, { 0 } },
	{ "", -1, { 0 } },
};

static void
test_etheraddr_tokens(void **state)
{
	cmdline_parse_token_etheraddr_t tk =
		TOKEN_ETHERADDR_INITIALIZER(struct ether_holder, mac);
	struct rte_ether_addr ea;
	unsigned int i;

	RTE_SET_USED(state);
	for (i = 0; i < RTE_DIM(ether_cases); i++) {
		const struct ether_case *c = &ether_cases[i];
		const uint8_t *res = check_token(&tk.hdr, i, c->word, c->ret, sizeof(ea));

		if (res != NULL)
			assert_memory_equal(res, c->bytes, RTE_ETHER_ADDR_LEN);
	}
	assert_int_equal(cmdline_parse_etheraddr(&tk.hdr, "00:11:22:33:44:55", &ea,
						 sizeof(ea) - 1), -1);
	assert_help(cmdline_get_help_etheraddr, &tk.hdr, "Ethernet address");
}

struct portlist_holder {
	cmdline_portlist_t pl;
};

static const struct portlist_case {
	const char *word;
	int ret;
	uint32_t map;
} portlist_cases[] = {
	{ "all", 3, UINT32_MAX },
	{ "all next", 3, UINT32_MAX },
	{ "0", 1, 0x1 },
	{ "31", 2, UINT32_C(1) << 31 },
	{ "0,2-4", 5, 0x1d },
	{ "4-2", -1, 0 },
	{ "3-3", 3, 0x8 },
	{ "0-31", 4, UINT32_MAX },
	{ "1,1,1", 5, 0x2 },
	{ "5,0-1,30", 8, 0x40000023 },
	{ "007", 3, 0x80 },
	{ "32", -1, 0 },
	{ "0-32", -1, 0 },
	{ "99999999999", -1, 0 },
	{ "1,", -1, 0 },
	{ ",1", -1, 0 },
	{ "1,,2", -1, 0 },
	{ "1-", -1, 0 },
	{ "-1", -1, 0 },
	{ "1-2-3", -1, 0 },
	{ "a", -1, 0 },
	{ "al", -1, 0 },
	{ "alll", -1, 0 },
	{ "ALL", -1, 0 },
	{ "1;2", -1, 0 },
	{ "", -1, 0 },
};

static void
test_portlist_tokens(void **state)
{
	cmdline_parse_token_portlist_t tk =
		TOKEN_PORTLIST_INITIALIZER(struct portlist_holder, pl);
	cmdline_portlist_t pl;
	unsigned int i;

	RTE_SET_USED(state);
	for (i = 0; i < RTE_DIM(portlist_cases); i++) {
		const struct portlist_case *c = &portlist_cases[i];
		const uint8_t *res = check_token(&tk.hdr, i, c->word, c->ret, sizeof(pl));

		if (res == NULL)
			continue;
		memcpy(&pl, res, sizeof(pl));
		assert_int_equal(pl.map, c->map);
	}

	/* The longest word taken is PORTLIST_TOKEN_SIZE - 1 characters: "1,1,...,1". */
	assert_word_limit(&tk.hdr, "1,", PORTLIST_TOKEN_SIZE - 1, PORTLIST_TOKEN_SIZE + 1);

	assert_int_equal(cmdline_parse_portlist(&tk.hdr, "all", &pl, sizeof(pl) - 1), -1);
	assert_help(cmdline_get_help_portlist, &tk.hdr, "port list: all, or like 0,2-4");
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_string_tokens),
	cmocka_unit_test(test_string_limits),
	cmocka_unit_test(test_string_completion),
	cmocka_unit_test(test_num_tokens),
	cmocka_unit_test(test_num_limits),
	cmocka_unit_test(test_ipaddr_tokens),
	cmocka_unit_test(test_ipaddr_initializers),
	cmocka_unit_test(test_etheraddr_tokens),
	cmocka_unit_test(test_portlist_tokens),
};

REGISTER_TEST_GROUP(cmdline_tokens, tests);
