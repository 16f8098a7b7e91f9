/*
 * Descriptor tables.  A descriptor is an index into fd[]; several
 * descriptors (dup) and several processes (fork) may point at the same
 * struct file, which is why files are reference-counted and the offset
 * lives in the file, not the descriptor.
 */
#include "fs/fscontext.h"

#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "mm/heap.h"
#include "proc/proc.h"

struct fs_context *fs_context_new(struct inode *cwd)
{
    struct fs_context *c = kzalloc(sizeof *c);
    if (!c)
        return NULL;
    c->cwd = inode_get(cwd);
    c->umask = 022;
    return c;
}

struct fs_context *fs_context_clone(struct fs_context *from)
{
    if (!from)
        return NULL;
    struct fs_context *c = kmalloc(sizeof *c);
    if (!c)
        return NULL;
    memcpy(c, from, sizeof *c);
    for (int i = 0; i < c->nfds; i++)
        if (c->fd[i])
            file_get(c->fd[i]);
    inode_get(c->cwd);
    return c;
}

void fs_context_release(struct fs_context *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->nfds; i++)
        file_put(c->fd[i]);
    inode_put(c->cwd);
    kfree(c);
}

static bool is_cloexec(struct fs_context *c, int fd)
{
    return c->cloexec[fd / 32] & (1u << (fd % 32));
}

static void set_cloexec(struct fs_context *c, int fd, bool on)
{
    if (on)
        c->cloexec[fd / 32] |= 1u << (fd % 32);
    else
        c->cloexec[fd / 32] &= ~(1u << (fd % 32));
}

static void shrink(struct fs_context *c)
{
    while (c->nfds > 0 && !c->fd[c->nfds - 1])
        c->nfds--;
}

void fs_context_exec(struct fs_context *c)
{
    for (int i = 0; i < c->nfds; i++) {
        if (c->fd[i] && is_cloexec(c, i)) {
            file_put(c->fd[i]);
            c->fd[i] = NULL;
            set_cloexec(c, i, false);
        }
    }
    shrink(c);
}

int fd_install(struct file *f, int min_fd, bool cloexec)
{
    struct fs_context *c = current->fs;
    for (int i = min_fd < 0 ? 0 : min_fd; i < FD_MAX; i++) {
        if (!c->fd[i]) {
            c->fd[i] = f;
            set_cloexec(c, i, cloexec);
            if (i >= c->nfds)
                c->nfds = i + 1;
            return i;
        }
    }
    return -EMFILE;
}

bool fd_available(void)
{
    struct fs_context *c = current->fs;
    for (int i = 0; i < FD_MAX; i++)
        if (!c->fd[i])
            return true;
    return false;
}

struct file *fd_file(int fd)
{
    struct fs_context *c = current->fs;
    if (!c || fd < 0 || fd >= c->nfds)
        return NULL;
    return c->fd[fd];
}

int fd_close(int fd)
{
    struct file *f = fd_file(fd);
    if (!f)
        return -EBADF;
    struct fs_context *c = current->fs;
    c->fd[fd] = NULL;
    set_cloexec(c, fd, false);
    shrink(c);
    file_put(f);
    return 0;
}

void fd_set_cloexec(int fd, bool on)
{
    set_cloexec(current->fs, fd, on);
}

bool fd_cloexec(int fd)
{
    return is_cloexec(current->fs, fd);
}

int fd_replace(int fd, struct file *f, bool cloexec)
{
    struct fs_context *c = current->fs;
    if (fd < 0 || fd >= FD_MAX)
        return -EBADF;
    struct file *old = c->fd[fd];
    c->fd[fd] = f;
    set_cloexec(c, fd, cloexec);
    if (fd >= c->nfds)
        c->nfds = fd + 1;
    file_put(old);
    return fd;
}
