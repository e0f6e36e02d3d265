/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef FUZZ_H
#define FUZZ_H

/* What every libFuzzer target here shares. */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* The entry point libFuzzer calls with each input. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An invariant: breaking it aborts, and libFuzzer keeps the input. */
#define CHECK(cond) do { \
	if (!(cond)) \
		abort(); \
} while (0)

#endif /* FUZZ_H */
