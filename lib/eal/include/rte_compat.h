/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

#ifndef _RTE_COMPAT_H_
#define _RTE_COMPAT_H_

/* DPDK marks experimental and internal API with these; they change nothing here. */
#ifndef __rte_experimental
#define __rte_experimental
#endif
#ifndef __rte_internal
#define __rte_internal
#endif

#endif /* _RTE_COMPAT_H_ */
