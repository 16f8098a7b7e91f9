/*
 * Pipes: odd-sized writes and reads between two processes arrive intact
 * and in order; end of file once the writers close; SIGPIPE kills a writer
 * with no reader, and -EPIPE is what a writer ignoring SIGPIPE sees;
 * O_NONBLOCK gives -EAGAIN on an empty or full pipe; FIONREAD counts.
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>

#include "t.h"

#define TOTAL 100000

static unsigned char pattern(long i)
{
    return (unsigned char)(i * 7 + (i >> 8));
}

static void writer(int fd)
{
    static const int sizes[] = {1, 3, 7, 4095, 4097, 10000, 13, 65536};
    static unsigned char buf[65536];
    long sent = 0;
    for (int k = 0; sent < TOTAL; k++) {
        int n = sizes[k % 8];
        if (n > TOTAL - sent)
            n = (int)(TOTAL - sent);
        for (int i = 0; i < n; i++)
            buf[i] = pattern(sent + i);
        CHECK_EQ(write(fd, buf, (size_t)n), n);
        sent += n;
    }
    _exit(0);
}

static void kill_me_with_sigpipe(void)
{
    int p[2];
    CHECK(pipe(p) == 0);
    close(p[0]);
    write(p[1], "x", 1);
    _exit(0);                       /* not reached: SIGPIPE */
}

int main(void)
{
    int p[2];
    CHECK(pipe(p) == 0);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        writer(p[1]);
    }
    close(p[1]);
    static const int reads[] = {5, 1, 4096, 333, 9999, 2};
    static unsigned char buf[10000];
    long got = 0;
    ssize_t n;
    for (int k = 0; (n = read(p[0], buf, (size_t)reads[k % 6])) > 0; k++) {
        for (ssize_t i = 0; i < n; i++)
            CHECK_EQ(buf[i], pattern(got + i));
        got += n;
    }
    CHECK_EQ(n, 0);                 /* end of file: the writer exited */
    CHECK_EQ(got, TOTAL);
    CHECK_EQ(waitpid(pid, NULL, 0), pid);
    close(p[0]);
    printf("%d bytes through the pipe in odd pieces, intact\n", TOTAL);

    int status = in_child(kill_me_with_sigpipe);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE);
    signal(SIGPIPE, SIG_IGN);
    CHECK(pipe(p) == 0);
    close(p[0]);
    CHECK(write(p[1], "x", 1) == -1 && errno == EPIPE);
    close(p[1]);
    signal(SIGPIPE, SIG_DFL);

    CHECK(pipe2(p, O_NONBLOCK) == 0);
    CHECK(read(p[0], buf, 1) == -1 && errno == EAGAIN);
    long filled = 0;
    while ((n = write(p[1], buf, 1000)) > 0)
        filled += n;
    CHECK(n == -1 && errno == EAGAIN);
    int avail = 0;
    CHECK(ioctl(p[0], FIONREAD, &avail) == 0);
    CHECK_EQ(avail, filled);
    printf("non-blocking pipe holds %ld bytes\n", filled);
    close(p[0]);
    close(p[1]);
    pass("pipes");
    return 0;
}
