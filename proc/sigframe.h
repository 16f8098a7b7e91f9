/*
 * Returning from a signal handler (the frames are built by
 * sigframe_setup, declared in proc/signal.h).
 */
#ifndef PROC_SIGFRAME_H
#define PROC_SIGFRAME_H

long sys_sigreturn(void);
long sys_rt_sigreturn(void);

#endif
