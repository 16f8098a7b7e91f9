/*
 * The cheapest things a kernel does for a process: enter it for the first
 * time (boot_to_user) and enter and leave it with nothing to do
 * (null_syscall).
 */
#include "userland/bench/ops.h"
#include "userland/bench/print.h"
#include "userland/bench/sys.h"
#include "userland/bench/timing.h"

/* Written by _start (start.asm) with its very first instruction. */
extern uint64_t boot_tsc;

/*
 * The TSC at the first instruction of _start.  When bench is init this is
 * the time from power-on to the first user instruction; otherwise it is
 * just the TSC at our start and means nothing.
 */
void op_boot_to_user(void)
{
    print_result("boot_to_user", 1, boot_tsc);
}

/* getppid: a system call that only reads one field of the process. */
void op_null_syscall(int quick)
{
    struct timing timing = { .iterations = iterations_for(quick, 100, 100000) };

    uint64_t start = rdtsc();
    for (uint32_t i = 0; i < timing.iterations; i++)
        syscall0(__NR_getppid);
    timing.cycles = rdtsc() - start;

    timing_report("null_syscall", &timing);
}
