/*
 * The virtual memory layout, in one place (see docs/memory.md):
 *
 *   0x00000000-0x00000fff  never mapped: NULL dereferences fault
 *   0x08048000-...         user program, then its brk heap
 *   ...       -0xbfffffff  user mmap area and stack (grows down, 8 MiB)
 *   0xc0000000-0xefffffff  direct map of RAM: virtual = physical + 0xc0000000
 *                          (the kernel image sits at 0xc0100000 inside it)
 *   0xf0000000-0xf7ffffff  kernel heap for large blocks (page-mapped)
 *   0xf8000000-0xffbfffff  kernel stacks, each below an unmapped guard page
 */
#ifndef KERNEL_LAYOUT_H
#define KERNEL_LAYOUT_H

#define KERNEL_BASE      0xc0000000u
#define USER_TOP         KERNEL_BASE
#define DIRECT_MAP_MAX   0x30000000u        /* 768 MiB of RAM at most */
#define VMALLOC_START    0xf0000000u
#define VMALLOC_END      0xf8000000u
#define KSTACK_AREA      0xf8000000u
#define KSTACK_AREA_END  0xffc00000u

/* Each kernel stack slot: an unmapped guard half, then the stack. */
#define KSTACK_SLOT_SIZE 0x4000u
#define KSTACK_SIZE      0x2000u

#define PAGE_SIZE        4096u
#define PAGE_SHIFT       12

#define PHYS_TO_VIRT(p)  ((void *)((unsigned long)(p) + KERNEL_BASE))
#define VIRT_TO_PHYS(v)  ((unsigned long)(v) - KERNEL_BASE)

#endif
