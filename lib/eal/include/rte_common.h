/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_COMMON_H_
#define _RTE_COMMON_H_

/**
 * @file
 * Macros and helpers used across all Lockstep libraries (DPDK 22.11 names).
 */

#include <stdint.h>
#include <stddef.h>
#include <stdalign.h>
#include <limits.h>
#include <errno.h>

#include <rte_compat.h>
#include <rte_config.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_STD_C11 __extension__

#define __rte_aligned(a) __attribute__((__aligned__(a)))
#define __rte_packed __attribute__((__packed__))
#define __rte_may_alias __attribute__((__may_alias__))
#define __rte_weak __attribute__((__weak__))
#define __rte_used __attribute__((used))
#define __rte_unused __attribute__((__unused__))
#define __rte_noreturn __attribute__((noreturn))
#define __rte_warn_unused_result __attribute__((warn_unused_result))
#define __rte_always_inline inline __attribute__((always_inline))
#define __rte_noinline __attribute__((noinline))
#define __rte_hot __attribute__((hot))
#define __rte_cold __attribute__((cold))
#define __rte_deprecated __attribute__((__deprecated__))
#define __rte_deprecated_msg(msg) __attribute__((__deprecated__(msg)))
#define __rte_format_printf(format_index, first_arg) \
	__attribute__((format(printf, format_index, first_arg)))
#define __rte_alloc_size(...) __attribute__((alloc_size(__VA_ARGS__)))
#define __rte_malloc __attribute__((__malloc__))
#define __rte_cache_aligned __rte_aligned(RTE_CACHE_LINE_SIZE)
#define __rte_cache_min_aligned __rte_aligned(RTE_CACHE_LINE_MIN_SIZE)

#define RTE_CACHE_LINE_MIN_SIZE 64
#define RTE_CACHE_LINE_MASK (RTE_CACHE_LINE_SIZE - 1)
#define RTE_CACHE_LINE_ROUNDUP(size) RTE_ALIGN_CEIL(size, RTE_CACHE_LINE_SIZE)

/** Mark a variable as used to silence "unused" warnings. */
#define RTE_SET_USED(x) (void)(x)

#define RTE_PRIORITY_LOG 101
#define RTE_PRIORITY_BUS 110
#define RTE_PRIORITY_CLASS 120
#define RTE_PRIORITY_LAST 65535
#define RTE_PRIO(prio) RTE_PRIORITY_ ## prio

/**
 * Run func before main(), with a priority (LOG, BUS, CLASS or LAST); lower
 * priorities run first.
 */
#define RTE_INIT_PRIO(func, prio) \
	static void __attribute__((constructor(RTE_PRIO(prio)), used)) func(void)
#define RTE_INIT(func) RTE_INIT_PRIO(func, LAST)
#define RTE_FINI_PRIO(func, prio) \
	static void __attribute__((destructor(RTE_PRIO(prio)), used)) func(void)
#define RTE_FINI(func) RTE_FINI_PRIO(func, LAST)

#define _RTE_STR(x) #x
#define RTE_STR(x) _RTE_STR(x)
#define RTE_STR_CONCAT_(a, b) a ## b

#define RTE_DIM(a) (sizeof(a) / sizeof((a)[0]))

#define RTE_MIN(a, b) \
	__extension__ ({ \
		typeof(a) _a = (a); \
		typeof(b) _b = (b); \
		_a < _b ? _a : _b; \
	})
#define RTE_MAX(a, b) \
	__extension__ ({ \
		typeof(a) _a = (a); \
		typeof(b) _b = (b); \
		_a > _b ? _a : _b; \
	})

/** Compile-time assertion: fails the build when condition is true. */
#define RTE_BUILD_BUG_ON(condition) \
	((void)sizeof(char[1 - 2 * !!(condition)]))

#ifndef container_of
#define container_of(ptr, type, member) \
	__extension__ ({ \
		const typeof(((type *)0)->member) *_ptr = (ptr); \
		(type *)(void *)((char *)(uintptr_t)_ptr - offsetof(type, member)); \
	})
#endif

#define RTE_SIZEOF_FIELD(type, field) (sizeof(((type *)0)->field))

/* Pointer arithmetic. */
#define RTE_PTR_ADD(ptr, x) ((void *)((uintptr_t)(ptr) + (x)))
#define RTE_PTR_SUB(ptr, x) ((void *)((uintptr_t)(ptr) - (x)))
#define RTE_PTR_DIFF(ptr1, ptr2) ((uintptr_t)(ptr1) - (uintptr_t)(ptr2))

/* Alignment; align must be a power of two. */
#define RTE_PTR_ALIGN_FLOOR(ptr, align) \
	((typeof(ptr))RTE_ALIGN_FLOOR((uintptr_t)(ptr), align))
#define RTE_ALIGN_FLOOR(val, align) \
	(typeof(val))((val) & (~((typeof(val))((align) - 1))))
#define RTE_PTR_ALIGN_CEIL(ptr, align) \
	RTE_PTR_ALIGN_FLOOR((typeof(ptr))RTE_PTR_ADD(ptr, (align) - 1), align)
#define RTE_ALIGN_CEIL(val, align) \
	RTE_ALIGN_FLOOR(((val) + ((typeof(val))(align) - 1)), align)
#define RTE_PTR_ALIGN(ptr, align) RTE_PTR_ALIGN_CEIL(ptr, align)
#define RTE_ALIGN(val, align) RTE_ALIGN_CEIL(val, align)
#define RTE_ALIGN_MUL_CEIL(v, mul) \
	((((v) + (typeof(v))(mul) - 1) / ((typeof(v))(mul))) * (typeof(v))(mul))
#define RTE_ALIGN_MUL_FLOOR(v, mul) \
	(((v) / ((typeof(v))(mul))) * (typeof(v))(mul))

/** True when ptr is a multiple of align (a power of two). */
static inline int
rte_is_aligned(const void * const ptr, const unsigned int align)
{
	return ((uintptr_t)ptr & (align - 1)) == 0;
}

#define RTE_IS_POWER_OF_2(n) ((n) && !(((n) - 1) & (n)))

static inline int
rte_is_power_of_2(uint32_t n)
{
	return n && !(n & (n - 1));
}

/** Fill every bit below the most significant set bit. */
static inline uint32_t
rte_combine32ms1b(uint32_t x)
{
	x |= x >> 1;
	x |= x >> 2;
	x |= x >> 4;
	x |= x >> 8;
	x |= x >> 16;
	return x;
}

static inline uint64_t
rte_combine64ms1b(uint64_t v)
{
	v |= v >> 1;
	v |= v >> 2;
	v |= v >> 4;
	v |= v >> 8;
	v |= v >> 16;
	v |= v >> 32;
	return v;
}

/** Smallest power of two >= x (0 when x is 0 or the result overflows). */
static inline uint32_t
rte_align32pow2(uint32_t x)
{
	x--;
	x = rte_combine32ms1b(x);
	return x + 1;
}

/** Largest power of two <= x. */
static inline uint32_t
rte_align32prevpow2(uint32_t x)
{
	x = rte_combine32ms1b(x);
	return x - (x >> 1);
}

static inline uint64_t
rte_align64pow2(uint64_t v)
{
	v--;
	v = rte_combine64ms1b(v);
	return v + 1;
}

static inline uint64_t
rte_align64prevpow2(uint64_t v)
{
	v = rte_combine64ms1b(v);
	return v - (v >> 1);
}

/** Index of the least significant set bit; v must not be 0. */
static inline uint32_t
rte_bsf32(uint32_t v)
{
	return (uint32_t)__builtin_ctz(v);
}

static inline int
rte_bsf32_safe(uint32_t v, uint32_t *pos)
{
	if (v == 0)
		return 0;
	*pos = rte_bsf32(v);
	return 1;
}

static inline uint32_t
rte_bsf64(uint64_t v)
{
	return (uint32_t)__builtin_ctzll(v);
}

static inline int
rte_bsf64_safe(uint64_t v, uint32_t *pos)
{
	if (v == 0)
		return 0;
	*pos = rte_bsf64(v);
	return 1;
}

/** Position of the most significant set bit plus one (0 for 0). */
static inline uint32_t
rte_fls_u32(uint32_t x)
{
	return (x == 0) ? 0 : 32 - (uint32_t)__builtin_clz(x);
}

static inline uint32_t
rte_fls_u64(uint64_t x)
{
	return (x == 0) ? 0 : 64 - (uint32_t)__builtin_clzll(x);
}

/** Ceiling of log2(v); 0 for v <= 1. */
static inline uint32_t
rte_log2_u32(uint32_t v)
{
	/* Not via rte_align32pow2(): above 2^31 it gives 0, and ctz(0) is undefined. */
	return v <= 1 ? 0 : rte_fls_u32(v - 1);
}

static inline uint32_t
rte_log2_u64(uint64_t v)
{
	return v <= 1 ? 0 : rte_fls_u64(v - 1);
}

#define RTE_LEN2MASK(ln, tp) \
	((tp)((uint64_t)-1 >> (sizeof(uint64_t) * CHAR_BIT - (ln))))

#define RTE_BIT32(nr) (UINT32_C(1) << (nr))
#define RTE_BIT64(nr) (UINT64_C(1) << (nr))

/** Size units as DPDK spells them. */
#define RTE_KB 1024ULL
#define RTE_MB (1024ULL * RTE_KB)
#define RTE_GB (1024ULL * RTE_MB)

/** An I/O virtual address: what a device uses to reach memory. */
typedef uint64_t rte_iova_t;
#define RTE_BAD_IOVA ((rte_iova_t)-1)

typedef uint64_t phys_addr_t;
#define RTE_BAD_PHYS_ADDR ((phys_addr_t)-1)

/** Parse a size with an optional K/M/G suffix; 0 on error. */
uint64_t rte_str_to_size(const char *str);

/* Compiler barrier: no memory access moves across it. */
#define rte_compiler_barrier() do { asm volatile ("" : : : "memory"); } while (0)

#ifdef __cplusplus
}
#endif

#endif /* _RTE_COMMON_H_ */
