/*
 * Touched anonymous memory: a private mapping of which every page has
 * been written, so that each page is present in the page tables.  This is
 * the memory that fork must share (or copy) and that copy-on-write faults
 * copy page by page.
 */
#ifndef USERLAND_BENCH_MEMORY_H
#define USERLAND_BENCH_MEMORY_H

#include <stdint.h>

#define PAGE_SIZE 4096u
#define MIB (1024u * 1024u)

/*
 * Map `bytes` (a multiple of PAGE_SIZE, may be 0) of anonymous memory with
 * mmap2 and write one byte in each page.  Returns the address, or a
 * negative errno cast to a pointer-sized value: check with region_failed.
 */
long region_touch(uint32_t bytes);

static inline int region_failed(long region)
{
    return region < 0 && region > -4096;
}

/* Unmap a region made by region_touch. */
void region_release(long region, uint32_t bytes);

#endif
