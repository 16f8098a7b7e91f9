/*
 * Driver for the first serial port.  It is the main console under QEMU
 * (-serial stdio), so kernel messages, panics and the shell all reach the
 * terminal and the test transcripts through here.
 */
#include "kernel/serial.h"

#include "kernel/cpu.h"

#define COM1 0x3f8
#define REG_DATA 0          /* divisor low byte when DLAB=1 */
#define REG_IER 1           /* divisor high byte when DLAB=1 */
#define REG_FCR 2
#define REG_LCR 3
#define REG_MCR 4
#define REG_LSR 5
#define LSR_DATA_READY 0x01
#define LSR_THR_EMPTY 0x20

void serial_init(void)
{
    outb(COM1 + REG_IER, 0x00);     /* no interrupts yet */
    outb(COM1 + REG_LCR, 0x80);     /* DLAB: next two bytes are the divisor */
    outb(COM1 + REG_DATA, 1);       /* 115200 / 1 */
    outb(COM1 + REG_IER, 0);
    outb(COM1 + REG_LCR, 0x03);     /* 8N1, DLAB off */
    outb(COM1 + REG_FCR, 0xc7);     /* FIFOs on, cleared, 14-byte threshold */
    outb(COM1 + REG_MCR, 0x0b);     /* DTR, RTS, OUT2 (routes the IRQ) */
}

void serial_enable_irq(void)
{
    outb(COM1 + REG_IER, 0x01);     /* received data available */
}

void serial_putc(char c)
{
    /* A real UART needs the wait; QEMU's is always ready, so it is cheap. */
    for (int spin = 0; spin < 100000; spin++)
        if (inb(COM1 + REG_LSR) & LSR_THR_EMPTY)
            break;
    outb(COM1 + REG_DATA, (uint8_t)c);
}

int serial_getc(void)
{
    if (!(inb(COM1 + REG_LSR) & LSR_DATA_READY))
        return -1;
    return inb(COM1 + REG_DATA);
}
