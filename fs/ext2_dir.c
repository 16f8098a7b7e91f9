/*
 * Directory records.  A directory's blocks are tiled by variable-length
 * records (struct ext2_dir_entry): each says how far the next one starts
 * (rec_len); a record may be longer than its name needs, and that slack is
 * where new names go.  Removing a name merges its record into the one
 * before it, or, for the first record of a block, marks it unused (inode 0).
 *
 * Every record is checked before use, so a corrupt directory gives -EIO.
 */
#include "fs/ext2_impl.h"

/* A walk over every record of a directory, block by block. */
struct dir_walk {
    const struct ext2_inode *dir;
    uint32_t nblocks;               /* blocks in the directory */
    uint32_t fblock;                /* the block being walked */
    uint8_t *block;                 /* its bytes, NULL before it is loaded */
    uint32_t off;                   /* the current record's offset */
    uint32_t prev;                  /* the previous record's, or EXT2_NO_PREV */
    uint32_t next;                  /* where the next record starts */
};

/* The length of the record at `off`, or 0 when it is corrupt. */
static uint32_t record_len(const struct ext2 *fs, const uint8_t *block,
                           uint32_t off)
{
    const struct ext2_dir_entry *de = (const struct ext2_dir_entry *)(block + off);
    uint32_t space = fs->block_size - off;
    uint32_t len;

    if (space < EXT2_DIR_REC_LEN(1))
        return 0;
    len = de->rec_len;
    if (len < EXT2_DIR_REC_LEN(1) || len % 4 != 0 || len > space ||
        EXT2_DIR_REC_LEN(de->name_len) > len || de->inode > fs->inodes_count ||
        (de->inode != 0 && de->name_len == 0))
        return 0;
    return len;
}

/* Starts a walk at the block holding byte `pos`.  A directory is a whole
 * number of blocks. */
static int walk_start(const struct ext2 *fs, const struct ext2_inode *dir,
                      uint64_t pos, struct dir_walk *w)
{
    if (dir->i_size % fs->block_size != 0)
        return -EIO;
    w->dir = dir;
    w->nblocks = dir->i_size >> fs->block_shift;
    w->fblock = pos >= dir->i_size ? w->nblocks : (uint32_t)(pos >> fs->block_shift);
    w->block = NULL;
    return 0;
}

/* Moves to the next record (used or not): 1, or 0 at the end, or -EIO. */
static int walk_next(struct ext2 *fs, struct dir_walk *w,
                     struct ext2_dir_entry **de)
{
    uint32_t len, blk;

    while (w->block == NULL || w->next == fs->block_size) {
        if (w->block) {
            w->fblock++;
            w->block = NULL;
        }
        if (w->fblock >= w->nblocks)
            return 0;
        if (ext2_map(fs, w->dir, w->fblock, &blk) != 0 || blk == 0)
            return -EIO;            /* a directory has no holes */
        w->block = ext2_block(fs, blk);
        w->off = EXT2_NO_PREV;
        w->next = 0;
    }
    len = record_len(fs, w->block, w->next);
    if (len == 0)
        return -EIO;
    w->prev = w->off;
    w->off = w->next;
    w->next += len;
    *de = (struct ext2_dir_entry *)(w->block + w->off);
    return 1;
}

static bool same_name(const struct ext2_dir_entry *de, const char *name,
                      size_t len)
{
    return de->inode != 0 && de->name_len == len && memcmp(de->name, name, len) == 0;
}

int ext2_dir_find(struct ext2 *fs, const struct ext2_inode *dir,
                  const char *name, size_t len, struct ext2_dir_slot *slot)
{
    struct dir_walk w;
    struct ext2_dir_entry *de;
    int r = walk_start(fs, dir, 0, &w);

    while (r == 0 && (r = walk_next(fs, &w, &de)) > 0) {
        if (same_name(de, name, len)) {
            slot->block = w.block;
            slot->off = w.off;
            slot->prev = w.prev;
            return 0;
        }
        r = 0;
    }
    return r < 0 ? r : -ENOENT;
}

int ext2_lookup(struct ext2 *fs, uint32_t dir, const char *name, size_t len,
                uint32_t *ino)
{
    struct ext2_inode *dp, *ip;
    struct ext2_dir_slot slot;
    int err = ext2_inode_typed(fs, dir, EXT2_S_IFDIR, &dp);

    if (err)
        return err;
    if (len > EXT2_NAME_MAX)
        return -ENAMETOOLONG;
    err = ext2_dir_find(fs, dp, name, len, &slot);
    if (err)
        return err;
    *ino = ext2_slot_entry(&slot)->inode;
    /* A name must lead to a live inode. */
    if (ext2_inode(fs, *ino, &ip) != 0 || ip->i_links_count == 0)
        return -EIO;
    return 0;
}

/* d_type for getdents64: from the record when the file system stores
 * types there, from the inode's mode otherwise (the d_type values are the
 * mode's type bits shifted down). */
static uint8_t entry_type(struct ext2 *fs, const struct ext2_dir_entry *de)
{
    static const uint8_t from_ftype[] = {
        EXT2_DT_UNKNOWN, EXT2_DT_REG, EXT2_DT_DIR, EXT2_DT_CHR,
        EXT2_DT_BLK, EXT2_DT_FIFO, EXT2_DT_SOCK, EXT2_DT_LNK,
    };
    struct ext2_inode *ip;

    if (fs->filetype && de->file_type != 0 && de->file_type < sizeof from_ftype)
        return from_ftype[de->file_type];
    if (ext2_inode(fs, de->inode, &ip) != 0)
        return EXT2_DT_UNKNOWN;
    return (uint8_t)(ext2_type(ip) >> 12);
}

/* Resuming at any *pos is safe: the walk starts at the beginning of the
 * block and skips the records before *pos. */
int ext2_readdir(struct ext2 *fs, uint32_t dir, uint64_t *pos,
                 struct ext2_dirent *out)
{
    struct ext2_inode *dp;
    struct ext2_dir_entry *de;
    struct dir_walk w;
    int r = ext2_inode_typed(fs, dir, EXT2_S_IFDIR, &dp);

    if (r == 0)
        r = walk_start(fs, dp, *pos, &w);
    while (r == 0 && (r = walk_next(fs, &w, &de)) > 0) {
        uint64_t at = ((uint64_t)w.fblock << fs->block_shift) + w.off;

        r = 0;
        if (at < *pos || de->inode == 0)
            continue;
        out->ino = de->inode;
        out->type = entry_type(fs, de);
        out->name_len = de->name_len;
        memcpy(out->name, de->name, de->name_len);
        out->name[de->name_len] = '\0';
        *pos = at + de->rec_len;
        return 1;
    }
    return r;
}

/* The file_type byte of a record for an inode of this mode. */
static uint8_t mode_ftype(uint32_t mode)
{
    switch (mode & EXT2_S_IFMT) {
    case EXT2_S_IFREG: return EXT2_FT_REG_FILE;
    case EXT2_S_IFDIR: return EXT2_FT_DIR;
    case EXT2_S_IFCHR: return EXT2_FT_CHRDEV;
    case EXT2_S_IFBLK: return EXT2_FT_BLKDEV;
    case EXT2_S_IFIFO: return EXT2_FT_FIFO;
    case EXT2_S_IFSOCK: return EXT2_FT_SOCK;
    case EXT2_S_IFLNK: return EXT2_FT_SYMLINK;
    default: return EXT2_FT_UNKNOWN;
    }
}

/* Writes a record for `name` into the record at `off`, whose first `used`
 * bytes stay with the name already there (0: the record is unused); the
 * new record takes the rest. */
static void place_record(struct ext2 *fs, uint8_t *block, uint32_t off,
                         uint32_t used, const char *name, size_t len,
                         uint32_t ino, uint32_t mode)
{
    struct ext2_dir_entry *de = (struct ext2_dir_entry *)(block + off);

    if (used != 0) {
        struct ext2_dir_entry *fresh = (struct ext2_dir_entry *)(block + off + used);

        fresh->rec_len = (uint16_t)(de->rec_len - used);
        de->rec_len = (uint16_t)used;
        de = fresh;
    }
    de->inode = ino;
    de->name_len = (uint8_t)len;
    de->file_type = fs->filetype ? mode_ftype(mode) : 0;
    memcpy(de->name, name, len);
    memset(de->name + len, 0, EXT2_DIR_REC_LEN(len) - EXT2_DIR_HEADER - len);
}

/* A directory changed: new times, and a hashed index (which Cowix does
 * not maintain) is dropped; the records themselves stay valid. */
static void dir_changed(struct ext2 *fs, struct ext2_inode *dir)
{
    dir->i_mtime = dir->i_ctime = fs->now;
    dir->i_flags &= ~(uint32_t)EXT2_INDEX_FL;
}

/* Adds a block to a directory, holding one unused record. */
static int append_block(struct ext2 *fs, uint32_t dir_ino,
                        struct ext2_inode *dir, uint8_t **block)
{
    struct ext2_dir_entry *de;
    uint32_t blk;
    int err;

    if (dir->i_size > UINT32_MAX - fs->block_size)
        return -EFBIG;
    err = ext2_map_alloc(fs, dir_ino, dir, dir->i_size >> fs->block_shift, &blk);
    if (err)
        return err;
    *block = ext2_block(fs, blk);
    de = (struct ext2_dir_entry *)*block;
    de->inode = 0;
    de->rec_len = (uint16_t)fs->block_size;
    de->name_len = 0;
    de->file_type = 0;
    dir->i_size += fs->block_size;
    return 0;
}

/* Puts the name in the first record with enough slack, or in a new block. */
int ext2_dir_add(struct ext2 *fs, uint32_t dir_ino, struct ext2_inode *dir,
                 const char *name, size_t len, uint32_t ino, uint32_t mode)
{
    uint32_t need = EXT2_DIR_REC_LEN(len);
    struct ext2_dir_entry *de;
    struct dir_walk w;
    uint8_t *block;
    int r = walk_start(fs, dir, 0, &w);

    while (r == 0 && (r = walk_next(fs, &w, &de)) > 0) {
        uint32_t used = de->inode ? EXT2_DIR_REC_LEN(de->name_len) : 0;

        r = 0;
        if (de->rec_len - used >= need) {
            place_record(fs, w.block, w.off, used, name, len, ino, mode);
            dir_changed(fs, dir);
            return 0;
        }
    }
    if (r < 0)
        return r;
    r = append_block(fs, dir_ino, dir, &block);
    if (r)
        return r;
    place_record(fs, block, 0, 0, name, len, ino, mode);
    dir_changed(fs, dir);
    return 0;
}

void ext2_dir_remove(struct ext2 *fs, struct ext2_inode *dir,
                     const struct ext2_dir_slot *slot)
{
    struct ext2_dir_entry *de = ext2_slot_entry(slot);

    if (slot->prev != EXT2_NO_PREV) {
        struct ext2_dir_entry *prev = (struct ext2_dir_entry *)(slot->block + slot->prev);

        prev->rec_len = (uint16_t)(prev->rec_len + de->rec_len);
    }
    de->inode = 0;
    dir_changed(fs, dir);
}

/* Makes an existing name refer to another inode (rename over a target,
 * and ".." of a directory that moves). */
void ext2_dir_retarget(struct ext2 *fs, struct ext2_inode *dir,
                       const struct ext2_dir_slot *slot, uint32_t ino,
                       uint32_t mode)
{
    struct ext2_dir_entry *de = ext2_slot_entry(slot);

    de->inode = ino;
    de->file_type = fs->filetype ? mode_ftype(mode) : 0;
    dir_changed(fs, dir);
}

/* 1 if the directory holds nothing but "." and "..", 0 if it holds more. */
int ext2_dir_is_empty(struct ext2 *fs, uint32_t dir_ino,
                      const struct ext2_inode *dir)
{
    struct ext2_dir_entry *de;
    struct dir_walk w;
    int r = walk_start(fs, dir, 0, &w);

    while (r == 0 && (r = walk_next(fs, &w, &de)) > 0) {
        r = 0;
        if (de->inode == 0 || (same_name(de, ".", 1) && de->inode == dir_ino) ||
            same_name(de, "..", 2))
            continue;
        return 0;
    }
    return r < 0 ? r : 1;
}

/* The first block of a new directory: "." and "..". */
int ext2_dir_init(struct ext2 *fs, uint32_t ino, struct ext2_inode *ip,
                  uint32_t parent)
{
    uint8_t *block;
    int err = append_block(fs, ino, ip, &block);

    if (err)
        return err;
    place_record(fs, block, 0, 0, ".", 1, ino, EXT2_S_IFDIR);
    place_record(fs, block, 0, EXT2_DIR_REC_LEN(1), "..", 2, parent, EXT2_S_IFDIR);
    return 0;
}

/* Walks up through ".." until the root, at most once per inode (more
 * would mean a loop in a corrupt image). */
int ext2_is_ancestor(struct ext2 *fs, uint32_t ancestor, uint32_t dir)
{
    for (uint32_t steps = 0; steps < fs->inodes_count; steps++) {
        struct ext2_inode *dp;
        struct ext2_dir_slot slot;
        uint32_t parent;
        int err;

        if (dir == ancestor)
            return 1;
        if (dir == EXT2_ROOT_INO)
            return 0;
        err = ext2_inode_typed(fs, dir, EXT2_S_IFDIR, &dp);
        if (!err)
            err = ext2_dir_find(fs, dp, "..", 2, &slot);
        if (err)
            return -EIO;
        parent = ext2_slot_entry(&slot)->inode;
        if (parent == dir)
            return -EIO;
        dir = parent;
    }
    return -EIO;
}
