/*
 * Mounting an ext2 image and finding things in it: the superblock checks,
 * the group descriptors, inodes by number and blocks by number.  Every
 * number read from the image passes a check here before it becomes a
 * pointer, so the rest of the code can trust what these functions return.
 */
#include "fs/ext2_impl.h"

static bool is_power_of_two(uint32_t x)
{
    return x != 0 && (x & (x - 1)) == 0;
}

static uint32_t div_round_up(uint32_t a, uint32_t b)
{
    return a / b + (a % b != 0);
}

/* File blocks the block map can address: 12 direct, then p, p^2 and p^3
 * through the single, double and triple indirect blocks (p = block numbers
 * per block). */
static uint32_t map_capacity(uint32_t ptr_shift)
{
    uint64_t n = EXT2_NDIR_BLOCKS + ((uint64_t)1 << ptr_shift) +
                 ((uint64_t)1 << 2 * ptr_shift) + ((uint64_t)1 << 3 * ptr_shift);
    return n > UINT32_MAX ? UINT32_MAX : (uint32_t)n;
}

/* Revision-dependent fields: revision 0 has fixed values and no features. */
static int read_revision(struct ext2 *fs, const struct ext2_super *sb)
{
    uint32_t supported_ro = EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER |
                            EXT2_FEATURE_RO_COMPAT_LARGE_FILE |
                            EXT2_FEATURE_RO_COMPAT_BTREE_DIR;

    if (sb->s_rev_level == EXT2_GOOD_OLD_REV) {
        fs->inode_size = EXT2_GOOD_OLD_INODE_SIZE;
        fs->first_ino = EXT2_GOOD_OLD_FIRST_INO;
        return 0;
    }
    if (sb->s_rev_level != EXT2_DYNAMIC_REV)
        return -EINVAL;
    if (sb->s_feature_incompat & ~(uint32_t)EXT2_FEATURE_INCOMPAT_FILETYPE)
        return -EINVAL;             /* e.g. ext3 recovery, ext4 extents */
    fs->inode_size = sb->s_inode_size;
    fs->first_ino = sb->s_first_ino;
    fs->filetype = sb->s_feature_incompat & EXT2_FEATURE_INCOMPAT_FILETYPE;
    fs->sparse_super =
        sb->s_feature_ro_compat & EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER;
    fs->readonly = (sb->s_feature_ro_compat & ~supported_ro) != 0;
    if (!is_power_of_two(fs->inode_size) ||
        fs->inode_size < EXT2_GOOD_OLD_INODE_SIZE ||
        fs->inode_size > fs->block_size ||
        fs->first_ino < EXT2_GOOD_OLD_FIRST_INO)
        return -EINVAL;
    return 0;
}

/* Block and group counts must describe a layout that fits the image. */
static int read_geometry(struct ext2 *fs, const struct ext2_super *sb)
{
    fs->blocks_count = sb->s_blocks_count;
    fs->inodes_count = sb->s_inodes_count;
    fs->first_data_block = sb->s_first_data_block;
    fs->blocks_per_group = sb->s_blocks_per_group;
    fs->inodes_per_group = sb->s_inodes_per_group;

    if (fs->first_data_block != (fs->block_size == 1024 ? 1u : 0u) ||
        fs->blocks_count <= fs->first_data_block + 1 ||
        fs->blocks_count > fs->image_size >> fs->block_shift)
        return -EINVAL;
    /* A group's bitmap is one block: at most 8 bits per byte of it. */
    if (fs->blocks_per_group == 0 || fs->blocks_per_group > 8 * fs->block_size ||
        fs->inodes_per_group == 0 || fs->inodes_per_group > 8 * fs->block_size)
        return -EINVAL;
    fs->group_count = div_round_up(fs->blocks_count - fs->first_data_block,
                                   fs->blocks_per_group);
    if (fs->inodes_count < EXT2_ROOT_INO ||
        fs->inodes_count > (uint64_t)fs->group_count * fs->inodes_per_group)
        return -EINVAL;
    fs->itable_blocks = div_round_up(fs->inodes_per_group * fs->inode_size,
                                     fs->block_size);
    /* The descriptor table starts in the block after the superblock. */
    fs->gdt_block = fs->first_data_block + 1;
    fs->gdt_blocks = div_round_up(fs->group_count * sizeof(struct ext2_group),
                                  fs->block_size);
    if (fs->gdt_blocks >= fs->blocks_count - fs->gdt_block)
        return -EINVAL;
    return 0;
}

int ext2_mount(struct ext2 *fs, void *image, size_t size)
{
    struct ext2_super *sb;
    int err;

    memset(fs, 0, sizeof *fs);
    /* 4-byte alignment lets the on-disk structures be used in place. */
    if ((uintptr_t)image % 4 != 0 || size < EXT2_SUPER_OFFSET + sizeof *sb)
        return -EINVAL;
    sb = (struct ext2_super *)((uint8_t *)image + EXT2_SUPER_OFFSET);
    if (sb->s_magic != EXT2_MAGIC || sb->s_log_block_size > 2)
        return -EINVAL;             /* only 1, 2 and 4 KiB blocks */
    fs->image = image;
    fs->image_size = size;
    fs->sb = sb;
    fs->block_shift = 10 + sb->s_log_block_size;
    fs->block_size = 1u << fs->block_shift;
    fs->ptr_shift = fs->block_shift - 2;
    fs->map_blocks = map_capacity(fs->ptr_shift);
    err = read_revision(fs, sb);
    if (!err)
        err = read_geometry(fs, sb);
    if (err)
        memset(fs, 0, sizeof *fs);
    return err;
}

/* Data and metadata blocks lie after the primary descriptor table; a
 * number below it (superblock, descriptors) or past the end is corrupt. */
bool ext2_block_ok(const struct ext2 *fs, uint32_t blk)
{
    return blk >= fs->gdt_block + fs->gdt_blocks && blk < fs->blocks_count;
}

uint8_t *ext2_block(struct ext2 *fs, uint32_t blk)
{
    if (!ext2_block_ok(fs, blk))
        return NULL;
    return fs->image + ((size_t)blk << fs->block_shift);
}

struct ext2_group *ext2_group(struct ext2 *fs, uint32_t group)
{
    if (group >= fs->group_count)
        return NULL;
    return (struct ext2_group *)(fs->image +
                                 ((size_t)fs->gdt_block << fs->block_shift)) + group;
}

int ext2_inode(struct ext2 *fs, uint32_t ino, struct ext2_inode **ip)
{
    uint32_t group, index, table;
    struct ext2_group *gd;

    if (ino == 0 || ino > fs->inodes_count)
        return -EIO;
    group = (ino - 1) / fs->inodes_per_group;
    index = (ino - 1) % fs->inodes_per_group;
    gd = ext2_group(fs, group);
    table = gd->bg_inode_table;
    if (!ext2_block_ok(fs, table) ||
        fs->itable_blocks > fs->blocks_count - table)
        return -EIO;
    *ip = (struct ext2_inode *)(fs->image + ((size_t)table << fs->block_shift) +
                                (size_t)index * fs->inode_size);
    return 0;
}

/* An inode that must be of one file type, with the error Linux gives for
 * the wrong one: a directory expected (-ENOTDIR), a file but a directory
 * found (-EISDIR), anything else (-EINVAL). */
int ext2_inode_typed(struct ext2 *fs, uint32_t ino, uint32_t type,
                     struct ext2_inode **ip)
{
    int err = ext2_inode(fs, ino, ip);

    if (err || ext2_type(*ip) == type)
        return err;
    if (type == EXT2_S_IFDIR)
        return -ENOTDIR;
    return ext2_type(*ip) == EXT2_S_IFDIR ? -EISDIR : -EINVAL;
}

/* Only regular files use the high half of the size; for directories the
 * field was the directory ACL in revision 0. */
uint64_t ext2_inode_size(const struct ext2_inode *ip)
{
    uint64_t size = ip->i_size;

    if (ext2_type(ip) == EXT2_S_IFREG)
        size |= (uint64_t)ip->i_size_high << 32;
    return size;
}

/* Callers keep sizes within ext2_max_file_size().  The first file of 2 GiB
 * or more marks the file system as holding large files, as Linux does. */
void ext2_set_inode_size(struct ext2 *fs, struct ext2_inode *ip, uint64_t size)
{
    ip->i_size = (uint32_t)size;
    if (ext2_type(ip) != EXT2_S_IFREG)
        return;
    ip->i_size_high = (uint32_t)(size >> 32);
    if (size > INT32_MAX)
        fs->sb->s_feature_ro_compat |= EXT2_FEATURE_RO_COMPAT_LARGE_FILE;
}

/* Revision 0 has no large-file feature to announce sizes of 2 GiB and up. */
uint64_t ext2_max_file_size(const struct ext2 *fs)
{
    uint64_t max = (uint64_t)fs->map_blocks << fs->block_shift;

    if (fs->sb->s_rev_level == EXT2_GOOD_OLD_REV && max > INT32_MAX)
        max = INT32_MAX;
    return max;
}

/* Directories, regular files and slow symlinks keep block numbers in
 * i_block; a fast symlink keeps its target there and a device node its
 * number.  A symlink is fast when it owns no block (an extended attribute
 * block aside), as e2fsck decides it. */
bool ext2_has_block_map(const struct ext2 *fs, const struct ext2_inode *ip)
{
    uint32_t xattr_sectors = ip->i_file_acl ? fs->block_size / 512 : 0;

    switch (ext2_type(ip)) {
    case EXT2_S_IFREG:
    case EXT2_S_IFDIR:
        return true;
    case EXT2_S_IFLNK:
        return ip->i_blocks > xattr_sectors;
    default:
        return false;
    }
}

/* User and group ids are 32 bits, split in two 16-bit halves. */
uint32_t ext2_inode_uid(const struct ext2_inode *ip)
{
    return ip->i_uid | (uint32_t)ip->i_uid_high << 16;
}

uint32_t ext2_inode_gid(const struct ext2_inode *ip)
{
    return ip->i_gid | (uint32_t)ip->i_gid_high << 16;
}

void ext2_set_owner(struct ext2_inode *ip, uint32_t uid, uint32_t gid)
{
    ip->i_uid = (uint16_t)uid;
    ip->i_uid_high = (uint16_t)(uid >> 16);
    ip->i_gid = (uint16_t)gid;
    ip->i_gid_high = (uint16_t)(gid >> 16);
}
