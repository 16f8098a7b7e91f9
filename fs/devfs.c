/*
 * devfs: a fixed directory of device nodes.  Each lookup makes a fresh
 * inode (device inodes carry no state: opening one picks the driver by
 * number through fs/dev.c), with a stable inode number, so stat and
 * getdents agree.  /dev/initrd reads the live ext2 image (a user can copy
 * the file system as it is now).  /dev/stdin, stdout, stderr
 * and fd are links into /proc/self/fd.
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
    const char *link;               /* symlinks only */
};

static const struct devnode nodes[] = {
    {"console", S_IFCHR | 0600, 5, 1, NULL},
    {"tty", S_IFCHR | 0666, 5, 0, NULL},
    {"tty0", S_IFCHR | 0620, 4, 0, NULL},
    {"tty1", S_IFCHR | 0620, 4, 1, NULL},
    {"ttyS0", S_IFCHR | 0660, 4, 64, NULL},
    {"null", S_IFCHR | 0666, 1, 3, NULL},
    {"zero", S_IFCHR | 0666, 1, 5, NULL},
    {"full", S_IFCHR | 0666, 1, 7, NULL},
    {"random", S_IFCHR | 0666, 1, 8, NULL},
    {"urandom", S_IFCHR | 0666, 1, 9, NULL},
    {"initrd", S_IFREG | 0400, 0, 0, NULL},
    {"fd", S_IFLNK | 0777, 0, 0, "/proc/self/fd"},
    {"stdin", S_IFLNK | 0777, 0, 0, "/proc/self/fd/0"},
    {"stdout", S_IFLNK | 0777, 0, 0, "/proc/self/fd/1"},
    {"stderr", S_IFLNK | 0777, 0, 0, "/proc/self/fd/2"},
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

static long devfs_readlink(struct inode *ino, char *buf, size_t size)
{
    const char *target = nodes[ino->ino - ROOT_INO - 1].link;
    size_t n = strlen(target);
    if (n > size)
        n = size;
    memcpy(buf, target, n);
    return (long)n;
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
    .stat = devfs_stat, .readlink = devfs_readlink, .open = devfs_open,
};
static const struct file_ops dir_fops = {.read = devfs_dir_read, .seekable = true};
static const struct file_ops initrd_fops = {.read = initrd_read, .seekable = true};

const char *devfs_name(uint32_t rdev)
{
    for (uint32_t i = 0; i < NNODES; i++)
        if (S_ISCHR(nodes[i].mode) && dev_encode(nodes[i].major, nodes[i].minor) == rdev)
            return nodes[i].name;
    return NULL;
}

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
