/*
 * cowdemo: copy-on-write, watched through sysinfo.
 *
 * A process fills 16 MiB and forks.  Right after fork almost nothing has
 * been copied: parent and child share every frame, and sysinfo's
 * `sharedram` (in Cowix: memory shared copy-on-write) has grown by the 16
 * MiB.  Then the child writes half of the memory, one page at a time, and
 * each first write costs one frame: the kernel copies that page (and, on
 * the first write into each 4 MiB, the page table that fork shared too).
 * When the child exits, everything is back.  The figures are checked, not
 * only printed: the exit status is 0 only if every check held.
 */
#include <stdlib.h>

#include "userland/demo/demo.h"

#define SIZE (16 * MIB)
#define HALF (SIZE / 2)
#define FILL 'P'                /* the parent's bytes */
#define CHILD_FILL 'C'          /* what the child writes */
/* Frames that may come or go around a measurement for reasons of their
 * own: the stack page and page table each side first writes after fork. */
#define SLACK (8 * PAGE)

static int failures;

static void check(int ok, const char *what)
{
    printf("    %s %s\n", ok ? "ok:    " : "FAILED:", what);
    failures += !ok;
}

static long kib(unsigned long bytes)
{
    return (long)(bytes / KIB);
}

/* The CowShared line of /proc/meminfo, in bytes; -1 if there is none. */
static long meminfo_cow_shared(void)
{
    char line[128];
    long kb = -1;
    FILE *f = fopen("/proc/meminfo", "r");
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "CowShared: %ld", &kb) == 1)
            break;
    fclose(f);
    return kb < 0 ? -1 : kb * (long)KIB;
}

static void after_fork(struct memfig before, struct memfig now)
{
    long copied = (long)(before.free - now.free);
    printf("  Right after fork, in the child:\n");
    printf("    free %ld KiB: fork used %ld KiB (page directory, kernel stack...)\n",
           kib(now.free), kib((unsigned long)copied));
    printf("    CoW-shared %ld KiB (+%ld KiB)\n", kib(now.shared),
           kib(now.shared - before.shared));
    check(copied < (long)(256 * KIB), "fork copied less than 256 KiB of 16 MiB");
    check(now.shared >= before.shared + SIZE, "the 16 MiB are shared copy-on-write");
    /* Sharing only ends in this phase (our own first writes), so the
     * file's figure lies between two sysinfo readings around it. */
    struct memfig first = mem_now();
    long cow = meminfo_cow_shared();
    struct memfig second = mem_now();
    if (cow < 0)
        printf("    /proc/meminfo has no CowShared line\n");
    else
        printf("    /proc/meminfo says CowShared: %ld kB (sysinfo around it: %ld, %ld)\n",
               cow / (long)KIB, kib(first.shared), kib(second.shared));
    check(cow <= (long)first.shared && cow >= (long)second.shared,
          "/proc/meminfo agrees with sysinfo");
}

/* The child writes HALF, page by page, printing a few samples. */
static void child_writes(char *mem)
{
    struct memfig start = mem_now();
    printf("  The child writes 8 MiB, one page at a time:\n");
    printf("    %13s %14s %12s %17s\n", "pages written", "copied (KiB)", "free (KiB)",
           "CoW-shared (KiB)");
    for (unsigned long page = 1; page <= HALF / PAGE; page++) {
        mem[(page - 1) * PAGE] = CHILD_FILL;
        if (page > 3 && page % 512 != 0)
            continue;               /* print only a few samples */
        struct memfig now = mem_now();
        printf("    %13lu %14ld %12ld %17ld\n", page, kib(start.free - now.free),
               kib(now.free), kib(now.shared));
    }
    printf("    (the first write into each 4 MiB also copies the page table that\n"
           "    fork shared: 4 KiB more)\n");
    struct memfig end = mem_now();
    unsigned long copied = start.free - end.free;
    unsigned long unshared = start.shared - end.shared;
    check(copied >= HALF && copied <= HALF + SLACK,
          "writing 8 MiB copied 8 MiB (plus a few page tables)");
    check(unshared + SLACK >= HALF && unshared <= HALF + SLACK,
          "8 MiB are no longer shared");
}

static int child(char *mem, struct memfig before, int told_parent, int wait_parent)
{
    after_fork(before, mem_now());
    child_writes(mem);
    int ok = 1;
    for (unsigned long i = 0; i < HALF; i += PAGE)
        ok &= mem[i] == CHILD_FILL && mem[HALF + i] == FILL;
    check(ok, "the child sees its own writes, and the parent's bytes elsewhere");
    fflush(stdout);
    char c = 0;
    if (write(told_parent, &c, 1) != 1 || read(wait_parent, &c, 1) != 0)
        failures++;
    return failures;
}

static int all_bytes(const char *mem, char value)
{
    for (unsigned long i = 0; i < SIZE; i++)
        if (mem[i] != value)
            return 0;
    return 1;
}

/* While the child lives: its writes went to its own copies. */
static void parent_looks(const char *mem, int from_child)
{
    char c;
    if (read(from_child, &c, 1) != 1)
        failures++;
    printf("  The parent looks at its memory while the child lives:\n");
    check(all_bytes(mem, FILL), "all 16 MiB still hold the parent's bytes");
}

static void after_exit(char *mem, struct memfig before)
{
    struct memfig now = mem_now();
    printf("  After the child exited:\n");
    printf("    free %ld KiB (before fork: %ld KiB), CoW-shared %ld KiB\n", kib(now.free),
           kib(before.free), kib(now.shared));
    check(now.free + SLACK >= before.free, "free memory is back");
    check(now.shared <= before.shared, "nothing is shared any more");
    memset(mem, 'p', SIZE);
    struct memfig mine = mem_now();
    printf("  The parent, alone again, rewrites all 16 MiB: free %ld KiB\n", kib(mine.free));
    check(mine.free + SLACK >= now.free, "no copies: each page had one user left");
}

int main(void)
{
    printf("cowdemo: copy-on-write at work\n");
    char *mem = malloc(SIZE);
    if (!mem) {
        printf("cannot allocate 16 MiB\n");
        return 1;
    }
    int up[2], down[2];                 /* child -> parent, parent -> child */
    if (pipe(up) < 0 || pipe(down) < 0)
        return 1;
    memset(mem, FILL, SIZE);
    struct memfig before = mem_now();
    printf("  The parent filled 16 MiB: free %ld KiB, CoW-shared %ld KiB\n",
           kib(before.free), kib(before.shared));
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0)
        return 1;
    if (pid == 0) {
        close(up[0]);
        close(down[1]);
        _exit(child(mem, before, up[1], down[0]));
    }
    close(up[1]);
    close(down[0]);
    parent_looks(mem, up[0]);
    close(down[1]);                     /* the child may exit now */
    int status = -1;
    char how[64];
    waitpid(pid, &status, 0);
    printf("  The child %s\n", describe_status(status, how, sizeof how));
    check(status == 0, "the child's checks held");
    after_exit(mem, before);
    printf("cowdemo: %s\n", failures ? "SOME CHECKS FAILED" : "all checks held");
    return failures != 0;
}
