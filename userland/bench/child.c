/*
 * Reaping children.  The wait status of exit(0) is 0 (Linux packs the
 * exit code in bits 8-15 and a signal number in bits 0-6), so anything
 * else means the child was killed or exited with an error.
 */
#include "userland/bench/child.h"
#include "userland/bench/sys.h"

int reap(long pid, struct timing *timing)
{
    int status = -1;
    long r = syscall4(__NR_wait4, pid, (long)&status, 0, 0);

    if (r != pid)
        return fail(timing, "wait4", r);
    if (status != 0)
        return fail(timing, "child-status", status);
    return 0;
}
