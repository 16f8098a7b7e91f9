/*
 * System calls that take a path: open and its relatives, stat, access,
 * directories (chdir, getcwd, mkdir, rmdir), names (link, symlink, unlink,
 * rename, readlink), attributes (chmod, truncate, utimensat), statfs,
 * umask, mknod.  The *at() forms take a directory descriptor for relative
 * paths; the classic forms are the *at() forms with AT_FDCWD.
 */
#include "fs/sys_path.h"

#include "fs/ext2fs.h"
#include "fs/fscontext.h"
#include "fs/namei.h"
#include "fs/sys_file.h"
#include "kernel/clock.h"
#include "kernel/limits.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/fcntl.h"
#include "kernel/uapi/statfs.h"
#include "kernel/uapi/time.h"
#include "mm/heap.h"
#include "mm/uaccess.h"
#include "proc/proc.h"

#define UTIME_NOW ((1l << 30) - 1l)
#define UTIME_OMIT ((1l << 30) - 2l)

/* A user path copied into a kernel buffer (free with kfree). */
static long get_path(const char *upath, char **out)
{
    char *p = kpage_alloc();
    if (!p)
        return -ENOMEM;
    long n = strncpy_from_user(p, upath, PATH_MAX);
    if (n < 0) {
        kpage_free(p);
        return n;
    }
    *out = p;
    return n;
}

/* The directory relative paths start from: cwd, or dirfd's directory. */
static int base_dir(int dirfd, const char *path, struct inode **base)
{
    if (path[0] == '/' || dirfd == AT_FDCWD) {
        *base = current->fs->cwd;
        return 0;
    }
    struct file *f = fd_file(dirfd);
    if (!f)
        return -EBADF;
    if (!S_ISDIR(f->inode->mode))
        return -ENOTDIR;
    *base = f->inode;
    return 0;
}

/* Look up a user path relative to dirfd. */
static int lookup_at(int dirfd, const char *upath, int flags, struct inode **out)
{
    char *path;
    long n = get_path(upath, &path);
    if (n < 0)
        return (int)n;
    struct inode *base;
    int err = base_dir(dirfd, path, &base);
    if (!err)
        err = namei_at(base, path, flags, out);
    kpage_free(path);
    return err;
}

/* A user path's parent directory and last name (copied into name). */
struct parent {
    struct inode *dir;
    char *path;                     /* owns the buffer name points into */
    const char *name;
    size_t len;
};

static int lookup_parent(int dirfd, const char *upath, struct parent *p)
{
    long n = get_path(upath, &p->path);
    if (n < 0)
        return (int)n;
    struct inode *base;
    int err = base_dir(dirfd, p->path, &base);
    if (!err)
        err = namei_parent_at(base, p->path, &p->dir, &p->name, &p->len);
    if (err)
        kpage_free(p->path);
    return err;
}

static void put_parent(struct parent *p)
{
    inode_put(p->dir);
    kpage_free(p->path);
}

static bool is_dot_name(const struct parent *p)
{
    return p->len == 0 || (p->len == 1 && p->name[0] == '.') ||
           (p->len == 2 && p->name[0] == '.' && p->name[1] == '.');
}

/* Permission bits of a new file: the requested ones minus the umask. */
static uint32_t masked(uint32_t mode)
{
    return mode & 07777 & ~current->fs->umask;
}

/* ---- open ---- */

static int create_or_find(struct parent *p, uint32_t flags, uint32_t mode, struct inode **out)
{
    int err = p->len ? p->dir->ops->lookup(p->dir, p->name, p->len, out) : -EISDIR;
    if (err == -ENOENT && p->len) {
        if (!p->dir->ops->create)
            return -EROFS;
        if (p->path[strlen(p->path) - 1] == '/')
            return -EISDIR;         /* "newname/" cannot be a file */
        return p->dir->ops->create(p->dir, p->name, p->len, S_IFREG | masked(mode), 0, out);
    }
    if (!err && (flags & O_EXCL)) {
        inode_put(*out);
        return -EEXIST;
    }
    if (err == -ENOENT && !p->len)
        return -EISDIR;
    return err;
}

static int open_inode(int dirfd, const char *upath, uint32_t flags, uint32_t mode,
                      struct inode **out)
{
    if (!(flags & O_CREAT)) {
        int lf = (flags & O_NOFOLLOW ? 0 : LOOKUP_FOLLOW) | (flags & O_DIRECTORY ? LOOKUP_DIRECTORY : 0);
        return lookup_at(dirfd, upath, lf, out);
    }
    struct parent p;
    int err = lookup_parent(dirfd, upath, &p);
    if (err)
        return err;
    if (is_dot_name(&p) && p.len) {
        err = namei_at(p.dir, p.len == 1 ? "." : "..", 0, out);
        if (!err && (flags & O_EXCL)) {
            inode_put(*out);
            err = -EEXIST;
        }
    } else {
        err = create_or_find(&p, flags, mode, out);
    }
    /* An existing symlink with O_CREAT: follow it unless O_NOFOLLOW. */
    if (!err && S_ISLNK((*out)->mode) && !(flags & O_NOFOLLOW)) {
        inode_put(*out);
        err = lookup_at(dirfd, upath, LOOKUP_FOLLOW, out);
    }
    put_parent(&p);
    return err;
}

static int check_open(struct inode *ino, uint32_t flags)
{
    if (S_ISLNK(ino->mode))
        return -ELOOP;              /* O_NOFOLLOW on a symlink */
    if ((flags & O_DIRECTORY) && !S_ISDIR(ino->mode))
        return -ENOTDIR;
    if (S_ISDIR(ino->mode) && ((flags & O_ACCMODE) != O_RDONLY || (flags & O_CREAT)))
        return -EISDIR;
    return 0;
}

long sys_openat(int dirfd, const char *upath, uint32_t flags, uint32_t mode)
{
    if (!fd_available())
        return -EMFILE;             /* before anything is created */
    struct inode *ino;
    int err = open_inode(dirfd, upath, flags, mode, &ino);
    if (err)
        return err;
    err = check_open(ino, flags);
    struct file *f = err ? NULL : file_new(ino, flags & ~(O_CREAT | O_EXCL));
    if (!err && !f)
        err = -ENOMEM;
    if (err) {
        inode_put(ino);
        return err;
    }
    /* O_TRUNC and O_NOCTTY are for the open op (ext2 truncates, a tty
     * decides about the controlling terminal); the file keeps neither. */
    if (ino->ops->open && (err = ino->ops->open(ino, f)) < 0) {
        f->ops = NULL;              /* nothing to release */
        file_put(f);
        return err;
    }
    f->flags &= ~(O_TRUNC | O_NOCTTY);
    int fd = fd_install(f, 0, flags & O_CLOEXEC);
    if (fd < 0)
        file_put(f);
    return fd;
}

long sys_open(const char *upath, uint32_t flags, uint32_t mode)
{
    return sys_openat(AT_FDCWD, upath, flags, mode);
}

long sys_creat(const char *upath, uint32_t mode)
{
    return sys_openat(AT_FDCWD, upath, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

/* ---- stat, access ---- */

long sys_fstatat64(int dirfd, const char *upath, struct stat64 *ust, uint32_t flags)
{
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT))
        return -EINVAL;
    if (flags & AT_EMPTY_PATH) {
        char c;
        if (copy_from_user(&c, upath, 1) == 0 && c == 0)
            return dirfd == AT_FDCWD ? sys_stat_inode(current->fs->cwd, ust)
                                     : sys_fstat64(dirfd, ust);
    }
    struct inode *ino;
    int err = lookup_at(dirfd, upath, flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW, &ino);
    if (err)
        return err;
    err = (int)sys_stat_inode(ino, ust);
    inode_put(ino);
    return err;
}

long sys_stat_inode(struct inode *ino, struct stat64 *ust)
{
    struct stat64 st;
    int err = vfs_stat(ino, &st);
    return err ? err : copy_to_user(ust, &st, sizeof st);
}

long sys_stat64(const char *upath, struct stat64 *ust)
{
    return sys_fstatat64(AT_FDCWD, upath, ust, 0);
}

long sys_lstat64(const char *upath, struct stat64 *ust)
{
    return sys_fstatat64(AT_FDCWD, upath, ust, AT_SYMLINK_NOFOLLOW);
}

long sys_faccessat(int dirfd, const char *upath, int mode)
{
    if (mode & ~7)
        return -EINVAL;
    struct inode *ino;
    int err = lookup_at(dirfd, upath, LOOKUP_FOLLOW, &ino);
    if (err)
        return err;
    /* Root may read and write anything; executing needs an x bit. */
    if ((mode & 1) && !(ino->mode & 0111) && !S_ISDIR(ino->mode))
        err = -EACCES;
    inode_put(ino);
    return err;
}

long sys_faccessat2(int dirfd, const char *upath, int mode, uint32_t flags)
{
    if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    return sys_faccessat(dirfd, upath, mode);
}

long sys_access(const char *upath, int mode)
{
    return sys_faccessat(AT_FDCWD, upath, mode);
}

/* ---- directories ---- */

long sys_chdir(const char *upath)
{
    struct inode *ino;
    int err = lookup_at(AT_FDCWD, upath, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &ino);
    if (err)
        return err;
    inode_put(current->fs->cwd);
    current->fs->cwd = ino;
    return 0;
}

long sys_getcwd(char *ubuf, uint32_t size)
{
    char *buf = kpage_alloc();
    if (!buf)
        return -ENOMEM;
    long n = vfs_path_of(current->fs->cwd, buf, PATH_MAX);
    if (n == -ERANGE)
        n = -ENAMETOOLONG;          /* longer than any path may be */
    else if (n >= 0 && (uint32_t)n + 1 > size)
        n = -ERANGE;
    if (n >= 0 && copy_to_user(ubuf, buf, (size_t)n + 1) < 0)
        n = -EFAULT;
    kpage_free(buf);
    return n < 0 ? n : n + 1;       /* Linux returns the length with the NUL */
}

/* Creating a name: mkdir, mknod and symlink share the lookup of the
 * parent and the refusal of "." and ".."; `make` does the rest. */
typedef int (*name_maker)(struct parent *p, const void *arg);

static int new_name(int dirfd, const char *upath, name_maker make, const void *arg)
{
    struct parent p;
    int err = lookup_parent(dirfd, upath, &p);
    if (err)
        return err;
    err = is_dot_name(&p) ? -EEXIST : make(&p, arg);
    put_parent(&p);
    return err;
}

static int make_dir(struct parent *p, const void *arg)
{
    uint32_t mode = *(const uint32_t *)arg;
    if (!p->dir->ops->mkdir)
        return -EROFS;
    return p->dir->ops->mkdir(p->dir, p->name, p->len, masked(mode));
}

long sys_mkdirat(int dirfd, const char *upath, uint32_t mode)
{
    return new_name(dirfd, upath, make_dir, &mode);
}

long sys_mkdir(const char *upath, uint32_t mode)
{
    return sys_mkdirat(AT_FDCWD, upath, mode);
}

static int remove_name(int dirfd, const char *upath, bool dir)
{
    struct parent p;
    int err = lookup_parent(dirfd, upath, &p);
    if (err)
        return err;
    if (p.len == 0 || vfs_is_mountpoint(p.dir, p.name, p.len))
        err = -EBUSY;               /* "/" or where a file system is mounted */
    else if (dir && p.len == 1 && p.name[0] == '.')
        err = -EINVAL;
    else if (dir && p.len == 2 && p.name[0] == '.' && p.name[1] == '.')
        err = -ENOTEMPTY;
    else if (!(dir ? p.dir->ops->rmdir : p.dir->ops->unlink))
        err = -EROFS;
    else if (!dir && p.path[strlen(p.path) - 1] == '/')
        err = -ENOTDIR;
    else if (dir)
        err = p.dir->ops->rmdir(p.dir, p.name, p.len);
    else
        err = p.dir->ops->unlink(p.dir, p.name, p.len);
    put_parent(&p);
    return err;
}

long sys_rmdir(const char *upath)
{
    return remove_name(AT_FDCWD, upath, true);
}

long sys_unlinkat(int dirfd, const char *upath, uint32_t flags)
{
    if (flags & ~AT_REMOVEDIR)
        return -EINVAL;
    return remove_name(dirfd, upath, flags & AT_REMOVEDIR);
}

long sys_unlink(const char *upath)
{
    return remove_name(AT_FDCWD, upath, false);
}

/* ---- names ---- */

long sys_linkat(int olddir, const char *uold, int newdir, const char *unew, uint32_t flags)
{
    struct inode *target;
    int err = lookup_at(olddir, uold, flags & AT_SYMLINK_FOLLOW ? LOOKUP_FOLLOW : 0, &target);
    if (err)
        return err;
    struct parent p;
    err = lookup_parent(newdir, unew, &p);
    if (!err) {
        if (S_ISDIR(target->mode))
            err = -EPERM;
        else if (is_dot_name(&p))
            err = -EEXIST;
        else if (!p.dir->ops->link)
            err = -EROFS;
        else
            err = p.dir->ops->link(p.dir, p.name, p.len, target);
        put_parent(&p);
    }
    inode_put(target);
    return err;
}

long sys_link(const char *uold, const char *unew)
{
    return sys_linkat(AT_FDCWD, uold, AT_FDCWD, unew, 0);
}

static int make_symlink(struct parent *p, const void *arg)
{
    const char *target = arg;
    if (!p->dir->ops->symlink)
        return -EROFS;
    return p->dir->ops->symlink(p->dir, p->name, p->len, target, strlen(target));
}

long sys_symlinkat(const char *utarget, int dirfd, const char *upath)
{
    char *target;
    long n = get_path(utarget, &target);
    if (n < 0)
        return n;
    int err = n == 0 ? -ENOENT : new_name(dirfd, upath, make_symlink, target);
    kpage_free(target);
    return err;
}

long sys_symlink(const char *utarget, const char *upath)
{
    return sys_symlinkat(utarget, AT_FDCWD, upath);
}

long sys_renameat(int olddir, const char *uold, int newdir, const char *unew)
{
    struct parent from, to;
    int err = lookup_parent(olddir, uold, &from);
    if (err)
        return err;
    err = lookup_parent(newdir, unew, &to);
    if (err) {
        put_parent(&from);
        return err;
    }
    if (is_dot_name(&from) || is_dot_name(&to) ||
        vfs_is_mountpoint(from.dir, from.name, from.len) ||
        vfs_is_mountpoint(to.dir, to.name, to.len))
        err = -EBUSY;
    else if (from.dir->dev != to.dir->dev)
        err = -EXDEV;
    else if (!from.dir->ops->rename)
        err = -EROFS;
    else
        err = from.dir->ops->rename(from.dir, from.name, from.len, to.dir, to.name, to.len);
    put_parent(&to);
    put_parent(&from);
    return err;
}

long sys_rename(const char *uold, const char *unew)
{
    return sys_renameat(AT_FDCWD, uold, AT_FDCWD, unew);
}

long sys_readlinkat(int dirfd, const char *upath, char *ubuf, int size)
{
    if (size <= 0)
        return -EINVAL;
    struct inode *ino;
    int err = lookup_at(dirfd, upath, 0, &ino);
    if (err)
        return err;
    long n = -EINVAL;
    char *buf = kpage_alloc();
    if (!buf)
        n = -ENOMEM;
    else if (S_ISLNK(ino->mode) && ino->ops->readlink)
        n = ino->ops->readlink(ino, buf, PATH_MAX);
    if (n > size)
        n = size;                   /* silently truncated, as on Linux */
    if (n >= 0 && copy_to_user(ubuf, buf, (size_t)n) < 0)
        n = -EFAULT;
    kpage_free(buf);
    inode_put(ino);
    return n;
}

long sys_readlink(const char *upath, char *ubuf, int size)
{
    return sys_readlinkat(AT_FDCWD, upath, ubuf, size);
}

/* ---- attributes ---- */

long sys_fchmodat(int dirfd, const char *upath, uint32_t mode)
{
    struct inode *ino;
    int err = lookup_at(dirfd, upath, LOOKUP_FOLLOW, &ino);
    if (err)
        return err;
    err = ino->ops->chmod ? ino->ops->chmod(ino, mode) : -EROFS;
    inode_put(ino);
    return err;
}

long sys_chmod(const char *upath, uint32_t mode)
{
    return sys_fchmodat(AT_FDCWD, upath, mode);
}

/* chown: root may give a file to anyone (the ids are only recorded). */
static int change_owner(struct inode *ino, uint32_t uid, uint32_t gid)
{
    return ino->ops->chown ? ino->ops->chown(ino, uid, gid) : -EROFS;
}

long sys_fchownat(int dirfd, const char *upath, uint32_t uid, uint32_t gid, uint32_t flags)
{
    if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
        return -EINVAL;
    struct inode *ino;
    int err = lookup_at(dirfd, upath, flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW, &ino);
    if (err)
        return err;
    err = change_owner(ino, uid, gid);
    inode_put(ino);
    return err;
}

long sys_chown(const char *upath, uint32_t uid, uint32_t gid)
{
    return sys_fchownat(AT_FDCWD, upath, uid, gid, 0);
}

long sys_lchown(const char *upath, uint32_t uid, uint32_t gid)
{
    return sys_fchownat(AT_FDCWD, upath, uid, gid, AT_SYMLINK_NOFOLLOW);
}

long sys_fchown(int fd, uint32_t uid, uint32_t gid)
{
    struct file *f = fd_file(fd);
    return f ? change_owner(f->inode, uid, gid) : -EBADF;
}

/* 16-bit ids of the old calls: 0xffff means "unchanged". */
static uint32_t widen(uint32_t id)
{
    return (id & 0xffff) == 0xffff ? 0xffffffffu : id & 0xffff;
}

long sys_chown16(const char *upath, uint32_t uid, uint32_t gid)
{
    return sys_chown(upath, widen(uid), widen(gid));
}

long sys_lchown16(const char *upath, uint32_t uid, uint32_t gid)
{
    return sys_lchown(upath, widen(uid), widen(gid));
}

long sys_fchown16(int fd, uint32_t uid, uint32_t gid)
{
    return sys_fchown(fd, widen(uid), widen(gid));
}

long sys_truncate64(const char *upath, uint32_t len_lo, uint32_t len_hi)
{
    int64_t len = (int64_t)((uint64_t)len_hi << 32 | len_lo);
    if (len < 0)
        return -EINVAL;
    struct inode *ino;
    int err = lookup_at(AT_FDCWD, upath, LOOKUP_FOLLOW, &ino);
    if (err)
        return err;
    if (S_ISDIR(ino->mode))
        err = -EISDIR;
    else if (!S_ISREG(ino->mode))
        err = -EINVAL;
    else
        err = ino->ops->truncate ? ino->ops->truncate(ino, (uint64_t)len) : -EROFS;
    inode_put(ino);
    return err;
}

long sys_truncate(const char *upath, int32_t len)
{
    if (len < 0)
        return -EINVAL;
    return sys_truncate64(upath, (uint32_t)len, 0);
}

static uint32_t pick_time(const struct timespec *t, uint32_t now, uint32_t keep)
{
    if (t->tv_nsec == UTIME_NOW)
        return now;
    if (t->tv_nsec == UTIME_OMIT)
        return keep;
    return (uint32_t)t->tv_sec;
}

long sys_utimensat(int dirfd, const char *upath, const struct timespec *utimes, uint32_t flags)
{
    struct timespec t[2] = {{0, UTIME_NOW}, {0, UTIME_NOW}};
    if (utimes && copy_from_user(t, utimes, sizeof t) < 0)
        return -EFAULT;
    for (int i = 0; i < 2; i++)
        if (t[i].tv_nsec != UTIME_NOW && t[i].tv_nsec != UTIME_OMIT &&
            (t[i].tv_nsec < 0 || t[i].tv_nsec > 999999999))
            return -EINVAL;
    struct inode *ino;
    int err;
    if (!upath) {                   /* futimens: dirfd is the file */
        struct file *f = fd_file(dirfd);
        if (!f)
            return -EBADF;
        ino = inode_get(f->inode);
    } else if ((err = lookup_at(dirfd, upath,
                                flags & AT_SYMLINK_NOFOLLOW ? 0 : LOOKUP_FOLLOW, &ino))) {
        return err;
    }
    struct stat64 st;
    err = vfs_stat(ino, &st);
    uint32_t now = (uint32_t)(clock_realtime_ns() / 1000000000);
    if (!err)
        err = ino->ops->utimes ? ino->ops->utimes(ino, pick_time(&t[0], now, (uint32_t)st.st_atime),
                                                  pick_time(&t[1], now, (uint32_t)st.st_mtime))
                               : -EROFS;
    inode_put(ino);
    return err;
}

/* ---- file systems ---- */

long sys_statfs64(const char *upath, uint32_t size, struct statfs64 *ubuf)
{
    if (size != sizeof(struct statfs64))
        return -EINVAL;
    struct inode *ino;
    int err = lookup_at(AT_FDCWD, upath, LOOKUP_FOLLOW, &ino);
    if (err)
        return err;
    struct statfs64 s;
    vfs_statfs(ino, &s);
    inode_put(ino);
    return copy_to_user(ubuf, &s, sizeof s);
}

long sys_fstatfs64(int fd, uint32_t size, struct statfs64 *ubuf)
{
    if (size != sizeof(struct statfs64))
        return -EINVAL;
    struct file *f = fd_file(fd);
    if (!f)
        return -EBADF;
    struct statfs64 s;
    vfs_statfs(f->inode, &s);
    return copy_to_user(ubuf, &s, sizeof s);
}

long sys_umask(uint32_t mask)
{
    uint32_t old = current->fs->umask;
    current->fs->umask = mask & 0777;
    return old;
}

static int make_node(struct parent *p, const void *arg)
{
    const uint32_t *node = arg;     /* mode, device number */
    if (!p->dir->ops->create)
        return -EROFS;
    return p->dir->ops->create(p->dir, p->name, p->len, node[0], node[1], NULL);
}

long sys_mknodat(int dirfd, const char *upath, uint32_t mode, uint32_t dev)
{
    uint32_t type = mode & S_IFMT;
    if (type == 0)
        type = S_IFREG;
    if (type != S_IFREG && type != S_IFCHR && type != S_IFBLK && type != S_IFIFO &&
        type != S_IFSOCK)
        return -EINVAL;
    uint32_t node[2] = {type | masked(mode), dev};
    return new_name(dirfd, upath, make_node, node);
}

long sys_mknod(const char *upath, uint32_t mode, uint32_t dev)
{
    return sys_mknodat(AT_FDCWD, upath, mode, dev);
}
