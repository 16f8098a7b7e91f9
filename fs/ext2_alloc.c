/*
 * Allocation of blocks and inodes through the block groups' bitmaps (one
 * bit per block or inode, 1 = in use).  Every change also keeps the free
 * counts in the group descriptor and the superblock exact, as e2fsck
 * demands.  New blocks are taken near a goal (just after the file's
 * previous block) and new inodes in their parent directory's group, so
 * what is used together lies together.
 */
#include "fs/ext2_impl.h"

static bool bit_is_set(const uint8_t *bitmap, uint32_t bit)
{
    return bitmap[bit / 8] & (1u << (bit % 8));
}

/* The first clear bit in [from, to), or `to` if there is none.  Whole
 * bytes of ones are skipped at once: a full region is scanned fast. */
static uint32_t find_clear_bit(const uint8_t *bitmap, uint32_t from, uint32_t to)
{
    uint32_t bit = from;

    while (bit < to) {
        if (bit % 8 == 0 && to - bit >= 8 && bitmap[bit / 8] == 0xff)
            bit += 8;
        else if (!bit_is_set(bitmap, bit))
            return bit;
        else
            bit++;
    }
    return to;
}

/* A group's block or inode bitmap, or NULL when the descriptor is corrupt. */
static uint8_t *group_bitmap(struct ext2 *fs, const struct ext2_group *gd,
                             bool inodes)
{
    return ext2_block(fs, inodes ? gd->bg_inode_bitmap : gd->bg_block_bitmap);
}

/* The last group may be shorter than the others. */
static uint32_t blocks_in_group(const struct ext2 *fs, uint32_t group)
{
    uint32_t first = fs->first_data_block + group * fs->blocks_per_group;
    uint32_t left = fs->blocks_count - first;

    return left < fs->blocks_per_group ? left : fs->blocks_per_group;
}

/* Takes the first free block of `group` in [from, to); -ENOSPC if none. */
static int take_block(struct ext2 *fs, uint32_t group, uint32_t from,
                      uint32_t to, uint32_t *blk)
{
    struct ext2_group *gd = ext2_group(fs, group);
    uint8_t *bitmap;
    uint32_t bit;

    if (gd->bg_free_blocks_count == 0 || from >= to)
        return -ENOSPC;
    bitmap = group_bitmap(fs, gd, false);
    if (!bitmap)
        return -EIO;
    bit = find_clear_bit(bitmap, from, to);
    if (bit == to)
        return -ENOSPC;             /* the count was wrong: try elsewhere */
    *blk = fs->first_data_block + group * fs->blocks_per_group + bit;
    if (!ext2_block_ok(fs, *blk))
        return -EIO;                /* the bitmap offers the superblock */
    bitmap[bit / 8] |= 1u << (bit % 8);
    gd->bg_free_blocks_count--;
    if (fs->sb->s_free_blocks_count > 0)
        fs->sb->s_free_blocks_count--;
    return 0;
}

/* Searches the goal's group from the goal on, then every other group, then
 * the goal's group before the goal. */
int ext2_alloc_block(struct ext2 *fs, uint32_t goal, uint32_t *blk)
{
    uint32_t first, start, i;

    if (goal < fs->first_data_block || goal >= fs->blocks_count)
        goal = fs->first_data_block;
    first = (goal - fs->first_data_block) / fs->blocks_per_group;
    start = (goal - fs->first_data_block) % fs->blocks_per_group;
    for (i = 0; i <= fs->group_count; i++) {
        uint32_t group = (first + i) % fs->group_count;
        uint32_t from = i == 0 ? start : 0;
        uint32_t to = i == fs->group_count ? start : blocks_in_group(fs, group);
        int err = take_block(fs, group, from, to, blk);

        if (err != -ENOSPC)
            return err;
    }
    return -ENOSPC;
}

int ext2_free_block(struct ext2 *fs, uint32_t blk)
{
    uint32_t group, bit;
    struct ext2_group *gd;
    uint8_t *bitmap;

    if (!ext2_block_ok(fs, blk))
        return -EIO;
    group = (blk - fs->first_data_block) / fs->blocks_per_group;
    bit = (blk - fs->first_data_block) % fs->blocks_per_group;
    gd = ext2_group(fs, group);
    bitmap = group_bitmap(fs, gd, false);
    if (!bitmap || !bit_is_set(bitmap, bit))
        return -EIO;                /* freeing a free block: corrupt */
    bitmap[bit / 8] &= ~(1u << (bit % 8));
    gd->bg_free_blocks_count++;
    fs->sb->s_free_blocks_count++;
    return 0;
}

/* Takes a free inode of `group`, skipping the reserved ones below
 * first_ino and the bits past inodes_count. */
static int take_inode(struct ext2 *fs, uint32_t group, bool is_dir,
                      uint32_t *ino)
{
    struct ext2_group *gd = ext2_group(fs, group);
    uint32_t base = group * fs->inodes_per_group; /* inode number of bit 0, minus 1 */
    uint32_t from = fs->first_ino - 1 > base ? fs->first_ino - 1 - base : 0;
    uint32_t to = fs->inodes_count > base ? fs->inodes_count - base : 0;
    uint8_t *bitmap;
    uint32_t bit;

    if (to > fs->inodes_per_group)
        to = fs->inodes_per_group;
    if (gd->bg_free_inodes_count == 0 || from >= to)
        return -ENOSPC;
    bitmap = group_bitmap(fs, gd, true);
    if (!bitmap)
        return -EIO;
    bit = find_clear_bit(bitmap, from, to);
    if (bit == to)
        return -ENOSPC;
    bitmap[bit / 8] |= 1u << (bit % 8);
    gd->bg_free_inodes_count--;
    if (is_dir)
        gd->bg_used_dirs_count++;
    if (fs->sb->s_free_inodes_count > 0)
        fs->sb->s_free_inodes_count--;
    *ino = base + bit + 1;
    return 0;
}

int ext2_alloc_inode(struct ext2 *fs, uint32_t parent, bool is_dir,
                     uint32_t *ino)
{
    uint32_t first = parent >= 1 && parent <= fs->inodes_count
                         ? (parent - 1) / fs->inodes_per_group : 0;

    for (uint32_t i = 0; i < fs->group_count; i++) {
        int err = take_inode(fs, (first + i) % fs->group_count, is_dir, ino);

        if (err != -ENOSPC)
            return err;
    }
    return -ENOSPC;
}

int ext2_free_inode(struct ext2 *fs, uint32_t ino, bool is_dir)
{
    uint32_t group, bit;
    struct ext2_group *gd;
    uint8_t *bitmap;

    if (ino < fs->first_ino || ino > fs->inodes_count)
        return -EIO;
    group = (ino - 1) / fs->inodes_per_group;
    bit = (ino - 1) % fs->inodes_per_group;
    gd = ext2_group(fs, group);
    bitmap = group_bitmap(fs, gd, true);
    if (!bitmap || !bit_is_set(bitmap, bit))
        return -EIO;
    bitmap[bit / 8] &= ~(1u << (bit % 8));
    gd->bg_free_inodes_count++;
    if (is_dir && gd->bg_used_dirs_count > 0)
        gd->bg_used_dirs_count--;
    fs->sb->s_free_inodes_count++;
    return 0;
}
