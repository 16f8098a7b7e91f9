/*
 * COM1, the 16550 UART at 0x3f8: 115200 baud, 8 data bits, no parity, one
 * stop bit.  Output is polled; input raises IRQ 4 and goes to the tty.
 */
#ifndef KERNEL_SERIAL_H
#define KERNEL_SERIAL_H

#include <stdbool.h>

void serial_init(void);
void serial_putc(char c);
/* Next received byte, or -1 when none is waiting. */
int serial_getc(void);
/* Ask the UART to interrupt on received data (once the IDT is ready). */
void serial_enable_irq(void);

#endif
