/*
 * User regions: the parts of an address space a process may touch, with
 * their permissions (text read-only, data, bss, the brk heap, anonymous
 * mmaps, the stack).  Pages inside a region but not yet mapped are
 * demand-zero: the page-fault handler gives them a zeroed frame on first
 * touch.  A fault outside every region is a segmentation fault.
 */
#ifndef MM_REGION_H
#define MM_REGION_H

#include <stdint.h>

#include "mm/vm.h"

#define VM_READ  0x1u
#define VM_WRITE 0x2u
#define VM_EXEC  0x4u
#define VM_HEAP  0x10u      /* the brk heap */
#define VM_STACK 0x20u      /* the user stack */
#define VM_TEXT  0x40u      /* loaded from the executable */

struct vm_region {
    uint32_t start, end;    /* [start, end), page-aligned */
    uint32_t flags;
    struct vm_region *next;
};

/* Add [start, end) (page-aligned); -EINVAL if it overlaps, -ENOMEM. */
int region_add(struct vm_space *s, uint32_t start, uint32_t end, uint32_t flags);
/* The region containing addr, or NULL. */
struct vm_region *region_find(struct vm_space *s, uint32_t addr);
/* Remove [start, end) from the regions (splitting them) and unmap it. */
int region_remove(struct vm_space *s, uint32_t start, uint32_t end);
/* Copy src's region list into dst (for clone). */
int region_copy_all(struct vm_space *dst, const struct vm_space *src);
void region_free_all(struct vm_space *s);
/* PTE permission bits for pages of r. */
uint32_t region_pte_flags(const struct vm_region *r);

/* brk(2): move the end of the heap; returns the resulting break (the old
 * one when the request is refused), as Linux does. */
uint32_t vm_brk(struct vm_space *s, uint32_t new_brk);
/* Anonymous private mmap: the address, or -errno. */
long vm_mmap(struct vm_space *s, uint32_t addr, uint32_t len, uint32_t prot,
             uint32_t flags);
int vm_munmap(struct vm_space *s, uint32_t addr, uint32_t len);
/* mprotect(2) on whole regions or parts of them. */
int vm_mprotect(struct vm_space *s, uint32_t addr, uint32_t len, uint32_t prot);

#endif
