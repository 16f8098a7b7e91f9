/*
 * Range checks around the faulting copy loops of uaccess.asm.
 */
#include "mm/uaccess.h"

#include "kernel/layout.h"
#include "kernel/uapi/errno.h"

int uaccess_copy(void *dst, const void *src, uint32_t n);
int uaccess_clear(void *dst, uint32_t n);
int uaccess_strncpy(char *dst, const char *src, uint32_t max);

bool user_range_ok(const void *p, size_t n)
{
    uint32_t a = (uint32_t)p;
    return a < USER_TOP && n <= USER_TOP - a;
}

int copy_from_user(void *dst, const void *usrc, size_t n)
{
    if (!user_range_ok(usrc, n))
        return -EFAULT;
    return n ? uaccess_copy(dst, usrc, n) : 0;
}

int copy_to_user(void *udst, const void *src, size_t n)
{
    if (!user_range_ok(udst, n))
        return -EFAULT;
    return n ? uaccess_copy(udst, src, n) : 0;
}

int clear_user(void *udst, size_t n)
{
    if (!user_range_ok(udst, n))
        return -EFAULT;
    return n ? uaccess_clear(udst, n) : 0;
}

long strncpy_from_user(char *dst, const char *usrc, size_t max)
{
    uint32_t a = (uint32_t)usrc;
    if (a >= USER_TOP || max == 0)
        return -EFAULT;
    size_t room = USER_TOP - a;
    size_t limit = max < room ? max : room;
    int n = uaccess_strncpy(dst, usrc, limit);
    if (n < 0)
        return n;
    if ((size_t)n < limit)
        return n;
    dst[max - 1] = 0;
    return limit < max ? -EFAULT : -ENAMETOOLONG;   /* ran into the kernel */
}
