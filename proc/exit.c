/*
 * exit and wait4.
 *
 * An exiting process gives back everything it can while still running on
 * its kernel stack: files, address space (after switching to the kernel's
 * page directory), timers; a session leader also hangs up its terminal
 * (these two calls into fs/ are the process layer's only ones).  Its children go to init.  It then becomes a
 * zombie holding only its wait status, and switches away for good; the
 * parent's wait4 frees the control block and the kernel stack.
 */
#include "proc/exit.h"

#include "fs/fscontext.h"
#include "fs/tty.h"
#include "kernel/console.h"
#include "kernel/pit.h"
#include "kernel/power.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/resource.h"
#include "kernel/uapi/wait.h"
#include "mm/uaccess.h"
#include "mm/vm.h"
#include "proc/sched.h"
#include "proc/signal.h"
#include "proc/waitq.h"

void proc_wake_waiting_parent(struct proc *child)
{
    if (child->parent) {
        child->parent->child_events++;
        waitq_wake_all(&child->parent->child_wait);
    }
}

/* Give p's children to init; zombies among them wake init's wait4. */
static void reparent_children(struct proc *p)
{
    struct proc *init = proc_init_process();
    while (p->children) {
        struct proc *c = p->children;
        p->children = c->sibling;
        c->parent = init;
        c->sibling = init->children;
        init->children = c;
        if (c->state == P_ZOMBIE)
            proc_wake_waiting_parent(c);
    }
}

__attribute__((noreturn)) static void init_died(int status)
{
    if (WIFSIGNALED(status))
        kprintf("init killed by signal %d\n", WTERMSIG(status));
    else
        kprintf("init exited with status %d\n", WEXITSTATUS(status));
    power_off(WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status));
}

void proc_exit(int wait_status)
{
    struct proc *p = current;
    if (p->pid == 1)
        init_died(wait_status);
    fs_context_release(p->fs);
    p->fs = NULL;
    if (p->pid == p->sid)
        tty_end_session(p->sid);    /* SIGHUP to the foreground job */
    signal_forget(p);
    struct vm_space *vm = p->vm;
    p->vm = NULL;
    vm_destroy(vm);
    reparent_children(p);
    p->exit_status = wait_status;
    p->state = P_ZOMBIE;
    signal_notify_parent(p, WIFSIGNALED(wait_status) ? CLD_KILLED : CLD_EXITED,
                         wait_status);
    schedule();
    __builtin_unreachable();        /* a zombie is never scheduled again */
}

long sys_exit(int code)
{
    proc_exit(W_EXITCODE(code, 0));
}

static bool matches(struct proc *c, int pid)
{
    if (pid > 0)
        return c->pid == pid;
    if (pid == -1)
        return true;
    if (pid == 0)
        return c->pgid == current->pgid;
    return c->pgid == -pid;
}

static int put_rusage(void *urusage, const struct proc *c)
{
    if (!urusage)
        return 0;
    struct rusage ru = {0};
    uint32_t ms_per_tick = pit_tick_ms();
    uint32_t u = (c->utime + c->cutime) * ms_per_tick, s = (c->stime + c->cstime) * ms_per_tick;
    ru.ru_utime.tv_sec = (int32_t)(u / 1000);
    ru.ru_utime.tv_usec = (int32_t)(u % 1000 * 1000);
    ru.ru_stime.tv_sec = (int32_t)(s / 1000);
    ru.ru_stime.tv_usec = (int32_t)(s % 1000 * 1000);
    return copy_to_user(urusage, &ru, sizeof ru);
}

/* What a child has to report, if anything: 1 and *status when it does. */
static int report(struct proc *c, int options, int *status)
{
    if (c->state == P_ZOMBIE) {
        *status = c->exit_status;
        return 1;
    }
    if ((options & WUNTRACED) && c->state == P_STOPPED && !c->stop_reported) {
        *status = c->exit_status;
        return 1;
    }
    if ((options & WCONTINUED) && c->cont_pending) {
        *status = W_CONTINUED;
        return 1;
    }
    return 0;
}

/* Report one child; the user's buffers are written before anything
 * changes, so a bad pointer leaves the child waitable. */
static long collect(struct proc *c, int status, int *ustatus, void *urusage)
{
    if (ustatus && put_user_u32(ustatus, (uint32_t)status) < 0)
        return -EFAULT;
    if (put_rusage(urusage, c) < 0)
        return -EFAULT;
    int pid = c->pid;
    if (c->state == P_ZOMBIE) {
        current->cutime += c->utime + c->cutime;
        current->cstime += c->stime + c->cstime;
        proc_free(c);
    } else if (c->state == P_STOPPED) {
        c->stop_reported = true;
    } else {
        c->cont_pending = false;
    }
    return pid;
}

long sys_wait4(int pid, int *ustatus, int options, void *urusage)
{
    if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WALL | __WCLONE))
        return -EINVAL;
    if (pid == (int)0x80000000)
        return -ESRCH;              /* no group -INT_MIN: Linux says so too */
    struct proc *me = current;
    for (;;) {
        uint32_t seen = me->child_events;
        bool any = false;
        for (struct proc *c = me->children; c; c = c->sibling) {
            int status;
            if (!matches(c, pid))
                continue;
            any = true;
            if (report(c, options, &status))
                return collect(c, status, ustatus, urusage);
        }
        if (!any)
            return -ECHILD;
        if (options & WNOHANG)
            return 0;
        int err = WAIT_EVENT(&me->child_wait, me->child_events != seen);
        if (err)
            return err;
    }
}

long sys_waitpid(int pid, int *ustatus, int options)
{
    return sys_wait4(pid, ustatus, options, NULL);
}
