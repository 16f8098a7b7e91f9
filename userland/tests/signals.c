/*
 * Signals end to end: handlers with and without SA_SIGINFO, masks and
 * pending signals, SIGCHLD, stop and continue seen by wait4, EINTR and
 * SA_RESTART on blocking calls, what cannot be caught, process groups,
 * kill(-1), tkill and tgkill, the old sigaction(67) with the kernel's own
 * return stub, and handlers that cannot run (a bad address, no room for
 * the frame) or frames forged by the handler hurting only their own process.
 */
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/utsname.h>
#include <time.h>

#include "t.h"

/* Linux i386 system call numbers, written out: the ABI is what is tested. */
#define NR_SIGACTION 67
#define NR_WAIT4 114
#define NR_SIGRETURN 119
#define NR_RT_SIGRETURN 173
#define NR_TKILL 238
#define NR_TGKILL 270

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

/* A child that waits to be signalled; should a check fail first, it ends
 * by itself (SIGALRM) instead of keeping /tests/run waiting for it. */
static pid_t idle_child(bool own_group)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (own_group)
            setpgid(0, 0);
        on(SIGALRM, SIG_DFL, 0);
        alarm(20);
        for (;;)
            pause();
    }
    CHECK(pid > 0);
    return pid;
}

/* wait4 sleeping for a child, interrupted by a handler without
 * SA_RESTART: -EINTR, and the child is still there to be waited for. */
static void interrupted_wait(void)
{
    pid_t pid = idle_child(false);
    on(SIGALRM, count, 0);
    hits = 0;
    alarm(1);
    int status;
    CHECK_EQ(raw4(NR_WAIT4, pid, (long)&status, 0, 0), -EINTR);
    CHECK(hits == 1 && last_sig == SIGALRM);
    CHECK(kill(pid, SIGKILL) == 0);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    printf("wait4 interrupted by SIGALRM: EINTR, child still waitable\n");
}

/* One thread per process: tkill and tgkill are kill of the caller, with
 * Linux's checks of the ids. */
static void thread_kills(void)
{
    pid_t me = getpid();
    on(SIGUSR1, count, 0);
    hits = 0;
    CHECK_EQ(raw(NR_TKILL, me, SIGUSR1, 0), 0);
    CHECK(hits == 1 && last_sig == SIGUSR1);
    CHECK_EQ(raw(NR_TGKILL, me, me, SIGUSR1), 0);
    CHECK_EQ(hits, 2);
    /* Thread me is not in thread group 1 (init): nobody is signalled. */
    CHECK_EQ(raw(NR_TGKILL, 1, me, SIGUSR1), -ESRCH);
    CHECK_EQ(raw(NR_TKILL, 0, SIGUSR1, 0), -EINVAL);
    CHECK_EQ(raw(NR_TGKILL, 0, me, SIGUSR1), -EINVAL);
    CHECK_EQ(hits, 2);
    printf("tkill, tgkill: one signal each; wrong tgid ESRCH\n");
}

/* The record of sigaction(67), Linux i386: the mask is 32 bits, second. */
struct old_action {
    void (*handler)(int);
    uint32_t mask, flags;
    void (*restorer)(void);
};

static uint8_t stub_seen[8];
static uintptr_t stub_at, handler_sp;

static void via_stub(int sig)
{
    volatile char here = 0;
    hits++;
    last_sig = sig;
    stub_at = (uintptr_t)__builtin_return_address(0);
    handler_sp = (uintptr_t)&here;
    memcpy(stub_seen, (void *)stub_at, sizeof stub_seen);
}

/* Without SA_RESTORER the handler returns to the stub the kernel wrote in
 * the frame, on the stack (Cowix has no vDSO): Linux's bytes, popl %eax;
 * movl $119, %eax; int $0x80. */
static void old_style_action(void)
{
    static const uint8_t stub[8] = {0x58, 0xb8, NR_SIGRETURN, 0, 0, 0, 0xcd, 0x80};
    struct old_action act = {via_stub, 0, 0, NULL}, old, now;
    CHECK_EQ(raw(NR_SIGACTION, SIGUSR2, (long)&act, (long)&old), 0);
    CHECK((uintptr_t)old.handler == (uintptr_t)info && (old.flags & SA_SIGINFO));
    hits = 0;
    CHECK(raise(SIGUSR2) == 0);
    CHECK(hits == 1 && last_sig == SIGUSR2);
    CHECK(memcmp(stub_seen, stub, sizeof stub) == 0);
    CHECK(stub_at > handler_sp && stub_at - handler_sp < 4096);
    CHECK(raise(SIGUSR2) == 0);             /* the mask came back: again */
    CHECK_EQ(hits, 2);
    CHECK_EQ(raw(NR_SIGACTION, SIGUSR2, 0, (long)&now), 0);
    CHECK(now.handler == via_stub && !(now.flags & SA_RESTORER));
    CHECK_EQ(raw(NR_SIGACTION, SIGUSR2, (long)&old, 0), 0);
    printf("sigaction(67) without a restorer: returned through the frame's stub\n");
}

/* The registers in the ucontext of an SA_SIGINFO handler: struct
 * sigcontext after uc_flags, uc_link and uc_stack (20 bytes), its words
 * numbered as glibc's REG_* constants number them. */
enum { REG_EIP = 14, REG_CS = 15, REG_EFL = 16, REG_SS = 18 };
enum { FORGE_EIP, FORGE_SEGMENTS, FORGE_IOPL };
#define EFLAGS_IOPL 0x3000u

static volatile int forge;

static uint32_t cs_now(void)
{
    uint32_t cs;
    __asm__ volatile("mov %%cs, %0" : "=r"(cs));
    return cs;
}

static uint32_t ss_now(void)
{
    uint32_t ss;
    __asm__ volatile("mov %%ss, %0" : "=r"(ss));
    return ss;
}

static uint32_t eflags_now(void)
{
    uint32_t f;
    __asm__ volatile("pushf; pop %0" : "=r"(f));
    return f;
}

static void forger(int sig, siginfo_t *si, void *uc)
{
    (void)sig, (void)si;
    uint32_t *r = (uint32_t *)((char *)uc + 20);
    if (r[REG_CS] != cs_now() || r[REG_SS] != ss_now())
        _exit(3);                           /* not the layout we think */
    hits++;
    if (forge == FORGE_EIP) {
        r[REG_EIP] = 0xc0100000;            /* the kernel's code */
    } else if (forge == FORGE_SEGMENTS) {
        r[REG_CS] = 0x08;                   /* the kernel's segments */
        r[REG_SS] = 0x10;
    } else {
        r[REG_EFL] |= EFLAGS_IOPL;          /* in/out and cli for the user */
    }
}

static void raise_forged(int what)
{
    struct sigaction sa = {0};
    sa.sa_sigaction = forger;
    sa.sa_flags = SA_SIGINFO;
    CHECK(sigaction(SIGUSR1, &sa, NULL) == 0);
    forge = what;
    hits = 0;
    raise(SIGUSR1);
}

static void forged_eip(void)
{
    raise_forged(FORGE_EIP);
    _exit(4);                               /* not reached */
}

/* Selectors are forced back to the user's, IOPL is not the user's to set:
 * the process goes on as if nothing had been forged. */
static void forged_segments(void)
{
    uint32_t cs = cs_now(), ss = ss_now();
    raise_forged(FORGE_SEGMENTS);
    CHECK(hits == 1 && cs_now() == cs && ss_now() == ss);
}

static void forged_iopl(void)
{
    raise_forged(FORGE_IOPL);
    CHECK(hits == 1 && (eflags_now() & EFLAGS_IOPL) == 0);
}

/* sigreturn with no frame to read: esp in unmapped memory. */
static void unreadable_frame(void)
{
    __asm__ volatile("movl $0x70000000, %%esp; int $0x80" : : "a"(NR_RT_SIGRETURN));
    __builtin_unreachable();
}

static void unreadable_plain_frame(void)
{
    __asm__ volatile("movl $0x70000000, %%esp; int $0x80" : : "a"(NR_SIGRETURN));
    __builtin_unreachable();
}

static void forged_frames(void)
{
    int status = in_child(forged_eip);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
    CHECK_EQ(in_child(forged_segments), 0);
    CHECK_EQ(in_child(forged_iopl), 0);
    status = in_child(unreadable_frame);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
    status = in_child(unreadable_plain_frame);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV);
    printf("forged frames: kernel eip and unreadable frame SIGSEGV; segments, IOPL ignored\n");
}

/* kill(-1, sig) reaches every process but init and the caller, here two
 * children (one in a group of its own); with nobody left it is ESRCH.
 * Only on Cowix with init as the parent (/tests/run): run from a shell,
 * or on the host, it would take everything else down too. */
static int kill_everyone(void)
{
    struct utsname u;
    if (uname(&u) != 0 || strcmp(u.sysname, "Cowix") != 0 || getppid() != 1)
        return 0;
    pid_t a = idle_child(true), b = idle_child(false);
    CHECK(kill(-1, 0) == 0);
    CHECK(kill(-1, SIGTERM) == 0);          /* we are still here */
    int status;
    CHECK_EQ(waitpid(a, &status, 0), a);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
    CHECK_EQ(waitpid(b, &status, 0), b);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);
    CHECK_EQ(getppid(), 1);
    CHECK(kill(-1, 0) == -1 && errno == ESRCH);
    CHECK(kill(-1, SIGTERM) == -1 && errno == ESRCH);
    printf("kill(-1): both children got SIGTERM, not the caller nor init; then ESRCH\n");
    return 1;
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
    interrupted_wait();
    thread_kills();
    old_style_action();
    forged_frames();
    int everyone = kill_everyone();
    CHECK(free_ram() + 64 * 1024 >= before);
    if (!everyone) {
        printf("signals: kill(-1) not tried (parent is not init); the rest passed\n");
        return 0;
    }
    pass("signals");
    return 0;
}
