/*
 * Running out of memory: brk and mmap fail with -ENOMEM when asked for
 * more than there is; a process that touches pages until none are left is
 * killed (SIGKILL) alone; a child writing to copy-on-write pages with no
 * frame left likewise.  The parent goes on and memory comes back.
 */
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>

#include "t.h"

#define MIB (1024 * 1024)

static void touch_forever(void)
{
    for (;;) {
        char *p = mmap(NULL, MIB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            _exit(3);               /* address space full before memory: wrong */
        for (int i = 0; i < MIB; i += 4096)
            p[i] = 1;
    }
}

static char *big;
static size_t big_size;

static void write_cow(void)
{
    for (size_t i = 0; i < big_size; i += 4096)
        big[i] = 2;
    _exit(0);
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
    printf("toucher: %s\n", WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "exited");
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    CHECK(free_ram() + 64 * 1024 >= before);

    /* Fill most of memory, fork, and let the child copy it all. */
    big_size = (free_ram() / 4096) * 4096 * 3 / 4;
    big = mmap(NULL, big_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(big != MAP_FAILED);
    memset(big, 1, big_size);
    status = in_child(write_cow);
    printf("copy-on-write writer: %s\n", WIFSIGNALED(status) ? strsignal(WTERMSIG(status)) : "exited");
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    CHECK_EQ(big[0], 1);
    CHECK_EQ(big[big_size - 1], 1);
    CHECK(munmap(big, big_size) == 0);
    CHECK(free_ram() + 64 * 1024 >= before);
    pass("oom");
    return 0;
}
