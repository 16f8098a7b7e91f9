/*
 * Helpers shared by the kernel test programs in this directory.  Each
 * program runs as init (init=/tests/NAME) or from a shell, prints what it
 * checks, and exits 0 only if every check held; the system tests read the
 * exit status and the transcript.
 */
#ifndef TESTS_T_H
#define TESTS_T_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHECK(cond)                                                       \
    do {                                                                  \
        if (!(cond)) {                                                    \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);        \
            fflush(stdout);                                               \
            _exit(1);                                                     \
        }                                                                 \
    } while (0)

#define CHECK_EQ(a, b)                                                    \
    do {                                                                  \
        long t_a = (long)(a), t_b = (long)(b);                            \
        if (t_a != t_b) {                                                 \
            printf("FAIL %s:%d: %s == %s (%ld != %ld)\n", __FILE__,       \
                   __LINE__, #a, #b, t_a, t_b);                           \
            fflush(stdout);                                               \
            _exit(1);                                                     \
        }                                                                 \
    } while (0)

/* A raw system call's result (-errno on failure), bypassing errno. */
static inline long raw(long nr, long a, long b, long c)
{
    long r;
    __asm__ volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
    return r;
}

static inline long raw4(long nr, long a, long b, long c, long d)
{
    long r;
    __asm__ volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c), "S"(d) : "memory");
    return r;
}

static inline unsigned long free_ram(void)
{
    struct sysinfo si;
    sysinfo(&si);
    return si.freeram;
}

static inline unsigned long shared_ram(void)
{
    struct sysinfo si;
    sysinfo(&si);
    return si.sharedram;
}

/* Run fn in a child; return its wait status. */
static inline int in_child(void (*fn)(void))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        fn();
        _exit(0);
    }
    int status = -1;
    CHECK(waitpid(pid, &status, 0) == pid);
    return status;
}

/* A child that runs body(fd, letter) and exits. */
static inline pid_t spawn_writer(int fd, char letter, void (*body)(int fd, char letter))
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        body(fd, letter);
        _exit(0);
    }
    CHECK(pid > 0);
    return pid;
}

/* Read up to max bytes (until end of file) into buf, NUL-terminated. */
static inline int read_all(int fd, char *buf, int max)
{
    int n = 0, r;
    while (n < max && (r = read(fd, buf + n, (size_t)(max - n))) > 0)
        n += r;
    buf[n] = 0;
    return n;
}

static inline void pass(const char *name)
{
    printf("%s: all checks passed\n", name);
    fflush(stdout);
}

#endif
