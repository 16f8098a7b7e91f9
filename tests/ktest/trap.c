/*
 * Self-tests of the trap layer: exceptions reach the installed handler with
 * the right frame, the timer interrupt ticks, symbols resolve, and (run by
 * name only) a deliberate kernel fault panics with a symbolised backtrace.
 */
#include "kernel/cpu.h"
#include "kernel/ksyms.h"
#include "kernel/ktest.h"
#include "kernel/pit.h"
#include "kernel/string.h"
#include "kernel/trap.h"

static volatile int hits;
static volatile uint32_t seen_trapno, seen_eax;

static bool skip_ud2(struct trapframe *tf)
{
    hits++;
    seen_trapno = tf->trapno;
    seen_eax = tf->eax;
    tf->eip += 2;               /* ud2 is two bytes: resume after it */
    return true;
}

KTEST(trap_invalid_opcode_reaches_handler)
{
    hits = 0;
    trap_install(T_INVALID_OP, skip_ud2);
    __asm__ volatile("mov $0x1234abcd, %%eax; ud2" ::: "eax");
    trap_install(T_INVALID_OP, NULL);
    KT_EQ(hits, 1);
    KT_EQ(seen_trapno, T_INVALID_OP);
    KT_EQ(seen_eax, 0x1234abcd);
}

static bool count_breakpoint(struct trapframe *tf)
{
    hits++;
    seen_trapno = tf->trapno;
    return true;                /* int3 is a trap: eip is already past it */
}

KTEST(trap_breakpoint_resumes_after)
{
    hits = 0;
    trap_install(T_BREAKPOINT, count_breakpoint);
    __asm__ volatile("int3");
    __asm__ volatile("int3");
    trap_install(T_BREAKPOINT, NULL);
    KT_EQ(hits, 2);
    KT_EQ(seen_trapno, T_BREAKPOINT);
}

KTEST(pit_ticks_advance)
{
    uint64_t start = pit_ticks();
    for (int spins = 0; spins < 1000 && pit_ticks() < start + 5; spins++)
        sti_hlt();
    KT_CHECK(pit_ticks() >= start + 5);
    KT_CHECK(pit_uptime_ns() >= 5ull * pit_tick_ms() * 1000000);
}

void kmain(uint32_t, uint32_t);

KTEST(ksyms_name_functions)
{
    uint32_t off = 0;
    const char *name = ksym_lookup((uint32_t)kmain + 3, &off);
    KT_CHECK(name != NULL);
    KT_CHECK(strcmp(name, "kmain") == 0);
    KT_EQ(off, 3);
    KT_CHECK(ksym_lookup(0x1000, &off) == NULL);
}

/* Two real frames between the test and the fault, for the backtrace.
 * The address comes through a volatile so gcc cannot see it is NULL + 16
 * (where nothing is mapped in the kernel's directory). */
static volatile uint32_t bad_address = 16;

__attribute__((noinline, noclone)) void ktest_panic_inner(void)
{
    *(volatile uint32_t *)bad_address = 0xdead;
}

__attribute__((noinline, noclone)) void ktest_panic_outer(void)
{
    ktest_panic_inner();
}

KTEST_MANUAL(panic_backtrace)
{
    ktest_panic_outer();
}

/* Unbounded recursion on the kernel stack: it must run into the guard
 * page below the stack and end in a double-fault panic that says so. */
#pragma GCC diagnostic ignored "-Winfinite-recursion"
__attribute__((noinline)) static int ktest_recurse(volatile int depth)
{
    volatile char pad[256];
    pad[0] = (char)depth;
    return ktest_recurse(depth + 1) + pad[0];
}

KTEST_MANUAL(kernel_stack_overflow)
{
    ktest_recurse(0);
}
