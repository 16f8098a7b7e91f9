/*
 * Address spaces.
 *
 * A struct vm_space is a page directory plus the list of user regions
 * (mm/region.h).  Its entries 768-1023 are the kernel's, linked to the same
 * tables in every directory (mm/kspace.c); entries 0-767 are this space's
 * user page tables, which may be shared copy-on-write with clones
 * (mm/cow.c).  All page-table surgery on user space goes through here.
 */
#ifndef MM_VM_H
#define MM_VM_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/layout.h"

/* User layout (see kernel/layout.h for the whole picture). */
#define USER_STACK_TOP   USER_TOP
#define USER_STACK_MAX   (8u << 20)
#define USER_STACK_LOW   (USER_STACK_TOP - USER_STACK_MAX)
#define USER_MMAP_TOP    (USER_STACK_LOW - (1u << 20))   /* 1 MiB gap */
#define USER_LOW         0x00010000u                     /* lowest mappable */

struct vm_region;

struct vm_space {
    uint32_t *pd;                   /* the page directory, via the direct map */
    uint32_t pd_phys;
    uint32_t pde_used[768 / 32];    /* which user PDEs point at a table */
    struct vm_region *regions;      /* sorted by address, not overlapping */
    uint32_t brk_start, brk;        /* the heap: [brk_start, brk) */
    uint32_t arg_start, arg_end;    /* argv strings (for /proc/PID/cmdline) */
    uint32_t env_start, env_end;    /* envp strings */
};

/* An empty user space (kernel half linked); NULL when out of memory. */
struct vm_space *vm_create(void);
/* Free every user page, table and the directory; leaves the free-frame
 * count exactly where it was before vm_create. */
void vm_destroy(struct vm_space *s);

/* Load s (NULL: the kernel's own directory) into CR3, unless loaded. */
void vm_switch(struct vm_space *s);
struct vm_space *vm_current(void);
/* Reload CR3 if s is loaded (after write-protecting its entries). */
void vm_flush(struct vm_space *s);

/* Page-level operations.  Flags are PTE_W / PTE_U style bits. */
/* Map the frame `pa` at `va`, taking over one reference to it. */
int vm_map(struct vm_space *s, uint32_t va, uint32_t pa, uint32_t flags);
/* Map a new zeroed frame at va. -ENOMEM when out of memory. */
int vm_map_zero(struct vm_space *s, uint32_t va, uint32_t flags);
/* Unmap [start, end) (below USER_TOP), dropping the frames' references.
 * -ENOMEM only if a shared page table had to be copied and could not. */
int vm_unmap(struct vm_space *s, uint32_t start, uint32_t end);
/* The physical address mapped at va, or 0. */
uint32_t vm_translate(struct vm_space *s, uint32_t va);
/* Number of user pages mapped (resident set). */
uint32_t vm_resident_pages(struct vm_space *s);

/* For mm/cow.c: the PTE slot for va in a table this space does not share
 * with anyone (unsharing or allocating the table first); NULL on OOM. */
uint32_t *vm_pte_private(struct vm_space *s, uint32_t va);
/* The PTE for va for reading (may be in a shared table), or NULL. */
uint32_t *vm_pte_lookup(struct vm_space *s, uint32_t va);

static inline bool vm_pde_used(const struct vm_space *s, uint32_t i)
{
    return s->pde_used[i / 32] & (1u << (i % 32));
}

#endif
