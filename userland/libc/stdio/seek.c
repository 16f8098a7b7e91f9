/*
 * Positioning streams.  The stream's position is the fd's offset, minus
 * input read ahead but not consumed, plus output not yet written.
 */
#include <stdio.h>
#include <unistd.h>
#include <errno.h>
#include <limits.h>
#include "userland/libc/stdio/stdio_impl.h"

int fseeko(FILE *f, off_t off, int whence)
{
    if (f->writing) {
        if (stdio_flush(f) == EOF)
            return -1;
    } else {
        if (whence == SEEK_CUR)
            off -= (off_t)(f->len - f->pos);
        f->pos = f->len = 0;
    }
    if (lseek(f->fd, off, whence) < 0)
        return -1;
    f->flags &= ~F_EOF;
    return 0;
}

int fseek(FILE *f, long off, int whence)
{
    return fseeko(f, off, whence);
}

off_t ftello(FILE *f)
{
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0)
        return -1;
    if (f->writing)
        return pos + (off_t)f->pos;
    return pos - (off_t)(f->len - f->pos);
}

long ftell(FILE *f)
{
    off_t pos = ftello(f);
    if (pos > LONG_MAX) {
        errno = EOVERFLOW;
        return -1;
    }
    return (long)pos;
}

void rewind(FILE *f)
{
    fseeko(f, 0, SEEK_SET);
    f->flags &= ~F_ERR;
}
