/*
 * Page-directory and page-table entry bits (i386, 4 KiB pages, no PAE),
 * and the software bits Cowix keeps in the entries' free bits 9-11.
 */
#ifndef MM_PTE_H
#define MM_PTE_H

#include <stdint.h>

#define PTE_P     0x001u    /* present */
#define PTE_W     0x002u    /* writable */
#define PTE_U     0x004u    /* user accessible */
#define PTE_A     0x020u    /* accessed (set by the CPU) */
#define PTE_D     0x040u    /* dirty (set by the CPU) */
#define PTE_PS    0x080u    /* 4 MiB page (PDE) */
#define PTE_G     0x100u    /* global: survives CR3 reloads */
#define PTE_COW   0x200u    /* software: copy this page on the next write */
#define PDE_SHARED 0x200u   /* software: this page table is shared by clones */

#define PTE_ADDR(e)  ((e) & 0xfffff000u)
#define PDX(va)      ((uint32_t)(va) >> 22)
#define PTX(va)      (((uint32_t)(va) >> 12) & 0x3ffu)
#define USER_PDES    768u       /* PDEs 0-767 map user space */

#endif
