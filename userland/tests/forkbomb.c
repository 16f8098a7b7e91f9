/*
 * Fork bombs meet the process cap, and nothing else breaks:
 *
 *   forkbomb          one parent forks until fork fails
 *   forkbomb tree     every process forks too, as a real fork bomb does
 *
 * The cap (RLIMIT_NPROC: proc_limit() in proc/proc.c, 1,600 with 128 MiB)
 * is set from the machine's memory so that it comes first: fork must fail
 * with -EAGAIN, with exactly that many processes and at least a quarter of
 * the free memory to spare, never with -ENOMEM.  Afterwards every process
 * is killed and reaped, the process count and free memory are back where
 * they were, and fork works.
 */
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/resource.h>

#include "t.h"
#include "robust.h"

#define MAX_KIDS 5000

static pid_t kids[MAX_KIDS];

static long processes(void)
{
    long k[KS_COUNT];
    CHECK(kstat_read(k) == 0);
    return k[KS_PROCESSES];
}

static long process_cap(void)
{
    struct rlimit cap;
    CHECK(getrlimit(RLIMIT_NPROC, &cap) == 0);
    return (long)cap.rlim_cur;
}

/* Fork failed because the table was full, with memory to spare. */
static void check_capped(int err, long nprocs, unsigned long free, unsigned long before)
{
    printf("fork failed with %s: %ld processes (the cap is %ld), %lu of %lu KiB free\n",
           strerror(err), nprocs, process_cap(), free / 1024, before / 1024);
    CHECK_EQ(err, EAGAIN);
    CHECK_EQ(nprocs, process_cap());
    CHECK(free >= before / 4);
}

/* One parent forks children that wait to be killed, until fork fails. */
static void flat_bomb(long baseline, unsigned long before)
{
    int n = 0;
    long err = 0;
    while (n < MAX_KIDS) {
        pid_t pid = fork();
        if (pid == 0) {
            pause();
            _exit(0);
        }
        if (pid < 0) {
            err = errno;
            break;
        }
        kids[n++] = pid;
    }
    printf("forked %d children\n", n);
    check_capped((int)err, baseline + n, free_ram(), before);
    for (int i = 0; i < n; i++)
        CHECK(kill(kids[i], SIGKILL) == 0);
    for (int i = 0; i < n; i++) {
        int status;
        CHECK_EQ(waitpid(kids[i], &status, 0), kids[i]);
        CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    }
}

/* A member of the tree: fork, and fork again in parent and child alike,
 * until fork fails; then report the error (one byte) and wait. */
static void grow(int report)
{
    for (;;) {
        if (fork() < 0) {
            char err = (char)errno;
            write(report, &err, 1);
            for (;;)
                pause();
        }
    }
}

/* Every error the tree reported (read to the end: the tree is gone). */
static int all_reports_are(int fd, int err)
{
    char e;
    int n = 0;
    while (read(fd, &e, 1) == 1) {
        if (e != err)
            return 0;
        n++;
    }
    printf("%d members of the tree saw fork fail, all with %s\n", n, strerror(err));
    return n > 0;
}

/* Kill the tree's group, then wait until kill finds no member, not even a
 * zombie (a zombie is found, as on Linux): by then every member is reaped,
 * the root by us, its orphans by init (by us too, when we are init).  The
 * first SIGKILL reaches every member, as Cowix's kernel is never preempted
 * inside a fork; sending it again while waiting costs nothing. */
static void kill_tree(pid_t root)
{
    int status = -1, reaped = 0;
    while (kill(-root, SIGKILL) == 0) {
        if (!reaped)
            reaped = waitpid(root, &status, WNOHANG) == root;
        else
            while (waitpid(-1, NULL, WNOHANG) > 0)
                ;
        sched_yield();
    }
    CHECK_EQ(errno, ESRCH);
    CHECK(reaped && WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

static void tree_bomb(unsigned long before)
{
    int report[2];
    CHECK(pipe(report) == 0);
    /* When the pipe is full, later reports are dropped, not waited on. */
    CHECK(fcntl(report[1], F_SETFL, O_NONBLOCK) == 0);
    pid_t root = fork();
    if (root == 0) {
        CHECK(setpgid(0, 0) == 0);          /* the tree is one process group */
        close(report[0]);
        grow(report[1]);
    }
    CHECK(root > 0);
    close(report[1]);
    char first;
    CHECK_EQ(read(report[0], &first, 1), 1);
    check_capped(first, processes(), free_ram(), before);
    kill_tree(root);
    CHECK(all_reports_are(report[0], first));
    close(report[0]);
}

int main(int argc, char **argv)
{
    int tree = argc > 1 && !strcmp(argv[1], "tree");
    unsigned long before = free_ram();
    long baseline = processes();
    fflush(stdout);
    if (tree)
        tree_bomb(before);
    else
        flat_bomb(baseline, before);
    CHECK_EQ(processes(), baseline);
    unsigned long after = free_ram();
    printf("free memory before %lu KiB, after %lu KiB\n", before / 1024, after / 1024);
    CHECK(after + 64 * 1024 >= before);
    pid_t pid = fork();                 /* fork works again */
    if (pid == 0)
        _exit(7);
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(WEXITSTATUS(status), 7);
    pass("forkbomb");
    return 0;
}
