/*
 * Operations on names: creating files, directories, device nodes and
 * symlinks, hard links, unlink, rmdir, rename, and finally freeing an inode
 * nobody names or holds any more (evict).
 *
 * Each operation checks everything that can fail before it changes the
 * image, and does the one step that can still fail (allocating) first, so
 * an error leaves the image exactly as it was.
 */
#include "fs/ext2_impl.h"

static bool is_dot_or_dotdot(const char *name, size_t len)
{
    return (len == 1 && name[0] == '.') ||
           (len == 2 && name[0] == '.' && name[1] == '.');
}

/* A directory whose entry `name` (len bytes) may be created or changed. */
static int writable_dir(struct ext2 *fs, uint32_t dir, size_t len,
                        struct ext2_inode **dp)
{
    int err = fs->readonly ? -EROFS : ext2_inode_typed(fs, dir, EXT2_S_IFDIR, dp);

    if (err)
        return err;
    if (len > EXT2_NAME_MAX)
        return -ENAMETOOLONG;
    if (len == 0 || (*dp)->i_links_count == 0)
        return -ENOENT;             /* no name, or a removed directory */
    return 0;
}

static int name_is_free(struct ext2 *fs, const struct ext2_inode *dp,
                        const char *name, size_t len)
{
    struct ext2_dir_slot slot;
    int err = ext2_dir_find(fs, dp, name, len, &slot);

    return err == 0 ? -EEXIST : err == -ENOENT ? 0 : err;
}

/* Frees a directory's extended attribute block, or drops our reference to
 * one that other inodes share. */
static int release_xattr(struct ext2 *fs, struct ext2_inode *ip)
{
    uint32_t blk = ip->i_file_acl, sectors = fs->block_size / 512;
    struct ext2_xattr_header *h = (struct ext2_xattr_header *)ext2_block(fs, blk);

    if (blk == 0)
        return 0;
    ip->i_file_acl = 0;
    ip->i_blocks = ip->i_blocks > sectors ? ip->i_blocks - sectors : 0;
    if (!h || h->h_magic != EXT2_XATTR_MAGIC)
        return -EIO;
    if (h->h_refcount > 1) {
        h->h_refcount--;
        return 0;
    }
    return ext2_free_block(fs, blk);
}

/* Frees an unlinked inode and everything it owns.  The deletion time marks
 * it as deleted for e2fsck. */
static int release_inode(struct ext2 *fs, uint32_t ino, struct ext2_inode *ip)
{
    bool is_dir = ext2_type(ip) == EXT2_S_IFDIR;
    int err = 0, e;

    if (ext2_has_block_map(fs, ip))
        err = ext2_free_blocks_from(fs, ip, 0);
    e = release_xattr(fs, ip);
    err = err ? err : e;
    ip->i_links_count = 0;
    ext2_set_inode_size(fs, ip, 0);
    ip->i_dtime = fs->now;
    e = ext2_free_inode(fs, ino, is_dir);
    return err ? err : e;
}

int ext2_evict(struct ext2 *fs, uint32_t ino)
{
    struct ext2_inode *ip;
    int err = fs->readonly ? -EROFS : ext2_inode(fs, ino, &ip);

    if (err)
        return err;
    if (ip->i_links_count != 0)
        return -EBUSY;
    return release_inode(fs, ino, ip);
}

/* Allocates and fills in an inode with one link, near its directory. */
static int new_inode(struct ext2 *fs, uint32_t dir, uint32_t mode,
                     const struct ext2_new_inode *attr, uint32_t *ino,
                     struct ext2_inode **ip)
{
    bool is_dir = (mode & EXT2_S_IFMT) == EXT2_S_IFDIR;
    int err = ext2_alloc_inode(fs, dir, is_dir, ino);

    if (err)
        return err;
    err = ext2_inode(fs, *ino, ip);
    if (err) {
        ext2_free_inode(fs, *ino, is_dir);
        return err;
    }
    memset(*ip, 0, fs->inode_size);
    (*ip)->i_mode = (uint16_t)mode;
    ext2_set_owner(*ip, attr->uid, attr->gid);
    (*ip)->i_links_count = 1;
    (*ip)->i_atime = (*ip)->i_ctime = (*ip)->i_mtime = fs->now;
    return 0;
}

/* A fast symlink keeps a target of up to 59 bytes in i_block; a longer one
 * gets a block. */
static int set_symlink(struct ext2 *fs, uint32_t ino, struct ext2_inode *ip,
                       const char *target, size_t len)
{
    uint32_t blk;
    int err;

    if (len < sizeof ip->i_block) {
        memcpy(ip->i_block, target, len);
    } else {
        err = ext2_map_alloc(fs, ino, ip, 0, &blk);
        if (err)
            return err;
        memcpy(ext2_block(fs, blk), target, len);
    }
    ip->i_size = (uint32_t)len;
    return 0;
}

/* What every kind of creation shares: check the name, make the inode, give
 * it its contents, enter it in the directory, or undo it all. */
static int create(struct ext2 *fs, uint32_t dir, const char *name, size_t len,
                  uint32_t mode, const struct ext2_new_inode *attr,
                  const char *target, size_t target_len, uint32_t *ino_out)
{
    bool is_dir = (mode & EXT2_S_IFMT) == EXT2_S_IFDIR;
    struct ext2_inode *dp, *ip;
    uint32_t ino;
    int err = writable_dir(fs, dir, len, &dp);

    if (!err)
        err = name_is_free(fs, dp, name, len);
    if (!err && is_dir && dp->i_links_count >= EXT2_LINK_MAX)
        err = -EMLINK;              /* the new ".." would be one link too many */
    if (!err)
        err = new_inode(fs, dir, mode, attr, &ino, &ip);
    if (err)
        return err;
    switch (mode & EXT2_S_IFMT) {
    case EXT2_S_IFDIR:
        ip->i_links_count = 2;      /* its name and its "." */
        err = ext2_dir_init(fs, ino, ip, dir);
        break;
    case EXT2_S_IFLNK:
        err = set_symlink(fs, ino, ip, target, target_len);
        break;
    case EXT2_S_IFCHR:
    case EXT2_S_IFBLK:
        ext2_set_rdev(ip, attr->rdev_major, attr->rdev_minor);
        break;
    }
    if (!err)
        err = ext2_dir_add(fs, dir, dp, name, len, ino, mode);
    if (err) {
        ip->i_links_count = 0;
        release_inode(fs, ino, ip);
        return err;
    }
    if (is_dir)
        dp->i_links_count++;        /* the new directory's ".." */
    if (ino_out)
        *ino_out = ino;
    return 0;
}

int ext2_mknod(struct ext2 *fs, uint32_t dir, const char *name, size_t len,
               const struct ext2_new_inode *attr, uint32_t *ino)
{
    uint32_t type = attr->mode & EXT2_S_IFMT;

    if (type == 0)
        type = EXT2_S_IFREG;
    if (type != EXT2_S_IFREG && type != EXT2_S_IFCHR && type != EXT2_S_IFBLK &&
        type != EXT2_S_IFIFO && type != EXT2_S_IFSOCK)
        return -EINVAL;
    if ((type == EXT2_S_IFCHR || type == EXT2_S_IFBLK) &&
        (attr->rdev_major > 0xfff || attr->rdev_minor > 0xfffff))
        return -EINVAL;             /* beyond Linux's 12:20-bit numbers */
    return create(fs, dir, name, len, type | (attr->mode & 07777), attr, NULL,
                  0, ino);
}

int ext2_mkdir(struct ext2 *fs, uint32_t dir, const char *name, size_t len,
               const struct ext2_new_inode *attr, uint32_t *ino)
{
    return create(fs, dir, name, len, EXT2_S_IFDIR | (attr->mode & 07777),
                  attr, NULL, 0, ino);
}

int ext2_symlink(struct ext2 *fs, uint32_t dir, const char *name, size_t len,
                 const char *target, size_t target_len,
                 const struct ext2_new_inode *attr, uint32_t *ino)
{
    if (target_len == 0)
        return -ENOENT;
    if (target_len >= fs->block_size)
        return -ENAMETOOLONG;       /* the target and a NUL fill at most a block */
    return create(fs, dir, name, len, EXT2_S_IFLNK | 0777, attr, target,
                  target_len, ino);
}

int ext2_link(struct ext2 *fs, uint32_t dir, const char *name, size_t len,
              uint32_t ino)
{
    struct ext2_inode *dp, *ip;
    int err = writable_dir(fs, dir, len, &dp);

    if (!err)
        err = ext2_inode(fs, ino, &ip);
    if (!err)
        err = name_is_free(fs, dp, name, len);
    if (err)
        return err;
    if (ext2_type(ip) == EXT2_S_IFDIR)
        return -EPERM;
    if (ip->i_links_count == 0)
        return -ENOENT;             /* unlinked, only still open */
    if (ip->i_links_count >= EXT2_LINK_MAX)
        return -EMLINK;
    err = ext2_dir_add(fs, dir, dp, name, len, ino, ip->i_mode);
    if (err)
        return err;
    ip->i_links_count++;
    ip->i_ctime = fs->now;
    return 0;
}

/* Finds the entry `name` of `dir` and the inode it names. */
static int find_entry(struct ext2 *fs, const struct ext2_inode *dp,
                      const char *name, size_t len, struct ext2_dir_slot *slot,
                      uint32_t *ino, struct ext2_inode **ip)
{
    int err = ext2_dir_find(fs, dp, name, len, slot);

    if (err)
        return err;
    *ino = ext2_slot_entry(slot)->inode;
    return ext2_inode(fs, *ino, ip);
}

static void drop_link(struct ext2 *fs, struct ext2_inode *ip)
{
    if (ip->i_links_count > 0)
        ip->i_links_count--;
    ip->i_ctime = fs->now;
}

/* A directory that lost its name: no links (its "." no longer counts) and,
 * to whoever still has it open, empty. */
static void orphan_dir(struct ext2 *fs, struct ext2_inode *parent,
                       struct ext2_inode *ip)
{
    ip->i_links_count = 0;
    ip->i_size = 0;
    ip->i_ctime = fs->now;
    if (parent->i_links_count > 0)
        parent->i_links_count--;    /* its ".." is gone */
}

int ext2_unlink(struct ext2 *fs, uint32_t dir, const char *name, size_t len,
                uint32_t *ino_out)
{
    struct ext2_inode *dp, *ip;
    struct ext2_dir_slot slot;
    uint32_t ino;
    int err = writable_dir(fs, dir, len, &dp);

    if (!err)
        err = find_entry(fs, dp, name, len, &slot, &ino, &ip);
    if (err)
        return err;
    if (ext2_type(ip) == EXT2_S_IFDIR)
        return -EISDIR;
    ext2_dir_remove(fs, dp, &slot);
    drop_link(fs, ip);
    if (ino_out)
        *ino_out = ino;
    return 0;
}

int ext2_rmdir(struct ext2 *fs, uint32_t dir, const char *name, size_t len,
               uint32_t *ino_out)
{
    struct ext2_inode *dp, *ip;
    struct ext2_dir_slot slot;
    uint32_t ino;
    int err = writable_dir(fs, dir, len, &dp);

    if (err)
        return err;
    if (is_dot_or_dotdot(name, len))
        return len == 1 ? -EINVAL : -ENOTEMPTY;
    err = find_entry(fs, dp, name, len, &slot, &ino, &ip);
    if (err)
        return err;
    if (ext2_type(ip) != EXT2_S_IFDIR)
        return -ENOTDIR;
    err = ext2_dir_is_empty(fs, ino, ip);
    if (err <= 0)
        return err < 0 ? err : -ENOTEMPTY;
    ext2_dir_remove(fs, dp, &slot);
    orphan_dir(fs, dp, ip);
    if (ino_out)
        *ino_out = ino;
    return 0;
}

/* The checks rename(2) makes when a name `target` already exists. */
static int check_replace(struct ext2 *fs, bool moving_dir, uint32_t target,
                         struct ext2_inode *victim)
{
    bool victim_dir = ext2_type(victim) == EXT2_S_IFDIR;
    int empty;

    if (moving_dir && !victim_dir)
        return -ENOTDIR;
    if (!moving_dir && victim_dir)
        return -EISDIR;
    if (!victim_dir)
        return 0;
    empty = ext2_dir_is_empty(fs, target, victim);
    return empty < 0 ? empty : empty ? 0 : -ENOTEMPTY;
}

/*
 * The checks come in the order Linux makes them, so the error for a rename
 * that is wrong in several ways is the same: a directory into itself
 * (-EINVAL), onto a directory above the source (-ENOTEMPTY), the target's
 * type (-ENOTDIR, -EISDIR), a parent with too many links (-EMLINK), a
 * target directory that is not empty (-ENOTEMPTY).
 */
int ext2_rename(struct ext2 *fs, uint32_t old_dir, const char *old_name,
                size_t old_len, uint32_t new_dir, const char *new_name,
                size_t new_len, uint32_t *replaced)
{
    struct ext2_inode *op, *np, *ip, *victim = NULL;
    struct ext2_dir_slot old_slot, new_slot, dotdot;
    uint32_t ino, target = 0;
    bool is_dir, reparent;
    int err = writable_dir(fs, old_dir, old_len, &op), r;

    if (!err)
        err = writable_dir(fs, new_dir, new_len, &np);
    if (!err && (is_dot_or_dotdot(old_name, old_len) ||
                 is_dot_or_dotdot(new_name, new_len)))
        err = -EBUSY;
    if (!err)
        err = find_entry(fs, op, old_name, old_len, &old_slot, &ino, &ip);
    if (err)
        return err;
    is_dir = ext2_type(ip) == EXT2_S_IFDIR;
    reparent = is_dir && old_dir != new_dir;
    if (reparent && (r = ext2_is_ancestor(fs, ino, new_dir)) != 0)
        return r < 0 ? r : -EINVAL;
    err = find_entry(fs, np, new_name, new_len, &new_slot, &target, &victim);
    if (err == -ENOENT)
        err = 0;                    /* no target: the usual case */
    if (err)
        return err;
    if (target && old_dir != new_dir && ext2_type(victim) == EXT2_S_IFDIR &&
        (r = ext2_is_ancestor(fs, target, old_dir)) != 0)
        return r < 0 ? r : -ENOTEMPTY;
    if (replaced)
        *replaced = 0;
    if (target == ino)
        return 0;                   /* two names of one file: nothing to do */
    if (target)
        err = check_replace(fs, is_dir, target, victim);
    else if (reparent && np->i_links_count >= EXT2_LINK_MAX)
        err = -EMLINK;
    if (!err && reparent && ext2_dir_find(fs, ip, "..", 2, &dotdot) != 0)
        err = -EIO;
    if (err)
        return err;
    /* The new name first: adding it is the only step that can fail. */
    if (target)
        ext2_dir_retarget(fs, np, &new_slot, ino, ip->i_mode);
    else if ((err = ext2_dir_add(fs, new_dir, np, new_name, new_len, ino,
                                 ip->i_mode)) != 0)
        return err;
    /* Adding may have split the record before the old one: find it again. */
    if (ext2_dir_find(fs, op, old_name, old_len, &old_slot) != 0)
        return -EIO;
    ext2_dir_remove(fs, op, &old_slot);
    if (reparent) {
        ext2_dir_retarget(fs, ip, &dotdot, new_dir, EXT2_S_IFDIR);
        op->i_links_count--;
        np->i_links_count++;
    }
    if (victim) {
        if (ext2_type(victim) == EXT2_S_IFDIR)
            orphan_dir(fs, np, victim);
        else
            drop_link(fs, victim);
        if (replaced)
            *replaced = target;
    }
    ip->i_ctime = fs->now;
    return 0;
}
