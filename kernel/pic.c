/*
 * 8259 PIC programming: the ICW1-ICW4 initialisation sequence, masks, and
 * end-of-interrupt.  All lines start masked; drivers unmask their own.
 */
#include "kernel/pic.h"

#include <stdint.h>

#include "kernel/cpu.h"

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1
#define PIC_EOI 0x20
#define PIC_READ_ISR 0x0b

static uint16_t mask = 0xffff & ~(1u << 2);     /* cascade line stays open */

static void write_masks(void)
{
    outb(PIC1_DATA, mask & 0xff);
    outb(PIC2_DATA, mask >> 8);
}

void pic_init(void)
{
    outb(PIC1_CMD, 0x11);       /* ICW1: edge triggered, cascade, ICW4 follows */
    outb(PIC2_CMD, 0x11);
    outb(PIC1_DATA, 32);        /* ICW2: vector offsets */
    outb(PIC2_DATA, 40);
    outb(PIC1_DATA, 4);         /* ICW3: slave on line 2 */
    outb(PIC2_DATA, 2);
    outb(PIC1_DATA, 0x01);      /* ICW4: 8086 mode */
    outb(PIC2_DATA, 0x01);
    write_masks();
}

void pic_unmask(int irq)
{
    mask &= ~(1u << irq);
    write_masks();
}

void pic_mask(int irq)
{
    mask |= 1u << irq;
    write_masks();
}

void pic_eoi(int irq)
{
    if (irq >= 8)
        outb(PIC2_CMD, PIC_EOI);
    outb(PIC1_CMD, PIC_EOI);
}

static uint8_t in_service(uint16_t cmd_port)
{
    outb(cmd_port, PIC_READ_ISR);
    return inb(cmd_port);
}

bool pic_is_spurious(int irq)
{
    if (irq == 7 && !(in_service(PIC1_CMD) & 0x80))
        return true;
    if (irq == 15 && !(in_service(PIC2_CMD) & 0x80)) {
        outb(PIC1_CMD, PIC_EOI);    /* the master did see the cascade line */
        return true;
    }
    return false;
}
