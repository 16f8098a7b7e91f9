/*
 * Region lists and the system calls that reshape them: brk, mmap, munmap,
 * mprotect.  A process has a handful of regions, so a sorted singly linked
 * list is both the simplest and a fast enough structure.
 */
#include "mm/region.h"

#include <stdbool.h>

#include "kernel/uapi/errno.h"
#include "kernel/uapi/mman.h"
#include "mm/frame.h"
#include "mm/heap.h"
#include "mm/pte.h"

#define PAGE_MASK 0xfffu
#define PAGE_UP(x) (((x) + PAGE_MASK) & ~PAGE_MASK)

/* Like Linux's default overcommit heuristic: memory is handed out on
 * first touch, but a single request for more than the machine has is
 * refused at once. */
static bool more_than_ram(uint32_t bytes)
{
    return bytes / FRAME_SIZE > frames_total();
}

static int overlaps(const struct vm_space *s, uint32_t start, uint32_t end,
                    const struct vm_region *except)
{
    for (const struct vm_region *r = s->regions; r; r = r->next)
        if (r != except && r->start < end && start < r->end)
            return 1;
    return 0;
}

int region_add(struct vm_space *s, uint32_t start, uint32_t end, uint32_t flags)
{
    if ((start | end) & PAGE_MASK || start > end || end > USER_TOP || start < USER_LOW)
        return -EINVAL;
    if (overlaps(s, start, end, NULL))
        return -EINVAL;
    struct vm_region *n = kmalloc(sizeof *n);
    if (!n)
        return -ENOMEM;
    n->start = start;
    n->end = end;
    n->flags = flags;
    struct vm_region **link = &s->regions;
    while (*link && (*link)->start < start)
        link = &(*link)->next;
    n->next = *link;
    *link = n;
    return 0;
}

struct vm_region *region_find(struct vm_space *s, uint32_t addr)
{
    for (struct vm_region *r = s->regions; r && r->start <= addr; r = r->next)
        if (addr < r->end)
            return r;
    return NULL;
}

uint32_t region_pte_flags(const struct vm_region *r)
{
    return PTE_U | (r->flags & VM_WRITE ? PTE_W : 0);
}

/* Split r at addr (strictly inside it); r keeps the lower part. */
static int split(struct vm_region *r, uint32_t addr)
{
    struct vm_region *upper = kmalloc(sizeof *upper);
    if (!upper)
        return -ENOMEM;
    *upper = *r;
    upper->start = addr;
    r->end = addr;
    r->next = upper;
    return 0;
}

int region_remove(struct vm_space *s, uint32_t start, uint32_t end)
{
    /* Split first, so that failing leaves the mappings untouched. */
    for (struct vm_region *r = s->regions; r; r = r->next) {
        if (r->start < start && start < r->end && split(r, start) < 0)
            return -ENOMEM;
        if (r->start < end && end < r->end && split(r, end) < 0)
            return -ENOMEM;
    }
    int err = vm_unmap(s, start, end);
    if (err)
        return err;
    struct vm_region **link = &s->regions;
    while (*link) {
        struct vm_region *r = *link;
        if (r->start >= start && r->end <= end) {
            *link = r->next;
            kfree(r);
        } else {
            link = &r->next;
        }
    }
    return 0;
}

int region_copy_all(struct vm_space *dst, const struct vm_space *src)
{
    struct vm_region **tail = &dst->regions;
    for (const struct vm_region *r = src->regions; r; r = r->next) {
        struct vm_region *c = kmalloc(sizeof *c);
        if (!c)
            return -ENOMEM;     /* the caller destroys dst, list and all */
        *c = *r;
        c->next = NULL;
        *tail = c;
        tail = &c->next;
    }
    return 0;
}

void region_free_all(struct vm_space *s)
{
    while (s->regions) {
        struct vm_region *r = s->regions;
        s->regions = r->next;
        kfree(r);
    }
}

static struct vm_region *heap_region(struct vm_space *s)
{
    for (struct vm_region *r = s->regions; r; r = r->next)
        if ((r->flags & VM_HEAP) && r->start == s->brk_start)
            return r;
    return NULL;
}

uint32_t vm_brk(struct vm_space *s, uint32_t new_brk)
{
    struct vm_region *heap = heap_region(s);
    if (!heap || new_brk < s->brk_start || new_brk > USER_MMAP_TOP)
        return s->brk;
    uint32_t new_end = PAGE_UP(new_brk);
    if (new_end > heap->end) {
        if (overlaps(s, heap->end, new_end, heap) || more_than_ram(new_end - heap->end))
            return s->brk;
    } else if (new_end < heap->end && vm_unmap(s, new_end, heap->end) < 0) {
        return s->brk;
    }
    heap->end = new_end;
    s->brk = new_brk;
    return new_brk;
}

/* Highest free gap of len bytes below USER_MMAP_TOP, or 0. */
static uint32_t find_gap(struct vm_space *s, uint32_t len)
{
    uint32_t top = USER_MMAP_TOP;
    for (;;) {
        if (top < len || top - len < USER_LOW)
            return 0;
        uint32_t start = top - len;
        const struct vm_region *hit = NULL;
        for (const struct vm_region *r = s->regions; r; r = r->next)
            if (r->start < top && start < r->end)
                hit = r;        /* the highest overlapping region wins */
        if (!hit)
            return start;
        top = hit->start;
    }
}

static uint32_t prot_flags(uint32_t prot)
{
    return (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE | VM_READ : 0) |
           (prot & PROT_EXEC ? VM_EXEC | VM_READ : 0);
}

long vm_mmap(struct vm_space *s, uint32_t addr, uint32_t len, uint32_t prot, uint32_t flags)
{
    if (!(flags & MAP_ANONYMOUS))
        return -ENODEV;         /* file mappings are handled by fs/ */
    if (len == 0 || (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)))
        return -EINVAL;
    if (len > USER_TOP)
        return -ENOMEM;
    if ((flags & (MAP_PRIVATE | MAP_SHARED)) != MAP_PRIVATE)
        return -EINVAL;         /* no shared memory between processes */
    len = PAGE_UP(len);
    if (more_than_ram(len))
        return -ENOMEM;
    if (flags & MAP_FIXED) {
        if ((addr & PAGE_MASK) || addr < USER_LOW || addr > USER_TOP - len)
            return -EINVAL;
        int err = region_remove(s, addr, addr + len);
        if (err)
            return err;
    } else if (!(addr = find_gap(s, len))) {
        return -ENOMEM;
    }
    int err = region_add(s, addr, addr + len, prot_flags(prot));
    return err ? err : (long)addr;
}

int vm_munmap(struct vm_space *s, uint32_t addr, uint32_t len)
{
    if ((addr & PAGE_MASK) || len == 0 || addr >= USER_TOP || len > USER_TOP - addr)
        return -EINVAL;
    return region_remove(s, addr, addr + PAGE_UP(len));
}

/* Make the present pages of [start, end) agree with new permissions: a
 * read-only page becomes copy-on-write if it may now be written (the
 * fault then takes it over or copies it), writable ones lose PTE_W. */
static int reprotect_pages(struct vm_space *s, uint32_t start, uint32_t end, int writable)
{
    for (uint32_t va = start; va < end; va += 4096) {
        uint32_t *pte = vm_pte_lookup(s, va);
        if (!pte || !(*pte & PTE_P))
            continue;
        if (!(pte = vm_pte_private(s, va)))
            return -ENOMEM;
        if (writable && !(*pte & PTE_W))
            *pte |= PTE_COW;
        else if (!writable)
            *pte &= ~(PTE_W | PTE_COW);
    }
    vm_flush(s);
    return 0;
}

int vm_mprotect(struct vm_space *s, uint32_t addr, uint32_t len, uint32_t prot)
{
    if ((addr & PAGE_MASK) || addr >= USER_TOP || len > USER_TOP - addr)
        return -EINVAL;
    uint32_t end = addr + PAGE_UP(len);
    for (uint32_t a = addr; a < end;) {         /* all of it must be mapped */
        struct vm_region *r = region_find(s, a);
        if (!r)
            return -ENOMEM;
        a = r->end;
    }
    for (struct vm_region *r = s->regions; r; r = r->next) {
        if (r->start < addr && addr < r->end && split(r, addr) < 0)
            return -ENOMEM;
        if (r->start < end && end < r->end && split(r, end) < 0)
            return -ENOMEM;
    }
    uint32_t keep = VM_HEAP | VM_STACK | VM_TEXT;
    for (struct vm_region *r = s->regions; r; r = r->next)
        if (r->start >= addr && r->end <= end)
            r->flags = (r->flags & keep) | prot_flags(prot);
    return reprotect_pages(s, addr, end, (prot & PROT_WRITE) != 0);
}
