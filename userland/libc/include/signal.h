/*
 * Signals.  sigset_t, struct sigaction, siginfo_t and stack_t are the
 * kernel's (kernel/uapi/signal.h): a sigset_t is a 64-bit mask, bit
 * (sig - 1) for signal sig.  See docs/userland.md for how a handler is
 * entered and how it returns through the restorer.
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/types.h>
#include <kernel/uapi/signal.h>

typedef int sig_atomic_t;

int sigaction(int sig, const struct sigaction *act, struct sigaction *old);
sighandler_t signal(int sig, sighandler_t handler);
int sigprocmask(int how, const sigset_t *set, sigset_t *old);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int sigaltstack(const stack_t *ss, stack_t *old);
int kill(pid_t pid, int sig);
int killpg(pid_t pgrp, int sig);
int raise(int sig);

int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);

/* Signal names and descriptions: "SEGV" / "Segmentation fault". */
const char *sigabbrev_np(int sig);
const char *sigdescr_np(int sig);
char *strsignal(int sig);

#endif
