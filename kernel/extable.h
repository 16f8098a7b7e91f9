/*
 * The exception table: pairs (instruction that may fault, where to resume).
 * The user-memory copy routines (mm/uaccess.asm) list their loads and
 * stores here; a fault at one of them in kernel mode resumes at the fix-up,
 * which returns -EFAULT, instead of panicking.
 */
#ifndef KERNEL_EXTABLE_H
#define KERNEL_EXTABLE_H

#include <stdbool.h>
#include <stdint.h>

#include "kernel/trap.h"

struct extable_entry {
    uint32_t insn;
    uint32_t fixup;
};

/* If tf->eip is listed, point it at the fix-up and return true. */
bool extable_fixup(struct trapframe *tf);

#endif
