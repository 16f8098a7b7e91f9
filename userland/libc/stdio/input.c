/*
 * Reading from streams: characters, lines, blocks, and pushing a
 * character back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <limits.h>
#include "userland/libc/stdio/stdio_impl.h"

/* Make sure unread input is in the buffer: 1 if so, 0 at EOF/error. */
static int have_input(FILE *f)
{
    if (f->pos < f->len)
        return 1;
    if (stdio_to_read(f) == EOF)
        return 0;
    return f->pos < f->len || stdio_refill(f) > 0;
}

int fgetc(FILE *f)
{
    if (f->pos < f->len)                /* fast path: buffered input */
        return f->buf[f->pos++];
    if (!have_input(f))
        return EOF;
    return f->buf[f->pos++];
}

int getc(FILE *f)
{
    return fgetc(f);
}

int getchar(void)
{
    return fgetc(stdin);
}

int ungetc(int c, FILE *f)
{
    if (c == EOF || stdio_to_read(f) == EOF)
        return EOF;
    if (f->pos == 0) {
        if (f->len == f->size)
            return EOF;                 /* no room */
        memmove(f->buf + 1, f->buf, f->len);
        f->len++;
        f->pos++;
    }
    f->buf[--f->pos] = (unsigned char)c;
    f->flags &= ~F_EOF;
    return (unsigned char)c;
}

size_t fread(void *buf, size_t size, size_t n, FILE *f)
{
    if (size == 0 || n == 0)
        return 0;
    size_t want = size * n, got = 0;
    char *out = buf;

    while (got < want) {
        if (f->pos == f->len && want - got >= f->size && !f->writing &&
            f->size > 0) {
            /* Large read: straight into the caller's memory. */
            ssize_t r = read(f->fd, out + got, want - got);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0) {
                f->flags |= r == 0 ? F_EOF : F_ERR;
                break;
            }
            got += (size_t)r;
            continue;
        }
        if (!have_input(f))
            break;
        size_t k = f->len - f->pos;
        if (k > want - got)
            k = want - got;
        memcpy(out + got, f->buf + f->pos, k);
        f->pos += k;
        got += k;
    }
    return got / size;
}

/*
 * Append buffered input up to and including `delim` to *line (growing it
 * with realloc), until delim or end of input.  Returns the length or -1.
 */
ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f)
{
    size_t len = 0;

    if (*line == NULL)
        *cap = 0;
    for (;;) {
        if (!have_input(f)) {
            if (len == 0)
                return -1;
            break;
        }
        unsigned char *start = f->buf + f->pos;
        size_t avail = f->len - f->pos;
        unsigned char *hit = memchr(start, delim, avail);
        size_t k = hit ? (size_t)(hit - start) + 1 : avail;

        if (len + k + 1 > *cap) {
            size_t ncap = *cap ? *cap : 64;
            while (ncap < len + k + 1)
                ncap *= 2;
            char *p = realloc(*line, ncap);
            if (!p)
                return -1;
            *line = p;
            *cap = ncap;
        }
        memcpy(*line + len, start, k);
        len += k;
        f->pos += k;
        if (hit)
            break;
    }
    (*line)[len] = '\0';
    return (ssize_t)len;
}

ssize_t getline(char **line, size_t *cap, FILE *f)
{
    return getdelim(line, cap, '\n', f);
}

char *fgets(char *s, int size, FILE *f)
{
    int n = 0;

    if (size <= 0)
        return NULL;
    while (n < size - 1) {
        if (!have_input(f))
            break;
        unsigned char *start = f->buf + f->pos;
        size_t k = f->len - f->pos;
        if (k > (size_t)(size - 1 - n))
            k = (size_t)(size - 1 - n);
        unsigned char *nl = memchr(start, '\n', k);
        if (nl)
            k = (size_t)(nl - start) + 1;
        memcpy(s + n, start, k);
        f->pos += k;
        n += (int)k;
        if (nl)
            break;
    }
    if (n == 0)
        return NULL;
    s[n] = '\0';
    return s;
}
