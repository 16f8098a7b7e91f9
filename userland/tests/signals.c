/*
 * Signals end to end: handlers with and without SA_SIGINFO, masks and
 * pending signals, SIGCHLD, stop and continue seen by wait4, EINTR and
 * SA_RESTART on blocking calls, what cannot be caught, process groups, and
 * handlers that cannot run (a bad address, no room for the frame) killing
 * only their own process.
 */
#include <signal.h>
#include <time.h>

#include "t.h"

static volatile int hits, last_sig, last_pid, chld;

static void count(int sig) { hits++; last_sig = sig; }
static void on_chld(int sig) { (void)sig; chld++; }

static void info(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    hits++;
    last_sig = sig;
    last_pid = si->si_pid;
}

static void on(int sig, void (*fn)(int), int flags)
{
    struct sigaction sa = {0};
    sa.sa_handler = fn;
    sa.sa_flags = flags;
    CHECK(sigaction(sig, &sa, NULL) == 0);
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void handlers(void)
{
    on(SIGUSR1, count, 0);
    hits = 0;
    CHECK(kill(getpid(), SIGUSR1) == 0);
    CHECK(hits == 1 && last_sig == SIGUSR1);
    struct sigaction sa = {0};
    sa.sa_sigaction = info;
    sa.sa_flags = SA_SIGINFO;
    CHECK(sigaction(SIGUSR2, &sa, NULL) == 0);
    CHECK(raise(SIGUSR2) == 0);
    CHECK(hits == 2 && last_sig == SIGUSR2 && last_pid == getpid());
    /* The FPU state survives a handler that uses the FPU. */
    volatile double x = 1.0 / 3.0;
    raise(SIGUSR1);
    CHECK(x * 3.0 > 0.999 && x * 3.0 < 1.001);
    printf("handlers: plain and SA_SIGINFO ran\n");
}

static void masks(void)
{
    sigset_t set, old, pend;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    hits = 0;
    CHECK(sigprocmask(SIG_BLOCK, &set, &old) == 0);
    raise(SIGUSR1);
    CHECK(hits == 0);
    CHECK(sigpending(&pend) == 0 && sigismember(&pend, SIGUSR1));
    CHECK(sigprocmask(SIG_SETMASK, &old, NULL) == 0);
    CHECK(hits == 1);                       /* delivered on unblocking */
    struct sigaction sa = {0};
    sa.sa_handler = count;
    CHECK(sigaction(SIGKILL, &sa, NULL) == -1 && errno == EINVAL);
    CHECK(sigaction(SIGSTOP, &sa, NULL) == -1 && errno == EINVAL);
    printf("masks: blocked signals wait, SIGKILL/SIGSTOP cannot be caught\n");
}

static void stop_continue(void)
{
    on(SIGCHLD, on_chld, 0);
    chld = 0;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        raise(SIGSTOP);
        _exit(5);
    }
    int status;
    CHECK_EQ(waitpid(pid, &status, WUNTRACED), pid);
    CHECK(WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP);
    CHECK(kill(pid, SIGCONT) == 0);
    CHECK_EQ(waitpid(pid, &status, WCONTINUED), pid);
    CHECK(WIFCONTINUED(status));
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 5);
    CHECK(chld >= 1);
    on(SIGCHLD, SIG_DFL, 0);
    printf("stop/continue: WUNTRACED, WCONTINUED and SIGCHLD seen\n");
}

static void interrupted_calls(void)
{
    int p[2];
    char c;
    CHECK(pipe(p) == 0);
    on(SIGALRM, count, 0);                  /* no SA_RESTART */
    alarm(1);
    long t0 = now_ms();
    CHECK(read(p[0], &c, 1) == -1 && errno == EINTR);
    CHECK(now_ms() - t0 >= 900);
    alarm(1);
    CHECK(pause() == -1 && errno == EINTR);
    alarm(1);
    struct timespec req = {5, 0}, rem = {0, 0};
    CHECK(nanosleep(&req, &rem) == -1 && errno == EINTR);
    printf("nanosleep(5 s) interrupted after 1 s: %ld.%09ld s left\n", (long)rem.tv_sec, rem.tv_nsec);
    CHECK(rem.tv_sec >= 3 && rem.tv_sec <= 4);
    /* SA_RESTART: the read goes on after the handler and gets the byte. */
    on(SIGALRM, count, SA_RESTART);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        struct timespec t = {1, 500000000};
        nanosleep(&t, NULL);
        write(p[1], "z", 1);
        _exit(0);
    }
    alarm(1);
    hits = 0;
    CHECK(read(p[0], &c, 1) == 1 && c == 'z');
    CHECK(hits == 1);
    waitpid(pid, NULL, 0);
    close(p[0]);
    close(p[1]);
    printf("interrupted calls: EINTR, remaining time, SA_RESTART\n");
}

static void sleep_through_stop(void)
{
    long t0 = now_ms();
    struct timespec t = {1, 0};
    CHECK(nanosleep(&t, NULL) == 0);        /* stopped and continued meanwhile */
    CHECK(now_ms() - t0 >= 1000);
    _exit(0);
}

static void stop_during_sleep(void)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0)
        sleep_through_stop();
    struct timespec t = {0, 200000000};
    nanosleep(&t, NULL);
    kill(pid, SIGSTOP);
    int status;
    CHECK_EQ(waitpid(pid, &status, WUNTRACED), pid);
    kill(pid, SIGCONT);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    printf("a sleep stopped and continued still sleeps its full time\n");
}

static void groups(void)
{
    fflush(stdout);
    pid_t a = fork();
    if (a == 0) {
        setpgid(0, 0);
        pause();
        _exit(0);
    }
    setpgid(a, a);
    pid_t b = fork();
    if (b == 0) {
        setpgid(0, a);
        pause();
        _exit(0);
    }
    setpgid(b, a);
    CHECK(kill(-a, SIGTERM) == 0);
    int status;
    CHECK_EQ(waitpid(a, &status, 0), a);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
    CHECK_EQ(waitpid(b, &status, 0), b);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
    CHECK(kill(-a, SIGTERM) == -1 && errno == ESRCH);
    printf("groups: kill(-pgid) reached both members\n");
}

static void bad_handler(void)
{
    on(SIGUSR1, (void (*)(int))0x12345, 0);
    raise(SIGUSR1);
    _exit(0);
}

static void no_room_for_frame(void)
{
    stack_t ss = {(void *)0x70000000, 0, 65536};    /* not mapped */
    CHECK(sigaltstack(&ss, NULL) == 0);
    on(SIGUSR1, count, SA_ONSTACK);
    raise(SIGUSR1);
    _exit(0);
}

int main(void)
{
    unsigned long before = free_ram();
    handlers();
    masks();
    stop_continue();
    interrupted_calls();
    stop_during_sleep();
    groups();
    int status = in_child(bad_handler);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
    status = in_child(no_room_for_frame);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
    printf("bad handler and bad frame: only that process died\n");
    CHECK(free_ram() + 64 * 1024 >= before);
    pass("signals");
    return 0;
}
