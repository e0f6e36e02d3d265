/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_RANDOM_H_
#define _RTE_RANDOM_H_

/**
 * @file
 * Fast pseudo-random numbers, not for cryptography (DPDK 22.11 API). Each
 * thread has its own generator, seeded from the common seed.
 */

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Reseed every thread's generator from seedval (deterministic sequences). */
void rte_srand(uint64_t seedval);

/** 64 random bits. */
uint64_t rte_rand(void);

/** A uniformly distributed value in [0, upper_bound); 0 when upper_bound is 0. */
uint64_t rte_rand_max(uint64_t upper_bound);

/** A uniformly distributed double in [0, 1). */
double rte_drand(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_RANDOM_H_ */
