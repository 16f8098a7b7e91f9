/*
 * The frame allocator's bookkeeping.  A frame number n is physical address
 * n << 12.  Frame 0 is never handed out, so 0 can mean "no frame".
 * Invariants (checked by the host tests): a frame is on the free stack iff
 * its count is 0 and it was added as usable; `nfree` is the stack's length.
 * Frames that are not RAM, or RAM the kernel, the initrd or this table
 * occupy, stay FRAME_RESERVED for ever.
 */
#include "mm/frame.h"

#include <stddef.h>

#include "kernel/panic.h"

#define NO_FRAME 0xffffffffu
#define FRAME_RESERVED 0x8000u      /* not RAM we manage: BIOS, holes... */
#define FRAME_KEPT 0x4000u          /* RAM in use since boot: kernel, initrd */

static struct frame *frames;
static uint32_t nframes, free_top = NO_FRAME, nfree, nusable;

void frame_setup(struct frame *table, uint32_t n)
{
    frames = table;
    nframes = n;
    free_top = NO_FRAME;
    nfree = nusable = 0;
    for (uint32_t i = 0; i < n; i++) {
        frames[i].refs = 0;
        frames[i].flags = FRAME_RESERVED;
        frames[i].next_free = NO_FRAME;
    }
}

static void push_free(uint32_t pfn)
{
    frames[pfn].next_free = free_top;
    free_top = pfn;
    nfree++;
}

void frame_keep(uint32_t start, uint32_t end)
{
    uint32_t last = end >> FRAME_SHIFT;
    for (uint32_t pfn = start >> FRAME_SHIFT; pfn < last && pfn < nframes; pfn++)
        frames[pfn].flags |= FRAME_KEPT;
}

void frame_add_free(uint32_t start, uint32_t end)
{
    /* Push from the top down so that low frames come out first. */
    uint32_t first = start >> FRAME_SHIFT, last = end >> FRAME_SHIFT;
    if (last > nframes)
        last = nframes;
    for (uint32_t pfn = last; pfn-- > first;) {
        if (pfn == 0 || frames[pfn].flags != FRAME_RESERVED)
            continue;
        frames[pfn].flags = 0;
        push_free(pfn);
        nusable++;
    }
}

uint32_t frame_alloc(void)
{
    if (free_top == NO_FRAME)
        return 0;
    uint32_t pfn = free_top;
    free_top = frames[pfn].next_free;
    nfree--;
    frames[pfn].refs = 1;
    frames[pfn].flags = 0;
    return pfn << FRAME_SHIFT;
}

static struct frame *lookup(uint32_t phys)
{
    uint32_t pfn = phys >> FRAME_SHIFT;
    if (pfn == 0 || pfn >= nframes || (frames[pfn].flags & FRAME_RESERVED))
        panic("frame: %08x is not an allocatable frame", phys);
    return &frames[pfn];
}

bool frame_ref(uint32_t phys)
{
    struct frame *f = lookup(phys);
    if (f->refs == 0)
        panic("frame: reference to free frame %08x", phys);
    if (f->refs == FRAME_REFS_MAX)
        return false;
    f->refs++;
    return true;
}

uint32_t frame_unref(uint32_t phys)
{
    struct frame *f = lookup(phys);
    if (f->refs == 0)
        panic("frame: double free of frame %08x", phys);
    if (--f->refs == 0) {
        f->flags = 0;
        push_free(phys >> FRAME_SHIFT);
    }
    return f->refs;
}

uint32_t frame_refs(uint32_t phys)
{
    return lookup(phys)->refs;
}

uint32_t frame_flags(uint32_t phys)
{
    return lookup(phys)->flags;
}

void frame_set_flags(uint32_t phys, uint32_t flags)
{
    lookup(phys)->flags = (uint16_t)flags;
}

void frame_span_reset(uint32_t phys)
{
    struct frame *f = lookup(phys);
    f->span.first = 1024;
    f->span.end = 0;
}

void frame_span_add(uint32_t phys, uint32_t index)
{
    struct frame *f = lookup(phys);
    if (index < f->span.first)
        f->span.first = (uint16_t)index;
    if (index >= f->span.end)
        f->span.end = (uint16_t)(index + 1);
}

void frame_span_copy(uint32_t to, uint32_t from)
{
    lookup(to)->span = lookup(from)->span;
}

void frame_span(uint32_t phys, uint32_t *first, uint32_t *end)
{
    struct frame *f = lookup(phys);
    *first = f->span.first;
    *end = f->span.end;
}

uint32_t frames_free(void)
{
    return nfree;
}

uint32_t frames_total(void)
{
    return nusable;
}


void frame_scan(void (*fn)(uint32_t phys, uint32_t refs, uint32_t flags, void *ctx),
                void *ctx)
{
    for (uint32_t i = 1; i < nframes; i++)
        if (frames[i].refs && !(frames[i].flags & FRAME_RESERVED))
            fn(i << FRAME_SHIFT, frames[i].refs, frames[i].flags, ctx);
}
