/*
 * Checking an ELF executable before exec commits to it.  Pure C, unit
 * tested on the host against truncated and hostile headers: everything
 * exec needs to know is validated here, so a failure is -ENOEXEC with the
 * calling process untouched.
 */
#ifndef FS_ELF_H
#define FS_ELF_H

#include <stddef.h>
#include <stdint.h>

#define ELF_MAX_SEGMENTS 16
#define ELF_PF_X 1
#define ELF_PF_W 2
#define ELF_PF_R 4

struct elf_segment {
    uint32_t vaddr, memsz;          /* where it goes (load bias added) */
    uint32_t offset, filesz;        /* what of the file fills it */
    uint32_t flags;                 /* ELF_PF_* */
};

struct elf_image {
    uint32_t entry;
    uint32_t phdr_vaddr;            /* for AT_PHDR; 0 if not loaded */
    uint32_t phnum, phentsize;
    uint32_t bias;                  /* load address of an ET_DYN (static-pie) */
    uint32_t nseg;
    struct elf_segment seg[ELF_MAX_SEGMENTS];
    uint32_t end;                   /* highest address of any segment */
};

/* `head` holds the first `head_len` bytes of a file of `file_size` bytes;
 * the program headers must lie within head.  `user_top` bounds segments.
 * Returns 0 and fills *img, or -ENOEXEC. */
int elf_check(const uint8_t *head, size_t head_len, uint64_t file_size,
              uint32_t user_top, struct elf_image *img);

#define ELF_DYN_BASE 0x56555000u    /* where Linux i386 puts static-pie */

#endif
