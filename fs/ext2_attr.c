/*
 * Attributes of inodes and of the whole file system: stat, statfs, device
 * numbers, and the changes chmod, chown and utimes make.
 */
#include "fs/ext2_impl.h"

/* Device numbers live in i_block: the old 8:8-bit form in i_block[0] when
 * both fit, else Linux's 12:20-bit form in i_block[1]
 * (minor low byte, major, minor high bits). */
void ext2_set_rdev(struct ext2_inode *ip, uint32_t major, uint32_t minor)
{
    if (major < 256 && minor < 256) {
        ip->i_block[0] = major << 8 | minor;
        ip->i_block[1] = 0;
    } else {
        ip->i_block[0] = 0;
        ip->i_block[1] = (minor & 0xff) | major << 8 | (minor & ~0xffu) << 12;
    }
}

static void get_rdev(const struct ext2_inode *ip, uint32_t *major,
                     uint32_t *minor)
{
    uint32_t dev = ip->i_block[1];

    if (ip->i_block[0] != 0) {
        *major = (ip->i_block[0] >> 8) & 0xff;
        *minor = ip->i_block[0] & 0xff;
    } else {
        *major = (dev >> 8) & 0xfff;
        *minor = (dev & 0xff) | ((dev >> 12) & 0xfff00);
    }
}

int ext2_stat(struct ext2 *fs, uint32_t ino, struct ext2_stat *st)
{
    struct ext2_inode *ip;
    int err = ext2_inode(fs, ino, &ip);

    if (err)
        return err;
    memset(st, 0, sizeof *st);
    st->ino = ino;
    st->mode = ip->i_mode;
    st->nlink = ip->i_links_count;
    st->uid = ext2_inode_uid(ip);
    st->gid = ext2_inode_gid(ip);
    st->size = ext2_inode_size(ip);
    st->atime = ip->i_atime;
    st->mtime = ip->i_mtime;
    st->ctime = ip->i_ctime;
    st->blocks = ip->i_blocks;
    if (ext2_type(ip) == EXT2_S_IFCHR || ext2_type(ip) == EXT2_S_IFBLK)
        get_rdev(ip, &st->rdev_major, &st->rdev_minor);
    return 0;
}

/* n is a power of `base` (n >= 1). */
static bool is_power_of(uint32_t n, uint32_t base)
{
    while (n % base == 0)
        n /= base;
    return n == 1;
}

/* With sparse superblocks, only groups 0, 1 and powers of 3, 5 and 7 keep
 * a copy of the superblock and the descriptor table. */
static bool group_has_super(const struct ext2 *fs, uint32_t group)
{
    return group <= 1 || !fs->sparse_super || is_power_of(group, 3) ||
           is_power_of(group, 5) || is_power_of(group, 7);
}

/* Like Linux, counts as usable blocks all but the metadata: superblock
 * copies with their descriptor tables, bitmaps and inode tables. */
void ext2_statfs(struct ext2 *fs, struct ext2_statfs *st)
{
    uint32_t overhead = fs->first_data_block +
                        fs->group_count * (fs->itable_blocks + 2);
    uint32_t free_blocks = fs->sb->s_free_blocks_count;
    uint32_t reserved = fs->sb->s_r_blocks_count;

    for (uint32_t g = 0; g < fs->group_count; g++)
        if (group_has_super(fs, g))
            overhead += 1 + fs->gdt_blocks;
    st->block_size = fs->block_size;
    st->blocks = fs->blocks_count > overhead ? fs->blocks_count - overhead : 0;
    st->free_blocks = free_blocks;
    st->avail_blocks = free_blocks > reserved ? free_blocks - reserved : 0;
    st->inodes = fs->inodes_count;
    st->free_inodes = fs->sb->s_free_inodes_count;
    st->name_max = EXT2_NAME_MAX;
}

/* An inode whose attributes may change. */
static int changeable(struct ext2 *fs, uint32_t ino, struct ext2_inode **ip)
{
    return fs->readonly ? -EROFS : ext2_inode(fs, ino, ip);
}

int ext2_chmod(struct ext2 *fs, uint32_t ino, uint32_t mode)
{
    struct ext2_inode *ip;
    int err = changeable(fs, ino, &ip);

    if (err)
        return err;
    ip->i_mode = (uint16_t)(ext2_type(ip) | (mode & 07777));
    ip->i_ctime = fs->now;
    return 0;
}

int ext2_chown(struct ext2 *fs, uint32_t ino, uint32_t uid, uint32_t gid)
{
    struct ext2_inode *ip;
    int err = changeable(fs, ino, &ip);

    if (err)
        return err;
    ext2_set_owner(ip, uid == UINT32_MAX ? ext2_inode_uid(ip) : uid,
                   gid == UINT32_MAX ? ext2_inode_gid(ip) : gid);
    ip->i_ctime = fs->now;
    return 0;
}

int ext2_utimes(struct ext2 *fs, uint32_t ino, uint32_t atime, uint32_t mtime)
{
    struct ext2_inode *ip;
    int err = changeable(fs, ino, &ip);

    if (err)
        return err;
    ip->i_atime = atime;
    ip->i_mtime = mtime;
    ip->i_ctime = fs->now;
    return 0;
}
