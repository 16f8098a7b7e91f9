/*
 * devfs: a fixed directory of device nodes.  Each lookup makes a fresh
 * inode (device inodes carry no state: opening one picks the driver by
 * number through fs/dev.c), with a stable inode number, so stat and
 * getdents agree.  /dev/initrd reads the live ext2 image, which is how the
 * tests copy it out to check it with e2fsck.
 */
#include "fs/devfs.h"

#include "fs/dev.h"
#include "fs/ext2fs.h"
#include "kernel/string.h"
#include "kernel/uapi/dirent.h"
#include "kernel/uapi/errno.h"
#include "mm/uaccess.h"

#define DEVFS_DEV 0x0005

struct devnode {
    const char *name;
    uint32_t mode;
    uint32_t major, minor;
};

static const struct devnode nodes[] = {
    {"console", S_IFCHR | 0600, 5, 1},
    {"tty", S_IFCHR | 0666, 5, 0},
    {"tty0", S_IFCHR | 0620, 4, 0},
    {"tty1", S_IFCHR | 0620, 4, 1},
    {"ttyS0", S_IFCHR | 0660, 4, 64},
    {"null", S_IFCHR | 0666, 1, 3},
    {"zero", S_IFCHR | 0666, 1, 5},
    {"full", S_IFCHR | 0666, 1, 7},
    {"random", S_IFCHR | 0666, 1, 8},
    {"urandom", S_IFCHR | 0666, 1, 9},
    {"initrd", S_IFREG | 0400, 0, 0},
};
#define NNODES (sizeof nodes / sizeof nodes[0])
#define ROOT_INO 1

static const struct inode_ops dir_ops, node_ops;
static const struct file_ops dir_fops, initrd_fops;
static struct inode *root;

static int devfs_lookup(struct inode *dir, const char *name, size_t len, struct inode **out)
{
    (void)dir;
    for (uint32_t i = 0; i < NNODES; i++) {
        if (strlen(nodes[i].name) != len || memcmp(nodes[i].name, name, len))
            continue;
        struct inode *ino = inode_new(&node_ops, ROOT_INO + 1 + i, nodes[i].mode);
        if (!ino)
            return -ENOMEM;
        ino->dev = DEVFS_DEV;
        ino->rdev = dev_encode(nodes[i].major, nodes[i].minor);
        ino->fops = S_ISREG(nodes[i].mode) ? &initrd_fops : NULL;
        *out = ino;
        return 0;
    }
    return -ENOENT;
}

static int devfs_readdir(struct inode *dir, uint64_t *pos, struct vfs_dirent *de)
{
    (void)dir;
    uint64_t i = *pos;
    if (i >= NNODES + 2)
        return 0;
    const char *name = i == 0 ? "." : i == 1 ? ".." : nodes[i - 2].name;
    de->ino = i < 2 ? ROOT_INO : ROOT_INO + 1 + (i - 2);
    de->type = i < 2 ? DT_DIR : (uint8_t)((nodes[i - 2].mode >> 12) & 0xf);
    de->name_len = (uint32_t)strlcpy(de->name, name, sizeof de->name);
    *pos = i + 1;
    return 1;
}

static int devfs_stat(struct inode *ino, struct stat64 *st)
{
    vfs_stat_common(ino, st);
    st->st_nlink = S_ISDIR(ino->mode) ? 2 : 1;
    if (ino->fops == &initrd_fops) {
        size_t size;
        ext2fs_image(&size);
        st->st_size = (int64_t)size;
    }
    return 0;
}

static int devfs_open(struct inode *ino, struct file *f)
{
    if (S_ISCHR(ino->mode))
        return dev_open(ino->rdev, f);
    return 0;
}

static long initrd_read(struct file *f, void *ubuf, size_t n)
{
    size_t size;
    const uint8_t *img = ext2fs_image(&size);
    if (f->pos >= size)
        return 0;
    if (n > size - f->pos)
        n = size - (size_t)f->pos;
    if (copy_to_user(ubuf, img + f->pos, n) < 0)
        return -EFAULT;
    f->pos += n;
    return (long)n;
}

static long devfs_dir_read(struct file *f, void *ubuf, size_t n)
{
    (void)f, (void)ubuf, (void)n;
    return -EISDIR;
}

static const struct inode_ops dir_ops = {
    .lookup = devfs_lookup, .readdir = devfs_readdir, .stat = devfs_stat,
};
static const struct inode_ops node_ops = {
    .stat = devfs_stat, .open = devfs_open,
};
static const struct file_ops dir_fops = {.read = devfs_dir_read, .seekable = true};
static const struct file_ops initrd_fops = {.read = initrd_read, .seekable = true};

struct inode *devfs_root(void)
{
    if (!root) {
        root = inode_new(&dir_ops, ROOT_INO, S_IFDIR | 0755);
        if (root) {
            root->dev = DEVFS_DEV;
            root->fops = &dir_fops;
        }
    }
    return root;
}
