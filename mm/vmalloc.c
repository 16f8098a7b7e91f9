/*
 * The vmalloc area's bookkeeping is a bitmap of its pages.  Allocation is
 * first fit from a moving hint; it runs only for blocks larger than a
 * page, which the kernel rarely needs, so clarity wins over speed here.
 */
#include "mm/vmalloc.h"

#include <stdbool.h>
#include <stddef.h>

#include "kernel/layout.h"
#include "kernel/panic.h"
#include "mm/frame.h"
#include "mm/kspace.h"

#define NPAGES ((VMALLOC_END - VMALLOC_START) / PAGE_SIZE)

static uint32_t used[NPAGES / 32];
static uint32_t hint;

static bool is_used(uint32_t i) { return used[i / 32] & (1u << (i % 32)); }
static void set_used(uint32_t i) { used[i / 32] |= 1u << (i % 32); }
static void clear_used(uint32_t i) { used[i / 32] &= ~(1u << (i % 32)); }

/* Index of `n` free pages in a row, or NPAGES. */
static uint32_t find_run(uint32_t n)
{
    for (uint32_t pass = 0; pass < 2; pass++) {
        uint32_t run = 0;
        for (uint32_t i = pass ? 0 : hint; i < NPAGES; i++) {
            run = is_used(i) ? 0 : run + 1;
            if (run == n)
                return i + 1 - n;
        }
    }
    return NPAGES;
}

static void unmap_pages(uint32_t first, uint32_t n)
{
    for (uint32_t i = first; i < first + n; i++) {
        uint32_t va = VMALLOC_START + i * PAGE_SIZE;
        uint32_t pa = kspace_translate(va);
        kspace_unmap(va);
        frame_unref(pa);
    }
}

void *vmalloc(uint32_t npages)
{
    if (npages == 0 || npages >= NPAGES)
        return NULL;
    uint32_t first = find_run(npages + 1);      /* + the guard page */
    if (first == NPAGES)
        return NULL;
    for (uint32_t i = 0; i < npages; i++) {
        uint32_t pa = frame_alloc();
        if (!pa) {
            unmap_pages(first, i);
            return NULL;
        }
        kspace_map(VMALLOC_START + (first + i) * PAGE_SIZE, pa);
    }
    for (uint32_t i = first; i <= first + npages; i++)
        set_used(i);
    hint = first + npages + 1;
    return (void *)(VMALLOC_START + first * PAGE_SIZE);
}

void vfree(void *p, uint32_t npages)
{
    uint32_t va = (uint32_t)p;
    if (va < VMALLOC_START || va >= VMALLOC_END || (va & (PAGE_SIZE - 1)))
        panic("vfree: %p is not a vmalloc address", p);
    uint32_t first = (va - VMALLOC_START) / PAGE_SIZE;
    unmap_pages(first, npages);
    for (uint32_t i = first; i <= first + npages; i++)
        clear_used(i);
    if (first < hint)
        hint = first;
}
