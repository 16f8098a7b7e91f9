/*
 * Tests of the system call wrappers as a program sees them: files and
 * directories, processes, pipes, signals (handlers entered and returned
 * from through the restorer), time, setjmp.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <signal.h>
#include <setjmp.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/utsname.h>
#include <sys/sysinfo.h>
#include "tests/unit/unit.h"

static char dir[64];

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/cowix-unistd-%d", getpid());
    mkdir(dir, 0700);
}

TEST(files_and_stat)
{
    char p[128];
    make_dir();
    snprintf(p, sizeof p, "%s/f", dir);
    int fd = open(p, O_WRONLY | O_CREAT | O_EXCL, 0640);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, "hello", 5), 5);
    CHECK_EQ(lseek(fd, 100, SEEK_SET), 100);
    CHECK_EQ(write(fd, "!", 1), 1);
    close(fd);
    CHECK(open(p, O_WRONLY | O_CREAT | O_EXCL, 0640) < 0);
    CHECK_EQ(errno, EEXIST);

    struct stat st;
    CHECK_EQ(stat(p, &st), 0);
    CHECK_EQ(st.st_size, 101);
    CHECK(S_ISREG(st.st_mode));
    CHECK_EQ(st.st_mode & 0777, 0640 & ~umask(022));
    CHECK(st.st_ino != 0);
    CHECK_EQ(st.st_nlink, 1);
    CHECK(st.st_mtime > 1600000000);

    fd = open(p, O_RDONLY);
    char buf[8] = "";
    CHECK_EQ(pread(fd, buf, 3, 1), 3);
    CHECK_STR(buf, "ell");
    struct stat fst;
    CHECK_EQ(fstat(fd, &fst), 0);
    CHECK_EQ(fst.st_ino, st.st_ino);
    close(fd);
    CHECK(stat("/nonexistent/x", &st) < 0);
    CHECK_EQ(errno, ENOENT);
}

TEST(links_rename_unlink)
{
    char a[128], b[128], l[128], target[128];
    snprintf(a, sizeof a, "%s/f", dir);
    snprintf(b, sizeof b, "%s/g", dir);
    snprintf(l, sizeof l, "%s/l", dir);
    CHECK_EQ(link(a, b), 0);
    struct stat st;
    stat(a, &st);
    CHECK_EQ(st.st_nlink, 2);
    CHECK_EQ(symlink("f", l), 0);
    CHECK_EQ(lstat(l, &st), 0);
    CHECK(S_ISLNK(st.st_mode));
    CHECK_EQ(readlink(l, target, sizeof target), 1);
    CHECK_EQ(target[0], 'f');
    CHECK_EQ(stat(l, &st), 0);                  /* follows the link */
    CHECK(S_ISREG(st.st_mode));
    CHECK_EQ(rename(b, a), 0);                  /* same file: no-op */
    CHECK_EQ(unlink(l), 0);
    CHECK_EQ(unlink(b), 0);
    CHECK_EQ(access(a, R_OK), 0);
}

static int by_name(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

TEST(readdir_lists_everything)
{
    char p[128], *names[40];
    int n = 0;
    for (int i = 0; i < 30; i++) {
        snprintf(p, sizeof p, "%s/entry-with-a-long-name-%02d", dir, i);
        close(open(p, O_WRONLY | O_CREAT, 0600));
    }
    snprintf(p, sizeof p, "%s/sub", dir);
    CHECK_EQ(mkdir(p, 0755), 0);

    DIR *d = opendir(dir);
    CHECK(d != NULL);
    struct dirent *e;
    int saw_sub_as_dir = 0;
    while ((e = readdir(d)) != NULL && n < 40) {
        names[n++] = strdup(e->d_name);
        if (strcmp(e->d_name, "sub") == 0)
            saw_sub_as_dir = e->d_type == DT_DIR;
    }
    closedir(d);
    CHECK_EQ(n, 30 + 4);                        /* . .. f sub */
    qsort(names, (size_t)n, sizeof names[0], by_name);
    CHECK_STR(names[0], ".");
    CHECK_STR(names[1], "..");
    CHECK_STR(names[2], "entry-with-a-long-name-00");
    CHECK_STR(names[31], "entry-with-a-long-name-29");
    CHECK_STR(names[32], "f");
    CHECK_STR(names[33], "sub");
    CHECK(saw_sub_as_dir);
    CHECK(opendir("/nonexistent") == NULL);
    for (int i = 0; i < n; i++)
        free(names[i]);
}

TEST(cwd)
{
    char old[256], now[256];
    CHECK(getcwd(old, sizeof old) != NULL);
    CHECK_EQ(chdir(dir), 0);
    CHECK(getcwd(now, sizeof now) != NULL);
    CHECK_STR(now, dir);
    char *heap = getcwd(NULL, 0);
    CHECK_STR(heap, dir);
    free(heap);
    CHECK(getcwd(now, 3) == NULL);
    CHECK_EQ(errno, ERANGE);
    CHECK_EQ(chdir(old), 0);
}

TEST(fork_wait_exit_status)
{
    pid_t pid = fork();
    if (pid == 0)
        exit(42);
    int st;
    CHECK_EQ(waitpid(pid, &st, 0), pid);
    CHECK(WIFEXITED(st));
    CHECK_EQ(WEXITSTATUS(st), 42);

    pid = fork();
    if (pid == 0) {
        raise(SIGKILL);
        _exit(0);
    }
    CHECK_EQ(wait(&st), pid);
    CHECK(WIFSIGNALED(st));
    CHECK_EQ(WTERMSIG(st), SIGKILL);
    CHECK(wait(&st) < 0);
    CHECK_EQ(errno, ECHILD);
}

TEST(pipe_between_processes)
{
    int fds[2];
    CHECK_EQ(pipe(fds), 0);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        dup2(fds[1], 1);
        execl("/bin/echo", "echo", "through", "exec", (char *)NULL);
        _exit(127);
    }
    close(fds[1]);
    char buf[64] = "";
    ssize_t n, total = 0;
    while ((n = read(fds[0], buf + total, sizeof buf - 1 - (size_t)total)) > 0)
        total += n;
    close(fds[0]);
    int st;
    waitpid(pid, &st, 0);
    CHECK_STR(buf, "through exec\n");
    CHECK_EQ(WEXITSTATUS(st), 0);
}

TEST(execvp_searches_path)
{
    pid_t pid = fork();
    if (pid == 0) {
        setenv("PATH", "/nonexistent:/bin", 1);
        char *argv[] = {"true", NULL};
        execvp("true", argv);
        _exit(99);
    }
    int st;
    waitpid(pid, &st, 0);
    CHECK_EQ(WEXITSTATUS(st), 0);
    char *argv[] = {"no-such-program-here", NULL};
    CHECK_EQ(execvp(argv[0], argv), -1);
    CHECK_EQ(errno, ENOENT);
}

static volatile sig_atomic_t got_sig, got_code;
static volatile int got_pid;

static void on_usr1(int sig)
{
    got_sig = sig;
}

static void on_info(int sig, siginfo_t *info, void *uc)
{
    (void)uc;
    got_sig = sig;
    got_code = info->si_code;
    got_pid = info->si_pid;
}

TEST(signal_handlers_return_through_the_restorer)
{
    /* A plain handler (sigreturn) and an SA_SIGINFO one (rt_sigreturn):
     * both must come back here with the registers intact. */
    volatile int before = 1234;
    got_sig = 0;
    CHECK(signal(SIGUSR1, on_usr1) != SIG_ERR);
    CHECK_EQ(raise(SIGUSR1), 0);
    CHECK_EQ(got_sig, SIGUSR1);
    CHECK_EQ(before, 1234);

    struct sigaction sa = {.sa_sigaction = on_info, .sa_flags = SA_SIGINFO};
    sigemptyset(&sa.sa_mask);
    CHECK_EQ(sigaction(SIGUSR2, &sa, NULL), 0);
    got_sig = 0;
    kill(getpid(), SIGUSR2);
    CHECK_EQ(got_sig, SIGUSR2);
    CHECK_EQ(got_code, SI_USER);
    CHECK_EQ(got_pid, getpid());

    struct sigaction old;
    CHECK_EQ(sigaction(SIGUSR2, NULL, &old), 0);
    CHECK(old.sa_sigaction == on_info);
    CHECK(old.sa_flags & SA_SIGINFO);
    signal(SIGUSR1, SIG_DFL);
    signal(SIGUSR2, SIG_DFL);
}

TEST(signal_masks)
{
    sigset_t set, old, pending;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    CHECK(sigismember(&set, SIGUSR1) == 1);
    CHECK(sigismember(&set, SIGUSR2) == 0);
    CHECK_EQ(sigaddset(&set, 0), -1);
    CHECK_EQ(sigaddset(&set, 65), -1);

    got_sig = 0;
    signal(SIGUSR1, on_usr1);
    CHECK_EQ(sigprocmask(SIG_BLOCK, &set, &old), 0);
    raise(SIGUSR1);
    CHECK_EQ(got_sig, 0);                       /* blocked: pending */
    CHECK_EQ(sigpending(&pending), 0);
    CHECK(sigismember(&pending, SIGUSR1));
    CHECK_EQ(sigprocmask(SIG_SETMASK, &old, NULL), 0);
    CHECK_EQ(got_sig, SIGUSR1);                 /* delivered on unblock */
    signal(SIGUSR1, SIG_DFL);
}

static void on_alarm(int sig)
{
    (void)sig;
}

TEST(sleep_interrupted_by_signal)
{
    struct sigaction sa = {.sa_handler = on_alarm};     /* no SA_RESTART */
    sigaction(SIGALRM, &sa, NULL);
    alarm(1);
    unsigned left = sleep(5);
    CHECK_EQ(left, 4);
    signal(SIGALRM, SIG_DFL);
}

TEST(fault_becomes_sigsegv)
{
    pid_t pid = fork();
    if (pid == 0) {
        *(volatile int *)0 = 1;
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    CHECK(WIFSIGNALED(st));
    CHECK_EQ(WTERMSIG(st), SIGSEGV);
}

TEST(mmap_anonymous)
{
    char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(p != MAP_FAILED);
    CHECK_EQ(p[100], 0);
    p[8191] = 7;
    CHECK_EQ(munmap(p, 8192), 0);
    CHECK(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, -1, 0) == MAP_FAILED);
}

static jmp_buf jb;

__attribute__((noinline)) static void jump_from_deeper(void)
{
    longjmp(jb, 7);
}

__attribute__((noinline)) static void jump_back(void)
{
    jump_from_deeper();
}

TEST(setjmp_longjmp)
{
    volatile int calls = 0;
    int r = setjmp(jb);
    calls++;
    if (r == 0)
        jump_back();
    CHECK_EQ(r, 7);
    CHECK_EQ(calls, 2);
}

TEST(time_and_calendar)
{
    time_t t = time(NULL);
    CHECK(t > 1700000000);
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    struct timespec nap = {0, 20000000};
    CHECK_EQ(nanosleep(&nap, NULL), 0);
    clock_gettime(CLOCK_MONOTONIC, &b);
    long ms = (b.tv_sec - a.tv_sec) * 1000 + (b.tv_nsec - a.tv_nsec) / 1000000;
    CHECK(ms >= 20 && ms < 1000);

    struct tm tm;
    time_t when = 951782400 + 3600 * 13 + 62;   /* 2000-02-29 13:01:02 UTC */
    gmtime_r(&when, &tm);
    CHECK_EQ(tm.tm_year, 100);
    CHECK_EQ(tm.tm_mon, 1);
    CHECK_EQ(tm.tm_mday, 29);
    CHECK_EQ(tm.tm_hour, 13);
    CHECK_EQ(tm.tm_min, 1);
    CHECK_EQ(tm.tm_sec, 2);
    CHECK_EQ(tm.tm_wday, 2);                    /* a Tuesday */
    CHECK_EQ(tm.tm_yday, 59);
    CHECK_EQ(timegm(&tm), when);
    time_t before1970 = -86400;
    gmtime_r(&before1970, &tm);
    CHECK_EQ(tm.tm_year, 69);
    CHECK_EQ(tm.tm_mday, 31);
    char buf[64];
    time_t y2038 = 2147483647;
    strftime(buf, sizeof buf, "%a %b %e %H:%M:%S %Y|%F %T|%j", gmtime(&y2038));
    CHECK_STR(buf, "Tue Jan 19 03:14:07 2038|2038-01-19 03:14:07|019");
}

TEST(uname_and_sysinfo)
{
    struct utsname u;
    CHECK_EQ(uname(&u), 0);
    CHECK(u.sysname[0] != '\0');
    CHECK(u.machine[0] != '\0');
    struct sysinfo si;
    CHECK_EQ(sysinfo(&si), 0);
    CHECK(si.totalram > 0);
    CHECK(si.freeram <= si.totalram);
    CHECK(si.procs > 0);
}

TEST(cleanup_unistd_dir)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -r %s", dir);
    CHECK_EQ(system(cmd), 0);
    CHECK(access(dir, F_OK) < 0);
}
