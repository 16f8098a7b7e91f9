/*
 * Moving a stream's buffer to and from its file descriptor, and switching
 * the buffer between reading and writing.
 */
#include <stdio.h>
#include <unistd.h>
#include <errno.h>
#include "userland/libc/stdio/stdio_impl.h"

int stdio_write_all(FILE *f, const void *p, size_t n)
{
    const char *s = p;

    while (n > 0) {
        ssize_t w = write(f->fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            f->flags |= F_ERR;
            return EOF;
        }
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

int stdio_flush(FILE *f)
{
    if (!f->writing || f->pos == 0)
        return 0;
    size_t n = f->pos;
    f->pos = 0;
    return stdio_write_all(f, f->buf, n);
}

int stdio_to_write(FILE *f)
{
    if (!(f->flags & F_WRITE)) {
        f->flags |= F_ERR;
        errno = EBADF;
        return EOF;
    }
    if (!f->writing) {
        /* Input read ahead but not consumed: put the file offset back. */
        if (f->pos < f->len)
            lseek(f->fd, -(off_t)(f->len - f->pos), SEEK_CUR);
        f->pos = f->len = 0;
        f->writing = 1;
    }
    return stdio_setup(f);
}

int stdio_to_read(FILE *f)
{
    if (!(f->flags & F_READ)) {
        f->flags |= F_ERR;
        errno = EBADF;
        return EOF;
    }
    if (f->writing) {
        if (stdio_flush(f) == EOF)
            return EOF;
        f->writing = 0;
        f->pos = f->len = 0;
    }
    return stdio_setup(f);
}

int stdio_refill(FILE *f)
{
    /* A prompt written to a terminal must appear before we wait for input. */
    if (f != stdout && stdout->mode == _IOLBF)
        stdio_flush(stdout);

    f->pos = f->len = 0;
    ssize_t n;
    do {
        n = read(f->fd, f->buf, f->size);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        f->flags |= F_ERR;
        return -1;
    }
    if (n == 0)
        f->flags |= F_EOF;
    f->len = (size_t)n;
    return (int)n;
}
