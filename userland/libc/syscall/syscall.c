/*
 * syscall(): call the kernel by number from C, for calls the libc does not
 * wrap.  Always passes six arguments; the kernel ignores the extra ones.
 */
#include <stdarg.h>
#include <unistd.h>
#include "userland/libc/syscall/syscall.h"

long syscall(long n, ...)
{
    va_list ap;
    long a[6];

    va_start(ap, n);
    for (int i = 0; i < 6; i++)
        a[i] = va_arg(ap, long);
    va_end(ap);
    return syscall_ret(syscall6(n, a[0], a[1], a[2], a[3], a[4], a[5]));
}
