/*
 * The kernel's half of every address space (0xc0000000 and up).  Its page
 * tables are allocated once at boot, and every page directory points at
 * the same 256 tables, so a mapping made here is at once visible in every
 * process and the kernel halves never diverge.
 */
#ifndef MM_KSPACE_H
#define MM_KSPACE_H

#include <stdbool.h>
#include <stdint.h>

/* Build the direct map of RAM [0, ram_top) and switch to it. */
void kspace_init(uint32_t ram_top);

/* Physical address of the kernel page directory (no user mappings). */
uint32_t kspace_pd_phys(void);
/* The 256 kernel PDEs, to copy into a new page directory. */
const uint32_t *kspace_pdes(void);

/* Map / unmap one page in the areas above the direct map (heap, stacks). */
void kspace_map(uint32_t va, uint32_t phys);
void kspace_unmap(uint32_t va);
/* Physical address behind a kernel virtual address, 0 if unmapped. */
uint32_t kspace_translate(uint32_t va);

#endif
