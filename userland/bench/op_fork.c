/*
 * Creating processes: fork + exit + wait with more and more touched
 * memory in the parent (the series shows how fork's cost grows with the
 * address space it must share), and fork + exec + wait of a tiny program.
 */
#include "userland/bench/child.h"
#include "userland/bench/memory.h"
#include "userland/bench/ops.h"
#include "userland/bench/sys.h"
#include "userland/bench/timing.h"

/* One point of the series: the parent has `mib` MiB of touched memory. */
struct fork_size {
    const char *name;
    uint32_t mib;
    uint32_t few, many; /* iterations in quick and normal mode */
};

static const struct fork_size fork_series[] = {
    { "fork_exit_wait_0MiB", 0, 4, 1000 },
    { "fork_exit_wait_1MiB", 1, 3, 500 },
    { "fork_exit_wait_4MiB", 4, 2, 200 },
    { "fork_exit_wait_16MiB", 16, 2, 50 },
    { "fork_exit_wait_64MiB", 64, 1, 20 },
};

/* What a child runs right after fork; it ends by exit or exec. */
typedef void child_body(const char *argument);

/*
 * The timed loop shared by both operations: fork, let the child run
 * `body`, wait for it.  Returns nonzero (with the failure recorded) if a
 * call failed or a child did not exit(0).
 */
static int time_fork_and_wait(struct timing *timing, child_body *body,
                              const char *argument)
{
    uint64_t start = rdtsc();
    for (uint32_t i = 0; i < timing->iterations; i++) {
        long pid = syscall0(__NR_fork);
        if (pid == 0) {
            body(argument);
            sys_exit(127); /* not reached */
        }
        if (pid < 0)
            return fail(timing, "fork", pid);
        if (reap(pid, timing))
            return 1;
    }
    timing->cycles = rdtsc() - start;
    return 0;
}

static void exit_at_once(const char *unused)
{
    (void)unused;
    sys_exit(0);
}

void op_fork_exit_wait(int quick)
{
    for (unsigned i = 0; i < sizeof fork_series / sizeof fork_series[0]; i++) {
        const struct fork_size *size = &fork_series[i];
        struct timing timing = {
            .iterations = iterations_for(quick, size->few, size->many),
        };
        uint32_t bytes = size->mib * MIB;
        long region = region_touch(bytes);

        if (region_failed(region)) {
            fail(&timing, "mmap2", region);
        } else {
            time_fork_and_wait(&timing, exit_at_once, 0);
            region_release(region, bytes);
        }
        timing_report(size->name, &timing);
    }
}

/* Become the tiny program, or exit 127 if exec fails. */
static void exec_tiny(const char *path)
{
    char *argv[] = { (char *)path, 0 };
    char *envp[] = { 0 };

    syscall3(__NR_execve, (long)path, (long)argv, (long)envp);
    sys_exit(127);
}

void op_fork_exec_wait(int quick, const char *tiny_path)
{
    struct timing timing = { .iterations = iterations_for(quick, 3, 200) };

    time_fork_and_wait(&timing, exec_tiny, tiny_path);
    timing_report("fork_exec_wait", &timing);
}
