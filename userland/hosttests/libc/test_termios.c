/*
 * The terminal side of the libc: isatty, tcgetattr and tcsetattr on a
 * pseudo-terminal the test opens itself (/dev/ptmx, unlocked, then its
 * /dev/pts/N), and on a pipe, which is no terminal; and perror, whose
 * line the test reads back through a pipe standing in for stderr.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include "tests/unit/unit.h"

/* The slave side of a new pseudo-terminal, or -1 if the host has none. */
static int open_pty(int *master)
{
    char name[32];
    int n, unlock = 0;
    *master = open("/dev/ptmx", O_RDWR | O_NOCTTY);
    if (*master < 0)
        return -1;
    if (ioctl(*master, TIOCSPTLCK, &unlock) < 0 || ioctl(*master, TIOCGPTN, &n) < 0)
        return -1;
    snprintf(name, sizeof name, "/dev/pts/%d", n);
    return open(name, O_RDWR | O_NOCTTY);
}

TEST(isatty_tells_terminals_from_pipes)
{
    int master, slave = open_pty(&master), p[2];
    CHECK(slave >= 0);
    CHECK_EQ(isatty(slave), 1);
    CHECK(pipe(p) == 0);
    errno = 0;
    CHECK_EQ(isatty(p[0]), 0);
    CHECK_EQ(errno, ENOTTY);
    errno = 0;
    CHECK_EQ(isatty(99), 0);
    CHECK_EQ(errno, EBADF);
    close(p[0]), close(p[1]), close(slave), close(master);
}

TEST(tcsetattr_changes_what_tcgetattr_reads)
{
    struct termios t, back;
    int master, slave = open_pty(&master), p[2];
    CHECK(slave >= 0);
    CHECK_EQ(tcgetattr(slave, &t), 0);
    CHECK(t.c_lflag & ICANON);              /* a new terminal is cooked */
    t.c_lflag &= ~(ICANON | ECHO);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    CHECK_EQ(tcsetattr(slave, TCSANOW, &t), 0);
    CHECK_EQ(tcgetattr(slave, &back), 0);
    CHECK(!(back.c_lflag & (ICANON | ECHO)));
    CHECK_EQ(back.c_cc[VMIN], 1);
    CHECK(pipe(p) == 0);
    CHECK_EQ(tcgetattr(p[0], &t), -1);
    CHECK_EQ(errno, ENOTTY);
    close(p[0]), close(p[1]), close(slave), close(master);
}

/* What perror(prefix) writes for errno err, read back from a pipe. */
static void perror_line(const char *prefix, int err, char *out, size_t cap)
{
    int p[2], saved = dup(2);
    CHECK(pipe(p) == 0 && saved >= 0);
    dup2(p[1], 2);
    errno = err;
    perror(prefix);
    dup2(saved, 2);
    close(saved), close(p[1]);
    ssize_t n = read(p[0], out, cap - 1);
    out[n > 0 ? n : 0] = '\0';
    close(p[0]);
}

TEST(perror_names_the_error)
{
    char line[128];
    perror_line("open x", ENOENT, line, sizeof line);
    CHECK_STR(line, "open x: No such file or directory\n");
    perror_line("", EACCES, line, sizeof line);
    CHECK_STR(line, "Permission denied\n");
    perror_line(NULL, ENOTTY, line, sizeof line);
    CHECK_STR(line, "Inappropriate ioctl for device\n");
}
