/*
 * Copy-on-write: cloning an address space, and undoing the sharing lazily
 * when one side writes.  This is the one place that knows how sharing is
 * done (docs/memory.md, "The clone").
 *
 * Cowix shares whole page tables, not just pages (the On-Demand-Fork idea):
 * a clone points its directory at the parent's user page tables, both
 * directories' entries made read-only and marked PDE_SHARED, and each
 * table's frame count says how many directories use it.  So fork costs
 * the same whatever the process's size.  The first write through a shared
 * table copies that one table (cow_unshare_table); from then on its pages
 * are ordinary per-page copy-on-write (PTE_COW, frame count > 1), and the
 * first write to such a page copies the page (cow_break).
 */
#ifndef MM_COW_H
#define MM_COW_H

#include <stdint.h>

#include "mm/vm.h"

/* A copy-on-write clone of s (regions included); NULL when out of memory,
 * with nothing leaked and s's memory unchanged (page tables the clone had
 * already shared stay marked shared; their count is back at 1, so the next
 * write through one makes it private again without a copy). */
struct vm_space *vm_clone(struct vm_space *s);

/* Give s its own copy of user page table i (PDE_SHARED), or just make it
 * writable again when no one else uses it any more.  -ENOMEM on failure. */
int cow_unshare_table(struct vm_space *s, uint32_t i);

/* A write fault on the present, COW-marked page at va: copy it (or take it
 * over when this is the last reference).  -ENOMEM when no frame is left. */
int cow_break(struct vm_space *s, uint32_t va);

/* Bytes of user memory mapped by more than one address space. */
uint32_t vm_shared_bytes(void);

#endif
