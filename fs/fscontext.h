/*
 * A process's view of the file system: its descriptor table (open files,
 * close-on-exec flags), its working directory and its umask.  This is the
 * narrow meeting point with proc/: fork copies it, exit releases it.
 */
#ifndef FS_FSCONTEXT_H
#define FS_FSCONTEXT_H

#include <stdbool.h>
#include <stdint.h>

#include "fs/vfs.h"
#include "kernel/limits.h"

struct fs_context {
    struct file *fd[FD_MAX];
    uint32_t cloexec[FD_MAX / 32];
    int nfds;                       /* one past the highest open descriptor */
    struct inode *cwd;
    uint32_t umask;
};

/* A context with no open files, in directory cwd. */
struct fs_context *fs_context_new(struct inode *cwd);
/* For fork: every open file shared (reference counts up). */
struct fs_context *fs_context_clone(struct fs_context *c);
/* For exit: close everything (NULL is allowed). */
void fs_context_release(struct fs_context *c);
/* For execve: close the descriptors marked close-on-exec. */
void fs_context_exec(struct fs_context *c);

/* Descriptor operations on the current process's table. */
int fd_install(struct file *f, int min_fd, bool cloexec);     /* the fd, or -EMFILE */
struct file *fd_file(int fd);                                 /* NULL: -EBADF */
bool fd_available(void);                                      /* a slot is free */
int fd_close(int fd);
void fd_set_cloexec(int fd, bool on);
bool fd_cloexec(int fd);
/* Install f at exactly fd, closing what was there (dup2). */
int fd_replace(int fd, struct file *f, bool cloexec);

#endif
