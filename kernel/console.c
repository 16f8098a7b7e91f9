/*
 * The kernel console: the sink for kprintf and, through the tty layer,
 * for what user programs write to /dev/console.  A serial terminal wants
 * "\r\n", so a lone '\n' is expanded on the serial side only.
 */
#include "kernel/console.h"

#include <stdarg.h>

#include "kernel/format.h"
#include "kernel/serial.h"
#include "kernel/vga.h"

void console_init(void)
{
    serial_init();
    vga_init();
}

void console_putc(char c)
{
    if (c == '\n')
        serial_putc('\r');
    serial_putc(c);
    vga_putc(c);
}

void console_write(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        console_putc(s[i]);
}

static void console_sink(char c, void *ctx)
{
    (void)ctx;
    console_putc(c);
}

int kprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = kvformat(console_sink, NULL, fmt, ap);
    va_end(ap);
    return n;
}
