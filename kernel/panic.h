/*
 * panic() is for kernel bugs only: it prints the message, the registers
 * (for a trap), a symbolised backtrace, and stops the machine (under QEMU
 * it exits through isa-debug-exit with a failing status).
 */
#ifndef KERNEL_PANIC_H
#define KERNEL_PANIC_H

#include "kernel/trap.h"

__attribute__((noreturn, format(printf, 1, 2))) void panic(const char *fmt, ...);
__attribute__((noreturn)) void panic_trap(struct trapframe *tf, const char *why);

/* Print "  #n function+0xoff" lines walking the frame-pointer chain. */
void backtrace_from(uint32_t eip, uint32_t ebp);

#define KASSERT(cond)                                                     \
    do {                                                                  \
        if (!(cond))                                                      \
            panic("assertion failed: %s (%s:%d)", #cond, __FILE__,        \
                  __LINE__);                                              \
    } while (0)

#endif
