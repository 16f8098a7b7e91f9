/*
 * Wait-queue operations.  A queue is a singly linked list of sleeping
 * processes; waking moves them back to the run queue.  Everything runs
 * with interrupts off, because IRQ handlers (keyboard, serial, timer) wake
 * sleepers too.
 */
#include "proc/waitq.h"

#include "proc/sched.h"
#include "proc/signal.h"

static void unlink(struct proc *p)
{
    struct waitq *q = p->sleeping_on;
    if (!q)
        return;
    for (struct proc **link = &q->head; *link; link = &(*link)->wait_next) {
        if (*link == p) {
            *link = p->wait_next;
            break;
        }
    }
    p->sleeping_on = NULL;
    p->wait_next = NULL;
}

void waitq_sleep_locked(struct waitq *q)
{
    struct proc *p = current;
    p->state = P_SLEEPING;
    if (q) {
        p->sleeping_on = q;
        p->wait_next = q->head;
        q->head = p;
    }
    schedule();
    unlink(p);          /* a signal or timer may have woken us, not q */
}

void waitq_wake_proc(struct proc *p)
{
    uint32_t f = irq_save();
    if (p->state == P_SLEEPING) {
        unlink(p);
        sched_make_runnable(p);
    }
    irq_restore(f);
}

void waitq_wake_all(struct waitq *q)
{
    uint32_t f = irq_save();
    while (q->head) {
        struct proc *p = q->head;
        q->head = p->wait_next;
        p->sleeping_on = NULL;
        p->wait_next = NULL;
        if (p->state == P_SLEEPING)
            sched_make_runnable(p);
    }
    irq_restore(f);
}

int waitq_interrupted(void)
{
    return signal_deliverable(current);
}
