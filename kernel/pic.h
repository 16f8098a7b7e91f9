/*
 * The two 8259 interrupt controllers, remapped so IRQ 0-15 arrive on
 * vectors 32-47 (clear of the CPU's exception vectors).
 */
#ifndef KERNEL_PIC_H
#define KERNEL_PIC_H

#include <stdbool.h>

void pic_init(void);
void pic_unmask(int irq);
void pic_mask(int irq);
void pic_eoi(int irq);
/* IRQ 7 and 15 can be spurious: true if this one was (then no EOI). */
bool pic_is_spurious(int irq);

#endif
