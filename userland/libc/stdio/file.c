/*
 * Stream objects: the three standard streams, opening and closing
 * streams, and their buffering mode.
 */
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <unistd.h>
#include <errno.h>
#include "userland/libc/stdio/stdio_impl.h"

static unsigned char stdin_buf[BUFSIZ], stdout_buf[BUFSIZ];

static struct file std_files[3] = {
    {.fd = 0, .flags = F_READ, .mode = _IOLBF, .buf = stdin_buf,
     .size = BUFSIZ, .next = &std_files[1]},
    {.fd = 1, .flags = F_WRITE, .mode = MODE_AUTO, .buf = stdout_buf,
     .size = BUFSIZ, .writing = 1, .next = &std_files[2]},
    {.fd = 2, .flags = F_WRITE, .mode = _IONBF, .writing = 1},
};

FILE *const stdin = &std_files[0];
FILE *const stdout = &std_files[1];
FILE *const stderr = &std_files[2];

static FILE *open_files = &std_files[0];

void stdio_link(FILE *f)
{
    f->next = open_files;
    open_files = f;
}

void stdio_unlink(FILE *f)
{
    for (FILE **p = &open_files; *p; p = &(*p)->next)
        if (*p == f) {
            *p = f->next;
            return;
        }
}

/* fflush(NULL) flushes every stream open for writing. */
int fflush(FILE *f)
{
    if (f)
        return stdio_flush(f);
    int r = 0;
    for (f = open_files; f; f = f->next)
        if (f->writing && stdio_flush(f) == EOF)
            r = EOF;
    return r;
}

int stdio_setup(FILE *f)
{
    if (f->mode == MODE_AUTO)
        f->mode = isatty(f->fd) ? _IOLBF : _IOFBF;
    if (f->buf == NULL && f->mode != _IONBF) {
        f->buf = malloc(BUFSIZ);
        f->size = BUFSIZ;
        f->flags |= F_FREE_BUF;
        if (f->buf == NULL) {
            f->mode = _IONBF;   /* no memory: still works, unbuffered */
            f->flags &= ~F_FREE_BUF;
        }
    }
    if (f->buf == NULL) {       /* unbuffered: reads still need a byte */
        f->buf = &f->one_byte;
        f->size = 1;
    }
    return 0;
}

int stdio_mode_flags(const char *mode)
{
    int flags;

    switch (*mode++) {
    case 'r': flags = O_RDONLY; break;
    case 'w': flags = O_WRONLY | O_CREAT | O_TRUNC; break;
    case 'a': flags = O_WRONLY | O_CREAT | O_APPEND; break;
    default: return -1;
    }
    for (; *mode; mode++) {
        if (*mode == '+')
            flags = (flags & ~O_ACCMODE) | O_RDWR;
        else if (*mode == 'x')
            flags |= O_EXCL;
        else if (*mode == 'e')
            flags |= O_CLOEXEC;
        else if (*mode != 'b')
            return -1;
    }
    return flags;
}

static FILE *new_stream(int fd, int open_flags)
{
    FILE *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    f->fd = fd;
    f->mode = MODE_AUTO;
    f->flags = F_FREE_FILE;
    if ((open_flags & O_ACCMODE) != O_WRONLY)
        f->flags |= F_READ;
    if ((open_flags & O_ACCMODE) != O_RDONLY)
        f->flags |= F_WRITE;
    stdio_link(f);
    return f;
}

FILE *fdopen(int fd, const char *mode)
{
    int flags = stdio_mode_flags(mode);
    if (flags < 0) {
        errno = EINVAL;
        return NULL;
    }
    return new_stream(fd, flags);
}

FILE *fopen(const char *path, const char *mode)
{
    int flags = stdio_mode_flags(mode);
    if (flags < 0) {
        errno = EINVAL;
        return NULL;
    }
    int fd = open(path, flags, 0666);
    if (fd < 0)
        return NULL;
    FILE *f = new_stream(fd, flags);
    if (!f)
        close(fd);
    return f;
}

/* Flush and close the fd, keeping the FILE (fclose and freopen use it). */
static int close_stream(FILE *f)
{
    int r = stdio_flush(f);
    if (close(f->fd) < 0)
        r = EOF;
    if (f->flags & F_FREE_BUF) {
        free(f->buf);
        f->buf = NULL;
        f->flags &= ~F_FREE_BUF;
    }
    return r;
}

int fclose(FILE *f)
{
    int r = close_stream(f);
    stdio_unlink(f);
    if (f->flags & F_FREE_FILE)
        free(f);
    return r;
}

FILE *freopen(const char *path, const char *mode, FILE *f)
{
    int flags = stdio_mode_flags(mode);
    close_stream(f);
    int fd = flags < 0 ? -1 : open(path, flags, 0666);
    if (fd < 0) {
        fclose(f);
        return NULL;
    }
    f->fd = fd;
    f->flags = (f->flags & (F_FREE_FILE | F_FREE_BUF)) |
               ((flags & O_ACCMODE) != O_WRONLY ? F_READ : 0) |
               ((flags & O_ACCMODE) != O_RDONLY ? F_WRITE : 0);
    f->pos = f->len = 0;
    f->writing = 0;
    return f;
}

/* A NULL buf keeps the stream's current buffer (or gets one later). */
int setvbuf(FILE *f, char *buf, int mode, size_t size)
{
    if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF)
        return -1;
    stdio_flush(f);
    f->pos = f->len = 0;
    f->mode = mode;
    if (buf == NULL && mode != _IONBF && f->buf && f->buf != &f->one_byte)
        return 0;
    if (f->flags & F_FREE_BUF)
        free(f->buf);
    f->flags &= ~F_FREE_BUF;
    f->buf = mode == _IONBF ? NULL : (unsigned char *)buf;
    f->size = f->buf ? size : 0;
    return 0;
}

void setbuf(FILE *f, char *buf)
{
    setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

int fileno(FILE *f)    { return f->fd; }
int feof(FILE *f)      { return (f->flags & F_EOF) != 0; }
int ferror(FILE *f)    { return (f->flags & F_ERR) != 0; }
void clearerr(FILE *f) { f->flags &= ~(F_EOF | F_ERR); }
