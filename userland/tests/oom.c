/*
 * Running out of memory, every way a process can ask for it:
 *   - brk and mmap fail with -ENOMEM when asked for more than there is;
 *   - a process that touches mmap'd pages until none are left is killed
 *     (SIGKILL) alone;
 *   - so is one that grows its heap with brk a page at a time, touching
 *     each page: brk never refuses a page, the fault that finds no frame
 *     ends it;
 *   - so is one whose stack cannot grow because memory is gone (with
 *     memory to spare, the 8 MiB stack limit gives SIGSEGV: faults.c);
 *   - so is a child writing to copy-on-write pages with no frame left.
 * After each, the parent goes on: fork works and the memory comes back.
 */
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "t.h"

#define MIB (1024 * 1024)
#define PAGE 4096

/* Write end of the pipe a child reports its progress on: a child that is
 * killed cannot say how far it got any other way. */
static int progress = -1;

static void touch_forever(void)
{
    for (;;) {
        char *p = mmap(NULL, MIB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            _exit(3);               /* address space full before memory: wrong */
        for (int i = 0; i < MIB; i += PAGE)
            p[i] = 1;
    }
}

/* Move the break up one page at a time and touch each new page; one byte
 * down the pipe per MiB.  Exit status 4 if brk ever refuses. */
static void grow_brk(void)
{
    long end = raw(__NR_brk, 0, 0, 0);
    for (long pages = 1;; pages++) {
        if (raw(__NR_brk, end + PAGE, 0, 0) != end + PAGE)
            _exit(4);
        *(volatile char *)end = 1;  /* demand zero: the frame is taken now */
        end += PAGE;
        if (pages % (MIB / PAGE) == 0)
            write(progress, "M", 1);
    }
}

/* Recursion without end, 1 KiB of stack a level. */
#pragma GCC diagnostic ignored "-Winfinite-recursion"
static int dive(int depth)
{
    volatile char frame[1024];
    frame[0] = (char)depth;
    return dive(depth + 1) + frame[0];
}

/* Take all but 1 MiB of free memory, say how much is left, then recurse.
 * 1 MiB is far below the 8 MiB the stack may grow to, so it is memory
 * the stack runs out of, not its limit. */
static void fill_then_dive(void)
{
    size_t take = (free_ram() - MIB) & ~(size_t)(PAGE - 1);
    char *p = mmap(NULL, take, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        _exit(3);
    for (size_t i = 0; i < take; i += PAGE)
        p[i] = 1;
    unsigned long left = free_ram();
    write(progress, &left, sizeof left);
    dive(0);
}

static char *big;
static size_t big_size;

static void write_cow(void)
{
    for (size_t i = 0; i < big_size; i += PAGE)
        big[i] = 2;
    _exit(0);
}

/* Run fn in a child with a progress pipe; its wait status, and what it
 * reported in report[] (up to max bytes; the count in *got). */
static int in_child_reporting(void (*fn)(void), void *report, int max, int *got)
{
    int p[2], n;
    CHECK(pipe(p) == 0);
    progress = p[1];
    int status = in_child(fn);
    close(p[1]);                    /* the child's copy is gone: read to the end */
    for (*got = 0; *got < max && (n = read(p[0], (char *)report + *got, max - *got)) > 0;)
        *got += n;
    close(p[0]);
    return status;
}

static const char *how(int status)
{
    return WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "exited";
}

/* The system goes on after a process died of hunger: fork works, and
 * the memory is back (but for 64 KiB of warm caches). */
static void system_goes_on(unsigned long before)
{
    pid_t pid = fork();
    if (pid == 0)
        _exit(7);
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7);
    CHECK(free_ram() + 64 * 1024 >= before);
}

static void brk_until_killed(unsigned long before)
{
    char mibs[1024];
    int got;
    int status = in_child_reporting(grow_brk, mibs, sizeof mibs, &got);
    printf("brk grower: %s after %d MiB of %lu MiB free\n", how(status), got, before / MIB);
    CHECK(!(WIFEXITED(status) && WEXITSTATUS(status) == 4));   /* brk refused */
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    CHECK(got >= (int)(before / MIB) * 9 / 10);     /* it took nearly everything */
    system_goes_on(before);
}

static void stack_until_killed(unsigned long before)
{
    unsigned long left = 0;
    int got;
    int status = in_child_reporting(fill_then_dive, &left, sizeof left, &got);
    printf("stack grower: %s with %lu KiB left to grow into\n", how(status), left / 1024);
    CHECK_EQ(got, sizeof left);                     /* memory filled, the dive began */
    CHECK(left < 2 * MIB);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    system_goes_on(before);
}

int main(void)
{
    unsigned long before = free_ram();
    /* An impossible brk and mmap are refused cleanly. */
    long cur = raw(__NR_brk, 0, 0, 0);
    CHECK_EQ(raw(__NR_brk, cur + 0x7f000000, 0, 0), cur);
    void *m = mmap(NULL, 0xb0000000u, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(m == MAP_FAILED && errno == ENOMEM);

    int status = in_child(touch_forever);
    printf("toucher: %s\n", how(status));
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    system_goes_on(before);

    brk_until_killed(before);
    stack_until_killed(before);

    /* Fill most of memory, fork, and let the child copy it all. */
    big_size = (free_ram() / PAGE) * PAGE * 3 / 4;
    big = mmap(NULL, big_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(big != MAP_FAILED);
    memset(big, 1, big_size);
    status = in_child(write_cow);
    printf("copy-on-write writer: %s\n", how(status));
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    CHECK_EQ(big[0], 1);
    CHECK_EQ(big[big_size - 1], 1);
    CHECK(munmap(big, big_size) == 0);
    system_goes_on(before);
    pass("oom");
    return 0;
}
