/*
 * Sending and delivering signals.
 *
 * A signal is "deliverable" when pending and not blocked.  Blocking
 * system calls sleep interruptibly and return -ERESTARTSYS when one
 * arrives; delivery then either restarts the call (no handler ran, or the
 * handler has SA_RESTART) or turns the result into -EINTR.
 *
 * pid 1 is protected the way Linux protects init: signals it has not
 * installed a handler for are discarded, even SIGKILL.
 */
#include "proc/signal.h"

#include "kernel/console.h"
#include "kernel/cpu.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/syscall.h"
#include "kernel/uapi/wait.h"
#include "mm/fault.h"
#include "proc/exit.h"
#include "proc/sched.h"
#include "proc/waitq.h"

enum action { ACT_TERM, ACT_CORE, ACT_IGN, ACT_STOP, ACT_CONT };

#define STOP_SIGNALS (SIG_BIT(SIGSTOP) | SIG_BIT(SIGTSTP) | SIG_BIT(SIGTTIN) | SIG_BIT(SIGTTOU))

static struct proc *alarms;         /* processes with an alarm set */

static enum action default_action(int sig)
{
    switch (sig) {
    case SIGCHLD: case SIGURG: case SIGWINCH:
        return ACT_IGN;
    case SIGCONT:
        return ACT_CONT;
    case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
        return ACT_STOP;
    case SIGQUIT: case SIGILL: case SIGTRAP: case SIGABRT: case SIGBUS:
    case SIGFPE: case SIGSEGV: case SIGXCPU: case SIGXFSZ: case SIGSYS:
        return ACT_CORE;
    default:
        return ACT_TERM;
    }
}

bool signal_is_ignored(struct proc *p, int sig)
{
    sighandler_t h = p->sig_action[sig].sa_handler;
    return h == SIG_IGN || (h == SIG_DFL && default_action(sig) == ACT_IGN);
}

bool signal_deliverable(struct proc *p)
{
    return (p->sig_pending & (~p->sig_blocked | SIG_UNBLOCKABLE)) != 0;
}

/* SIGCONT and SIGKILL wake a stopped process; SIGCONT cancels pending
 * stops and a stop cancels a pending SIGCONT. */
static void stop_and_continue_effects(struct proc *p, int sig)
{
    if (sig == SIGKILL || sig == SIGCONT) {
        p->sig_pending &= ~STOP_SIGNALS;
        if (p->state == P_STOPPED) {
            p->cont_pending = true;
            sched_make_runnable(p);
            if (sig == SIGCONT)
                signal_notify_parent(p, CLD_CONTINUED, SIGCONT);
        }
    } else if (SIG_BIT(sig) & STOP_SIGNALS) {
        p->sig_pending &= ~SIG_BIT(SIGCONT);
    }
}

void signal_send(struct proc *p, int sig)
{
    signal_send_from(p, sig, SI_KERNEL, 0);
}

void signal_send_from(struct proc *p, int sig, int code, int sender)
{
    if (sig <= 0 || sig >= NSIG || p->state == P_ZOMBIE)
        return;
    uint32_t f = irq_save();
    stop_and_continue_effects(p, sig);
    /* As on Linux, a blocked signal is never dropped (its disposition may
     * change before it is unblocked, or rt_sigtimedwait may collect it);
     * otherwise an ignored one is, and so is one init has no handler for. */
    bool blocked = ((p->sig_blocked | p->sig_waiting) & SIG_BIT(sig)) != 0;
    bool protected_init = p->pid == 1 && p->sig_action[sig].sa_handler == SIG_DFL;
    if (blocked || (!protected_init && !signal_is_ignored(p, sig))) {
        if (!(p->sig_pending & SIG_BIT(sig))) {     /* the first one counts */
            p->sig_sender[sig] = sender;
            p->sig_code[sig] = (int8_t)code;
        }
        p->sig_pending |= SIG_BIT(sig);
        if (signal_deliverable(p) && p->state == P_SLEEPING)
            waitq_wake_proc(p);
        if (p == current)
            sched_update_work();
    }
    irq_restore(f);
}

void signal_force(struct proc *p, int sig, int code, uint32_t addr)
{
    struct sigaction *act = &p->sig_action[sig];
    if (act->sa_handler == SIG_IGN || (p->sig_blocked & SIG_BIT(sig))) {
        act->sa_handler = SIG_DFL;
        p->sig_blocked &= ~SIG_BIT(sig);
    }
    p->sig_fault_addr = addr;
    p->sig_forced |= SIG_BIT(sig);
    p->sig_sender[sig] = 0;
    p->sig_code[sig] = (int8_t)code;
    p->sig_pending |= SIG_BIT(sig);
    if (p == current)
        sched_update_work();
}

void signal_notify_parent(struct proc *p, int code, int status)
{
    struct proc *parent = p->parent;
    if (!parent)
        return;
    struct sigaction *act = &parent->sig_action[SIGCHLD];
    bool quiet = code != CLD_EXITED && code != CLD_KILLED && code != CLD_DUMPED &&
                 (act->sa_flags & SA_NOCLDSTOP);
    (void)status;
    if (!quiet)
        signal_send_from(parent, SIGCHLD, code, p->pid);
    proc_wake_waiting_parent(p);
}

static void stop_current(int sig)
{
    struct proc *p = current;
    p->state = P_STOPPED;
    p->stop_reported = false;
    p->exit_status = W_STOPCODE(sig);
    signal_notify_parent(p, CLD_STOPPED, sig);
    schedule();             /* until SIGCONT or SIGKILL */
}

static void restart_or_eintr(struct trapframe *tf, const struct sigaction *act)
{
    int32_t r = (int32_t)tf->eax;
    if (tf->trapno != T_SYSCALL ||
        (r != -ERESTARTSYS && r != -ERESTARTNOHAND && r != -ERESTART_RESTARTBLOCK))
        return;
    if (act && (r != -ERESTARTSYS || !(act->sa_flags & SA_RESTART))) {
        tf->eax = (uint32_t)-EINTR;
        return;
    }
    /* entry.asm keeps the call number in the error-code slot. */
    tf->eax = r == -ERESTART_RESTARTBLOCK ? __NR_restart_syscall : tf->err;
    tf->eip -= 2;           /* back onto the int 0x80 */
}

static void run_handler(struct trapframe *tf, int sig)
{
    struct proc *p = current;
    struct sigaction *act = &p->sig_action[sig];
    restart_or_eintr(tf, act);
    sigset_t old = p->sig_restore_mask ? p->sig_saved_mask : p->sig_blocked;
    p->sig_restore_mask = false;
    if (!sigframe_setup(tf, sig, act, old)) {
        kprintf("signal: bad stack for a handler of signal %d: killing pid %d\n",
                sig, p->pid);
        proc_exit(W_EXITCODE(0, SIGSEGV));
    }
    if (!(act->sa_flags & SA_NODEFER))
        p->sig_blocked |= SIG_BIT(sig);
    p->sig_blocked = (p->sig_blocked | act->sa_mask) & ~SIG_UNBLOCKABLE;
    if (act->sa_flags & SA_RESETHAND)
        act->sa_handler = SIG_DFL;
}

static int next_signal(struct proc *p)
{
    sigset_t ready = p->sig_pending & (~p->sig_blocked | SIG_UNBLOCKABLE);
    if (!ready)
        return 0;
    if (ready & SIG_BIT(SIGKILL))
        return SIGKILL;
    return __builtin_ctzll(ready) + 1;
}

void signal_deliver(struct trapframe *tf)
{
    struct proc *p = current;
    int sig;
    while ((sig = next_signal(p)) != 0) {
        bool forced = (p->sig_forced & SIG_BIT(sig)) != 0;
        p->sig_pending &= ~SIG_BIT(sig);
        p->sig_forced &= ~SIG_BIT(sig);
        sighandler_t h = p->sig_action[sig].sa_handler;
        if (h == SIG_IGN)
            continue;
        if (h == SIG_DFL && p->pid == 1 && !forced)
            continue;               /* sent while blocked: init is still immune */
        if (h != SIG_DFL) {
            run_handler(tf, sig);
            return;                 /* one handler frame per return */
        }
        switch (default_action(sig)) {
        case ACT_IGN:
        case ACT_CONT:
            break;
        case ACT_STOP:
            stop_current(sig);
            break;
        case ACT_TERM:
        case ACT_CORE:
            proc_exit(W_EXITCODE(0, sig));
        }
    }
    signal_deliver_none(tf);
}

void signal_deliver_none(struct trapframe *tf)
{
    struct proc *p = current;
    restart_or_eintr(tf, NULL);
    if (p->sig_restore_mask) {
        p->sig_blocked = p->sig_saved_mask;
        p->sig_restore_mask = false;
    }
}

static void alarm_remove(struct proc *p)
{
    for (struct proc **link = &alarms; *link; link = &(*link)->alarm_next) {
        if (*link == p) {
            *link = p->alarm_next;
            p->alarm_next = NULL;
            return;
        }
    }
}

uint32_t signal_set_alarm(struct proc *p, uint64_t at)
{
    uint32_t f = irq_save();
    uint64_t now = sched_ticks();
    uint64_t left = p->alarm_at > now ? p->alarm_at - now : 0;
    alarm_remove(p);
    p->alarm_at = at;
    if (at) {
        p->alarm_next = alarms;
        alarms = p;
    }
    irq_restore(f);
    return (uint32_t)left;
}

void signal_tick(uint64_t now)
{
    for (struct proc **link = &alarms; *link;) {
        struct proc *p = *link;
        if (p->alarm_at <= now) {
            *link = p->alarm_next;
            p->alarm_next = NULL;
            p->alarm_at = 0;
            signal_send(p, SIGALRM);
        } else {
            link = &p->alarm_next;
        }
    }
}

void signal_forget(struct proc *p)
{
    uint32_t f = irq_save();
    alarm_remove(p);
    irq_restore(f);
}

void signal_reset_for_exec(struct proc *p)
{
    for (int sig = 1; sig < NSIG; sig++) {
        struct sigaction *a = &p->sig_action[sig];
        if (a->sa_handler != SIG_IGN)
            a->sa_handler = SIG_DFL;
        a->sa_flags = 0;
        a->sa_restorer = NULL;
        a->sa_mask = 0;
    }
    p->sig_altstack = (stack_t){0, SS_DISABLE, 0};
}

/* Which signal a user-mode exception becomes, as on Linux i386. */
void signal_user_fault(struct trapframe *tf)
{
    int sig = SIGSEGV, code = SI_KERNEL;
    uint32_t addr = 0;
    switch (tf->trapno) {
    case T_PAGE_FAULT:
        addr = mm_fault_address();
        code = tf->err & 1 ? SEGV_ACCERR : SEGV_MAPERR;
        if (mm_fault_out_of_memory()) {
            kprintf("Out of memory: killed process %d (%s)\n", current->pid,
                    current->name);
            sig = SIGKILL;
        }
        break;
    case T_INVALID_OP: sig = SIGILL; code = ILL_ILLOPC; addr = tf->eip; break;
    case T_DIVIDE: sig = SIGFPE; code = FPE_INTDIV; addr = tf->eip; break;
    case T_FPU: case T_SIMD: case T_NO_FPU: sig = SIGFPE; addr = tf->eip; break;
    case T_BREAKPOINT: case T_DEBUG: sig = SIGTRAP; code = TRAP_BRKPT; break;
    case T_ALIGN: sig = SIGBUS; code = BUS_ADRERR; break;
    default: break;         /* GPF, segment faults, overflow, bound: SIGSEGV */
    }
    signal_force(current, sig, code, addr);
}

struct group_signal {
    int pgid, sig, found;
};

static void signal_member(struct proc *p, void *ctx)
{
    struct group_signal *g = ctx;
    if (p->pgid == g->pgid && p->pid != 0 && p->state != P_ZOMBIE) {
        g->found++;
        signal_send(p, g->sig);
    }
}

int signal_send_group(int pgid, int sig)
{
    struct group_signal g = {pgid, sig, 0};
    proc_for_each(signal_member, &g);
    return g.found;
}
