/*
 * Kernel output: every character goes to both the serial port and the VGA
 * screen.  kprintf formats through kernel/format.c.
 */
#ifndef KERNEL_CONSOLE_H
#define KERNEL_CONSOLE_H

#include <stddef.h>

void console_init(void);
void console_putc(char c);
void console_write(const char *s, size_t n);

int kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Copy the newest kernel messages (at most 16 KiB) into buf. */
size_t console_log_read(char *buf, size_t size);

#endif
