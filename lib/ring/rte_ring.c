/* SPDX-License-Identifier: BSD-3-Clause
 * Copyright (c) 2026 The Lockstep authors
 */

/*
 * Ring creation, lookup and teardown. A ring made by rte_ring_create()
 * lives in a memzone named "RG_<name>" and is listed in the shared tailq
 * "RTE_RING"; the tailq lock protects that list (its entries are in the
 * shared heap, so any process may add or remove one).
 */

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_common.h>
#include <rte_eal_memconfig.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_memzone.h>
#include <rte_ring.h>
#include <rte_string_fns.h>
#include <rte_tailq.h>

TAILQ_HEAD(rte_ring_list, rte_tailq_entry);

static struct rte_tailq_elem rte_ring_tailq = {
	.name = "RTE_RING",
};
EAL_REGISTER_TAILQ(rte_ring_tailq)

#define RING_KNOWN_FLAGS (RING_F_SP_ENQ | RING_F_SC_DEQ | RING_F_EXACT_SZ)

ssize_t
rte_ring_get_memsize_elem(unsigned int esize, unsigned int count)
{
	if (esize == 0 || esize % 4 != 0) {
		RTE_LOG(ERR, RING, "element size %u is not a multiple of 4\n", esize);
		return -EINVAL;
	}
	if (!rte_is_power_of_2(count) || count > RTE_RING_SZ_MASK) {
		RTE_LOG(ERR, RING, "ring size %u is not a power of two up to %u\n",
			count, RTE_RING_SZ_MASK);
		return -EINVAL;
	}
	return RTE_CACHE_LINE_ROUNDUP(sizeof(struct rte_ring) + (size_t)count * esize);
}

ssize_t
rte_ring_get_memsize(unsigned int count)
{
	return rte_ring_get_memsize_elem(sizeof(void *), count);
}

/* Slots and capacity for count elements, or -EINVAL (logged). */
static int
ring_geometry(const char *name, unsigned int count, unsigned int flags, uint32_t *size,
	      uint32_t *capacity)
{
	if (flags & ~RING_KNOWN_FLAGS) {
		RTE_LOG(ERR, RING, "ring '%s': unknown flags 0x%x\n", name,
			flags & ~RING_KNOWN_FLAGS);
		return -EINVAL;
	}
	if (flags & RING_F_EXACT_SZ) {
		*capacity = count;
		*size = count < RTE_RING_SZ_MASK ? rte_align32pow2(count + 1) : 0;
	} else {
		*size = count;
		*capacity = count - 1;
	}
	if (count == 0 || !rte_is_power_of_2(*size) || *size > RTE_RING_SZ_MASK ||
	    *capacity == 0) {
		RTE_LOG(ERR, RING, "ring '%s': bad count %u (%s)\n", name, count,
			(flags & RING_F_EXACT_SZ) ? "at most 2^30 - 1 with RING_F_EXACT_SZ" :
			"a power of two from 2 to 2^30, or use RING_F_EXACT_SZ");
		return -EINVAL;
	}
	return 0;
}

static void
ring_setup(struct rte_ring *r, const char *name, uint32_t size, uint32_t capacity,
	   unsigned int flags)
{
	memset(r, 0, sizeof(*r));
	rte_strlcpy(r->name, name, sizeof(r->name));
	r->flags = (int)flags;
	r->size = size;
	r->mask = size - 1;
	r->capacity = capacity;
	r->prod.sync_type = (flags & RING_F_SP_ENQ) ? RTE_RING_SYNC_ST : RTE_RING_SYNC_MT;
	r->cons.sync_type = (flags & RING_F_SC_DEQ) ? RTE_RING_SYNC_ST : RTE_RING_SYNC_MT;
}

int
rte_ring_init(struct rte_ring *r, const char *name, unsigned int count, unsigned int flags)
{
	uint32_t size, capacity;

	if (r == NULL || name == NULL)
		return -EINVAL;
	if (strnlen(name, RTE_RING_NAMESIZE) == RTE_RING_NAMESIZE) {
		RTE_LOG(ERR, RING, "ring name '%s' is longer than %zu characters\n", name,
			RTE_RING_NAMESIZE - 1);
		return -ENAMETOOLONG;
	}
	if (ring_geometry(name, count, flags, &size, &capacity) < 0)
		return -EINVAL;
	ring_setup(r, name, size, capacity, flags);
	return 0;
}

static struct rte_ring_list *
ring_list(void)
{
	if (rte_ring_tailq.head == NULL)
		return NULL;
	return RTE_TAILQ_CAST(rte_ring_tailq.head, rte_ring_list);
}

struct rte_ring *
rte_ring_create_elem(const char *name, unsigned int esize, unsigned int count,
		     int socket_id, unsigned int flags)
{
	char mz_name[RTE_MEMZONE_NAMESIZE];
	struct rte_ring_list *list = ring_list();
	const struct rte_memzone *mz;
	struct rte_tailq_entry *te;
	uint32_t size, capacity;
	struct rte_ring *r;
	ssize_t memsize;
	int n, err;

	if (list == NULL) {
		RTE_LOG(ERR, RING, "cannot create a ring before rte_eal_init()\n");
		rte_errno = E_RTE_NO_CONFIG;
		return NULL;
	}
	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	n = snprintf(mz_name, sizeof(mz_name), "%s%s", RTE_RING_MZ_PREFIX, name);
	if (n < 0 || (size_t)n >= sizeof(mz_name)) {
		RTE_LOG(ERR, RING, "ring name '%s' is longer than %zu characters\n", name,
			RTE_RING_NAMESIZE - 1);
		rte_errno = ENAMETOOLONG;
		return NULL;
	}
	if (ring_geometry(name, count, flags, &size, &capacity) < 0) {
		rte_errno = EINVAL;
		return NULL;
	}
	memsize = rte_ring_get_memsize_elem(esize, size);
	if (memsize < 0) {
		rte_errno = EINVAL;
		return NULL;
	}
	te = rte_zmalloc("RING_TAILQ_ENTRY", sizeof(*te), 0);
	if (te == NULL) {
		RTE_LOG(ERR, RING, "ring '%s': no memory for its tailq entry\n", name);
		rte_errno = ENOMEM;
		return NULL;
	}

	/* Under the tailq lock, so that a lookup never sees a half-made ring. */
	rte_mcfg_tailq_write_lock();
	mz = rte_memzone_reserve_aligned(mz_name, (size_t)memsize, socket_id, 0,
					 RTE_CACHE_LINE_SIZE);
	if (mz == NULL) {
		err = rte_errno;
		rte_mcfg_tailq_write_unlock();
		rte_free(te);
		RTE_LOG(ERR, RING, "ring '%s': cannot reserve memzone '%s' of %zd bytes: %s\n",
			name, mz_name, memsize, rte_strerror(err));
		rte_errno = err;
		return NULL;
	}
	r = mz->addr;
	ring_setup(r, name, size, capacity, flags);
	r->memzone = mz;
	te->data = r;
	TAILQ_INSERT_TAIL(list, te, next);
	rte_mcfg_tailq_write_unlock();
	return r;
}

struct rte_ring *
rte_ring_create(const char *name, unsigned int count, int socket_id, unsigned int flags)
{
	return rte_ring_create_elem(name, sizeof(void *), count, socket_id, flags);
}

void
rte_ring_free(struct rte_ring *r)
{
	struct rte_tailq_entry *te;

	if (r == NULL)
		return;
	if (r->memzone == NULL) {
		RTE_LOG(ERR, RING, "ring '%s' was not made by rte_ring_create(): not freed\n",
			r->name);
		return;
	}
	if (ring_list() == NULL)
		return;
	te = rte_eal_tailq_obj_remove(&rte_ring_tailq, r);
	if (te == NULL) {
		RTE_LOG(ERR, RING, "ring '%s' is not registered: not freed\n", r->name);
		return;
	}
	if (rte_memzone_free(r->memzone) != 0)
		RTE_LOG(ERR, RING, "ring '%s': cannot free its memzone\n", r->name);
	rte_free(te);
}

void
rte_ring_reset(struct rte_ring *r)
{
	__atomic_store_n(&r->prod.head, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&r->prod.tail, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&r->cons.head, 0, __ATOMIC_RELAXED);
	__atomic_store_n(&r->cons.tail, 0, __ATOMIC_RELEASE);
}

void
rte_ring_dump(FILE *f, const struct rte_ring *r)
{
	if (r == NULL) {
		fprintf(f, "ring: NULL\n");
		return;
	}
	fprintf(f, "ring <%s>@%p\n", r->name, (const void *)r);
	fprintf(f, "  flags=0x%x\n", (unsigned int)r->flags);
	fprintf(f, "  size=%u\n", r->size);
	fprintf(f, "  capacity=%u\n", r->capacity);
	fprintf(f, "  prod: %s head=%u tail=%u\n", r->prod.single ? "single" : "multi",
		r->prod.head, r->prod.tail);
	fprintf(f, "  cons: %s head=%u tail=%u\n", r->cons.single ? "single" : "multi",
		r->cons.head, r->cons.tail);
	fprintf(f, "  used=%u\n", rte_ring_count(r));
	fprintf(f, "  avail=%u\n", rte_ring_free_count(r));
}

void
rte_ring_list_dump(FILE *f)
{
	struct rte_ring_list *list = ring_list();
	const struct rte_tailq_entry *te;

	if (list == NULL)
		return;
	rte_mcfg_tailq_read_lock();
	TAILQ_FOREACH(te, list, next)
		rte_ring_dump(f, te->data);
	rte_mcfg_tailq_read_unlock();
}

struct rte_ring *
rte_ring_lookup(const char *name)
{
	return rte_eal_tailq_obj_lookup(&rte_ring_tailq, name, offsetof(struct rte_ring, name),
					RTE_RING_NAMESIZE);
}
