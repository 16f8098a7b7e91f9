/*
 * Writing to streams: fwrite and the character and string functions built
 * on it.
 */
#include <stdio.h>
#include <string.h>
#include "userland/libc/stdio/stdio_impl.h"

/* Add n bytes to the buffer (sending it out when full); 0 or EOF. */
static int buffer_bytes(FILE *f, const char *p, size_t n)
{
    if (n >= f->size) {                 /* too big to be worth copying */
        if (stdio_flush(f) == EOF)
            return EOF;
        return stdio_write_all(f, p, n);
    }
    if (n > f->size - f->pos && stdio_flush(f) == EOF)
        return EOF;
    memcpy(f->buf + f->pos, p, n);
    f->pos += n;
    return f->pos == f->size ? stdio_flush(f) : 0;
}

/*
 * Write n bytes to f according to its buffering mode; 0 or EOF.  A
 * line-buffered stream sends out everything up to the last newline and
 * keeps the rest (an unfinished line) in the buffer.
 */
static int put_bytes(FILE *f, const char *p, size_t n)
{
    if (stdio_to_write(f) == EOF)
        return EOF;
    if (f->mode == _IONBF)
        return stdio_write_all(f, p, n);
    if (f->mode == _IOLBF) {
        const char *nl = memrchr(p, '\n', n);
        if (nl) {
            size_t lines = (size_t)(nl - p) + 1;
            if (buffer_bytes(f, p, lines) == EOF || stdio_flush(f) == EOF)
                return EOF;
            p += lines;
            n -= lines;
        }
    }
    return buffer_bytes(f, p, n);
}

size_t fwrite(const void *buf, size_t size, size_t n, FILE *f)
{
    if (size == 0 || n == 0)
        return 0;
    return put_bytes(f, buf, size * n) == EOF ? 0 : n;
}

int fputc(int c, FILE *f)
{
    char ch = (char)c;

    /* Fast path: room in a buffer that is already writing. */
    if (f->writing && f->mode == _IOFBF && f->pos + 1 < f->size) {
        f->buf[f->pos++] = ch;
        return (unsigned char)ch;
    }
    return put_bytes(f, &ch, 1) == EOF ? EOF : (unsigned char)ch;
}

int putc(int c, FILE *f)
{
    return fputc(c, f);
}

int putchar(int c)
{
    return fputc(c, stdout);
}

int fputs(const char *s, FILE *f)
{
    return put_bytes(f, s, strlen(s)) == EOF ? EOF : 0;
}

int puts(const char *s)
{
    if (fputs(s, stdout) == EOF || fputc('\n', stdout) == EOF)
        return EOF;
    return 0;
}
