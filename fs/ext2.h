/*
 * ext2 over an image in memory: the on-disk logic of Cowix's root file
 * system, with no knowledge of processes, user memory or caches.  The VFS
 * wraps it; the unit tests run it on the host.
 *
 * Everything is addressed by inode number.  Functions return 0 (or a count)
 * on success and a negated Linux errno on failure; a corrupt image gives
 * -EIO for the file or directory concerned.  Every operation that returns
 * leaves the image consistent (e2fsck-clean), with one exception that is
 * part of the Unix model: an inode whose link count dropped to 0 stays
 * allocated until the VFS calls ext2_evict() (when no file holds it open).
 *
 * The caller owns `struct ext2`, sets `now` before operations that stamp
 * times, and serialises calls (the library has no locks and no globals).
 */
#ifndef FS_EXT2_H
#define FS_EXT2_H

#include "fs/ext2_env.h"

#define EXT2_ROOT_INO 2
#define EXT2_NAME_MAX 255
#define EXT2_LINK_MAX 32000

/* File type bits of a mode, as in st_mode. */
#define EXT2_S_IFMT 0170000
#define EXT2_S_IFSOCK 0140000
#define EXT2_S_IFLNK 0120000
#define EXT2_S_IFREG 0100000
#define EXT2_S_IFBLK 0060000
#define EXT2_S_IFDIR 0040000
#define EXT2_S_IFCHR 0020000
#define EXT2_S_IFIFO 0010000

/* Entry types as getdents64 reports them in d_type. */
#define EXT2_DT_UNKNOWN 0
#define EXT2_DT_FIFO 1
#define EXT2_DT_CHR 2
#define EXT2_DT_DIR 4
#define EXT2_DT_BLK 6
#define EXT2_DT_REG 8
#define EXT2_DT_LNK 10
#define EXT2_DT_SOCK 12

struct ext2_super;

struct ext2 {
    /* Set by the caller: the time (seconds since 1970) operations stamp. */
    uint32_t now;

    /* Filled by ext2_mount(), read-only afterwards. */
    uint8_t *image;
    size_t image_size;
    struct ext2_super *sb;          /* points into the image */
    uint32_t block_size;            /* 1024, 2048 or 4096 */
    uint32_t block_shift;           /* log2(block_size) */
    uint32_t ptr_shift;             /* log2(block numbers per indirect block) */
    uint32_t blocks_count;
    uint32_t inodes_count;
    uint32_t first_data_block;
    uint32_t blocks_per_group;
    uint32_t inodes_per_group;
    uint32_t group_count;
    uint32_t inode_size;
    uint32_t first_ino;             /* first non-reserved inode */
    uint32_t itable_blocks;         /* inode table blocks per group */
    uint32_t gdt_block;             /* first block of the group descriptors */
    uint32_t gdt_blocks;            /* and how many blocks they take */
    uint32_t map_blocks;            /* file blocks the block map can address */
    bool filetype;                  /* directory records carry the file type */
    bool sparse_super;              /* superblock copies only in groups 0, 1, 3^n, 5^n, 7^n */
    bool readonly;                  /* unknown ro_compat features: no writes */
};

/* What stat() needs about an inode. */
struct ext2_stat {
    uint32_t ino;
    uint32_t mode;                  /* type and permission bits */
    uint32_t nlink;
    uint32_t uid, gid;
    uint64_t size;
    uint32_t atime, mtime, ctime;
    uint32_t blocks;                /* 512-byte units, like st_blocks */
    uint32_t rdev_major, rdev_minor;/* device nodes only */
};

/* One directory entry returned by ext2_readdir(). */
struct ext2_dirent {
    uint32_t ino;
    uint8_t type;                   /* EXT2_DT_* */
    uint8_t name_len;
    char name[EXT2_NAME_MAX + 1];   /* NUL-terminated for convenience */
};

/* Figures for statfs(), counted like Linux's ext2 does. */
struct ext2_statfs {
    uint32_t block_size;
    uint32_t blocks;                /* data blocks: total minus metadata */
    uint32_t free_blocks;
    uint32_t avail_blocks;          /* free minus those reserved for root */
    uint32_t inodes;
    uint32_t free_inodes;
    uint32_t name_max;
};

/* Attributes of an inode being created. */
struct ext2_new_inode {
    uint32_t mode;                  /* type and permissions (type ignored by mkdir/symlink) */
    uint32_t uid, gid;
    uint32_t rdev_major, rdev_minor;/* character and block devices */
};

/*
 * Copies n bytes and returns 0, or -EFAULT when one side is bad user
 * memory.  ext2_read/ext2_write use it to move file data, so the kernel can
 * pass its copy_to_user/copy_from_user; NULL means memcpy.
 */
typedef int (*ext2_copy_fn)(void *dst, const void *src, size_t n);

/* Checks the superblock of an image (4-byte aligned, `size` bytes) and
 * fills *fs.  -EINVAL: not an ext2 image Cowix can use. */
int ext2_mount(struct ext2 *fs, void *image, size_t size);

/* --- Reading ----------------------------------------------------------- */
int ext2_stat(struct ext2 *fs, uint32_t ino, struct ext2_stat *st);
void ext2_statfs(struct ext2 *fs, struct ext2_statfs *st);

/* Finds `name` (len bytes, no NUL needed) in directory `dir`. */
int ext2_lookup(struct ext2 *fs, uint32_t dir, const char *name, size_t len,
                uint32_t *ino);

/* Returns the first entry at byte offset >= *pos in directory `dir` and
 * moves *pos past it: 1 = an entry in *de, 0 = end of directory.  *pos is
 * the getdents64 position; any value is safe to resume from. */
int ext2_readdir(struct ext2 *fs, uint32_t dir, uint64_t *pos,
                 struct ext2_dirent *de);

/* The target of a symbolic link, in place in the image (not NUL-ended). */
int ext2_readlink(struct ext2 *fs, uint32_t ino, const char **target,
                  size_t *len);

/* Reads up to n bytes at off of a regular file; holes read as zeros.
 * Returns the bytes read (0 at or past the end) or -errno. */
long ext2_read(struct ext2 *fs, uint32_t ino, uint64_t off, void *buf,
               size_t n, ext2_copy_fn copy);

/* The disk block holding file block `fblock` of inode `ino` (0 = a hole),
 * and the bytes of a disk block (NULL if the number is not a valid block).
 * With these the kernel can map or copy file data without ext2_read. */
int ext2_bmap(struct ext2 *fs, uint32_t ino, uint32_t fblock, uint32_t *blk);
uint8_t *ext2_block(struct ext2 *fs, uint32_t blk);

/* 1 if directory `dir` is `ancestor` or lies below it, 0 if not: rename
 * must not move a directory into itself. */
int ext2_is_ancestor(struct ext2 *fs, uint32_t ancestor, uint32_t dir);

/* --- Writing ------------------------------------------------------------ */

/* Writes n bytes at off of a regular file, allocating blocks; writing past
 * the end leaves a hole.  Returns the bytes written; a short count when the
 * disk filled up or the copy faulted part way, -errno when nothing was
 * written (-ENOSPC, -EFAULT, -EFBIG at the size limit). */
long ext2_write(struct ext2 *fs, uint32_t ino, uint64_t off, const void *buf,
                size_t n, ext2_copy_fn copy);

/* Sets the size of a regular file: frees the blocks past a smaller size,
 * leaves a hole up to a larger one. */
int ext2_truncate(struct ext2 *fs, uint32_t ino, uint64_t size);

/* Like ext2_bmap, but allocates the (zeroed) block and the indirect blocks
 * on the way.  The caller must then cover the block by the file size
 * (ext2_write does all this; prefer it). */
int ext2_bmap_alloc(struct ext2 *fs, uint32_t ino, uint32_t fblock,
                    uint32_t *blk);

/* Create `name` in directory `dir`; *ino (may be NULL) gets the new inode.
 * mknod makes regular files, devices, FIFOs and sockets. */
int ext2_mknod(struct ext2 *fs, uint32_t dir, const char *name, size_t len,
               const struct ext2_new_inode *attr, uint32_t *ino);
int ext2_mkdir(struct ext2 *fs, uint32_t dir, const char *name, size_t len,
               const struct ext2_new_inode *attr, uint32_t *ino);
int ext2_symlink(struct ext2 *fs, uint32_t dir, const char *name, size_t len,
                 const char *target, size_t target_len,
                 const struct ext2_new_inode *attr, uint32_t *ino);

/* A new name for inode `ino` (not a directory) in `dir`. */
int ext2_link(struct ext2 *fs, uint32_t dir, const char *name, size_t len,
              uint32_t ino);

/* Remove a name; *ino (may be NULL) gets the inode it named, which the VFS
 * must ext2_evict() once its link count is 0 and nobody has it open. */
int ext2_unlink(struct ext2 *fs, uint32_t dir, const char *name, size_t len,
                uint32_t *ino);
int ext2_rmdir(struct ext2 *fs, uint32_t dir, const char *name, size_t len,
               uint32_t *ino);

/* Moves a name, replacing an existing target as rename(2) does; *replaced
 * (may be NULL) gets the inode that lost its name there, or 0. */
int ext2_rename(struct ext2 *fs, uint32_t old_dir, const char *old_name,
                size_t old_len, uint32_t new_dir, const char *new_name,
                size_t new_len, uint32_t *replaced);

/* Frees an inode whose link count is 0, with all its blocks. */
int ext2_evict(struct ext2 *fs, uint32_t ino);

/* Attribute changes; each also sets the change time to now.  chown leaves
 * an id unchanged when it is (uint32_t)-1. */
int ext2_chmod(struct ext2 *fs, uint32_t ino, uint32_t mode);
int ext2_chown(struct ext2 *fs, uint32_t ino, uint32_t uid, uint32_t gid);
int ext2_utimes(struct ext2 *fs, uint32_t ino, uint32_t atime, uint32_t mtime);

#endif
