/*
 * File descriptor system calls: opening, reading, writing, seeking,
 * duplicating, pipes, fcntl and ioctl.  Offsets are 64-bit (off_t), so
 * lseek uses _llseek and pread/ftruncate the *64 calls, which take the
 * offset as two 32-bit halves, low half first.
 */
#include <unistd.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <sys/uio.h>
#include "userland/libc/syscall/syscall.h"

#define LOW(off)  ((long)(uint32_t)(off))
#define HIGH(off) ((long)(uint32_t)((uint64_t)(off) >> 32))

/* The mode argument exists only when a file may be created. */
static mode_t mode_arg(int flags, va_list ap)
{
    if (flags & O_CREAT)
        return va_arg(ap, mode_t);
    return 0;
}

int open(const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    return (int)SC3(__NR_open, path, flags | O_LARGEFILE, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    mode_t mode = mode_arg(flags, ap);
    va_end(ap);
    return (int)SC4(__NR_openat, dirfd, path, flags | O_LARGEFILE, mode);
}

int creat(const char *path, mode_t mode)
{
    return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

ssize_t read(int fd, void *buf, size_t n)
{
    return SC3(__NR_read, fd, buf, n);
}

ssize_t write(int fd, const void *buf, size_t n)
{
    return SC3(__NR_write, fd, buf, n);
}

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
    return SC5(__NR_pread64, fd, buf, n, LOW(off), HIGH(off));
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
    return SC5(__NR_pwrite64, fd, buf, n, LOW(off), HIGH(off));
}

ssize_t readv(int fd, const struct iovec *iov, int count)
{
    return SC3(__NR_readv, fd, iov, count);
}

ssize_t writev(int fd, const struct iovec *iov, int count)
{
    return SC3(__NR_writev, fd, iov, count);
}

int close(int fd)
{
    return (int)SC1(__NR_close, fd);
}

off_t lseek(int fd, off_t off, int whence)
{
    off_t result;
    if (SC5(__NR__llseek, fd, HIGH(off), LOW(off), &result, whence) < 0)
        return -1;
    return result;
}

int dup(int fd)
{
    return (int)SC1(__NR_dup, fd);
}

int dup2(int fd, int newfd)
{
    return (int)SC2(__NR_dup2, fd, newfd);
}

int dup3(int fd, int newfd, int flags)
{
    return (int)SC3(__NR_dup3, fd, newfd, flags);
}

int pipe(int fds[2])
{
    return (int)SC1(__NR_pipe, fds);
}

int pipe2(int fds[2], int flags)
{
    return (int)SC2(__NR_pipe2, fds, flags);
}

int fsync(int fd)
{
    return (int)SC1(__NR_fsync, fd);
}

void sync(void)
{
    syscall0(__NR_sync);
}

int ftruncate(int fd, off_t len)
{
    return (int)SC3(__NR_ftruncate64, fd, LOW(len), HIGH(len));
}

int truncate(const char *path, off_t len)
{
    return (int)SC3(__NR_truncate64, path, LOW(len), HIGH(len));
}

/* fcntl's third argument is an int or a pointer: pass it on as a long. */
int fcntl(int fd, int cmd, ...)
{
    va_list ap;
    va_start(ap, cmd);
    long arg = va_arg(ap, long);
    va_end(ap);
    return (int)SC3(__NR_fcntl64, fd, cmd, arg);
}

int ioctl(int fd, unsigned long request, ...)
{
    va_list ap;
    va_start(ap, request);
    long arg = va_arg(ap, long);
    va_end(ap);
    return (int)SC3(__NR_ioctl, fd, request, arg);
}
