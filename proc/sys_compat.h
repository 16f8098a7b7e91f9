/*
 * Compatibility system calls (proc/sys_compat.c).
 */
#ifndef PROC_SYS_COMPAT_H
#define PROC_SYS_COMPAT_H

#include <stdint.h>

#include "kernel/uapi/time.h"

long sys_getgroups(int size, uint32_t *ulist);
long sys_setgroups(int size, const uint32_t *ulist);
long sys_setgroups16(int size, const uint16_t *ulist);
long sys_getresuid(uint32_t *r, uint32_t *e, uint32_t *s);
long sys_getpriority(int which, int who);
long sys_setpriority(int which, int who, int prio);
long sys_sched_getaffinity(int pid, uint32_t size, uint32_t *umask);
long sys_set_robust_list(void *head, uint32_t len);
long sys_futex(uint32_t *uaddr, int op, uint32_t val, const struct timespec *utimeout);
long sys_prctl(int option, uint32_t arg2, uint32_t arg3, uint32_t arg4, uint32_t arg5);

#endif
