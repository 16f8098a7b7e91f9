/*
 * Clocks and sleeping (proc/sys_time.c).
 */
#ifndef PROC_SYS_TIME_H
#define PROC_SYS_TIME_H

#include <stdint.h>

#include "kernel/uapi/time.h"

long sys_clock_gettime(int clock, struct timespec *uts);
long sys_clock_getres(int clock, struct timespec *uts);
struct timespec64;
long sys_clock_gettime64(int clock, struct timespec64 *uts);
long sys_clock_settime(int clock, const struct timespec *uts);
long sys_clock_settime64(int clock, const struct timespec64 *uts);
long sys_gettimeofday(struct timeval *utv, void *utz);
long sys_time(int32_t *ut);
long sys_restart_syscall(void);
long sys_nanosleep(const struct timespec *ureq, struct timespec *urem);
long sys_clock_nanosleep(int clock, int flags, const struct timespec *ureq,
                         struct timespec *urem);

#endif
