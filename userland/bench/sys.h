/*
 * How bench talks to the kernel: the libc's inline int 0x80 helpers
 * (syscall0..syscall5, and syscall6 from its syscall6.S, linked in) with
 * the Linux i386 call numbers of kernel/uapi, and nothing else of the
 * libc, so that the instructions between two TSC reads are only the loop,
 * the int 0x80 and the kernel's work, and the same binary runs unchanged
 * on Cowix and on Linux.  Results are raw: a value, or -errno.
 */
#ifndef USERLAND_BENCH_SYS_H
#define USERLAND_BENCH_SYS_H

#include <stdint.h>

#include "kernel/uapi/syscall.h"
#include "userland/libc/syscall/syscall.h"

static inline _Noreturn void sys_exit(int status)
{
    syscall1(__NR_exit, status);
    __builtin_unreachable();
}

/*
 * Read the TSC.  Under QEMU with -icount shift=0 it counts guest
 * instructions, so a difference of two reads is an instruction count.
 * No serialising fence: TCG executes in order, and on real hardware the
 * loops are long enough for a few cycles of skew not to matter.
 */
static inline uint64_t rdtsc(void)
{
    uint32_t lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

#endif
