/*
 * Wait queues: where a process sleeps until something happens (a child
 * exits, a pipe gets data, a key is pressed).  The pattern, with
 * interrupts off so no wake-up can slip between the test and the sleep:
 *
 *     int err = WAIT_EVENT(&q, condition);    // 0, or -ERESTARTSYS
 *
 * Sleeps are interruptible: a signal that will be delivered wakes the
 * sleeper, which then returns -ERESTARTSYS (the signal code decides
 * between restarting the call and -EINTR).
 */
#ifndef PROC_WAITQ_H
#define PROC_WAITQ_H

#include "kernel/cpu.h"
#include "proc/proc.h"

/* Sleep on q (NULL: on nothing, for timed sleeps) with interrupts off;
 * returns with them still off, after being woken. */
void waitq_sleep_locked(struct waitq *q);
void waitq_wake_all(struct waitq *q);
/* Wake p wherever it sleeps. */
void waitq_wake_proc(struct proc *p);
/* Whether current has a signal that should interrupt a sleep. */
int waitq_interrupted(void);

/* Kernel-internal results of an interrupted call, never seen by users:
 * ERESTARTSYS restarts it unless a handler without SA_RESTART ran (then
 * -EINTR); ERESTARTNOHAND restarts it only if no handler ran;
 * ERESTART_RESTARTBLOCK likewise, but through restart_syscall (0), which
 * continues from what the call saved (a sleep's deadline). */
#define ERESTARTSYS 512
#define ERESTARTNOHAND 514
#define ERESTART_RESTARTBLOCK 516

#define WAIT_EVENT(q, cond)                                               \
    ({                                                                    \
        int wait_err_ = 0;                                                \
        uint32_t wait_flags_ = irq_save();                                \
        while (!(cond)) {                                                 \
            if (waitq_interrupted()) {                                    \
                wait_err_ = -ERESTARTSYS;                                 \
                break;                                                    \
            }                                                             \
            waitq_sleep_locked(q);                                        \
        }                                                                 \
        irq_restore(wait_flags_);                                         \
        wait_err_;                                                        \
    })

#endif
