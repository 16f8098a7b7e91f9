/*
 * ELF32 i386 validation.  The checks, in order: the identification bytes
 * (magic, 32-bit class, little-endian, version), the type (ET_EXEC, or
 * ET_DYN loaded at ELF_DYN_BASE), the machine (i386), the program header
 * table (entry size, count, inside the bytes read), and every PT_LOAD
 * (filesz <= memsz, file range inside the file, memory range below the
 * kernel without wrapping around, offset and address congruent modulo the
 * page size).  A PT_INTERP means a dynamically linked program: Cowix runs
 * static ones only.
 */
#include "fs/elf.h"

#include "kernel/string.h"
#include "kernel/uapi/errno.h"

#define ET_EXEC 2
#define ET_DYN 3
#define EM_386 3
#define PT_LOAD 1
#define PT_INTERP 3
#define PT_PHDR 6
#define PAGE 4096u

struct ehdr {
    uint8_t ident[16];
    uint16_t type, machine;
    uint32_t version, entry, phoff, shoff, flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct phdr {
    uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

static int check_header(const struct ehdr *e, size_t head_len)
{
    static const uint8_t magic[4] = {0x7f, 'E', 'L', 'F'};
    if (memcmp(e->ident, magic, 4) != 0)
        return -ENOEXEC;
    if (e->ident[4] != 1 || e->ident[5] != 1 || e->ident[6] != 1)
        return -ENOEXEC;            /* ELFCLASS32, little-endian, version 1 */
    if ((e->type != ET_EXEC && e->type != ET_DYN) || e->machine != EM_386 ||
        e->version != 1)
        return -ENOEXEC;
    if (e->phentsize != sizeof(struct phdr) || e->phnum == 0 || e->phnum > 64)
        return -ENOEXEC;
    uint64_t table_end = (uint64_t)e->phoff + (uint64_t)e->phnum * e->phentsize;
    return table_end <= head_len ? 0 : -ENOEXEC;
}

static int add_load(const struct phdr *p, uint32_t bias, uint64_t file_size,
                    uint32_t user_top, struct elf_image *img)
{
    if (p->filesz > p->memsz || (uint64_t)p->offset + p->filesz > file_size)
        return -ENOEXEC;
    if ((p->offset % PAGE) != (p->vaddr % PAGE))
        return -ENOEXEC;
    uint64_t start = (uint64_t)p->vaddr + bias;
    uint64_t end = start + p->memsz;
    if (start < PAGE || end > user_top || img->nseg == ELF_MAX_SEGMENTS)
        return -ENOEXEC;
    struct elf_segment *s = &img->seg[img->nseg++];
    s->vaddr = (uint32_t)start;
    s->memsz = p->memsz;
    s->offset = p->offset;
    s->filesz = p->filesz;
    s->flags = p->flags & 7;
    if (end > img->end)
        img->end = (uint32_t)end;
    return 0;
}

/* The program headers' address in memory: PT_PHDR if present, else the
 * loaded segment that contains the table's file bytes. */
static uint32_t phdr_address(const struct ehdr *e, const uint8_t *table, uint32_t bias,
                             const struct elf_image *img)
{
    for (int i = 0; i < e->phnum; i++) {
        struct phdr p;
        memcpy(&p, table + i * sizeof p, sizeof p);     /* may be unaligned */
        if (p.type == PT_PHDR)
            return p.vaddr + bias;
    }
    for (uint32_t i = 0; i < img->nseg; i++) {
        const struct elf_segment *s = &img->seg[i];
        if (e->phoff >= s->offset && e->phoff - s->offset < s->filesz)
            return s->vaddr + (e->phoff - s->offset);
    }
    return 0;
}

int elf_check(const uint8_t *head, size_t head_len, uint64_t file_size,
              uint32_t user_top, struct elf_image *img)
{
    struct ehdr e;
    if (head_len < sizeof e)
        return -ENOEXEC;
    memcpy(&e, head, sizeof e);
    int err = check_header(&e, head_len);
    if (err)
        return err;
    memset(img, 0, sizeof *img);
    img->bias = e.type == ET_DYN ? ELF_DYN_BASE : 0;
    const uint8_t *table = head + e.phoff;
    for (int i = 0; i < e.phnum && !err; i++) {
        struct phdr p;
        memcpy(&p, table + i * sizeof p, sizeof p);
        if (p.type == PT_INTERP)
            err = -ENOEXEC;
        else if (p.type == PT_LOAD)
            err = add_load(&p, img->bias, file_size, user_top, img);
    }
    if (err || img->nseg == 0)
        return -ENOEXEC;
    uint64_t entry = (uint64_t)e.entry + img->bias;
    if (entry >= user_top)
        return -ENOEXEC;
    img->entry = (uint32_t)entry;
    img->phnum = e.phnum;
    img->phentsize = e.phentsize;
    img->phdr_vaddr = phdr_address(&e, table, img->bias, img);
    return 0;
}
