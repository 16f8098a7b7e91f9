/*
 * The ELF checker on a small hand-built executable and on truncated,
 * hostile and randomly mutated variants of it: every bad header is
 * -ENOEXEC, and whatever passes has segments that stay inside user space.
 */
#include "unit.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fs/elf.c"

#define USER_TOP 0xbf800000u

static uint8_t good[4096];
static size_t good_len;

/* A minimal static ELF: header, two PT_LOADs, a PT_PHDR. */
static void build_good(void)
{
    memset(good, 0, sizeof good);
    struct ehdr *e = (struct ehdr *)good;
    memcpy(e->ident, "\177ELF\1\1\1", 7);
    e->type = ET_EXEC;
    e->machine = EM_386;
    e->version = 1;
    e->entry = 0x08049000;
    e->phoff = sizeof *e;
    e->ehsize = sizeof *e;
    e->phentsize = sizeof(struct phdr);
    e->phnum = 3;
    struct phdr *p = (struct phdr *)(good + e->phoff);
    p[0] = (struct phdr){PT_PHDR, 52, 0x08048034, 0, 96, 96, ELF_PF_R, 4};
    p[1] = (struct phdr){PT_LOAD, 0, 0x08048000, 0, 0x2000, 0x2000, ELF_PF_R | ELF_PF_X, 4096};
    p[2] = (struct phdr){PT_LOAD, 0x2000, 0x0804b000, 0, 0x100, 0x3000, ELF_PF_R | ELF_PF_W, 4096};
    good_len = sizeof good;
}

static struct phdr *ph(int i)
{
    return (struct phdr *)(good + sizeof(struct ehdr)) + i;
}

static int check(uint64_t file_size)
{
    struct elf_image img;
    return elf_check(good, good_len, file_size, USER_TOP, &img);
}

TEST(elf_good_image)
{
    build_good();
    struct elf_image img;
    CHECK_EQ(elf_check(good, good_len, 0x3000, USER_TOP, &img), 0);
    CHECK_EQ(img.entry, 0x08049000);
    CHECK_EQ(img.nseg, 2);
    CHECK_EQ(img.seg[1].vaddr, 0x0804b000);
    CHECK_EQ(img.seg[1].filesz, 0x100);
    CHECK_EQ(img.seg[1].memsz, 0x3000);
    CHECK_EQ(img.seg[1].flags, ELF_PF_R | ELF_PF_W);
    CHECK_EQ(img.phdr_vaddr, 0x08048034);
    CHECK_EQ(img.phnum, 3);
    CHECK_EQ(img.end, 0x0804e000);
}

TEST(elf_bad_identification)
{
    int offsets[] = {0, 1, 3, 4, 5, 6};
    for (unsigned i = 0; i < sizeof offsets / sizeof *offsets; i++) {
        build_good();
        good[offsets[i]] ^= 0x40;
        CHECK_EQ(check(0x3000), -ENOEXEC);
    }
}

TEST(elf_bad_type_machine_version)
{
    build_good();
    ((struct ehdr *)good)->type = 1;                /* ET_REL */
    CHECK_EQ(check(0x3000), -ENOEXEC);
    build_good();
    ((struct ehdr *)good)->machine = 62;            /* x86-64 */
    CHECK_EQ(check(0x3000), -ENOEXEC);
    build_good();
    ((struct ehdr *)good)->version = 0;
    CHECK_EQ(check(0x3000), -ENOEXEC);
}

TEST(elf_truncated)
{
    build_good();
    for (size_t len = 0; len < sizeof(struct ehdr) + 3 * sizeof(struct phdr); len += 7) {
        struct elf_image img;
        CHECK_EQ(elf_check(good, len, 0x3000, USER_TOP, &img), -ENOEXEC);
    }
    CHECK_EQ(check(0x2050), -ENOEXEC);  /* data segment's bytes past the end */
}

TEST(elf_hostile_program_headers)
{
    build_good();
    ((struct ehdr *)good)->phoff = 0xfffffff0;      /* table wraps */
    CHECK_EQ(check(0x3000), -ENOEXEC);
    build_good();
    ((struct ehdr *)good)->phnum = 0;
    CHECK_EQ(check(0x3000), -ENOEXEC);
    build_good();
    ((struct ehdr *)good)->phentsize = 40;
    CHECK_EQ(check(0x3000), -ENOEXEC);
    build_good();
    ph(2)->filesz = 0x4000;                         /* filesz > memsz */
    CHECK_EQ(check(0x10000), -ENOEXEC);
    build_good();
    ph(2)->vaddr = 0xbffff000;                      /* into the stack/kernel */
    CHECK_EQ(check(0x3000), -ENOEXEC);
    build_good();
    ph(2)->vaddr = 0xfffff000;                      /* wraps around */
    ph(2)->memsz = 0x2000;
    CHECK_EQ(check(0x3000), -ENOEXEC);
    build_good();
    ph(2)->offset = 0xfffff000;                     /* offset + filesz wraps */
    CHECK_EQ(check(0x3000), -ENOEXEC);
    build_good();
    ph(2)->vaddr = 0x0804b123;                      /* not congruent to offset */
    CHECK_EQ(check(0x3000), -ENOEXEC);
    build_good();
    ph(1)->vaddr = 0;                               /* the NULL page */
    CHECK_EQ(check(0x3000), -ENOEXEC);
    build_good();
    ((struct ehdr *)good)->entry = 0xc0000000;
    CHECK_EQ(check(0x3000), -ENOEXEC);
}

TEST(elf_dynamic_refused_static_pie_based)
{
    build_good();
    ph(0)->type = PT_INTERP;
    CHECK_EQ(check(0x3000), -ENOEXEC);
    build_good();
    ((struct ehdr *)good)->type = ET_DYN;
    ph(1)->vaddr = 0;
    ph(2)->vaddr = 0x3000;
    ph(0)->vaddr = 0x34;
    ((struct ehdr *)good)->entry = 0x1000;
    struct elf_image img;
    CHECK_EQ(elf_check(good, good_len, 0x3000, USER_TOP, &img), 0);
    CHECK_EQ(img.seg[0].vaddr, ELF_DYN_BASE);
    CHECK_EQ(img.entry, ELF_DYN_BASE + 0x1000);
    CHECK_EQ(img.phdr_vaddr, ELF_DYN_BASE + 0x34);
}

TEST(elf_random_mutations_never_crash)
{
    srand(99);
    for (int round = 0; round < 20000; round++) {
        build_good();
        int flips = 1 + rand() % 8;
        for (int k = 0; k < flips; k++)
            good[rand() % (sizeof(struct ehdr) + 3 * sizeof(struct phdr))] = (uint8_t)rand();
        struct elf_image img;
        int r = elf_check(good, (size_t)(rand() % 300), (uint64_t)rand(), USER_TOP, &img);
        CHECK(r == 0 || r == -ENOEXEC);
        if (r == 0) {
            for (uint32_t i = 0; i < img.nseg; i++) {
                CHECK(img.seg[i].filesz <= img.seg[i].memsz);
                CHECK((uint64_t)img.seg[i].vaddr + img.seg[i].memsz <= USER_TOP);
            }
            CHECK(img.entry < USER_TOP);
        }
    }
}
