/*
 * A fuzz worker's world (part of /tests/fuzz, see fuzz.c): the memory,
 * files and descriptors its random system calls are aimed at, set up the
 * same way at the start of every batch so that a batch repeats.
 *
 * Memory: `scratch`, 64 KiB between two PROT_NONE guard pages, is what
 * pointer arguments point into: random bytes, then ready-made structures
 * (iovecs, timespecs, pollfds, a sigaction, argv...) refreshed every few
 * calls.  A call that writes past its end hits a guard page, never the
 * worker's own variables.  `play`, 256 KiB, is where munmap, mprotect,
 * mremap and MAP_FIXED may do their worst.  `strings` (read-only) holds a
 * path longer than PATH_MAX, a name longer than NAME_MAX and a string
 * that runs into a guard page without ending.
 *
 * Files: the worker works in its sandbox /tmp/fuzz/SLOT, emptied and
 * filled again for each batch: a file, a directory, symlinks (good,
 * dangling, looping), a FIFO, a copy of /bin/true, a mutated copy, and a
 * script.  Descriptors 3-9 are open on some of them and on devices.
 */
#ifndef TESTS_FUZZ_WORLD_H
#define TESTS_FUZZ_WORLD_H

#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>
#include <poll.h>

#include "fuzz_rng.h"
#include "robust.h"
#include "t.h"

#define PAGE         4096
#define PROGRESS_FD  200            /* one byte per call, read by the parent */
#define TRACE_FD     201            /* the console, when tracing one batch */
#define NFDS         10             /* descriptors 0-9 are the worker's own */
#define SCRATCH_SIZE (64 * 1024)
#define PLAY_SIZE    (256 * 1024)
#define STRINGS_SIZE (3 * PAGE)
#define RANDOM_PART  (32 * 1024)    /* scratch below this: random bytes */

/* Where the ready-made structures sit in scratch. */
enum {
    S_IOV = RANDOM_PART,            /* 16 struct iovec */
    S_TIME = S_IOV + 256,           /* 8 struct timespec */
    S_POLL = S_TIME + 128,          /* 16 struct pollfd */
    S_SIGACT = S_POLL + 128,        /* struct sigaction */
    S_ARGV = S_SIGACT + 64,         /* 16 string pointers */
    S_FDSET = S_ARGV + 128,         /* a 1024-bit fd_set */
    S_MMAP = S_FDSET + 128,         /* old mmap's six arguments */
    S_INTS = S_MMAP + 64,           /* 32 small integers */
    S_END = S_INTS + 128,
};

struct world {
    char *scratch, *play, *strings;
    const char *long_path, *long_name, *unterminated;
    char sandbox[32];
    long pid;
    void (*restorer)(void);         /* the C library's sigreturn trampoline */
};

static struct world W;

/* Paths relative to the sandbox, then absolute ones outside it. */
static const char *const rel_paths[] = {
    "a", "d", "d/e", "l", "dl", "loop", "p", "prog", "bad", "script", "new",
    "d/new", "new/x", ".", "..", "", "a/", "d/../a", "//d//e", "d/e/f", "l/x",
};
static const char *const abs_paths[] = {
    "/", "/tmp", "/proc", "/proc/self", "/proc/self/stat", "/proc/self/fd/3",
    "/proc/self/fd", "/proc/kstat", "/proc/1/stat", "/dev", "/dev/null",
    "/dev/zero", "/dev/full", "/dev/urandom", "/dev/stdin", "/no/such/file",
};

static void noop_handler(int sig)
{
    (void)sig;
}

/* The parent sends SIGALRM to a worker that has not started a call for a
 * while: a call that blocks (pause, a read from an empty pipe...) returns
 * -EINTR, since the handler has no SA_RESTART. */
static void nudged(int sig)
{
    (void)sig;
}

/* size bytes of read-write memory between two PROT_NONE guard pages. */
static char *guarded(size_t size)
{
    char *p = mmap(NULL, size + 2 * PAGE, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED || mprotect(p + PAGE, size, PROT_READ | PROT_WRITE) != 0)
        return NULL;
    return p + PAGE;
}

static int make_regions(void)
{
    W.scratch = guarded(SCRATCH_SIZE);
    W.play = guarded(PLAY_SIZE);
    W.strings = guarded(STRINGS_SIZE);
    if (!W.scratch || !W.play || !W.strings)
        return -1;
    char *s = W.strings;
    for (int i = 0; i < 5000; i++)              /* "aaaa/aaaa/...": 5000 > PATH_MAX */
        s[i] = i % 5 == 4 ? '/' : 'a';
    W.long_path = s;
    memset(s + 5008, 'n', 300);                 /* one 300-byte name */
    W.long_name = s + 5008;
    memset(s + STRINGS_SIZE - 64, 'u', 64);     /* no NUL before the guard page */
    W.unterminated = s + STRINGS_SIZE - 64;
    return mprotect(W.strings, STRINGS_SIZE, PROT_READ);
}

static int write_file(const char *name, const void *data, size_t n, int mode)
{
    int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, mode);
    if (fd < 0)
        return -1;
    int ok = write(fd, data, n) == (ssize_t)n;
    close(fd);
    return ok ? 0 : -1;
}

/* A copy of /bin/true; with `mutate`, some bytes of its headers changed. */
static int copy_true(const char *name, int mutate)
{
    static char buf[64 * 1024];
    int fd = open("/bin/true", O_RDONLY);
    if (fd < 0)
        return -1;
    int n = read_all(fd, buf, sizeof buf - 1);
    close(fd);
    for (int i = mutate ? 1 + (int)below(8) : 0; i > 0; i--)
        buf[below(256)] = (char)rng();
    return n > 0 ? write_file(name, buf, (size_t)n, 0755) : -1;
}

static int make_sandbox(void)
{
    static char pattern[5000];
    char script[64];
    for (unsigned i = 0; i < sizeof pattern; i++)
        pattern[i] = (char)('a' + i % 26);
    snprintf(script, sizeof script, "#!%s/prog\n", W.sandbox);
    if (chdir(W.sandbox) != 0 || empty_dir(W.sandbox) != 0)
        return -1;
    int bad = write_file("a", pattern, sizeof pattern, 0644);
    bad |= mkdir("d", 0755) | write_file("d/e", pattern, 100, 0600);
    bad |= symlink("a", "l") | symlink("nowhere", "dl") | symlink("loop", "loop");
    bad |= mkfifo("p", 0644);
    bad |= copy_true("prog", 0) | copy_true("bad", 1);
    bad |= write_file("script", script, strlen(script), 0755);
    return bad ? -1 : 0;
}

/* Descriptors 0-2 on /dev/null (random writes must not reach the console),
 * 3-9 on the sandbox and devices; every other one closed but the two
 * reserved ones. */
static int open_fds(void)
{
    for (int fd = 0; fd < 256; fd++)
        if (fd != PROGRESS_FD && fd != TRACE_FD)
            close(fd);
    int p[2];
    int ok = open("/dev/null", O_RDWR) == 0 && dup(0) == 1 && dup(0) == 2;
    ok = ok && open("a", O_RDWR) == 3 && open(".", O_RDONLY | O_DIRECTORY) == 4;
    ok = ok && pipe(p) == 0 && p[0] == 5 && p[1] == 6;
    ok = ok && open("/dev/zero", O_RDWR) == 7 && open("/proc/self/stat", O_RDONLY) == 8;
    ok = ok && open("d/e", O_WRONLY | O_APPEND) == 9;
    return ok ? 0 : -1;
}

/* SIGALRM caught, SIGPIPE ignored, nothing blocked.  Called again after
 * any random call that may have changed signal state. */
static void arm_signals(void)
{
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = nudged;
    sigaction(SIGALRM, &sa, NULL);
    syscall(__NR_rt_sigaction, SIGALRM, NULL, &old, sizeof(sigset_t));
    W.restorer = old.sa_restorer;
    signal(SIGPIPE, SIG_IGN);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
}

/* A pointer to one of the paths above (relative ones more often). */
static const char *some_path(void)
{
    return one_in(3) ? PICK(abs_paths) : PICK(rel_paths);
}

static void refresh_iovecs(char *s)
{
    struct iovec *iov = (struct iovec *)(s + S_IOV);
    for (int i = 0; i < 16; i++) {
        iov[i].iov_base = s + below(RANDOM_PART);
        iov[i].iov_len = one_in(8) ? rng() : below(600);
    }
}

static void refresh_times(char *s)
{
    static const long secs[] = {0, 0, 0, 1, -1, 0x7fffffff};
    static const long nsecs[] = {0, 1000, 999999999, 1000000000, -1, 50000000};
    struct timespec *ts = (struct timespec *)(s + S_TIME);
    for (int i = 0; i < 8; i++) {
        ts[i].tv_sec = PICK(secs);
        ts[i].tv_nsec = PICK(nsecs);
    }
}

static void refresh_sigaction(char *s)
{
    static const uint32_t flag_bits[] = {SA_SIGINFO, SA_RESTART, SA_NODEFER, SA_RESETHAND,
                                         SA_ONSTACK, SA_NOCLDSTOP, SA_NOCLDWAIT};
    struct sigaction *sa = (struct sigaction *)(s + S_SIGACT);
    const sighandler_t handlers[] = {SIG_DFL, SIG_IGN, noop_handler, (sighandler_t)rng()};
    sa->sa_handler = PICK(handlers);
    sa->sa_flags = one_in(4) ? 0 : SA_RESTORER;
    for (int n = (int)below(3); n > 0; n--)
        sa->sa_flags |= PICK(flag_bits);
    sa->sa_restorer = one_in(8) ? (void (*)(void))rng() : W.restorer;
    sa->sa_mask = one_in(2) ? 0 : ((sigset_t)rng() << 32 | rng());
}

static void refresh_misc(char *s)
{
    struct pollfd *pf = (struct pollfd *)(s + S_POLL);
    for (int i = 0; i < 16; i++) {
        pf[i].fd = (int)below(NFDS + 2) - 1;
        pf[i].events = (short)(rng() & 0x3f);
        pf[i].revents = 0;
    }
    const char **argv = (const char **)(s + S_ARGV);
    int argc = (int)below(15);
    for (int i = 0; i < argc; i++)
        argv[i] = one_in(8) ? (const char *)rng() : some_path();
    argv[argc] = NULL;
    uint32_t *fdset = (uint32_t *)(s + S_FDSET);
    memset(fdset, 0, 128);
    fdset[0] = rng() & ((1u << NFDS) - 1);
    uint32_t *m = (uint32_t *)(s + S_MMAP);     /* addr len prot flags fd off */
    uint32_t mm[6] = {(uint32_t)W.play + below(PLAY_SIZE / PAGE) * PAGE, below(8) * PAGE,
                      rng() & 7, (rng() & 0x3f) | MAP_FIXED, below(NFDS), 0};
    memcpy(m, mm, sizeof mm);
    int32_t *ints = (int32_t *)(s + S_INTS);
    for (int i = 0; i < 32; i++)
        ints[i] = (int32_t)below(NFDS + 2) - 1;
}

/* Put the ready-made structures back: calls write over them. */
static void refresh_structures(void)
{
    refresh_iovecs(W.scratch);
    refresh_times(W.scratch);
    refresh_sigaction(W.scratch);
    refresh_misc(W.scratch);
}

/* Everything a batch starts from; 0 on success. */
static int world_setup(int slot)
{
    W.pid = getpid();
    snprintf(W.sandbox, sizeof W.sandbox, "/tmp/fuzz/%d", slot);
    if (make_regions() != 0 || make_sandbox() != 0 || open_fds() != 0)
        return -1;
    for (int i = 0; i < RANDOM_PART; i++)
        W.scratch[i] = (char)rng();
    arm_signals();
    refresh_structures();
    return 0;
}

#endif
