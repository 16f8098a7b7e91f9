/*
 * printf-style formatting, independent of where the characters go.  The
 * kernel's kprintf sends them to the consoles, ksnprintf into a buffer
 * (procfs, panic messages).  Pure C: also built and tested on the host.
 *
 * Conversions: %d %i %u %x %X %o %p %s %c %%, flags '-' '0', a width (or
 * '*'), a precision for %s, and the length modifiers l, ll, z.
 */
#ifndef KERNEL_FORMAT_H
#define KERNEL_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

typedef void (*format_sink)(char c, void *ctx);

/* Formats into `sink`; returns the number of characters produced. */
int kvformat(format_sink sink, void *ctx, const char *fmt, va_list ap);

/* Like snprintf: always terminates (if size > 0), returns the full length. */
int ksnprintf(char *buf, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

#endif
