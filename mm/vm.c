/*
 * Page directories and user page tables.
 *
 * A new directory gets an empty user half and a copy of the 256 kernel
 * entries: those point at the same kernel tables everywhere, so copying
 * 1 KiB is all it takes to give a process the whole kernel.  A bitmap of
 * the user entries in use lets clone and destroy skip the empty ones.
 */
#include "mm/vm.h"

#include "kernel/cpu.h"
#include "kernel/panic.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "mm/cow.h"
#include "mm/frame.h"
#include "mm/heap.h"
#include "mm/kspace.h"
#include "mm/pte.h"
#include "mm/region.h"

static struct vm_space *loaded;     /* the space in CR3 (NULL: kernel's) */

static uint32_t *table_of(uint32_t pde)
{
    return PHYS_TO_VIRT(PTE_ADDR(pde));
}

struct vm_space *vm_create(void)
{
    struct vm_space *s = kzalloc(sizeof *s);
    if (!s)
        return NULL;
    s->pd_phys = frame_alloc();
    if (!s->pd_phys) {
        kfree(s);
        return NULL;
    }
    s->pd = PHYS_TO_VIRT(s->pd_phys);
    memset(s->pd, 0, USER_PDES * 4);
    memcpy(s->pd + USER_PDES, kspace_pdes(), (1024 - USER_PDES) * 4);
    return s;
}

/* Drop one reference to a user table; the last one frees its pages. */
static void release_table(uint32_t pde)
{
    uint32_t pt = PTE_ADDR(pde);
    if (frame_refs(pt) == 1) {
        uint32_t *t = table_of(pde), first, end;
        frame_span(pt, &first, &end);
        for (uint32_t i = first; i < end; i++)
            if (t[i] & PTE_P)
                frame_unref(PTE_ADDR(t[i]));
    }
    frame_unref(pt);
}

void vm_destroy(struct vm_space *s)
{
    if (!s)
        return;
    if (loaded == s)
        vm_switch(NULL);
    for (uint32_t w = 0; w < USER_PDES / 32; w++) {
        for (uint32_t bits = s->pde_used[w]; bits; bits &= bits - 1) {
            uint32_t i = w * 32 + (uint32_t)__builtin_ctz(bits);
            release_table(s->pd[i]);
        }
    }
    region_free_all(s);
    frame_unref(s->pd_phys);
    kfree(s);
}

void vm_switch(struct vm_space *s)
{
    if (s == loaded)
        return;
    loaded = s;
    write_cr3(s ? s->pd_phys : kspace_pd_phys());
}

struct vm_space *vm_current(void)
{
    return loaded;
}

void vm_flush(struct vm_space *s)
{
    if (s == loaded)
        write_cr3(s ? s->pd_phys : kspace_pd_phys());
}

uint32_t *vm_pte_lookup(struct vm_space *s, uint32_t va)
{
    uint32_t pde = s->pd[PDX(va)];
    return pde & PTE_P ? &table_of(pde)[PTX(va)] : NULL;
}

/* A fresh, empty page table for PDE i. */
static uint32_t *new_table(struct vm_space *s, uint32_t i)
{
    uint32_t pt = frame_alloc();
    if (!pt)
        return NULL;
    frame_set_flags(pt, FRAME_PAGE_TABLE);
    frame_span_reset(pt);
    uint32_t *t = PHYS_TO_VIRT(pt);
    memset(t, 0, FRAME_SIZE);
    s->pd[i] = pt | PTE_P | PTE_W | PTE_U;
    s->pde_used[i / 32] |= 1u << (i % 32);
    return t;
}

uint32_t *vm_pte_private(struct vm_space *s, uint32_t va)
{
    uint32_t i = PDX(va);
    if (i >= USER_PDES)
        panic("vm: user mapping at kernel address %08x", va);
    uint32_t pde = s->pd[i];
    if (!(pde & PTE_P)) {
        uint32_t *t = new_table(s, i);
        return t ? &t[PTX(va)] : NULL;
    }
    if ((pde & PDE_SHARED) && cow_unshare_table(s, i) < 0)
        return NULL;
    return &table_of(s->pd[i])[PTX(va)];
}

int vm_map(struct vm_space *s, uint32_t va, uint32_t pa, uint32_t flags)
{
    uint32_t *pte = vm_pte_private(s, va);
    if (!pte)
        return -ENOMEM;
    if (*pte & PTE_P)
        frame_unref(PTE_ADDR(*pte));
    *pte = pa | PTE_P | PTE_U | (flags & PTE_W);
    frame_span_add(PTE_ADDR(s->pd[PDX(va)]), PTX(va));
    if (loaded == s)
        invlpg(va);
    return 0;
}

int vm_map_zero(struct vm_space *s, uint32_t va, uint32_t flags)
{
    uint32_t pa = frame_alloc();
    if (!pa)
        return -ENOMEM;
    memset(PHYS_TO_VIRT(pa), 0, FRAME_SIZE);
    int err = vm_map(s, va, pa, flags);
    if (err)
        frame_unref(pa);
    return err;
}

/* Unmap the part of [start, end) that lies in PDE i's 4 MiB. */
static int unmap_in_table(struct vm_space *s, uint32_t i, uint32_t start, uint32_t end)
{
    uint32_t base = i << 22;
    if (start <= base && end - base >= (1u << 22)) {
        /* The whole table goes: no need to unshare it first. */
        release_table(s->pd[i]);
        s->pd[i] = 0;
        s->pde_used[i / 32] &= ~(1u << (i % 32));
        return 0;
    }
    for (uint32_t va = start; va < end; va += FRAME_SIZE) {
        uint32_t *pte = vm_pte_lookup(s, va);
        if (!pte || !(*pte & PTE_P))
            continue;
        pte = vm_pte_private(s, va);    /* a shared table is copied first */
        if (!pte)
            return -ENOMEM;
        frame_unref(PTE_ADDR(*pte));
        *pte = 0;
    }
    return 0;
}

int vm_unmap(struct vm_space *s, uint32_t start, uint32_t end)
{
    int err = 0;
    while (start < end && !err) {
        uint32_t i = PDX(start);
        uint32_t next = (i + 1) << 22;
        uint32_t stop = end < next ? end : next;
        if (vm_pde_used(s, i))
            err = unmap_in_table(s, i, start, stop);
        start = stop;
    }
    vm_flush(s);
    return err;
}

uint32_t vm_translate(struct vm_space *s, uint32_t va)
{
    uint32_t *pte = vm_pte_lookup(s, va);
    return pte && (*pte & PTE_P) ? PTE_ADDR(*pte) | (va & 0xfff) : 0;
}

uint32_t vm_resident_pages(struct vm_space *s)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < USER_PDES; i++) {
        if (!vm_pde_used(s, i))
            continue;
        uint32_t *t = table_of(s->pd[i]), first, end;
        frame_span(PTE_ADDR(s->pd[i]), &first, &end);
        for (uint32_t k = first; k < end; k++)
            n += t[k] & PTE_P;
    }
    return n;
}
