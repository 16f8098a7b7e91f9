/*
 * Where the kernel heap gets its pages: a single page is a frame seen
 * through the direct map (no mapping work at all); a run of pages comes
 * from the vmalloc area.
 */
#include "mm/heap.h"

#include "kernel/layout.h"
#include "mm/frame.h"
#include "mm/vmalloc.h"

void *heap_pages_alloc(uint32_t n)
{
    if (n > 1)
        return vmalloc(n);
    uint32_t pa = frame_alloc();
    return pa ? PHYS_TO_VIRT(pa) : NULL;
}

void heap_pages_free(void *p, uint32_t n)
{
    if ((uint32_t)p >= VMALLOC_START)
        vfree(p, n);
    else
        frame_unref(VIRT_TO_PHYS(p));
}

void *kpage_alloc(void)
{
    return heap_pages_alloc(1);
}

void kpage_free(void *page)
{
    if (page)
        heap_pages_free(page, 1);
}
