/*
 * The mount table is fixed: ext2 at /, devfs at /dev, procfs at /proc,
 * mounted at boot.  mount(2) accepts the usual requests for these (what a
 * BusyBox /init script does) and reports -EBUSY for them, as Linux does
 * for a file system already mounted there; anything else is -ENODEV.
 */
#include "fs/mount.h"

#include "fs/devfs.h"
#include "fs/ext2fs.h"
#include "fs/fscontext.h"
#include "fs/namei.h"
#include "fs/procfs.h"
#include "fs/sys_path.h"
#include "kernel/string.h"
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
    if (ino->dev == 0x0800) {       /* the ext2 root */
        struct ext2_statfs e;
        ext2fs_statfs(&e);
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

long sys_mount(const char *usource, const char *utarget, const char *utype,
               uint32_t flags, const void *udata)
{
    (void)usource, (void)flags, (void)udata;
    char type[32];
    if (!utype)
        return -EINVAL;
    long n = strncpy_from_user(type, utype, sizeof type);
    if (n < 0)
        return n == -ENAMETOOLONG ? -ENODEV : n;
    if (strcmp(type, "proc") && strcmp(type, "devtmpfs") && strcmp(type, "sysfs") &&
        strcmp(type, "tmpfs") && strcmp(type, "devpts"))
        return -ENODEV;
    char target[64];
    n = strncpy_from_user(target, utarget, sizeof target);
    if (n < 0)
        return n;
    return -EBUSY;                  /* the fixed mounts are already there */
}

long sys_umount2(const char *utarget, int flags)
{
    (void)flags;
    char target[64];
    long n = strncpy_from_user(target, utarget, sizeof target);
    return n < 0 ? n : -EBUSY;
}
