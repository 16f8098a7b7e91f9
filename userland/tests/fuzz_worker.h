/*
 * A fuzz worker (part of /tests/fuzz, see fuzz.c): one batch of random
 * system calls in a child process.  Before each call the worker sends the
 * parent a record on PROGRESS_FD - which call, or that it skipped one -
 * so the parent counts calls, sees a worker that hangs, and knows the
 * last call of a worker that died.
 *
 * The worker spares only what would end the fuzz itself: exit calls are
 * skipped, reboot gets a wrong magic number, signals go to itself or to
 * nobody (A_PID), and munmap/mprotect/madvise/mremap/MAP_FIXED are kept
 * off its code, data and stack (spare_vital).  A fork-like call's child
 * exits at once.  After a call that may have changed the worker's signal
 * handling or working directory, they are put back (repair).
 */
#ifndef TESTS_FUZZ_WORKER_H
#define TESTS_FUZZ_WORKER_H

#include <stdarg.h>

#include "fuzz_calls.h"
#include "kernel/uapi/reboot.h"
#include "kernel/uapi/sched.h"
#include "userland/libc/syscall/syscall.h"

#define LAST_ERRNO 133              /* EHWPOISON, the highest Linux errno */
#define VITAL_LOW  0x08000000u      /* the program and everything above it */

enum tag { T_CALL, T_SKIP, T_ODD };

/* What a worker tells its parent: 8 bytes, written atomically. */
struct record {
    uint16_t nr;
    uint16_t tag;
    int32_t value;                  /* T_CALL: index in the batch; T_ODD: result */
};

struct call {
    long nr;
    long a[6];
    const struct call_desc *d;
};

static int tracing;

static void send_record(long nr, enum tag tag, long value)
{
    struct record r = {(uint16_t)nr, (uint16_t)tag, (int32_t)value};
    syscall3(__NR_write, PROGRESS_FD, (long)&r, sizeof r);
}

static void make_call(struct call *c)
{
    c->nr = pick_number();
    c->d = describe(c->nr);
    for (int i = 0; i < 6; i++)
        c->a[i] = c->d ? arg_of((enum kind)c->d->kind[i]) : arg_any();
}

/* Whether address p is in [base, base + size). */
static int inside(long p, const char *base, long size)
{
    return (uint32_t)p >= (uint32_t)base && (uint32_t)p < (uint32_t)base + size;
}

/* Keep [*addr, *addr + *len) off the worker's own memory: a range that
 * touches it (and stays in user space, where the kernel would act on it)
 * is moved into the playground. */
static void spare_vital(long *addr, long *len)
{
    uint32_t a = (uint32_t)*addr, n = (uint32_t)*len;
    uint64_t end = (uint64_t)a + n + PAGE;          /* rounded up to whole pages */
    uint32_t lo = (uint32_t)W.play, hi = lo + PLAY_SIZE;
    if (end > KERNEL_BASE || end <= VITAL_LOW || (a >= lo && end <= hi))
        return;
    *addr = (long)(lo + below(PLAY_SIZE / PAGE - 1) * PAGE);
    *len = (long)(n % (hi - (uint32_t)*addr - PAGE));      /* at least a page of room */
}

/* Old mmap reads its six arguments from memory: spare_vital them there. */
static void spare_old_mmap(long ptr)
{
    if (!inside(ptr, W.scratch, SCRATCH_SIZE - 24) || (ptr & 3))
        return;
    long *args = (long *)ptr;
    if (args[3] & MAP_FIXED)
        spare_vital(&args[0], &args[1]);
}

/* A mask that rt_sigsuspend installs must let the parent's SIGALRM
 * through, or the worker sleeps for good (a hang of its own making): a
 * mask in memory the worker can read (playground, strings, code) is moved
 * to scratch, where the bit is cleared. */
static void spare_nudge(long *ptr)
{
    extern char __executable_start[], etext[];
    if (inside(*ptr, W.play, PLAY_SIZE) || inside(*ptr, W.strings, STRINGS_SIZE) ||
        inside(*ptr, __executable_start, etext - __executable_start))
        *ptr = (long)(W.scratch + S_INTS);
    if (inside(*ptr, W.scratch, SCRATCH_SIZE - 8))
        *(sigset_t *)*ptr &= ~SIGMASK_BIT(SIGALRM);
}

/* False: do not make this call at all. */
static int route(struct call *c)
{
    switch (c->nr) {
    case __NR_exit:
    case __NR_exit_group:
        return 0;
    case __NR_reboot:
        if ((uint32_t)c->a[0] == LINUX_REBOOT_MAGIC1)
            c->a[0] ^= 1;
        return 1;
    case __NR_munmap:
    case __NR_mprotect:
    case __NR_madvise:
        spare_vital(&c->a[0], &c->a[1]);
        return 1;
    case __NR_mremap:
        spare_vital(&c->a[0], &c->a[1]);
        spare_vital(&c->a[4], &c->a[2]);
        return 1;
    case __NR_mmap2:
        if (c->a[3] & MAP_FIXED)
            spare_vital(&c->a[0], &c->a[1]);
        return 1;
    case __NR_mmap:
        spare_old_mmap(c->a[0]);
        return 1;
    case __NR_sigsuspend:
        c->a[2] &= ~(long)SIGMASK_BIT(SIGALRM);
        return 1;
    case __NR_rt_sigsuspend:
        spare_nudge(&c->a[0]);
        return 1;
    default:
        return 1;
    }
}

static int is_fork_like(long nr)
{
    return nr == __NR_fork || nr == __NR_vfork || nr == __NR_clone || nr == __NR_clone3;
}

/* Calls whose result may be any 32 bits: an address, a value set
 * earlier (a handler, a persona), or a time the fuzz may have set past
 * 2038 with clock_settime. */
static int returns_any_value(long nr)
{
    return nr == __NR_mmap || nr == __NR_mmap2 || nr == __NR_brk || nr == __NR_mremap ||
           nr == __NR_signal || nr == __NR_personality || nr == __NR_time ||
           nr == __NR_times;
}

/* A result no Linux call gives: an errno beyond the last one (a kernel
 * -ERESTART... leaking out, say), or a negative non-error from a call
 * whose results are small. */
static int odd_result(long nr, long r)
{
    if (r >= -4095 && r < 0)
        return -r > LAST_ERRNO;
    return r < 0 && !returns_any_value(nr);
}

static void repair(long nr)
{
    switch (nr) {
    case __NR_signal: case __NR_sigaction: case __NR_rt_sigaction:
    case __NR_sigprocmask: case __NR_rt_sigprocmask: case __NR_sigsuspend:
    case __NR_rt_sigsuspend: case __NR_sigreturn: case __NR_rt_sigreturn:
        arm_signals();
        break;
    case __NR_chdir:
    case __NR_fchdir:
        chdir(W.sandbox);
        break;
    }
}

static void trace_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void trace_line(const char *fmt, ...)
{
    char line[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    write(TRACE_FD, line, (size_t)(n < (int)sizeof line ? n : (int)sizeof line - 1));
}

/* p if it is one of the paths of fuzz_world.h, else NULL. */
static const char *known_path(const char *p)
{
    for (unsigned k = 0; k < sizeof rel_paths / sizeof *rel_paths; k++)
        if (p == rel_paths[k])
            return p;
    for (unsigned k = 0; k < sizeof abs_paths / sizeof *abs_paths; k++)
        if (p == abs_paths[k])
            return p;
    return NULL;
}

/* An argument for the trace: a known path as a string, else in hex. */
static void arg_text(char *buf, size_t size, const struct call *c, int i)
{
    const char *path = c->d && c->d->kind[i] == A_PATH ? known_path((const char *)c->a[i]) : NULL;
    if (path)
        snprintf(buf, size, "\"%s\"", path);
    else
        snprintf(buf, size, "%lx", c->a[i]);
}

static void trace_call(long i, const struct call *c)
{
    char name[16], a[6][24];
    snprintf(name, sizeof name, "#%ld", c->nr);
    for (int k = 0; k < 6; k++)
        arg_text(a[k], sizeof a[k], c, k);
    trace_line("fuzz: %ld %s(%s, %s, %s, %s, %s, %s)", i, c->d ? c->d->name : name, a[0], a[1],
               a[2], a[3], a[4], a[5]);
}

/* Make ncalls random calls (batch `batch` of the run with this seed). */
__attribute__((noreturn)) static void worker(uint32_t seed, long batch, int slot, long ncalls)
{
    rng_seed(seed, (uint32_t)batch);
    setsid();
    if (world_setup(slot) != 0)
        _exit(3);
    for (long i = 0; i < ncalls; i++) {
        if (i % 16 == 0)
            refresh_structures();
        struct call c;
        make_call(&c);
        if (!route(&c)) {
            send_record(c.nr, T_SKIP, i);
            continue;
        }
        send_record(c.nr, T_CALL, i);
        if (tracing)
            trace_call(i, &c);
        long r = syscall6(c.nr, c.a[0], c.a[1], c.a[2], c.a[3], c.a[4], c.a[5]);
        if (r == 0 && is_fork_like(c.nr))
            syscall1(__NR_exit, 0);                 /* the child of a fork */
        if (tracing)
            trace_line(" = %ld\n", r);
        if (odd_result(c.nr, r))
            send_record(c.nr, T_ODD, r);
        repair(c.nr);
    }
    _exit(0);
}

#endif
