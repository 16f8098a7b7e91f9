/*
 * Copying between the kernel and user memory.  Every system call that takes
 * a user pointer goes through these: the whole range must lie below
 * USER_TOP (a pointer into or across into the kernel is -EFAULT), and a
 * fault on a page that is unmapped or not writable is -EFAULT through the
 * exception table, never a crash.  Copy-on-write and demand-zero pages are
 * handled on the way by the ordinary page-fault path.
 */
#ifndef MM_UACCESS_H
#define MM_UACCESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* 0 or -EFAULT. */
int copy_from_user(void *dst, const void *usrc, size_t n);
int copy_to_user(void *udst, const void *src, size_t n);
int clear_user(void *udst, size_t n);
/* The string's length, -EFAULT, or -ENAMETOOLONG if no NUL within max-1
 * bytes (dst always holds max bytes at most and is NUL-terminated on
 * success). */
long strncpy_from_user(char *dst, const char *usrc, size_t max);

static inline int get_user_u32(uint32_t *v, const void *usrc)
{
    return copy_from_user(v, usrc, 4);
}

static inline int put_user_u32(void *udst, uint32_t v)
{
    return copy_to_user(udst, &v, 4);
}

/* Whether [p, p+n) lies entirely in user space. */
bool user_range_ok(const void *p, size_t n);

#endif
