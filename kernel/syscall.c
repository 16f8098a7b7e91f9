/*
 * The system call table, indexed by Linux i386 syscall number.  Numbers
 * with no entry return -ENOSYS (and, with strace=1, are logged once).
 */
#include "kernel/syscall.h"

#include "kernel/console.h"
#include "kernel/gdt.h"
#include "kernel/uapi/errno.h"

static int trace;
static uint8_t logged[512];

/* The frame entry.asm built on this process's kernel stack: a trap from
 * user mode fills the stack exactly up to esp0. */
struct trapframe *syscall_frame(void)
{
    return (struct trapframe *)(tss_kernel_stack() - sizeof(struct trapframe));
}

static long log_unimplemented(uint32_t nr)
{
    if (trace && nr < sizeof logged && !logged[nr]) {
        logged[nr] = 1;
        kprintf("strace: unimplemented system call %u\n", nr);
    }
    return -ENOSYS;
}

static long sys_ni(void)
{
    return log_unimplemented(syscall_frame()->eax);
}

/* Called by entry.asm for numbers beyond the table (and negative ones). */
long syscall_unknown(struct trapframe *tf)
{
    return log_unimplemented(tf->eax);
}

/* The double cast tells gcc the differing signatures are intended: each
 * handler takes only the arguments it uses. */
#define SYS(nr, fn) [nr] = (syscall_fn)(void (*)(void))(fn)
#define NR_SYSCALLS 450

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
const syscall_fn syscall_table[NR_SYSCALLS] = {
    [0 ... NR_SYSCALLS - 1] = (syscall_fn)(void (*)(void))sys_ni,
};
#pragma GCC diagnostic pop

const uint32_t syscall_count = sizeof syscall_table / sizeof syscall_table[0];

void syscall_set_trace(int on)
{
    trace = on;
}
