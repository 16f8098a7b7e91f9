/*
 * The signal system calls: dispositions (rt_sigaction, sigaction,
 * signal), masks (rt_sigprocmask, sigprocmask, rt_sigpending), waiting
 * (pause, rt_sigsuspend), sending (kill, tkill, tgkill), alarm and
 * sigaltstack.  Each checks its arguments fully before changing anything.
 */
#include "proc/sys_signal.h"

#include "kernel/pit.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "mm/uaccess.h"
#include "proc/sched.h"
#include "proc/signal.h"
#include "proc/waitq.h"

static bool valid_signal(int sig)
{
    return sig >= 1 && sig < NSIG;
}

static long set_action(int sig, const struct sigaction *act, struct sigaction *old)
{
    if (!valid_signal(sig))
        return -EINVAL;
    struct sigaction *cur = &current->sig_action[sig];
    if (old)
        *old = *cur;
    if (!act)
        return 0;
    if (sig == SIGKILL || sig == SIGSTOP)
        return -EINVAL;
    *cur = *act;
    cur->sa_mask &= ~SIG_UNBLOCKABLE;
    /* Setting a signal to be ignored discards it if pending (POSIX). */
    if (signal_is_ignored(current, sig))
        current->sig_pending &= ~SIG_BIT(sig);
    return 0;
}

long sys_rt_sigaction(int sig, const struct sigaction *uact, struct sigaction *uold,
                      uint32_t setsize)
{
    if (setsize != sizeof(sigset_t))
        return -EINVAL;
    struct sigaction act, old;
    if (uact && copy_from_user(&act, uact, sizeof act) < 0)
        return -EFAULT;
    if (uold && !user_range_ok(uold, sizeof old))
        return -EFAULT;
    long err = set_action(sig, uact ? &act : NULL, &old);
    if (err == 0 && uold && copy_to_user(uold, &old, sizeof old) < 0)
        return -EFAULT;
    return err;
}

long sys_sigaction(int sig, const struct old_sigaction *uact, struct old_sigaction *uold)
{
    struct old_sigaction oa;
    struct sigaction act, old;
    if (uact) {
        if (copy_from_user(&oa, uact, sizeof oa) < 0)
            return -EFAULT;
        act = (struct sigaction){.sa_handler = oa.sa_handler, .sa_flags = oa.sa_flags,
                                 .sa_restorer = oa.sa_restorer, .sa_mask = oa.sa_mask};
    }
    long err = set_action(sig, uact ? &act : NULL, &old);
    if (err == 0 && uold) {
        oa = (struct old_sigaction){old.sa_handler, (uint32_t)old.sa_mask, old.sa_flags,
                                    old.sa_restorer};
        if (copy_to_user(uold, &oa, sizeof oa) < 0)
            return -EFAULT;
    }
    return err;
}

/* signal(48): the old System V semantics, one-shot and not blocking. */
long sys_signal(int sig, sighandler_t handler)
{
    struct sigaction act = {.sa_handler = handler, .sa_flags = SA_RESETHAND | SA_NODEFER};
    struct sigaction old;
    long err = set_action(sig, &act, &old);
    return err ? err : (long)old.sa_handler;
}

static long change_mask(int how, sigset_t set)
{
    switch (how) {
    case SIG_BLOCK: current->sig_blocked |= set; break;
    case SIG_UNBLOCK: current->sig_blocked &= ~set; break;
    case SIG_SETMASK: current->sig_blocked = set; break;
    default: return -EINVAL;
    }
    current->sig_blocked &= ~SIG_UNBLOCKABLE;
    sched_update_work();
    return 0;
}

long sys_rt_sigprocmask(int how, const sigset_t *uset, sigset_t *uold, uint32_t setsize)
{
    if (setsize != sizeof(sigset_t))
        return -EINVAL;
    sigset_t set, old = current->sig_blocked;
    if (uset && copy_from_user(&set, uset, sizeof set) < 0)
        return -EFAULT;
    if (uset && (how < SIG_BLOCK || how > SIG_SETMASK))
        return -EINVAL;
    if (uold && copy_to_user(uold, &old, sizeof old) < 0)
        return -EFAULT;
    return uset ? change_mask(how, set) : 0;
}

long sys_sigprocmask(int how, const uint32_t *uset, uint32_t *uold)
{
    uint32_t set, old = (uint32_t)current->sig_blocked;
    if (uset && get_user_u32(&set, uset) < 0)
        return -EFAULT;
    if (uset && (how < SIG_BLOCK || how > SIG_SETMASK))
        return -EINVAL;
    if (uold && put_user_u32(uold, old) < 0)
        return -EFAULT;
    if (!uset)
        return 0;
    if (how == SIG_SETMASK)   /* the old call only sees the low 32 signals */
        return change_mask(how, (current->sig_blocked & ~0xffffffffull) | set);
    return change_mask(how, set);
}

long sys_rt_sigpending(sigset_t *uset, uint32_t setsize)
{
    if (setsize != sizeof(sigset_t))
        return -EINVAL;
    sigset_t pending = current->sig_pending & current->sig_blocked;
    return copy_to_user(uset, &pending, sizeof pending);
}

long sys_sigpending(uint32_t *uset)
{
    return put_user_u32(uset, (uint32_t)(current->sig_pending & current->sig_blocked));
}

/* Sleep until a signal is delivered; the call then returns -EINTR after
 * a handler ran, or resumes sleeping if none did (-ERESTARTNOHAND). */
static long wait_for_signal(void)
{
    WAIT_EVENT(NULL, 0);
    return -ERESTARTNOHAND;
}

long sys_pause(void)
{
    return wait_for_signal();
}

long sys_rt_sigsuspend(const sigset_t *umask, uint32_t setsize)
{
    sigset_t mask;
    if (setsize != sizeof(sigset_t))
        return -EINVAL;
    if (copy_from_user(&mask, umask, sizeof mask) < 0)
        return -EFAULT;
    current->sig_saved_mask = current->sig_blocked;
    current->sig_restore_mask = true;
    current->sig_blocked = mask & ~SIG_UNBLOCKABLE;
    return wait_for_signal();
}

long sys_sigsuspend(int unused1, int unused2, uint32_t mask)
{
    (void)unused1;
    (void)unused2;
    current->sig_saved_mask = current->sig_blocked;
    current->sig_restore_mask = true;
    current->sig_blocked = ((current->sig_blocked & ~0xffffffffull) | mask) & ~SIG_UNBLOCKABLE;
    return wait_for_signal();
}

struct kill_req {
    int sig, pgid, found;
    struct proc *self;
    bool all;
};

static void kill_one(struct proc *p, void *ctx)
{
    struct kill_req *k = ctx;
    if (p->pid == 0)
        return;
    if (k->all ? (p->pid == 1 || p == k->self) : p->pgid != k->pgid)
        return;
    k->found++;                     /* a zombie exists until reaped */
    signal_send_from(p, k->sig, SI_USER, k->self->pid);
}

long sys_kill(int pid, int sig)
{
    if (sig < 0 || sig >= NSIG)
        return -EINVAL;
    if (pid > 0) {
        struct proc *p = proc_find(pid);
        if (!p)
            return -ESRCH;          /* (a zombie is still in the table: found) */
        signal_send_from(p, sig, SI_USER, current->pid);
        return 0;
    }
    if (pid == (int)0x80000000)
        return -ESRCH;              /* -pid would overflow */
    struct kill_req k = {sig, pid == 0 ? current->pgid : -pid, 0, current, pid == -1};
    proc_for_each(kill_one, &k);
    return k.found ? 0 : -ESRCH;
}

long sys_tkill(int tid, int sig)
{
    if (tid <= 0)
        return -EINVAL;
    return sys_kill(tid, sig);
}

long sys_tgkill(int tgid, int tid, int sig)
{
    if (tgid <= 0 || tid <= 0)
        return -EINVAL;
    if (tgid != tid)
        return -ESRCH;              /* one thread per process */
    return sys_kill(tid, sig);
}

long sys_alarm(uint32_t seconds)
{
    uint32_t per_sec = 1000 / pit_tick_ms();
    uint64_t at = seconds ? sched_ticks() + (uint64_t)seconds * per_sec : 0;
    uint32_t left = signal_set_alarm(current, at);
    return (left + per_sec - 1) / per_sec;
}

long sys_sigaltstack(const stack_t *uss, stack_t *uold)
{
    stack_t ss, old = current->sig_altstack;
    uint32_t sp = proc_frame(current)->esp;
    bool on = sp - (uint32_t)old.ss_sp < old.ss_size;
    if (uss && copy_from_user(&ss, uss, sizeof ss) < 0)
        return -EFAULT;
    if (uold) {
        old.ss_flags = on ? SS_ONSTACK : (old.ss_size ? old.ss_flags : SS_DISABLE);
        if (copy_to_user(uold, &old, sizeof old) < 0)
            return -EFAULT;
    }
    if (!uss)
        return 0;
    if (on)
        return -EPERM;
    if (ss.ss_flags & ~SS_DISABLE)
        return -EINVAL;
    if (!(ss.ss_flags & SS_DISABLE) && ss.ss_size < MINSIGSTKSZ)
        return -ENOMEM;
    current->sig_altstack = ss.ss_flags & SS_DISABLE ? (stack_t){0, SS_DISABLE, 0} : ss;
    return 0;
}

/* Take the lowest pending signal of `set`, with who sent it. */
static int dequeue(sigset_t set, siginfo_t *info)
{
    sigset_t ready = current->sig_pending & set;
    if (!ready)
        return 0;
    int sig = __builtin_ctzll(ready) + 1;
    current->sig_pending &= ~SIG_BIT(sig);
    current->sig_forced &= ~SIG_BIT(sig);
    memset(info, 0, sizeof *info);
    info->si_signo = sig;
    info->si_code = current->sig_code[sig];
    info->si_pid = current->sig_sender[sig];
    return sig;
}

/* Wait for one of `set` (blocked, usually) without running a handler:
 * the signals of the set are unblocked for the wait, so that their
 * arrival wakes the caller, and dequeued here instead of delivered. */
static long timed_wait(sigset_t set, siginfo_t *uinfo, uint64_t timeout_ns, bool forever)
{
    set &= ~SIG_UNBLOCKABLE;
    uint32_t tick_ns = pit_tick_ms() * 1000000u;
    uint64_t deadline = sched_ticks() + (timeout_ns + tick_ns - 1) / tick_ns;
    sigset_t saved = current->sig_blocked;
    current->sig_blocked &= ~set;
    current->sig_waiting = set;     /* still "blocked" to senders */
    siginfo_t info;
    long r;
    for (;;) {
        uint32_t f = irq_save();
        if ((r = dequeue(set, &info)) != 0 ||
            (current->sig_pending & ~current->sig_blocked)) {
            irq_restore(f);
            r = r ? r : -EINTR;     /* another signal came first */
            break;
        }
        if (!forever && sched_ticks() >= deadline) {
            irq_restore(f);
            r = -EAGAIN;
            break;
        }
        if (forever)
            waitq_sleep_locked(NULL);
        else
            sched_sleep_on_until(NULL, deadline);
        irq_restore(f);
    }
    current->sig_blocked = saved;
    current->sig_waiting = 0;
    sched_update_work();
    if (r > 0 && uinfo && copy_to_user(uinfo, &info, sizeof info) < 0)
        return -EFAULT;
    return r;
}

long sys_rt_sigtimedwait(const sigset_t *uset, siginfo_t *uinfo, const struct timespec *uts,
                         uint32_t setsize)
{
    sigset_t set;
    if (setsize != sizeof(sigset_t))
        return -EINVAL;
    if (copy_from_user(&set, uset, sizeof set) < 0)
        return -EFAULT;
    struct timespec ts = {0, 0};
    if (uts && copy_from_user(&ts, uts, sizeof ts) < 0)
        return -EFAULT;
    if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000)
        return -EINVAL;
    uint64_t ns = (uint64_t)ts.tv_sec * 1000000000 + (uint64_t)ts.tv_nsec;
    return timed_wait(set, uinfo, ns, uts == NULL);
}

long sys_rt_sigtimedwait_time64(const sigset_t *uset, siginfo_t *uinfo,
                                const int64_t *uts, uint32_t setsize)
{
    sigset_t set;
    if (setsize != sizeof(sigset_t))
        return -EINVAL;
    if (copy_from_user(&set, uset, sizeof set) < 0)
        return -EFAULT;
    int64_t ts[2] = {0, 0};
    if (uts && copy_from_user(ts, uts, sizeof ts) < 0)
        return -EFAULT;
    if (ts[0] < 0 || ts[1] < 0 || ts[1] >= 1000000000)
        return -EINVAL;
    return timed_wait(set, uinfo, (uint64_t)ts[0] * 1000000000 + (uint64_t)ts[1], uts == NULL);
}
