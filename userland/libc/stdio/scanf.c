/*
 * sscanf: parse a string by a format.  Supports  %d %i %u %x %o  (with
 * hh h l ll z j sizes),  %s  %c  %n  %%,  widths, and  *  to skip a
 * field.  A blank in the format matches any amount of white space.
 * Returns the number of fields stored, or EOF if the input ended before
 * the first conversion.
 */
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <limits.h>

/* Store integer v through the next pointer, as an object of `size` bytes. */
static void store_int(va_list *ap, int size, unsigned long long v)
{
    switch (size) {
    case 1: *va_arg(*ap, char *) = (char)v; break;
    case 2: *va_arg(*ap, short *) = (short)v; break;
    case 8: *va_arg(*ap, long long *) = (long long)v; break;
    default: *va_arg(*ap, int *) = (int)v; break;
    }
}

/* Read a length modifier (hh h l ll z j) at *fmt: the integer's size. */
static int length_size(const char **fmt)
{
    const char *p = *fmt;
    int size = 4;

    if (p[0] == 'h' && p[1] == 'h') {
        size = 1;
        p += 2;
    } else if (p[0] == 'l' && p[1] == 'l') {
        size = 8;
        p += 2;
    } else if (p[0] == 'h') {
        size = 2;
        p++;
    } else if (p[0] == 'j') {
        size = 8;
        p++;
    } else if (p[0] == 'l' || p[0] == 'z') {
        p++;
    }
    *fmt = p;
    return size;
}

/* Parse an integer of at most width chars; NULL if there is none. */
static const char *scan_int(const char *s, int width, char conv,
                            unsigned long long *v)
{
    char field[64], *end;
    int n = 0;

    if (width <= 0 || width >= (int)sizeof field)
        width = (int)sizeof field - 1;
    while (n < width && s[n] && !isspace((unsigned char)s[n])) {
        field[n] = s[n];
        n++;
    }
    field[n] = '\0';

    int base = conv == 'x' ? 16 : conv == 'o' ? 8 : conv == 'i' ? 0 : 10;
    if (conv == 'd' || conv == 'i')
        *v = (unsigned long long)strtoll(field, &end, base);
    else
        *v = strtoull(field, &end, base);
    return end == field ? NULL : s + (end - field);
}

/* %s or %c: copy characters to out (if not NULL); returns the new s. */
static const char *scan_chars(const char *s, char conv, int width, char *out)
{
    int n = 0;

    if (conv == 'c') {
        for (; n < (width ? width : 1) && *s; n++, s++)
            if (out)
                out[n] = *s;
        return s;
    }
    for (; *s && !isspace((unsigned char)*s) && (!width || n < width); n++, s++)
        if (out)
            out[n] = *s;
    if (out)
        out[n] = '\0';
    return s;
}

int sscanf(const char *s, const char *fmt, ...)
{
    va_list ap;
    const char *start = s;
    int stored = 0, converted_any = 0;

    va_start(ap, fmt);
    for (; *fmt; fmt++) {
        if (isspace((unsigned char)*fmt)) {
            while (isspace((unsigned char)*s))
                s++;
            continue;
        }
        if (*fmt != '%' || fmt[1] == '%') {    /* a literal character */
            if (*fmt == '%')
                fmt++;
            if (*s != *fmt)
                break;
            s++;
            continue;
        }
        fmt++;
        int skip = *fmt == '*';
        if (skip)
            fmt++;
        int width = 0;
        while (isdigit((unsigned char)*fmt))
            width = width * 10 + (*fmt++ - '0');
        int size = length_size(&fmt);
        char conv = *fmt;

        if (conv == 'n') {
            if (!skip)
                store_int(&ap, size, (unsigned long long)(s - start));
            continue;
        }
        if (conv != 'c')
            while (isspace((unsigned char)*s))
                s++;
        if (*s == '\0')
            break;
        converted_any = 1;
        if (conv == 'c' || conv == 's') {
            s = scan_chars(s, conv, width, skip ? NULL : va_arg(ap, char *));
        } else if (conv && strchr("diuxo", conv)) {
            unsigned long long v;
            const char *next = scan_int(s, width, conv, &v);
            if (!next)
                break;
            s = next;
            if (!skip)
                store_int(&ap, size, v);
        } else {
            break;                  /* unsupported conversion */
        }
        if (!skip)
            stored++;
    }
    va_end(ap);
    return stored == 0 && !converted_any && *s == '\0' ? EOF : stored;
}
