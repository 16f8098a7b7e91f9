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

#include "kernel/cpu.h"
#include "kernel/extable.h"
#include "kernel/gdt.h"
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

/* entry.asm tests the VM flag in the frame of a system call. */
_Static_assert(offsetof(struct trapframe, eflags) == 60, "TF_EFLAGS in entry.asm");

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

/* Cowix has no virtual-8086 mode and never irets into it from ring 0,
 * but QEMU's TCG lets a ring-3 iret set EFLAGS.VM (a real CPU ignores VM
 * there), so user code can get into it.  The trap from there has a 16-bit
 * cs:ip, null data segments, and the CPU's copy of them above esp and ss.
 * Turn it into an ordinary ring-3 frame and make it a SIGSEGV: whatever
 * the process does next happens in protected mode.  (The four extra words
 * stay unused at the top of the kernel stack until the next entry.) */
static void leave_vm86(struct trapframe *tf)
{
    if (!user_fault_handler)
        panic_trap(tf, "trap from virtual-8086 mode");
    tf->eflags &= ~(EFLAGS_VM | EFLAGS_NT | EFLAGS_IOPL);
    tf->cs = SEL_UCODE;
    tf->ss = tf->ds = tf->es = SEL_UDATA;
    tf->fs = tf->gs = 0;
    uint32_t trapno = tf->trapno;
    tf->trapno = T_GPF;                 /* what a real CPU raises instead */
    user_fault_handler(tf);
    tf->trapno = trapno;
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

/* Also called by entry.asm for an int 0x80 from virtual-8086 mode. */
void trap_dispatch(struct trapframe *tf)
{
    bool vm86 = tf->eflags & EFLAGS_VM;
    if (vm86)
        leave_vm86(tf);         /* the trap itself is not served, but an IRQ is */
    if (tf->trapno < 32) {
        if (!vm86)
            exception(tf);
    } else if (tf->trapno < 48) {
        interrupt(tf);
    } else if (!vm86) {
        panic_trap(tf, "unexpected vector");
    }
    if (trap_from_user(tf) && trap_return_work)
        trap_return_work_hook(tf);
}
