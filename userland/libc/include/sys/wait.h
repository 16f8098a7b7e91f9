/*
 * Waiting for children.  Options and the W* status macros come from
 * kernel/uapi/wait.h.
 */
#ifndef _SYS_WAIT_H
#define _SYS_WAIT_H

#include <sys/types.h>
#include <kernel/uapi/wait.h>
#include <kernel/uapi/resource.h>

pid_t wait(int *status);
pid_t waitpid(pid_t pid, int *status, int options);
pid_t wait4(pid_t pid, int *status, int options, struct rusage *ru);

#endif
