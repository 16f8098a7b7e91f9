/*
 * The copy-on-write fault.  The parent touches a region, forks, and the
 * child writes one byte in each page: every write finds a page shared
 * with the parent and read-only, so the kernel must copy it (or, in a
 * kernel without copy-on-write, fork copied it already and the writes
 * are free).  The child times its own writes and sends the cycle count
 * to the parent through a pipe.
 */
#include "userland/bench/child.h"
#include "userland/bench/memory.h"
#include "userland/bench/ops.h"
#include "userland/bench/sys.h"
#include "userland/bench/timing.h"

/* In the child: fault every page once, report the time, exit. */
static _Noreturn void write_every_page(long region, uint32_t pages, long pipe_out)
{
    volatile char *bytes = (volatile char *)region;

    uint64_t start = rdtsc();
    for (uint32_t page = 0; page < pages; page++)
        bytes[page * PAGE_SIZE] = 2;
    uint64_t cycles = rdtsc() - start;

    long sent = syscall3(__NR_write, pipe_out, (long)&cycles, sizeof cycles);
    sys_exit(sent == sizeof cycles ? 0 : 1);
}

/* One fork whose child faults every page; adds the child's cycles. */
static int cow_round(struct timing *timing, long region, uint32_t pages)
{
    int fds[2];
    long r = syscall1(__NR_pipe, (long)fds);
    if (r < 0)
        return fail(timing, "pipe", r);

    long pid = syscall0(__NR_fork);
    if (pid == 0)
        write_every_page(region, pages, fds[1]);
    syscall1(__NR_close, fds[1]);

    uint64_t cycles = 0;
    long received = pid < 0 ? 0 : syscall3(__NR_read, fds[0], (long)&cycles, sizeof cycles);
    syscall1(__NR_close, fds[0]);
    if (pid < 0)
        return fail(timing, "fork", pid);
    if (reap(pid, timing))
        return 1;
    if (received != sizeof cycles)
        return fail(timing, "read", received);

    timing->cycles += cycles;
    return 0;
}

void op_cow_fault(int quick)
{
    uint32_t pages = iterations_for(quick, 64, 4096); /* 16 MiB normally */
    uint32_t rounds = iterations_for(quick, 1, 4);
    struct timing timing = { .iterations = pages * rounds };
    long region = region_touch(pages * PAGE_SIZE);

    if (region_failed(region)) {
        fail(&timing, "mmap2", region);
    } else {
        for (uint32_t round = 0; round < rounds; round++)
            if (cow_round(&timing, region, pages))
                break;
        region_release(region, pages * PAGE_SIZE);
    }
    timing_report("cow_fault_page", &timing);
}
