/*
 * The one door into the kernel: `int 0x80` with the call number in eax and
 * up to six arguments in ebx, ecx, edx, esi, edi, ebp.  The kernel returns
 * the result in eax, or -errno (a value in -4095..-1) on failure.
 *
 * syscall0..syscall5 are inline: the compiler loads the registers straight
 * from where the arguments already are.  syscall6 needs ebp, which the
 * compiler may be using as a frame pointer, so it lives in syscall6.S.
 *
 * These return the raw kernel result; syscall_ret() turns it into the C
 * convention (-1 and errno).
 */
#ifndef USERLAND_LIBC_SYSCALL_H
#define USERLAND_LIBC_SYSCALL_H

#include <kernel/uapi/syscall.h>

static inline long syscall0(long n)
{
    long ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(n) : "memory");
    return ret;
}

static inline long syscall1(long n, long a)
{
    long ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(n), "b"(a) : "memory");
    return ret;
}

static inline long syscall2(long n, long a, long b)
{
    long ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(n), "b"(a), "c"(b)
                     : "memory");
    return ret;
}

static inline long syscall3(long n, long a, long b, long c)
{
    long ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(n), "b"(a), "c"(b), "d"(c)
                     : "memory");
    return ret;
}

static inline long syscall4(long n, long a, long b, long c, long d)
{
    long ret;
    __asm__ volatile("int $0x80" : "=a"(ret)
                     : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d) : "memory");
    return ret;
}

static inline long syscall5(long n, long a, long b, long c, long d, long e)
{
    long ret;
    __asm__ volatile("int $0x80" : "=a"(ret)
                     : "a"(n), "b"(a), "c"(b), "d"(c), "S"(d), "D"(e)
                     : "memory");
    return ret;
}

long syscall6(long n, long a, long b, long c, long d, long e, long f);

/* Kernel result -> C result: -errno becomes -1 with errno set. */
long syscall_ret(long ret);

/* Shorthands for wrappers whose arguments are pointers or ints. */
#define SC0(n)                syscall_ret(syscall0(n))
#define SC1(n, a)             syscall_ret(syscall1(n, (long)(a)))
#define SC2(n, a, b)          syscall_ret(syscall2(n, (long)(a), (long)(b)))
#define SC3(n, a, b, c)       syscall_ret(syscall3(n, (long)(a), (long)(b), (long)(c)))
#define SC4(n, a, b, c, d)    syscall_ret(syscall4(n, (long)(a), (long)(b), \
                                                   (long)(c), (long)(d)))
#define SC5(n, a, b, c, d, e) syscall_ret(syscall5(n, (long)(a), (long)(b), \
                                                   (long)(c), (long)(d), (long)(e)))

#endif
