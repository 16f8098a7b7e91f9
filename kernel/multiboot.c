/*
 * Multiboot v1 information parsing.  Every address the loader gives is
 * physical and is checked against `phys_limit` (what the caller can see)
 * before it is read: a broken loader gives a message, not a fault.
 */
#include "kernel/multiboot.h"

#include "kernel/string.h"

#define MB_FLAG_MEM     (1u << 0)
#define MB_FLAG_CMDLINE (1u << 2)
#define MB_FLAG_MODS    (1u << 3)
#define MB_FLAG_MMAP    (1u << 6)
#define MB_MMAP_AVAILABLE 1
#define PAGE 4096u

struct mb_info {
    uint32_t flags, mem_lower, mem_upper, boot_device, cmdline;
    uint32_t mods_count, mods_addr;
    uint32_t syms[4];
    uint32_t mmap_length, mmap_addr;
} __attribute__((packed));

struct mb_mmap_entry {
    uint32_t size;                  /* of the rest of the entry */
    uint64_t addr, len;
    uint32_t type;
} __attribute__((packed));

struct mb_module {
    uint32_t start, end, string, reserved;
} __attribute__((packed));

static int in_bounds(uint32_t addr, uint32_t len, uint32_t limit)
{
    return addr < limit && len <= limit - addr;
}

static void add_ram(struct boot_info *b, uint64_t start, uint64_t end)
{
    const uint64_t top = 0x100000000ull - PAGE;    /* no PAE: the low 4 GiB */
    if (end > top)
        end = top;
    start = (start + PAGE - 1) & ~(uint64_t)(PAGE - 1);
    end &= ~(uint64_t)(PAGE - 1);
    if (start >= end || b->nram == BOOT_MAX_RANGES)
        return;
    b->ram[b->nram].start = (uint32_t)start;
    b->ram[b->nram].end = (uint32_t)end;
    b->nram++;
    b->ram_bytes += end - start;
    if (end > b->ram_top)
        b->ram_top = (uint32_t)end;
}

static const char *parse_mmap(const struct mb_info *mb, const uint8_t *phys,
                              uint32_t limit, struct boot_info *b)
{
    if (!in_bounds(mb->mmap_addr, mb->mmap_length, limit))
        return "memory map outside visible memory";
    uint32_t off = 0;
    while (off + sizeof(struct mb_mmap_entry) <= mb->mmap_length) {
        struct mb_mmap_entry e;
        memcpy(&e, phys + mb->mmap_addr + off, sizeof e);
        if (e.size < 20)
            return "malformed memory map entry";
        if (e.type == MB_MMAP_AVAILABLE)
            add_ram(b, e.addr, e.addr + e.len);
        off += e.size + 4;
    }
    return NULL;
}

static const char *parse_memory(const struct mb_info *mb, const uint8_t *phys,
                                uint32_t limit, struct boot_info *b)
{
    if (mb->flags & MB_FLAG_MMAP)
        return parse_mmap(mb, phys, limit, b);
    if (mb->flags & MB_FLAG_MEM) {  /* the old two-number form */
        add_ram(b, 0, (uint64_t)mb->mem_lower * 1024);
        add_ram(b, 0x100000, 0x100000 + (uint64_t)mb->mem_upper * 1024);
        return NULL;
    }
    return "the boot loader gave no memory information";
}

static const char *copy_string(uint32_t addr, const uint8_t *phys, uint32_t limit,
                               char *dst, uint32_t size)
{
    if (addr >= limit)
        return "string outside visible memory";
    uint32_t n = 0;
    while (addr + n < limit && phys[addr + n] && n < size - 1) {
        dst[n] = (char)phys[addr + n];
        n++;
    }
    dst[n] = 0;
    return NULL;
}

static void reserve(struct boot_info *b, uint32_t start, uint32_t len)
{
    if (b->nreserved < 4) {
        b->reserved[b->nreserved].start = start & ~(PAGE - 1);
        b->reserved[b->nreserved].end = (start + len + PAGE - 1) & ~(PAGE - 1);
        b->nreserved++;
    }
}

static const char *parse_modules(const struct mb_info *mb, const uint8_t *phys,
                                 uint32_t limit, struct boot_info *b)
{
    if (!(mb->flags & MB_FLAG_MODS) || mb->mods_count == 0)
        return NULL;                /* no initrd: the caller decides */
    if (!in_bounds(mb->mods_addr, sizeof(struct mb_module), limit))
        return "module list outside visible memory";
    struct mb_module m;
    memcpy(&m, phys + mb->mods_addr, sizeof m);
    if (m.end <= m.start || !in_bounds(m.start, m.end - m.start, limit))
        return "malformed initrd module (bad start/end)";
    if (m.start & (PAGE - 1))
        return "initrd module not page-aligned";
    b->initrd.start = m.start;
    b->initrd.end = m.end;
    return NULL;
}

const char *multiboot_parse(uint32_t magic, uint32_t info_phys, const uint8_t *phys,
                            uint32_t phys_limit, struct boot_info *b)
{
    memset(b, 0, sizeof *b);
    if (magic != MULTIBOOT_BOOTLOADER_MAGIC)
        return "not started by a multiboot boot loader (bad magic)";
    if (!in_bounds(info_phys, sizeof(struct mb_info), phys_limit))
        return "multiboot information outside visible memory";
    struct mb_info mb;
    memcpy(&mb, phys + info_phys, sizeof mb);
    reserve(b, info_phys, sizeof mb);
    const char *err = parse_memory(&mb, phys, phys_limit, b);
    if (err)
        return err;
    if (mb.flags & MB_FLAG_CMDLINE) {
        err = copy_string(mb.cmdline, phys, phys_limit, b->cmdline, sizeof b->cmdline);
        if (err)
            return err;
    }
    return parse_modules(&mb, phys, phys_limit, b);
}
