/*
 * The C side of every trap except system calls.  Exceptions go to the
 * handler an upper layer installed (mm/ handles page faults); what nobody
 * handles becomes, from user mode, a signal (proc/ installs that handler)
 * and, from kernel mode, either a fix-up (a user-memory copy that hit a bad
 * address) or a panic.  IRQs go to their driver.  Before returning to user
 * mode, the return hook runs if an upper layer asked for it by setting
 * trap_return_work (a pending signal, a reschedule).
 */
#include "kernel/trap.h"

#include <stddef.h>

#include "kernel/extable.h"
#include "kernel/panic.h"
#include "kernel/pic.h"

static const char *const names[32] = {
    "Divide error", "Debug", "NMI", "Breakpoint", "Overflow",
    "BOUND range exceeded", "Invalid opcode", "Device not available",
    "Double fault", "Coprocessor segment overrun", "Invalid TSS",
    "Segment not present", "Stack-segment fault", "General protection fault",
    "Page fault", "Reserved", "x87 floating-point error", "Alignment check",
    "Machine check", "SIMD floating-point error", "Virtualization",
    "Control protection",
};

static irq_handler irq_handlers[16];
static trap_handler trap_handlers[32];
static void (*user_fault_handler)(struct trapframe *tf);

static void no_work(struct trapframe *tf)
{
    (void)tf;
}

/* Read by entry.asm on the way out of a system call. */
volatile uint32_t trap_return_work;
void (*trap_return_work_hook)(struct trapframe *tf) = no_work;

const char *trap_name(uint32_t trapno)
{
    return trapno < 32 && names[trapno] ? names[trapno] : NULL;
}

void irq_install(int irq, irq_handler fn)
{
    irq_handlers[irq] = fn;
}

void trap_install(int trapno, trap_handler fn)
{
    trap_handlers[trapno] = fn;
}

void trap_set_user_fault_handler(void (*fn)(struct trapframe *tf))
{
    user_fault_handler = fn;
}

void trap_set_return_hook(void (*fn)(struct trapframe *tf))
{
    trap_return_work_hook = fn ? fn : no_work;
}

extern char trap_return_segs_start[], trap_return_segs_end[];

/* A segment pop on the way out faulted: the selector the user left is no
 * longer valid.  Replace it with the null selector and retry the pop. */
static bool fix_segment_pop(struct trapframe *tf)
{
    if (tf->eip < (uint32_t)trap_return_segs_start ||
        tf->eip >= (uint32_t)trap_return_segs_end)
        return false;
    if (tf->trapno != T_GPF && tf->trapno != T_SEGMENT && tf->trapno != T_STACK)
        return false;
    /* A trap from ring 0 pushes no esp: the interrupted stack continues
     * right where the frame's esp field would be. */
    *(uint32_t *)&tf->esp = 0;
    return true;
}

static void exception(struct trapframe *tf)
{
    trap_handler h = trap_handlers[tf->trapno];
    if (h && h(tf))
        return;
    if (trap_from_user(tf)) {
        if (user_fault_handler) {
            user_fault_handler(tf);
            return;
        }
        panic_trap(tf, "unhandled exception in user mode (no process layer)");
    }
    if (extable_fixup(tf) || fix_segment_pop(tf))
        return;
    panic_trap(tf, "exception in kernel mode");
}

static void interrupt(struct trapframe *tf)
{
    int irq = (int)tf->trapno - T_IRQ0;
    if (pic_is_spurious(irq))
        return;
    /* Acknowledge first: the handler may lead to a switch to another
     * process, and the PIC must be ready for the next tick by then. */
    pic_eoi(irq);
    if (irq_handlers[irq])
        irq_handlers[irq](tf);
}

void trap_dispatch(struct trapframe *tf)
{
    if (tf->trapno < 32)
        exception(tf);
    else if (tf->trapno < 48)
        interrupt(tf);
    else
        panic_trap(tf, "unexpected vector");
    if (trap_from_user(tf) && trap_return_work)
        trap_return_work_hook(tf);
}
