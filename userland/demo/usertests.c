/*
 * usertests: many small tests of the system-call interface, in the
 * manner of xv6's usertests: processes, exec, memory, files, directories,
 * pipes, signals, isolation, and bad arguments to the system calls.
 *
 * Each test runs in a child of its own (a crash fails that test only),
 * in a scratch directory, with a watchdog alarm.  A failing check writes
 * its reason to a pipe and exits; the parent prints "ok NAME" or "not ok
 * NAME: why".  On Cowix the parent also checks, after each test, that
 * free memory and the number of processes are back where they were.  The
 * last line is "N passed, N failed"; the exit status is 0 iff none failed.
 *
 * The expectations are Linux's: the same binary runs on a Linux host,
 * where the memory checks and the tests of pid 1 are skipped.
 *
 *   usertests             run every test
 *   usertests PREFIX...   run the tests whose names start with a PREFIX
 *   usertests -l          list the tests
 */
#include <dirent.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <time.h>

#include "userland/demo/demo.h"

#define WATCHDOG_SECONDS 60
#define KERNEL_ADDR 0xc0100000l     /* the kernel's code on Cowix */
#define UNMAPPED_ADDR 0x70000000l   /* nothing is mapped there */

static int report_fd = 2;           /* where a failing check explains itself */
static const char *self;            /* how to exec this program again */

/* ------------------------------------------------------------ checking */

static void fail(int line, const char *fmt, ...) __attribute__((noreturn, format(printf, 2, 3)));

static void fail(int line, const char *fmt, ...)
{
    char buf[300];
    int n = snprintf(buf, sizeof buf, "line %d: ", line);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + n, sizeof buf - (size_t)n, fmt, ap);
    va_end(ap);
    strcat(buf, "\n");
    write(report_fd, buf, strlen(buf));
    _exit(1);
}

/* Skipping is passing, with a reason the parent prints. */
static void skip(const char *why) __attribute__((noreturn));

static void skip(const char *why)
{
    write(report_fd, "# skip: ", 8);
    write(report_fd, why, strlen(why));
    _exit(0);
}

#define CHECK(cond) ((cond) ? (void)0 : fail(__LINE__, "%s", #cond))
#define MUST(call) must(__LINE__, #call, (long)(call))
#define FAILS(call, err) fails(__LINE__, #call, (long)(call), err)
#define EXITS(status, code) exits(__LINE__, status, code)
#define KILLED(status, sig) killed(__LINE__, status, sig)

/* A call that must succeed: anything but -1. */
static long must(int line, const char *what, long r)
{
    if (r == -1)
        fail(line, "%s: %s", what, errno_name(errno));
    return r;
}

/* A call that must fail with error `err`. */
static void fails(int line, const char *what, long r, int err)
{
    if (r != -1)
        fail(line, "%s = %ld, want %s", what, r, errno_name(err));
    if (errno != err)
        fail(line, "%s: %s, want %s", what, errno_name(errno), errno_name(err));
}

static void exits(int line, int status, int code)
{
    char how[64];
    if (!WIFEXITED(status) || WEXITSTATUS(status) != code)
        fail(line, "child %s, want exit %d", describe_status(status, how, sizeof how), code);
}

static void killed(int line, int status, int sig)
{
    char how[64];
    if (!WIFSIGNALED(status) || WTERMSIG(status) != sig)
        fail(line, "child %s, want SIG%s", describe_status(status, how, sizeof how),
             sigabbrev_np(sig));
}

/* ------------------------------------------------------------ helpers */

static int reap(pid_t pid)
{
    int status = -1;
    if (waitpid(pid, &status, 0) != pid)
        fail(__LINE__, "waitpid(%d): %s", pid, errno_name(errno));
    return status;
}

static void write_file(const char *name, const char *text, mode_t mode)
{
    int fd = MUST(open(name, O_WRONLY | O_CREAT | O_TRUNC, mode));
    CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
    close(fd);
}

/* The whole file as a string (at most cap - 1 bytes). */
static char *read_file(const char *name, char *buf, size_t cap)
{
    int fd = MUST(open(name, O_RDONLY));
    ssize_t n = MUST(read(fd, buf, cap - 1));
    buf[n] = '\0';
    close(fd);
    return buf;
}

/* Read from fd until end of file into buf (a string). */
static char *slurp(int fd, char *buf, size_t cap)
{
    size_t len = 0;
    ssize_t n;
    while (len < cap - 1 && (n = read(fd, buf + len, cap - 1 - len)) > 0)
        len += (size_t)n;
    buf[len] = '\0';
    return buf;
}

static volatile sig_atomic_t hits, last_sig;

static void count_signal(int sig)
{
    hits++;
    last_sig = sig;
}

static void handle(int sig, void (*fn)(int), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sa.sa_flags = flags;
    MUST(sigaction(sig, &sa, NULL));
}

static void block(int how, int sig)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    MUST(sigprocmask(how, &set, NULL));
}

/* A child that sends sig to its parent every 20 ms until killed: the
 * parent, blocked in some call, is sure to be interrupted in it. */
static pid_t pester_parent(int sig)
{
    pid_t parent = getpid(), pid = MUST(fork());
    if (pid == 0) {
        for (;;) {
            usleep(20000);
            kill(parent, sig);
        }
    }
    return pid;
}

static void stop_child(pid_t pid)
{
    kill(pid, SIGKILL);
    reap(pid);
}

/* Exec this program again in helper mode with args; return its output. */
static int run_self(char *const args[], char *const env[], char *out, size_t cap)
{
    int p[2];
    MUST(pipe(p));
    pid_t pid = MUST(fork());
    if (pid == 0) {
        dup2(p[1], 1);
        close(p[0]);
        close(p[1]);
        execvpe(self, args, env);
        _exit(127);
    }
    close(p[1]);
    slurp(p[0], out, cap);
    close(p[0]);
    return reap(pid);
}

/* ------------------------------------------------------------ processes */

static void t_exit_status(void)
{
    static const int codes[] = {0, 1, 42, 255, 256 + 7};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        pid_t pid = MUST(fork());
        if (pid == 0)
            _exit(codes[i]);
        EXITS(reap(pid), codes[i] & 0xff);
    }
}

static void t_wait_any(void)
{
    enum { N = 20 };
    int seen[N] = {0}, status;
    for (int i = 0; i < N; i++)
        if (MUST(fork()) == 0)
            _exit(i);
    for (int i = 0; i < N; i++) {
        MUST(wait(&status));
        CHECK(WIFEXITED(status) && WEXITSTATUS(status) < N);
        seen[WEXITSTATUS(status)]++;
    }
    for (int i = 0; i < N; i++)
        CHECK(seen[i] == 1);
    FAILS(wait(&status), ECHILD);
}

static void t_wait_nohang(void)
{
    int p[2], status;
    char c;
    MUST(pipe(p));
    pid_t pid = MUST(fork());
    if (pid == 0) {
        close(p[1]);
        read(p[0], &c, 1);
        _exit(3);
    }
    CHECK(waitpid(pid, &status, WNOHANG) == 0);
    close(p[1]);
    CHECK(waitpid(pid, &status, 0) == pid);
    EXITS(status, 3);
    FAILS(waitpid(pid, &status, WNOHANG), ECHILD);
}

static void t_wait_errors(void)
{
    int status;
    FAILS(waitpid(-1, &status, 0), ECHILD);
    FAILS(waitpid(1, &status, 0), ECHILD);          /* not our child */
    FAILS(waitpid(-1, &status, 0x100), EINVAL);     /* no such option */
}

/* When a parent dies, its child is adopted (by init on Cowix). */
static void t_orphan(void)
{
    int p[2];
    pid_t got[2] = {0, 0};              /* the orphan's pid and new parent */
    MUST(pipe(p));
    pid_t mid = MUST(fork());
    if (mid == 0) {
        pid_t me = getpid();
        if (MUST(fork()) == 0) {
            for (int i = 0; i < 500 && getppid() == me; i++)
                usleep(10000);
            pid_t report[2] = {getpid(), getppid()};
            write(p[1], report, sizeof report);
            _exit(0);
        }
        _exit(0);
    }
    close(p[1]);
    EXITS(reap(mid), 0);
    CHECK(read(p[0], got, sizeof got) == sizeof got);
    CHECK(got[1] != mid && got[1] > 0);
    CHECK(!on_cowix() || got[1] == 1);
    char c;
    CHECK(read(p[0], &c, 1) == 0);      /* the orphan has exited... */
    for (int i = 0; i < 500 && proc_state(got[0]); i++)
        usleep(10000);                  /* ...and its new parent reaps it */
    CHECK(proc_state(got[0]) == 0);
}

static void t_zombie(void)
{
    pid_t pid = MUST(fork());
    if (pid == 0)
        _exit(0);
    for (int i = 0; i < 500 && proc_state(pid) != 'Z'; i++)
        usleep(10000);
    CHECK(proc_state(pid) == 'Z');
    MUST(kill(pid, 0));                 /* a zombie is still a process */
    EXITS(reap(pid), 0);
    CHECK(proc_state(pid) == 0);
}

/* A chain of processes, each the parent of the next, each exiting with
 * its child's status plus one: the first learns the chain's length. */
static int chain(int left)
{
    if (left == 0)
        return 0;
    pid_t pid = MUST(fork());
    if (pid == 0)
        _exit(chain(left - 1));
    int status = reap(pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) + 1 : 255;
}

static void t_fork_chain(void)
{
    CHECK(chain(30) == 30);
}

static void t_fork_cow_many(void)
{
    enum { KIDS = 8, SIZE = 8 << 20, SLICE = SIZE / KIDS };
    char *mem = malloc(SIZE);
    CHECK(mem != NULL);
    memset(mem, 'p', SIZE);
    pid_t pids[KIDS];
    for (int k = 0; k < KIDS; k++) {
        pids[k] = MUST(fork());
        if (pids[k] == 0) {
            memset(mem + k * SLICE, 'a' + k, SLICE);
            for (int i = 0; i < SIZE; i += 1024)
                CHECK(mem[i] == (i / SLICE == k ? 'a' + k : 'p'));
            _exit(0);
        }
    }
    for (int k = 0; k < KIDS; k++)
        EXITS(reap(pids[k]), 0);
    for (int i = 0; i < SIZE; i += 512)
        CHECK(mem[i] == 'p');
    free(mem);
}

/* ------------------------------------------------------------ exec */

static void t_exec_args(void)
{
    char out[512], expect[512];
    char *args[] = {"usertests", "-x", "args", "one", "two words", "", NULL};
    char *env[] = {"UT=env value", "PATH=/bin:/usr/bin", NULL};
    int status = run_self(args, env, out, sizeof out);
    EXITS(status, 0);
    snprintf(expect, sizeof expect, "6 [usertests] [-x] [args] [one] [two words] [] UT=env value\n");
    if (strcmp(out, expect) != 0)
        fail(__LINE__, "got '%s'", out);
}

static void t_exec_fds(void)
{
    char out[128], a[12], b[12], c[12];
    write_file("f", "x", 0644);
    int keep = MUST(open("f", O_RDONLY)), cloexec = MUST(open("f", O_RDONLY | O_CLOEXEC));
    int dupped = MUST(dup(cloexec));    /* dup does not copy FD_CLOEXEC */
    snprintf(a, sizeof a, "%d", keep);
    snprintf(b, sizeof b, "%d", cloexec);
    snprintf(c, sizeof c, "%d", dupped);
    char *args[] = {"usertests", "-x", "fds", a, b, c, NULL};
    EXITS(run_self(args, environ, out, sizeof out), 0);
    if (strcmp(out, "open closed open\n") != 0)
        fail(__LINE__, "got '%s'", out);
    unlink("f");
}

static void t_exec_signals(void)
{
    char out[128];
    handle(SIGUSR1, count_signal, 0);
    handle(SIGUSR2, SIG_IGN, 0);
    block(SIG_BLOCK, SIGINT);
    char *args[] = {"usertests", "-x", "signals", NULL};
    EXITS(run_self(args, environ, out, sizeof out), 0);
    if (strcmp(out, "USR1 default, USR2 ignored, INT blocked\n") != 0)
        fail(__LINE__, "got '%s'", out);
}

static void t_exec_errors(void)
{
    char *args[] = {"x", NULL};
    static int still_here = 42;
    write_file("noexec", "echo hi\n", 0644);
    write_file("text", "hello\n", 0755);
    write_file("badelf", "\177ELF\1\1\1", 0755);
    FAILS(execve("/no/such/program", args, environ), ENOENT);
    FAILS(execve(".", args, environ), EACCES);
    FAILS(execve("noexec", args, environ), EACCES);
    FAILS(execve("text", args, environ), ENOEXEC);
    FAILS(execve("badelf", args, environ), ENOEXEC);
    FAILS(execve("noexec/x", args, environ), ENOTDIR);
    CHECK(still_here == 42);            /* a failed exec leaves us intact */
    unlink("noexec");
    unlink("text");
    unlink("badelf");
}

/* What the exec tests ask of this program: "usertests -x MODE ARGS". */
static int helper(int argc, char **argv)
{
    if (!strcmp(argv[2], "args")) {
        printf("%d", argc);
        for (int i = 0; i < argc; i++)
            printf(" [%s]", argv[i]);
        printf(" UT=%s\n", getenv("UT") ? getenv("UT") : "(unset)");
    } else if (!strcmp(argv[2], "fds")) {
        for (int i = 3; i < argc; i++)
            printf("%s%s", fcntl(atoi(argv[i]), F_GETFD) < 0 ? "closed" : "open",
                   i + 1 < argc ? " " : "\n");
    } else if (!strcmp(argv[2], "signals")) {
        struct sigaction usr1, usr2;
        sigset_t mask;
        sigaction(SIGUSR1, NULL, &usr1);
        sigaction(SIGUSR2, NULL, &usr2);
        sigprocmask(SIG_BLOCK, NULL, &mask);
        printf("USR1 %s, USR2 %s, INT %s\n", usr1.sa_handler == SIG_DFL ? "default" : "caught",
               usr2.sa_handler == SIG_IGN ? "ignored" : "not ignored",
               sigismember(&mask, SIGINT) ? "blocked" : "unblocked");
    }
    return 0;
}

/* ------------------------------------------------------------ memory */

static int global = 1;

static void t_mem_private(void)
{
    int *heap = malloc(sizeof *heap), up[2], down[2];
    volatile int stack = 1;
    char c = 0;
    CHECK(heap != NULL);
    *heap = 1;
    MUST(pipe(up));
    MUST(pipe(down));
    pid_t pid = MUST(fork());
    if (pid == 0) {
        global = *heap = stack = 2;
        write(up[1], &c, 1);
        read(down[0], &c, 1);           /* the parent has written 3s */
        CHECK(global == 2 && *heap == 2 && stack == 2);
        _exit(0);
    }
    read(up[0], &c, 1);
    CHECK(global == 1 && *heap == 1 && stack == 1);
    global = *heap = stack = 3;
    write(down[1], &c, 1);
    EXITS(reap(pid), 0);
}

/* The kernel writing into a copy-on-write page (read() into a buffer
 * shared since fork) must copy it first, for either side. */
static char shared_buf[3 * 4096];

static void t_mem_read_into_shared(void)
{
    int p[2], q[2];
    char c;
    memset(shared_buf, 'p', sizeof shared_buf);
    MUST(pipe(p));
    MUST(pipe(q));
    pid_t pid = MUST(fork());
    if (pid == 0) {
        close(q[1]);
        CHECK(read(q[0], &c, 1) == 0);  /* the parent's read is done */
        for (size_t i = 0; i < sizeof shared_buf; i++)
            CHECK(shared_buf[i] == 'p');
        CHECK(read(p[0], shared_buf, sizeof shared_buf) == sizeof shared_buf);
        CHECK(shared_buf[0] == 'c' && shared_buf[sizeof shared_buf - 1] == 'c');
        _exit(0);
    }
    char data[sizeof shared_buf];
    memset(data, 'c', sizeof data);
    CHECK(write(p[1], data, sizeof data) == sizeof data);
    CHECK(read(p[0], shared_buf, 4096) == 4096);        /* the parent's read */
    CHECK(write(p[1], data, 4096) == 4096);             /* the child's share */
    close(q[1]);
    EXITS(reap(pid), 0);
    CHECK(shared_buf[0] == 'c' && shared_buf[4096] == 'p');
}

static volatile char *probe;

static void touch_probe(void) { *probe = 1; }
static void read_probe(void) { (void)*probe; }

static void t_mem_sbrk(void)
{
    char *old = sbrk(0);
    CHECK(sbrk(1 << 20) == old);
    CHECK((char *)sbrk(0) == old + (1 << 20));
    for (int i = 0; i < 1 << 20; i += 4096)
        CHECK(old[i] == 0);
    memset(old, 'b', 1 << 20);
    CHECK(sbrk(-(1 << 20)) == old + (1 << 20));
    CHECK(sbrk(0) == old);
    probe = old + (1 << 19);
    KILLED(run_in_child(touch_probe), SIGSEGV);
}

static void t_mem_malloc(void)
{
    enum { N = 300 };
    static char *blocks[N];
    static size_t sizes[N];
    for (int i = 0; i < N; i++) {
        sizes[i] = i % 50 == 49 ? 300000 : (size_t)(i * 37 % 3000 + 1);
        blocks[i] = malloc(sizes[i]);
        CHECK(blocks[i] != NULL);
        memset(blocks[i], i, sizes[i]);
    }
    for (int i = 0; i < N; i += 3)
        free(blocks[i]);
    for (int i = 1; i < N; i += 3) {
        blocks[i] = realloc(blocks[i], sizes[i] * 2);
        CHECK(blocks[i] != NULL);
    }
    for (int i = 0; i < N; i++) {
        if (i % 3 == 0)
            continue;
        for (size_t j = 0; j < sizes[i]; j += 7)
            CHECK(blocks[i][j] == (char)i);
        free(blocks[i]);
    }
}

static void t_mem_mmap(void)
{
    size_t len = 1 << 20;
    char *m = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED);
    for (size_t i = 0; i < len; i += 4096)
        CHECK(m[i] == 0);
    memset(m, 'm', len);
    pid_t pid = MUST(fork());
    if (pid == 0) {
        memset(m, 'c', len);
        _exit(0);
    }
    EXITS(reap(pid), 0);
    CHECK(m[0] == 'm' && m[len - 1] == 'm');
    MUST(munmap(m, len));
    probe = m;
    KILLED(run_in_child(read_probe), SIGSEGV);
}

static void t_mem_mprotect(void)
{
    char *m = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(m != MAP_FAILED);
    m[0] = 'x';
    MUST(mprotect(m, 4096, PROT_READ));
    probe = m;
    EXITS(run_in_child(read_probe), 0);
    KILLED(run_in_child(touch_probe), SIGSEGV);
    probe = m + 4096;
    EXITS(run_in_child(touch_probe), 0);
    CHECK(m[0] == 'x');
    MUST(munmap(m, 2 * 4096));
}

static void t_mem_mmap_errors(void)
{
    int rw = PROT_READ | PROT_WRITE, anon = MAP_PRIVATE | MAP_ANONYMOUS;
    char *page = mmap(NULL, 4096, rw, anon, -1, 0);
    CHECK(page != MAP_FAILED);
    FAILS(mmap(NULL, 0, rw, anon, -1, 0), EINVAL);
    FAILS(mmap(NULL, 4096, rw, MAP_ANONYMOUS, -1, 0), EINVAL);  /* private or shared? */
    FAILS(mmap(NULL, 0xf0000000u, rw, anon, -1, 0), ENOMEM);
    FAILS(mmap(NULL, 4096, rw, MAP_PRIVATE, -1, 0), EBADF);
    FAILS(munmap(page + 1, 4096), EINVAL);
    FAILS(mprotect(page + 1, 4096, PROT_READ), EINVAL);
    MUST(munmap(page, 4096));
}

#pragma GCC diagnostic ignored "-Winfinite-recursion"
static int recurse(int depth)
{
    volatile char frame[1024];
    frame[0] = (char)depth;
    return depth == 0 ? frame[0] : recurse(depth - 1) + frame[0];
}

static void deep_stack(void) { recurse(2048); }    /* about 2 MiB */

static void t_mem_stack(void)
{
    EXITS(run_in_child(deep_stack), 0);
}

/* ------------------------------------------------------------ files */

static void t_file_rw(void)
{
    char buf[32] = {0};
    struct stat st;
    int fd = MUST(open("f", O_CREAT | O_RDWR | O_TRUNC, 0644));
    CHECK(write(fd, "hello, world", 12) == 12);
    CHECK(lseek(fd, 0, SEEK_CUR) == 12);
    CHECK(lseek(fd, 7, SEEK_SET) == 7);
    CHECK(read(fd, buf, sizeof buf) == 5 && memcmp(buf, "world", 5) == 0);
    CHECK(read(fd, buf, sizeof buf) == 0);
    MUST(fstat(fd, &st));
    CHECK(S_ISREG(st.st_mode) && st.st_size == 12 && st.st_nlink == 1);
    close(fd);
    CHECK(strcmp(read_file("f", buf, sizeof buf), "hello, world") == 0);
    MUST(unlink("f"));
    FAILS(open("f", O_RDONLY), ENOENT);
}

static void t_file_append(void)
{
    char buf[16];
    int fd = MUST(open("f", O_CREAT | O_WRONLY | O_APPEND, 0644));
    int other = MUST(open("f", O_WRONLY));
    CHECK(write(fd, "a", 1) == 1);
    MUST(lseek(fd, 0, SEEK_SET));
    CHECK(write(fd, "b", 1) == 1);              /* still at the end */
    CHECK(write(other, "X", 1) == 1);           /* at offset 0 */
    CHECK(strcmp(read_file("f", buf, sizeof buf), "Xb") == 0);
    close(fd);
    close(other);
    unlink("f");
}

static void t_file_trunc(void)
{
    char buf[8192];
    struct stat st;
    write_file("f", "0123456789", 0644);
    int fd = MUST(open("f", O_RDWR | O_TRUNC));
    MUST(fstat(fd, &st));
    CHECK(st.st_size == 0);
    MUST(ftruncate(fd, 8192));
    CHECK(read(fd, buf, sizeof buf) == 8192);
    for (int i = 0; i < 8192; i++)
        CHECK(buf[i] == 0);
    MUST(ftruncate(fd, 3));
    MUST(fstat(fd, &st));
    CHECK(st.st_size == 3);
    close(fd);
    unlink("f");
}

/* creat(8), the 32-bit truncate(92) and ftruncate(93), under a umask. */
static void t_file_creat_trunc32(void)
{
    struct stat st;
    mode_t old = umask(077);
    int fd = MUST(creat("f", 0666));
    CHECK(umask(old) == 077);
    MUST(fstat(fd, &st));
    CHECK((st.st_mode & 07777) == 0600);
    CHECK(write(fd, "abc", 3) == 3);
    FAILS(read(fd, &st, 1), EBADF);             /* creat opens write-only */
    close(fd);
    fd = MUST(creat("f", 0644));                /* again: truncates, keeps the mode */
    MUST(fstat(fd, &st));
    CHECK(st.st_size == 0 && (st.st_mode & 07777) == 0600);
    MUST(syscall(__NR_truncate, "f", 10000));
    MUST(stat("f", &st));
    CHECK(st.st_size == 10000);
    MUST(syscall(__NR_ftruncate, fd, 3));
    MUST(fstat(fd, &st));
    CHECK(st.st_size == 3);
    FAILS(syscall(__NR_ftruncate, fd, -1), EINVAL);
    FAILS(syscall(__NR_truncate, "nothing", 0), ENOENT);
    close(fd);
    unlink("f");
}

/* chmod and fchmod set the mode, utimensat the times; the sync calls have
 * nothing to do on a RAM disk but exist. */
static void t_file_mode_times(void)
{
    struct stat st;
    write_file("f", "x", 0644);
    MUST(chmod("f", 0751));
    MUST(stat("f", &st));
    CHECK((st.st_mode & 07777) == 0751 && S_ISREG(st.st_mode));
    int fd = MUST(open("f", O_RDWR));
    MUST(fchmod(fd, 0600));
    MUST(fstat(fd, &st));
    CHECK((st.st_mode & 07777) == 0600);
    struct timespec times[2] = {{1000000, 5}, {2000000, 7}};
    MUST(syscall(__NR_utimensat, AT_FDCWD, "f", times, 0));
    MUST(stat("f", &st));
    CHECK(st.st_atime == 1000000 && st.st_mtime == 2000000);
    MUST(fsync(fd));
    MUST(syscall(__NR_fdatasync, fd));
    sync();
    FAILS(fsync(-1), EBADF);
    close(fd);
    unlink("f");
}

/* Record locks: nobody else holds one, so F_GETLK says F_UNLCK; requests
 * are checked as Linux checks them. */
struct flock32 {
    short l_type, l_whence;
    long l_start, l_len;
    int l_pid;
};

static void t_file_locks(void)
{
    write_file("f", "data", 0644);
    int rd = MUST(open("f", O_RDONLY));
    struct flock32 l = {1 /* F_WRLCK */, SEEK_SET, 0, 0, 0};
    MUST(syscall(__NR_fcntl64, rd, 5 /* F_GETLK */, &l));
    CHECK(l.l_type == 2);                       /* F_UNLCK: no conflict */
    FAILS(syscall(__NR_fcntl64, rd, 5, &l), EINVAL);        /* F_UNLCK is no question */
    l.l_type = 1;
    FAILS(syscall(__NR_fcntl64, rd, 6 /* F_SETLK */, &l), EBADF);   /* write lock, read fd */
    l.l_type = 0;                               /* F_RDLCK */
    MUST(syscall(__NR_fcntl64, rd, 6, &l));
    l.l_type = 2;
    MUST(syscall(__NR_fcntl64, rd, 6, &l));
    l.l_type = 7;
    FAILS(syscall(__NR_fcntl64, rd, 6, &l), EINVAL);
    l.l_type = 0, l.l_whence = 9;
    FAILS(syscall(__NR_fcntl64, rd, 6, &l), EINVAL);
    FAILS(syscall(__NR_fcntl64, rd, 5, KERNEL_ADDR), EFAULT);
    FAILS(syscall(__NR_fcntl64, rd, 13 /* F_SETLK64 */, UNMAPPED_ADDR), EFAULT);
    close(rd);
    unlink("f");
}

static unsigned char pattern_at(long off)
{
    return (unsigned char)(off * 7 + off / 4096);
}

/* 5 MiB: past the direct, single and into the double indirect blocks. */
static void t_file_big(void)
{
    enum { CHUNK = 64 << 10, TOTAL = 5 << 20 };
    static unsigned char buf[CHUNK];
    int fd = MUST(open("big", O_CREAT | O_RDWR | O_TRUNC, 0644));
    for (long off = 0; off < TOTAL; off += CHUNK) {
        for (long i = 0; i < CHUNK; i++)
            buf[i] = pattern_at(off + i);
        CHECK(write(fd, buf, CHUNK) == CHUNK);
    }
    struct stat st;
    MUST(fstat(fd, &st));
    CHECK(st.st_size == TOTAL);
    static const long spots[] = {0, 4095, 4096, 49151, 49152, 4243455, 4243456, TOTAL - 1};
    for (size_t i = 0; i < sizeof spots / sizeof spots[0]; i++) {
        unsigned char c;
        CHECK(pread(fd, &c, 1, spots[i]) == 1 && c == pattern_at(spots[i]));
    }
    MUST(lseek(fd, 0, SEEK_SET));
    for (long off = 0; off < TOTAL; off += CHUNK) {
        CHECK(read(fd, buf, CHUNK) == CHUNK);
        for (long i = 0; i < CHUNK; i += 97)
            CHECK(buf[i] == pattern_at(off + i));
    }
    close(fd);
    MUST(unlink("big"));
}

static void t_file_sparse(void)
{
    char buf[4096];
    struct stat st;
    int fd = MUST(open("f", O_CREAT | O_RDWR | O_TRUNC, 0644));
    CHECK(lseek(fd, 1 << 20, SEEK_SET) == 1 << 20);
    CHECK(write(fd, "x", 1) == 1);
    MUST(fstat(fd, &st));
    CHECK(st.st_size == (1 << 20) + 1);
    CHECK(pread(fd, buf, sizeof buf, 500000) == sizeof buf);
    for (size_t i = 0; i < sizeof buf; i++)
        CHECK(buf[i] == 0);
    close(fd);
    unlink("f");
}

static void t_file_excl(void)
{
    FAILS(open("f", O_RDONLY), ENOENT);
    int fd = MUST(open("f", O_CREAT | O_EXCL | O_WRONLY, 0644));
    close(fd);
    FAILS(open("f", O_CREAT | O_EXCL | O_WRONLY, 0644), EEXIST);
    unlink("f");
}

static void t_file_unlink_open(void)
{
    char buf[8] = {0};
    struct stat st;
    write_file("f", "still", 0644);
    int fd = MUST(open("f", O_RDONLY));
    MUST(unlink("f"));
    FAILS(open("f", O_RDONLY), ENOENT);
    CHECK(read(fd, buf, sizeof buf) == 5 && strcmp(buf, "still") == 0);
    MUST(fstat(fd, &st));
    CHECK(st.st_nlink == 0);
    close(fd);
}

static void t_file_rename(void)
{
    char buf[16];
    write_file("a", "A", 0644);
    write_file("b", "B", 0644);
    MUST(rename("a", "c"));
    FAILS(open("a", O_RDONLY), ENOENT);
    CHECK(strcmp(read_file("c", buf, sizeof buf), "A") == 0);
    MUST(rename("c", "b"));                     /* replaces b */
    CHECK(strcmp(read_file("b", buf, sizeof buf), "A") == 0);
    FAILS(open("c", O_RDONLY), ENOENT);
    MUST(rename("b", "b"));
    FAILS(rename("nothing", "x"), ENOENT);
    unlink("b");
}

static void t_file_link(void)
{
    struct stat a, b;
    write_file("a", "data", 0644);
    MUST(link("a", "b"));
    MUST(stat("a", &a));
    MUST(stat("b", &b));
    CHECK(a.st_ino == b.st_ino && a.st_nlink == 2 && b.st_nlink == 2);
    FAILS(link("a", "b"), EEXIST);
    mkdir("d", 0755);
    FAILS(link("d", "e"), EPERM);
    MUST(unlink("a"));
    MUST(stat("b", &b));
    CHECK(b.st_nlink == 1);
    unlink("b");
    rmdir("d");
}

static void t_file_symlink(void)
{
    char buf[32];
    struct stat st;
    MUST(symlink("target", "l"));
    CHECK(readlink("l", buf, sizeof buf) == 6 && memcmp(buf, "target", 6) == 0);
    MUST(lstat("l", &st));
    CHECK(S_ISLNK(st.st_mode));
    FAILS(stat("l", &st), ENOENT);              /* dangling */
    write_file("target", "through", 0644);
    CHECK(strcmp(read_file("l", buf, sizeof buf), "through") == 0);
    MUST(symlink("y", "x"));
    MUST(symlink("x", "y"));
    FAILS(open("x", O_RDONLY), ELOOP);
    unlink("l"), unlink("target"), unlink("x"), unlink("y");
}

static void t_file_dup(void)
{
    char buf[8] = {0};
    write_file("f", "abcdef", 0644);
    int fd = MUST(open("f", O_RDONLY | O_CLOEXEC));
    int copy = MUST(dup(fd));
    CHECK(fcntl(copy, F_GETFD) == 0);           /* FD_CLOEXEC is not copied */
    CHECK(read(fd, buf, 2) == 2);
    CHECK(read(copy, buf, 2) == 2 && memcmp(buf, "cd", 2) == 0);     /* shared offset */
    CHECK(dup2(fd, 20) == 20);
    CHECK(fcntl(fd, F_DUPFD, 30) >= 30);
    close(fd);
    CHECK(read(20, buf, 2) == 2 && memcmp(buf, "ef", 2) == 0);
    CHECK(dup2(copy, copy) == copy);
    unlink("f");
}

/* A file description is shared across fork: one offset for both. */
static void t_file_fork_offset(void)
{
    char buf[32];
    int fd = MUST(open("f", O_CREAT | O_WRONLY | O_TRUNC, 0644));
    pid_t pid = MUST(fork());
    if (pid == 0) {
        CHECK(write(fd, "child ", 6) == 6);
        _exit(0);
    }
    EXITS(reap(pid), 0);
    CHECK(write(fd, "parent", 6) == 6);
    close(fd);
    CHECK(strcmp(read_file("f", buf, sizeof buf), "child parent") == 0);
    unlink("f");
}

static void t_file_fd_limit(void)
{
    struct rlimit rl;
    MUST(getrlimit(RLIMIT_NOFILE, &rl));
    if (rl.rlim_cur > 65536)
        skip("descriptor limit too high to reach");
    int fd, first = -1, last = -1;
    while ((fd = open("/", O_RDONLY)) >= 0) {
        first = first < 0 ? fd : first;
        last = fd;
    }
    CHECK(errno == EMFILE);
    CHECK(last == (int)rl.rlim_cur - 1);        /* every slot was used */
    int p[2];
    FAILS(pipe(p), EMFILE);
    FAILS(dup(last), EMFILE);
    for (fd = first; fd <= last; fd++)
        close(fd);
    fd = MUST(open("/", O_RDONLY));
    close(fd);
}

static void t_file_badfd(void)
{
    char c;
    FAILS(read(-1, &c, 1), EBADF);
    FAILS(write(999, &c, 1), EBADF);
    FAILS(close(999), EBADF);
    int fd = MUST(open("f", O_CREAT | O_WRONLY, 0644));
    FAILS(read(fd, &c, 1), EBADF);
    close(fd);
    FAILS(close(fd), EBADF);
    FAILS(write(fd, "x", 1), EBADF);
    fd = MUST(open("f", O_RDONLY));
    FAILS(write(fd, "x", 1), EBADF);
    close(fd);
    fd = MUST(open(".", O_RDONLY));
    FAILS(read(fd, &c, 1), EISDIR);
    close(fd);
    unlink("f");
}

static void t_file_lseek(void)
{
    int p[2];
    write_file("f", "0123456789", 0644);
    int fd = MUST(open("f", O_RDONLY));
    CHECK(lseek(fd, -3, SEEK_END) == 7);
    CHECK(lseek(fd, 2, SEEK_CUR) == 9);
    CHECK(lseek(fd, 100, SEEK_SET) == 100);     /* beyond the end is fine */
    FAILS(lseek(fd, -20, SEEK_END), EINVAL);
    FAILS(lseek(fd, 0, 99), EINVAL);
    MUST(pipe(p));
    FAILS(lseek(p[0], 0, SEEK_SET), ESPIPE);
    close(fd);
    unlink("f");
}

static void t_file_iovec(void)
{
    char a[2], b[10] = {0};
    struct iovec out[3] = {{"ab", 2}, {"", 0}, {"cde", 3}};
    struct iovec in[2] = {{a, sizeof a}, {b, sizeof b}};
    int fd = MUST(open("f", O_CREAT | O_RDWR | O_TRUNC, 0644));
    CHECK(writev(fd, out, 3) == 5);
    MUST(lseek(fd, 0, SEEK_SET));
    CHECK(readv(fd, in, 2) == 5);
    CHECK(memcmp(a, "ab", 2) == 0 && strcmp(b, "cde") == 0);
    close(fd);
    unlink("f");
}

static void t_file_stat(void)
{
    struct stat a, b, d;
    write_file("f", "12345", 0640);
    MUST(stat("f", &a));
    int fd = MUST(open("f", O_RDONLY));
    MUST(fstat(fd, &b));
    close(fd);
    CHECK(S_ISREG(a.st_mode) && (a.st_mode & 07777) == 0640 && a.st_size == 5);
    CHECK(a.st_ino == b.st_ino && a.st_dev == b.st_dev);
    MUST(stat(".", &d));
    CHECK(S_ISDIR(d.st_mode) && d.st_dev == a.st_dev);
    FAILS(stat("f/", &a), ENOTDIR);
    FAILS(stat("nothing", &a), ENOENT);
    unlink("f");
}

/* ------------------------------------------------------------ directories */

static void t_dir_mkdir(void)
{
    struct stat st;
    MUST(mkdir("d", 0755));
    FAILS(mkdir("d", 0755), EEXIST);
    MUST(stat("d", &st));
    CHECK(S_ISDIR(st.st_mode) && st.st_nlink == 2);
    MUST(mkdir("d/sub", 0755));
    MUST(stat("d", &st));
    CHECK(st.st_nlink == 3);                    /* sub's ".." */
    MUST(rmdir("d/sub"));
    MUST(rmdir("d"));
    FAILS(stat("d", &st), ENOENT);
}

/* unlinkat: AT_REMOVEDIR makes it rmdir, and each refuses the other's kind. */
static void t_dir_unlinkat(void)
{
    MUST(mkdir("d", 0755));
    write_file("f", "x", 0644);
    int dir = MUST(open(".", O_RDONLY | O_DIRECTORY));
    FAILS(syscall(__NR_unlinkat, dir, "d", 0), EISDIR);
    FAILS(syscall(__NR_unlinkat, dir, "f", AT_REMOVEDIR), ENOTDIR);
    FAILS(syscall(__NR_unlinkat, dir, "f", 0x1), EINVAL);   /* no such flag */
    MUST(syscall(__NR_unlinkat, dir, "d", AT_REMOVEDIR));
    MUST(syscall(__NR_unlinkat, dir, "f", 0));
    FAILS(access("d", F_OK), ENOENT);
    FAILS(access("f", F_OK), ENOENT);
    close(dir);
}

static void t_dir_errors(void)
{
    MUST(mkdir("d", 0755));
    write_file("d/f", "", 0644);
    FAILS(rmdir("d"), ENOTEMPTY);
    FAILS(rmdir("d/f"), ENOTDIR);
    FAILS(unlink("d"), EISDIR);
    FAILS(rmdir("."), EINVAL);
    FAILS(rmdir("nothing"), ENOENT);
    FAILS(mkdir("nothing/d", 0755), ENOENT);
    FAILS(mkdir("d/f/d", 0755), ENOTDIR);
    unlink("d/f");
    rmdir("d");
}

static void t_dir_list(void)
{
    enum { N = 60 };
    char name[32];
    MUST(mkdir("d", 0755));
    for (int i = 0; i < N; i++) {
        snprintf(name, sizeof name, "d/n%02d", i);
        write_file(name, "", 0644);
    }
    for (int pass = 0; pass < 2; pass++) {
        int seen[N] = {0}, dots = 0, total = 0;
        DIR *d = opendir("d");
        CHECK(d != NULL);
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            total++;
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                dots++;
            else if (e->d_name[0] == 'n')
                seen[atoi(e->d_name + 1)]++;
        }
        closedir(d);
        CHECK(dots == 2 && total == 2 + N / (pass + 1));
        for (int i = 0; i < N; i++)
            CHECK(seen[i] == (pass == 0 || i % 2 == 1));
        for (int i = 0; i < N; i += 2) {    /* remove half, list again */
            snprintf(name, sizeof name, "d/n%02d", i);
            unlink(name);
        }
    }
    for (int i = 1; i < N; i += 2) {
        snprintf(name, sizeof name, "d/n%02d", i);
        MUST(unlink(name));
    }
    MUST(rmdir("d"));
}

static void t_dir_chdir(void)
{
    char start[512], here[512];
    struct stat st;
    CHECK(getcwd(start, sizeof start) != NULL);
    MUST(mkdir("a", 0755));
    MUST(mkdir("a/b", 0755));
    MUST(chdir("a/b"));
    CHECK(getcwd(here, sizeof here) != NULL);
    CHECK(strncmp(here, start, strlen(start)) == 0 && strcmp(here + strlen(start), "/a/b") == 0);
    write_file("f", "", 0644);
    MUST(chdir("../.."));
    CHECK(getcwd(here, sizeof here) != NULL && strcmp(here, start) == 0);
    MUST(stat("a/b/f", &st));
    FAILS(chdir("a/b/f"), ENOTDIR);
    FAILS(chdir("nothing"), ENOENT);
    CHECK(getcwd(here, 1) == NULL && errno == ERANGE);
    unlink("a/b/f");
    rmdir("a/b");
    rmdir("a");
}

static void t_dir_paths(void)
{
    char longname[300];
    memset(longname, 'n', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    write_file("f", "", 0644);
    MUST(mkdir("d", 0755));
    FAILS(open("f/x", O_RDONLY), ENOTDIR);
    FAILS(open(longname, O_RDONLY | O_CREAT, 0644), ENAMETOOLONG);
    FAILS(open("", O_RDONLY), ENOENT);
    FAILS(open("f", O_RDONLY | O_DIRECTORY), ENOTDIR);
    FAILS(open("d", O_WRONLY), EISDIR);
    close(MUST(open(".//./f", O_RDONLY)));
    close(MUST(open("d/../f", O_RDONLY)));
    close(MUST(open("d/./../d/..//f", O_RDONLY)));
    unlink("f");
    rmdir("d");
}

static void t_dir_rename(void)
{
    struct stat st;
    MUST(mkdir("a", 0755));
    write_file("a/f", "", 0644);
    MUST(rename("a", "b"));
    MUST(stat("b/f", &st));
    FAILS(stat("a", &st), ENOENT);
    FAILS(rename("b", "b/sub"), EINVAL);        /* into itself */
    write_file("g", "", 0644);
    FAILS(rename("g", "b"), EISDIR);
    FAILS(rename("b", "g"), ENOTDIR);
    MUST(mkdir("c", 0755));
    write_file("c/x", "", 0644);
    FAILS(rename("b", "c"), ENOTEMPTY);
    MUST(mkdir("e", 0755));
    MUST(rename("b", "e"));                     /* over an empty directory */
    MUST(stat("e/f", &st));
    unlink("e/f"), unlink("c/x"), unlink("g");
    rmdir("e"), rmdir("c");
}

static void t_dir_deep(void)
{
    enum { DEPTH = 16 };
    char path[256] = "d";
    char buf[8];
    for (int i = 0; i < DEPTH; i++) {
        MUST(mkdir(path, 0755));
        strcat(path, "/d");
    }
    write_file(path, "deep", 0644);
    CHECK(strcmp(read_file(path, buf, sizeof buf), "deep") == 0);
    MUST(unlink(path));
    for (int i = 0; i < DEPTH; i++) {
        path[strlen(path) - 2] = '\0';
        MUST(rmdir(path));
    }
}

/* ------------------------------------------------------------ pipes */

static void t_pipe_basic(void)
{
    int p[2], n = -1;
    char buf[8] = {0};
    MUST(pipe(p));
    CHECK(write(p[1], "hello", 5) == 5);
    MUST(ioctl(p[0], FIONREAD, &n));
    CHECK(n == 5);
    CHECK(read(p[0], buf, sizeof buf) == 5 && strcmp(buf, "hello") == 0);
    close(p[0]);
    close(p[1]);
}

/* More than a pipe holds, in odd-sized pieces on both sides. */
static void t_pipe_big(void)
{
    enum { TOTAL = 256 << 10 };
    int p[2];
    MUST(pipe(p));
    pid_t pid = MUST(fork());
    if (pid == 0) {
        unsigned char buf[1000];
        close(p[0]);
        for (long off = 0; off < TOTAL; off += (long)sizeof buf) {
            long n = TOTAL - off < (long)sizeof buf ? TOTAL - off : (long)sizeof buf;
            for (long i = 0; i < n; i++)
                buf[i] = pattern_at(off + i);
            CHECK(write(p[1], buf, (size_t)n) == n);
        }
        _exit(0);
    }
    close(p[1]);
    unsigned char buf[777];
    long total = 0;
    ssize_t n;
    while ((n = read(p[0], buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; i++)
            CHECK(buf[i] == pattern_at(total + i));
        total += n;
    }
    CHECK(n == 0 && total == TOTAL);
    EXITS(reap(pid), 0);
}

static void t_pipe_eof(void)
{
    int p[2];
    char c;
    MUST(pipe(p));
    int second = MUST(dup(p[1]));
    close(p[1]);
    struct pollfd pf = {p[0], POLLIN, 0};
    CHECK(poll(&pf, 1, 0) == 0);                /* one writer left: no EOF */
    close(second);
    CHECK(read(p[0], &c, 1) == 0);
    close(p[0]);
}

static void write_to_closed_pipe(void)
{
    int p[2];
    MUST(pipe(p));
    close(p[0]);
    write(p[1], "x", 1);
}

static void t_pipe_sigpipe(void)
{
    int p[2];
    KILLED(run_in_child(write_to_closed_pipe), SIGPIPE);
    handle(SIGPIPE, SIG_IGN, 0);
    MUST(pipe(p));
    close(p[0]);
    FAILS(write(p[1], "x", 1), EPIPE);
    close(p[1]);
}

static void t_pipe_flags(void)
{
    int p[2];
    char buf[1024];
    MUST(pipe2(p, O_CLOEXEC));
    CHECK(fcntl(p[0], F_GETFD) == FD_CLOEXEC && fcntl(p[1], F_GETFD) == FD_CLOEXEC);
    close(p[0]);
    close(p[1]);
    MUST(pipe2(p, O_NONBLOCK));
    FAILS(read(p[0], buf, 1), EAGAIN);
    memset(buf, 'z', sizeof buf);
    long total = 0;
    while (write(p[1], buf, sizeof buf) == (ssize_t)sizeof buf)
        total += (long)sizeof buf;
    CHECK(errno == EAGAIN && total >= 4096);
    char page[4096];                            /* reading a page makes room */
    CHECK(read(p[0], page, sizeof page) == (ssize_t)sizeof page);
    CHECK(write(p[1], buf, sizeof buf) == (ssize_t)sizeof buf);
    close(p[0]);
    close(p[1]);
}

static void t_pipe_poll(void)
{
    int p[2];
    char c;
    MUST(pipe(p));
    struct pollfd r = {p[0], POLLIN, 0}, w = {p[1], POLLOUT, 0};
    CHECK(poll(&r, 1, 0) == 0);
    CHECK(poll(&w, 1, 0) == 1 && w.revents == POLLOUT);
    CHECK(write(p[1], "x", 1) == 1);
    CHECK(poll(&r, 1, 0) == 1 && r.revents == POLLIN);
    close(p[1]);
    CHECK(poll(&r, 1, 0) == 1 && (r.revents & POLLIN));
    CHECK(read(p[0], &c, 1) == 1);
    CHECK(poll(&r, 1, 0) == 1 && r.revents == POLLHUP);
    close(p[0]);
    MUST(pipe(p));
    close(p[0]);
    w.fd = p[1];
    CHECK(poll(&w, 1, 0) == 1 && (w.revents & POLLERR));
    close(p[1]);
}

/* A pipeline of processes, each adding one to every byte. */
static void t_pipe_chain(void)
{
    enum { STAGES = 8, LEN = 1000 };
    int in[2], first;
    MUST(pipe(in));
    first = in[1];
    pid_t pids[STAGES];
    for (int s = 0; s < STAGES; s++) {
        int out[2];
        MUST(pipe(out));
        pids[s] = MUST(fork());
        if (pids[s] == 0) {
            unsigned char buf[100];
            ssize_t n;
            close(first);
            close(out[0]);
            while ((n = read(in[0], buf, sizeof buf)) > 0) {
                for (ssize_t i = 0; i < n; i++)
                    buf[i]++;
                write(out[1], buf, (size_t)n);
            }
            _exit(0);
        }
        close(in[0]);
        close(out[1]);
        in[0] = out[0];
    }
    unsigned char data[LEN], got[LEN + 1];
    memset(data, 0, sizeof data);
    CHECK(write(first, data, LEN) == LEN);
    close(first);
    size_t total = 0;
    ssize_t n;
    while ((n = read(in[0], got + total, sizeof got - total)) > 0)
        total += (size_t)n;
    CHECK(total == LEN);
    for (int i = 0; i < LEN; i++)
        CHECK(got[i] == STAGES);
    for (int s = 0; s < STAGES; s++)
        EXITS(reap(pids[s]), 0);
}

/* ------------------------------------------------------------ signals */

static void t_sig_handler(void)
{
    handle(SIGUSR1, count_signal, 0);
    MUST(raise(SIGUSR1));
    CHECK(hits == 1 && last_sig == SIGUSR1);   /* before raise returned */
    handle(SIGUSR2, count_signal, 0);
    MUST(kill(getpid(), SIGUSR2));
    CHECK(hits == 2 && last_sig == SIGUSR2);
}

static void t_sig_mask(void)
{
    sigset_t pending;
    handle(SIGUSR1, count_signal, 0);
    block(SIG_BLOCK, SIGUSR1);
    MUST(raise(SIGUSR1));
    MUST(raise(SIGUSR1));                       /* not queued twice */
    CHECK(hits == 0);
    MUST(sigpending(&pending));
    CHECK(sigismember(&pending, SIGUSR1));
    block(SIG_UNBLOCK, SIGUSR1);
    CHECK(hits == 1);
    MUST(sigpending(&pending));
    CHECK(!sigismember(&pending, SIGUSR1));
}

static void t_sig_ignore(void)
{
    sigset_t pending;
    handle(SIGUSR1, SIG_IGN, 0);
    MUST(raise(SIGUSR1));                       /* nothing happens */
    handle(SIGUSR1, count_signal, 0);
    block(SIG_BLOCK, SIGUSR1);
    MUST(raise(SIGUSR1));
    handle(SIGUSR1, SIG_IGN, 0);                /* discards the pending one */
    MUST(sigpending(&pending));
    CHECK(!sigismember(&pending, SIGUSR1));
    handle(SIGUSR1, count_signal, 0);
    block(SIG_UNBLOCK, SIGUSR1);
    CHECK(hits == 0);
}

static void ignore_everything(int ready)
{
    for (int sig = 1; sig < 32; sig++)
        signal(sig, SIG_IGN);               /* fails for KILL and STOP */
    sigset_t all;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, NULL);
    write(ready, "r", 1);
    for (;;)
        pause();
}

static void t_sig_kill_child(void)
{
    int p[2];
    char c;
    pid_t pid = MUST(fork());
    if (pid == 0)
        for (;;)
            pause();
    MUST(kill(pid, SIGTERM));
    KILLED(reap(pid), SIGTERM);
    MUST(pipe(p));
    pid = MUST(fork());
    if (pid == 0)
        ignore_everything(p[1]);
    CHECK(read(p[0], &c, 1) == 1);
    MUST(kill(pid, SIGTERM));                   /* ignored */
    MUST(kill(pid, SIGKILL));                   /* cannot be */
    KILLED(reap(pid), SIGKILL);
}

static void t_sig_stop_cont(void)
{
    int status;
    pid_t pid = MUST(fork());
    if (pid == 0)
        for (;;)
            pause();
    MUST(kill(pid, SIGSTOP));
    CHECK(waitpid(pid, &status, WUNTRACED) == pid);
    CHECK(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP);
    for (int i = 0; i < 100 && proc_state(pid) != 'T'; i++)
        usleep(10000);
    CHECK(proc_state(pid) == 'T');
    MUST(kill(pid, SIGCONT));
    CHECK(waitpid(pid, &status, WCONTINUED) == pid && WIFCONTINUED(status));
    MUST(kill(pid, SIGKILL));
    KILLED(reap(pid), SIGKILL);
}

static void t_sig_eintr(void)
{
    int p[2];
    char c;
    handle(SIGUSR1, count_signal, 0);           /* no SA_RESTART */
    MUST(pipe(p));
    pid_t pid = pester_parent(SIGUSR1);
    FAILS(read(p[0], &c, 1), EINTR);
    CHECK(hits >= 1);
    stop_child(pid);
}

static void t_sig_restart(void)
{
    int p[2];
    char c = 0;
    handle(SIGUSR1, count_signal, SA_RESTART);
    MUST(pipe(p));
    pid_t parent = getpid(), pid = MUST(fork());
    if (pid == 0) {
        usleep(50000);
        kill(parent, SIGUSR1);
        usleep(50000);
        write(p[1], "x", 1);
        _exit(0);
    }
    CHECK(read(p[0], &c, 1) == 1 && c == 'x');  /* interrupted, restarted */
    CHECK(hits == 1);
    EXITS(reap(pid), 0);
}

static void t_sig_sigchld(void)
{
    sigset_t none;
    sigemptyset(&none);
    handle(SIGCHLD, count_signal, 0);
    block(SIG_BLOCK, SIGCHLD);
    pid_t pid = MUST(fork());
    if (pid == 0)
        _exit(0);
    while (hits == 0)
        FAILS(sigsuspend(&none), EINTR);
    CHECK(last_sig == SIGCHLD);
    EXITS(reap(pid), 0);
}

static void t_sig_pause(void)
{
    handle(SIGUSR1, count_signal, 0);
    pid_t pid = pester_parent(SIGUSR1);
    FAILS(pause(), EINTR);
    CHECK(hits >= 1);
    stop_child(pid);
}

/* A sleep cut short by a handler says how much was left. */
static void t_sig_nanosleep_rem(void)
{
    struct timespec ask = {2, 0}, rem = {0, 0};
    handle(SIGUSR1, count_signal, 0);
    pid_t pid = pester_parent(SIGUSR1);
    FAILS(nanosleep(&ask, &rem), EINTR);
    stop_child(pid);
    CHECK(rem.tv_sec == 1 && rem.tv_nsec > 0);  /* a little less than 2 s */
}

static long long ns_of(struct timespec t)
{
    return t.tv_sec * 1000000000ll + t.tv_nsec;
}

/* A sleep that is stopped and continued (no handler) goes on to its end. */
static void t_sig_sleep_across_stop(void)
{
    int p[2], status;
    MUST(pipe(p));
    pid_t pid = MUST(fork());
    if (pid == 0) {
        struct timespec ask = {0, 300000000}, a, b;
        clock_gettime(CLOCK_MONOTONIC, &a);
        write(p[1], "s", 1);
        int r = nanosleep(&ask, NULL);
        clock_gettime(CLOCK_MONOTONIC, &b);
        /* (not to the nanosecond: that is the time test's business) */
        _exit(r == 0 && ns_of(b) - ns_of(a) >= 250000000 ? 0 : 1);
    }
    char c;
    CHECK(read(p[0], &c, 1) == 1);
    usleep(50000);
    MUST(kill(pid, SIGSTOP));
    CHECK(waitpid(pid, &status, WUNTRACED) == pid && WIFSTOPPED(status));
    MUST(kill(pid, SIGCONT));
    EXITS(reap(pid), 0);
}

static void exit_42(int sig)
{
    (void)sig;
    _exit(42);
}

static void segv_with_handler(void)
{
    handle(SIGSEGV, exit_42, 0);
    *(volatile int *)0 = 1;
}

static void t_sig_segv_handler(void)
{
    EXITS(run_in_child(segv_with_handler), 42);
}

static sigset_t mask_in_handler;

static void record_mask(int sig)
{
    (void)sig;
    sigprocmask(SIG_BLOCK, NULL, &mask_in_handler);
}

static void t_sig_handler_mask(void)
{
    struct sigaction sa;
    sigset_t now;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = record_mask;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGUSR2);
    MUST(sigaction(SIGUSR1, &sa, NULL));
    MUST(raise(SIGUSR1));
    CHECK(sigismember(&mask_in_handler, SIGUSR1) && sigismember(&mask_in_handler, SIGUSR2));
    MUST(sigprocmask(SIG_BLOCK, NULL, &now));
    CHECK(!sigismember(&now, SIGUSR1) && !sigismember(&now, SIGUSR2));
    sa.sa_flags = SA_NODEFER;
    MUST(sigaction(SIGUSR1, &sa, NULL));
    MUST(raise(SIGUSR1));
    CHECK(!sigismember(&mask_in_handler, SIGUSR1) && sigismember(&mask_in_handler, SIGUSR2));
}

static void raise_harmless(void)
{
    raise(SIGCHLD);
    raise(SIGURG);
    raise(SIGWINCH);
    _exit(7);
}

static void raise_usr2(void) { raise(SIGUSR2); }

static void t_sig_defaults(void)
{
    EXITS(run_in_child(raise_harmless), 7);
    KILLED(run_in_child(raise_usr2), SIGUSR2);
}

/* kill(0, sig) and kill(-pgid, sig) reach the whole group. */
static void t_sig_group(void)
{
    enum { KIDS = 3 };
    pid_t kids[KIDS];
    MUST(setpgid(0, 0));                        /* a group of our own */
    for (int i = 0; i < KIDS; i++) {
        kids[i] = MUST(fork());
        if (kids[i] == 0)
            for (;;)
                pause();
    }
    handle(SIGTERM, SIG_IGN, 0);
    MUST(kill(0, SIGTERM));
    for (int i = 0; i < KIDS; i++)
        KILLED(reap(kids[i]), SIGTERM);
    MUST(kill(-getpgrp(), SIGTERM));            /* only we are left */
    pid_t gone = MUST(fork());
    if (gone == 0)
        _exit(0);
    reap(gone);
    FAILS(kill(-gone, SIGTERM), ESRCH);
    FAILS(kill(gone, 0), ESRCH);
}

/* A blocked signal is never dropped at sending, even one that is ignored
 * (its disposition may change before it is unblocked), and
 * rt_sigtimedwait collects the blocked signals of its set: BusyBox's
 * init waits for SIGCHLD, ignored by default, this way. */
static void t_sig_timedwait(void)
{
    sigset_t set = (1ull << (SIGUSR1 - 1)) | (1ull << (SIGCHLD - 1)), pending;
    struct timespec none = {0, 0}, soon = {0, 10000000}, later = {5, 0};
    siginfo_t info;
    MUST(sigprocmask(SIG_BLOCK, &set, NULL));
    handle(SIGUSR1, SIG_IGN, 0);
    MUST(kill(getpid(), SIGUSR1));
    MUST(sigpending(&pending));
    CHECK(pending & (1ull << (SIGUSR1 - 1)));
    CHECK(syscall(__NR_rt_sigtimedwait, &set, &info, &none, 8) == SIGUSR1);
    CHECK(info.si_signo == SIGUSR1 && info.si_pid == getpid());
    pid_t kid = MUST(fork());
    if (kid == 0)
        _exit(0);
    CHECK(syscall(__NR_rt_sigtimedwait, &set, &info, &later, 8) == SIGCHLD);
    CHECK(info.si_pid == kid);
    EXITS(reap(kid), 0);
    FAILS(syscall(__NR_rt_sigtimedwait, &set, &info, &soon, 8), EAGAIN);
    MUST(sigpending(&pending));
    CHECK(pending == 0);
}

/* ------------------------------------------------------------ bad arguments */

struct call {
    const char *name;
    long nr, arg[5];
};

/* Each call in the list must fail with err. */
static void all_fail(const struct call *calls, size_t n, int err, const char *context)
{
    for (size_t i = 0; i < n; i++) {
        const struct call *k = &calls[i];
        long r = syscall(k->nr, k->arg[0], k->arg[1], k->arg[2], k->arg[3], k->arg[4], 0);
        if (r != -1 || errno != err)
            fail(__LINE__, "%s with %s: %s, want %s", k->name, context,
                 r == -1 ? errno_name(errno) : "success", errno_name(err));
    }
}

#define CALLS(list) list, sizeof list / sizeof list[0]

/* Pointers into the kernel or into nothing: EFAULT, and no harm done. */
static void t_bad_pointers(void)
{
    static const long bad[] = {KERNEL_ADDR, UNMAPPED_ADDR};
    char buf[512];
    write_file("data", "data", 0644);
    MUST(symlink("data", "link"));
    int fd = MUST(open("data", O_RDWR)), dir = MUST(open(".", O_RDONLY)), p[2];
    MUST(pipe(p));
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        long b = bad[i];
        struct iovec bad_iov[1] = {{(void *)b, 16}};    /* a good array, a bad buffer */
        const struct call calls[] = {
            {"open", __NR_open, {b, O_RDONLY}},
            {"openat", __NR_openat, {AT_FDCWD, b, O_RDONLY}},
            {"stat64 path", __NR_stat64, {b, (long)buf}},
            {"stat64 buf", __NR_stat64, {(long)"data", b}},
            {"lstat64", __NR_lstat64, {b, (long)buf}},
            {"fstat64", __NR_fstat64, {fd, b}},
            {"fstatat64", __NR_fstatat64, {AT_FDCWD, b, (long)buf, 0}},
            {"read", __NR_read, {fd, b, 16}},
            {"write", __NR_write, {fd, b, 16}},
            {"readv", __NR_readv, {fd, b, 1}},
            {"writev", __NR_writev, {fd, b, 1}},
            {"pipe", __NR_pipe, {b}},
            {"uname", __NR_uname, {b}},
            {"getcwd", __NR_getcwd, {b, 256}},
            {"sysinfo", __NR_sysinfo, {b}},
            {"clock_gettime", __NR_clock_gettime, {CLOCK_MONOTONIC, b}},
            {"clock_getres", __NR_clock_getres, {CLOCK_MONOTONIC, b}},
            {"gettimeofday", __NR_gettimeofday, {b, 0}},
            {"time", __NR_time, {b}},
            {"times", __NR_times, {b}},
            {"nanosleep", __NR_nanosleep, {b, 0}},
            {"getdents64", __NR_getdents64, {dir, b, 4096}},
            {"rt_sigaction new", __NR_rt_sigaction, {SIGUSR1, b, 0, 8}},
            {"rt_sigaction old", __NR_rt_sigaction, {SIGUSR1, 0, b, 8}},
            {"rt_sigprocmask new", __NR_rt_sigprocmask, {SIG_BLOCK, b, 0, 8}},
            {"rt_sigprocmask old", __NR_rt_sigprocmask, {SIG_BLOCK, 0, b, 8}},
            {"sigaltstack", __NR_sigaltstack, {b, 0}},
            {"chdir", __NR_chdir, {b}},
            {"mkdir", __NR_mkdir, {b, 0755}},
            {"rmdir", __NR_rmdir, {b}},
            {"unlink", __NR_unlink, {b}},
            {"access", __NR_access, {b, F_OK}},
            {"rename from", __NR_rename, {b, (long)"x"}},
            {"rename to", __NR_rename, {(long)"data", b}},
            {"link", __NR_link, {(long)"data", b}},
            {"symlink", __NR_symlink, {b, (long)"x"}},
            {"readlink path", __NR_readlink, {b, (long)buf, 16}},
            {"readlink buf", __NR_readlink, {(long)"link", b, 16}},
            {"execve", __NR_execve, {b, 0, 0}},
            {"poll", __NR_poll, {b, 1, 0}},
            {"ioctl FIONREAD", __NR_ioctl, {p[0], FIONREAD, b}},
            {"ugetrlimit", __NR_ugetrlimit, {RLIMIT_NOFILE, b}},
            {"getrandom", __NR_getrandom, {b, 16, 0}},
            {"statfs64", __NR_statfs64, {(long)"/", 84, b}},
            {"utimensat", __NR_utimensat, {AT_FDCWD, (long)"data", b, 0}},
            {"truncate64", __NR_truncate64, {b, 0, 0}},
            {"truncate", __NR_truncate, {b, 0}},
            {"creat", __NR_creat, {b, 0644}},
            {"chmod", __NR_chmod, {b, 0644}},
            {"mknod", __NR_mknod, {b, S_IFIFO | 0644, 0}},
            {"mkdirat", __NR_mkdirat, {AT_FDCWD, b, 0755}},
            {"unlinkat", __NR_unlinkat, {AT_FDCWD, b, 0}},
            {"renameat", __NR_renameat, {AT_FDCWD, b, AT_FDCWD, (long)"x"}},
            {"linkat", __NR_linkat, {AT_FDCWD, (long)"data", AT_FDCWD, b, 0}},
            {"symlinkat", __NR_symlinkat, {b, AT_FDCWD, (long)"x"}},
            {"readlinkat", __NR_readlinkat, {AT_FDCWD, b, (long)buf, 16}},
            {"fchmodat", __NR_fchmodat, {AT_FDCWD, b, 0644}},
            {"faccessat", __NR_faccessat, {AT_FDCWD, b, F_OK}},
            {"fstatfs64", __NR_fstatfs64, {fd, 84, b}},
            {"_llseek result", __NR__llseek, {fd, 0, 0, b, SEEK_SET}},
            {"pipe2", __NR_pipe2, {b, 0}},
            {"readv iov_base", __NR_readv, {fd, (long)bad_iov, 1}},
            {"writev iov_base", __NR_writev, {fd, (long)bad_iov, 1}},
            {"getrusage", __NR_getrusage, {RUSAGE_SELF, b}},
            {"prlimit64 new", __NR_prlimit64, {0, RLIMIT_NOFILE, b, 0}},
            {"prlimit64 old", __NR_prlimit64, {0, RLIMIT_NOFILE, 0, b}},
            {"sigaction new", __NR_sigaction, {SIGUSR1, b, 0}},
            {"sigprocmask new", __NR_sigprocmask, {SIG_BLOCK, b, 0}},
            {"sigpending", __NR_sigpending, {b}},
            {"rt_sigpending", __NR_rt_sigpending, {b, 8}},
            {"rt_sigsuspend", __NR_rt_sigsuspend, {b, 8}},
            {"rt_sigtimedwait", __NR_rt_sigtimedwait, {b, 0, 0, 8}},
            {"old mmap", __NR_mmap, {b}},
            {"_newselect", __NR__newselect, {1, b, 0, 0, 0}},
            {"clock_nanosleep", __NR_clock_nanosleep, {CLOCK_MONOTONIC, 0, b, 0}},
            {"sched_getaffinity", __NR_sched_getaffinity, {0, 4, b}},
            {"get_thread_area", __NR_get_thread_area, {b}},
            {"futex", __NR_futex, {b, 0 /* FUTEX_WAIT */, 0, 0}},
        };
        all_fail(CALLS(calls), EFAULT, i == 0 ? "a kernel address" : "an unmapped address");
    }
    if (geteuid() == 0) {                       /* (others get EPERM first) */
        FAILS(syscall(__NR_setgroups32, 1, KERNEL_ADDR), EFAULT);
        FAILS(syscall(__NR_setgroups, 1, KERNEL_ADDR), EFAULT);     /* 16-bit ids */
        FAILS(syscall(__NR_setgroups, 2, 0xbffffffeL), EFAULT);     /* runs into the kernel */
    }
    CHECK(lseek(fd, 0, SEEK_CUR) == 0);         /* nothing was read or written */
    CHECK(strcmp(read_file("data", buf, sizeof buf), "data") == 0);
    FAILS(access("x", F_OK), ENOENT);
    unlink("link"), unlink("data");
}

static void t_bad_null(void)
{
    write_file("data", "data", 0644);
    int fd = MUST(open(".", O_RDONLY)), file = MUST(open("data", O_RDONLY));
    const struct call calls[] = {
        {"open", __NR_open, {0, O_RDONLY}},
        {"stat64", __NR_stat64, {0, 0}},
        {"read", __NR_read, {file, 0, 16}},
        {"pipe", __NR_pipe, {0}},
        {"uname", __NR_uname, {0}},
        {"nanosleep", __NR_nanosleep, {0, 0}},
        {"getdents64", __NR_getdents64, {fd, 0, 4096}},
        {"execve", __NR_execve, {0, 0, 0}},
        {"chdir", __NR_chdir, {0}},
    };
    all_fail(CALLS(calls), EFAULT, "NULL");
    close(fd);
    close(file);
    unlink("data");
}

static void t_bad_fds(void)
{
    char buf[64];
    long n;
    int closed = MUST(open("/", O_RDONLY));
    close(closed);
    static const long bad[] = {-1, 999, 0};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        long fd = bad[i] ? bad[i] : closed;
        const struct call calls[] = {
            {"read", __NR_read, {fd, (long)buf, 1}},
            {"write", __NR_write, {fd, (long)buf, 1}},
            {"close", __NR_close, {fd}},
            {"fstat64", __NR_fstat64, {fd, (long)buf}},
            {"_llseek", __NR__llseek, {fd, 0, 0, (long)&n, SEEK_SET}},
            {"dup", __NR_dup, {fd}},
            {"dup2", __NR_dup2, {fd, 50}},
            {"fcntl64", __NR_fcntl64, {fd, F_GETFD}},
            {"getdents64", __NR_getdents64, {fd, (long)buf, sizeof buf}},
            {"fchdir", __NR_fchdir, {fd}},
            {"ioctl", __NR_ioctl, {fd, FIONREAD, (long)&n}},
            {"pread64", __NR_pread64, {fd, (long)buf, 1, 0}},
            {"pwrite64", __NR_pwrite64, {fd, (long)buf, 1, 0}},
            {"ftruncate64", __NR_ftruncate64, {fd, 0, 0}},
            {"fsync", __NR_fsync, {fd}},
            {"fchmod", __NR_fchmod, {fd, 0644}},
            {"openat", __NR_openat, {fd, (long)"relative", O_RDONLY}},
            {"fstatat64", __NR_fstatat64, {fd, (long)"relative", (long)buf, 0}},
            {"mmap2", __NR_mmap2, {0, 4096, PROT_READ, MAP_PRIVATE, fd}},
        };
        all_fail(CALLS(calls), EBADF, bad[i] ? (bad[i] < 0 ? "fd -1" : "fd 999") : "a closed fd");
    }
}

static void t_bad_values(void)
{
    char buf[64];
    struct timespec too_many_ns = {0, 1000000000}, negative = {-1, 0}, ts;
    struct sigaction act;
    sigset_t set;
    memset(&act, 0, sizeof act);
    sigemptyset(&set);
    write_file("data", "data", 0644);
    int fd = MUST(open("data", O_RDWR));
    long page = (long)mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0), out;
    const struct call calls[] = {
        {"kill signal 65", __NR_kill, {getpid(), 65}},
        {"kill signal -1", __NR_kill, {getpid(), -1}},
        {"rt_sigaction signal 0", __NR_rt_sigaction, {0, (long)&act, 0, 8}},
        {"rt_sigaction signal 65", __NR_rt_sigaction, {65, (long)&act, 0, 8}},
        {"rt_sigaction SIGKILL", __NR_rt_sigaction, {SIGKILL, (long)&act, 0, 8}},
        {"rt_sigaction SIGSTOP", __NR_rt_sigaction, {SIGSTOP, (long)&act, 0, 8}},
        {"rt_sigaction set size 4", __NR_rt_sigaction, {SIGUSR1, (long)&act, 0, 4}},
        {"rt_sigprocmask how 99", __NR_rt_sigprocmask, {99, (long)&set, 0, 8}},
        {"rt_sigprocmask set size 4", __NR_rt_sigprocmask, {SIG_BLOCK, (long)&set, 0, 4}},
        {"lseek whence 99", __NR_lseek, {fd, 0, 99}},
        {"lseek to -1", __NR_lseek, {fd, -1, SEEK_SET}},
        {"_llseek whence 99", __NR__llseek, {fd, 0, 0, (long)&out, 99}},
        {"wait4 options 0x100", __NR_wait4, {-1, 0, 0x100, 0}},
        {"nanosleep 10^9 ns", __NR_nanosleep, {(long)&too_many_ns, 0}},
        {"nanosleep -1 s", __NR_nanosleep, {(long)&negative, 0}},
        {"clock_gettime clock 99", __NR_clock_gettime, {99, (long)&ts}},
        {"mmap2 length 0", __NR_mmap2, {0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1}},
        {"munmap unaligned", __NR_munmap, {page + 1, 4096}},
        {"mprotect unaligned", __NR_mprotect, {page + 1, 4096, PROT_READ}},
        {"setpgid to -1", __NR_setpgid, {0, -1}},
        {"fcntl64 command 9999", __NR_fcntl64, {fd, 9999}},
        {"dup3 onto itself", __NR_dup3, {fd, fd, 0}},
        {"dup3 bad flags", __NR_dup3, {fd, 40, 1}},
        {"pipe2 bad flags", __NR_pipe2, {(long)buf, 1}},
        {"ugetrlimit resource 99", __NR_ugetrlimit, {99, (long)buf}},
        {"access mode 0x100", __NR_access, {(long)"data", 0x100}},
        {"readlink of a file", __NR_readlink, {(long)"data", (long)buf, sizeof buf}},
        {"poll 2^31-1 fds", __NR_poll, {(long)buf, 0x7fffffff, 0}},
    };
    all_fail(CALLS(calls), EINVAL, "a bad value");
    FAILS(syscall(__NR_getdents64, fd, (long)buf, sizeof buf), ENOTDIR);
    FAILS(syscall(__NR_ioctl, fd, TCGETS, (long)buf), ENOTTY);
    FAILS(syscall(__NR_getcwd, (long)buf, 0), ERANGE);
    close(fd);
    munmap((void *)page, 4096);
    unlink("data");
}

static void t_bad_nosys(void)
{
    FAILS(syscall(1000), ENOSYS);
    FAILS(syscall(9999), ENOSYS);
    FAILS(syscall(-1), ENOSYS);
}

/* Processes that do not exist: ESRCH. */
static void t_bad_pids(void)
{
    pid_t gone = MUST(fork());
    if (gone == 0)
        _exit(0);
    reap(gone);
    FAILS(kill(gone, SIGTERM), ESRCH);
    FAILS(getpgid(gone), ESRCH);
    FAILS(getsid(gone), ESRCH);
    FAILS(setpgid(gone, 0), ESRCH);
}

/* ------------------------------------------------------------ isolation */

static void read_kernel(void) { (void)*(volatile int *)KERNEL_ADDR; }
static void write_kernel(void) { *(volatile int *)KERNEL_ADDR = 0; }
static void jump_kernel(void) { ((void (*)(void))KERNEL_ADDR)(); }

static void t_iso_kernel(void)
{
    KILLED(run_in_child(read_kernel), SIGSEGV);
    KILLED(run_in_child(write_kernel), SIGSEGV);
    KILLED(run_in_child(jump_kernel), SIGSEGV);
}

static void write_text(void) { *(volatile char *)(void *)fail = 0; }  /* our code */
static void write_rodata(void) { *(volatile char *)"constant" = 'C'; }

static void t_iso_text(void)
{
    KILLED(run_in_child(write_text), SIGSEGV);
    KILLED(run_in_child(write_rodata), SIGSEGV);
}

static void do_cli(void) { __asm__ volatile("cli"); }
static void do_hlt(void) { __asm__ volatile("hlt"); }
static void do_in(void) { __asm__ volatile("inb $0x60, %%al" ::: "eax"); }
static void do_out(void) { __asm__ volatile("outb %%al, $0x80" ::: "eax"); }

static void t_iso_privileged(void)
{
    KILLED(run_in_child(do_cli), SIGSEGV);
    KILLED(run_in_child(do_hlt), SIGSEGV);
    KILLED(run_in_child(do_in), SIGSEGV);
    KILLED(run_in_child(do_out), SIGSEGV);
}

/* Only on Cowix: a Linux host's pid 1 is not ours to signal. */
static void t_iso_init(void)
{
    if (!on_cowix())
        skip("pid 1 is not Cowix's init here");
    MUST(kill(1, SIGKILL));
    MUST(kill(1, SIGSTOP));
    MUST(kill(1, SIGSEGV));
    usleep(20000);
    CHECK(proc_state(1) == 'S' || proc_state(1) == 'R');
}

/* A process in another session: out of reach of our group and tty. */
static void t_iso_session(void)
{
    int up[2], down[2];
    char c;
    MUST(setpgid(0, 0));
    MUST(pipe(up));
    MUST(pipe(down));
    pid_t us = getpgrp(), pid = MUST(fork());
    if (pid == 0) {
        close(down[1]);
        MUST(setsid());
        FAILS(setpgid(0, us), EPERM);
        FAILS(open("/dev/tty", O_RDWR), ENXIO);
        write(up[1], "r", 1);
        read(down[0], &c, 1);
        _exit(0);
    }
    CHECK(read(up[0], &c, 1) == 1);
    CHECK(getsid(pid) == pid && getsid(0) != pid);
    FAILS(setpgid(pid, us), EPERM);
    handle(SIGUSR1, count_signal, 0);
    MUST(kill(0, SIGUSR1));                     /* our group: only us */
    CHECK(hits == 1);
    close(down[1]);
    EXITS(reap(pid), 0);
}

/* The console answers as Linux's serial line ttyS0 does: terminal and
 * serial ioctls work, the virtual-console ones are not this driver's. */
static void t_tty_ioctls(void)
{
    struct termios tio;
    struct winsize ws;
    int32_t serial[15];                         /* struct serial_struct */
    char vt[8];
    if (!isatty(0))
        skip("standard input is not a terminal");
    MUST(ioctl(0, TCGETS, &tio));
    MUST(ioctl(0, TIOCGWINSZ, &ws));
    MUST(ioctl(0, TIOCGSERIAL, serial));
    CHECK(serial[0] == 4);                      /* PORT_16550A */
    FAILS(ioctl(0, 0x5603, vt), ENOTTY);        /* VT_GETSTATE */
    FAILS(ioctl(0, 0x4b33, vt), ENOTTY);        /* KDGKBTYPE */
    FAILS(ioctl(0, 0x54ff, vt), ENOTTY);        /* no such request */
    FAILS(ioctl(0, TCGETS, (void *)KERNEL_ADDR), EFAULT);
}

/* ------------------------------------------------------------ time, /proc */

static void t_time(void)
{
    struct timespec a, b, nap = {0, 30000000};
    struct timeval tv;
    MUST(clock_gettime(CLOCK_MONOTONIC, &a));
    for (int i = 0; i < 1000; i++) {
        MUST(clock_gettime(CLOCK_MONOTONIC, &b));
        CHECK(ns_of(b) >= ns_of(a));
        a = b;
    }
    MUST(nanosleep(&nap, NULL));
    MUST(clock_gettime(CLOCK_MONOTONIC, &b));
    CHECK(ns_of(b) - ns_of(a) >= 30000000 && ns_of(b) - ns_of(a) < 3000000000ll);
    MUST(gettimeofday(&tv, NULL));
    long now = time(NULL);
    CHECK(tv.tv_sec >= now - 1 && tv.tv_sec <= now);
}

static void t_proc_files(void)
{
    char path[64], buf[512], expect[32];
    snprintf(expect, sizeof expect, "%d (", getpid());
    CHECK(strncmp(read_file("/proc/self/stat", buf, sizeof buf), expect, strlen(expect)) == 0);
    snprintf(path, sizeof path, "/proc/%d/stat", getpid());
    CHECK(strncmp(read_file(path, buf, sizeof buf), expect, strlen(expect)) == 0);
    CHECK(strstr(read_file("/proc/meminfo", buf, sizeof buf), "MemTotal:") == buf);
    CHECK(strchr(read_file("/proc/uptime", buf, sizeof buf), '.') != NULL);
}

/* ------------------------------------------------------------ the driver */

struct test {
    const char *name;
    void (*fn)(void);
};

#define T(name) {#name, t_##name}

static const struct test tests[] = {
    T(exit_status), T(wait_any), T(wait_nohang), T(wait_errors), T(orphan), T(zombie),
    T(fork_chain), T(fork_cow_many),
    T(exec_args), T(exec_fds), T(exec_signals), T(exec_errors),
    T(mem_private), T(mem_read_into_shared), T(mem_sbrk), T(mem_malloc), T(mem_mmap),
    T(mem_mprotect), T(mem_mmap_errors), T(mem_stack),
    T(file_rw), T(file_append), T(file_trunc), T(file_big), T(file_sparse), T(file_excl),
    T(file_unlink_open), T(file_rename), T(file_link), T(file_symlink), T(file_dup),
    T(file_fork_offset), T(file_fd_limit), T(file_badfd), T(file_lseek), T(file_iovec),
    T(file_stat), T(file_creat_trunc32), T(file_mode_times), T(file_locks),
    T(dir_mkdir), T(dir_errors), T(dir_unlinkat), T(dir_list), T(dir_chdir), T(dir_paths), T(dir_rename),
    T(dir_deep),
    T(pipe_basic), T(pipe_big), T(pipe_eof), T(pipe_sigpipe), T(pipe_flags), T(pipe_poll),
    T(pipe_chain),
    T(sig_handler), T(sig_mask), T(sig_ignore), T(sig_kill_child), T(sig_stop_cont),
    T(sig_eintr), T(sig_restart), T(sig_sigchld), T(sig_pause), T(sig_nanosleep_rem),
    T(sig_sleep_across_stop), T(sig_segv_handler),
    T(sig_handler_mask), T(sig_defaults), T(sig_group), T(sig_timedwait),
    T(bad_pointers), T(bad_null), T(bad_fds), T(bad_values), T(bad_nosys), T(bad_pids),
    T(iso_kernel), T(iso_text), T(iso_privileged), T(iso_init), T(iso_session),
    T(tty_ioctls),
    T(time), T(proc_files),
};

#define NTESTS (sizeof tests / sizeof tests[0])

/* Remove what a test left in the scratch directory; 1 if there was any. */
static int clean(const char *dir)
{
    int found = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[512];
    while (d && (e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        found = 1;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (unlink(path) < 0 && errno == EISDIR) {
            clean(path);
            rmdir(path);
        }
    }
    if (d)
        closedir(d);
    return found;
}

/* Run one test in a child; fill why (empty if it passed). */
static void run_test(const struct test *t, const char *scratch, char *why, size_t cap)
{
    int p[2], status = -1, pending = 0;
    if (pipe(p) < 0) {
        snprintf(why, cap, "pipe: %s", errno_name(errno));
        return;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(p[0]);
        report_fd = p[1];
        alarm(WATCHDOG_SECONDS);
        t->fn();
        _exit(0);
    }
    close(p[1]);
    if (pid > 0)
        waitpid(pid, &status, 0);
    /* Only what is there now: a stray grandchild may hold the pipe open. */
    ioctl(p[0], FIONREAD, &pending);
    ssize_t n = pending > 0 ? read(p[0], why, pending < (int)cap ? (size_t)pending : cap - 1) : 0;
    why[n > 0 ? n : 0] = '\0';
    why[strcspn(why, "\n")] = '\0';
    close(p[0]);
    if (status != 0 && why[0] == '\0')
        describe_status(status, why, cap);
    if (clean(scratch) && why[0] == '\0')
        snprintf(why, cap, "left files behind");
}

/* On Cowix, memory and processes must be back after each test.  Other
 * processes may take a few pages meanwhile (the reader of our output
 * starting up, for one): that much is forgiven. */
#define MEMORY_SLACK (16 * PAGE)

static void check_leaks(struct memfig before, char *why, size_t cap)
{
    if (why[0] != '\0' || !on_cowix())
        return;
    struct memfig after = mem_now();
    if (after.free + MEMORY_SLACK < before.free)
        snprintf(why, cap, "%lu KiB of memory not freed", (before.free - after.free) / KIB);
    else if (after.procs != before.procs)
        snprintf(why, cap, "%u processes before, %u after", before.procs, after.procs);
}

static int selected(const char *name, int argc, char **argv)
{
    if (argc < 2)
        return 1;
    for (int i = 1; i < argc; i++)
        if (strncmp(name, argv[i], strlen(argv[i])) == 0)
            return 1;
    return 0;
}

/* An absolute path for argv[0], so that tests can exec us from anywhere. */
static const char *find_self(const char *argv0)
{
    static char path[512];
    if (argv0[0] == '/' || strchr(argv0, '/') == NULL)
        return argv0;                   /* absolute, or found through PATH */
    if (!getcwd(path, sizeof path))
        return argv0;
    snprintf(path + strlen(path), sizeof path - strlen(path), "/%s", argv0);
    return path;
}

int main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "-x") == 0)
        return helper(argc, argv);
    if (argc == 2 && strcmp(argv[1], "-l") == 0) {
        for (size_t i = 0; i < NTESTS; i++)
            printf("%s\n", tests[i].name);
        return 0;
    }
    self = find_self(argv[0]);
    char scratch[64], why[300];
    snprintf(scratch, sizeof scratch, "/tmp/usertests.%d", getpid());
    if (mkdir(scratch, 0755) < 0 || chdir(scratch) < 0) {
        printf("usertests: cannot use %s: %s\n", scratch, strerror(errno));
        return 1;
    }
    printf("usertests: %s\n", on_cowix() ? "on Cowix, with memory checks"
                                         : "not on Cowix: no memory checks");
    int passed = 0, failed = 0;
    /* Our own first uses of memory come before the baseline: opendir grows
     * the heap, output into a pipe makes the kernel allocate its buffer. */
    clean(scratch);
    fflush(stdout);
    struct memfig start = mem_now();
    for (size_t i = 0; i < NTESTS; i++) {
        if (!selected(tests[i].name, argc, argv))
            continue;
        struct memfig before = mem_now();
        run_test(&tests[i], scratch, why, sizeof why);
        check_leaks(before, why, sizeof why);
        if (why[0] == '\0' || why[0] == '#') {
            printf("ok %s%s%s\n", tests[i].name, why[0] ? " " : "", why);
            passed++;
        } else {
            printf("not ok %s: %s\n", tests[i].name, why);
            failed++;
        }
    }
    chdir("/");
    rmdir(scratch);
    struct memfig end = mem_now();
    if (on_cowix() && end.free + MEMORY_SLACK < start.free) {
        printf("not ok memory: %lu KiB less free than at the start\n",
               (start.free - end.free) / KIB);
        failed++;
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
