/*
 * Memory mappings.  mmap() uses mmap2, whose offset is in 4096-byte units.
 */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>
#include <kernel/uapi/mman.h>

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off);
int munmap(void *addr, size_t len);
int mprotect(void *addr, size_t len, int prot);
void *mremap(void *old, size_t old_len, size_t new_len, int flags, ...);
int msync(void *addr, size_t len, int flags);
int madvise(void *addr, size_t len, int advice);

#endif
