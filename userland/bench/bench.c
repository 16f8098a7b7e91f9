/*
 * bench: measures the kernel operations that matter for a fork-centred
 * Unix, in TSC cycles (guest instructions under QEMU -icount), and prints
 *
 *   BENCH-BEGIN mode=normal|quick
 *   NAME iterations total_cycles cycles_per_op     (one per operation)
 *   ERROR NAME call value                          (instead, if a call failed)
 *   BENCH-END
 *
 * Usage: bench [-q | quick] [-t PATH_OF_BENCH_TINY]
 * Run as init (pid 1), it powers the machine off at the end, so QEMU exits.
 * docs/performance.md defines every operation.
 */
#include "kernel/uapi/reboot.h"
#include "userland/bench/ops.h"
#include "userland/bench/print.h"
#include "userland/bench/sys.h"

#define DEFAULT_TINY_PATH "/bin/bench-tiny"

struct options {
    int quick;
    const char *tiny_path;
};

static int same_text(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

/*
 * Unknown arguments are ignored: Linux hands init the words of its
 * command line that it does not understand itself.
 */
static struct options parse_options(int argc, char **argv)
{
    struct options options = { .quick = 0, .tiny_path = DEFAULT_TINY_PATH };

    for (int i = 1; i < argc; i++) {
        if (same_text(argv[i], "-q") || same_text(argv[i], "quick"))
            options.quick = 1;
        else if (same_text(argv[i], "-t") && i + 1 < argc)
            options.tiny_path = argv[++i];
    }
    return options;
}

static void run_all(const struct options *options)
{
    op_boot_to_user();
    op_null_syscall(options->quick);
    op_fork_exit_wait(options->quick);
    op_cow_fault(options->quick);
    op_fork_exec_wait(options->quick, options->tiny_path);
    op_pipe_round_trip(options->quick);
    op_yield_pair(options->quick);
}

/*
 * init must not exit (Linux panics when it does), so it switches the
 * machine off.  Should that fail, exiting is the only way left; the
 * harness boots Linux with panic=-1 so that even then QEMU stops.
 */
static void power_off(void)
{
    long r = syscall4(__NR_reboot, (long)LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2,
                      (long)LINUX_REBOOT_CMD_POWER_OFF, 0);
    print_error("power_off", "reboot", r);
}

int bench_main(int argc, char **argv)
{
    struct options options = parse_options(argc, argv);

    print_text(options.quick ? "BENCH-BEGIN mode=quick" : "BENCH-BEGIN mode=normal");
    run_all(&options);
    print_text("BENCH-END");

    if (syscall0(__NR_getpid) == 1)
        power_off();
    return print_error_count() == 0 ? 0 : 1;
}
