/*
 * Memory system calls on the current process's address space
 * (proc/sys_mem.c); mmap2 itself is in fs/mmap.c, since it may map files.
 */
#ifndef PROC_SYS_MEM_H
#define PROC_SYS_MEM_H

#include <stdint.h>

long sys_brk(uint32_t new_brk);
long sys_munmap(uint32_t addr, uint32_t len);
long sys_mprotect(uint32_t addr, uint32_t len, uint32_t prot);
long sys_madvise(uint32_t addr, uint32_t len, int advice);

#endif
