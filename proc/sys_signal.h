/*
 * Signal system calls (proc/sys_signal.c).
 */
#ifndef PROC_SYS_SIGNAL_H
#define PROC_SYS_SIGNAL_H

#include <stdint.h>

#include "kernel/uapi/signal.h"
#include "kernel/uapi/time.h"

long sys_rt_sigaction(int sig, const struct sigaction *uact, struct sigaction *uold,
                      uint32_t setsize);
long sys_sigaction(int sig, const struct old_sigaction *uact, struct old_sigaction *uold);
long sys_signal(int sig, sighandler_t handler);
long sys_rt_sigprocmask(int how, const sigset_t *uset, sigset_t *uold, uint32_t setsize);
long sys_sigprocmask(int how, const uint32_t *uset, uint32_t *uold);
long sys_rt_sigpending(sigset_t *uset, uint32_t setsize);
long sys_sigpending(uint32_t *uset);
long sys_pause(void);
long sys_rt_sigsuspend(const sigset_t *umask, uint32_t setsize);
long sys_sigsuspend(int unused1, int unused2, uint32_t mask);
long sys_kill(int pid, int sig);
long sys_tkill(int tid, int sig);
long sys_tgkill(int tgid, int tid, int sig);
long sys_alarm(uint32_t seconds);
long sys_sigaltstack(const stack_t *uss, stack_t *uold);
long sys_rt_sigtimedwait(const sigset_t *uset, siginfo_t *uinfo, const struct timespec *uts,
                         uint32_t setsize);
long sys_rt_sigtimedwait_time64(const sigset_t *uset, siginfo_t *uinfo,
                                const int64_t *uts, uint32_t setsize);

#endif
