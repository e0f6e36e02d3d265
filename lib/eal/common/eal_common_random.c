/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#include <stdint.h>
#include <time.h>

#include <rte_branch_prediction.h>
#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_lcore.h>
#include <rte_random.h>

/*
 * xoshiro256** per thread. rte_srand() bumps a generation; each thread
 * reseeds from the seed and its lcore id the next time it draws, so a new
 * seed reaches every thread without touching another thread's state, and
 * a given seed gives each lcore the same sequence on every run. Threads
 * that are not lcores get distinct streams numbered in the order they
 * first draw.
 */
struct rand_state {
	uint64_t s[4];
	uint64_t generation;
};

static uint64_t rand_seed;
static uint64_t rand_generation = 1;
static uint64_t rand_non_eal_streams;
static __thread struct rand_state rand_state;
static __thread uint64_t rand_stream_id;

static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static inline uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static struct rand_state *
state_get(void)
{
	struct rand_state *st = &rand_state;
	uint64_t gen = __atomic_load_n(&rand_generation, __ATOMIC_ACQUIRE);

	if (unlikely(st->generation != gen)) {
		uint64_t x = __atomic_load_n(&rand_seed, __ATOMIC_RELAXED);
		unsigned int i;

		if (rand_stream_id == 0) {
			unsigned int lcore = rte_lcore_id();

			rand_stream_id = lcore != LCORE_ID_ANY ? lcore + 1 :
				RTE_MAX_LCORE + 1 +
				__atomic_fetch_add(&rand_non_eal_streams, 1, __ATOMIC_RELAXED);
		}
		x ^= rand_stream_id << 32;

		for (i = 0; i < RTE_DIM(st->s); i++)
			st->s[i] = splitmix64(&x);
		st->generation = gen;
	}
	return st;
}

void
rte_srand(uint64_t seedval)
{
	__atomic_store_n(&rand_seed, seedval, __ATOMIC_RELAXED);
	__atomic_fetch_add(&rand_generation, 1, __ATOMIC_RELEASE);
}

uint64_t
rte_rand(void)
{
	struct rand_state *st = state_get();
	uint64_t *s = st->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

uint64_t
rte_rand_max(uint64_t upper_bound)
{
	uint64_t mask, v;

	if (upper_bound < 2)
		return 0;
	/* Draw under the smallest all-ones mask covering the bound: no modulo bias. */
	mask = rte_combine64ms1b(upper_bound - 1);
	do {
		v = rte_rand() & mask;
	} while (v >= upper_bound);
	return v;
}

double
rte_drand(void)
{
	/* The top 53 bits fill a double's mantissa exactly. */
	return (double)(rte_rand() >> 11) * 0x1.0p-53;
}

RTE_INIT(rand_init)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	rand_seed = rte_rdtsc() ^ (uint64_t)ts.tv_nsec;
}
