/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_BYTEORDER_H_
#define _RTE_BYTEORDER_H_

/**
 * @file
 * Byte-order conversions (DPDK 22.11 API).
 *
 * Everything is a macro over the compiler's byte-swap builtins, which the
 * compiler folds for constant arguments, so the conversions also serve in
 * static initialisers and case labels.
 */

#include <stdint.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_BIG_ENDIAN 1
#define RTE_LITTLE_ENDIAN 2

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define RTE_BYTE_ORDER RTE_BIG_ENDIAN
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define RTE_BYTE_ORDER RTE_LITTLE_ENDIAN
#else
#error "unknown byte order"
#endif

/*
 * Types that document the byte order of a value; to the compiler they are
 * plain integers.
 */
typedef uint16_t rte_be16_t;
typedef uint32_t rte_be32_t;
typedef uint64_t rte_be64_t;
typedef uint16_t rte_le16_t;
typedef uint32_t rte_le32_t;
typedef uint64_t rte_le64_t;

/* Swaps written out with shifts, for contexts that want no builtin at all. */
#define RTE_STATIC_BSWAP16(v) \
	((uint16_t)((((uint16_t)(v) & UINT16_C(0x00ff)) << 8) | \
		    (((uint16_t)(v) & UINT16_C(0xff00)) >> 8)))
#define RTE_STATIC_BSWAP32(v) \
	((((uint32_t)(v) & UINT32_C(0x000000ff)) << 24) | \
	 (((uint32_t)(v) & UINT32_C(0x0000ff00)) << 8) | \
	 (((uint32_t)(v) & UINT32_C(0x00ff0000)) >> 8) | \
	 (((uint32_t)(v) & UINT32_C(0xff000000)) >> 24))
#define RTE_STATIC_BSWAP64(v) \
	((((uint64_t)(v) & UINT64_C(0x00000000000000ff)) << 56) | \
	 (((uint64_t)(v) & UINT64_C(0x000000000000ff00)) << 40) | \
	 (((uint64_t)(v) & UINT64_C(0x0000000000ff0000)) << 24) | \
	 (((uint64_t)(v) & UINT64_C(0x00000000ff000000)) << 8) | \
	 (((uint64_t)(v) & UINT64_C(0x000000ff00000000)) >> 8) | \
	 (((uint64_t)(v) & UINT64_C(0x0000ff0000000000)) >> 24) | \
	 (((uint64_t)(v) & UINT64_C(0x00ff000000000000)) >> 40) | \
	 (((uint64_t)(v) & UINT64_C(0xff00000000000000)) >> 56))

#define rte_constant_bswap16(x) RTE_STATIC_BSWAP16(x)
#define rte_constant_bswap32(x) RTE_STATIC_BSWAP32(x)
#define rte_constant_bswap64(x) RTE_STATIC_BSWAP64(x)

#define rte_bswap16(x) ((uint16_t)__builtin_bswap16((uint16_t)(x)))
#define rte_bswap32(x) ((uint32_t)__builtin_bswap32((uint32_t)(x)))
#define rte_bswap64(x) ((uint64_t)__builtin_bswap64((uint64_t)(x)))

#if RTE_BYTE_ORDER == RTE_LITTLE_ENDIAN

#define RTE_BE16(v) ((rte_be16_t)RTE_STATIC_BSWAP16(v))
#define RTE_BE32(v) ((rte_be32_t)RTE_STATIC_BSWAP32(v))
#define RTE_BE64(v) ((rte_be64_t)RTE_STATIC_BSWAP64(v))
#define RTE_LE16(v) ((rte_le16_t)(v))
#define RTE_LE32(v) ((rte_le32_t)(v))
#define RTE_LE64(v) ((rte_le64_t)(v))

#define rte_cpu_to_le_16(x) ((uint16_t)(x))
#define rte_cpu_to_le_32(x) ((uint32_t)(x))
#define rte_cpu_to_le_64(x) ((uint64_t)(x))
#define rte_cpu_to_be_16(x) rte_bswap16(x)
#define rte_cpu_to_be_32(x) rte_bswap32(x)
#define rte_cpu_to_be_64(x) rte_bswap64(x)

#define rte_le_to_cpu_16(x) ((uint16_t)(x))
#define rte_le_to_cpu_32(x) ((uint32_t)(x))
#define rte_le_to_cpu_64(x) ((uint64_t)(x))
#define rte_be_to_cpu_16(x) rte_bswap16(x)
#define rte_be_to_cpu_32(x) rte_bswap32(x)
#define rte_be_to_cpu_64(x) rte_bswap64(x)

#else

#define RTE_BE16(v) ((rte_be16_t)(v))
#define RTE_BE32(v) ((rte_be32_t)(v))
#define RTE_BE64(v) ((rte_be64_t)(v))
#define RTE_LE16(v) ((rte_le16_t)RTE_STATIC_BSWAP16(v))
#define RTE_LE32(v) ((rte_le32_t)RTE_STATIC_BSWAP32(v))
#define RTE_LE64(v) ((rte_le64_t)RTE_STATIC_BSWAP64(v))

#define rte_cpu_to_le_16(x) rte_bswap16(x)
#define rte_cpu_to_le_32(x) rte_bswap32(x)
#define rte_cpu_to_le_64(x) rte_bswap64(x)
#define rte_cpu_to_be_16(x) ((uint16_t)(x))
#define rte_cpu_to_be_32(x) ((uint32_t)(x))
#define rte_cpu_to_be_64(x) ((uint64_t)(x))

#define rte_le_to_cpu_16(x) rte_bswap16(x)
#define rte_le_to_cpu_32(x) rte_bswap32(x)
#define rte_le_to_cpu_64(x) rte_bswap64(x)
#define rte_be_to_cpu_16(x) ((uint16_t)(x))
#define rte_be_to_cpu_32(x) ((uint32_t)(x))
#define rte_be_to_cpu_64(x) ((uint64_t)(x))

#endif

#ifdef __cplusplus
}
#endif

#endif /* _RTE_BYTEORDER_H_ */
