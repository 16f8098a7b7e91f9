/*
 * Kernel panics and backtraces.  A backtrace follows the saved-ebp chain
 * (the kernel is built with frame pointers) and stays inside the stack the
 * chain started on, so a corrupt frame ends the trace instead of causing a
 * second fault.
 */
#include "kernel/panic.h"

#include <stdarg.h>

#include "kernel/console.h"
#include "kernel/cpu.h"
#include "kernel/format.h"
#include "kernel/ksyms.h"
#include "kernel/layout.h"
#include "kernel/power.h"
#include "kernel/tss.h"
#include "kernel/gdt.h"

#define KSTACK_SLOT KSTACK_SLOT_SIZE
#define MAX_FRAMES 24

extern char boot_stack_top[];
static int panicking;

static void print_frame(int n, uint32_t eip)
{
    uint32_t off;
    const char *name = ksym_lookup(eip, &off);
    if (name)
        kprintf("  #%d %08x %s+0x%x\n", n, eip, name, off);
    else
        kprintf("  #%d %08x ?\n", n, eip);
}

/* The stack ebp lives on: a kernel stack slot or the boot stack. */
static void stack_bounds(uint32_t ebp, uint32_t *lo, uint32_t *hi)
{
    uint32_t boot_top = (uint32_t)boot_stack_top;
    if (ebp >= KSTACK_AREA && ebp < KSTACK_AREA_END) {
        uint32_t slot = ebp & ~(KSTACK_SLOT - 1);
        *lo = slot + KSTACK_SLOT / 2;
        *hi = slot + KSTACK_SLOT;
    } else if (ebp < boot_top && ebp >= boot_top - 16384) {
        *lo = boot_top - 16384;
        *hi = boot_top;
    } else {
        *lo = *hi = 0;
    }
}

static void walk_frames(int n, uint32_t ebp)
{
    uint32_t lo, hi;
    stack_bounds(ebp, &lo, &hi);
    for (; n < MAX_FRAMES; n++) {
        if (ebp < lo || ebp + 8 > hi || (ebp & 3))
            break;
        uint32_t ret = ((uint32_t *)ebp)[1];
        uint32_t next = ((uint32_t *)ebp)[0];
        if (!ret)
            break;
        print_frame(n, ret);
        if (next <= ebp)
            break;
        ebp = next;
    }
}

void backtrace_from(uint32_t eip, uint32_t ebp)
{
    kprintf("Backtrace:\n");
    print_frame(0, eip);
    walk_frames(1, ebp);
}

/* gcc gives small leaf functions no frame even with frame pointers on:
 * then ebp is still the caller's, and the caller's return address is on
 * top of the stack.  Recognise that case by the missing `push %ebp;
 * mov %esp,%ebp` prologue and a return address right after a call. */
static bool frameless_at(uint32_t eip)
{
    uint32_t off;
    if (!ksym_lookup(eip, &off))
        return false;
    const uint8_t *start = (const uint8_t *)(eip - off);
    bool prologue = start[0] == 0x55 && start[1] == 0x89 && start[2] == 0xe5;
    return !prologue || off < 3;
}

static bool after_call(uint32_t ret)
{
    uint32_t off;
    return ksym_lookup(ret, &off) && off >= 5 && ((const uint8_t *)ret)[-5] == 0xe8;
}

static void backtrace_trap(const struct trapframe *tf)
{
    kprintf("Backtrace:\n");
    print_frame(0, tf->eip);
    int n = 1;
    uint32_t top = *(const uint32_t *)&tf->esp;  /* interrupted stack's top */
    if (!trap_from_user(tf) && frameless_at(tf->eip) && after_call(top))
        print_frame(n++, top);
    walk_frames(n, tf->ebp);
}

__attribute__((noreturn)) static void stop(void)
{
    kprintf("System halted.\n");
    power_exit_qemu(QEMU_EXIT_PANIC);
    for (;;) {
        cli();
        hlt();
    }
}

/* A panic inside a panic would only scroll the first one away. */
static void enter_panic(void)
{
    cli();
    if (panicking++) {
        kprintf("\nnested panic\n");
        stop();
    }
}

void panic(const char *fmt, ...)
{
    enter_panic();
    va_list ap;
    va_start(ap, fmt);
    char msg[256];
    kvsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    kprintf("\nKernel panic: %s\n", msg);
    uint32_t ebp;
    __asm__ volatile("mov %%ebp, %0" : "=r"(ebp));
    backtrace_from((uint32_t)__builtin_return_address(0), ((uint32_t *)ebp)[0]);
    stop();
}

static void print_registers(const struct trapframe *tf)
{
    kprintf("eax=%08x ebx=%08x ecx=%08x edx=%08x\n", tf->eax, tf->ebx, tf->ecx, tf->edx);
    kprintf("esi=%08x edi=%08x ebp=%08x esp=%08x\n", tf->esi, tf->edi, tf->ebp,
            trap_from_user(tf) ? tf->esp : (uint32_t)&tf->esp);
    kprintf("eip=%08x cs=%04x eflags=%08x ds=%04x es=%04x fs=%04x gs=%04x\n",
            tf->eip, tf->cs, tf->eflags, tf->ds, tf->es, tf->fs, tf->gs);
    kprintf("cr0=%08x cr2=%08x cr3=%08x cr4=%08x\n", read_cr0(), read_cr2(),
            read_cr3(), read_cr4());
}

void panic_trap(struct trapframe *tf, const char *why)
{
    enter_panic();
    const char *name = trap_name(tf->trapno);
    kprintf("\nKernel panic: %s: %s (vector %u), error code 0x%x\n", why,
            name ? name : "?", tf->trapno, tf->err);
    if (tf->trapno == T_PAGE_FAULT)
        kprintf("page fault at address %08x (%s, %s, %s)\n", read_cr2(),
                tf->err & 1 ? "protection" : "not present",
                tf->err & 2 ? "write" : "read", tf->err & 4 ? "user" : "kernel");
    print_registers(tf);
    backtrace_trap(tf);
    stop();
}

/* Entered through the double-fault task gate, on its own stack.  The state
 * of the code that faulted is in the main TSS, saved by the task switch. */
void double_fault_task(void)
{
    const struct tss *t = gdt_main_tss();
    enter_panic();
    kprintf("\nKernel panic: double fault (kernel stack overflow?)\n");
    kprintf("eip=%08x esp=%08x ebp=%08x cr2=%08x\n", t->eip, t->esp, t->ebp,
            read_cr2());
    if (t->esp >= KSTACK_AREA && t->esp < KSTACK_AREA_END &&
        (t->esp & (KSTACK_SLOT - 1)) < KSTACK_SLOT / 2 + 64)
        kprintf("the kernel stack ran into its guard page\n");
    backtrace_from(t->eip, t->ebp);
    stop();
}
