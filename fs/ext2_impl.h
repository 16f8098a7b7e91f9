/*
 * Declarations shared by the ext2 source files.  Not part of the interface:
 * the VFS uses fs/ext2.h only.
 *
 *   ext2.c        mounting, geometry, finding inodes and blocks
 *   ext2_attr.c   stat, statfs and attribute changes
 *   ext2_alloc.c  block and inode allocation through the group bitmaps
 *   ext2_bmap.c   the block map: file blocks -> disk blocks, growing, freeing
 *   ext2_file.c   reading, writing and truncating files; symlink targets
 *   ext2_dir.c    directory records: iterate, find, add, remove
 *   ext2_namei.c  operations on names: create, link, unlink, rename, evict
 */
#ifndef FS_EXT2_IMPL_H
#define FS_EXT2_IMPL_H

#include "fs/ext2.h"
#include "fs/ext2_disk.h"

/* ext2.c */
bool ext2_block_ok(const struct ext2 *fs, uint32_t blk);
struct ext2_group *ext2_group(struct ext2 *fs, uint32_t group);
int ext2_inode(struct ext2 *fs, uint32_t ino, struct ext2_inode **ip);
int ext2_inode_typed(struct ext2 *fs, uint32_t ino, uint32_t type,
                     struct ext2_inode **ip);
uint64_t ext2_inode_size(const struct ext2_inode *ip);
void ext2_set_inode_size(struct ext2 *fs, struct ext2_inode *ip, uint64_t size);
uint64_t ext2_max_file_size(const struct ext2 *fs);
bool ext2_has_block_map(const struct ext2 *fs, const struct ext2_inode *ip);
uint32_t ext2_inode_uid(const struct ext2_inode *ip);
uint32_t ext2_inode_gid(const struct ext2_inode *ip);
void ext2_set_owner(struct ext2_inode *ip, uint32_t uid, uint32_t gid);

static inline uint32_t ext2_type(const struct ext2_inode *ip)
{
    return ip->i_mode & EXT2_S_IFMT;
}

/* ext2_attr.c */
void ext2_set_rdev(struct ext2_inode *ip, uint32_t major, uint32_t minor);

/* ext2_alloc.c */
int ext2_alloc_block(struct ext2 *fs, uint32_t goal, uint32_t *blk);
int ext2_free_block(struct ext2 *fs, uint32_t blk);
int ext2_alloc_inode(struct ext2 *fs, uint32_t parent, bool is_dir,
                     uint32_t *ino);
int ext2_free_inode(struct ext2 *fs, uint32_t ino, bool is_dir);

/* ext2_bmap.c */
int ext2_map(struct ext2 *fs, const struct ext2_inode *ip, uint32_t fblock,
             uint32_t *blk);
int ext2_map_alloc(struct ext2 *fs, uint32_t ino, struct ext2_inode *ip,
                   uint32_t fblock, uint32_t *blk);
int ext2_free_blocks_from(struct ext2 *fs, struct ext2_inode *ip,
                          uint32_t fblock);

/* ext2_file.c */
int ext2_trim(struct ext2 *fs, struct ext2_inode *ip);

/* ext2_dir.c: where a record lies, so it can be changed or removed. */
#define EXT2_NO_PREV UINT32_MAX
struct ext2_dir_slot {
    uint8_t *block;                 /* the directory block */
    uint32_t off;                   /* the record's offset in it */
    uint32_t prev;                  /* the previous record's, or EXT2_NO_PREV */
};

static inline struct ext2_dir_entry *ext2_slot_entry(const struct ext2_dir_slot *s)
{
    return (struct ext2_dir_entry *)(s->block + s->off);
}

int ext2_dir_find(struct ext2 *fs, const struct ext2_inode *dir,
                  const char *name, size_t len, struct ext2_dir_slot *slot);
int ext2_dir_add(struct ext2 *fs, uint32_t dir_ino, struct ext2_inode *dir,
                 const char *name, size_t len, uint32_t ino, uint32_t mode);
void ext2_dir_remove(struct ext2 *fs, struct ext2_inode *dir,
                     const struct ext2_dir_slot *slot);
void ext2_dir_retarget(struct ext2 *fs, struct ext2_inode *dir,
                       const struct ext2_dir_slot *slot, uint32_t ino,
                       uint32_t mode);
int ext2_dir_is_empty(struct ext2 *fs, uint32_t dir_ino,
                      const struct ext2_inode *dir);
int ext2_dir_init(struct ext2 *fs, uint32_t ino, struct ext2_inode *ip,
                  uint32_t parent);

#endif
