/*
 * File status.  struct stat has exactly the layout of the kernel's
 * struct stat64 (kernel/uapi/stat.h), so stat() passes the caller's
 * buffer straight to the stat64 system call; only the names differ (POSIX
 * wants st_atim etc. as struct timespec, and st_atime as a macro for its
 * seconds, defined after kernel/uapi/stat.h has been read).
 */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/types.h>
#include <kernel/uapi/stat.h>
#include <kernel/uapi/time.h>

struct stat {
    dev_t st_dev;
    uint32_t __st_dev_pad;
    uint32_t __st_ino32;
    mode_t st_mode;
    nlink_t st_nlink;
    uid_t st_uid;
    gid_t st_gid;
    dev_t st_rdev;
    uint32_t __st_rdev_pad;
    off_t st_size;
    blksize_t st_blksize;
    blkcnt_t st_blocks;
    struct timespec st_atim;
    struct timespec st_mtim;
    struct timespec st_ctim;
    ino_t st_ino;
};

#define st_atime st_atim.tv_sec
#define st_mtime st_mtim.tv_sec
#define st_ctime st_ctim.tv_sec

int stat(const char *path, struct stat *st);
int lstat(const char *path, struct stat *st);
int fstat(int fd, struct stat *st);
int fstatat(int dirfd, const char *path, struct stat *st, int flags);
int mkdir(const char *path, mode_t mode);
int mkdirat(int dirfd, const char *path, mode_t mode);
int mknod(const char *path, mode_t mode, dev_t dev);
int mkfifo(const char *path, mode_t mode);
int chmod(const char *path, mode_t mode);
int fchmod(int fd, mode_t mode);
mode_t umask(mode_t mask);
int utimensat(int dirfd, const char *path, const struct timespec times[2],
              int flags);
int futimens(int fd, const struct timespec times[2]);

#endif
