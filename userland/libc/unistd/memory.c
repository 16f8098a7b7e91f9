/*
 * The process's memory: the program break (brk/sbrk) and mappings.
 *
 * The brk system call returns the new break, or the old one if it could
 * not move: it never returns -errno, so sbrk compares instead.
 */
#include <unistd.h>
#include <stdarg.h>
#include <errno.h>
#include <sys/mman.h>
#include "userland/libc/syscall/syscall.h"

static char *current_break;

int brk(void *addr)
{
    char *b = (char *)syscall1(__NR_brk, (long)addr);
    current_break = b;
    if (b < (char *)addr) {
        errno = ENOMEM;
        return -1;
    }
    return 0;
}

void *sbrk(intptr_t increment)
{
    if (current_break == NULL)
        current_break = (char *)syscall1(__NR_brk, 0);
    char *old = current_break;
    if (increment != 0 && brk(old + increment) < 0)
        return (void *)-1;
    return old;
}

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
    if (off % MMAP2_UNIT != 0) {
        errno = EINVAL;
        return MAP_FAILED;
    }
    long r = syscall6(__NR_mmap2, (long)addr, (long)len, prot, flags, fd,
                      (long)(off / MMAP2_UNIT));
    return (void *)syscall_ret(r);
}

int munmap(void *addr, size_t len)
{
    return (int)SC2(__NR_munmap, addr, len);
}

int mprotect(void *addr, size_t len, int prot)
{
    return (int)SC3(__NR_mprotect, addr, len, prot);
}

void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    void *new_addr = (flags & MREMAP_FIXED) ? va_arg(ap, void *) : NULL;
    va_end(ap);
    return (void *)SC5(__NR_mremap, old, old_len, new_len, flags, new_addr);
}

int msync(void *addr, size_t len, int flags)
{
    return (int)SC3(__NR_msync, addr, len, flags);
}

int madvise(void *addr, size_t len, int advice)
{
    return (int)SC3(__NR_madvise, addr, len, advice);
}
