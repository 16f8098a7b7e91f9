/*
 * Memory bring-up.  The order matters: the frame table must be placed in
 * RAM nobody else uses (not the kernel image, not the initrd, not the
 * loader's information), then everything else is handed to the frame
 * allocator, then the kernel page tables are built.
 */
#include "mm/mm.h"

#include "kernel/console.h"
#include "kernel/layout.h"
#include "kernel/string.h"
#include "mm/fault.h"
#include "mm/frame.h"
#include "mm/kspace.h"

extern char __kernel_end[];

#define ALIGN_UP(x) (((x) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))

static int overlaps(uint32_t a0, uint32_t a1, uint32_t b0, uint32_t b1)
{
    return a0 < b1 && b0 < a1;
}

/* First page-aligned spot of `size` bytes in RAM below the direct-map
 * limit that collides with nothing in `busy`. */
static uint32_t find_spot(const struct boot_info *b, const struct phys_range *busy,
                          int nbusy, uint32_t size)
{
    for (int r = 0; r < b->nram; r++) {
        uint32_t at = b->ram[r].start;
        for (int moved = 1; moved;) {
            moved = 0;
            for (int i = 0; i < nbusy; i++) {
                if (overlaps(at, at + size, busy[i].start, busy[i].end)) {
                    at = ALIGN_UP(busy[i].end);
                    moved = 1;
                }
            }
        }
        if (at + size <= b->ram[r].end && at + size <= DIRECT_MAP_MAX)
            return at;
    }
    return 0;
}

const char *mm_init(const struct boot_info *b)
{
    if (b->ram_bytes < MM_MIN_RAM)
        return "Cowix needs at least 16 MiB of RAM";
    uint32_t top = b->ram_top < DIRECT_MAP_MAX ? b->ram_top : DIRECT_MAP_MAX;
    uint32_t nframes = top >> PAGE_SHIFT;
    uint32_t table_bytes = ALIGN_UP(nframes * sizeof(struct frame));

    struct phys_range busy[8];
    int nbusy = 0;
    busy[nbusy++] = (struct phys_range){0, PAGE_SIZE};
    busy[nbusy++] = (struct phys_range){0x100000, VIRT_TO_PHYS(__kernel_end)};
    if (b->initrd.end)
        busy[nbusy++] = (struct phys_range){b->initrd.start, ALIGN_UP(b->initrd.end)};
    for (int i = 0; i < b->nreserved; i++)
        busy[nbusy++] = b->reserved[i];
    uint32_t table = find_spot(b, busy, nbusy, table_bytes);
    if (!table)
        return "no room for the frame table";
    busy[nbusy++] = (struct phys_range){table, table + table_bytes};

    frame_setup(PHYS_TO_VIRT(table), nframes);
    for (int i = 0; i < nbusy; i++)
        frame_keep(busy[i].start, busy[i].end);
    for (int r = 0; r < b->nram; r++)
        frame_add_free(b->ram[r].start, b->ram[r].end);
    kspace_init(top);
    fault_init();
    kprintf("mm: %u MiB usable, %u frames free\n", frames_total() / 256, frames_free());
    if (b->ram_top > DIRECT_MAP_MAX)
        kprintf("mm: RAM above %u MiB is not used\n", DIRECT_MAP_MAX >> 20);
    return NULL;
}
