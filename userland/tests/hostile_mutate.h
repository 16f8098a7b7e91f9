/*
 * Mutations of an ELF executable, shared by /tests/hostile_elf (which
 * runs the mutants) and tools/fuzz/elf_host.c (which feeds them to the
 * kernel's ELF checker on the host).  A mutation changes a byte or a bit
 * of the headers, sets a header field to a hostile value (segments in the
 * kernel, past the end of the file, huge; counts and sizes that
 * overflow), changes a byte anywhere, or cuts the file short.  Random
 * numbers come from fuzz_rng.h, so a seed repeats a mutant.
 */
#ifndef TESTS_HOSTILE_MUTATE_H
#define TESTS_HOSTILE_MUTATE_H

#include <stdint.h>
#include <string.h>

#include "fuzz_rng.h"

/* The ELF32 header and program header, as the ELF specification lays
 * them out (offsets in bytes). */
enum {
    E_ENTRY = 24, E_PHOFF = 28, E_SHOFF = 32, E_EHSIZE = 40, E_PHENTSIZE = 42,
    E_PHNUM = 44, EHDR_SIZE = 52,
    P_TYPE = 0, P_OFFSET = 4, P_VADDR = 8, P_FILESZ = 16, P_MEMSZ = 20, P_FLAGS = 24,
    P_ALIGN = 28, PHDR_SIZE = 32,
};

/* A file being mutated: its bytes and its current size. */
struct elf_file {
    uint8_t *data;
    uint32_t size;
};

static uint32_t elf_get32(const struct elf_file *f, uint32_t off)
{
    uint32_t v = 0;
    if ((uint64_t)off + 4 <= f->size)
        memcpy(&v, f->data + off, 4);
    return v;
}

static void elf_put(struct elf_file *f, uint32_t off, uint32_t v, uint32_t width)
{
    if ((uint64_t)off + width <= f->size)
        memcpy(f->data + off, &v, width);       /* little-endian: the low bytes */
}

static uint32_t hostile_value(void)
{
    static const uint32_t values[] = {
        0, 1, 2, 0xfff, 0x1000, 0x1001, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffff0,
        0xc0000000, 0xc0100000, 0xbffff000, 0xbfffffff, 0x08048000, 0x08048001, 0x10000,
        0x40000000, 52, 32, 0x20000000,
    };
    return one_in(3) ? rng() : PICK(values);
}

/* Offset of a random program header (it may lie outside the file). */
static uint32_t some_phdr(const struct elf_file *f)
{
    uint32_t phnum = elf_get32(f, E_PHNUM) & 0xffff;
    return elf_get32(f, E_PHOFF) + below(phnum ? phnum : 1) * PHDR_SIZE;
}

/* A byte of the headers or, sometimes, of the whole file. */
static uint8_t *some_byte(struct elf_file *f, int headers)
{
    uint32_t span = headers && f->size > EHDR_SIZE + 4 * PHDR_SIZE ? EHDR_SIZE + 4 * PHDR_SIZE
                                                                    : f->size;
    return f->data + below(span ? span : 1);
}

static void mutate_once(struct elf_file *f)
{
    static const uint32_t phdr_fields[] = {P_TYPE, P_OFFSET, P_VADDR, P_FILESZ, P_MEMSZ,
                                           P_FLAGS, P_ALIGN};
    static const uint32_t ehdr_fields[] = {E_ENTRY, E_PHOFF, E_SHOFF};
    static const uint32_t ehdr_halves[] = {E_EHSIZE, E_PHENTSIZE, E_PHNUM};
    switch (below(8)) {
    case 0:
        *some_byte(f, 1) = (uint8_t)rng();
        break;
    case 1:
        *some_byte(f, 1) ^= (uint8_t)(1u << below(8));
        break;
    case 2:
        elf_put(f, PICK(ehdr_fields), hostile_value(), 4);
        break;
    case 3:
        elf_put(f, PICK(ehdr_halves), hostile_value(), 2);
        break;
    case 4:
    case 5:
        elf_put(f, some_phdr(f) + PICK(phdr_fields), hostile_value(), 4);
        break;
    case 6:                                     /* code or data */
        *some_byte(f, 0) = (uint8_t)rng();
        break;
    default:                                    /* cut the file short */
        f->size = below(f->size + 1);
        break;
    }
}

/* One to four mutations. */
static void mutate_elf(struct elf_file *f)
{
    for (int n = 1 + (int)below(4); n > 0; n--)
        mutate_once(f);
}

#endif
