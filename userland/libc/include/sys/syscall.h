/*
 * System call numbers (SYS_xxx names are the __NR_xxx ones) for syscall().
 */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#include <kernel/uapi/syscall.h>

#define SYS_exit       __NR_exit
#define SYS_read       __NR_read
#define SYS_write      __NR_write
#define SYS_open       __NR_open
#define SYS_close      __NR_close
#define SYS_getpid     __NR_getpid
#define SYS_gettid     __NR_gettid
#define SYS_kill       __NR_kill
#define SYS_tkill      __NR_tkill
#define SYS_brk        __NR_brk
#define SYS_fork       __NR_fork
#define SYS_execve     __NR_execve
#define SYS_exit_group __NR_exit_group

long syscall(long n, ...);

#endif
