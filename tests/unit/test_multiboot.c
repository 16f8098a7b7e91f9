/*
 * Multiboot information parsing on hand-built loader structures in a
 * buffer that plays the part of physical memory.
 */
#include "unit.h"

#include <stdint.h>
#include <string.h>

#include "kernel/multiboot.c"

#define PHYS_SIZE (64 * 1024)
static uint8_t phys[PHYS_SIZE];
static uint32_t used;

static uint32_t put(const void *data, uint32_t len)
{
    uint32_t at = used;
    memcpy(phys + at, data, len);
    used += (len + 15) & ~15u;
    return at;
}

static void put_u32(uint32_t at, uint32_t v) { memcpy(phys + at, &v, 4); }

/* An info block with the given flags; fields are filled by the tests. */
static uint32_t new_info(uint32_t flags)
{
    memset(phys, 0, sizeof phys);
    used = 16;
    struct mb_info mb = {0};
    mb.flags = flags;
    return put(&mb, sizeof mb);
}

static uint32_t add_mmap(uint32_t info, const uint64_t (*e)[3], int n)
{
    uint32_t start = used;
    for (int i = 0; i < n; i++) {
        struct mb_mmap_entry m = {20, e[i][0], e[i][1], (uint32_t)e[i][2]};
        memcpy(phys + used, &m, sizeof m);
        used += sizeof m;
    }
    put_u32(info + offsetof(struct mb_info, mmap_addr), start);
    put_u32(info + offsetof(struct mb_info, mmap_length), used - start);
    return start;
}

TEST(multiboot_bad_magic)
{
    struct boot_info b;
    uint32_t info = new_info(0);
    CHECK(multiboot_parse(0x12345678, info, phys, PHYS_SIZE, &b) != NULL);
}

TEST(multiboot_memory_map_and_cmdline)
{
    struct boot_info b;
    uint32_t info = new_info(MB_FLAG_MMAP | MB_FLAG_CMDLINE);
    const uint64_t map[][3] = {{0, 0x9fc00, 1},
                               {0x9fc00, 0x400, 2},
                               {0x100000, 0x7ee0000, 1},
                               {0xfffc0000, 0x40000, 2},
                               {0x100000000ull, 0x100000000ull, 1}};
    add_mmap(info, map, 5);
    uint32_t s = put("build/kernel.elf ktest", 23);
    put_u32(info + offsetof(struct mb_info, cmdline), s);
    CHECK(multiboot_parse(MULTIBOOT_BOOTLOADER_MAGIC, info, phys, PHYS_SIZE, &b) == NULL);
    CHECK_EQ(b.nram, 2);
    CHECK_EQ(b.ram[0].start, 0);
    CHECK_EQ(b.ram[0].end, 0x9f000);        /* rounded down to a page */
    CHECK_EQ(b.ram[1].start, 0x100000);
    CHECK_EQ(b.ram[1].end, 0x7fe0000);
    CHECK_EQ(b.ram_top, 0x7fe0000);
    CHECK_EQ(b.ram_bytes, 0x9f000 + 0x7ee0000);
    CHECK_STR(b.cmdline, "build/kernel.elf ktest");
    CHECK_EQ(b.initrd.end, 0);
}

TEST(multiboot_old_memory_fields)
{
    struct boot_info b;
    uint32_t info = new_info(MB_FLAG_MEM);
    put_u32(info + offsetof(struct mb_info, mem_lower), 639);
    put_u32(info + offsetof(struct mb_info, mem_upper), 31 * 1024);
    CHECK(multiboot_parse(MULTIBOOT_BOOTLOADER_MAGIC, info, phys, PHYS_SIZE, &b) == NULL);
    CHECK_EQ(b.ram_top, 32u * 1024 * 1024);
}

TEST(multiboot_no_memory_info)
{
    struct boot_info b;
    uint32_t info = new_info(0);
    CHECK(multiboot_parse(MULTIBOOT_BOOTLOADER_MAGIC, info, phys, PHYS_SIZE, &b) != NULL);
}

static const char *parse_with_module(uint32_t start, uint32_t end, struct boot_info *b)
{
    uint32_t info = new_info(MB_FLAG_MEM | MB_FLAG_MODS);
    put_u32(info + offsetof(struct mb_info, mem_upper), 31 * 1024);
    struct mb_module m = {start, end, 0, 0};
    uint32_t at = put(&m, sizeof m);
    put_u32(info + offsetof(struct mb_info, mods_count), 1);
    put_u32(info + offsetof(struct mb_info, mods_addr), at);
    return multiboot_parse(MULTIBOOT_BOOTLOADER_MAGIC, info, phys, PHYS_SIZE, b);
}

TEST(multiboot_module_found)
{
    struct boot_info b;
    CHECK(parse_with_module(0x4000, 0x6123, &b) == NULL);
    CHECK_EQ(b.initrd.start, 0x4000);
    CHECK_EQ(b.initrd.end, 0x6123);
}

TEST(multiboot_module_malformed)
{
    struct boot_info b;
    CHECK(parse_with_module(0x6000, 0x4000, &b) != NULL);       /* end < start */
    CHECK(parse_with_module(0x4000, 0x4000 + PHYS_SIZE, &b) != NULL);  /* outside */
    CHECK(parse_with_module(0x4010, 0x5000, &b) != NULL);       /* unaligned */
}

TEST(multiboot_info_outside_memory)
{
    struct boot_info b;
    CHECK(multiboot_parse(MULTIBOOT_BOOTLOADER_MAGIC, PHYS_SIZE - 8, phys, PHYS_SIZE, &b) != NULL);
}

TEST(multiboot_truncated_mmap_entry)
{
    struct boot_info b;
    uint32_t info = new_info(MB_FLAG_MMAP);
    const uint64_t map[][3] = {{0x100000, 0x1000000, 1}};
    uint32_t at = add_mmap(info, map, 1);
    put_u32(at, 4);                 /* entry size smaller than an entry */
    CHECK(multiboot_parse(MULTIBOOT_BOOTLOADER_MAGIC, info, phys, PHYS_SIZE, &b) != NULL);
}
