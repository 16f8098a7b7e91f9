/*
 * Reference counting of inodes and open files, and the poll wait queue.
 * An inode lives while something refers to it: an open file, a process's
 * working directory, a lookup in progress, a file system's cache entry.
 */
#include "fs/vfs.h"

#include "kernel/string.h"
#include "mm/heap.h"
#include "proc/waitq.h"

struct waitq vfs_poll_waitq;
static uint32_t inodes_in_use, files_in_use;

struct inode *inode_new(const struct inode_ops *ops, uint32_t ino, uint32_t mode)
{
    struct inode *i = kzalloc(sizeof *i);
    if (!i)
        return NULL;
    i->refs = 1;
    i->ops = ops;
    i->ino = ino;
    i->mode = mode;
    inodes_in_use++;
    return i;
}

struct inode *inode_get(struct inode *ino)
{
    if (ino)
        ino->refs++;
    return ino;
}

void inode_put(struct inode *ino)
{
    if (!ino || --ino->refs > 0)
        return;
    if (ino->ops && ino->ops->release)
        ino->ops->release(ino);     /* may evict an unlinked ext2 inode */
    inodes_in_use--;
    kfree(ino);
}

struct file *file_new(struct inode *ino, uint32_t flags)
{
    struct file *f = kzalloc(sizeof *f);
    if (!f)
        return NULL;
    f->refs = 1;
    f->inode = ino;
    f->flags = flags;
    f->ops = ino ? ino->fops : NULL;
    files_in_use++;
    return f;
}

struct file *file_get(struct file *f)
{
    f->refs++;
    return f;
}

void file_put(struct file *f)
{
    if (!f || --f->refs > 0)
        return;
    if (f->ops && f->ops->release)
        f->ops->release(f);
    inode_put(f->inode);
    files_in_use--;
    kfree(f);
}

uint32_t vfs_inodes_in_use(void)
{
    return inodes_in_use;
}

uint32_t vfs_files_in_use(void)
{
    return files_in_use;
}

void vfs_poll_wake(void)
{
    waitq_wake_all(&vfs_poll_waitq);
}

void vfs_stat_common(struct inode *ino, struct stat64 *st)
{
    memset(st, 0, sizeof *st);
    st->st_dev = ino->dev;
    st->__st_ino = ino->ino;
    st->st_ino = ino->ino;
    st->st_mode = ino->mode;
    st->st_nlink = 1;
    st->st_rdev = ino->rdev;
    st->st_blksize = 4096;
}
