/*
 * errno and the conversion of raw kernel results to the C convention.
 * Linux reserves -4095..-1 for errors, so large unsigned results (an mmap
 * address above 2 GiB) are not mistaken for errors.
 */
#include <errno.h>
#include "userland/libc/syscall/syscall.h"

int errno;

long syscall_ret(long ret)
{
    if ((unsigned long)ret > -4096ul) {
        errno = (int)-ret;
        return -1;
    }
    return ret;
}
