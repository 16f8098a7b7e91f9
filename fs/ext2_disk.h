/*
 * The ext2 on-disk format (revisions 0 and 1) exactly as the bytes lie in
 * the image.  Every field is little-endian, like the i386, so the structures
 * are used in place: a `struct ext2_inode *` points straight into the image.
 * Only the fields Cowix uses are named; the rest is padding of the right size.
 */
#ifndef FS_EXT2_DISK_H
#define FS_EXT2_DISK_H

#include "fs/ext2_env.h"

#define EXT2_SUPER_OFFSET 1024      /* byte offset of the superblock */
#define EXT2_MAGIC 0xEF53
#define EXT2_GOOD_OLD_REV 0         /* revision 0: fixed inode size and first inode */
#define EXT2_DYNAMIC_REV 1
#define EXT2_GOOD_OLD_INODE_SIZE 128
#define EXT2_GOOD_OLD_FIRST_INO 11

/* Feature flags (revision 1).  Unknown "incompat" ones forbid mounting,
 * unknown "ro_compat" ones forbid writing. */
#define EXT2_FEATURE_INCOMPAT_FILETYPE 0x0002
#define EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER 0x0001
#define EXT2_FEATURE_RO_COMPAT_LARGE_FILE 0x0002
#define EXT2_FEATURE_RO_COMPAT_BTREE_DIR 0x0004

struct ext2_super {
    uint32_t s_inodes_count;
    uint32_t s_blocks_count;
    uint32_t s_r_blocks_count;      /* reserved for root (not enforced here) */
    uint32_t s_free_blocks_count;
    uint32_t s_free_inodes_count;
    uint32_t s_first_data_block;    /* 1 for 1 KiB blocks, else 0 */
    uint32_t s_log_block_size;      /* block size = 1024 << this */
    uint32_t s_log_frag_size;
    uint32_t s_blocks_per_group;
    uint32_t s_frags_per_group;
    uint32_t s_inodes_per_group;
    uint32_t s_mtime;
    uint32_t s_wtime;
    uint16_t s_mnt_count;
    uint16_t s_max_mnt_count;
    uint16_t s_magic;
    uint16_t s_state;
    uint16_t s_errors;
    uint16_t s_minor_rev_level;
    uint32_t s_lastcheck;
    uint32_t s_checkinterval;
    uint32_t s_creator_os;
    uint32_t s_rev_level;
    uint16_t s_def_resuid;
    uint16_t s_def_resgid;
    /* Revision 1 only. */
    uint32_t s_first_ino;           /* first inode that is not reserved */
    uint16_t s_inode_size;
    uint16_t s_block_group_nr;
    uint32_t s_feature_compat;
    uint32_t s_feature_incompat;
    uint32_t s_feature_ro_compat;
    uint8_t s_unused[1024 - 104];
};
_Static_assert(sizeof(struct ext2_super) == 1024, "ext2 superblock layout");

/* One entry of the group descriptor table, which starts in the block
 * after the superblock. */
struct ext2_group {
    uint32_t bg_block_bitmap;
    uint32_t bg_inode_bitmap;
    uint32_t bg_inode_table;
    uint16_t bg_free_blocks_count;
    uint16_t bg_free_inodes_count;
    uint16_t bg_used_dirs_count;
    uint16_t bg_pad;
    uint32_t bg_reserved[3];
};
_Static_assert(sizeof(struct ext2_group) == 32, "ext2 group descriptor layout");

#define EXT2_NDIR_BLOCKS 12         /* i_block[0..11]: direct blocks */
#define EXT2_IND_BLOCK 12           /* i_block[12]: single indirect */
#define EXT2_DIND_BLOCK 13          /* i_block[13]: double indirect */
#define EXT2_TIND_BLOCK 14          /* i_block[14]: triple indirect */
#define EXT2_N_BLOCKS 15

#define EXT2_INDEX_FL 0x00001000    /* directory has a hashed index */

struct ext2_inode {
    uint16_t i_mode;
    uint16_t i_uid;                 /* low 16 bits */
    uint32_t i_size;                /* low 32 bits */
    uint32_t i_atime;
    uint32_t i_ctime;
    uint32_t i_mtime;
    uint32_t i_dtime;               /* deletion time: non-zero only when free */
    uint16_t i_gid;                 /* low 16 bits */
    uint16_t i_links_count;
    uint32_t i_blocks;              /* in 512-byte sectors, indirect blocks included */
    uint32_t i_flags;
    uint32_t i_osd1;
    uint32_t i_block[EXT2_N_BLOCKS];
    uint32_t i_generation;
    uint32_t i_file_acl;            /* extended attribute block */
    uint32_t i_size_high;           /* regular files: high 32 bits of the size */
    uint32_t i_faddr;
    uint8_t i_frag;
    uint8_t i_fsize;
    uint16_t i_pad1;
    uint16_t i_uid_high;
    uint16_t i_gid_high;
    uint32_t i_reserved2;
};
_Static_assert(sizeof(struct ext2_inode) == 128, "ext2 inode layout");

/* A directory record.  Records tile each directory block exactly; rec_len
 * may exceed the record's own needs (the slack is free space), and a record
 * with inode 0 is unused.  Without the filetype feature, file_type is the
 * high byte of a 16-bit name length, always 0 for names of <= 255 bytes. */
struct ext2_dir_entry {
    uint32_t inode;
    uint16_t rec_len;
    uint8_t name_len;
    uint8_t file_type;
    char name[];
};

#define EXT2_DIR_HEADER 8
/* Bytes a record with a name of `len` bytes needs: header + name, 4-aligned. */
#define EXT2_DIR_REC_LEN(len) ((EXT2_DIR_HEADER + (len) + 3u) & ~3u)

/* Values of ext2_dir_entry.file_type. */
#define EXT2_FT_UNKNOWN 0
#define EXT2_FT_REG_FILE 1
#define EXT2_FT_DIR 2
#define EXT2_FT_CHRDEV 3
#define EXT2_FT_BLKDEV 4
#define EXT2_FT_FIFO 5
#define EXT2_FT_SOCK 6
#define EXT2_FT_SYMLINK 7

/* Header of an extended attribute block (only its reference count is used,
 * to release the block when a file goes away). */
#define EXT2_XATTR_MAGIC 0xEA020000
struct ext2_xattr_header {
    uint32_t h_magic;
    uint32_t h_refcount;
};

#endif
