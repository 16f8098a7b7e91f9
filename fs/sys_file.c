/*
 * System calls on file descriptors: read and write in their forms,
 * seeking, duplicating, fcntl, ioctl, pipes, fstat, getdents64, and the
 * descriptor-based variants of truncate, chmod and chdir.
 */
#include "fs/sys_file.h"

#include "fs/fscontext.h"
#include "fs/pipe.h"
#include "kernel/string.h"
#include "kernel/uapi/dirent.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/fcntl.h"
#include "kernel/uapi/termios.h"
#include "kernel/uapi/uio.h"
#include "mm/heap.h"
#include "mm/uaccess.h"
#include "proc/proc.h"

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define IOV_MAX 1024
/* Like Linux, one call moves at most this much, so counts fit a long. */
#define MAX_RW_COUNT 0x7ffff000u

static bool can_read(const struct file *f)
{
    return (f->flags & O_ACCMODE) != O_WRONLY;
}

static bool can_write(const struct file *f)
{
    return (f->flags & O_ACCMODE) != O_RDONLY;
}

/* A read or write's buffer and count, checked in Linux's order: the whole
 * range must be user memory (-EFAULT), the count a valid ssize_t
 * (-EINVAL); then the count is capped at MAX_RW_COUNT. */
static long rw_count(const void *ubuf, uint32_t n)
{
    if (!user_range_ok(ubuf, n))
        return -EFAULT;
    if (n > 0x7fffffffu)
        return -EINVAL;
    return n > MAX_RW_COUNT ? MAX_RW_COUNT : n;
}

long sys_read(int fd, void *ubuf, uint32_t n)
{
    struct file *f = fd_file(fd);
    if (!f || !can_read(f))
        return -EBADF;
    if (!f->ops || !f->ops->read)
        return -EINVAL;
    long count = rw_count(ubuf, n);
    return count < 0 ? count : f->ops->read(f, ubuf, (uint32_t)count);
}

long sys_write(int fd, const void *ubuf, uint32_t n)
{
    struct file *f = fd_file(fd);
    if (!f || !can_write(f))
        return -EBADF;
    if (!f->ops || !f->ops->write)
        return -EINVAL;
    long count = rw_count(ubuf, n);
    return count < 0 ? count : f->ops->write(f, ubuf, (uint32_t)count);
}

/* readv/writev: one call per piece, stopping at a short transfer.  As on
 * Linux, every piece is checked first (longer than SSIZE_MAX: -EINVAL; not
 * all in user space: -EFAULT), and the total moved is capped like a single
 * read or write. */
static long vector_io(int fd, const struct iovec *uiov, int count, bool writing)
{
    if (count < 0 || count > IOV_MAX)
        return -EINVAL;
    for (int i = 0; i < count; i++) {
        struct iovec v;
        if (copy_from_user(&v, uiov + i, sizeof v) < 0)
            return -EFAULT;
        if (v.iov_len > 0x7fffffffu)
            return -EINVAL;
        if (!user_range_ok(v.iov_base, v.iov_len))
            return -EFAULT;
    }
    uint32_t total = 0;
    for (int i = 0; i < count && total < MAX_RW_COUNT; i++) {
        struct iovec v;
        if (copy_from_user(&v, uiov + i, sizeof v) < 0)
            return total ? (long)total : -EFAULT;
        uint32_t len = v.iov_len < MAX_RW_COUNT - total ? v.iov_len : MAX_RW_COUNT - total;
        if (len == 0)
            continue;
        long r = writing ? sys_write(fd, v.iov_base, len) : sys_read(fd, v.iov_base, len);
        if (r < 0)
            return total ? (long)total : r;
        total += (uint32_t)r;
        if ((uint32_t)r < len)
            break;
    }
    return (long)total;
}

long sys_readv(int fd, const struct iovec *uiov, int count)
{
    return vector_io(fd, uiov, count, false);
}

long sys_writev(int fd, const struct iovec *uiov, int count)
{
    return vector_io(fd, uiov, count, true);
}

/* pread/pwrite: at an offset, leaving the file's own offset alone. */
static long positioned(int fd, void *ubuf, uint32_t n, uint64_t off, bool writing)
{
    struct file *f = fd_file(fd);
    if (!f)
        return -EBADF;
    if (!f->ops || !f->ops->seekable)
        return -ESPIPE;
    if ((int64_t)off < 0)
        return -EINVAL;
    uint64_t saved = f->pos;
    uint32_t flags = f->flags;
    f->pos = off;
    f->flags &= ~O_APPEND;
    long r = writing ? sys_write(fd, ubuf, n) : sys_read(fd, ubuf, n);
    f->pos = saved;
    f->flags = flags;
    return r;
}

long sys_pread64(int fd, void *ubuf, uint32_t n, uint32_t off_lo, uint32_t off_hi)
{
    return positioned(fd, ubuf, n, (uint64_t)off_hi << 32 | off_lo, false);
}

long sys_pwrite64(int fd, const void *ubuf, uint32_t n, uint32_t off_lo, uint32_t off_hi)
{
    return positioned(fd, (void *)ubuf, n, (uint64_t)off_hi << 32 | off_lo, true);
}

static int64_t file_size(struct file *f)
{
    struct stat64 st;
    if (f->inode && f->inode->ops && f->inode->ops->stat &&
        f->inode->ops->stat(f->inode, &st) == 0)
        return st.st_size;
    return 0;
}

static int64_t do_seek(int fd, int64_t off, int whence)
{
    struct file *f = fd_file(fd);
    if (!f)
        return -EBADF;
    if (!f->ops || !f->ops->seekable)
        return -ESPIPE;
    int64_t base;
    switch (whence) {
    case SEEK_SET: base = 0; break;
    case SEEK_CUR: base = (int64_t)f->pos; break;
    case SEEK_END: base = file_size(f); break;
    default: return -EINVAL;
    }
    if (base + off < 0)
        return -EINVAL;
    f->pos = (uint64_t)(base + off);
    return (int64_t)f->pos;
}

long sys_lseek(int fd, int32_t off, int whence)
{
    int64_t r = do_seek(fd, off, whence);
    if (r > 0x7fffffff)
        return -EOVERFLOW;
    return (long)r;
}

long sys_llseek(int fd, uint32_t off_hi, uint32_t off_lo, int64_t *uresult, int whence)
{
    struct file *f = fd_file(fd);
    if (!f)
        return -EBADF;
    int64_t saved = (int64_t)f->pos;
    int64_t r = do_seek(fd, (int64_t)((uint64_t)off_hi << 32 | off_lo), whence);
    if (r < 0)
        return (long)r;
    if (copy_to_user(uresult, &r, sizeof r) < 0) {
        f->pos = (uint64_t)saved;   /* nothing changes on a bad pointer */
        return -EFAULT;
    }
    return 0;
}

long sys_close(int fd)
{
    return fd_close(fd);
}

long sys_dup(int fd)
{
    struct file *f = fd_file(fd);
    if (!f)
        return -EBADF;
    int r = fd_install(file_get(f), 0, false);
    if (r < 0)
        file_put(f);
    return r;
}

long sys_dup3(int old, int new, uint32_t flags)
{
    if (flags & ~O_CLOEXEC)
        return -EINVAL;
    if (old == new)
        return -EINVAL;
    struct file *f = fd_file(old);
    if (!f)
        return -EBADF;
    if (new < 0 || new >= FD_MAX)
        return -EBADF;
    return fd_replace(new, file_get(f), flags & O_CLOEXEC);
}

long sys_dup2(int old, int new)
{
    if (old == new)
        return fd_file(old) ? new : -EBADF;
    return sys_dup3(old, new, 0);
}

#define SETFL_MASK (O_APPEND | O_NONBLOCK)

/* The head that struct flock (F_GETLK...) and struct flock64 (F_GETLK64...)
 * share on i386; only their offsets' sizes differ. */
struct flock_head {
    int16_t l_type, l_whence;
};

/* Record locks.  A Cowix file has one user at a time as far as locks go
 * (no lock is ever held against another process), so a request is checked
 * as Linux checks it and then granted; F_GETLK answers "no conflicting
 * lock" by setting l_type to F_UNLCK, as Linux does. */
static long record_lock(struct file *f, int cmd, void *ulock)
{
    struct flock_head h;
    if (copy_from_user(&h, ulock, sizeof h) < 0)
        return -EFAULT;
    if (h.l_whence < SEEK_SET || h.l_whence > SEEK_END)
        return -EINVAL;
    if (cmd == F_GETLK || cmd == F_GETLK64) {
        if (h.l_type != F_RDLCK && h.l_type != F_WRLCK)
            return -EINVAL;
        h.l_type = F_UNLCK;
        return copy_to_user(ulock, &h, sizeof h) < 0 ? -EFAULT : 0;
    }
    if ((h.l_type == F_RDLCK && !can_read(f)) || (h.l_type == F_WRLCK && !can_write(f)))
        return -EBADF;
    return h.l_type <= F_UNLCK ? 0 : -EINVAL;
}

long sys_fcntl64(int fd, int cmd, uint32_t arg)
{
    struct file *f = fd_file(fd);
    if (!f)
        return -EBADF;
    switch (cmd) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC: {
        if (arg >= FD_MAX)
            return -EINVAL;
        int r = fd_install(file_get(f), (int)arg, cmd == F_DUPFD_CLOEXEC);
        if (r < 0)
            file_put(f);
        return r;
    }
    case F_GETFD: return fd_cloexec(fd) ? FD_CLOEXEC : 0;
    case F_SETFD: fd_set_cloexec(fd, arg & FD_CLOEXEC); return 0;
    case F_GETFL: return (long)f->flags;
    case F_SETFL: f->flags = (f->flags & ~SETFL_MASK) | (arg & SETFL_MASK); return 0;
    case F_GETLK:
    case F_SETLK:
    case F_SETLKW:
    case F_GETLK64:
    case F_SETLK64:
    case F_SETLKW64:
        return record_lock(f, cmd, (void *)(uintptr_t)arg);
    default:
        return -EINVAL;
    }
}

long sys_ioctl(int fd, uint32_t cmd, uint32_t arg)
{
    struct file *f = fd_file(fd);
    if (!f)
        return -EBADF;
    switch (cmd) {
    case FIOCLEX: fd_set_cloexec(fd, true); return 0;
    case FIONCLEX: fd_set_cloexec(fd, false); return 0;
    case FIONBIO: {
        uint32_t on;
        if (get_user_u32(&on, (void *)arg) < 0)
            return -EFAULT;
        f->flags = on ? f->flags | O_NONBLOCK : f->flags & ~O_NONBLOCK;
        return 0;
    }
    }
    if (!f->ops || !f->ops->ioctl)
        return -ENOTTY;
    return f->ops->ioctl(f, cmd, arg);
}

long sys_pipe2(int *ufds, uint32_t flags)
{
    if (flags & ~(O_CLOEXEC | O_NONBLOCK))
        return -EINVAL;
    if (!user_range_ok(ufds, 8))
        return -EFAULT;
    struct file *rd, *wr;
    int err = pipe_create(&rd, &wr);
    if (err)
        return err;
    rd->flags |= flags & O_NONBLOCK;
    wr->flags |= flags & O_NONBLOCK;
    int fds[2] = {fd_install(rd, 0, flags & O_CLOEXEC), -1};
    if (fds[0] >= 0)
        fds[1] = fd_install(wr, 0, flags & O_CLOEXEC);
    if (fds[1] < 0 || copy_to_user(ufds, fds, sizeof fds) < 0) {
        err = fds[1] < 0 ? (fds[0] < 0 ? fds[0] : fds[1]) : -EFAULT;
        if (fds[0] >= 0)
            fd_close(fds[0]);
        else
            file_put(rd);
        if (fds[1] >= 0)
            fd_close(fds[1]);
        else
            file_put(wr);
        return err;
    }
    return 0;
}

long sys_pipe(int *ufds)
{
    return sys_pipe2(ufds, 0);
}

long sys_fstat64(int fd, struct stat64 *ust)
{
    struct file *f = fd_file(fd);
    if (!f)
        return -EBADF;
    struct stat64 st;
    int err = vfs_stat(f->inode, &st);
    return err ? err : copy_to_user(ust, &st, sizeof st);
}

int vfs_stat(struct inode *ino, struct stat64 *st)
{
    if (ino->ops && ino->ops->stat)
        return ino->ops->stat(ino, st);
    vfs_stat_common(ino, st);
    return 0;
}

/* One linux_dirent64 record: header, name, NUL, padded to 8 bytes. */
static size_t record_size(uint32_t name_len)
{
    return (offsetof(struct linux_dirent64, d_name) + name_len + 1 + 7) & ~(size_t)7;
}

long sys_getdents64(int fd, void *ubuf, uint32_t count)
{
    struct file *f = fd_file(fd);
    if (!f)
        return -EBADF;
    struct inode *dir = f->inode;
    if (!dir || !S_ISDIR(dir->mode) || !dir->ops->readdir)
        return -ENOTDIR;
    struct vfs_dirent *de = kmalloc(sizeof *de);
    uint8_t *rec = kmalloc(record_size(255));
    long used = 0;
    while (de && rec) {
        uint64_t pos = f->pos;
        int r = dir->ops->readdir(dir, &pos, de);
        if (r <= 0) {
            if (r < 0 && used == 0)
                used = r;
            break;
        }
        size_t size = record_size(de->name_len);
        if (used + size > count) {
            if (used == 0)
                used = -EINVAL;     /* not even one entry fits */
            break;
        }
        struct linux_dirent64 *d = (struct linux_dirent64 *)rec;
        memset(rec, 0, size);
        d->d_ino = de->ino;
        d->d_off = (int64_t)pos;
        d->d_reclen = (uint16_t)size;
        d->d_type = de->type;
        memcpy(d->d_name, de->name, de->name_len);
        if (copy_to_user((uint8_t *)ubuf + used, rec, size) < 0) {
            if (used == 0)
                used = -EFAULT;
            break;
        }
        used += (long)size;
        f->pos = pos;
    }
    if ((!de || !rec) && used == 0)
        used = -ENOMEM;
    kfree(de);
    kfree(rec);
    return used;
}

long sys_ftruncate64(int fd, uint32_t len_lo, uint32_t len_hi)
{
    struct file *f = fd_file(fd);
    if (!f)
        return -EBADF;
    if (!can_write(f) || !S_ISREG(f->inode->mode))
        return -EINVAL;
    int64_t len = (int64_t)((uint64_t)len_hi << 32 | len_lo);
    if (len < 0)
        return -EINVAL;
    if (!f->inode->ops->truncate)
        return -EROFS;
    return f->inode->ops->truncate(f->inode, (uint64_t)len);
}

long sys_ftruncate(int fd, int32_t len)
{
    if (len < 0)
        return -EINVAL;
    return sys_ftruncate64(fd, (uint32_t)len, 0);
}

long sys_fchmod(int fd, uint32_t mode)
{
    struct file *f = fd_file(fd);
    if (!f)
        return -EBADF;
    if (!f->inode->ops->chmod)
        return -EROFS;
    return f->inode->ops->chmod(f->inode, mode);
}

long sys_fchdir(int fd)
{
    struct file *f = fd_file(fd);
    if (!f)
        return -EBADF;
    if (!S_ISDIR(f->inode->mode))
        return -ENOTDIR;
    struct fs_context *c = current->fs;
    inode_put(c->cwd);
    c->cwd = inode_get(f->inode);
    return 0;
}

long sys_fsync(int fd)
{
    return fd_file(fd) ? 0 : -EBADF;    /* the file system is in RAM */
}
