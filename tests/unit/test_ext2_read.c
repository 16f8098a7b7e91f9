/*
 * ext2 reading.  Images made by genext2fs, mke2fs (revisions 0 and 1),
 * resize2fs and debugfs, with 1, 2 and 4 KiB blocks, with and without the
 * filetype feature, are walked whole with our code and compared byte for
 * byte with what debugfs reads from them: every listing, every file, every
 * symlink and device number.
 */
#include "tests/unit/ext2_testlib.h"

/* A name of the longest length allowed, 255 bytes. */
static const char *long_name(void)
{
    static char name[EXT2_NAME_MAX + 1];

    for (int i = 0; i < EXT2_NAME_MAX; i++)
        name[i] = (char)('A' + i % 26);
    return name;
}

/* A symlink target of exactly `len` bytes. */
static void make_symlink(const char *dir, const char *name, size_t len)
{
    char target[4096], path[PATH_LEN + 64];

    for (size_t i = 0; i < len; i++)
        target[i] = (char)('a' + i % 26);
    target[len] = '\0';
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (symlink(target, path) != 0)
        perror(path);
}

/*
 * The source tree for images of block size bs: files on both sides of the
 * direct/indirect boundaries, a 70 KB file, a directory of 300 names
 * (several blocks), deep directories, fast and slow symlinks, a hard link,
 * and (with `nodes`, which needs root) device nodes and a FIFO.
 */
static void make_tree(const char *dir, uint32_t bs, bool nodes)
{
    uint32_t p = bs / 4;
    const struct {
        const char *name;
        size_t size;
    } files[] = {
        {"empty", 0}, {"tiny", 1}, {"small", 100}, {"oneblock", bs},
        {"direct_full", 12 * bs}, {"direct_plus", 12 * bs + 1},
        {"ind_full", (12 + p) * (size_t)bs}, {"ind_plus", (12 + p) * (size_t)bs + 7},
        {"k70", 70000}, {"a/b/c/d/deep", 5000},
    };
    char path[PATH_LEN + 300];

    sh("rm -rf '%s' && mkdir -p '%s/many' '%s/a/b/c/d' '%s/emptydir'", dir, dir,
       dir, dir);
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        make_pattern_file(path, files[i].size, (uint32_t)i);
    }
    for (int i = 0; i < 300; i++) {
        snprintf(path, sizeof path, "%s/many/f%03d_%.*s", dir, i, i % 60,
                 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        make_pattern_file(path, (size_t)i, (uint32_t)i);
    }
    snprintf(path, sizeof path, "%s/many/%s", dir, long_name());
    make_pattern_file(path, 10, 7);
    make_symlink(dir, "fast59", 59);
    make_symlink(dir, "slow60", 60);
    make_symlink(dir, "slow300", 300);
    sh("ln -s a/b/c/d/deep '%s/rel' && ln '%s/tiny' '%s/hard_tiny'", dir, dir, dir);
    if (nodes && geteuid() == 0)
        sh("mknod '%s/null' c 1 3 && mknod '%s/sda1' b 8 1 && "
           "mknod '%s/bigdev' c 300 70000 && mkfifo '%s/fifo'", dir, dir, dir, dir);
}

/* Device nodes for genext2fs come from a table, no root needed (it only
 * knows 8-bit numbers). */
static void make_device_table(const char *path)
{
    const char *table = "/null c 666 0 0 1 3 - - -\n"
                        "/sda1 b 660 0 6 8 1 - - -\n"
                        "/tty1 c 620 0 5 4 1 - - -\n";

    write_host_file(path, table, strlen(table));
}

/* Builds a genext2fs image of the tree with block size bs, loads it and
 * compares it whole with debugfs. */
static int genext2fs_round_trip(uint32_t bs, struct image *im)
{
    char src[PATH_LEN], img[PATH_LEN], table[PATH_LEN];
    int bad;

    scratch(src, "src%u", bs);
    scratch(img, "gen%u.img", bs);
    scratch(table, "devices");
    make_tree(src, bs, false);
    make_device_table(table);
    if (sh("genext2fs -B %u -N 1024 -b %u -d '%s' -D '%s' '%s' >/dev/null 2>&1", bs,
           16 * 1024 * 1024 / bs, src, table, img) != 0)
        return -100;
    if (image_load(im, img) != 0)
        return -101;
    bad = compare_tree(im);
    return bad;
}

TEST(genext2fs_1k_blocks_no_filetype)
{
    struct image im;
    int bad = genext2fs_round_trip(1024, &im);

    CHECK_EQ(bad, 0);
    CHECK(!im.fs.filetype);
    CHECK_EQ(im.fs.block_size, 1024);
    image_free(&im);
}

TEST(genext2fs_2k_blocks)
{
    struct image im;
    int bad = genext2fs_round_trip(2048, &im);

    CHECK_EQ(bad, 0);
    CHECK_EQ(im.fs.block_size, 2048);
    image_free(&im);
}

TEST(genext2fs_4k_blocks)
{
    struct image im;
    int bad = genext2fs_round_trip(4096, &im);

    CHECK_EQ(bad, 0);
    CHECK_EQ(im.fs.block_size, 4096);
    image_free(&im);
}

/* mke2fs -d: filetype, sparse superblocks, 256-byte inodes, several groups
 * (the big files spill into the later ones), real device nodes. */
static int mke2fs_round_trip(const char *options, const char *size,
                             uint32_t bs, struct image *im)
{
    char src[PATH_LEN], img[PATH_LEN];

    scratch(src, "msrc%u", bs);
    scratch(img, "mke2fs%u.img", bs);
    make_tree(src, bs, true);
    sh("rm -f '%s'", img);
    if (sh("mke2fs -q -F -t ext2 -b %u %s -d '%s' '%s' %s >/dev/null 2>&1", bs,
           options, src, img, size) != 0)
        return -100;
    if (image_load(im, img) != 0)
        return -101;
    return compare_tree(im);
}

TEST(mke2fs_1k_blocks_three_groups)
{
    struct image im;
    int bad = mke2fs_round_trip("-N 2048", "24M", 1024, &im);

    CHECK_EQ(bad, 0);
    CHECK(im.fs.filetype);
    CHECK(im.fs.sparse_super);
    CHECK_EQ(im.fs.group_count, 3);
    CHECK_EQ(im.fs.inode_size, 256);
    image_free(&im);
}

TEST(mke2fs_4k_blocks_many_groups)
{
    struct image im;
    /* 1024 blocks per group: 16 groups of 4 MiB. */
    int bad = mke2fs_round_trip("-g 1024 -N 4096", "64M", 4096, &im);

    CHECK_EQ(bad, 0);
    CHECK_EQ(im.fs.group_count, 16);
    image_free(&im);
}

TEST(mke2fs_revision_0)
{
    struct image im;
    int bad = mke2fs_round_trip("-r 0", "16M", 1024, &im);

    CHECK_EQ(bad, 0);
    CHECK_EQ(im.fs.sb->s_rev_level, 0);
    CHECK_EQ(im.fs.inode_size, 128);
    CHECK(!im.fs.filetype);
    image_free(&im);
}

/* 1 KiB blocks: 12 direct + 256 single + 65536 double indirect blocks,
 * then a few through the triple indirect block, every byte compared. */
TEST(file_past_the_double_indirect_boundary)
{
    char src[PATH_LEN], img[PATH_LEN], path[PATH_LEN + 16];
    uint32_t ino, blk, ind;
    struct image im;

    scratch(src, "bigsrc");
    scratch(img, "big.img");
    sh("rm -rf '%s' && mkdir '%s'", src, src);
    snprintf(path, sizeof path, "%s/big", src);
    make_pattern_file(path, (12 + 256 + 65536 + 3) * 1024u + 100, 42);
    CHECK_EQ(sh("genext2fs -B 1024 -N 64 -b 72000 -d '%s' '%s' >/dev/null 2>&1", src,
                img), 0);
    CHECK_EQ(image_load(&im, img), 0);
    CHECK_EQ(compare_tree(&im), 0);
    ino = lookup_path(&im.fs, "/big");
    CHECK(ino != 0);
    CHECK_EQ(ext2_bmap(&im.fs, ino, 12 + 256 + 65536 + 3, &blk), 0);
    CHECK(blk != 0);
    CHECK_EQ(ext2_bmap(&im.fs, ino, 12 + 256 + 65536 + 4, &blk), 0);
    CHECK_EQ(blk, 0);               /* past the end: not mapped */
    struct ext2_inode *ip;
    CHECK_EQ(ext2_inode(&im.fs, ino, &ip), 0);
    ind = ip->i_block[EXT2_TIND_BLOCK];
    CHECK(ind != 0);
    image_free(&im);
}

/* A sparse file: holes read as zeros and take no blocks, data through the
 * triple indirect block of a 1 KiB-block image. */
TEST(sparse_file_through_the_triple_indirect_block)
{
    char src[PATH_LEN], img[PATH_LEN];
    const uint64_t offsets[] = {0, 5000, 12 * 1024, 300000, 67383296, 90000000};
    struct image im;
    uint32_t ino;
    uint8_t buf[64];

    scratch(src, "sparsesrc");
    scratch(img, "sparse.img");
    sh("rm -rf '%s' && mkdir '%s' && truncate -s 100000000 '%s/sparse'", src, src, src);
    for (size_t i = 0; i < sizeof offsets / sizeof offsets[0]; i++)
        sh("printf 'data-%zu' | dd of='%s/sparse' bs=1 seek=%llu conv=notrunc "
           "2>/dev/null", i, src, (unsigned long long)offsets[i]);
    sh("rm -f '%s'", img);
    CHECK_EQ(sh("mke2fs -q -F -t ext2 -b 1024 -d '%s' '%s' 4M >/dev/null 2>&1", src,
                img), 0);
    CHECK_EQ(image_load(&im, img), 0);
    CHECK_EQ(compare_tree(&im), 0);
    ino = lookup_path(&im.fs, "/sparse");
    CHECK_EQ(ext2_read(&im.fs, ino, 67383296, buf, 6, NULL), 6);
    CHECK(memcmp(buf, "data-4", 6) == 0);
    CHECK_EQ(ext2_read(&im.fs, ino, 67383296 - 10, buf, 16, NULL), 16);
    CHECK(memcmp(buf, "\0\0\0\0\0\0\0\0\0\0data-4", 16) == 0);
    image_free(&im);
}

/* An image grown with resize2fs and then written by debugfs -w. */
TEST(resized_image_written_by_debugfs)
{
    char src[PATH_LEN], img[PATH_LEN], big[PATH_LEN], cmds[4 * PATH_LEN];
    struct image im;
    char *out;

    scratch(src, "rsrc");
    scratch(img, "resized.img");
    scratch(big, "resize-big");
    make_tree(src, 1024, false);
    make_pattern_file(big, 3000000, 9);
    sh("rm -f '%s'", img);
    CHECK_EQ(sh("mke2fs -q -F -t ext2 -b 1024 -d '%s' '%s' 8M >/dev/null 2>&1", src,
                img), 0);
    CHECK_EQ(sh("resize2fs '%s' 40M >/dev/null 2>&1", img), 0);
    snprintf(cmds, sizeof cmds,
             "mkdir /added\ncd /added\nwrite %s big\nsymlink link /tiny\n"
             "mknod ttyS0 c 4 64\nmknod pipe p\nwrite %s big2\ncd /\nrm k70\n",
             big, big);
    out = capture(NULL, "printf '%s' | debugfs -w -f - '%s' 2>&1", cmds, img);
    free(out);
    CHECK_EQ(image_load(&im, img), 0);
    CHECK(im.fs.group_count >= 5);
    CHECK_EQ(fsck(&im), 0);
    CHECK(lookup_path(&im.fs, "/added/big2") != 0);
    CHECK_EQ(lookup_path(&im.fs, "/k70"), 0);
    CHECK_EQ(compare_tree_stats(&im, 1000), 0);
    image_free(&im);
}

/* A small image of the standard tree (1 KiB blocks, filetype), loaded. */
static int small_image(struct image *im, const char *name)
{
    char src[PATH_LEN], img[PATH_LEN];

    scratch(src, "smallsrc");
    scratch(img, "%s.img", name);
    make_tree(src, 1024, false);
    sh("rm -f '%s'", img);
    if (sh("mke2fs -q -F -t ext2 -b 1024 -d '%s' '%s' 8M >/dev/null 2>&1", src, img) != 0)
        return -1;
    return image_load(im, img);
}

/* getdents64 may resume at any offset: from position p we get the first
 * entry that starts at or after p.  In a fresh directory the records are
 * contiguous, so entry k+1 starts where entry k ends. */
TEST(readdir_resumes_at_any_position)
{
    static struct ext2_dirent all[400];
    uint64_t ends[400], pos = 0;
    struct ext2_dirent de;
    struct ext2_stat st;
    struct image im;
    uint32_t dir;
    int n = 0, r;

    CHECK_EQ(small_image(&im, "resume"), 0);
    dir = lookup_path(&im.fs, "/many");
    CHECK_EQ(ext2_stat(&im.fs, dir, &st), 0);
    CHECK(st.size >= 4 * 1024);     /* several blocks */
    while (n < 400 && (r = ext2_readdir(&im.fs, dir, &pos, &all[n])) == 1)
        ends[n++] = pos;
    CHECK_EQ(n, 303);               /* ., .., 300 files and the long name */
    CHECK_EQ(ends[n - 1], st.size);
    for (uint64_t p = 0; p <= st.size + 8; p += 4) {
        int k = 0;
        uint64_t q = p;

        while (k < n && (k == 0 ? 0 : ends[k - 1]) < p)
            k++;                    /* entries starting before p are skipped */
        r = ext2_readdir(&im.fs, dir, &q, &de);
        if (k == n) {
            CHECK_EQ(r, 0);
            continue;
        }
        CHECK_EQ(r, 1);
        CHECK_STR(de.name, all[k].name);
        CHECK_EQ(q, ends[k]);
    }
    image_free(&im);
}

/* Reads at odd offsets and lengths match the source file. */
TEST(partial_reads_match_the_source)
{
    char path[PATH_LEN];
    uint8_t *src, buf[9000];
    size_t len;
    struct image im;
    uint32_t ino;

    CHECK_EQ(small_image(&im, "partial"), 0);
    src = read_host_file(scratch(path, "smallsrc/k70"), &len);
    CHECK(src && len == 70000);
    ino = lookup_path(&im.fs, "/k70");
    srand(1);
    for (int i = 0; i < 500; i++) {
        uint64_t off = (uint64_t)rand() % 71000;
        size_t n = (size_t)rand() % sizeof buf;
        size_t want = off >= len ? 0 : len - off < n ? len - off : n;

        CHECK_EQ(ext2_read(&im.fs, ino, off, buf, n, NULL), (long)want);
        CHECK(memcmp(buf, src + (off < len ? off : 0), want) == 0);
    }
    CHECK_EQ(ext2_read(&im.fs, ino, len - 1, buf, 10, NULL), 1);
    CHECK_EQ(buf[0], src[len - 1]);
    CHECK_EQ(ext2_read(&im.fs, ino, (uint64_t)1 << 40, buf, 10, NULL), 0);
    free(src);
    image_free(&im);
}

static int fail_copy(void *dst, const void *src, size_t n)
{
    (void)dst, (void)src, (void)n;
    return -EFAULT;
}

/* The errors Linux gives for the wrong kind of file or name. */
TEST(errors_for_wrong_types_and_names)
{
    struct image im;
    uint32_t ino, blk;
    uint64_t pos = 0;
    struct ext2_dirent de;
    const char *target;
    size_t len;
    char name[300];
    uint8_t buf[16];

    CHECK_EQ(small_image(&im, "errors"), 0);
    struct ext2 *fs = &im.fs;
    uint32_t file = lookup_path(fs, "/tiny"), fast = lookup_path(fs, "/fast59");
    CHECK(file && fast);
    CHECK_EQ(ext2_lookup(fs, EXT2_ROOT_INO, "nope", 4, &ino), -ENOENT);
    CHECK_EQ(ext2_lookup(fs, EXT2_ROOT_INO, "tin", 3, &ino), -ENOENT);
    CHECK_EQ(ext2_lookup(fs, EXT2_ROOT_INO, "tiny", 4, &ino), 0);
    CHECK_EQ(ino, file);
    CHECK_EQ(ext2_lookup(fs, file, "x", 1, &ino), -ENOTDIR);
    memset(name, 'a', sizeof name);
    CHECK_EQ(ext2_lookup(fs, EXT2_ROOT_INO, name, 256, &ino), -ENAMETOOLONG);
    CHECK_EQ(ext2_lookup(fs, lookup_path(fs, "/many"), long_name(), 255, &ino), 0);
    CHECK_EQ(ext2_readdir(fs, file, &pos, &de), -ENOTDIR);
    CHECK_EQ(ext2_read(fs, EXT2_ROOT_INO, 0, buf, 1, NULL), -EISDIR);
    CHECK_EQ(ext2_read(fs, fast, 0, buf, 1, NULL), -EINVAL);
    CHECK_EQ(ext2_read(fs, file, 0, buf, 1, fail_copy), -EFAULT);
    CHECK_EQ(ext2_readlink(fs, file, &target, &len), -EINVAL);
    CHECK_EQ(ext2_readlink(fs, fast, &target, &len), 0);
    CHECK_EQ(len, 59);
    CHECK_EQ(ext2_bmap(fs, fast, 0, &blk), -EINVAL);   /* no block map */
    CHECK_EQ(ext2_stat(fs, 0, &(struct ext2_stat){0}), -EIO);
    CHECK_EQ(ext2_stat(fs, fs->inodes_count + 1, &(struct ext2_stat){0}), -EIO);
    image_free(&im);
}

/* Images that are not ext2, or not one we can use, are refused. */
TEST(mount_refuses_what_it_cannot_use)
{
    struct image im;
    struct ext2 fs;
    struct ext2_super *sb;

    CHECK_EQ(small_image(&im, "refuse"), 0);
    sb = im.fs.sb;
    CHECK_EQ(ext2_mount(&fs, im.data, 1024), -EINVAL);          /* too small */
    CHECK_EQ(ext2_mount(&fs, im.data + 1, im.size - 4), -EINVAL); /* misaligned */
    CHECK_EQ(ext2_mount(&fs, im.data, im.size - 4096), -EINVAL); /* cut short */
    sb->s_magic ^= 1;
    CHECK_EQ(ext2_mount(&fs, im.data, im.size), -EINVAL);
    sb->s_magic ^= 1;
    sb->s_log_block_size = 3;
    CHECK_EQ(ext2_mount(&fs, im.data, im.size), -EINVAL);
    sb->s_log_block_size = 0;
    sb->s_feature_incompat |= 0x40;                            /* extents */
    CHECK_EQ(ext2_mount(&fs, im.data, im.size), -EINVAL);
    sb->s_feature_incompat &= ~0x40u;
    sb->s_blocks_per_group = 0;
    CHECK_EQ(ext2_mount(&fs, im.data, im.size), -EINVAL);
    sb->s_blocks_per_group = 8192;
    sb->s_feature_ro_compat |= 0x400;                          /* unknown */
    CHECK_EQ(ext2_mount(&fs, im.data, im.size), 0);
    CHECK(fs.readonly);
    CHECK_EQ(ext2_write(&fs, lookup_path(&fs, "/tiny"), 0, "x", 1, NULL), -EROFS);
    CHECK_EQ(ext2_unlink(&fs, EXT2_ROOT_INO, "tiny", 4, NULL), -EROFS);
    sb->s_feature_ro_compat &= ~0x400u;
    CHECK_EQ(ext2_mount(&fs, im.data, im.size), 0);
    CHECK(!fs.readonly);
    image_free(&im);
}

/* Targeted corruption gives -EIO for the file or directory concerned, and
 * the rest of the tree still reads. */
TEST(corruption_gives_eio)
{
    struct image im;
    struct ext2_inode *ip;
    struct ext2_dirent de;
    uint64_t pos;
    uint8_t buf[100];
    const char *target;
    size_t len;
    uint32_t ino;

    CHECK_EQ(small_image(&im, "corrupt"), 0);
    struct ext2 *fs = &im.fs;
    uint32_t dir = lookup_path(fs, "/a/b"), file = lookup_path(fs, "/k70");
    uint32_t slow = lookup_path(fs, "/slow300"), fast = lookup_path(fs, "/fast59");
    uint32_t ind = lookup_path(fs, "/ind_plus");

    /* A directory record with rec_len 0. */
    CHECK_EQ(ext2_inode(fs, dir, &ip), 0);
    struct ext2_dir_entry *rec = (struct ext2_dir_entry *)ext2_block(fs, ip->i_block[0]);
    rec->rec_len = 0;
    pos = 0;
    CHECK_EQ(ext2_readdir(fs, dir, &pos, &de), -EIO);
    CHECK_EQ(ext2_lookup(fs, dir, "c", 1, &ino), -EIO);
    rec->rec_len = 12;
    /* A record that runs past the block. */
    struct ext2_dir_entry *dotdot = (struct ext2_dir_entry *)((uint8_t *)rec + 12);
    uint16_t saved = dotdot->rec_len;
    dotdot->rec_len = (uint16_t)(saved + 4);
    CHECK_EQ(ext2_lookup(fs, dir, "c", 1, &ino), -EIO);
    dotdot->rec_len = saved;
    CHECK_EQ(ext2_lookup(fs, dir, "c", 1, &ino), 0);
    /* A name that points past the inode table. */
    dotdot->inode = fs->inodes_count + 1;
    pos = 0;
    CHECK_EQ(ext2_readdir(fs, dir, &pos, &de), 1);   /* "." is still fine */
    CHECK_EQ(ext2_readdir(fs, dir, &pos, &de), -EIO);
    dotdot->inode = lookup_path(fs, "/a");
    /* A data block number past the end, and one inside the superblock. */
    CHECK_EQ(ext2_inode(fs, file, &ip), 0);
    ip->i_block[3] = fs->blocks_count;
    CHECK_EQ(ext2_read(fs, file, 0, buf, 100, NULL), 100);     /* block 0 fine */
    CHECK_EQ(ext2_read(fs, file, 3 * 1024, buf, 100, NULL), -EIO);
    ip->i_block[3] = 1;
    CHECK_EQ(ext2_read(fs, file, 3 * 1024, buf, 100, NULL), -EIO);
    /* An indirect block number past the end. */
    CHECK_EQ(ext2_inode(fs, ind, &ip), 0);
    ip->i_block[EXT2_IND_BLOCK] = 0xfffffff0u;
    CHECK_EQ(ext2_read(fs, ind, 12 * 1024, buf, 100, NULL), -EIO);
    /* Symlinks longer than their storage. */
    CHECK_EQ(ext2_inode(fs, fast, &ip), 0);
    ip->i_size = 60;
    CHECK_EQ(ext2_readlink(fs, fast, &target, &len), -EIO);
    CHECK_EQ(ext2_inode(fs, slow, &ip), 0);
    ip->i_size = 1024;
    CHECK_EQ(ext2_readlink(fs, slow, &target, &len), -EIO);
    /* A file size the block map cannot hold. */
    CHECK_EQ(ext2_inode(fs, file, &ip), 0);
    ip->i_size_high = 0xffffffffu;
    CHECK_EQ(ext2_read(fs, file, 0, buf, 1, NULL), -EIO);
    /* A group whose inode table lies past the end. */
    ext2_group(fs, 0)->bg_inode_table = fs->blocks_count - 1;
    CHECK_EQ(ext2_stat(fs, EXT2_ROOT_INO, &(struct ext2_stat){0}), -EIO);
    image_free(&im);
}

/* statfs counts as dumpe2fs shows: data blocks are all blocks but the
 * superblock copies, descriptor tables, bitmaps and inode tables. */
TEST(statfs_matches_dumpe2fs)
{
    struct image im;
    struct ext2_statfs st;
    char *out, *line, *save = NULL;
    unsigned long total = 0, free_blocks = 0, inodes = 0, free_inodes = 0;
    unsigned long first = 0, overhead = 0, a, b;

    CHECK_EQ(small_image(&im, "statfs"), 0);
    image_save(&im);
    out = capture(NULL, "dumpe2fs '%s' 2>/dev/null", im.path);
    for (line = strtok_r(out, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        char *p;

        sscanf(line, "Block count: %lu", &total);
        sscanf(line, "Free blocks: %lu", &free_blocks);
        sscanf(line, "Inode count: %lu", &inodes);
        sscanf(line, "Free inodes: %lu", &free_inodes);
        sscanf(line, "First block: %lu", &first);
        if (strstr(line, "superblock at"))
            overhead++;
        if ((p = strstr(line, "Group descriptors at ")) &&
            sscanf(p, "Group descriptors at %lu-%lu", &a, &b) == 2)
            overhead += b - a + 1;
        if (strstr(line, "Block bitmap at") || strstr(line, "Inode bitmap at"))
            overhead++;
        if ((p = strstr(line, "Inode table at ")) &&
            sscanf(p, "Inode table at %lu-%lu", &a, &b) == 2)
            overhead += b - a + 1;
    }
    free(out);
    ext2_statfs(&im.fs, &st);
    CHECK(overhead > 0);
    CHECK_EQ(st.block_size, 1024);
    CHECK_EQ(st.blocks, total - first - overhead);
    CHECK_EQ(st.free_blocks, free_blocks);
    CHECK_EQ(st.inodes, inodes);
    CHECK_EQ(st.free_inodes, free_inodes);
    CHECK_EQ(st.name_max, 255);
    image_free(&im);
}
