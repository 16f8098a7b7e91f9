/*
 * forktest: fork as many children as the system allows.
 *
 * Each child just pauses.  Sooner or later fork fails: the process table
 * is full (EAGAIN) or memory ran out (ENOMEM).  That must be an error
 * returned to the caller, not a crash or a hang.  Then every child is
 * killed and reaped, and sysinfo must show free memory and the process
 * count back where they were; one more fork must work.  The exit status
 * is 0 only if all of that held.
 *
 * Do not run it on a machine you share: it is a fork bomb with manners.
 */
#include <stdlib.h>

#include "userland/demo/demo.h"

#define MAX_CHILDREN 10000

static pid_t children[MAX_CHILDREN];
static int failures;

static void check(int ok, const char *what)
{
    printf("  %-7s %s\n", ok ? "ok:" : "FAILED:", what);
    failures += !ok;
}

/* Fork paused children until fork fails; return how many there are. */
static int fork_until_failure(int *err)
{
    int n = 0;
    fflush(stdout);
    for (;;) {
        if (n == MAX_CHILDREN) {
            *err = 0;
            return n;
        }
        pid_t pid = fork();
        if (pid == 0) {
            for (;;)
                pause();
        }
        if (pid < 0) {
            *err = errno;
            return n;
        }
        children[n++] = pid;
        if (n % 500 == 0) {
            printf("  %5d children, free memory %lu KiB\n", n, mem_now().free / KIB);
            fflush(stdout);
        }
    }
}

/* Kill and reap them all; return how many died of SIGKILL. */
static int kill_and_reap(int n)
{
    int killed = 0;
    for (int i = 0; i < n; i++)
        kill(children[i], SIGKILL);
    for (int i = 0; i < n; i++) {
        int status;
        if (waitpid(children[i], &status, 0) == children[i] && WIFSIGNALED(status) &&
            WTERMSIG(status) == SIGKILL)
            killed++;
    }
    return killed;
}

int main(void)
{
    printf("forktest: how many processes fit?\n");
    memset(children, 0, sizeof children);   /* its pages now count as used */
    struct memfig before = mem_now();
    printf("  before: free memory %lu KiB, %u processes\n", before.free / KIB, before.procs);
    int err;
    int n = fork_until_failure(&err);
    struct memfig full = mem_now();
    printf("  fork failed after %d children: %s (%s)\n", n, strerror(err), errno_name(err));
    printf("  then: free memory %lu KiB, %u processes, %lu KiB per child\n", full.free / KIB,
           full.procs, n ? (before.free - full.free) / KIB / (unsigned long)n : 0);
    check(err == EAGAIN || err == ENOMEM, "the limit is an error (EAGAIN or ENOMEM)");
    check(n >= 100, "at least 100 children fitted");
    int killed = kill_and_reap(n);
    printf("  killed and reaped %d children\n", killed);
    check(killed == n, "every child died of SIGKILL and was reaped");
    struct memfig after = mem_now();
    printf("  after: free memory %lu KiB, %u processes\n", after.free / KIB, after.procs);
    check(after.free >= before.free, "free memory is back");
    check(after.procs == before.procs, "the process count is back");
    pid_t pid = fork();
    if (pid == 0)
        _exit(7);
    int status = -1;
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && WEXITSTATUS(status) == 7, "fork works again");
    printf("forktest: %s\n", failures ? "SOME CHECKS FAILED" : "all checks held");
    return failures != 0;
}
