/*
 * The system call table: the one place that wires every layer together.
 * entry.asm indexes syscall_table with eax and calls the handler with the
 * six argument registers as ordinary C arguments.
 */
#ifndef KERNEL_SYSCALL_H
#define KERNEL_SYSCALL_H

#include <stdint.h>

#include "kernel/trap.h"

typedef long (*syscall_fn)(uint32_t, uint32_t, uint32_t, uint32_t, uint32_t, uint32_t);

extern const syscall_fn syscall_table[];
extern const uint32_t syscall_count;

/* The trap frame of the system call in progress (for fork, execve,
 * sigreturn: the calls that read or rewrite the user's registers). */
struct trapframe *syscall_frame(void);

/* Log unimplemented calls once per number (the strace=1 switch). */
void syscall_set_trace(int on);

#endif
