/*
 * The contents of regular files and symbolic links: reading, writing,
 * truncating.  File data moves through a copy function so that the kernel
 * can copy straight between the image and user memory and learn of a bad
 * user pointer (-EFAULT) without the ext2 code knowing about user memory.
 *
 * Invariant kept by everything here: no block is mapped past the end of a
 * file.  Bytes after the end inside the last block are not trusted: they
 * are zeroed whenever the file grows over them.
 */
#include "fs/ext2_impl.h"

/* Linux caps one read or write at this, so counts always fit a long. */
#define EXT2_IO_MAX 0x7ffff000u

/* What holes read as: a block of zeros (read-only, so not mutable state). */
static const uint8_t zero_block[4096];

static int copy_bytes(ext2_copy_fn copy, void *dst, const void *src, size_t n)
{
    if (copy)
        return copy(dst, src, n);
    memcpy(dst, src, n);
    return 0;
}

/* File blocks needed for `size` bytes. */
static uint32_t blocks_for(const struct ext2 *fs, uint64_t size)
{
    uint64_t n = (size + fs->block_size - 1) >> fs->block_shift;

    return n > fs->map_blocks ? fs->map_blocks : (uint32_t)n;
}

/* The part of a transfer at `pos` (with `left` bytes to go) that lies in
 * one block, and its offset in that block. */
static size_t block_chunk(const struct ext2 *fs, uint64_t pos, size_t left,
                          uint32_t *in_block)
{
    size_t chunk;

    *in_block = (uint32_t)pos & (fs->block_size - 1);
    chunk = fs->block_size - *in_block;
    return chunk < left ? chunk : left;
}

/* A regular file whose size the block map can hold (a larger size is
 * corrupt, and would overflow the block numbers below). */
static int regular_file(struct ext2 *fs, uint32_t ino, struct ext2_inode **ip)
{
    int err = ext2_inode_typed(fs, ino, EXT2_S_IFREG, ip);

    if (!err && ext2_inode_size(*ip) > (uint64_t)fs->map_blocks << fs->block_shift)
        return -EIO;
    return err;
}

long ext2_read(struct ext2 *fs, uint32_t ino, uint64_t off, void *buf,
               size_t n, ext2_copy_fn copy)
{
    struct ext2_inode *ip;
    uint64_t size;
    size_t done = 0;
    int err = regular_file(fs, ino, &ip);

    if (err)
        return err;
    size = ext2_inode_size(ip);
    if (off >= size)
        return 0;
    if (n > size - off)
        n = (size_t)(size - off);
    if (n > EXT2_IO_MAX)
        n = EXT2_IO_MAX;
    while (done < n) {
        uint64_t pos = off + done;
        uint32_t in_block, blk;
        size_t chunk = block_chunk(fs, pos, n - done, &in_block);

        err = ext2_map(fs, ip, (uint32_t)(pos >> fs->block_shift), &blk);
        if (!err)
            err = copy_bytes(copy, (uint8_t *)buf + done,
                             blk ? ext2_block(fs, blk) + in_block : zero_block,
                             chunk);
        if (err)
            return done ? (long)done : err;
        done += chunk;
    }
    return (long)done;
}

/* Zeroes the last block of a file after byte `size`, before the file grows
 * over those bytes. */
static void zero_tail(struct ext2 *fs, struct ext2_inode *ip, uint64_t size)
{
    uint32_t in_block = (uint32_t)size & (fs->block_size - 1), blk;

    if (in_block != 0 &&
        ext2_map(fs, ip, (uint32_t)(size >> fs->block_shift), &blk) == 0 && blk)
        memset(ext2_block(fs, blk) + in_block, 0, fs->block_size - in_block);
}

/* Frees the blocks mapped past the end of the file. */
int ext2_trim(struct ext2 *fs, struct ext2_inode *ip)
{
    return ext2_free_blocks_from(fs, ip, blocks_for(fs, ext2_inode_size(ip)));
}

long ext2_write(struct ext2 *fs, uint32_t ino, uint64_t off, const void *buf,
                size_t n, ext2_copy_fn copy)
{
    struct ext2_inode *ip;
    uint64_t size, max = ext2_max_file_size(fs);
    size_t done = 0;
    int err = fs->readonly ? -EROFS : regular_file(fs, ino, &ip);

    if (err || n == 0)
        return err;
    if (off >= max)
        return -EFBIG;
    if (n > max - off)
        n = (size_t)(max - off);
    if (n > EXT2_IO_MAX)
        n = EXT2_IO_MAX;
    size = ext2_inode_size(ip);
    if (off > size)
        zero_tail(fs, ip, size);
    while (done < n) {
        uint64_t pos = off + done;
        uint32_t in_block, blk;
        size_t chunk = block_chunk(fs, pos, n - done, &in_block);

        err = ext2_map_alloc(fs, ino, ip, (uint32_t)(pos >> fs->block_shift), &blk);
        if (!err)
            err = copy_bytes(copy, ext2_block(fs, blk) + in_block,
                             (const uint8_t *)buf + done, chunk);
        if (err)
            break;
        done += chunk;
    }
    if (done > 0 && off + done > size)
        ext2_set_inode_size(fs, ip, off + done);
    if (err)
        ext2_trim(fs, ip);          /* the block of a failed copy may lie past the end */
    if (done) {
        ip->i_mtime = ip->i_ctime = fs->now;
        return (long)done;
    }
    return err;
}

int ext2_truncate(struct ext2 *fs, uint32_t ino, uint64_t size)
{
    struct ext2_inode *ip;
    uint64_t old;
    int err = fs->readonly ? -EROFS : regular_file(fs, ino, &ip);

    if (err)
        return err;
    if (size > ext2_max_file_size(fs))
        return -EFBIG;
    old = ext2_inode_size(ip);
    zero_tail(fs, ip, size < old ? size : old);
    ext2_set_inode_size(fs, ip, size);
    if (size < old)
        err = ext2_trim(fs, ip);
    ip->i_mtime = ip->i_ctime = fs->now;
    return err;
}

/* A fast symlink keeps its target in i_block (under 60 bytes), a slow one
 * in its first block (under one block: the target plus a NUL must fit). */
int ext2_readlink(struct ext2 *fs, uint32_t ino, const char **target,
                  size_t *len)
{
    struct ext2_inode *ip;
    uint32_t blk;
    int err = ext2_inode_typed(fs, ino, EXT2_S_IFLNK, &ip);

    if (err)
        return err;
    if (!ext2_has_block_map(fs, ip)) {
        if (ip->i_size >= sizeof ip->i_block)
            return -EIO;
        *target = (const char *)ip->i_block;
    } else {
        if (ip->i_size >= fs->block_size)
            return -EIO;
        err = ext2_map(fs, ip, 0, &blk);
        if (err || blk == 0)
            return -EIO;
        *target = (const char *)ext2_block(fs, blk);
    }
    *len = ip->i_size;
    return 0;
}

/* The block map of an inode that has one (not a device or fast symlink). */
static int mapped_inode(struct ext2 *fs, uint32_t ino, struct ext2_inode **ip)
{
    int err = ext2_inode(fs, ino, ip);

    if (!err && !ext2_has_block_map(fs, *ip))
        return -EINVAL;
    return err;
}

int ext2_bmap(struct ext2 *fs, uint32_t ino, uint32_t fblock, uint32_t *blk)
{
    struct ext2_inode *ip;
    int err = mapped_inode(fs, ino, &ip);

    return err ? err : ext2_map(fs, ip, fblock, blk);
}

int ext2_bmap_alloc(struct ext2 *fs, uint32_t ino, uint32_t fblock,
                    uint32_t *blk)
{
    struct ext2_inode *ip;
    int err = fs->readonly ? -EROFS : mapped_inode(fs, ino, &ip);

    return err ? err : ext2_map_alloc(fs, ino, ip, fblock, blk);
}
