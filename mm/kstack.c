/*
 * Kernel stack slots.  Free slot numbers are kept on a stack so that
 * allocation and release are O(1); a slot's two stack pages are mapped in
 * the shared kernel page tables, hence visible in every address space.
 */
#include "mm/kstack.h"

#include "kernel/layout.h"
#include "kernel/panic.h"
#include "mm/frame.h"
#include "mm/kspace.h"

#define NSLOTS ((KSTACK_AREA_END - KSTACK_AREA) / KSTACK_SLOT_SIZE)
#define STACK_PAGES (KSTACK_SIZE / PAGE_SIZE)

static uint16_t free_slots[NSLOTS];
static uint32_t nfree, ninit;

static uint32_t slot_top(uint32_t slot)
{
    return KSTACK_AREA + (slot + 1) * KSTACK_SLOT_SIZE;
}

static void unmap_stack(uint32_t top, uint32_t pages)
{
    for (uint32_t i = 1; i <= pages; i++) {
        uint32_t va = top - i * PAGE_SIZE;
        uint32_t pa = kspace_translate(va);
        kspace_unmap(va);
        frame_unref(pa);
    }
}

uint32_t kstack_alloc(void)
{
    uint32_t slot;
    if (nfree)
        slot = free_slots[--nfree];
    else if (ninit < NSLOTS)
        slot = ninit++;             /* slots are handed out lazily, once */
    else
        return 0;
    uint32_t top = slot_top(slot);
    for (uint32_t i = 1; i <= STACK_PAGES; i++) {
        uint32_t pa = frame_alloc();
        if (!pa) {
            unmap_stack(top, i - 1);
            free_slots[nfree++] = (uint16_t)slot;
            return 0;
        }
        kspace_map(top - i * PAGE_SIZE, pa);
    }
    return top;
}

void kstack_free(uint32_t top)
{
    if (top <= KSTACK_AREA || top > KSTACK_AREA_END || (top & (KSTACK_SLOT_SIZE - 1)))
        panic("kstack_free: %08x is not a kernel stack", top);
    unmap_stack(top, STACK_PAGES);
    free_slots[nfree++] = (uint16_t)((top - KSTACK_AREA) / KSTACK_SLOT_SIZE - 1);
}

uint32_t kstacks_in_use(void)
{
    return ninit - nfree;
}
