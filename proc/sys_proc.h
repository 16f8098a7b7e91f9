/*
 * Process identity, sleeping, TLS, limits and times (proc/sys_proc.c).
 */
#ifndef PROC_SYS_PROC_H
#define PROC_SYS_PROC_H

#include <stdint.h>

#include "kernel/uapi/ldt.h"
#include "kernel/uapi/resource.h"
#include "kernel/uapi/time.h"

long sys_getpid(void);
long sys_gettid(void);
long sys_getppid(void);
long sys_getuid(void);
long sys_setuid(uint32_t uid);
long sys_sched_yield(void);
long sys_getpgid(int pid);
long sys_getpgrp(void);
long sys_getsid(int pid);
long sys_setpgid(int pid, int pgid);
long sys_setsid(void);
long sys_set_thread_area(struct user_desc *uinfo);
long sys_get_thread_area(struct user_desc *uinfo);
long sys_set_tid_address(int *tidptr);
long sys_prlimit64(int pid, int resource, const struct rlimit64 *unew,
                   struct rlimit64 *uold);
long sys_getrlimit(int resource, struct rlimit *uold);
long sys_setrlimit(int resource, const struct rlimit *unew);
long sys_times(struct tms *ubuf);
long sys_getrusage(int who, struct rusage *ubuf);

#endif
