/*
 * Filling the IDT with the stubs of kernel/entry.asm.  Exceptions and IRQs
 * use interrupt gates (interrupts off on entry, DPL 0: `int 14` from user
 * mode is a general protection fault, not a fake page fault).  int 0x80 is
 * a trap gate with DPL 3, so system calls run with interrupts on: the timer
 * keeps ticking during a long call.  int3 and into (vectors 3 and 4) are
 * also open to user mode, as on Linux.  Vector 8 is a task gate to the
 * double-fault TSS.
 */
#include "kernel/idt.h"

#include <stdint.h>

#include "kernel/gdt.h"
#include "kernel/trap.h"

#define GATE_INT   0x8e     /* present, DPL 0, 32-bit interrupt gate */
#define GATE_TRAP3 0xef     /* present, DPL 3, 32-bit trap gate */
#define GATE_INT3  0xee     /* present, DPL 3, 32-bit interrupt gate */
#define GATE_TASK  0x85     /* present, DPL 0, task gate */

struct idt_gate {
    uint16_t off_lo, sel;
    uint8_t zero, type;
    uint16_t off_hi;
} __attribute__((packed));

static struct idt_gate idt[256] __attribute__((aligned(8)));

extern uint32_t trap_stubs[48];     /* entry.asm: vectors 0-47 */
void syscall_entry(void);

static void set_gate(int vec, uint32_t handler, uint16_t sel, uint8_t type)
{
    idt[vec].off_lo = handler & 0xffff;
    idt[vec].sel = sel;
    idt[vec].zero = 0;
    idt[vec].type = type;
    idt[vec].off_hi = handler >> 16;
}

void idt_init(void)
{
    for (int v = 0; v < 48; v++)
        set_gate(v, trap_stubs[v], SEL_KCODE, GATE_INT);
    /* int3 and into are meant to be used from user mode (debuggers). */
    set_gate(T_BREAKPOINT, trap_stubs[T_BREAKPOINT], SEL_KCODE, GATE_INT3);
    set_gate(T_OVERFLOW, trap_stubs[T_OVERFLOW], SEL_KCODE, GATE_INT3);
    set_gate(T_DOUBLE, 0, SEL_DF_TSS, GATE_TASK);
    set_gate(T_SYSCALL, (uint32_t)syscall_entry, SEL_KCODE, GATE_TRAP3);

    struct {
        uint16_t limit;
        uint32_t base;
    } __attribute__((packed)) idtr = {sizeof idt - 1, (uint32_t)idt};
    __asm__ volatile("lidt %0" : : "m"(idtr));
}
