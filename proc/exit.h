/*
 * Ending a process and collecting its status: exit, exit_group, wait4.
 */
#ifndef PROC_EXIT_H
#define PROC_EXIT_H

#include <stdint.h>

#include "proc/proc.h"

/* End the current process with a wait status (W_EXITCODE encoding). */
__attribute__((noreturn)) void proc_exit(int wait_status);
/* A child changed state (exited, stopped, continued): wake its parent's
 * wait4. */
void proc_wake_waiting_parent(struct proc *child);

long sys_exit(int code);
long sys_wait4(int pid, int *ustatus, int options, void *urusage);
long sys_waitpid(int pid, int *ustatus, int options);

#endif
