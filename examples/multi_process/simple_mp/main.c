/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * simple_mp: a primary and its secondaries pass text messages through two
 * rings and a pool of message buffers in the group's shared memory. The
 * primary makes them; a secondary finds them by name and uses the rings
 * the other way round, so what one side sends, the other receives. The
 * main lcore runs the command line, the first worker lcore prints what
 * arrives:
 *
 *     simple_mp -l 0-1 --no-huge --proc-type=primary
 *     simple_mp -l 0-1 --no-huge --proc-type=secondary
 *     > send hello
 */

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmdline.h>
#include <cmdline_socket.h>
#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_debug.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_mempool.h>
#include <rte_ring.h>

#include "simple_mp.h"

#define RING_TO_SECONDARY "simple_mp_to_secondary"
#define RING_TO_PRIMARY "simple_mp_to_primary"
#define MESSAGE_POOL "simple_mp_messages"

/*
 * A ring of RING_SIZE slots holds RING_SIZE - 1 buffers: as many as the
 * pool has, so that a buffer taken from the pool always fits in a ring.
 */
#define RING_SIZE 128
#define POOL_SIZE (RING_SIZE - 1)

/* How long the receiver sleeps when its ring is empty, in microseconds. */
#define IDLE_SLEEP_US 1000

struct rte_ring *send_ring;
struct rte_ring *recv_ring;
struct rte_mempool *message_pool;

/* Set by the main lcore when the command line ends; read by the receiver. */
static bool quit;

static int
receive_loop(void *arg)
{
	unsigned int lcore = rte_lcore_id();
	void *msg;

	RTE_SET_USED(arg);
	while (!__atomic_load_n(&quit, __ATOMIC_RELAXED)) {
		if (rte_ring_dequeue(recv_ring, &msg) < 0) {
			/* Messages come at typing speed: sleep instead of spinning. */
			rte_delay_us_sleep(IDLE_SLEEP_US);
			continue;
		}
		/* Flushed line by line so that a reader on a pipe sees each at once. */
		printf("core %u: received '%s'\n", lcore, (const char *)msg);
		fflush(stdout);
		rte_mempool_put(message_pool, msg);
	}
	return 0;
}

/*
 * The pool has no per-lcore cache: messages are few, and without one,
 * processes may share it whatever lcore ids they run with.
 */
static void
create_objects(void)
{
	send_ring = rte_ring_create(RING_TO_SECONDARY, RING_SIZE, rte_socket_id(), 0);
	if (send_ring == NULL)
		rte_exit(EXIT_FAILURE, "cannot create ring %s: %s\n", RING_TO_SECONDARY,
			 rte_strerror(rte_errno));
	recv_ring = rte_ring_create(RING_TO_PRIMARY, RING_SIZE, rte_socket_id(), 0);
	if (recv_ring == NULL)
		rte_exit(EXIT_FAILURE, "cannot create ring %s: %s\n", RING_TO_PRIMARY,
			 rte_strerror(rte_errno));
	message_pool = rte_mempool_create(MESSAGE_POOL, POOL_SIZE, MSG_SIZE, 0, 0, NULL, NULL,
					  NULL, NULL, rte_socket_id(), 0);
	if (message_pool == NULL)
		rte_exit(EXIT_FAILURE, "cannot create mempool %s: %s\n", MESSAGE_POOL,
			 rte_strerror(rte_errno));
}

static void
find_objects(void)
{
	static const char hint[] = "is simple_mp's primary running with this --file-prefix?";

	send_ring = rte_ring_lookup(RING_TO_PRIMARY);
	if (send_ring == NULL)
		rte_exit(EXIT_FAILURE, "cannot find ring %s: %s\n", RING_TO_PRIMARY, hint);
	recv_ring = rte_ring_lookup(RING_TO_SECONDARY);
	if (recv_ring == NULL)
		rte_exit(EXIT_FAILURE, "cannot find ring %s: %s\n", RING_TO_SECONDARY, hint);
	message_pool = rte_mempool_lookup(MESSAGE_POOL);
	if (message_pool == NULL)
		rte_exit(EXIT_FAILURE, "cannot find mempool %s: %s\n", MESSAGE_POOL, hint);
}

static void
stop_receiver(void)
{
	__atomic_store_n(&quit, true, __ATOMIC_RELAXED);
	rte_eal_mp_wait_lcore();
}

int
main(int argc, char **argv)
{
	bool primary;
	unsigned int receiver;
	struct cmdline *cl;
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "cannot initialise the EAL: %s\n", rte_strerror(rte_errno));
	if (argc - ret > 1)
		rte_exit(EXIT_FAILURE,
			 "unexpected argument '%s': simple_mp has no options of its own\n",
			 argv[ret + 1]);
	receiver = rte_get_next_lcore(-1, 1, 0);
	if (receiver >= RTE_MAX_LCORE)
		rte_exit(EXIT_FAILURE, "simple_mp needs two lcores (-l 0-1): %s\n",
			 "one for the command line, one to receive");

	primary = rte_eal_process_type() == RTE_PROC_PRIMARY;
	if (primary)
		create_objects();
	else
		find_objects();
	ret = rte_eal_remote_launch(receive_loop, NULL, receiver);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "cannot start the receiver on lcore %u: %s\n", receiver,
			 rte_strerror(-ret));

	printf("simple_mp %s: core %u receives; commands: send <text>, help, quit\n",
	       primary ? "primary" : "secondary", receiver);
	fflush(stdout);
	cl = cmdline_stdin_new(simple_mp_ctx, "simple_mp> ");
	if (cl == NULL) {
		stop_receiver();
		rte_exit(EXIT_FAILURE, "cannot create the command line\n");
	}
	cmdline_interact(cl);
	cmdline_stdin_exit(cl);

	/*
	 * The rings and the pool stay: another process of the group may still
	 * use them, and the group's memory goes with its last process.
	 */
	stop_receiver();
	rte_eal_cleanup();
	return 0;
}
