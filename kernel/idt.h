/*
 * The interrupt descriptor table: 32 exception vectors, 16 IRQ lines
 * (the 8259 PICs remapped to vectors 32-47), and the system call gate
 * int 0x80, the only one user code may invoke (DPL 3).
 */
#ifndef KERNEL_IDT_H
#define KERNEL_IDT_H

void idt_init(void);

#endif
