/*
 * System calls that take paths (fs/sys_path.c).
 */
#ifndef FS_SYS_PATH_H
#define FS_SYS_PATH_H

#include <stdint.h>

#include "fs/vfs.h"
#include "kernel/uapi/statfs.h"
#include "kernel/uapi/time.h"

long sys_open(const char *upath, uint32_t flags, uint32_t mode);
long sys_openat(int dirfd, const char *upath, uint32_t flags, uint32_t mode);
long sys_creat(const char *upath, uint32_t mode);
long sys_stat64(const char *upath, struct stat64 *ust);
long sys_lstat64(const char *upath, struct stat64 *ust);
long sys_fstatat64(int dirfd, const char *upath, struct stat64 *ust, uint32_t flags);
long sys_stat_inode(struct inode *ino, struct stat64 *ust);
long sys_access(const char *upath, int mode);
long sys_faccessat(int dirfd, const char *upath, int mode);
long sys_chdir(const char *upath);
long sys_getcwd(char *ubuf, uint32_t size);
long sys_mkdir(const char *upath, uint32_t mode);
long sys_mkdirat(int dirfd, const char *upath, uint32_t mode);
long sys_rmdir(const char *upath);
long sys_unlink(const char *upath);
long sys_unlinkat(int dirfd, const char *upath, uint32_t flags);
long sys_link(const char *uold, const char *unew);
long sys_linkat(int olddir, const char *uold, int newdir, const char *unew, uint32_t flags);
long sys_symlink(const char *utarget, const char *upath);
long sys_symlinkat(const char *utarget, int dirfd, const char *upath);
long sys_rename(const char *uold, const char *unew);
long sys_renameat(int olddir, const char *uold, int newdir, const char *unew);
long sys_readlink(const char *upath, char *ubuf, int size);
long sys_readlinkat(int dirfd, const char *upath, char *ubuf, int size);
long sys_chmod(const char *upath, uint32_t mode);
long sys_fchmodat(int dirfd, const char *upath, uint32_t mode);
long sys_chown(const char *upath, uint32_t uid, uint32_t gid);
long sys_lchown(const char *upath, uint32_t uid, uint32_t gid);
long sys_fchown(int fd, uint32_t uid, uint32_t gid);
long sys_fchownat(int dirfd, const char *upath, uint32_t uid, uint32_t gid, uint32_t flags);
long sys_chown16(const char *upath, uint32_t uid, uint32_t gid);
long sys_lchown16(const char *upath, uint32_t uid, uint32_t gid);
long sys_fchown16(int fd, uint32_t uid, uint32_t gid);
long sys_faccessat2(int dirfd, const char *upath, int mode, uint32_t flags);
long sys_truncate(const char *upath, int32_t len);
long sys_truncate64(const char *upath, uint32_t len_lo, uint32_t len_hi);
long sys_utimensat(int dirfd, const char *upath, const struct timespec *utimes, uint32_t flags);
long sys_statfs64(const char *upath, uint32_t size, struct statfs64 *ubuf);
long sys_fstatfs64(int fd, uint32_t size, struct statfs64 *ubuf);
long sys_umask(uint32_t mask);
long sys_mknod(const char *upath, uint32_t mode, uint32_t dev);
long sys_mknodat(int dirfd, const char *upath, uint32_t mode, uint32_t dev);

/* statfs figures for the file system an inode belongs to (fs/mount.c). */
void vfs_statfs(struct inode *ino, struct statfs64 *s);

#endif
