/*
 * The scheduler: round-robin over a run queue, preemption by the timer,
 * voluntary switches by sched_yield and by sleeping.  The kernel itself is
 * not preemptible: a timer tick during a system call only sets
 * need_resched, acted on when the call returns to user mode (or when the
 * call sleeps), so kernel code never has to fear a switch in the middle of
 * updating shared data (docs/processes.md explains the trade-off).
 */
#ifndef PROC_SCHED_H
#define PROC_SCHED_H

#include <stdint.h>

#include "proc/proc.h"

/* The boot context becomes the idle process (pid 0); quantum in ticks. */
void sched_init(uint32_t quantum_ticks);
/* Make p runnable (it goes to the end of the run queue). */
void sched_make_runnable(struct proc *p);
/* Run something else; the current process, if still runnable, goes to
 * the back of the queue.  Returns when it is chosen again. */
void schedule(void);
/* The timer tick (IRQ 0): accounting, timed wake-ups, time slices. */
void sched_tick(const struct trapframe *tf);
uint64_t sched_ticks(void);
/* Idle forever: halt until an interrupt, run whatever became runnable. */
__attribute__((noreturn)) void sched_idle(void);
/* Prepare p's kernel stack so that switching to it first calls fn(arg)
 * (on p's own stack, interrupts on). */
void sched_prepare_kernel_entry(struct proc *p, void (*fn)(void *), void *arg);
/* Prepare p (a fork child) to return to user mode through its trap frame. */
void sched_prepare_user_return(struct proc *p);
/* Sleep until tick `when` (or a wake-up); used by nanosleep. */
void sched_sleep_until(uint64_t when);
/* The same, also woken through wait queue q (poll with a timeout).
 * Call with interrupts off after checking the condition. */
void sched_sleep_on_until(struct waitq *q, uint64_t when);
/* Work for the way back to user mode: set when a switch or a signal may be
 * due; recomputed after every switch. */
void sched_update_work(void);

/* Leave the kernel through a trap frame (the first entry of init). */
__attribute__((noreturn)) void enter_user(struct trapframe *tf);

extern volatile int need_resched;

#endif
