/*
 * The trap frame: what every entry into the kernel (exception, IRQ,
 * int 0x80) leaves on the current kernel stack, lowest address first.
 * kernel/entry.asm builds it; C receives a pointer to it.  The first six
 * fields are the system call arguments in Linux i386 order.
 * `esp` and `ss` exist only when the trap came from ring 3.
 */
#ifndef KERNEL_TRAP_H
#define KERNEL_TRAP_H

#include <stdbool.h>
#include <stdint.h>

struct trapframe {
    uint32_t ebx, ecx, edx, esi, edi, ebp, eax;
    uint32_t ds, es, fs, gs;
    uint32_t trapno, err;
    uint32_t eip, cs, eflags;
    uint32_t esp, ss;               /* only when (cs & 3) == 3 */
};

#define T_DIVIDE     0
#define T_DEBUG      1
#define T_NMI        2
#define T_BREAKPOINT 3
#define T_OVERFLOW   4
#define T_BOUND      5
#define T_INVALID_OP 6
#define T_NO_FPU     7
#define T_DOUBLE     8
#define T_TSS        10
#define T_SEGMENT    11
#define T_STACK      12
#define T_GPF        13
#define T_PAGE_FAULT 14
#define T_FPU        16
#define T_ALIGN      17
#define T_MACHINE    18
#define T_SIMD       19
#define T_IRQ0       32
#define T_SYSCALL    0x80

static inline bool trap_from_user(const struct trapframe *tf)
{
    return (tf->cs & 3) == 3;
}

/* The name of an exception vector ("Page fault"), or NULL. */
const char *trap_name(uint32_t trapno);

/* Called by entry.asm for every trap except int 0x80. */
void trap_dispatch(struct trapframe *tf);

/* Handlers for hardware interrupt lines, installed by the drivers. */
typedef void (*irq_handler)(struct trapframe *tf);
void irq_install(int irq, irq_handler fn);

/* Exception handlers installed by upper layers (page faults by mm/,
 * user faults by proc/).  Returns false if the trap was not handled. */
typedef bool (*trap_handler)(struct trapframe *tf);
void trap_install(int trapno, trap_handler fn);

/* What to do with a trap from user mode nobody handled (proc/ installs the
 * signal sender); and the work to do before returning to user mode. */
void trap_set_user_fault_handler(void (*fn)(struct trapframe *tf));
void trap_set_return_hook(void (*fn)(struct trapframe *tf));

#endif
