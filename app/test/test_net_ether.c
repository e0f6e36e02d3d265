/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/* rte_ether.h: Ethernet addresses (parse, format, kinds) and byte order. */

#include <errno.h>
#include <stdalign.h>
#include <stdio.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_errno.h>
#include <rte_ether.h>

#include "test.h"

static void
test_ether_addr(void **state)
{
	struct rte_ether_addr a, b;
	char buf[RTE_ETHER_ADDR_FMT_SIZE];
	unsigned int i;

	RTE_SET_USED(state);
	RTE_BUILD_BUG_ON(sizeof(struct rte_ether_addr) != RTE_ETHER_ADDR_LEN);
	RTE_BUILD_BUG_ON(alignof(struct rte_ether_addr) != 2);
	RTE_BUILD_BUG_ON(sizeof(struct rte_ether_hdr) != RTE_ETHER_HDR_LEN);
	RTE_BUILD_BUG_ON(RTE_ETHER_MTU != 1500);

	assert_int_equal(rte_ether_unformat_addr("0a:1B:2c:3D:4e:5F", &a), 0);
	rte_ether_format_addr(buf, sizeof(buf), &a);
	assert_string_equal(buf, "0A:1B:2C:3D:4E:5F");
	rte_ether_format_addr(buf, 6, &a);
	assert_string_equal(buf, "0A:1B");
	snprintf(buf, sizeof(buf), RTE_ETHER_ADDR_PRT_FMT, RTE_ETHER_ADDR_BYTES(&a));
	assert_string_equal(buf, "0A:1B:2C:3D:4E:5F");

	rte_errno = 0;
	assert_int_equal(rte_ether_unformat_addr("0a:1b", &a), -1);
	assert_int_equal(rte_errno, EINVAL);
	assert_int_equal(rte_ether_unformat_addr(NULL, &a), -1);
	assert_int_equal(rte_ether_unformat_addr("0a:1b:2c:3d:4e:5f", NULL), -1);

	rte_ether_addr_copy(&a, &b);
	assert_true(rte_is_same_ether_addr(&a, &b));
	b.addr_bytes[5] ^= 1;
	assert_false(rte_is_same_ether_addr(&a, &b));

	memset(&a, 0, sizeof(a));
	assert_true(rte_is_zero_ether_addr(&a));
	assert_true(rte_is_unicast_ether_addr(&a));
	assert_false(rte_is_valid_assigned_ether_addr(&a));
	memset(&a, 0xff, sizeof(a));
	assert_true(rte_is_broadcast_ether_addr(&a));
	assert_true(rte_is_multicast_ether_addr(&a));
	assert_false(rte_is_valid_assigned_ether_addr(&a));
	assert_int_equal(rte_ether_unformat_addr("01:00:5e:00:00:01", &a), 0);
	assert_true(rte_is_multicast_ether_addr(&a));
	assert_false(rte_is_broadcast_ether_addr(&a));
	assert_true(rte_is_universal_ether_addr(&a));
	assert_int_equal(rte_ether_unformat_addr("02:00:00:00:00:01", &a), 0);
	assert_true(rte_is_local_admin_ether_addr(&a));
	assert_true(rte_is_valid_assigned_ether_addr(&a));

	for (i = 0; i < 64; i++) {
		rte_eth_random_addr(a.addr_bytes);
		assert_true(rte_is_unicast_ether_addr(&a));
		assert_true(rte_is_local_admin_ether_addr(&a));
	}
	assert_int_equal(rte_cpu_to_be_16(0x1234), RTE_BE16(0x1234));
	assert_int_equal(rte_be_to_cpu_32(rte_cpu_to_be_32(0x12345678)), 0x12345678);
	assert_int_equal(rte_bswap64(UINT64_C(0x0102030405060708)),
			 UINT64_C(0x0807060504030201));
}

static const struct CMUnitTest tests[] = {
	cmocka_unit_test(test_ether_addr),
};

REGISTER_TEST_GROUP(net_ether, tests);
