/*
 * Creating processes: fork, vfork and the fork-like uses of clone.
 */
#ifndef PROC_FORK_H
#define PROC_FORK_H

#include <stdint.h>

long sys_fork(void);
long sys_vfork(void);
long sys_clone(uint32_t flags, uint32_t newsp, int *parent_tid, uint32_t tls,
               int *child_tid);

#endif
