/*
 * The virtual file system: what every file system and device looks like
 * to the system calls.
 *
 * An inode is a file, directory, symbolic link or device of some file
 * system, reference-counted; a struct file is an open file (an inode, an
 * offset, the open flags), shared by the descriptors that dup or fork it.
 * File systems (ext2, devfs, procfs) provide inode_ops; what an open file
 * does on read/write/ioctl/poll is its file_ops, chosen at open (a device
 * node on ext2 opens the device's file_ops, for example).
 *
 * Data moves through file_ops with *user* pointers: each implementation
 * copies with copy_to_user/copy_from_user (or the ext2 copy callback), so
 * a bad buffer is -EFAULT wherever it is found.
 */
#ifndef FS_VFS_H
#define FS_VFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kernel/uapi/stat.h"

struct inode;
struct file;

/* One directory entry from a readdir op. */
struct vfs_dirent {
    uint64_t ino;
    uint8_t type;                   /* DT_* */
    char name[256];
    uint32_t name_len;
};

struct inode_ops {
    /* Find name in directory dir: a new reference in *out, or -ENOENT. */
    int (*lookup)(struct inode *dir, const char *name, size_t len, struct inode **out);
    /* The entry at or after *pos, advancing *pos: 1, or 0 at the end. */
    int (*readdir)(struct inode *dir, uint64_t *pos, struct vfs_dirent *de);
    /* Target of a symlink into buf (not NUL-terminated); its length. */
    long (*readlink)(struct inode *ino, char *buf, size_t size);
    /* A "magic" link (/proc/PID/fd/N) leads straight to an inode rather
     * than to a path: a new reference in *out. */
    int (*follow)(struct inode *link, struct inode **out);
    int (*stat)(struct inode *ino, struct stat64 *st);
    /* Set up f (f->ops, f->priv) for an open of this inode. */
    int (*open)(struct inode *ino, struct file *f);
    /* Read file bytes into a kernel buffer (exec, mmap of files). */
    long (*kread)(struct inode *ino, uint64_t off, void *buf, size_t n);
    /* The last reference is going away. */
    void (*release)(struct inode *ino);

    /* Changing a directory (writable file systems only; NULL: -EROFS). */
    int (*create)(struct inode *dir, const char *name, size_t len, uint32_t mode,
                  uint32_t rdev, struct inode **out);
    int (*mkdir)(struct inode *dir, const char *name, size_t len, uint32_t mode);
    int (*symlink)(struct inode *dir, const char *name, size_t len, const char *target,
                   size_t target_len);
    int (*link)(struct inode *dir, const char *name, size_t len, struct inode *target);
    int (*unlink)(struct inode *dir, const char *name, size_t len);
    int (*rmdir)(struct inode *dir, const char *name, size_t len);
    int (*rename)(struct inode *old_dir, const char *old_name, size_t old_len,
                  struct inode *new_dir, const char *new_name, size_t new_len);
    /* Changing an inode. */
    int (*truncate)(struct inode *ino, uint64_t size);
    int (*chmod)(struct inode *ino, uint32_t mode);
    int (*chown)(struct inode *ino, uint32_t uid, uint32_t gid);    /* -1: unchanged */
    int (*utimes)(struct inode *ino, uint32_t atime, uint32_t mtime);
};

struct file_ops {
    long (*read)(struct file *f, void *ubuf, size_t n);
    long (*write)(struct file *f, const void *ubuf, size_t n);
    long (*ioctl)(struct file *f, uint32_t cmd, uint32_t arg);
    /* Ready events now (POLLIN, POLLOUT, POLLHUP...); poll sleeps on
     * vfs_poll_waitq, which every state change wakes. */
    int (*poll)(struct file *f);
    /* The last descriptor for f was closed. */
    void (*release)(struct file *f);
    /* Whether lseek is allowed (no: pipes, ttys -> -ESPIPE). */
    bool seekable;
};

struct inode {
    uint32_t refs;
    uint32_t ino;
    uint32_t mode;                  /* S_IF* type and permissions */
    uint32_t rdev;                  /* devices: major << 8 | minor */
    uint32_t dev;                   /* which file system (st_dev) */
    const struct inode_ops *ops;
    const struct file_ops *fops;    /* default file ops for open */
    void *priv;                     /* the file system's own */
    struct inode *mounted;          /* a file system mounted on this dir */
    struct inode *covered;          /* for a mounted root: what it covers */
    struct inode *hash_next;        /* file systems' inode caches */
    bool unlinked;                  /* evict when the last reference goes */
    struct pipe *fifo;              /* a FIFO's pipe while it is open */
};

struct file {
    uint32_t refs;
    struct inode *inode;
    const struct file_ops *ops;
    uint32_t flags;                 /* O_ACCMODE, O_APPEND, O_NONBLOCK... */
    uint64_t pos;
    void *priv;                     /* a pipe end, a procfs snapshot... */
};

/* Inode references. */
struct inode *inode_get(struct inode *ino);
void inode_put(struct inode *ino);
/* A new inode with one reference, zeroed but for these; NULL when out of
 * memory. */
struct inode *inode_new(const struct inode_ops *ops, uint32_t ino, uint32_t mode);

/* Open files. */
struct file *file_new(struct inode *ino, uint32_t flags);     /* takes no ref on ino */
struct file *file_get(struct file *f);
void file_put(struct file *f);

/* Counts for leak checks (/proc/kstat). */
uint32_t vfs_inodes_in_use(void);
uint32_t vfs_files_in_use(void);

/* Processes waiting in poll/select sleep here; anything that may make a
 * file ready (pipe data, a key press) wakes it. */
struct waitq;
extern struct waitq vfs_poll_waitq;
void vfs_poll_wake(void);

/* stat fields common to all: fill from an inode's identity. */
void vfs_stat_common(struct inode *ino, struct stat64 *st);

#endif
