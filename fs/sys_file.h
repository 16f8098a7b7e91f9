/*
 * System calls on file descriptors (fs/sys_file.c).
 */
#ifndef FS_SYS_FILE_H
#define FS_SYS_FILE_H

#include <stdint.h>

#include "fs/vfs.h"
#include "kernel/uapi/uio.h"

long sys_read(int fd, void *ubuf, uint32_t n);
long sys_write(int fd, const void *ubuf, uint32_t n);
long sys_readv(int fd, const struct iovec *uiov, int count);
long sys_writev(int fd, const struct iovec *uiov, int count);
long sys_pread64(int fd, void *ubuf, uint32_t n, uint32_t off_lo, uint32_t off_hi);
long sys_pwrite64(int fd, const void *ubuf, uint32_t n, uint32_t off_lo, uint32_t off_hi);
long sys_lseek(int fd, int32_t off, int whence);
long sys_llseek(int fd, uint32_t off_hi, uint32_t off_lo, int64_t *uresult, int whence);
long sys_close(int fd);
long sys_dup(int fd);
long sys_dup2(int old, int new);
long sys_dup3(int old, int new, uint32_t flags);
long sys_fcntl64(int fd, int cmd, uint32_t arg);
long sys_ioctl(int fd, uint32_t cmd, uint32_t arg);
long sys_pipe(int *ufds);
long sys_pipe2(int *ufds, uint32_t flags);
long sys_fstat64(int fd, struct stat64 *ust);
long sys_getdents64(int fd, void *ubuf, uint32_t count);
long sys_ftruncate(int fd, int32_t len);
long sys_ftruncate64(int fd, uint32_t len_lo, uint32_t len_hi);
long sys_fchmod(int fd, uint32_t mode);
long sys_fchdir(int fd);
long sys_fsync(int fd);

/* stat of any inode (the file system's, or the common fields). */
int vfs_stat(struct inode *ino, struct stat64 *st);

#endif
