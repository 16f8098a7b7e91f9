/*
 * isolation: a process tries to break out of its box, and every attempt
 * must fail the way Linux makes it fail:
 *   1. after fork, memory is private both ways;
 *   2. kernel memory cannot be read, written or jumped to (SIGSEGV);
 *   3. the program's own text cannot be written, privileged instructions
 *      and the kernel's segments cannot be used (SIGSEGV);
 *   4. kernel addresses given to system calls are refused (EFAULT);
 *   5. init (pid 1) cannot be killed: kill() succeeds, init lives on;
 *   6. a process in another session is out of reach of our process
 *      group, our group's signals and our terminal.
 * Attempts that could kill us run in a child.  The exit status is 0 only
 * if every attempt failed the right way.
 */
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>

#include "userland/demo/demo.h"

#define KERNEL_BASE 0xc0000000ul    /* the first kernel address */
#define KERNEL_TEXT 0xc0100000ul    /* where the kernel's code starts */

static int checks, failures;

static void verdict(int ok, const char *what)
{
    printf("    %-7s %s\n", ok ? "ok:" : "FAILED:", what);
    checks++;
    failures += !ok;
}

/* ---- 1. memory after fork ---- */

static int global = 1;

static void private_memory(void)
{
    printf("  1. After fork, each process has its own memory\n");
    int *heap = malloc(sizeof *heap);
    volatile int stack = 1;
    *heap = 1;
    int up[2], down[2];
    if (!heap || pipe(up) < 0 || pipe(down) < 0)
        exit(1);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        global = *heap = stack = 2;
        char c = 0;
        write(up[1], &c, 1);
        read(down[0], &c, 1);   /* the parent has now written 3s */
        int seen[3] = {global, *heap, stack};
        write(up[1], seen, sizeof seen);
        _exit(0);
    }
    char c;
    int seen[3] = {0, 0, 0};
    read(up[0], &c, 1);
    printf("     the child set a global, a heap and a stack variable to 2\n");
    printf("     the parent sees %d %d %d\n", global, *heap, stack);
    verdict(global == 1 && *heap == 1 && stack == 1, "the child's writes stay in the child");
    global = *heap = stack = 3;
    write(down[1], &c, 1);
    read(up[0], seen, sizeof seen);
    waitpid(pid, NULL, 0);
    printf("     the parent set them to 3; the child then saw %d %d %d\n", seen[0], seen[1],
           seen[2]);
    verdict(seen[0] == 2 && seen[1] == 2 && seen[2] == 2,
            "the parent's writes stay in the parent");
    close(up[0]), close(up[1]), close(down[0]), close(down[1]);
    free(heap);
}

/* ---- 2 and 3. forbidden accesses, each in a child ---- */

static volatile unsigned long target;

static void read_target(void) { (void)*(volatile int *)target; }
static void write_target(void) { *(volatile int *)target = 0; }
static void jump_to_target(void) { ((void (*)(void))target)(); }
static void write_own_text(void) { *(volatile char *)(void *)write_own_text = 0; }
static void write_string_literal(void) { *(volatile char *)"constant" = 'C'; }
static void do_cli(void) { __asm__ volatile("cli"); }
static void do_hlt(void) { __asm__ volatile("hlt"); }
static void do_in(void) { __asm__ volatile("inb $0x60, %%al" ::: "eax"); }
static void do_out(void) { __asm__ volatile("outb %%al, $0x64" ::: "eax"); }
static void load_kernel_data_segment(void) { __asm__ volatile("mov %0, %%ds" :: "r"(0x10)); }
static void call_kernel_code_segment(void) { __asm__ volatile("lcall $0x08, $0xc0100000"); }

struct attempt {
    const char *what;
    void (*fn)(void);
    unsigned long address;          /* for the *_target functions */
};

static const struct attempt kernel_memory[] = {
    {"read  the kernel's code at 0xc0100000", read_target, KERNEL_TEXT},
    {"write the kernel's code at 0xc0100000", write_target, KERNEL_TEXT},
    {"jump into the kernel at 0xc0100000", jump_to_target, KERNEL_TEXT},
    {"read  the first kernel page, 0xc0000000", read_target, KERNEL_BASE},
    {"write the direct map of RAM at 0xc1000000", write_target, 0xc1000000ul},
    {"read  the top page, 0xfffff000", read_target, 0xfffff000ul},
};

static const struct attempt forbidden[] = {
    {"write our own code", write_own_text, 0},
    {"write a string constant", write_string_literal, 0},
    {"cli (disable interrupts)", do_cli, 0},
    {"hlt (stop the processor)", do_hlt, 0},
    {"in from the keyboard port", do_in, 0},
    {"out to the keyboard controller", do_out, 0},
    {"load the kernel's data segment", load_kernel_data_segment, 0},
    {"far call through the kernel's code segment", call_kernel_code_segment, 0},
};

static void attempt_all(const struct attempt *list, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char how[64], line[128];
        target = list[i].address;
        int status = run_in_child(list[i].fn);
        snprintf(line, sizeof line, "%-44s -> %s", list[i].what,
                 describe_status(status, how, sizeof how));
        verdict(WIFSIGNALED(status) && WTERMSIG(status) == SIGSEGV, line);
    }
}

/* ---- 4. kernel pointers given to system calls ---- */

/* An attempt that ended with error `err` (0 if it succeeded). */
static void refused_with(const char *what, int err, int want)
{
    char line[128];
    snprintf(line, sizeof line, "%-44s -> %s", what, err ? errno_name(err) : "succeeded");
    verdict(err == want, line);
}

/* A system call's result: -1 with errno, or success. */
static void refused(const char *what, long result, int want)
{
    refused_with(what, result == -1 ? errno : 0, want);
}

static void kernel_pointers(void)
{
    printf("  4. System calls refuse kernel addresses (EFAULT) and change nothing\n");
    const long k = (long)KERNEL_TEXT;
    int p[2], zero = open("/dev/zero", O_RDONLY), pending = -1;
    char buf[64];
    if (pipe(p) < 0 || zero < 0)
        exit(1);
    refused("write(pipe, kernel code, 64)", syscall(__NR_write, p[1], k, 64), EFAULT);
    refused("write(pipe, stack running into kernel, 64)",
            syscall(__NR_write, p[1], KERNEL_BASE - 16, 64), EFAULT);
    ioctl(p[0], FIONREAD, &pending);
    verdict(pending == 0, "and nothing reached the pipe");
    refused("read(/dev/zero, kernel code, 4096)", syscall(__NR_read, zero, k, 4096), EFAULT);
    refused("stat64(\"/\", kernel code)", syscall(__NR_stat64, "/", k), EFAULT);
    refused("uname(kernel code)", syscall(__NR_uname, k), EFAULT);
    refused("getcwd(kernel code, 64)", syscall(__NR_getcwd, k, 64), EFAULT);
    refused("pipe(kernel code)", syscall(__NR_pipe, k), EFAULT);
    refused("sysinfo(kernel code)", syscall(__NR_sysinfo, k), EFAULT);
    refused("open(path in kernel memory)", syscall(__NR_open, k, O_RDONLY), EFAULT);
    refused("execve(path in kernel memory)", syscall(__NR_execve, k, 0, 0), EFAULT);
    refused("rt_sigaction(SIGUSR1, action in kernel)",
            syscall(__NR_rt_sigaction, SIGUSR1, k, 0, 8), EFAULT);
    verdict(read(zero, buf, sizeof buf) == sizeof buf && buf[0] == 0,
            "the kernel still works (/dev/zero reads zeros)");
    close(p[0]), close(p[1]), close(zero);
}

/* ---- 5. init ---- */

static void init_survives(void)
{
    printf("  5. init (pid 1) cannot be killed\n");
    if (!on_cowix()) {
        printf("     skipped: pid 1 here is not Cowix's init\n");
        return;
    }
    static const int sigs[] = {SIGKILL, SIGSTOP, SIGSEGV, SIGTERM, SIGINT};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        char line[128];
        long r = kill(1, sigs[i]);
        snprintf(line, sizeof line, "kill(1, SIG%s) -> %s", sigabbrev_np(sigs[i]),
                 r == 0 ? "0" : errno_name(errno));
        verdict(r == 0, line);
    }
    usleep(20000);                  /* give a (wrongly) stopped init time to show */
    char state = proc_state(1);
    printf("     /proc/1/stat says init is in state %c\n", state ? state : '?');
    verdict(state == 'S' || state == 'R', "init lives on, neither dead nor stopped");
}

/* ---- 6. another session ---- */

static int usr1_seen;

static void on_usr1(int sig)
{
    (void)sig;
    usr1_seen = 1;
}

/* In a new group of our session: signal the whole group. */
static void signal_own_group(void)
{
    setpgid(0, 0);
    signal(SIGUSR1, on_usr1);
    kill(0, SIGUSR1);
    _exit(usr1_seen ? 0 : 1);
}

/* Is fd 0 our controlling terminal?  (Not when we run as init's child.) */
static int our_ctty(void)
{
    return tcgetpgrp(0) >= 0;
}

/* The outsider's own attempts, sent back as three error numbers. */
static void outsider(int report, int wait_fd, pid_t our_group, int ctty)
{
    int err[3] = {0, 0, -1};
    setsid();
    if (setpgid(0, our_group) < 0)
        err[0] = errno;
    if (open("/dev/tty", O_RDWR) < 0)
        err[1] = errno;
    if (ctty)                       /* ours, so it must not get it */
        err[2] = ioctl(0, TIOCSCTTY, 0) < 0 ? errno : 0;
    write(report, err, sizeof err);
    char c;
    read(wait_fd, &c, 1);
    _exit(0);
}

static void report_outsider(const int err[3])
{
    refused_with("it: setpgid(0, our group)", err[0], EPERM);
    refused_with("it: open(\"/dev/tty\") without a terminal", err[1], ENXIO);
    if (err[2] >= 0)
        refused_with("it: take our terminal (TIOCSCTTY)", err[2], EPERM);
}

static void our_terminal(pid_t other)
{
    sigset_t ttou, old;
    sigemptyset(&ttou);
    sigaddset(&ttou, SIGTTOU);
    sigprocmask(SIG_BLOCK, &ttou, &old);
    long r = tcsetpgrp(0, other);
    refused("give our terminal to its group (tcsetpgrp)", r, EPERM);
    if (r == 0)
        tcsetpgrp(0, getpgrp());
    sigprocmask(SIG_SETMASK, &old, NULL);
}

static void other_session(void)
{
    printf("  6. A process in another session is out of our reach\n");
    int up[2], down[2], err[3];
    char how[64];
    if (pipe(up) < 0 || pipe(down) < 0)
        exit(1);
    int ctty = our_ctty();
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(up[0]);
        close(down[1]);
        outsider(up[1], down[0], getpgrp(), ctty);
    }
    if (read(up[0], err, sizeof err) != sizeof err)
        exit(1);
    printf("     our child %d started a session of its own (setsid)\n", pid);
    verdict(getsid(pid) == pid && getsid(pid) != getsid(0), "it leads another session");
    refused("setpgid(it, our group)", setpgid(pid, getpgrp()), EPERM);
    report_outsider(err);
    if (ctty)
        our_terminal(pid);
    int status = run_in_child(signal_own_group);
    verdict(status == 0, "a process of our session signals its whole group: kill(0, SIGUSR1)");
    close(down[1]);
    waitpid(pid, &status, 0);
    printf("     the other session's process %s\n", describe_status(status, how, sizeof how));
    verdict(status == 0, "our group's signal did not reach it");
    close(up[0]), close(up[1]), close(down[0]);
}

int main(void)
{
    printf("isolation: trying to break out of a process\n");
    private_memory();
    printf("  2. Kernel memory is out of reach (each attempt in a child)\n");
    attempt_all(kernel_memory, sizeof kernel_memory / sizeof kernel_memory[0]);
    printf("  3. Code is read-only, the hardware is the kernel's\n");
    attempt_all(forbidden, sizeof forbidden / sizeof forbidden[0]);
    kernel_pointers();
    init_survives();
    other_session();
    if (failures)
        printf("isolation: %d of %d attempts were NOT stopped as they should be\n", failures,
               checks);
    else
        printf("isolation: all %d attempts failed the right way\n", checks);
    return failures != 0;
}
