/*
 * The block map of an inode: which disk block holds each block of the file.
 * i_block[0..11] name the first 12 file blocks directly.  i_block[12] names
 * an indirect block holding the numbers of the next p blocks (p = block
 * size / 4); i_block[13] a double indirect block (p indirect blocks, p*p
 * file blocks) and i_block[14] a triple indirect one (p*p*p).  A 0 at any
 * level is a hole: the blocks below it read as zeros and take no space.
 */
#include "fs/ext2_impl.h"

/* The path from the inode to file block `fblock`: the index into i_block,
 * then the index into each indirect block on the way.  Returns its length
 * (1 for a direct block ... 4 through the triple indirect block), or 0 when
 * the map cannot address the block. */
static int map_path(const struct ext2 *fs, uint32_t fblock, uint32_t path[4])
{
    uint32_t shift = fs->ptr_shift, mask = (1u << shift) - 1;

    if (fblock < EXT2_NDIR_BLOCKS) {
        path[0] = fblock;
        return 1;
    }
    fblock -= EXT2_NDIR_BLOCKS;
    if (fblock < 1u << shift) {
        path[0] = EXT2_IND_BLOCK;
        path[1] = fblock;
        return 2;
    }
    fblock -= 1u << shift;
    if (fblock < 1u << 2 * shift) {
        path[0] = EXT2_DIND_BLOCK;
        path[1] = fblock >> shift;
        path[2] = fblock & mask;
        return 3;
    }
    fblock -= 1u << 2 * shift;
    if (fblock >> 3 * shift != 0)
        return 0;
    path[0] = EXT2_TIND_BLOCK;
    path[1] = fblock >> 2 * shift;
    path[2] = (fblock >> shift) & mask;
    path[3] = fblock & mask;
    return 4;
}

int ext2_map(struct ext2 *fs, const struct ext2_inode *ip, uint32_t fblock,
             uint32_t *blk)
{
    uint32_t path[4], b;
    int depth = map_path(fs, fblock, path);

    if (depth == 0)
        return -EFBIG;
    b = ip->i_block[path[0]];
    for (int level = 1; level < depth && b != 0; level++) {
        const uint32_t *numbers = (const uint32_t *)ext2_block(fs, b);

        if (!numbers)
            return -EIO;
        b = numbers[path[level]];
    }
    if (b != 0 && !ext2_block_ok(fs, b))
        return -EIO;
    *blk = b;
    return 0;
}

/* Where to look for a free block for `fblock`: just after the file's
 * previous block, so files stay contiguous; failing that, at the start of
 * the inode's group. */
static uint32_t alloc_goal(struct ext2 *fs, uint32_t ino,
                           const struct ext2_inode *ip, uint32_t fblock)
{
    uint32_t prev;

    if (fblock > 0 && ext2_map(fs, ip, fblock - 1, &prev) == 0 && prev != 0)
        return prev + 1;
    return fs->first_data_block +
           (ino - 1) / fs->inodes_per_group * fs->blocks_per_group;
}

/* Follows the path as far as it exists; allocates the missing blocks (the
 * indirect ones still needed, then the data block) before linking any of
 * them, so that running out of space leaves the map as it was. */
int ext2_map_alloc(struct ext2 *fs, uint32_t ino, struct ext2_inode *ip,
                   uint32_t fblock, uint32_t *blk)
{
    uint32_t path[4], fresh[4], sectors, goal;
    int depth = map_path(fs, fblock, path), level = 0, missing, err;
    uint32_t *slot;

    if (depth == 0)
        return -EFBIG;
    slot = &ip->i_block[path[0]];
    while (*slot != 0) {
        if (!ext2_block_ok(fs, *slot))
            return -EIO;
        if (level == depth - 1) {
            *blk = *slot;
            return 0;
        }
        slot = (uint32_t *)ext2_block(fs, *slot) + path[++level];
    }
    missing = depth - level;
    sectors = (uint32_t)missing << (fs->block_shift - 9);
    if (ip->i_blocks > UINT32_MAX - sectors)
        return -EFBIG;              /* i_blocks would overflow */
    goal = alloc_goal(fs, ino, ip, fblock);
    for (int i = 0; i < missing; i++) {
        err = ext2_alloc_block(fs, goal, &fresh[i]);
        if (err) {
            while (i-- > 0)
                ext2_free_block(fs, fresh[i]);
            return err;
        }
        memset(ext2_block(fs, fresh[i]), 0, fs->block_size);
        goal = fresh[i] + 1;
    }
    for (int i = 0; i + 1 < missing; i++)
        ((uint32_t *)ext2_block(fs, fresh[i]))[path[level + 1 + i]] = fresh[i + 1];
    *slot = fresh[0];
    ip->i_blocks += sectors;
    *blk = fresh[missing - 1];
    return 0;
}

static bool all_zero(const uint32_t *numbers, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (numbers[i] != 0)
            return false;
    return true;
}

/* Frees what the subtree under *slot maps for its file blocks `from` and
 * up (counted from the subtree's first block).  `height` 0 means *slot is a
 * data block, 1 an indirect block, up to 3.  An indirect block goes too
 * once it holds no number any more.  On a corrupt subtree it frees what it
 * can and returns -EIO. */
static int free_tree(struct ext2 *fs, struct ext2_inode *ip, uint32_t *slot,
                     int height, uint32_t from)
{
    uint32_t sectors;
    int err = 0;

    if (*slot == 0)
        return 0;
    if (height > 0) {
        uint32_t *numbers = (uint32_t *)ext2_block(fs, *slot);
        uint32_t per_entry_shift = (uint32_t)(height - 1) * fs->ptr_shift;
        uint32_t count = 1u << fs->ptr_shift;
        uint32_t first = from >> per_entry_shift;

        if (!numbers)
            return -EIO;
        for (uint32_t i = first; i < count; i++) {
            uint32_t sub_from = i == first ? from & ((1u << per_entry_shift) - 1) : 0;
            int e = free_tree(fs, ip, &numbers[i], height - 1, sub_from);

            err = err ? err : e;
        }
        if (!all_zero(numbers, count))
            return err;
    }
    if (ext2_free_block(fs, *slot) != 0)
        return -EIO;
    *slot = 0;
    sectors = fs->block_size / 512;
    ip->i_blocks = ip->i_blocks > sectors ? ip->i_blocks - sectors : 0;
    return err;
}

int ext2_free_blocks_from(struct ext2 *fs, struct ext2_inode *ip,
                          uint32_t fblock)
{
    uint64_t start = EXT2_NDIR_BLOCKS;  /* first file block of each tree */
    int err = 0;

    for (uint32_t i = fblock; i < EXT2_NDIR_BLOCKS; i++) {
        int e = free_tree(fs, ip, &ip->i_block[i], 0, 0);

        err = err ? err : e;
    }
    for (int height = 1; height <= 3; height++) {
        uint64_t span = (uint64_t)1 << (height * fs->ptr_shift);
        uint32_t from = fblock > start ? (uint32_t)(fblock - start) : 0;

        if (fblock < start + span) {
            int e = free_tree(fs, ip, &ip->i_block[EXT2_IND_BLOCK + height - 1],
                              height, from);

            err = err ? err : e;
        }
        start += span;
    }
    return err;
}
