/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_ATOMIC_H_
#define _RTE_ATOMIC_H_

/**
 * @file
 * Memory barriers and the legacy rte_atomicNN_t counters (DPDK 22.11 API),
 * built on the compiler's __atomic builtins. New code should prefer
 * rte_stdatomic.h.
 */

#include <stdint.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

#define rte_mb() __atomic_thread_fence(__ATOMIC_SEQ_CST)

#if defined(__x86_64__) || defined(__i386__)
/* x86 keeps stores ordered with stores and loads with loads. */
#define rte_wmb() rte_compiler_barrier()
#define rte_rmb() rte_compiler_barrier()
#define rte_smp_wmb() rte_compiler_barrier()
#define rte_smp_rmb() rte_compiler_barrier()
#else
#define rte_wmb() __atomic_thread_fence(__ATOMIC_RELEASE)
#define rte_rmb() __atomic_thread_fence(__ATOMIC_ACQUIRE)
#define rte_smp_wmb() __atomic_thread_fence(__ATOMIC_RELEASE)
#define rte_smp_rmb() __atomic_thread_fence(__ATOMIC_ACQUIRE)
#endif
#define rte_smp_mb() rte_mb()
#define rte_io_mb() rte_mb()
#define rte_io_wmb() rte_wmb()
#define rte_io_rmb() rte_rmb()
#define rte_cio_wmb() rte_wmb()
#define rte_cio_rmb() rte_rmb()

/** Fence with a C11 memory order (__ATOMIC_*). */
static __rte_always_inline void
rte_atomic_thread_fence(int memorder)
{
	__atomic_thread_fence(memorder);
}

/*
 * Legacy counters: every operation is sequentially consistent. The same
 * set of functions exists for 16, 32 and 64 bits.
 */
#define RTE_ATOMIC_LEGACY_OPS(bits) \
typedef struct { volatile int##bits##_t cnt; } rte_atomic##bits##_t; \
static inline void \
rte_atomic##bits##_init(rte_atomic##bits##_t *v) \
{ \
	__atomic_store_n(&v->cnt, 0, __ATOMIC_SEQ_CST); \
} \
static inline int##bits##_t \
rte_atomic##bits##_read(const rte_atomic##bits##_t *v) \
{ \
	return __atomic_load_n(&v->cnt, __ATOMIC_SEQ_CST); \
} \
static inline void \
rte_atomic##bits##_set(rte_atomic##bits##_t *v, int##bits##_t new_value) \
{ \
	__atomic_store_n(&v->cnt, new_value, __ATOMIC_SEQ_CST); \
} \
static inline void \
rte_atomic##bits##_add(rte_atomic##bits##_t *v, int##bits##_t inc) \
{ \
	__atomic_fetch_add(&v->cnt, inc, __ATOMIC_SEQ_CST); \
} \
static inline void \
rte_atomic##bits##_sub(rte_atomic##bits##_t *v, int##bits##_t dec) \
{ \
	__atomic_fetch_sub(&v->cnt, dec, __ATOMIC_SEQ_CST); \
} \
static inline void \
rte_atomic##bits##_inc(rte_atomic##bits##_t *v) \
{ \
	rte_atomic##bits##_add(v, 1); \
} \
static inline void \
rte_atomic##bits##_dec(rte_atomic##bits##_t *v) \
{ \
	rte_atomic##bits##_sub(v, 1); \
} \
static inline int##bits##_t \
rte_atomic##bits##_add_return(rte_atomic##bits##_t *v, int##bits##_t inc) \
{ \
	return __atomic_add_fetch(&v->cnt, inc, __ATOMIC_SEQ_CST); \
} \
static inline int##bits##_t \
rte_atomic##bits##_sub_return(rte_atomic##bits##_t *v, int##bits##_t dec) \
{ \
	return __atomic_sub_fetch(&v->cnt, dec, __ATOMIC_SEQ_CST); \
} \
static inline int \
rte_atomic##bits##_inc_and_test(rte_atomic##bits##_t *v) \
{ \
	return __atomic_add_fetch(&v->cnt, 1, __ATOMIC_SEQ_CST) == 0; \
} \
static inline int \
rte_atomic##bits##_dec_and_test(rte_atomic##bits##_t *v) \
{ \
	return __atomic_sub_fetch(&v->cnt, 1, __ATOMIC_SEQ_CST) == 0; \
} \
static inline int \
rte_atomic##bits##_test_and_set(rte_atomic##bits##_t *v) \
{ \
	int##bits##_t expected = 0; \
	return __atomic_compare_exchange_n(&v->cnt, &expected, 1, 0, \
			__ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); \
} \
static inline void \
rte_atomic##bits##_clear(rte_atomic##bits##_t *v) \
{ \
	rte_atomic##bits##_set(v, 0); \
} \
static inline int \
rte_atomic##bits##_cmpset(volatile uint##bits##_t *dst, uint##bits##_t exp, \
			  uint##bits##_t src) \
{ \
	return __atomic_compare_exchange_n(dst, &exp, src, 0, \
			__ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST); \
} \
static inline uint##bits##_t \
rte_atomic##bits##_exchange(volatile uint##bits##_t *dst, uint##bits##_t val) \
{ \
	return __atomic_exchange_n(dst, val, __ATOMIC_SEQ_CST); \
}

RTE_ATOMIC_LEGACY_OPS(16)
RTE_ATOMIC_LEGACY_OPS(32)
RTE_ATOMIC_LEGACY_OPS(64)

#define RTE_ATOMIC16_INIT(val) { (val) }
#define RTE_ATOMIC32_INIT(val) { (val) }
#define RTE_ATOMIC64_INIT(val) { (val) }

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ATOMIC_H_ */
