/*
 * Signals, as Linux i386 has them.  Sending sets a bit in the target's
 * pending set (and wakes it if it sleeps); delivery happens on the way
 * back to user mode, in signal_deliver: the default action (terminate,
 * stop, continue, ignore) or a user handler entered through a signal frame
 * on the user stack (proc/sigframe.c).
 */
#ifndef PROC_SIGNAL_H
#define PROC_SIGNAL_H

#include <stdbool.h>

#include "kernel/trap.h"
#include "proc/proc.h"

/* Post sig to p from the kernel (0 only checks that p exists). */
void signal_send(struct proc *p, int sig);
/* Post sig to p, saying who sent it (si_code and si_pid of the handler's
 * siginfo: SI_USER and the pid for kill, CLD_* and the child for SIGCHLD). */
void signal_send_from(struct proc *p, int sig, int code, int sender);
/* Post sig to every process of group pgid; returns how many there were. */
int signal_send_group(int pgid, int sig);
/* A signal caused by p's own instruction (a fault): it cannot be blocked
 * or ignored; a blocked or ignored one reverts to the default action. */
void signal_force(struct proc *p, int sig, int code, uint32_t addr);
/* Whether p has a pending signal it does not block. */
bool signal_deliverable(struct proc *p);
/* Deliver one pending signal to the current process (which is about to
 * return to user mode through tf). */
void signal_deliver(struct trapframe *tf);
/* No handler ran on this return: restart an interrupted call and put
 * back a mask sigsuspend replaced. */
void signal_deliver_none(struct trapframe *tf);
/* Per-tick work: alarms. */
void signal_tick(uint64_t now);
/* Reset handlers for a new program (execve): caught signals go back to the
 * default; ignored ones stay ignored. */
void signal_reset_for_exec(struct proc *p);
/* The trap layer's hook for faults in user mode. */
void signal_user_fault(struct trapframe *tf);
/* The signal a stopped child reports, for wait4; and who gets SIGCHLD. */
void signal_notify_parent(struct proc *p, int code, int status);

bool signal_is_ignored(struct proc *p, int sig);
/* alarm(): SIGALRM at tick `at` (0 cancels); returns the ticks that were
 * left of the previous alarm. */
uint32_t signal_set_alarm(struct proc *p, uint64_t at);
/* Forget p's timers (it is exiting). */
void signal_forget(struct proc *p);

/* Build a handler's frame on the user stack and point tf at the handler
 * (proc/sigframe.c); false if the frame cannot be written. */
bool sigframe_setup(struct trapframe *tf, int sig, const struct sigaction *act,
                    sigset_t old_mask);

#define SIG_BIT(sig) ((sigset_t)1 << ((sig) - 1))
#define SIG_UNBLOCKABLE (SIG_BIT(SIGKILL) | SIG_BIT(SIGSTOP))

#endif
