/*
 * The printf family: each function picks a sink for stdio_format().
 *   stream sink   collects output in a local buffer and fwrite()s it in
 *                 pieces (so an unbuffered stderr gets one write per
 *                 call, not one per conversion);
 *   fd sink       the same with write(), for dprintf;
 *   string sink   fills a caller's array, truncating (snprintf);
 *   heap sink     grows a malloc'd string (asprintf).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "userland/libc/stdio/stdio_impl.h"

struct chunked_sink {
    struct sink base;
    FILE *f;                /* stream, or NULL for the fd */
    int fd;
    int error;
    size_t n;
    char buf[256];
};

static void chunked_flush(struct chunked_sink *cs)
{
    if (cs->n == 0)
        return;
    if (cs->f) {
        if (fwrite(cs->buf, 1, cs->n, cs->f) != cs->n)
            cs->error = 1;
    } else if (write(cs->fd, cs->buf, cs->n) != (ssize_t)cs->n) {
        cs->error = 1;
    }
    cs->n = 0;
}

static void chunked_put(struct sink *s, const char *p, size_t n)
{
    struct chunked_sink *cs = (struct chunked_sink *)s;

    while (n > 0) {
        size_t k = sizeof cs->buf - cs->n;
        if (k > n)
            k = n;
        memcpy(cs->buf + cs->n, p, k);
        cs->n += k;
        p += k;
        n -= k;
        if (cs->n == sizeof cs->buf)
            chunked_flush(cs);
    }
}

static int chunked_format(FILE *f, int fd, const char *fmt, va_list ap)
{
    struct chunked_sink cs = {.base = {chunked_put, 0}, .f = f, .fd = fd};

    stdio_format(&cs.base, fmt, ap);
    chunked_flush(&cs);
    return cs.error ? -1 : (int)cs.base.count;
}

int vfprintf(FILE *f, const char *fmt, va_list ap)
{
    return chunked_format(f, -1, fmt, ap);
}

int vprintf(const char *fmt, va_list ap)
{
    return vfprintf(stdout, fmt, ap);
}

int vdprintf(int fd, const char *fmt, va_list ap)
{
    return chunked_format(NULL, fd, fmt, ap);
}

struct string_sink {
    struct sink base;
    char *buf;
    size_t cap;             /* room for characters, not counting the NUL */
    size_t len;
};

static void string_put(struct sink *s, const char *p, size_t n)
{
    struct string_sink *ss = (struct string_sink *)s;
    size_t k = ss->cap - ss->len;

    if (k > n)
        k = n;
    memcpy(ss->buf + ss->len, p, k);
    ss->len += k;
}

int vsnprintf(char *s, size_t n, const char *fmt, va_list ap)
{
    struct string_sink ss = {{string_put, 0}, s, n ? n - 1 : 0, 0};

    int r = stdio_format(&ss.base, fmt, ap);
    if (n > 0)
        s[ss.len] = '\0';
    return r;
}

int vsprintf(char *s, const char *fmt, va_list ap)
{
    return vsnprintf(s, (size_t)-1 / 2, fmt, ap);
}

struct heap_sink {
    struct sink base;
    char *buf;
    size_t cap, len;
    int error;
};

static void heap_put(struct sink *s, const char *p, size_t n)
{
    struct heap_sink *hs = (struct heap_sink *)s;

    if (hs->error)
        return;
    if (hs->len + n + 1 > hs->cap) {
        size_t cap = hs->cap * 2 > hs->len + n + 1 ? hs->cap * 2 : hs->len + n + 1;
        char *nb = realloc(hs->buf, cap);
        if (!nb) {
            hs->error = 1;
            return;
        }
        hs->buf = nb;
        hs->cap = cap;
    }
    memcpy(hs->buf + hs->len, p, n);
    hs->len += n;
}

int vasprintf(char **out, const char *fmt, va_list ap)
{
    struct heap_sink hs = {{heap_put, 0}, NULL, 0, 0, 0};

    heap_put(&hs.base, "", 0);      /* make sure there is a buffer */
    stdio_format(&hs.base, fmt, ap);
    if (hs.error) {
        free(hs.buf);
        *out = NULL;
        return -1;
    }
    hs.buf[hs.len] = '\0';
    *out = hs.buf;
    return (int)hs.len;
}

/* The variadic forms only gather their arguments. */
#define VARIADIC(call)              \
    va_list ap;                     \
    va_start(ap, fmt);              \
    int r = call;                   \
    va_end(ap);                     \
    return r

int printf(const char *fmt, ...)                      { VARIADIC(vfprintf(stdout, fmt, ap)); }
int fprintf(FILE *f, const char *fmt, ...)            { VARIADIC(vfprintf(f, fmt, ap)); }
int dprintf(int fd, const char *fmt, ...)             { VARIADIC(vdprintf(fd, fmt, ap)); }
int sprintf(char *s, const char *fmt, ...)            { VARIADIC(vsprintf(s, fmt, ap)); }
int snprintf(char *s, size_t n, const char *fmt, ...) { VARIADIC(vsnprintf(s, n, fmt, ap)); }
int asprintf(char **s, const char *fmt, ...)          { VARIADIC(vasprintf(s, fmt, ap)); }
