/*
 * System calls on names in the file system: status, directories, links,
 * permissions, times.  struct stat has the kernel's stat64 layout, so the
 * *stat64 calls fill it directly.
 */
#include <unistd.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <errno.h>
#include <sys/stat.h>
#include "userland/libc/syscall/syscall.h"

_Static_assert(sizeof(struct stat) == sizeof(struct stat64),
               "struct stat must be the kernel's stat64");

int stat(const char *path, struct stat *st)
{
    return (int)SC2(__NR_stat64, path, st);
}

int lstat(const char *path, struct stat *st)
{
    return (int)SC2(__NR_lstat64, path, st);
}

int fstat(int fd, struct stat *st)
{
    return (int)SC2(__NR_fstat64, fd, st);
}

int fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
    return (int)SC4(__NR_fstatat64, dirfd, path, st, flags);
}

int access(const char *path, int mode)
{
    return (int)SC2(__NR_access, path, mode);
}

int chdir(const char *path)
{
    return (int)SC1(__NR_chdir, path);
}

int fchdir(int fd)
{
    return (int)SC1(__NR_fchdir, fd);
}

int chroot(const char *path)
{
    return (int)SC1(__NR_chroot, path);
}

/* getcwd(NULL, 0) allocates a buffer of the right size (as glibc does). */
char *getcwd(char *buf, size_t size)
{
    char tmp[4096];

    if (buf == NULL) {
        if (getcwd(tmp, sizeof tmp) == NULL)
            return NULL;
        char *copy = malloc(strlen(tmp) + 1);
        return copy ? strcpy(copy, tmp) : NULL;
    }
    if (SC2(__NR_getcwd, buf, size) < 0)
        return NULL;
    return buf;
}

int mkdir(const char *path, mode_t mode)
{
    return (int)SC2(__NR_mkdir, path, mode);
}

int mkdirat(int dirfd, const char *path, mode_t mode)
{
    return (int)SC3(__NR_mkdirat, dirfd, path, mode);
}

int mknod(const char *path, mode_t mode, dev_t dev)
{
    return (int)SC3(__NR_mknod, path, mode, (long)dev);   /* kernel encoding */
}

int mkfifo(const char *path, mode_t mode)
{
    return mknod(path, (mode & 07777) | S_IFIFO, 0);
}

int rmdir(const char *path)
{
    return (int)SC1(__NR_rmdir, path);
}

int unlink(const char *path)
{
    return (int)SC1(__NR_unlink, path);
}

int unlinkat(int dirfd, const char *path, int flags)
{
    return (int)SC3(__NR_unlinkat, dirfd, path, flags);
}

int rename(const char *old, const char *new_)
{
    return (int)SC2(__NR_rename, old, new_);
}

int link(const char *old, const char *new_)
{
    return (int)SC2(__NR_link, old, new_);
}

int symlink(const char *target, const char *linkpath)
{
    return (int)SC2(__NR_symlink, target, linkpath);
}

ssize_t readlink(const char *path, char *buf, size_t size)
{
    return SC3(__NR_readlink, path, buf, size);
}

int chmod(const char *path, mode_t mode)
{
    return (int)SC2(__NR_chmod, path, mode);
}

int fchmod(int fd, mode_t mode)
{
    return (int)SC2(__NR_fchmod, fd, mode);
}

int chown(const char *path, uid_t uid, gid_t gid)
{
    return (int)SC3(__NR_chown32, path, uid, gid);
}

int lchown(const char *path, uid_t uid, gid_t gid)
{
    return (int)SC3(__NR_lchown32, path, uid, gid);
}

int fchown(int fd, uid_t uid, gid_t gid)
{
    return (int)SC3(__NR_fchown32, fd, uid, gid);
}

mode_t umask(mode_t mask)
{
    return (mode_t)syscall1(__NR_umask, mask);
}

int utimensat(int dirfd, const char *path, const struct timespec times[2],
              int flags)
{
    return (int)SC4(__NR_utimensat, dirfd, path, times, flags);
}

int futimens(int fd, const struct timespec times[2])
{
    return utimensat(fd, NULL, times, 0);
}
