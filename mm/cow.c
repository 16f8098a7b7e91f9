/*
 * The copy-on-write mechanism (see cow.h for the idea).
 *
 * Reference counting, in one sentence: a user frame's count is the number
 * of page tables that map it, and a page table's count is the number of
 * directories that use it.  A frame is shared between address spaces iff
 * its own count is above one or the one table mapping it is.
 */
#include "mm/cow.h"

#include "kernel/cpu.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "mm/frame.h"
#include "mm/kspace.h"
#include "mm/pte.h"
#include "mm/region.h"

/* Frames that must stay free after a clone, beyond one per shared table:
 * after fork, each side's first write through a shared table needs a
 * frame, and a fork that left none would only move the failure to a page
 * fault that kills the parent. */
#define CLONE_RESERVE 128u

static uint32_t tables_in_use(const struct vm_space *s)
{
    uint32_t n = 0;
    for (uint32_t w = 0; w < USER_PDES / 32; w++)
        n += (uint32_t)__builtin_popcount(s->pde_used[w]);
    return n;
}

struct vm_space *vm_clone(struct vm_space *parent)
{
    if (frames_free() < CLONE_RESERVE + 2 * tables_in_use(parent))
        return NULL;
    struct vm_space *child = vm_create();
    if (!child)
        return NULL;
    if (region_copy_all(child, parent) < 0) {
        vm_destroy(child);
        return NULL;
    }
    child->brk_start = parent->brk_start;
    child->brk = parent->brk;
    child->arg_start = parent->arg_start;
    child->arg_end = parent->arg_end;
    child->env_start = parent->env_start;
    child->env_end = parent->env_end;
    for (uint32_t w = 0; w < USER_PDES / 32; w++) {
        for (uint32_t bits = parent->pde_used[w]; bits; bits &= bits - 1) {
            uint32_t i = w * 32 + (uint32_t)__builtin_ctz(bits);
            uint32_t pde = parent->pd[i];
            if (!frame_ref(PTE_ADDR(pde))) {    /* 65535 sharers: give up */
                vm_destroy(child);
                return NULL;
            }
            pde = (pde & ~PTE_W) | PDE_SHARED;
            parent->pd[i] = child->pd[i] = pde;
            child->pde_used[w] |= 1u << (i % 32);
        }
    }
    vm_flush(parent);   /* the parent's TLB may still hold writable entries */
    return child;
}

static uint32_t *table_at(uint32_t pde)
{
    return PHYS_TO_VIRT(PTE_ADDR(pde));
}

/* Copy a shared table: both copies now map every frame, so each frame
 * gains a reference and each writable page becomes copy-on-write in both
 * (the other sharers see the old table through a read-only entry anyway). */
/* Copy entries [first, end); returns where it stopped (end if done). */
static uint32_t copy_table(uint32_t *from, uint32_t *to, uint32_t first, uint32_t end)
{
    for (uint32_t k = first; k < end; k++) {
        uint32_t e = from[k];
        if (!(e & PTE_P)) {
            to[k] = e;
            continue;
        }
        if (!frame_ref(PTE_ADDR(e)))
            return k;               /* a count would overflow: stop here */
        if (e & PTE_W)
            e = (e & ~PTE_W) | PTE_COW;
        from[k] = to[k] = e;
    }
    return end;
}

static void undo_copy(uint32_t *to, uint32_t first, uint32_t upto)
{
    for (uint32_t k = first; k < upto; k++)
        if (to[k] & PTE_P)
            frame_unref(PTE_ADDR(to[k]));
}

int cow_unshare_table(struct vm_space *s, uint32_t i)
{
    uint32_t pde = s->pd[i];
    uint32_t old = PTE_ADDR(pde);
    if (frame_refs(old) == 1) {
        /* The others have gone: the table is ours again. */
        s->pd[i] = (pde | PTE_W) & ~PDE_SHARED;
        vm_flush(s);
        return 0;
    }
    uint32_t copy = frame_alloc();
    if (!copy)
        return -ENOMEM;
    frame_set_flags(copy, FRAME_PAGE_TABLE);
    frame_span_copy(copy, old);
    uint32_t *from = table_at(pde), *to = PHYS_TO_VIRT(copy), first, end;
    frame_span(old, &first, &end);
    memset(to, 0, FRAME_SIZE);      /* outside the span: nothing present */
    uint32_t done = copy_table(from, to, first, end);
    if (done < end) {
        /* Entries already marked COW in `from` stay correct: breaking a
         * COW page whose frame has one reference just makes it writable. */
        undo_copy(to, first, done);
        frame_unref(copy);
        return -ENOMEM;
    }
    frame_unref(old);
    s->pd[i] = copy | PTE_P | PTE_W | PTE_U;
    vm_flush(s);
    return 0;
}

int cow_break(struct vm_space *s, uint32_t va)
{
    uint32_t *pte = vm_pte_private(s, va);
    if (!pte)
        return -ENOMEM;
    uint32_t old = PTE_ADDR(*pte);
    uint32_t flags = (*pte & 0xfff & ~PTE_COW) | PTE_W;
    if (frame_refs(old) == 1) {
        *pte = old | flags;         /* last user: no copy needed */
    } else {
        uint32_t copy = frame_alloc();
        if (!copy)
            return -ENOMEM;
        memcpy(PHYS_TO_VIRT(copy), PHYS_TO_VIRT(old), FRAME_SIZE);
        *pte = copy | flags;
        frame_unref(old);
    }
    if (vm_current() == s)
        invlpg(va & ~0xfffu);
    return 0;
}

/* Present entries of a table whose frames have no other reference. */
static uint32_t sole_entries(uint32_t pt)
{
    const uint32_t *t = PHYS_TO_VIRT(pt);
    uint32_t n = 0, first, end;
    frame_span(pt, &first, &end);
    for (uint32_t k = first; k < end; k++)
        if ((t[k] & PTE_P) && frame_refs(PTE_ADDR(t[k])) == 1)
            n++;
    return n;
}

struct shared_count {
    uint32_t pages;
};

static void count_frame(uint32_t pa, uint32_t refs, uint32_t flags, void *ctx)
{
    struct shared_count *c = ctx;
    if (flags & FRAME_PAGE_TABLE) {
        if (refs > 1)
            c->pages += sole_entries(pa);
    } else if (refs > 1) {
        c->pages++;
    }
}

uint32_t vm_shared_bytes(void)
{
    struct shared_count c = {0};
    frame_scan(count_frame, &c);
    return c.pages * FRAME_SIZE;
}
