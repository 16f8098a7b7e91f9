/*
 * Every fault of a user instruction becomes the signal Linux i386 gives,
 * for that process alone: the parent sees each child killed by the right
 * signal through wait4, and goes on.
 */
#include <signal.h>

#include "t.h"

static void null_read(void) { (void)*(volatile int *)0; }
static void null_write(void) { *(volatile int *)0 = 1; }
static void kernel_read(void) { (void)*(volatile int *)0xc0100000; }
static void kernel_write(void) { *(volatile int *)0xc0100000 = 1; }
static void kernel_jump(void) { ((void (*)(void))0xc0100000)(); }
static void text_write(void) { *(volatile char *)(void *)text_write = 0; }
static void do_cli(void) { __asm__ volatile("cli"); }
static void do_hlt(void) { __asm__ volatile("hlt"); }
static void do_in(void) { __asm__ volatile("inb $0x60, %%al" ::: "eax"); }
static void do_out(void) { __asm__ volatile("outb %%al, $0x80" ::: "eax"); }
static void do_int0e(void) { __asm__ volatile("int $0x0e"); }
static void do_int80_dpl0(void) { __asm__ volatile("int $0x21"); }
static void do_ud2(void) { __asm__ volatile("ud2"); }
static void do_int3(void) { __asm__ volatile("int3"); }
static volatile int zero;
static void do_div0(void) { __asm__ volatile("divl %0" :: "r"(zero), "a"(1), "d"(0)); }
static void do_bad_segment(void) { __asm__ volatile("mov %0, %%ds" :: "r"(0x10)); }

/* Recursion without end, on purpose: the stack must stop it at 8 MiB. */
#pragma GCC diagnostic ignored "-Winfinite-recursion"
static int recurse(int depth)
{
    volatile char pad[4096];
    pad[0] = (char)depth;
    return recurse(depth + 1) + pad[0];
}

static void stack_overflow(void) { recurse(0); }

struct fault {
    const char *name;
    void (*fn)(void);
    int sig;
};

static const struct fault faults[] = {
    {"NULL read", null_read, SIGSEGV},
    {"NULL write", null_write, SIGSEGV},
    {"kernel read", kernel_read, SIGSEGV},
    {"kernel write", kernel_write, SIGSEGV},
    {"jump into the kernel", kernel_jump, SIGSEGV},
    {"write to own text", text_write, SIGSEGV},
    {"cli", do_cli, SIGSEGV},
    {"hlt", do_hlt, SIGSEGV},
    {"in", do_in, SIGSEGV},
    {"out", do_out, SIGSEGV},
    {"int 0x0e", do_int0e, SIGSEGV},
    {"int 0x21", do_int80_dpl0, SIGSEGV},
    {"ud2", do_ud2, SIGILL},
    {"int3", do_int3, SIGTRAP},
    {"divide by zero", do_div0, SIGFPE},
    {"kernel data segment", do_bad_segment, SIGSEGV},
    {"stack overflow", stack_overflow, SIGSEGV},
};

int main(void)
{
    unsigned long before = free_ram();
    for (unsigned i = 0; i < sizeof faults / sizeof faults[0]; i++) {
        int status = in_child(faults[i].fn);
        printf("%-22s -> %s\n", faults[i].name,
               WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "no signal");
        CHECK(WIFSIGNALED(status));
        CHECK_EQ(WTERMSIG(status), faults[i].sig);
    }
    CHECK(free_ram() + 64 * 1024 >= before);
    pass("faults");
    return 0;
}
