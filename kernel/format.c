/*
 * The formatting engine behind kprintf and ksnprintf.  It never allocates
 * and never fails: unknown conversions are printed as they are, so a bad
 * format string in a panic message still shows something useful.
 */
#include "kernel/format.h"

#include <stdint.h>

struct spec {
    int left;       /* '-' flag: pad on the right */
    int zero;       /* '0' flag: pad numbers with zeros */
    int width;
    int precision;  /* -1 when absent */
    int size;       /* 0 int, 1 long, 2 long long, 3 size_t */
};

struct out {
    format_sink sink;
    void *ctx;
    int count;
};

static void put(struct out *o, char c)
{
    o->sink(c, o->ctx);
    o->count++;
}

static void pad(struct out *o, char c, int n)
{
    while (n-- > 0)
        put(o, c);
}

/* Emit `digits` (already in order) with sign, width and zero padding. */
static void emit_number(struct out *o, const struct spec *sp, const char *digits,
                        int ndigits, char sign)
{
    int len = ndigits + (sign != 0);
    int fill = sp->width > len ? sp->width - len : 0;
    if (!sp->left && !sp->zero)
        pad(o, ' ', fill);
    if (sign)
        put(o, sign);
    if (!sp->left && sp->zero)
        pad(o, '0', fill);
    for (int i = 0; i < ndigits; i++)
        put(o, digits[i]);
    if (sp->left)
        pad(o, ' ', fill);
}

static void format_unsigned(struct out *o, const struct spec *sp, uint64_t v,
                            unsigned base, int upper, char sign)
{
    const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char tmp[24], digits[24];
    int n = 0;
    do {
        tmp[n++] = set[v % base];
        v /= base;
    } while (v);
    for (int i = 0; i < n; i++)
        digits[i] = tmp[n - 1 - i];
    emit_number(o, sp, digits, n, sign);
}

static void format_string(struct out *o, const struct spec *sp, const char *s)
{
    if (!s)
        s = "(null)";
    int len = 0;
    while (s[len] && (sp->precision < 0 || len < sp->precision))
        len++;
    int fill = sp->width > len ? sp->width - len : 0;
    if (!sp->left)
        pad(o, ' ', fill);
    for (int i = 0; i < len; i++)
        put(o, s[i]);
    if (sp->left)
        pad(o, ' ', fill);
}

/* Parse flags, width, precision and length; returns the conversion char. */
static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
    *sp = (struct spec){0, 0, 0, -1, 0};
    for (;; f++) {
        if (*f == '-')
            sp->left = 1;
        else if (*f == '0')
            sp->zero = 1;
        else
            break;
    }
    if (*f == '*') {
        sp->width = va_arg(*ap, int);
        if (sp->width < 0) {
            sp->left = 1;
            sp->width = -sp->width;
        }
        f++;
    }
    while (*f >= '0' && *f <= '9')
        sp->width = sp->width * 10 + (*f++ - '0');
    if (*f == '.') {
        sp->precision = 0;
        for (f++; *f >= '0' && *f <= '9'; f++)
            sp->precision = sp->precision * 10 + (*f - '0');
    }
    if (*f == 'l') {
        sp->size = 1;
        if (*++f == 'l') {
            sp->size = 2;
            f++;
        }
    } else if (*f == 'z') {
        sp->size = 3;
        f++;
    }
    return f;
}

static int64_t signed_arg(const struct spec *sp, va_list *ap)
{
    if (sp->size == 2)
        return va_arg(*ap, long long);
    if (sp->size == 1)
        return va_arg(*ap, long);
    if (sp->size == 3)
        return (int64_t)va_arg(*ap, ptrdiff_t);
    return va_arg(*ap, int);
}

static uint64_t unsigned_arg(const struct spec *sp, va_list *ap)
{
    if (sp->size == 2)
        return va_arg(*ap, unsigned long long);
    if (sp->size == 1)
        return va_arg(*ap, unsigned long);
    if (sp->size == 3)
        return va_arg(*ap, size_t);
    return va_arg(*ap, unsigned int);
}

static void convert(struct out *o, char c, struct spec *sp, va_list *ap)
{
    switch (c) {
    case 'd':
    case 'i': {
        int64_t v = signed_arg(sp, ap);
        uint64_t mag = v < 0 ? -(uint64_t)v : (uint64_t)v;
        format_unsigned(o, sp, mag, 10, 0, v < 0 ? '-' : 0);
        break;
    }
    case 'u': format_unsigned(o, sp, unsigned_arg(sp, ap), 10, 0, 0); break;
    case 'x': format_unsigned(o, sp, unsigned_arg(sp, ap), 16, 0, 0); break;
    case 'X': format_unsigned(o, sp, unsigned_arg(sp, ap), 16, 1, 0); break;
    case 'o': format_unsigned(o, sp, unsigned_arg(sp, ap), 8, 0, 0); break;
    case 'p':
        put(o, '0');
        put(o, 'x');
        sp->zero = 1;
        sp->width = 2 * (int)sizeof(void *);
        format_unsigned(o, sp, (uintptr_t)va_arg(*ap, void *), 16, 0, 0);
        break;
    case 's': format_string(o, sp, va_arg(*ap, const char *)); break;
    case 'c': {
        char s[2] = {(char)va_arg(*ap, int), 0};
        sp->precision = 1;
        format_string(o, sp, s);
        break;
    }
    case '%': put(o, '%'); break;
    default:  /* unknown: show it rather than guess */
        put(o, '%');
        if (c)
            put(o, c);
    }
}

int kvformat(format_sink sink, void *ctx, const char *fmt, va_list ap)
{
    struct out o = {sink, ctx, 0};
    va_list args;
    va_copy(args, ap);
    for (const char *f = fmt; *f; f++) {
        if (*f != '%') {
            put(&o, *f);
            continue;
        }
        struct spec sp;
        f = parse_spec(f + 1, &sp, &args);
        convert(&o, *f, &sp, &args);
        if (!*f)
            break;
    }
    va_end(args);
    return o.count;
}

struct buf {
    char *p;
    size_t size, used;
};

static void buf_sink(char c, void *ctx)
{
    struct buf *b = ctx;
    if (b->used + 1 < b->size)
        b->p[b->used] = c;
    b->used++;
}

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct buf b = {buf, size, 0};
    int n = kvformat(buf_sink, &b, fmt, ap);
    if (size)
        buf[b.used < size ? b.used : size - 1] = 0;
    return n;
}

int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = kvsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
