/*
 * The kernel console: the sink for kprintf and, through the tty layer,
 * for what user programs write to /dev/console.  A serial terminal wants
 * "\r\n", so a lone '\n' is expanded on the serial side only.
 */
#include "kernel/console.h"

#include <stdarg.h>
#include <stdint.h>

#include "kernel/format.h"
#include "kernel/serial.h"
#include "kernel/vga.h"

void console_init(void)
{
    serial_init();
    vga_init();
}

/* The last LOG_SIZE bytes of kernel output, for syslog(2) and dmesg. */
#define LOG_SIZE 16384
static char log_ring[LOG_SIZE];
static uint32_t log_end;            /* bytes ever logged */

static void log_char(char c)
{
    log_ring[log_end++ % LOG_SIZE] = c;
}

size_t console_log_read(char *buf, size_t size)
{
    uint32_t len = log_end < LOG_SIZE ? log_end : LOG_SIZE;
    if (len > size)
        len = (uint32_t)size;
    for (uint32_t i = 0; i < len; i++)
        buf[i] = log_ring[(log_end - len + i) % LOG_SIZE];
    return len;
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

/* kprintf's sink: the consoles and the log (users' output is not logged). */
static void console_sink(char c, void *ctx)
{
    (void)ctx;
    log_char(c);
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
