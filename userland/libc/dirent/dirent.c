/*
 * Directory streams on getdents64.  A DIR holds one buffer of the
 * kernel's variable-length records; readdir hands out pointers into it
 * (struct dirent has the record's layout) and refills it when used up.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include <stddef.h>
#include "userland/libc/syscall/syscall.h"

_Static_assert(offsetof(struct dirent, d_reclen) ==
               offsetof(struct linux_dirent64, d_reclen), "dirent layout");
_Static_assert(offsetof(struct dirent, d_type) ==
               offsetof(struct linux_dirent64, d_type), "dirent layout");
_Static_assert(offsetof(struct dirent, d_name) ==
               offsetof(struct linux_dirent64, d_name), "dirent layout");

struct dir {
    int fd;
    size_t pos;             /* next record in buf */
    size_t len;             /* bytes of records in buf */
    _Alignas(8) char buf[4096];
};

DIR *fdopendir(int fd)
{
    DIR *d = malloc(sizeof *d);
    if (d) {
        d->fd = fd;
        d->pos = d->len = 0;
    }
    return d;
}

DIR *opendir(const char *path)
{
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    DIR *d = fdopendir(fd);
    if (!d)
        close(fd);
    return d;
}

struct dirent *readdir(DIR *d)
{
    if (d->pos >= d->len) {
        long n = SC3(__NR_getdents64, d->fd, d->buf, sizeof d->buf);
        if (n <= 0)
            return NULL;            /* end of directory (0) or error */
        d->len = (size_t)n;
        d->pos = 0;
    }
    struct dirent *e = (struct dirent *)(d->buf + d->pos);
    d->pos += e->d_reclen;
    return e;
}

void rewinddir(DIR *d)
{
    lseek(d->fd, 0, SEEK_SET);
    d->pos = d->len = 0;
}

int closedir(DIR *d)
{
    int r = close(d->fd);
    free(d);
    return r;
}

int dirfd(DIR *d)
{
    return d->fd;
}
