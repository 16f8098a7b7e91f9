/*
 * mmap2: anonymous memory, and private copies of files (fs/mmap.c).
 */
#ifndef FS_MMAP_H
#define FS_MMAP_H

#include <stdint.h>

long sys_mmap2(uint32_t addr, uint32_t len, uint32_t prot, uint32_t flags, int fd,
               uint32_t pgoff);
long sys_old_mmap(const uint32_t *uargs);

#endif
