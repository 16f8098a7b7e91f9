/*
 * Round-robin scheduling.  The run queue is a circular list of runnable
 * processes (the running one is not on it); schedule() puts the current
 * process at the back and takes the front: O(1).  When nothing is
 * runnable, the idle process (pid 0, the boot context) halts the CPU.
 *
 * A switch (switch_process) sets TSS.esp0 to the next kernel stack (where
 * the CPU will put the next trap frame from user mode), loads its address
 * space (skipped when it is the same one) and its TLS descriptors, swaps
 * the FPU registers, and swaps kernel stacks with switch_to.
 */
#include "proc/sched.h"

#include "kernel/cpu.h"
#include "kernel/fpu.h"
#include "kernel/gdt.h"
#include "kernel/trap.h"
#include "mm/vm.h"
#include "proc/signal.h"
#include "proc/waitq.h"

void switch_to(uint32_t *save_esp, uint32_t next_esp);
void kernel_entry_trampoline(void);
void fork_return(void);

extern char boot_stack_top[];
extern volatile uint32_t trap_return_work;

volatile int need_resched;
static struct proc idle_proc;
static struct proc *runq;           /* front of the queue */
static struct proc *timers;         /* timed sleepers, soonest first */
static uint32_t quantum;
static volatile uint64_t ticks;

static void runq_push(struct proc *p)
{
    if (!runq) {
        p->run_next = p->run_prev = p;
        runq = p;
        return;
    }
    p->run_next = runq;
    p->run_prev = runq->run_prev;
    runq->run_prev->run_next = p;
    runq->run_prev = p;
}

static struct proc *runq_pop(void)
{
    struct proc *p = runq;
    if (!p)
        return NULL;
    if (p->run_next == p) {
        runq = NULL;
    } else {
        p->run_prev->run_next = p->run_next;
        p->run_next->run_prev = p->run_prev;
        runq = p->run_next;
    }
    p->run_next = p->run_prev = NULL;
    return p;
}

static void return_to_user(struct trapframe *tf);

void sched_init(uint32_t quantum_ticks)
{
    quantum = quantum_ticks ? quantum_ticks : 1;
    idle_proc.pid = 0;
    idle_proc.state = P_RUNNABLE;
    idle_proc.kstack_top = (uint32_t)boot_stack_top;
    proc_set_name(&idle_proc, "idle");
    fpu_save(idle_proc.fpu);
    current = &idle_proc;
    trap_set_return_hook(return_to_user);
    trap_set_user_fault_handler(signal_user_fault);
}

void sched_update_work(void)
{
    trap_return_work = need_resched || signal_deliverable(current);
}

/* The work on the way back to user mode (trap_return_work was set):
 * switch if the time slice is over, deliver signals, restart a call that
 * was interrupted without running a handler, and restore the mask that
 * sigsuspend replaced. */
static void return_to_user(struct trapframe *tf)
{
    if (need_resched)
        schedule();
    if (signal_deliverable(current))
        signal_deliver(tf);
    else
        signal_deliver_none(tf);
    if (need_resched)
        schedule();
    sched_update_work();
}

void sched_make_runnable(struct proc *p)
{
    uint32_t f = irq_save();
    p->state = P_RUNNABLE;
    if (!p->run_next && p != current && p != &idle_proc)
        runq_push(p);
    if (current == &idle_proc)
        need_resched = 1;
    sched_update_work();
    irq_restore(f);
}

static void switch_process(struct proc *prev, struct proc *next)
{
    current = next;
    next->slice = quantum;
    if (next != &idle_proc) {
        tss_set_kernel_stack(next->kstack_top);
        vm_switch(next->vm);        /* idle keeps whatever is loaded */
        gdt_load_tls(next->tls);
    }
    fpu_save(prev->fpu);
    fpu_restore(next->fpu);
    switch_to(&prev->ctx_esp, next->ctx_esp);
}

void schedule(void)
{
    uint32_t f = irq_save();
    struct proc *prev = current;
    need_resched = 0;
    if (prev->state == P_RUNNABLE && prev != &idle_proc)
        runq_push(prev);
    struct proc *next = runq_pop();
    if (!next)
        next = &idle_proc;
    if (next != prev)
        switch_process(prev, next);
    else
        prev->slice = quantum;      /* chosen again: a new slice, not a wrap */
    sched_update_work();
    irq_restore(f);
}

void sched_idle(void)
{
    for (;;) {
        sti_hlt();
        if (runq)
            schedule();
    }
}

/* Insert into the timer list, which is kept in wake-up order. */
static void timer_add(struct proc *p)
{
    struct proc **link = &timers;
    while (*link && (*link)->wake_at <= p->wake_at)
        link = &(*link)->timer_next;
    p->timer_next = *link;
    *link = p;
}

static void timer_remove(struct proc *p)
{
    for (struct proc **link = &timers; *link; link = &(*link)->timer_next) {
        if (*link == p) {
            *link = p->timer_next;
            return;
        }
    }
}

void sched_sleep_on_until(struct waitq *q, uint64_t when)
{
    uint32_t f = irq_save();
    current->wake_at = when;
    timer_add(current);
    waitq_sleep_locked(q);          /* q may be NULL: only the timer or a
                                     * signal wakes it then */
    timer_remove(current);
    current->wake_at = 0;
    irq_restore(f);
}

void sched_sleep_until(uint64_t when)
{
    sched_sleep_on_until(NULL, when);
}

void sched_tick(const struct trapframe *tf)
{
    ticks++;
    if (current != &idle_proc) {
        if (trap_from_user(tf))
            current->utime++;
        else
            current->stime++;
    }
    while (timers && timers->wake_at <= ticks) {
        struct proc *p = timers;
        timers = p->timer_next;
        p->wake_at = 0;
        waitq_wake_proc(p);
    }
    signal_tick(ticks);
    if (current != &idle_proc && --current->slice == 0)
        need_resched = 1;
    if (current == &idle_proc && runq)
        need_resched = 1;
    if (need_resched)
        trap_return_work = 1;
}

uint64_t sched_ticks(void)
{
    uint32_t f = irq_save();
    uint64_t t = ticks;
    irq_restore(f);
    return t;
}

/* The initial kernel stack of a new context: what switch_to pops
 * (edi, esi, ebx, ebp, eflags, return address) below a trap frame. */
static uint32_t *push_switch_frame(struct proc *p, uint32_t ret, uint32_t ebx,
                                   uint32_t esi)
{
    uint32_t *sp = (uint32_t *)proc_frame(p);
    *--sp = ret;
    *--sp = 0x2;                    /* eflags: interrupts off until iret/sti */
    *--sp = 0;                      /* ebp: ends backtraces */
    *--sp = ebx;
    *--sp = esi;
    *--sp = 0;                      /* edi */
    p->ctx_esp = (uint32_t)sp;
    return sp;
}

void sched_prepare_kernel_entry(struct proc *p, void (*fn)(void *), void *arg)
{
    push_switch_frame(p, (uint32_t)kernel_entry_trampoline, (uint32_t)fn, (uint32_t)arg);
}

void sched_prepare_user_return(struct proc *p)
{
    push_switch_frame(p, (uint32_t)fork_return, 0, 0);
}

/* Called from fork_return on a new process's first run. */
void sched_first_return(void)
{
    sched_update_work();
    if (trap_return_work)
        return_to_user(proc_frame(current));
}
