/*
 * Path lookup: from a path string to an inode.  Absolute paths start at the
 * root, relative ones at a given directory (the process's cwd, or the
 * directory of an *at() call's fd).  "." and ".." and repeated slashes are
 * handled, ".." at the root stays there, mount points are crossed in both
 * directions, and symbolic links are followed (at most 40 per lookup:
 * -ELOOP beyond).
 */
#ifndef FS_NAMEI_H
#define FS_NAMEI_H

#include <stdbool.h>
#include <stddef.h>

#include "fs/vfs.h"

#define LOOKUP_FOLLOW 0x1       /* follow a symlink in the last component */
#define LOOKUP_DIRECTORY 0x2    /* the result must be a directory */

/* The inode path names (a new reference), or -errno. */
int namei_at(struct inode *base, const char *path, int flags, struct inode **out);

/* The directory that would contain path's last component, and that
 * component (pointing into path; not NUL-terminated, *len bytes).  A path
 * ending in "/" or "." or ".." has no usable last component: -EEXIST-like
 * cases are left to the caller, who gets len 0 for "/" and the name for
 * "." and "..". */
int namei_parent_at(struct inode *base, const char *path, struct inode **dir,
                    const char **last, size_t *len);

/* Mount a file system's root over name in dir (which need not exist in
 * dir's file system). */
int vfs_mount(struct inode *dir, const char *name, struct inode *root);
/* Remove the mount whose root is `root`; its reference goes to the caller.
 * NULL if root is mounted nowhere. */
struct inode *vfs_unmount(struct inode *root);
/* Whether a file system is mounted on name in dir (it cannot be removed
 * or renamed then: -EBUSY). */
bool vfs_is_mountpoint(struct inode *dir, const char *name, size_t len);
struct inode *vfs_root(void);
void vfs_set_root(struct inode *root);

/* A path naming file `ino` of the root file system, found by searching the
 * directory tree (for /proc/PID/fd links); buf holds PATH_MAX bytes. */
long vfs_find_path(struct inode *ino, char *buf);

/* The absolute path of directory dir into buf; its length, or -errno. */
long vfs_path_of(struct inode *dir, char *buf, size_t size);

#endif
