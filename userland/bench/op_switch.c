/*
 * Switching between two processes, through the kernel's two ways of
 * giving up the CPU: blocking on a pipe (pipe_round_trip) and yielding
 * it (yield_pair).  Each op forks one partner process; the parent times.
 */
#include "userland/bench/child.h"
#include "userland/bench/ops.h"
#include "userland/bench/sys.h"
#include "userland/bench/timing.h"

/* In the partner: send back every byte received, until end of file. */
static _Noreturn void echo(long in, long out)
{
    char byte;

    while (syscall3(__NR_read, in, (long)&byte, 1) == 1)
        if (syscall3(__NR_write, out, (long)&byte, 1) != 1)
            sys_exit(1);
    sys_exit(0);
}

/* One byte to the partner and back: two switches, two reads, two writes. */
static long round_trip(long out, long in)
{
    char byte = 'x';

    syscall3(__NR_write, out, (long)&byte, 1);
    return syscall3(__NR_read, in, (long)&byte, 1);
}

/* Time the round trips; the first one, untimed, makes sure the partner runs. */
static int time_round_trips(struct timing *timing, long out, long in)
{
    long r = round_trip(out, in);
    if (r != 1)
        return fail(timing, "read", r);

    uint64_t start = rdtsc();
    for (uint32_t i = 0; i < timing->iterations; i++)
        if ((r = round_trip(out, in)) != 1)
            return fail(timing, "read", r);
    timing->cycles = rdtsc() - start;
    return 0;
}

void op_pipe_round_trip(int quick)
{
    struct timing timing = { .iterations = iterations_for(quick, 10, 5000) };
    int down[2], up[2]; /* parent -> partner, partner -> parent */
    long r;

    if ((r = syscall1(__NR_pipe, (long)down)) < 0 || (r = syscall1(__NR_pipe, (long)up)) < 0) {
        fail(&timing, "pipe", r);
        timing_report("pipe_round_trip", &timing);
        return;
    }

    long pid = syscall0(__NR_fork);
    if (pid == 0) {
        syscall1(__NR_close, down[1]); /* else the partner never sees end of file */
        syscall1(__NR_close, up[0]);
        echo(down[0], up[1]);
    }
    syscall1(__NR_close, down[0]);
    syscall1(__NR_close, up[1]);

    if (pid < 0)
        fail(&timing, "fork", pid);
    else
        time_round_trips(&timing, down[1], up[0]);

    syscall1(__NR_close, down[1]); /* end of file: the partner exits */
    syscall1(__NR_close, up[0]);
    if (pid > 0)
        reap(pid, &timing);
    timing_report("pipe_round_trip", &timing);
}

/*
 * In the partner: say it is running, then yield `count` times.  The
 * partner yields more often than the parent (twice its warm-up and timed
 * loops, plus a margin) so that it stays runnable for the whole timed
 * loop even if the scheduler does not strictly alternate; the partner's
 * untimed tail runs alone after the parent is done.
 */
static _Noreturn void yield_partner(long ready_out, uint32_t count)
{
    char byte = 'r';

    syscall3(__NR_write, ready_out, (long)&byte, 1);
    for (uint32_t i = 0; i < count; i++)
        syscall0(__NR_sched_yield);
    sys_exit(0);
}

/*
 * Warm up first: Linux's CFS starts a new child a time slice ahead in
 * virtual run time and lets the parent run on through its yields until it
 * has caught up; only then do the two alternate.  The timed loop measures
 * that steady state.
 */
static void time_yields(struct timing *timing)
{
    for (uint32_t i = 0; i < timing->iterations; i++)
        syscall0(__NR_sched_yield);

    uint64_t start = rdtsc();
    for (uint32_t i = 0; i < timing->iterations; i++)
        syscall0(__NR_sched_yield);
    timing->cycles = rdtsc() - start;
}

void op_yield_pair(int quick)
{
    struct timing timing = { .iterations = iterations_for(quick, 10, 10000) };
    int ready[2];
    long r = syscall1(__NR_pipe, (long)ready);

    if (r < 0) {
        fail(&timing, "pipe", r);
        timing_report("yield_pair", &timing);
        return;
    }

    long pid = syscall0(__NR_fork);
    if (pid == 0)
        yield_partner(ready[1], 4 * timing.iterations + 64);

    char byte;
    if (pid < 0) {
        fail(&timing, "fork", pid);
    } else if ((r = syscall3(__NR_read, ready[0], (long)&byte, 1)) != 1) {
        fail(&timing, "read", r);
    } else {
        time_yields(&timing);
    }
    syscall1(__NR_close, ready[0]);
    syscall1(__NR_close, ready[1]);
    if (pid > 0)
        reap(pid, &timing);
    timing_report("yield_pair", &timing);
}
