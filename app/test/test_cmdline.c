/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * The command line: matching lines against a context, completion, and
 * whole sessions read from pipes, files and pseudo-terminals with their
 * exact output. The token types on their own: test_cmdline_tokens.c.
 */

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <termios.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_errno.h>
#include <rte_ether.h>
#include <rte_string_fns.h>

#include <cmdline.h>
#include <cmdline_parse.h>
#include <cmdline_parse_etheraddr.h>
#include <cmdline_parse_ipaddr.h>
#include <cmdline_parse_num.h>
#include <cmdline_parse_portlist.h>
#include <cmdline_parse_string.h>
#include <cmdline_rdline.h>
#include <cmdline_socket.h>

#include "test.h"

/*
 * The context of the session tests. Every callback records what it got in
 * 'seen' and prints one line, so a session's output tells what ran.
 */

static struct {
	unsigned int calls;
	struct cmdline *cl;
	void *data;
	char what[STR_MULTI_TOKEN_SIZE];
	uint16_t mtu;
} seen;

static int show_data;

struct show_result {
	cmdline_fixed_string_t show;
	cmdline_fixed_string_t what;
};

static void
cmd_show_parsed(void *parsed_result, struct cmdline *cl, void *data)
{
	struct show_result *res = parsed_result;

	seen.calls++;
	seen.cl = cl;
	seen.data = data;
	strlcpy(seen.what, res->what, sizeof(seen.what));
	cmdline_printf(cl, "showing %s\n", res->what);
}

static cmdline_parse_token_string_t cmd_show_show =
	TOKEN_STRING_INITIALIZER(struct show_result, show, "show");
static cmdline_parse_token_string_t cmd_show_what =
	TOKEN_STRING_INITIALIZER(struct show_result, what, "all#ports");

static cmdline_parse_inst_t cmd_show = {
	.f = cmd_show_parsed,
	.data = &show_data,
	.help_str = "show all|ports: show things",
	.tokens = {
		(void *)&cmd_show_show,
		(void *)&cmd_show_what,
		NULL,
	},
};

struct set_mtu_result {
	cmdline_fixed_string_t set;
	cmdline_fixed_string_t mtu;
	uint16_t value;
};

static void
cmd_set_mtu_parsed(void *parsed_result, struct cmdline *cl, void *data)
{
	struct set_mtu_result *res = parsed_result;

	RTE_SET_USED(data);
	seen.calls++;
	seen.mtu = res->value;
	cmdline_printf(cl, "mtu %u\n", res->value);
}

static cmdline_parse_token_string_t cmd_set_mtu_set =
	TOKEN_STRING_INITIALIZER(struct set_mtu_result, set, "set");
static cmdline_parse_token_string_t cmd_set_mtu_mtu =
	TOKEN_STRING_INITIALIZER(struct set_mtu_result, mtu, "mtu");
static cmdline_parse_token_num_t cmd_set_mtu_value =
	TOKEN_NUM_INITIALIZER(struct set_mtu_result, value, RTE_UINT16);

static cmdline_parse_inst_t cmd_set_mtu = {
	.f = cmd_set_mtu_parsed,
	.help_str = "set mtu <value>",
	.tokens = {
		(void *)&cmd_set_mtu_set,
		(void *)&cmd_set_mtu_mtu,
		(void *)&cmd_set_mtu_value,
		NULL,
	},
};

/*
 * "set name <word>" and "echo <text>" record and print their last word(s),
 * which both keep first in their result, after the instruction's data.
 */
struct words_result {
	cmdline_multi_string_t words;
	cmdline_fixed_string_t cmd;
	cmdline_fixed_string_t what;
};

static void
cmd_words_parsed(void *parsed_result, struct cmdline *cl, void *data)
{
	struct words_result *res = parsed_result;

	seen.calls++;
	strlcpy(seen.what, res->words, sizeof(seen.what));
	cmdline_printf(cl, "%s%s\n", (const char *)data, res->words);
}

static cmdline_parse_token_string_t cmd_set_name_set =
	TOKEN_STRING_INITIALIZER(struct words_result, cmd, "set");
static cmdline_parse_token_string_t cmd_set_name_name =
	TOKEN_STRING_INITIALIZER(struct words_result, what, "name");
static cmdline_parse_token_string_t cmd_set_name_value =
	TOKEN_STRING_INITIALIZER(struct words_result, words, NULL);

static cmdline_parse_inst_t cmd_set_name = {
	.f = cmd_words_parsed,
	.data = "name ",
	.help_str = "set name <word>",
	.tokens = {
		(void *)&cmd_set_name_set,
		(void *)&cmd_set_name_name,
		(void *)&cmd_set_name_value,
		NULL,
	},
};

static cmdline_parse_token_string_t cmd_echo_echo =
	TOKEN_STRING_INITIALIZER(struct words_result, cmd, "echo");
static cmdline_parse_token_string_t cmd_echo_text =
	TOKEN_STRING_INITIALIZER(struct words_result, words, TOKEN_STRING_MULTI);

static cmdline_parse_inst_t cmd_echo = {
	.f = cmd_words_parsed,
	.data = "echo: ",
	.help_str = "echo <text>",
	.tokens = {
		(void *)&cmd_echo_echo,
		(void *)&cmd_echo_text,
		NULL,
	},
};

/* "dup x" matches both of these: ambiguous; "dup y" only the first. */
struct dup_result {
	cmdline_fixed_string_t dup;
	cmdline_fixed_string_t arg;
};

static void
cmd_dup_parsed(void *parsed_result, struct cmdline *cl, void *data)
{
	struct dup_result *res = parsed_result;

	RTE_SET_USED(data);
	seen.calls++;
	cmdline_printf(cl, "dup %s\n", res->arg);
}

static cmdline_parse_token_string_t cmd_dup_dup =
	TOKEN_STRING_INITIALIZER(struct dup_result, dup, "dup");
static cmdline_parse_token_string_t cmd_dup_any =
	TOKEN_STRING_INITIALIZER(struct dup_result, arg, NULL);
static cmdline_parse_token_string_t cmd_dup_x =
	TOKEN_STRING_INITIALIZER(struct dup_result, arg, "x");

static cmdline_parse_inst_t cmd_dup_any_inst = {
	.f = cmd_dup_parsed,
	.help_str = "dup <word>",
	.tokens = { (void *)&cmd_dup_dup, (void *)&cmd_dup_any, NULL },
};

static cmdline_parse_inst_t cmd_dup_x_inst = {
	.f = cmd_dup_parsed,
	.help_str = "dup x",
	.tokens = { (void *)&cmd_dup_dup, (void *)&cmd_dup_x, NULL },
};

struct link_result {
	cmdline_fixed_string_t link;
	cmdline_portlist_t ports;
	struct rte_ether_addr mac;
	cmdline_ipaddr_t ip;
};

static void
cmd_link_parsed(void *parsed_result, struct cmdline *cl, void *data)
{
	struct link_result *res = parsed_result;
	char ip[INET6_ADDRSTRLEN];

	RTE_SET_USED(data);
	seen.calls++;
	inet_ntop(res->ip.family, &res->ip.addr, ip, sizeof(ip));
	cmdline_printf(cl, "link ports=%#x mac=" RTE_ETHER_ADDR_PRT_FMT " net=%s/%u\n",
		       res->ports.map, RTE_ETHER_ADDR_BYTES(&res->mac), ip,
		       res->ip.prefixlen);
}

static cmdline_parse_token_string_t cmd_link_link =
	TOKEN_STRING_INITIALIZER(struct link_result, link, "link");
static cmdline_parse_token_portlist_t cmd_link_ports =
	TOKEN_PORTLIST_INITIALIZER(struct link_result, ports);
static cmdline_parse_token_etheraddr_t cmd_link_mac =
	TOKEN_ETHERADDR_INITIALIZER(struct link_result, mac);
static cmdline_parse_token_ipaddr_t cmd_link_ip =
	TOKEN_IPNET_INITIALIZER(struct link_result, ip);

static cmdline_parse_inst_t cmd_link = {
	.f = cmd_link_parsed,
	.help_str = "link <ports> <mac> <network>",
	.tokens = {
		(void *)&cmd_link_link,
		(void *)&cmd_link_ports,
		(void *)&cmd_link_mac,
		(void *)&cmd_link_ip,
		NULL,
	},
};

struct quit_result {
	cmdline_fixed_string_t quit;
};

static void
cmd_quit_parsed(void *parsed_result, struct cmdline *cl, void *data)
{
	RTE_SET_USED(parsed_result);
	RTE_SET_USED(data);
	seen.calls++;
	cmdline_printf(cl, "bye\n");
	cmdline_quit(cl);
}

static cmdline_parse_token_string_t cmd_quit_quit =
	TOKEN_STRING_INITIALIZER(struct quit_result, quit, "quit");

static cmdline_parse_inst_t cmd_quit = {
	.f = cmd_quit_parsed,
	.help_str = "quit",
	.tokens = { (void *)&cmd_quit_quit, NULL },
};

static cmdline_parse_ctx_t main_ctx[] = {
	&cmd_show,
	&cmd_set_mtu,
	&cmd_set_name,
	&cmd_echo,
	&cmd_dup_any_inst,
	&cmd_dup_x_inst,
	&cmd_link,
	&cmd_quit,
	NULL,
};

static void
reset_seen(void)
{
	memset(&seen, 0, sizeof(seen));
}

/* A memory file to collect output in, and what it holds. */
static int
output_file(void)
{
	int fd = memfd_create("cmdline-out", MFD_CLOEXEC);

	assert_true(fd >= 0);
	return fd;
}

static const char *
output_of(int fd)
{
	static char buf[CMDLINE_PARSE_RESULT_BUFSIZE * 4];
	ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);

	assert_true(n >= 0);
	buf[n] = '\0';
	return buf;
}

static void
write_str(int fd, const char *s)
{
	assert_int_equal(write(fd, s, strlen(s)), (ssize_t)strlen(s));
}

/* Parsing lines against main_ctx: results, and the callback's arguments. */

static const struct parse_case {
	const char *line;
	int ret;
	unsigned int calls;
	const char *what; /* what the callback recorded, if it ran */
} parse_cases[] = {
	{ "show all", CMDLINE_PARSE_SUCCESS, 1, "all" },
	{ "  show \t ports  ", CMDLINE_PARSE_SUCCESS, 1, "ports" },
	{ "show all\n", CMDLINE_PARSE_SUCCESS, 1, "all" },
	{ "show all\r\n", CMDLINE_PARSE_SUCCESS, 1, "all" },
	{ "show all # and a comment", CMDLINE_PARSE_SUCCESS, 1, "all" },
	{ "show all\nbogus\n", CMDLINE_PARSE_SUCCESS, 1, "all" },
	{ "show", CMDLINE_PARSE_BAD_ARGS, 0, NULL },
	{ "show none", CMDLINE_PARSE_BAD_ARGS, 0, NULL },
	{ "show all ports", CMDLINE_PARSE_BAD_ARGS, 0, NULL },
	{ "showall", CMDLINE_PARSE_NOMATCH, 0, NULL },
	{ "bogus", CMDLINE_PARSE_NOMATCH, 0, NULL },
	{ "Show all", CMDLINE_PARSE_NOMATCH, 0, NULL },
	{ "", CMDLINE_PARSE_SUCCESS, 0, NULL },
	{ " \t ", CMDLINE_PARSE_SUCCESS, 0, NULL },
	{ "\n", CMDLINE_PARSE_SUCCESS, 0, NULL },
	{ "# just a comment", CMDLINE_PARSE_SUCCESS, 0, NULL },
	{ "set name eth0", CMDLINE_PARSE_SUCCESS, 1, "eth0" },
	{ "set name", CMDLINE_PARSE_BAD_ARGS, 0, NULL },
	{ "set mtu 70000", CMDLINE_PARSE_BAD_ARGS, 0, NULL },
	{ "set mtu -1", CMDLINE_PARSE_BAD_ARGS, 0, NULL },
	{ "set mtu 1500 extra", CMDLINE_PARSE_BAD_ARGS, 0, NULL },
	{ "set other 1", CMDLINE_PARSE_BAD_ARGS, 0, NULL },
	{ "echo  hello   world ", CMDLINE_PARSE_SUCCESS, 1, "hello   world" },
	{ "echo", CMDLINE_PARSE_BAD_ARGS, 0, NULL },
	{ "dup x", CMDLINE_PARSE_AMBIGUOUS, 0, NULL },
	{ "dup y", CMDLINE_PARSE_SUCCESS, 1, NULL },
	{ "dup", CMDLINE_PARSE_BAD_ARGS, 0, NULL },
	{ "link 0,2-4 00:11:22:33:44:55 10.0.0.0/8", CMDLINE_PARSE_SUCCESS, 1, NULL },
	{ "link all 00:11:22:33:44:55 10.0.0.0", CMDLINE_PARSE_BAD_ARGS, 0, NULL },
	{ "link 40 00:11:22:33:44:55 10.0.0.0/8", CMDLINE_PARSE_BAD_ARGS, 0, NULL },
};

static void
test_parse(void **state)
{
	struct cmdline *cl;
	unsigned int i;

	RTE_SET_USED(state);
	cl = cmdline_new(main_ctx, "> ", -1, -1);
	assert_non_null(cl);
	for (i = 0; i < RTE_DIM(parse_cases); i++) {
		const struct parse_case *c = &parse_cases[i];
		int ret;

		reset_seen();
		ret = cmdline_parse(cl, c->line);
		if (ret != c->ret || seen.calls != c->calls)
			fail_msg("\"%s\": %d with %u calls, expected %d with %u",
				 c->line, ret, seen.calls, c->ret, c->calls);
		if (c->what != NULL)
			assert_string_equal(seen.what, c->what);
	}

	/* The callback gets the command line and the instruction's data. */
	reset_seen();
	assert_int_equal(cmdline_parse(cl, "show ports"), CMDLINE_PARSE_SUCCESS);
	assert_ptr_equal(seen.cl, cl);
	assert_ptr_equal(seen.data, &show_data);
	reset_seen();
	assert_int_equal(cmdline_parse(cl, "set mtu 0x5dc"), CMDLINE_PARSE_SUCCESS);
	assert_int_equal(seen.mtu, 1500);

	assert_int_equal(cmdline_parse(NULL, "show all"), CMDLINE_PARSE_BAD_ARGS);
	assert_int_equal(cmdline_parse(cl, NULL), CMDLINE_PARSE_BAD_ARGS);
	cmdline_free(cl);
}

/* A token whose offset is past the result structure matches nothing. */
static cmdline_parse_token_string_t bad_offset_token = {
	.hdr = {
		.ops = &cmdline_token_string_ops,
		.offset = CMDLINE_PARSE_RESULT_BUFSIZE,
	},
	.string_data = { .str = "bad" },
};

static cmdline_parse_inst_t bad_offset_inst = {
	.f = cmd_quit_parsed,
	.help_str = "bad",
	.tokens = { (void *)&bad_offset_token, NULL },
};

static cmdline_parse_ctx_t bad_ctx[] = {
	&bad_offset_inst,
	NULL,
};

static void
test_parse_bad_token(void **state)
{
	struct cmdline *cl;

	RTE_SET_USED(state);
	cl = cmdline_new(bad_ctx, "> ", -1, -1);
	assert_non_null(cl);
	reset_seen();
	assert_int_equal(cmdline_parse(cl, "bad"), CMDLINE_PARSE_NOMATCH);
	assert_int_equal(seen.calls, 0);
	cmdline_free(cl);
}

/* All the choices cmdline_complete() lists for line, one per line. */
static const char *
list_choices(struct cmdline *cl, const char *line, int start_state)
{
	static char all[2048];
	char choice[256];
	int state = start_state;
	int ret;

	all[0] = '\0';
	while ((ret = cmdline_complete(cl, line, &state, choice, sizeof(choice))) ==
	       CMDLINE_PARSE_COMPLETE_AGAIN) {
		strlcat(all, choice, sizeof(all));
		strlcat(all, "\n", sizeof(all));
	}
	assert_int_equal(ret, CMDLINE_PARSE_COMPLETE_FINISHED);
	return all;
}

static void
assert_completes(struct cmdline *cl, const char *line, const char *added)
{
	char dst[64];
	int state = 0;

	assert_int_equal(cmdline_complete(cl, line, &state, dst, sizeof(dst)),
			 CMDLINE_PARSE_COMPLETED_BUFFER);
	assert_string_equal(dst, added);
}

static void
test_complete(void **state)
{
	struct cmdline *cl;
	char dst[64];
	int st;

	RTE_SET_USED(state);
	cl = cmdline_new(main_ctx, "> ", -1, -1);
	assert_non_null(cl);

	/* Unique beginnings complete to the whole word and a space. */
	assert_completes(cl, "sh", "ow ");
	assert_completes(cl, "q", "uit ");
	assert_completes(cl, "show a", "ll ");
	assert_completes(cl, "  show  p", "orts ");
	/* "set" starts two commands: still one word. */
	assert_completes(cl, "se", "t ");
	assert_completes(cl, "set m", "tu ");

	/* Nothing started: the command words, with their help. */
	assert_string_equal(list_choices(cl, "", 0),
		"show [keyword]: show all|ports: show things\n"
		"set [keyword]: set mtu <value>\n"
		"set [keyword]: set name <word>\n"
		"echo [keyword]: echo <text>\n"
		"dup [keyword]: dup <word>\n"
		"dup [keyword]: dup x\n"
		"link [keyword]: link <ports> <mac> <network>\n"
		"quit [keyword]: quit\n");
	/* Several words share nothing more: list those that fit. */
	assert_string_equal(list_choices(cl, "s", 0),
		"show [keyword]: show all|ports: show things\n"
		"set [keyword]: set mtu <value>\n"
		"set [keyword]: set name <word>\n");
	assert_string_equal(list_choices(cl, "show ", 0),
		"all [choice]: show all|ports: show things\n"
		"ports [choice]: show all|ports: show things\n");
	/* A state of -1 lists even when a completion exists. */
	assert_string_equal(list_choices(cl, "show a", -1),
		"all [choice]: show all|ports: show things\n");
	/* Tokens without a word list show their help. */
	assert_string_equal(list_choices(cl, "set mtu ", 0),
		"[UINT16]: set mtu <value>\n");
	assert_string_equal(list_choices(cl, "dup ", 0),
		"[word]: dup <word>\n"
		"x [keyword]: dup x\n");
	assert_string_equal(list_choices(cl, "link ", 0),
		"[port list: all, or like 0,2-4]: link <ports> <mac> <network>\n");
	/* A complete command can end here. */
	assert_string_equal(list_choices(cl, "show all ", 0), "[RETURN]\n");
	assert_string_equal(list_choices(cl, "bogus ", 0), "");
	assert_string_equal(list_choices(cl, "x", 0), "");

	st = 0;
	assert_int_equal(cmdline_complete(NULL, "", &st, dst, sizeof(dst)), -1);
	assert_int_equal(cmdline_complete(cl, NULL, &st, dst, sizeof(dst)), -1);
	assert_int_equal(cmdline_complete(cl, "", NULL, dst, sizeof(dst)), -1);
	assert_int_equal(cmdline_complete(cl, "", &st, NULL, sizeof(dst)), -1);
	/* A completion that does not fit dst is listed instead. */
	assert_int_equal(cmdline_complete(cl, "q", &st, dst, 3), CMDLINE_PARSE_COMPLETE_AGAIN);
	assert_string_equal(dst, "qu");
	cmdline_free(cl);
}

/* Sessions: lines from a pipe, output to a memory file. */

struct session {
	int in;  /* write end of the input pipe */
	int out; /* the output file */
	int in_read; /* a duplicate of the read end, to see what was left */
	struct cmdline *cl;
};

static void
session_open(struct session *s)
{
	int p[2];

	assert_int_equal(pipe(p), 0);
	s->in = p[1];
	s->in_read = dup(p[0]);
	s->out = output_file();
	/* The command line owns (and closes) the descriptors it is given. */
	s->cl = cmdline_new(main_ctx, "prompt> ", p[0], dup(s->out));
	assert_non_null(s->cl);
	reset_seen();
}

/* Write the last of the session's input, close it, and run the session to the end. */
static void
session_run(struct session *s, const char *input)
{
	write_str(s->in, input);
	close(s->in);
	s->in = -1;
	cmdline_interact(s->cl);
}

static void
session_close(struct session *s)
{
	cmdline_free(s->cl);
	if (s->in >= 0)
		close(s->in);
	close(s->in_read);
	close(s->out);
}

static void
test_session(void **state)
{
	struct session s;
	char rest[64];
	ssize_t n;

	RTE_SET_USED(state);
	session_open(&s);
	session_run(&s,
		    "show all\n"
		    "bogus\n"
		    "set mtu x\n"
		    "\n"
		    "   \n"
		    "# comment\n"
		    "dup x\n"
		    "echo hello   world\n"
		    "set mtu 9000\r\n"
		    "link 1,3 02:00:00:00:00:01 2001:db8::/32\n"
		    "quit\n"
		    "show ports\n");
	/* No prompt and no echo: only what the commands say. */
	assert_string_equal(output_of(s.out),
			    "showing all\n"
			    "Command not found\n"
			    "Bad arguments\n"
			    "Ambiguous command\n"
			    "echo: hello   world\n"
			    "mtu 9000\n"
			    "link ports=0xa mac=02:00:00:00:00:01 net=2001:db8::/32\n"
			    "bye\n");
	/* quit stopped the session; what follows it is still unread. */
	n = read(s.in_read, rest, sizeof(rest) - 1);
	assert_true(n >= 0);
	rest[n] = '\0';
	assert_string_equal(rest, "show ports\n");
	assert_int_equal(cmdline_poll(s.cl), RDLINE_EXITED);
	session_close(&s);
}

static void
test_session_eof(void **state)
{
	struct session s;

	RTE_SET_USED(state);
	session_open(&s);
	/* The last line has no newline: it runs all the same. */
	session_run(&s, "show ports\necho last");
	assert_string_equal(output_of(s.out), "showing ports\necho: last\n");
	assert_int_equal(seen.calls, 2);
	/* The input ended: the command line has exited. */
	assert_int_equal(cmdline_poll(s.cl), RDLINE_EXITED);
	assert_int_equal(cmdline_in(s.cl, "show all\n", 9), -1);
	session_close(&s);
}

static void
test_session_long_line(void **state)
{
	static char line[10000];
	struct session s;

	RTE_SET_USED(state);
	session_open(&s);
	/* Longer than any command can be: refused whole, not cut. */
	memcpy(line, "echo ", 5);
	memset(line + 5, 'x', sizeof(line) - 7);
	line[sizeof(line) - 2] = '\n';
	write_str(s.in, line);
	session_run(&s, "show all\n");
	assert_string_equal(output_of(s.out), "Command too long\nshowing all\n");
	session_close(&s);
}

static void
test_file_new(void **state)
{
	char path[] = "/tmp/lockstep-cmdline-XXXXXX";
	struct cmdline *cl;
	int fd;

	RTE_SET_USED(state);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	write_str(fd, "set name from-file\nshow all\n");
	close(fd);

	reset_seen();
	cl = cmdline_file_new(main_ctx, "> ", path);
	assert_non_null(cl);
	cmdline_interact(cl);
	assert_int_equal(seen.calls, 2);
	assert_string_equal(seen.what, "all");
	cmdline_free(cl);
	unlink(path);

	assert_null(cmdline_file_new(main_ctx, "> ", path));
	assert_null(cmdline_file_new(main_ctx, "> ", NULL));
}

static int
feed(struct cmdline *cl, const char *s)
{
	return cmdline_in(cl, s, (int)strlen(s));
}

static void
test_cmdline_in(void **state)
{
	struct session s;
	struct rdline *rdl;

	RTE_SET_USED(state);
	session_open(&s);
	/* Lines may come in any pieces. */
	assert_int_equal(feed(s.cl, "sho"), 3);
	assert_int_equal(feed(s.cl, "w all\nbo"), 8);
	assert_int_equal(feed(s.cl, "gus\n"), 4);
	/* Backspace and DEL take back a character; other controls are dropped. */
	assert_int_equal(feed(s.cl, "shx\bow\001 portz\x7fs\n"), 16);
	assert_int_equal(feed(s.cl, ""), 0);
	assert_string_equal(output_of(s.out),
			    "showing all\nCommand not found\nshowing ports\n");

	rdl = cmdline_get_rdline(s.cl);
	assert_non_null(rdl);
	assert_int_equal(feed(s.cl, "echo pending"), 12);
	assert_string_equal(rdline_get_buffer(rdl), "echo pending");
	rdline_reset(rdl);
	assert_string_equal(rdline_get_buffer(rdl), "");
	/* Stopped, the line takes nothing until restarted. */
	rdline_stop(rdl);
	assert_int_equal(feed(s.cl, "show all\n"), -1);
	assert_int_equal(rdline_char_in(rdl, 'x'), RDLINE_RES_NOT_RUNNING);
	rdline_restart(rdl);
	assert_int_equal(rdline_char_in(rdl, 'x'), RDLINE_RES_SUCCESS);
	assert_int_equal(rdline_char_in(rdl, '\n'), RDLINE_RES_VALIDATED);

	/* Quitting consumes the line that quit, and nothing after it. */
	assert_int_equal(feed(s.cl, "quit\nshow all\n"), 5);
	assert_int_equal(rdline_char_in(rdl, 'x'), RDLINE_RES_NOT_RUNNING);
	assert_int_equal(feed(s.cl, "show all\n"), -1);
	assert_string_equal(output_of(s.out),
			    "showing all\nCommand not found\nshowing ports\n"
			    "Command not found\nbye\n");

	assert_int_equal(cmdline_write_char(rdl, '!'), 1);
	assert_int_equal(cmdline_in(NULL, "x", 1), -1);
	assert_int_equal(cmdline_in(s.cl, NULL, 1), -1);
	assert_int_equal(cmdline_write_char(NULL, 'x'), -1);
	assert_null(cmdline_get_rdline(NULL));
	session_close(&s);
}

static void
test_poll(void **state)
{
	struct session s;
	unsigned int i;

	RTE_SET_USED(state);
	session_open(&s);
	/* Nothing to read: returns at once. */
	assert_int_equal(cmdline_poll(s.cl), RDLINE_RUNNING);
	write_str(s.in, "show all\nquit\n");
	for (i = 0; i < strlen("show all\n"); i++)
		assert_int_equal(cmdline_poll(s.cl), RDLINE_RUNNING);
	assert_string_equal(output_of(s.out), "showing all\n");
	for (i = 0; i < strlen("quit") ; i++)
		assert_int_equal(cmdline_poll(s.cl), RDLINE_RUNNING);
	assert_int_equal(cmdline_poll(s.cl), RDLINE_EXITED);
	assert_int_equal(cmdline_poll(s.cl), RDLINE_EXITED);
	session_close(&s);

	/* The end of the input ends the command line too. */
	session_open(&s);
	close(s.in);
	s.in = -1;
	assert_int_equal(cmdline_poll(s.cl), RDLINE_EXITED);
	session_close(&s);

	assert_int_equal(cmdline_poll(NULL), -EINVAL);
}

static void
test_printf(void **state)
{
	static char big[5000];
	struct cmdline *cl;
	int out = output_file();

	RTE_SET_USED(state);
	cl = cmdline_new(main_ctx, "> ", -1, dup(out));
	assert_non_null(cl);
	cmdline_printf(cl, "%d|%5s|%-3u|%.2f|%#x|%c|%%\n", -42, "ab", 7u, 3.14159, 255, 'z');
	assert_string_equal(output_of(out), "-42|   ab|7  |3.14|0xff|z|%\n");

	/* Long output is written whole. */
	memset(big, 'b', sizeof(big) - 1);
	cmdline_printf(cl, "%s", big);
	assert_int_equal(strlen(output_of(out)), strlen("-42|   ab|7  |3.14|0xff|z|%\n") +
			 sizeof(big) - 1);
	cmdline_free(cl);
	close(out);

	/* Without output, or without a command line, nothing happens. */
	cl = cmdline_new(main_ctx, "> ", -1, -1);
	assert_non_null(cl);
	cmdline_printf(cl, "lost %d\n", 1);
	cmdline_printf(NULL, "lost %d\n", 2);
	cmdline_free(cl);
}

static void
test_new_free(void **state)
{
	struct cmdline *cl;
	int p[2];

	RTE_SET_USED(state);
	assert_null(cmdline_new(NULL, "> ", -1, -1));
	assert_null(cmdline_new(main_ctx, NULL, -1, -1));
	cmdline_free(NULL);
	cmdline_interact(NULL);
	cmdline_quit(NULL);
	cmdline_set_prompt(NULL, "x");

	/* The descriptors given are closed with the command line. */
	assert_int_equal(pipe(p), 0);
	cl = cmdline_new(main_ctx, "a prompt longer than thirty-two characters> ",
			 p[0], p[1]);
	assert_non_null(cl);
	cmdline_set_prompt(cl, "other> ");
	cmdline_set_prompt(cl, NULL);
	cmdline_free(cl);
	assert_int_equal(fcntl(p[0], F_GETFD), -1);
	assert_int_equal(fcntl(p[1], F_GETFD), -1);
}

/* Terminals, through a pseudo-terminal. */

/* The master side of a new pseudo-terminal, its slave in *slave; skips the test if none. */
static int
open_pty(int *slave)
{
	int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	int err;

	if (master >= 0 && grantpt(master) == 0 && unlockpt(master) == 0) {
		*slave = open(ptsname(master), O_RDWR | O_NOCTTY | O_CLOEXEC);
		if (*slave >= 0)
			return master;
	}
	err = errno;
	if (master >= 0)
		close(master);
	TEST_SKIP("no pseudo-terminal: %s", strerror(err));
	return -1;
}

static void
test_tty_poll_prompt(void **state)
{
	struct cmdline *cl;
	int master, slave, out;
	unsigned int i;

	RTE_SET_USED(state);
	master = open_pty(&slave);
	out = output_file();
	reset_seen();
	/* On a terminal the prompt shows, before each line. */
	cl = cmdline_new(main_ctx, "tty> ", slave, dup(out));
	assert_non_null(cl);
	assert_int_equal(cmdline_poll(cl), RDLINE_RUNNING);
	assert_string_equal(output_of(out), "tty> ");
	write_str(master, "show all\n");
	for (i = 0; i < 100 && seen.calls == 0; i++) {
		assert_int_equal(cmdline_poll(cl), RDLINE_RUNNING);
		if (seen.calls == 0)
			usleep(1000);
	}
	assert_int_equal(seen.calls, 1);
	assert_int_equal(cmdline_poll(cl), RDLINE_RUNNING);
	assert_string_equal(output_of(out), "tty> showing all\ntty> ");
	cmdline_free(cl);
	close(out);
	close(master);
}

static void
test_stdin_restores_terminal(void **state)
{
	struct termios before, changed, after;
	struct cmdline *cl;
	int master, slave, saved_stdin;

	RTE_SET_USED(state);
	master = open_pty(&slave);
	saved_stdin = dup(STDIN_FILENO);
	assert_true(saved_stdin >= 0);
	assert_int_equal(dup2(slave, STDIN_FILENO), STDIN_FILENO);
	assert_int_equal(tcgetattr(STDIN_FILENO, &before), 0);

	cl = cmdline_stdin_new(main_ctx, "> ");
	assert_non_null(cl);
	/* Whatever the terminal went through, exit puts it back. */
	changed = before;
	changed.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	assert_int_equal(tcsetattr(STDIN_FILENO, TCSANOW, &changed), 0);
	cmdline_stdin_exit(cl);
	assert_int_equal(tcgetattr(STDIN_FILENO, &after), 0);
	assert_int_equal(after.c_lflag, before.c_lflag);

	assert_int_equal(dup2(saved_stdin, STDIN_FILENO), STDIN_FILENO);
	close(saved_stdin);
	close(slave);
	close(master);
	cmdline_stdin_exit(NULL);
}

#ifdef RTE_HAS_LIBEDIT

/*
 * Read what the terminal shows until it contains needle past the previous
 * match (5 s at most); NULL forgets everything read so far.
 */
static void
read_until(int master, const char *needle)
{
	static char screen[16384];
	static size_t len, from;
	struct pollfd pfd = { .fd = master, .events = POLLIN };
	const char *match;
	ssize_t n;
	int i;

	if (needle == NULL) {
		len = 0;
		from = 0;
		screen[0] = '\0';
		return;
	}
	for (i = 0; i < 500; i++) {
		match = strstr(screen + from, needle);
		if (match != NULL) {
			from = (size_t)(match - screen) + strlen(needle);
			return;
		}
		if (poll(&pfd, 1, 10) <= 0)
			continue;
		n = read(master, screen + len, sizeof(screen) - 1 - len);
		if (n <= 0)
			break;
		len += (size_t)n;
		screen[len] = '\0';
	}
	fail_msg("terminal never showed \"%s\"; it shows \"%s\"", needle, screen + from);
}

static void *
interact_thread(void *arg)
{
	cmdline_interact(arg);
	return NULL;
}

static void
test_libedit_session(void **state)
{
	struct cmdline *cl;
	pthread_t thread;
	int master, slave;

	RTE_SET_USED(state);
	master = open_pty(&slave);
	setenv("TERM", "dumb", 1);
	reset_seen();
	read_until(master, NULL);
	cl = cmdline_new(main_ctx, "edit> ", slave, dup(slave));
	assert_non_null(cl);
	assert_int_equal(pthread_create(&thread, NULL, interact_thread, cl), 0);

	read_until(master, "edit> ");
	/* Tab completes the command word... */
	write_str(master, "sh\t");
	read_until(master, "show ");
	/* ...and lists the choices when there are several. */
	write_str(master, "\t");
	read_until(master, "ports [choice]: show all|ports: show things");
	write_str(master, "all\n");
	read_until(master, "showing all");

	/* History: ^P brings the last commands back. */
	write_str(master, "set name x\n");
	read_until(master, "name x");
	write_str(master, "\020\020\n");
	read_until(master, "showing all\r\n");

	write_str(master, "quit\n");
	read_until(master, "bye");
	assert_int_equal(pthread_join(thread, NULL), 0);
	/* show all, set name x, show all again, quit. */
	assert_int_equal(seen.calls, 4);
	assert_string_equal(seen.what, "all");
	cmdline_free(cl);
	close(master);
}

#endif /* RTE_HAS_LIBEDIT */

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_parse),
	cmocka_unit_test(test_parse_bad_token),
	cmocka_unit_test(test_complete),
	cmocka_unit_test(test_session),
	cmocka_unit_test(test_session_eof),
	cmocka_unit_test(test_session_long_line),
	cmocka_unit_test(test_file_new),
	cmocka_unit_test(test_cmdline_in),
	cmocka_unit_test(test_poll),
	cmocka_unit_test(test_printf),
	cmocka_unit_test(test_new_free),
	cmocka_unit_test(test_tty_poll_prompt),
	cmocka_unit_test(test_stdin_restores_terminal),
#ifdef RTE_HAS_LIBEDIT
	cmocka_unit_test(test_libedit_session),
#endif
};

REGISTER_TEST_GROUP(cmdline, tests);
