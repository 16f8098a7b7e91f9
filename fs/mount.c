/*
 * Mounts: ext2 at /, devfs at /dev, procfs at /proc, mounted at boot.
 * mount(2) answers the usual requests for these (what a BusyBox /init
 * script does) with -EBUSY, as Linux does for a file system already
 * mounted there; `mount -t ext2 IMAGE DIR` mounts a private copy of an
 * image file (fs/ext2fs.c); other types are -ENODEV.
 */
#include "fs/mount.h"

#include "fs/devfs.h"
#include "fs/ext2fs.h"
#include "fs/fscontext.h"
#include "fs/namei.h"
#include "fs/procfs.h"
#include "proc/proc.h"
#include "fs/sys_path.h"
#include "kernel/limits.h"
#include "kernel/string.h"
#include "mm/heap.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/fcntl.h"
#include "mm/uaccess.h"

const char *fs_init(void *initrd, size_t size)
{
    struct inode *root;
    if (ext2fs_mount(initrd, size, &root) < 0)
        return "the initrd is not an ext2 image Cowix can mount";
    vfs_set_root(root);
    struct inode *dev = devfs_root(), *proc = procfs_root();
    if (!dev || !proc || vfs_mount(root, "dev", dev) < 0 || vfs_mount(root, "proc", proc) < 0)
        return "out of memory mounting /dev and /proc";
    inode_put(root);
    return NULL;
}

int fs_open_console_fds(void)
{
    struct inode *ino;
    int err = namei_at(vfs_root(), "/dev/console", LOOKUP_FOLLOW, &ino);
    if (err)
        return err;
    /* Like Linux, init's console is not its controlling terminal. */
    struct file *f = file_new(ino, O_RDWR | O_NOCTTY);
    if (!f) {
        inode_put(ino);
        return -ENOMEM;
    }
    err = ino->ops->open ? ino->ops->open(ino, f) : 0;
    f->flags &= ~O_NOCTTY;
    for (int fd = 0; fd < 3 && !err; fd++)
        err = fd_install(file_get(f), fd, false) == fd ? 0 : -EMFILE;
    file_put(f);
    return err;
}

void vfs_statfs(struct inode *ino, struct statfs64 *s)
{
    memset(s, 0, sizeof *s);
    s->f_namelen = 255;
    s->f_bsize = s->f_frsize = 4096;
    if (ino->dev >= 0x0800 && ino->dev < 0x0900) {    /* an ext2 file system */
        struct ext2_statfs e;
        ext2fs_statfs(ino, &e);
        s->f_type = EXT2_SUPER_MAGIC;
        s->f_bsize = s->f_frsize = e.block_size;
        s->f_blocks = e.blocks;
        s->f_bfree = e.free_blocks;
        s->f_bavail = e.avail_blocks;
        s->f_files = e.inodes;
        s->f_ffree = e.free_inodes;
    } else {
        s->f_type = ino->dev == 0x0005 ? 0x1373 /* devfs */ : PROC_SUPER_MAGIC;
    }
}

#define MS_RDONLY 1

/* mount -t ext2 IMAGE DIR: a private copy of the image file, on DIR. */
static long mount_ext2(const char *source, const char *target, uint32_t flags)
{
    struct inode *image, *dir, *where, *root;
    const char *name;
    size_t len;
    int err = namei_at(current->fs->cwd, source, LOOKUP_FOLLOW, &image);
    if (err)
        return err;
    err = namei_at(current->fs->cwd, target, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &where);
    if (!err) {
        bool busy = where->covered != NULL || where == vfs_root();
        inode_put(where);
        err = busy ? -EBUSY : namei_parent_at(current->fs->cwd, target, &dir, &name, &len);
    }
    if (err) {
        inode_put(image);
        return err;
    }
    if (len == 0 || vfs_is_mountpoint(dir, name, len))
        err = -EBUSY;
    else if (!(err = ext2fs_mount_copy(image, flags & MS_RDONLY, &root))) {
        char last[NAME_MAX + 1];
        memcpy(last, name, len);
        last[len] = 0;
        err = vfs_mount(dir, last, root);
        if (err)
            ext2fs_unmount(root);
        else
            inode_put(root);        /* the mount table keeps its own */
    }
    inode_put(dir);
    inode_put(image);
    return err;
}

/* The fixed mounts answer -EBUSY; ext2 images can be mounted on any
 * directory that is not already a mount point. */
long sys_mount(const char *usource, const char *utarget, const char *utype,
               uint32_t flags, const void *udata)
{
    (void)udata;
    char type[32], *source = kpage_alloc(), *target = kpage_alloc();
    long err = !source || !target ? -ENOMEM : utype ? 0 : -EINVAL;
    if (!err)
        err = strncpy_from_user(type, utype, sizeof type);
    if (err == -ENAMETOOLONG)
        err = -ENODEV;
    if (err >= 0)
        err = strncpy_from_user(target, utarget, PATH_MAX);
    if (err >= 0 && !strcmp(type, "ext2"))
        err = usource ? strncpy_from_user(source, usource, PATH_MAX) : -EFAULT;
    if (err >= 0) {
        if (!strcmp(type, "ext2"))
            err = mount_ext2(source, target, flags);
        else if (!strcmp(type, "proc") || !strcmp(type, "devtmpfs") ||
                 !strcmp(type, "sysfs") || !strcmp(type, "tmpfs") || !strcmp(type, "devpts"))
            err = -EBUSY;           /* the fixed mounts are already there */
        else
            err = -ENODEV;
    }
    kpage_free(source);
    kpage_free(target);
    return err;
}

long sys_umount2(const char *utarget, int flags)
{
    (void)flags;
    char *target = kpage_alloc();
    long err = target ? strncpy_from_user(target, utarget, PATH_MAX) : -ENOMEM;
    struct inode *root = NULL;
    if (err >= 0)
        err = namei_at(current->fs->cwd, target, LOOKUP_FOLLOW, &root);
    kpage_free(target);
    if (err < 0)
        return err;
    bool ours = ext2fs_is_root_of_copy(root) && root->covered;
    bool fixed = !ours && (root->covered || root == vfs_root());
    inode_put(root);                /* the mount table still holds one */
    if (!ours)
        return fixed ? -EBUSY : -EINVAL;
    if (ext2fs_busy(root))
        return -EBUSY;              /* in use: someone's cwd or an open file */
    vfs_unmount(root);
    return ext2fs_unmount(root);
}
