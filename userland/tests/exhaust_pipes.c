/*
 * Full pipes: a non-blocking writer fills a pipe to its capacity and then
 * gets -EAGAIN; writes of at most PIPE_BUF bytes are all or nothing, longer
 * ones take what fits; and as many full pipes as there are descriptors for
 * cost kernel memory only until they are closed.
 */
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>

#include "t.h"
#include "robust.h"

#define PIPE_BUF 4096
#define MAX_PIPES 120

static char buf[1 << 20];

/* Write as much as the pipe takes; returns its capacity. */
static long fill(int fd)
{
    long n = raw(__NR_write, fd, (long)buf, sizeof buf);
    CHECK(n >= PIPE_BUF);
    CHECK_EQ(raw(__NR_write, fd, (long)buf, 1), -EAGAIN);
    return n;
}

static void drain(int fd, long n)
{
    CHECK_EQ(read(fd, buf, (size_t)n), n);
}

/* How much room a pipe has after a partial drain depends on how it keeps
 * its bytes (Linux frees whole pages), so only what holds for any layout
 * is checked. */
static void pipe_buf_is_atomic(void)
{
    int p[2];
    CHECK(pipe2(p, O_NONBLOCK) == 0);
    long cap = fill(p[1]);
    int queued = -1;
    CHECK(ioctl(p[0], FIONREAD, &queued) == 0);
    CHECK_EQ(queued, cap);
    drain(p[0], PIPE_BUF);                      /* room for one PIPE_BUF write */
    CHECK_EQ(raw(__NR_write, p[1], (long)buf, PIPE_BUF), PIPE_BUF);
    drain(p[0], 100);                           /* less room than PIPE_BUF */
    CHECK_EQ(raw(__NR_write, p[1], (long)buf, PIPE_BUF), -EAGAIN);
    CHECK_EQ(raw(__NR_write, p[1], (long)buf, 200), -EAGAIN);
    drain(p[0], 3 * PIPE_BUF);                  /* a long write takes what fits */
    long n = raw(__NR_write, p[1], (long)buf, 8 * PIPE_BUF);
    CHECK(n >= 3 * PIPE_BUF && n < 8 * PIPE_BUF);
    CHECK_EQ(raw(__NR_write, p[1], (long)buf, 1), -EAGAIN);
    printf("a pipe holds %ld bytes; PIPE_BUF writes are atomic\n", cap);
    close(p[0]);
    close(p[1]);
}

static void many_full_pipes(void)
{
    static int fds[MAX_PIPES][2];
    unsigned long before = free_ram();
    long total = 0;
    int n = 0;
    while (n < MAX_PIPES && pipe2(fds[n], O_NONBLOCK) == 0)
        total += fill(fds[n++][1]);
    unsigned long during = free_ram();
    printf("%d full pipes hold %ld KiB; free memory %lu -> %lu KiB\n", n, total / 1024,
           before / 1024, during / 1024);
    CHECK(n == MAX_PIPES);
    for (int i = 0; i < n; i++) {
        close(fds[i][0]);
        close(fds[i][1]);
    }
    CHECK(free_ram() + 64 * 1024 >= before);
}

int main(void)
{
    struct leak_check leaks;
    leak_check_begin(&leaks);
    pipe_buf_is_atomic();
    many_full_pipes();
    CHECK(!leak_check_end(&leaks, "exhaust_pipes: leak"));
    pass("exhaust_pipes");
    return 0;
}
