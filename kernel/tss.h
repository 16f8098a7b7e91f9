/*
 * The 32-bit task state segment, in the CPU's layout.  Cowix switches
 * tasks in software; the CPU reads only esp0/ss0 (the stack for traps from
 * ring 3) and, for the double-fault task, the whole register image.
 */
#ifndef KERNEL_TSS_H
#define KERNEL_TSS_H

#include <stdint.h>

struct tss {
    uint32_t link, esp0, ss0, esp1, ss1, esp2, ss2;
    uint32_t cr3, eip, eflags, eax, ecx, edx, ebx, esp, ebp, esi, edi;
    uint32_t es, cs, ss, ds, fs, gs, ldt;
    uint16_t trap, iomap_base;
} __attribute__((packed));

#endif
