/*
 * The printf engine: parses a format string and writes the result to a
 * sink (see stdio_impl.h), so that printf, fprintf, snprintf... share it.
 *
 * A conversion is  %[flags][width][.precision][length]conversion  with
 *   flags      -  left-justify    0  pad with zeros    +  force a sign
 *              space  sign or space    #  0x / leading 0 prefix
 *   width      digits or *        precision  .digits or .*
 *   length     hh h l ll z t j L  (l and z/t/j are 32 bits on i386)
 *   conversion d i u x X o p s c f %
 */
#include <stdio.h>
#include <stdarg.h>
#include <string.h>
#include <stdint.h>
#include "userland/libc/stdio/stdio_impl.h"

#define LEFT  1
#define ZERO  2
#define PLUS  4
#define SPACE 8
#define ALT   16

struct spec {
    int flags;
    int width;
    int precision;          /* -1: none given */
    int size;               /* of the integer argument, in bytes */
    char conv;
};

static void put(struct sink *s, const char *p, size_t n)
{
    if (n > 0) {
        s->put(s, p, n);
        s->count += n;
    }
}

static void pad(struct sink *s, char c, int n)
{
    char fill[16];

    memset(fill, c, sizeof fill);
    for (; n > 0; n -= (int)sizeof fill)
        put(s, fill, n < (int)sizeof fill ? (size_t)n : sizeof fill);
}

/* Write prefix + zeros + body, padded to the width as the flags say. */
static void emit(struct sink *s, const struct spec *sp, const char *prefix,
                 int zeros, const char *body, int len)
{
    int plen = (int)strlen(prefix);
    int spaces = sp->width - plen - zeros - len;

    if (spaces > 0 && (sp->flags & ZERO) && !(sp->flags & LEFT)) {
        zeros += spaces;        /* zero padding goes after the sign */
        spaces = 0;
    }
    if (!(sp->flags & LEFT))
        pad(s, ' ', spaces);
    put(s, prefix, (size_t)plen);
    pad(s, '0', zeros);
    put(s, body, (size_t)len);
    if (sp->flags & LEFT)
        pad(s, ' ', spaces);
}

/* Digits of v in base, written backwards from end; returns the start. */
static char *digits(char *end, unsigned long long v, unsigned base, int upper)
{
    const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";

    if (v <= UINT32_MAX) {          /* 32-bit division is much cheaper */
        uint32_t w = (uint32_t)v;
        do {
            *--end = set[w % base];
            w /= base;
        } while (w);
    } else {
        do {
            *--end = set[v % base];
            v /= base;
        } while (v);
    }
    return end;
}

/* The next integer argument, sign- or zero-extended from its size. */
static unsigned long long int_arg(const struct spec *sp, va_list *ap)
{
    int is_signed = sp->conv == 'd' || sp->conv == 'i';
    unsigned long long v;

    if (sp->size == 8)
        return va_arg(*ap, unsigned long long);
    v = va_arg(*ap, unsigned int);
    if (sp->size == 1)
        return is_signed ? (unsigned long long)(signed char)v : (unsigned char)v;
    if (sp->size == 2)
        return is_signed ? (unsigned long long)(short)v : (unsigned short)v;
    return is_signed ? (unsigned long long)(int)v : v;
}

static void format_int(struct sink *s, struct spec *sp, unsigned long long v)
{
    int negative = 0, is_signed = sp->conv == 'd' || sp->conv == 'i';

    if (is_signed && (long long)v < 0) {
        negative = 1;
        v = 0 - v;
    }

    unsigned base = sp->conv == 'o' ? 8 : (sp->conv == 'x' || sp->conv == 'X'
                                           || sp->conv == 'p') ? 16 : 10;
    char buf[24], *end = buf + sizeof buf;
    char *start = digits(end, v, base, sp->conv == 'X');
    int len = (int)(end - start);
    if (sp->precision == 0 && v == 0)
        len = 0;                    /* "%.0d" of 0 prints nothing */

    const char *prefix = negative ? "-" : (sp->flags & PLUS) ? "+"
                       : (sp->flags & SPACE) ? " " : "";
    if (!is_signed)
        prefix = "";
    if ((sp->flags & ALT) && v != 0 && base == 16)
        prefix = sp->conv == 'X' ? "0X" : "0x";
    int zeros = sp->precision > len ? sp->precision - len : 0;
    if ((sp->flags & ALT) && base == 8 && zeros == 0 && start[0] != '0')
        zeros = 1;
    if (sp->precision >= 0)
        sp->flags &= ~ZERO;         /* a precision overrides the 0 flag */
    emit(s, sp, prefix, zeros, start, len);
}

/* %f: fixed-point, rounded to the precision (default 6). */
static void format_float(struct sink *s, struct spec *sp, double x)
{
    char buf[64], *end = buf + sizeof buf;
    int prec = sp->precision < 0 ? 6 : sp->precision > 18 ? 18 : sp->precision;
    const char *prefix = x < 0 ? "-" : (sp->flags & PLUS) ? "+"
                       : (sp->flags & SPACE) ? " " : "";
    if (x < 0)
        x = -x;
    if (x != x || x > 1.8e19) {     /* NaN, or too big for our digits */
        emit(s, sp, prefix, 0, x != x ? "nan" : "inf", 3);
        return;
    }
    double scale = 1;
    for (int i = 0; i < prec; i++)
        scale *= 10;
    unsigned long long whole = (unsigned long long)x;
    double frac = (x - (double)whole) * scale + 0.5;
    unsigned long long f = (unsigned long long)frac;
    if ((double)f >= scale) {       /* rounding carried into the units */
        whole++;
        f = 0;
    }

    char *start = end;
    if (prec > 0) {
        start = digits(end, f, 10, 0);
        while (end - start < prec)
            *--start = '0';
    }
    if (prec > 0 || (sp->flags & ALT))
        *--start = '.';
    start = digits(start, whole, 10, 0);
    sp->precision = -1;
    emit(s, sp, prefix, 0, start, (int)(end - start));
}

/* Read flags, width, precision and length starting after the '%'. */
static const char *parse_spec(const char *p, struct spec *sp, va_list *ap)
{
    sp->flags = 0;
    for (;; p++) {
        if (*p == '-') sp->flags |= LEFT;
        else if (*p == '0') sp->flags |= ZERO;
        else if (*p == '+') sp->flags |= PLUS;
        else if (*p == ' ') sp->flags |= SPACE;
        else if (*p == '#') sp->flags |= ALT;
        else break;
    }
    sp->width = 0;
    if (*p == '*') {
        sp->width = va_arg(*ap, int);
        if (sp->width < 0) {
            sp->flags |= LEFT;
            sp->width = -sp->width;
        }
        p++;
    }
    while (*p >= '0' && *p <= '9')
        sp->width = sp->width * 10 + (*p++ - '0');
    sp->precision = -1;
    if (*p == '.') {
        p++;
        sp->precision = 0;
        if (*p == '*') {
            sp->precision = va_arg(*ap, int);
            if (sp->precision < 0)
                sp->precision = -1;
            p++;
        }
        while (*p >= '0' && *p <= '9')
            sp->precision = sp->precision * 10 + (*p++ - '0');
    }
    sp->size = 4;                   /* int, long, size_t: all 32-bit */
    if (p[0] == 'h' && p[1] == 'h') {
        sp->size = 1;
        p += 2;
    } else if (p[0] == 'l' && p[1] == 'l') {
        sp->size = 8;
        p += 2;
    } else if (p[0] == 'h') {
        sp->size = 2;
        p++;
    } else if (p[0] == 'j' || p[0] == 'q') {
        sp->size = 8;
        p++;
    } else if (p[0] == 'l' || p[0] == 'z' || p[0] == 't' || p[0] == 'L') {
        p++;
    }
    sp->conv = *p;
    return p;
}

int stdio_format(struct sink *s, const char *fmt, va_list ap_in)
{
    va_list ap;
    struct spec sp;

    va_copy(ap, ap_in);
    while (*fmt) {
        const char *pct = strchrnul(fmt, '%');
        put(s, fmt, (size_t)(pct - fmt));
        if (*pct == '\0')
            break;
        fmt = parse_spec(pct + 1, &sp, &ap);
        switch (sp.conv) {
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
            format_int(s, &sp, int_arg(&sp, &ap));
            break;
        case 'p': {
            uintptr_t ptr = (uintptr_t)va_arg(ap, void *);
            sp.flags |= ALT;
            if (ptr == 0)
                emit(s, &sp, "", 0, "(nil)", 5);    /* as glibc prints it */
            else
                format_int(s, &sp, ptr);
            break;
        }
        case 'c': {
            char c = (char)va_arg(ap, int);
            sp.precision = -1;
            emit(s, &sp, "", 0, &c, 1);
            break;
        }
        case 's': {
            const char *str = va_arg(ap, const char *);
            if (str == NULL)
                str = "(null)";
            size_t len = sp.precision >= 0 ? strnlen(str, (size_t)sp.precision)
                                           : strlen(str);
            sp.flags &= ~ZERO;
            emit(s, &sp, "", 0, str, (int)len);
            break;
        }
        case 'f': case 'F':
            format_float(s, &sp, va_arg(ap, double));
            break;
        case '%':
            put(s, "%", 1);
            break;
        case '\0':                  /* format ends inside a conversion */
            fmt--;
            break;
        default:                    /* unknown: print it as written */
            put(s, pct, (size_t)(fmt - pct + 1));
            break;
        }
        fmt++;
    }
    va_end(ap);
    return (int)s->count;
}
