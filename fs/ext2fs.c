/*
 * The ext2 file systems as the VFS sees them: inodes of an in-memory image
 * (fs/ext2*.c does the on-disk work), an inode cache per mount so that
 * every open of a file shares one struct inode, and the file operations of
 * regular files.  An unlinked inode that is still open is evicted from the
 * image only when its last reference goes, as Unix requires.
 *
 * The root file system is the initrd, in place.  mount(2) can add more: an
 * image file is read into kernel memory (a private copy; changes are not
 * written back) and mounted on a directory.
 */
#include "fs/ext2fs.h"

#include "fs/dev.h"
#include "fs/ext2.h"
#include "fs/pipe.h"
#include "kernel/clock.h"
#include "kernel/string.h"
#include "kernel/uapi/errno.h"
#include "kernel/uapi/fcntl.h"
#include "kernel/uapi/poll.h"
#include "mm/heap.h"
#include "mm/uaccess.h"
#include "mm/vmalloc.h"

#define CACHE_SIZE 64
#define EXT2_DEV 0x0800             /* st_dev of the root file system */

struct ext2_mount {
    struct ext2 fs;
    struct inode *cache[CACHE_SIZE];
    uint32_t dev;                   /* st_dev of its files */
    uint32_t inodes;                /* VFS inodes alive: busy if > 1 */
    void *copy;                     /* an image read from a file, or NULL */
    uint32_t copy_pages;
};

static struct ext2_mount root_mount;
static uint32_t next_dev = EXT2_DEV + 1;
static const struct inode_ops ext2_iops;
static const struct file_ops ext2_file_fops, ext2_dir_fops;

static struct ext2_mount *mount_of(const struct inode *i)
{
    return i->priv;
}

static void stamp(struct ext2_mount *m)
{
    m->fs.now = (uint32_t)(clock_realtime_ns() / 1000000000);
}

static struct inode *cache_find(struct ext2_mount *m, uint32_t ino)
{
    for (struct inode *i = m->cache[ino % CACHE_SIZE]; i; i = i->hash_next)
        if (i->ino == ino)
            return i;
    return NULL;
}

static void cache_remove(struct inode *ino)
{
    struct inode **link = &mount_of(ino)->cache[ino->ino % CACHE_SIZE];
    while (*link && *link != ino)
        link = &(*link)->hash_next;
    if (*link)
        *link = ino->hash_next;
}

/* The VFS inode for ext2 inode `ino`: the cached one, or a new one. */
static int get_inode(struct ext2_mount *m, uint32_t ino, struct inode **out)
{
    struct inode *i = cache_find(m, ino);
    if (i) {
        *out = inode_get(i);
        return 0;
    }
    struct ext2_stat st;
    int err = ext2_stat(&m->fs, ino, &st);
    if (err)
        return err;
    i = inode_new(&ext2_iops, ino, st.mode);
    if (!i)
        return -ENOMEM;
    i->priv = m;
    i->dev = m->dev;
    i->rdev = dev_encode(st.rdev_major, st.rdev_minor);
    i->fops = S_ISDIR(st.mode) ? &ext2_dir_fops : &ext2_file_fops;
    i->hash_next = m->cache[ino % CACHE_SIZE];
    m->cache[ino % CACHE_SIZE] = i;
    m->inodes++;
    *out = i;
    return 0;
}

static void ext2_release_inode(struct inode *i)
{
    struct ext2_mount *m = mount_of(i);
    cache_remove(i);
    if (i->unlinked)
        ext2_evict(&m->fs, i->ino);
    m->inodes--;
}

/* After a name was removed: evict the inode now if nothing holds it and
 * no name is left; otherwise its last reference will. */
static void forget_name(struct ext2_mount *m, uint32_t ino)
{
    struct ext2_stat st;
    if (!ino || ext2_stat(&m->fs, ino, &st) < 0 || st.nlink > 0)
        return;
    struct inode *i = cache_find(m, ino);
    if (i)
        i->unlinked = true;
    else
        ext2_evict(&m->fs, ino);
}

int ext2fs_mount(void *image, size_t size, struct inode **root)
{
    root_mount.dev = EXT2_DEV;
    int err = ext2_mount(&root_mount.fs, image, size);
    if (err)
        return err;
    return get_inode(&root_mount, EXT2_ROOT_INO, root);
}

int ext2fs_mount_copy(struct inode *file, bool readonly, struct inode **root)
{
    struct stat64 st;
    if (!S_ISREG(file->mode) || !file->ops->stat || file->ops->stat(file, &st) < 0)
        return -ENOTBLK;
    if (st.st_size < 2048 || st.st_size > EXT2FS_COPY_MAX)
        return st.st_size < 2048 ? -EINVAL : -EFBIG;
    struct ext2_mount *m = kzalloc(sizeof *m);
    uint32_t pages = (uint32_t)((st.st_size + 4095) / 4096);
    void *copy = m ? vmalloc(pages) : NULL;
    long n = copy ? file->ops->kread(file, 0, copy, (size_t)st.st_size) : -ENOMEM;
    int err = n == st.st_size ? ext2_mount(&m->fs, copy, (size_t)st.st_size)
                              : n < 0 ? (int)n : -EIO;
    if (!err) {
        m->dev = next_dev++;
        m->copy = copy;
        m->copy_pages = pages;
        m->fs.readonly |= readonly;
        err = get_inode(m, EXT2_ROOT_INO, root);
    }
    if (err) {
        if (copy)
            vfree(copy, pages);
        kfree(m);
    }
    return err;
}

bool ext2fs_busy(struct inode *root)
{
    return mount_of(root)->inodes > 1 || root->refs > 1;
}

int ext2fs_unmount(struct inode *root)
{
    struct ext2_mount *m = mount_of(root);
    if (root->ops != &ext2_iops || !m->copy)
        return -EINVAL;
    if (ext2fs_busy(root))
        return -EBUSY;
    inode_put(root);                /* the mount's own reference */
    vfree(m->copy, m->copy_pages);
    kfree(m);
    return 0;
}

bool ext2fs_is_root_of_copy(struct inode *ino)
{
    return ino->ops == &ext2_iops && mount_of(ino)->copy && ino->ino == EXT2_ROOT_INO;
}

void ext2fs_statfs(struct inode *ino, struct ext2_statfs *st)
{
    ext2_statfs(&mount_of(ino)->fs, st);
}

const uint8_t *ext2fs_image(size_t *size)
{
    *size = root_mount.fs.image_size;
    return root_mount.fs.image;
}

/* ---- inode operations ---- */

static int ext2_vlookup(struct inode *dir, const char *name, size_t len, struct inode **out)
{
    uint32_t ino;
    int err = ext2_lookup(&mount_of(dir)->fs, dir->ino, name, len, &ino);
    return err ? err : get_inode(mount_of(dir), ino, out);
}

static int ext2_vreaddir(struct inode *dir, uint64_t *pos, struct vfs_dirent *de)
{
    struct ext2_dirent e;
    int r = ext2_readdir(&mount_of(dir)->fs, dir->ino, pos, &e);
    if (r <= 0)
        return r;
    de->ino = e.ino;
    de->type = e.type;
    de->name_len = e.name_len;
    memcpy(de->name, e.name, e.name_len + 1u);
    return 1;
}

static long ext2_vreadlink(struct inode *ino, char *buf, size_t size)
{
    const char *target;
    size_t len;
    int err = ext2_readlink(&mount_of(ino)->fs, ino->ino, &target, &len);
    if (err)
        return err;
    if (len > size)
        len = size;
    memcpy(buf, target, len);
    return (long)len;
}

static int ext2_vstat(struct inode *ino, struct stat64 *st)
{
    struct ext2_stat e;
    int err = ext2_stat(&mount_of(ino)->fs, ino->ino, &e);
    if (err)
        return err;
    vfs_stat_common(ino, st);
    st->st_mode = e.mode;
    st->st_nlink = e.nlink;
    st->st_uid = e.uid;
    st->st_gid = e.gid;
    st->st_size = (int64_t)e.size;
    st->st_blocks = e.blocks;
    st->st_atime = e.atime;
    st->st_mtime = e.mtime;
    st->st_ctime = e.ctime;
    return 0;
}

static int ext2_vopen(struct inode *ino, struct file *f)
{
    if (S_ISCHR(ino->mode))
        return dev_open(ino->rdev, f);
    if (S_ISFIFO(ino->mode))
        return fifo_open(ino, f);
    if (!S_ISREG(ino->mode) && !S_ISDIR(ino->mode))
        return -ENXIO;              /* sockets, block devices */
    if ((f->flags & O_TRUNC) && S_ISREG(ino->mode) && (f->flags & O_ACCMODE) != O_RDONLY) {
        stamp(mount_of(ino));
        return ext2_truncate(&mount_of(ino)->fs, ino->ino, 0);
    }
    return 0;
}

static long ext2_vkread(struct inode *ino, uint64_t off, void *buf, size_t n)
{
    return ext2_read(&mount_of(ino)->fs, ino->ino, off, buf, n, NULL);
}

static int ext2_vcreate(struct inode *dir, const char *name, size_t len, uint32_t mode,
                        uint32_t rdev, struct inode **out)
{
    struct ext2_new_inode attr = {mode, 0, 0, dev_major(rdev), dev_minor(rdev)};
    uint32_t ino;
    stamp(mount_of(dir));
    int err = ext2_mknod(&mount_of(dir)->fs, dir->ino, name, len, &attr, &ino);
    if (err)
        return err;
    return out ? get_inode(mount_of(dir), ino, out) : 0;
}

static int ext2_vmkdir(struct inode *dir, const char *name, size_t len, uint32_t mode)
{
    struct ext2_new_inode attr = {mode, 0, 0, 0, 0};
    stamp(mount_of(dir));
    return ext2_mkdir(&mount_of(dir)->fs, dir->ino, name, len, &attr, NULL);
}

static int ext2_vsymlink(struct inode *dir, const char *name, size_t len, const char *target,
                         size_t target_len)
{
    struct ext2_new_inode attr = {S_IFLNK | 0777, 0, 0, 0, 0};
    stamp(mount_of(dir));
    return ext2_symlink(&mount_of(dir)->fs, dir->ino, name, len, target, target_len, &attr, NULL);
}

static int ext2_vlink(struct inode *dir, const char *name, size_t len, struct inode *target)
{
    if (target->dev != dir->dev)
        return -EXDEV;
    stamp(mount_of(dir));
    return ext2_link(&mount_of(dir)->fs, dir->ino, name, len, target->ino);
}

static int ext2_vunlink(struct inode *dir, const char *name, size_t len)
{
    uint32_t ino = 0;
    stamp(mount_of(dir));
    int err = ext2_unlink(&mount_of(dir)->fs, dir->ino, name, len, &ino);
    if (!err)
        forget_name(mount_of(dir), ino);
    return err;
}

static int ext2_vrmdir(struct inode *dir, const char *name, size_t len)
{
    uint32_t ino = 0;
    stamp(mount_of(dir));
    int err = ext2_rmdir(&mount_of(dir)->fs, dir->ino, name, len, &ino);
    if (!err)
        forget_name(mount_of(dir), ino);
    return err;
}

static int ext2_vrename(struct inode *old_dir, const char *old_name, size_t old_len,
                        struct inode *new_dir, const char *new_name, size_t new_len)
{
    uint32_t replaced = 0, moving = 0;
    if (new_dir->dev != old_dir->dev)
        return -EXDEV;
    int err = ext2_lookup(&mount_of(old_dir)->fs, old_dir->ino, old_name, old_len, &moving);
    if (err)
        return err;
    if (ext2_is_ancestor(&mount_of(old_dir)->fs, moving, new_dir->ino) == 1 && moving != new_dir->ino)
        return -EINVAL;             /* a directory into itself */
    stamp(mount_of(old_dir));
    err = ext2_rename(&mount_of(old_dir)->fs, old_dir->ino, old_name, old_len, new_dir->ino, new_name,
                      new_len, &replaced);
    if (!err)
        forget_name(mount_of(old_dir), replaced);
    return err;
}

static int ext2_vtruncate(struct inode *ino, uint64_t size)
{
    stamp(mount_of(ino));
    return ext2_truncate(&mount_of(ino)->fs, ino->ino, size);
}

static int ext2_vchmod(struct inode *ino, uint32_t mode)
{
    stamp(mount_of(ino));
    int err = ext2_chmod(&mount_of(ino)->fs, ino->ino, mode);
    if (!err)
        ino->mode = (ino->mode & S_IFMT) | (mode & 07777);
    return err;
}

static int ext2_vchown(struct inode *ino, uint32_t uid, uint32_t gid)
{
    stamp(mount_of(ino));
    return ext2_chown(&mount_of(ino)->fs, ino->ino, uid, gid);
}

static int ext2_vutimes(struct inode *ino, uint32_t atime, uint32_t mtime)
{
    stamp(mount_of(ino));
    return ext2_utimes(&mount_of(ino)->fs, ino->ino, atime, mtime);
}

static const struct inode_ops ext2_iops = {
    .lookup = ext2_vlookup,
    .readdir = ext2_vreaddir,
    .readlink = ext2_vreadlink,
    .stat = ext2_vstat,
    .open = ext2_vopen,
    .kread = ext2_vkread,
    .release = ext2_release_inode,
    .create = ext2_vcreate,
    .mkdir = ext2_vmkdir,
    .symlink = ext2_vsymlink,
    .link = ext2_vlink,
    .unlink = ext2_vunlink,
    .rmdir = ext2_vrmdir,
    .rename = ext2_vrename,
    .truncate = ext2_vtruncate,
    .chmod = ext2_vchmod,
    .chown = ext2_vchown,
    .utimes = ext2_vutimes,
};

/* ---- regular files ---- */

static int to_user(void *dst, const void *src, size_t n)
{
    return copy_to_user(dst, src, n);
}

static int from_user(void *dst, const void *src, size_t n)
{
    return copy_from_user(dst, src, n);
}

static long ext2_fread(struct file *f, void *ubuf, size_t n)
{
    long r = ext2_read(&mount_of(f->inode)->fs, f->inode->ino, f->pos, ubuf, n, to_user);
    if (r > 0)
        f->pos += (uint64_t)r;
    return r;
}

static long ext2_fwrite(struct file *f, const void *ubuf, size_t n)
{
    if (f->flags & O_APPEND) {
        struct ext2_stat st;
        int err = ext2_stat(&mount_of(f->inode)->fs, f->inode->ino, &st);
        if (err)
            return err;
        f->pos = st.size;
    }
    stamp(mount_of(f->inode));
    long r = ext2_write(&mount_of(f->inode)->fs, f->inode->ino, f->pos, ubuf, n, from_user);
    if (r > 0)
        f->pos += (uint64_t)r;
    return r;
}

static int ext2_fpoll(struct file *f)
{
    (void)f;
    return POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM;
}

static long ext2_dread(struct file *f, void *ubuf, size_t n)
{
    (void)f;
    (void)ubuf;
    (void)n;
    return -EISDIR;
}

static long ext2_dwrite(struct file *f, const void *ubuf, size_t n)
{
    (void)f;
    (void)ubuf;
    (void)n;
    return -EISDIR;
}

static const struct file_ops ext2_file_fops = {
    .read = ext2_fread,
    .write = ext2_fwrite,
    .poll = ext2_fpoll,
    .seekable = true,
};

static const struct file_ops ext2_dir_fops = {
    .read = ext2_dread,
    .write = ext2_dwrite,
    .poll = ext2_fpoll,
    .seekable = true,
};

uint64_t ext2fs_file_size(struct inode *ino)
{
    struct ext2_stat st;
    return ext2_stat(&mount_of(ino)->fs, ino->ino, &st) == 0 ? st.size : 0;
}
