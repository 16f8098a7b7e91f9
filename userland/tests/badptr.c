/*
 * Bad pointers to system calls: NULL, unmapped, kernel, and ranges that
 * run into the kernel give -EFAULT, change nothing and leak no descriptor.
 * Uses raw int 0x80 so the libc cannot intercept anything.
 */
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>

#include "t.h"

#define KERNEL ((long)0xc0100000)
#define UNMAPPED ((long)0x70000000)
#define CROSSING ((long)0xbffffffe)

static long bad[] = {0, UNMAPPED, KERNEL, CROSSING};
#define NBAD (sizeof bad / sizeof bad[0])

/* Count open descriptors by probing with fcntl(F_GETFD). */
static int open_fds(void)
{
    int n = 0;
    for (int fd = 0; fd < 64; fd++)
        n += raw(__NR_fcntl64, fd, F_GETFD, 0) >= 0;
    return n;
}

static void expect_efault(const char *what, long r)
{
    if (r != -EFAULT)
        printf("%s returned %ld\n", what, r);
    CHECK_EQ(r, -EFAULT);
}

int main(void)
{
    int fds_before = open_fds();
    unsigned long mem_before = free_ram();
    int p[2];
    CHECK(pipe(p) == 0);
    int dir = open("/", O_RDONLY | O_DIRECTORY);
    CHECK(dir >= 0);
    CHECK(write(p[1], "x", 1) == 1);    /* one byte for the failing reads */
    for (unsigned i = 0; i < NBAD; i++) {
        long b = bad[i];
        expect_efault("write", raw(__NR_write, p[1], b, 16));
        expect_efault("read", raw(__NR_read, p[0], b, 16));
        if (b != CROSSING) {    /* a string there may end before the kernel */
            expect_efault("open", raw(__NR_open, b, O_RDONLY, 0));
            expect_efault("stat64", raw(__NR_stat64, b, (long)&b, 0));
                expect_efault("execve", raw(__NR_execve, b, 0, 0));
            expect_efault("getcwd", raw(__NR_getcwd, b, 100, 0));  /* writes 2 bytes */
        }
        expect_efault("stat64 buf", raw(__NR_stat64, (long)"/", b, 0));
        expect_efault("fstat64", raw(__NR_fstat64, 0, b, 0));
        expect_efault("pipe", raw(__NR_pipe, b, 0, 0));
        expect_efault("uname", raw(__NR_uname, b, 0, 0));
        expect_efault("sysinfo", raw(__NR_sysinfo, b, 0, 0));
        expect_efault("clock_gettime", raw(__NR_clock_gettime, 0, b, 0));
        expect_efault("nanosleep", raw(__NR_nanosleep, b, 0, 0));
        expect_efault("getdents64", raw(__NR_getdents64, dir, b, 4096));
        if (b) {        /* NULL is a valid "no new action" / "no old action" */
            expect_efault("rt_sigaction", raw4(__NR_rt_sigaction, 10, b, 0, 8));
            expect_efault("rt_sigaction old", raw4(__NR_rt_sigaction, 10, 0, b, 8));
        }
        expect_efault("set_thread_area", raw(__NR_set_thread_area, b, 0, 0));
    }
    /* The pipe got nothing from the failed writes and lost nothing to the
     * failed reads: the one byte is still there. */
    int avail = -1;
    CHECK(ioctl(p[0], FIONREAD, &avail) == 0);
    CHECK_EQ(avail, 1);
    close(p[0]);
    close(p[1]);
    close(dir);
    /* wait4 with a bad status pointer: -EFAULT, and the child stays waitable. */
    pid_t pid = fork();
    if (pid == 0)
        _exit(42);
    CHECK(pid > 0);
    expect_efault("wait4", raw(__NR_wait4, pid, KERNEL, 0));
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(WEXITSTATUS(status), 42);
    CHECK_EQ(open_fds(), fds_before);
    CHECK(free_ram() + 64 * 1024 >= mem_before);
    pass("badptr");
    return 0;
}
