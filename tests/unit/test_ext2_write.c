/*
 * ext2 writing.  Every sequence of operations runs on an image made by
 * mke2fs or genext2fs and, at the same time, on a directory of the host
 * (real Linux system calls): the error codes must be the same, e2fsck must
 * find the image clean, and the image (read by debugfs and by our code)
 * must hold exactly what the host directory holds.
 */
#include "tests/unit/ext2_testlib.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>

#define NOW 1700000000u

static const struct ext2_new_inode file_attr = {EXT2_S_IFREG | 0644, 1000, 100, 0, 0};
static const struct ext2_new_inode dir_attr = {0755, 1000, 100, 0, 0};

/* An empty file system (just lost+found) made by mke2fs `options`. */
static int fresh_image(struct image *im, const char *name, const char *options,
                       const char *size)
{
    char img[PATH_LEN];

    scratch(img, "%s.img", name);
    sh("rm -f '%s'", img);
    if (sh("mke2fs -q -F -t ext2 %s '%s' %s >/dev/null 2>&1", options, img, size) != 0)
        return -1;
    if (image_load(im, img) != 0)
        return -1;
    im->fs.now = NOW;
    return 0;
}

/* The same from genext2fs: revision 1 without the filetype feature. */
static int fresh_genext2fs(struct image *im, const char *name, uint32_t bs,
                           uint32_t blocks)
{
    char img[PATH_LEN], src[PATH_LEN];

    scratch(img, "%s.img", name);
    scratch(src, "%s-empty", name);
    sh("rm -rf '%s' && mkdir '%s'", src, src);
    if (sh("genext2fs -B %u -N 256 -b %u -d '%s' '%s' >/dev/null 2>&1", bs, blocks,
           src, img) != 0 || image_load(im, img) != 0)
        return -1;
    im->fs.now = NOW;
    return 0;
}

/* Result of a host system call in our convention: 0 or -errno. */
static int host(int rc)
{
    return rc < 0 ? -errno : 0;
}

/* Free counts of the superblock and of every group descriptor. */
struct counts {
    uint32_t blocks, inodes;
    uint16_t group[64][3];
};

static void get_counts(struct ext2 *fs, struct counts *c)
{
    memset(c, 0, sizeof *c);
    c->blocks = fs->sb->s_free_blocks_count;
    c->inodes = fs->sb->s_free_inodes_count;
    for (uint32_t g = 0; g < fs->group_count && g < 64; g++) {
        c->group[g][0] = ext2_group(fs, g)->bg_free_blocks_count;
        c->group[g][1] = ext2_group(fs, g)->bg_free_inodes_count;
        c->group[g][2] = ext2_group(fs, g)->bg_used_dirs_count;
    }
}

/* ---- The mirror: a host directory that sees the same operations ------- */

struct mirror {
    struct image *im;
    struct counts initial;
    char root[PATH_LEN];
    uint32_t seed;
};

static void mirror_path(const struct mirror *m, char *out, const char *path)
{
    snprintf(out, 2 * PATH_LEN, "%.*s%s", PATH_LEN - 1, m->root, path);
}

/* Our image and the host tree hold the same names, types, link counts,
 * file contents and symlink targets, directory by directory. */
static int compare_with_host(struct mirror *m, const char *path, uint32_t dir)
{
    char hostdir[2 * PATH_LEN];
    struct ext2_dirent de;
    uint64_t pos = 0;
    int bad = 0, ours = 0, theirs = 0, subdirs = 0;
    struct dirent *e;
    DIR *d;

    while (ext2_readdir(&m->im->fs, dir, &pos, &de) == 1) {
        char child[PATH_LEN], hostchild[2 * PATH_LEN];
        struct ext2_stat st;
        struct stat hs;

        if (!strcmp(de.name, ".") || !strcmp(de.name, ".."))
            continue;
        ours++;
        snprintf(child, sizeof child, "%s/%s", path, de.name);
        mirror_path(m, hostchild, child);
        ext2_stat(&m->im->fs, de.ino, &st);
        if (lstat(hostchild, &hs) != 0 || hs.st_mode != st.mode ||
            (!S_ISDIR(hs.st_mode) && hs.st_nlink != st.nlink) ||
            (!S_ISDIR(hs.st_mode) && (uint64_t)hs.st_size != st.size)) {
            printf("# %s: mode %o links %u size %llu differ from the host's\n", child,
                   st.mode, st.nlink, (unsigned long long)st.size);
            bad++;
            continue;
        }
        if (S_ISDIR(hs.st_mode)) {
            subdirs++;
            bad += compare_with_host(m, child, de.ino);
        } else if (S_ISREG(hs.st_mode)) {
            size_t a, b;
            uint8_t *x = read_whole(&m->im->fs, de.ino, &a);
            uint8_t *y = read_host_file(hostchild, &b);

            if (!x || !y || a != b || memcmp(x, y, a) != 0) {
                printf("# %s: contents differ from the host's\n", child);
                bad++;
            }
            free(x);
            free(y);
        } else if (S_ISLNK(hs.st_mode)) {
            char link[4096];
            const char *target;
            size_t len;
            ssize_t n = readlink(hostchild, link, sizeof link);

            if (ext2_readlink(&m->im->fs, de.ino, &target, &len) != 0 ||
                (ssize_t)len != n || memcmp(target, link, len) != 0) {
                printf("# %s: symlink target differs\n", child);
                bad++;
            }
        }
    }
    struct ext2_stat dst;
    ext2_stat(&m->im->fs, dir, &dst);
    if (dst.nlink != 2u + (unsigned)subdirs) {
        printf("# %s: %u links for %d subdirectories\n", path, dst.nlink, subdirs);
        bad++;
    }
    mirror_path(m, hostdir, path);
    d = opendir(hostdir);
    while (d && (e = readdir(d)))
        theirs += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    if (d)
        closedir(d);
    if (ours != theirs) {
        printf("# %s: %d names, the host has %d\n", path, ours, theirs);
        bad++;
    }
    return bad;
}

/* The whole check after a step: e2fsck clean, debugfs reads what we read,
 * and that is what the host holds. */
static int check_all(struct mirror *m)
{
    int bad = fsck(m->im) != 0;

    bad += compare_tree_stats(m->im, 0);
    bad += compare_with_host(m, "", EXT2_ROOT_INO);
    return bad;
}

static uint32_t rnd(struct mirror *m, uint32_t n)
{
    m->seed = m->seed * 1103515245u + 12345u;
    return (m->seed >> 8) % n;
}

/* All directories of our image, as paths ("" is the root). */
static int list_dirs(struct ext2 *fs, char paths[][PATH_LEN], uint32_t *inos, int max)
{
    int n = 1;

    paths[0][0] = '\0';
    inos[0] = EXT2_ROOT_INO;
    for (int i = 0; i < n; i++) {
        struct ext2_dirent de;
        uint64_t pos = 0;

        while (ext2_readdir(fs, inos[i], &pos, &de) == 1 && n < max)
            if (de.type == EXT2_DT_DIR && strcmp(de.name, ".") && strcmp(de.name, "..")) {
                char path[PATH_LEN];

                snprintf(path, PATH_LEN, "%.200s/%s", paths[i], de.name);
                strcpy(paths[n], path);
                inos[n++] = de.ino;
            }
    }
    return n;
}

/* Frees an inode once nothing names it (no file is open in these tests). */
static void evict_if_unlinked(struct ext2 *fs, uint32_t ino)
{
    struct ext2_stat st;

    if (ino && ext2_stat(fs, ino, &st) == 0 && st.nlink == 0)
        ext2_evict(fs, ino);
}

/*
 * One random operation on both sides; returns 1 if the results differ.
 * Names come from a small set so that operations collide often: existing
 * targets, non-empty directories, renames into subdirectories...
 */
static int random_step(struct mirror *m)
{
    static const char *names[] = {"a", "b", "c", "dir", "long_name_for_a_file_xx"};
    static char dirs[64][PATH_LEN];
    static uint32_t dir_inos[64];
    struct ext2 *fs = &m->im->fs;
    int ndirs = list_dirs(fs, dirs, dir_inos, 64);
    int d1 = (int)rnd(m, (uint32_t)ndirs), d2 = (int)rnd(m, (uint32_t)ndirs);
    const char *n1 = names[rnd(m, 5)], *n2 = names[rnd(m, 5)];
    char p1[PATH_LEN + 64], p2[PATH_LEN + 64], h1[2 * PATH_LEN], h2[2 * PATH_LEN];
    uint32_t ino = 0, op = rnd(m, 14);
    int ours = 0, theirs = 0;
    uint8_t *buf;

    snprintf(p1, sizeof p1, "%s/%s", dirs[d1], n1);
    snprintf(p2, sizeof p2, "%s/%s", dirs[d2], n2);
    mirror_path(m, h1, p1);
    mirror_path(m, h2, p2);
    fs->now++;
    switch (op) {
    case 0: case 1: case 11: case 12: case 13: { /* write into a regular file */
        uint64_t off = rnd(m, 4) == 0 ? rnd(m, 300000) : rnd(m, 20000);
        size_t len = rnd(m, 3) == 0 ? rnd(m, 70000) : rnd(m, 3000);
        struct ext2_stat st;
        int fd;

        ino = lookup_path(fs, p1);
        if (!ino || ext2_stat(fs, ino, &st) != 0 || !S_ISREG(st.mode))
            return 0;
        buf = malloc(len + 1);
        fill_pattern(buf, len, m->seed, off);
        ours = (int)ext2_write(fs, ino, off, buf, len, NULL);
        fd = open(h1, O_WRONLY);
        theirs = fd < 0 ? -errno : (int)pwrite(fd, buf, len, (off_t)off);
        if (fd >= 0)
            close(fd);
        free(buf);
        break;
    }
    case 2: {
        uint64_t size = rnd(m, 2) ? rnd(m, 5000) : rnd(m, 400000);
        struct ext2_stat st;

        ino = lookup_path(fs, p1);
        if (!ino || ext2_stat(fs, ino, &st) != 0 || !S_ISREG(st.mode))
            return 0;
        ours = ext2_truncate(fs, ino, size);
        theirs = host(truncate(h1, (off_t)size));
        break;
    }
    case 3:
        ino = lookup_path(fs, p1);
        if (ino && rnd(m, 2))       /* often: first make room for it */
            ext2_unlink(fs, dir_inos[d1], n1, strlen(n1), NULL), unlink(h1),
                evict_if_unlinked(fs, ino);
        ours = ext2_mknod(fs, dir_inos[d1], n1, strlen(n1), &file_attr, NULL);
        theirs = host(mknod(h1, S_IFREG | 0644, 0));
        break;
    case 4:
        ours = ext2_mkdir(fs, dir_inos[d1], n1, strlen(n1), &dir_attr, NULL);
        theirs = host(mkdir(h1, 0755));
        break;
    case 5:
        ours = ext2_rmdir(fs, dir_inos[d1], n1, strlen(n1), &ino);
        theirs = host(rmdir(h1));
        evict_if_unlinked(fs, ino);
        break;
    case 6:
        ours = ext2_unlink(fs, dir_inos[d1], n1, strlen(n1), &ino);
        theirs = host(unlink(h1));
        evict_if_unlinked(fs, ino);
        break;
    case 7: case 8:
        ours = ext2_rename(fs, dir_inos[d1], n1, strlen(n1), dir_inos[d2], n2,
                           strlen(n2), &ino);
        theirs = host(rename(h1, h2));
        evict_if_unlinked(fs, ino);
        break;
    case 9:
        ino = lookup_path(fs, p1);
        if (!ino)
            return 0;
        ours = ext2_link(fs, dir_inos[d2], n2, strlen(n2), ino);
        theirs = host(link(h1, h2));
        break;
    case 10: {
        char target[400];
        size_t len = 1 + rnd(m, rnd(m, 2) ? 70 : 300);

        for (size_t i = 0; i < len; i++)
            target[i] = (char)('a' + rnd(m, 26));
        target[len] = '\0';
        ours = ext2_symlink(fs, dir_inos[d1], n1, strlen(n1), target, len,
                            &file_attr, NULL);
        theirs = host(symlink(target, h1));
        break;
    }
    }
    if (ours != theirs) {
        printf("# op %u on %s, %s: ours %d, host %d\n", op, p1, p2, ours, theirs);
        return 1;
    }
    return 0;
}

/* Removes everything below `dir` but `keep` with unlink and rmdir, and
 * evicts what it unlinked. */
static int remove_all(struct ext2 *fs, uint32_t dir, uint32_t keep)
{
    struct ext2_stat st;
    struct ext2_dirent de;
    uint64_t pos = 0;
    uint32_t ino;
    int err = 0;

    while (!err && ext2_readdir(fs, dir, &pos, &de) == 1) {
        if (!strcmp(de.name, ".") || !strcmp(de.name, "..") || de.ino == keep)
            continue;
        if (de.type == EXT2_DT_DIR) {
            err = remove_all(fs, de.ino, keep);
            if (!err)
                err = ext2_rmdir(fs, dir, de.name, de.name_len, &ino);
        } else {
            err = ext2_unlink(fs, dir, de.name, de.name_len, &ino);
        }
        if (!err && ext2_stat(fs, ino, &st) == 0 && st.nlink == 0)
            err = ext2_evict(fs, ino);
        if (err)
            printf("# removing %s: %d\n", de.name, err);
    }
    return err;
}

static int run_random(struct image *im, const char *name, uint32_t seed, int steps,
                      int check_every)
{
    struct mirror m = {.im = im, .seed = seed};
    uint32_t lost_found = lookup_path(&im->fs, "/lost+found");
    struct counts after;
    int bad = 0;

    get_counts(&im->fs, &m.initial);
    scratch(m.root, "%s-mirror", name);
    sh("rm -rf '%s' && mkdir '%s' && mkdir -m 700 '%s/lost+found'", m.root, m.root, m.root);
    if (lookup_path(&im->fs, "/lost+found") == 0)
        sh("rmdir '%s/lost+found'", m.root);
    umask(0);
    for (int i = 1; i <= steps && !bad; i++) {
        bad += random_step(&m);
        if (i % check_every == 0 || i == steps)
            bad += check_all(&m);
        if (bad)
            printf("# after step %d (seed %u)\n", i, seed);
    }
    /* Removing it all gives back exactly what the operations took. */
    if (!bad && (remove_all(&im->fs, EXT2_ROOT_INO, lost_found) != 0 ||
                 remove_all(&im->fs, lost_found, 0) != 0 || fsck(im) != 0))
        bad++;
    get_counts(&im->fs, &after);
    if (!bad && memcmp(&after, &m.initial, sizeof after) != 0) {
        printf("# free blocks %u inodes %u, at the start %u %u\n", after.blocks,
               after.inodes, m.initial.blocks, m.initial.inodes);
        bad++;
    }
    return bad;
}

TEST(random_operations_1k_blocks)
{
    struct image im;

    CHECK_EQ(fresh_image(&im, "rand1k", "-b 1024", "8M"), 0);
    CHECK_EQ(run_random(&im, "rand1k", 1, 600, 50), 0);
    image_free(&im);
}

TEST(random_operations_4k_blocks)
{
    struct image im;

    CHECK_EQ(fresh_image(&im, "rand4k", "-b 4096", "16M"), 0);
    CHECK_EQ(run_random(&im, "rand4k", 2, 400, 50), 0);
    image_free(&im);
}

TEST(random_operations_no_filetype)
{
    struct image im;

    CHECK_EQ(fresh_genext2fs(&im, "randgen", 1024, 8192), 0);
    CHECK(!im.fs.filetype);
    CHECK_EQ(run_random(&im, "randgen", 3, 400, 50), 0);
    image_free(&im);
}

TEST(random_operations_revision_0)
{
    struct image im;

    CHECK_EQ(fresh_image(&im, "randr0", "-r 0 -b 2048", "8M"), 0);
    CHECK_EQ(im.fs.sb->s_rev_level, 0);
    CHECK_EQ(run_random(&im, "randr0", 4, 400, 50), 0);
    image_free(&im);
}

/* ---- Targeted tests ------------------------------------------------------ */

static uint32_t make_file(struct ext2 *fs, uint32_t dir, const char *name)
{
    uint32_t ino = 0;

    if (ext2_mknod(fs, dir, name, strlen(name), &file_attr, &ino) != 0)
        return 0;
    return ino;
}

/* Writes pattern bytes [off, off+len) of `seed` in chunks of `chunk`. */
static long write_pattern(struct ext2 *fs, uint32_t ino, uint64_t off, size_t len,
                          uint32_t seed, size_t chunk)
{
    uint8_t *buf = malloc(chunk);
    size_t done = 0;

    while (done < len) {
        size_t n = len - done < chunk ? len - done : chunk;
        long r;

        fill_pattern(buf, n, seed, off + done);
        r = ext2_write(fs, ino, off + done, buf, n, NULL);
        if (r <= 0) {
            free(buf);
            return done ? (long)done : r;
        }
        done += (size_t)r;
    }
    free(buf);
    return (long)done;
}

/* The file holds pattern `seed` in [from, to) and zeros elsewhere. */
static int holds_pattern(struct ext2 *fs, uint32_t ino, uint64_t from, uint64_t to,
                         uint32_t seed)
{
    size_t len;
    uint8_t *data = read_whole(fs, ino, &len);
    int ok = data != NULL;

    for (size_t i = 0; ok && i < len; i++)
        ok = data[i] == (i >= from && i < to ? pattern_byte(seed, i) : 0);
    free(data);
    return ok;
}

#define K 1024u
#define TRIPLE_START ((12u + 256u + 65536u) * K) /* first triple-indirect byte, 1 KiB blocks */

/* Writes ending on both sides of every block map boundary, then shrinking
 * across them again; e2fsck and debugfs check each state. */
TEST(write_and_truncate_across_the_block_map)
{
    static const uint64_t sizes[] = {
        0, 1, K - 1, K, K + 1, 12 * K - 1, 12 * K, 12 * K + 1, 268 * K - 1,
        268 * K, 268 * K + 1, 600 * K + 3,
    };
    struct image im;
    struct ext2_stat st;
    char name[16];

    CHECK_EQ(fresh_image(&im, "boundaries", "-b 1024", "16M"), 0);
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        snprintf(name, sizeof name, "f%zu", i);
        uint32_t ino = make_file(&im.fs, EXT2_ROOT_INO, name);
        CHECK(ino != 0);
        CHECK_EQ(write_pattern(&im.fs, ino, 0, sizes[i], (uint32_t)i, 777), (long)sizes[i]);
        CHECK(holds_pattern(&im.fs, ino, 0, sizes[i], (uint32_t)i));
    }
    CHECK_EQ(fsck(&im), 0);
    CHECK_EQ(compare_tree_stats(&im, 100), 0);

    /* One file shrinks step by step across the boundaries. */
    uint32_t ino = lookup_path(&im.fs, "/f11");
    for (size_t i = sizeof sizes / sizeof sizes[0] - 1; i-- > 0;) {
        CHECK_EQ(ext2_truncate(&im.fs, ino, sizes[i]), 0);
        CHECK(holds_pattern(&im.fs, ino, 0, sizes[i], 11));
        CHECK_EQ(ext2_stat(&im.fs, ino, &st), 0);
        /* Data blocks; past 12 the single indirect block; past 12 + 256
         * the double indirect block and one indirect block per 256. */
        uint64_t data = (sizes[i] + K - 1) / K;
        uint64_t meta = (data > 12) + (data > 268 ? 1 + (data - 268 + 255) / 256 : 0);
        CHECK_EQ(st.blocks, 2 * (data + meta));
        CHECK_EQ(fsck(&im), 0);
    }
    CHECK_EQ(compare_tree_stats(&im, 100), 0);
    image_free(&im);
}

/* Holes: data far out through the triple indirect block costs only the
 * blocks on its path, reads as zeros around it, and goes away again. */
TEST(sparse_writes_through_the_triple_indirect_block)
{
    struct image im;
    struct ext2_stat st;
    uint32_t ino;

    CHECK_EQ(fresh_image(&im, "sparse", "-b 1024", "8M"), 0);
    ino = make_file(&im.fs, EXT2_ROOT_INO, "sparse");
    CHECK_EQ(write_pattern(&im.fs, ino, TRIPLE_START, 1, 5, 1), 1);
    CHECK_EQ(ext2_stat(&im.fs, ino, &st), 0);
    CHECK_EQ(st.size, TRIPLE_START + 1);
    CHECK_EQ(st.blocks, 2 * 4);     /* triple, double, single indirect + data */
    CHECK(holds_pattern(&im.fs, ino, TRIPLE_START, TRIPLE_START + 1, 5));
    CHECK_EQ(fsck(&im), 0);
    /* The last byte of the double indirect range and a block in the
     * middle of the triple range (a second path below the same block). */
    CHECK_EQ(write_pattern(&im.fs, ino, TRIPLE_START - 1, 1, 5, 1), 1);
    CHECK_EQ(write_pattern(&im.fs, ino, TRIPLE_START + 300 * K, 2 * K, 5, 999), 2 * K);
    CHECK_EQ(ext2_stat(&im.fs, ino, &st), 0);
    CHECK_EQ(st.blocks, 2 * (4 + 3 + 3));
    CHECK_EQ(fsck(&im), 0);
    CHECK_EQ(compare_tree_stats(&im, 10), 0);
    CHECK_EQ(ext2_truncate(&im.fs, ino, TRIPLE_START), 0);
    CHECK_EQ(ext2_stat(&im.fs, ino, &st), 0);
    CHECK_EQ(st.blocks, 2 * 3);     /* double indirect, single indirect, data */
    CHECK_EQ(fsck(&im), 0);
    CHECK_EQ(ext2_truncate(&im.fs, ino, 0), 0);
    CHECK_EQ(ext2_stat(&im.fs, ino, &st), 0);
    CHECK_EQ(st.blocks, 0);
    CHECK_EQ(fsck(&im), 0);
    image_free(&im);
}

/* Bytes past the end must read as zeros when the file grows over them,
 * whether by truncate or by a write further out. */
TEST(growing_a_file_exposes_zeros)
{
    struct image im;
    uint32_t ino;
    uint8_t buf[3000];

    CHECK_EQ(fresh_image(&im, "grow", "-b 4096", "8M"), 0);
    ino = make_file(&im.fs, EXT2_ROOT_INO, "g");
    CHECK_EQ(write_pattern(&im.fs, ino, 0, 3000, 1, 3000), 3000);
    CHECK_EQ(ext2_truncate(&im.fs, ino, 1000), 0);
    CHECK_EQ(ext2_truncate(&im.fs, ino, 2000), 0);
    CHECK(holds_pattern(&im.fs, ino, 0, 1000, 1));
    CHECK_EQ(ext2_truncate(&im.fs, ino, 500), 0);
    memset(buf, 0xAB, sizeof buf);
    CHECK_EQ(ext2_write(&im.fs, ino, 2500, buf, 1, NULL), 1);
    CHECK_EQ(ext2_read(&im.fs, ino, 0, buf, sizeof buf, NULL), 2501);
    for (int i = 500; i < 2500; i++)
        CHECK_EQ(buf[i], 0);
    CHECK_EQ(buf[2500], 0xAB);
    CHECK_EQ(fsck(&im), 0);
    image_free(&im);
}

/* A copy function that faults after `copy_budget` successful calls. */
static int copy_budget;

static int faulty_copy(void *dst, const void *src, size_t n)
{
    if (copy_budget-- <= 0)
        return -EFAULT;
    memcpy(dst, src, n);
    return 0;
}

/* A fault part way gives a short write; no block stays past the end. */
TEST(faulting_copies_leave_a_clean_image)
{
    static uint8_t buf[20 * 1024];
    struct image im;
    struct ext2_stat st;
    uint32_t ino;

    CHECK_EQ(fresh_image(&im, "fault", "-b 1024", "8M"), 0);
    ino = make_file(&im.fs, EXT2_ROOT_INO, "f");
    fill_pattern(buf, sizeof buf, 3, 0);
    copy_budget = 15;
    CHECK_EQ(ext2_write(&im.fs, ino, 0, buf, sizeof buf, faulty_copy), 15 * 1024);
    CHECK_EQ(ext2_stat(&im.fs, ino, &st), 0);
    CHECK_EQ(st.size, 15 * 1024);
    CHECK_EQ(st.blocks, 2 * 16);    /* 15 data blocks + the indirect block */
    CHECK(holds_pattern(&im.fs, ino, 0, 15 * 1024, 3));
    CHECK_EQ(fsck(&im), 0);
    /* Far past the end: the indirect blocks made for it go again. */
    copy_budget = 0;
    CHECK_EQ(ext2_write(&im.fs, ino, TRIPLE_START, buf, 10, faulty_copy), -EFAULT);
    CHECK_EQ(ext2_stat(&im.fs, ino, &st), 0);
    CHECK_EQ(st.size, 15 * 1024);
    CHECK_EQ(st.blocks, 2 * 16);
    CHECK_EQ(fsck(&im), 0);
    image_free(&im);
}

/* Filling the disk: a short write then -ENOSPC, a consistent image, and
 * every block and inode back once everything is removed. */
TEST(filling_blocks_and_inodes_then_freeing_all)
{
    struct image im;
    struct counts start, end;
    char name[32];
    long r;
    uint32_t ino, files = 0;

    CHECK_EQ(fresh_image(&im, "full", "-b 1024 -N 128", "2M"), 0);
    get_counts(&im.fs, &start);
    ino = make_file(&im.fs, EXT2_ROOT_INO, "big");
    r = write_pattern(&im.fs, ino, 0, 4u << 20, 9, 5000);
    CHECK(r > 1500 * 1024 && r < 2048 * 1024);
    CHECK_EQ(im.fs.sb->s_free_blocks_count, 0);
    CHECK_EQ(ext2_write(&im.fs, ino, (uint64_t)r, "x", 1, NULL), -ENOSPC);
    CHECK(holds_pattern(&im.fs, ino, 0, (uint64_t)r, 9));
    CHECK_EQ(fsck(&im), 0);
    /* No block for a new directory or a slow symlink; fast ones work. */
    CHECK_EQ(ext2_mkdir(&im.fs, EXT2_ROOT_INO, "d", 1, &dir_attr, NULL), -ENOSPC);
    char target[100];
    memset(target, 't', sizeof target);
    CHECK_EQ(ext2_symlink(&im.fs, EXT2_ROOT_INO, "s", 1, target, 100, &file_attr, NULL),
             -ENOSPC);
    CHECK_EQ(ext2_symlink(&im.fs, EXT2_ROOT_INO, "s", 1, target, 50, &file_attr, NULL), 0);
    CHECK_EQ(fsck(&im), 0);
    /* Free some blocks, then use up the inodes with empty files (in a
     * subdirectory, so that the root keeps room). */
    CHECK_EQ(ext2_truncate(&im.fs, ino, 100 * 1024), 0);
    CHECK_EQ(ext2_mkdir(&im.fs, EXT2_ROOT_INO, "d", 1, &dir_attr, &ino), 0);
    for (;;) {
        snprintf(name, sizeof name, "file%u", files);
        int err = ext2_mknod(&im.fs, ino, name, strlen(name), &file_attr, NULL);
        if (err == -ENOSPC)
            break;
        CHECK_EQ(err, 0);
        files++;
    }
    CHECK_EQ(im.fs.sb->s_free_inodes_count, 0);
    CHECK(files > 100);
    CHECK_EQ(fsck(&im), 0);
    CHECK_EQ(compare_tree_stats(&im, 5), 0);
    CHECK_EQ(remove_all(&im.fs, EXT2_ROOT_INO, lookup_path(&im.fs, "/lost+found")), 0);
    get_counts(&im.fs, &end);
    CHECK_EQ(end.blocks, start.blocks);
    CHECK_EQ(end.inodes, start.inodes);
    CHECK(memcmp(&end, &start, sizeof end) == 0);
    CHECK_EQ(fsck(&im), 0);
    image_free(&im);
}

/* The size limit: -EFBIG at it, a short write up to it; a file of 2 GiB or
 * more marks the file system with the large_file feature. */
TEST(size_limits)
{
    struct image im;
    uint8_t buf[100] = {1};
    uint64_t max;
    uint32_t ino;

    CHECK_EQ(fresh_genext2fs(&im, "limits", 1024, 4096), 0);
    CHECK_EQ(im.fs.sb->s_feature_ro_compat & EXT2_FEATURE_RO_COMPAT_LARGE_FILE, 0);
    max = (12ull + 256 + 65536 + 16777216) * 1024; /* the 1 KiB block map */
    ino = make_file(&im.fs, EXT2_ROOT_INO, "f");
    CHECK_EQ(ext2_write(&im.fs, ino, max, buf, 1, NULL), -EFBIG);
    CHECK_EQ(ext2_truncate(&im.fs, ino, max + 1), -EFBIG);
    CHECK_EQ(ext2_write(&im.fs, ino, max - 10, buf, 100, NULL), 10);
    CHECK(im.fs.sb->s_feature_ro_compat & EXT2_FEATURE_RO_COMPAT_LARGE_FILE);
    CHECK_EQ(fsck(&im), 0);
    CHECK_EQ(ext2_truncate(&im.fs, ino, (3ull << 30) + 5), 0);
    CHECK_EQ(fsck(&im), 0);
    image_free(&im);
    /* Revision 0 cannot say "large file": 2 GiB - 1 is the limit. */
    CHECK_EQ(fresh_image(&im, "limits0", "-r 0 -b 1024", "4M"), 0);
    ino = make_file(&im.fs, EXT2_ROOT_INO, "f");
    CHECK_EQ(ext2_write(&im.fs, ino, 0x7fffffff, buf, 1, NULL), -EFBIG);
    CHECK_EQ(ext2_write(&im.fs, ino, 0x7ffffffe, buf, 5, NULL), 1);
    CHECK_EQ(fsck(&im), 0);
    image_free(&im);
}

/* Creation of every kind of inode, attribute changes and timestamps, as
 * debugfs sees them. */
TEST(node_kinds_attributes_and_times)
{
    struct image im;
    struct ext2_stat st;
    struct ext2_new_inode a = {0, 70000, 70001, 0, 0};
    uint32_t ino, big, blk;
    char target[4096];
    const char *t;
    size_t len;

    CHECK_EQ(fresh_image(&im, "kinds", "-b 1024", "4M"), 0);
    struct ext2 *fs = &im.fs;
    a.mode = EXT2_S_IFCHR | 0620, a.rdev_major = 4, a.rdev_minor = 1;
    CHECK_EQ(ext2_mknod(fs, EXT2_ROOT_INO, "tty1", 4, &a, NULL), 0);
    a.rdev_major = 300, a.rdev_minor = 70000;
    CHECK_EQ(ext2_mknod(fs, EXT2_ROOT_INO, "big", 3, &a, &big), 0);
    a.mode = EXT2_S_IFBLK | 0660, a.rdev_major = 8, a.rdev_minor = 1;
    CHECK_EQ(ext2_mknod(fs, EXT2_ROOT_INO, "sda1", 4, &a, NULL), 0);
    a.mode = EXT2_S_IFIFO | 0600;
    CHECK_EQ(ext2_mknod(fs, EXT2_ROOT_INO, "fifo", 4, &a, NULL), 0);
    a.mode = EXT2_S_IFSOCK | 0600;
    CHECK_EQ(ext2_mknod(fs, EXT2_ROOT_INO, "sock", 4, &a, NULL), 0);
    a.mode = EXT2_S_IFDIR | 0600;
    CHECK_EQ(ext2_mknod(fs, EXT2_ROOT_INO, "nodir", 5, &a, NULL), -EINVAL);
    a.mode = 0644;
    a.rdev_major = 4096;
    CHECK_EQ(ext2_mknod(fs, EXT2_ROOT_INO, "plain", 5, &a, &ino), 0); /* type 0: regular */
    CHECK_EQ(ext2_stat(fs, ino, &st), 0);
    CHECK_EQ(st.mode, EXT2_S_IFREG | 0644);
    memset(target, 'x', sizeof target);
    CHECK_EQ(ext2_symlink(fs, EXT2_ROOT_INO, "fast", 4, target, 59, &a, &ino), 0);
    CHECK_EQ(ext2_bmap(fs, ino, 0, &blk), -EINVAL);  /* fast: no block map */
    CHECK_EQ(ext2_symlink(fs, EXT2_ROOT_INO, "slow", 4, target, 60, &a, &ino), 0);
    CHECK_EQ(ext2_bmap(fs, ino, 0, &blk), 0);
    CHECK(blk != 0);
    CHECK_EQ(ext2_symlink(fs, EXT2_ROOT_INO, "max", 3, target, 1023, &a, NULL), 0);
    CHECK_EQ(ext2_symlink(fs, EXT2_ROOT_INO, "over", 4, target, 1024, &a, NULL),
             -ENAMETOOLONG);
    CHECK_EQ(ext2_symlink(fs, EXT2_ROOT_INO, "none", 4, target, 0, &a, NULL), -ENOENT);
    CHECK_EQ(ext2_readlink(fs, ino, &t, &len), 0);
    CHECK_EQ(len, 60);
    CHECK(memcmp(t, target, 60) == 0);
    CHECK_EQ(fsck(&im), 0);
    CHECK_EQ(compare_tree_stats(&im, 100), 0);
    CHECK_EQ(ext2_stat(fs, big, &st), 0);
    CHECK_EQ(st.rdev_major, 300);
    CHECK_EQ(st.rdev_minor, 70000);
    CHECK_EQ(st.uid, 70000);
    CHECK_EQ(st.gid, 70001);
    CHECK_EQ(st.ctime, NOW);
    CHECK_EQ(st.mtime, NOW);
    CHECK_EQ(st.atime, NOW);
    /* chmod keeps the type; chown -1 keeps an id; utimes sets ctime too. */
    fs->now = NOW + 50;
    CHECK_EQ(ext2_chmod(fs, big, 0104755), 0);
    CHECK_EQ(ext2_chown(fs, big, UINT32_MAX, 5), 0);
    fs->now = NOW + 60;
    CHECK_EQ(ext2_utimes(fs, big, 1000, 2000), 0);
    CHECK_EQ(ext2_stat(fs, big, &st), 0);
    CHECK_EQ(st.mode, EXT2_S_IFCHR | 04755);
    CHECK_EQ(st.uid, 70000);
    CHECK_EQ(st.gid, 5);
    CHECK_EQ(st.atime, 1000);
    CHECK_EQ(st.mtime, 2000);
    CHECK_EQ(st.ctime, NOW + 60);
    CHECK_EQ(fsck(&im), 0);
    CHECK_EQ(compare_tree_stats(&im, 100), 0);
    image_free(&im);
}

/* A directory of 1000 names grows past 12 blocks (into its indirect
 * block); removed names leave room that new ones reuse. */
TEST(large_directory_grows_and_reuses_space)
{
    struct image im;
    struct ext2_stat st;
    char name[64];
    uint32_t dir, ino;
    uint64_t size;

    CHECK_EQ(fresh_image(&im, "bigdir", "-b 1024", "8M"), 0);
    CHECK_EQ(ext2_mkdir(&im.fs, EXT2_ROOT_INO, "d", 1, &dir_attr, &dir), 0);
    for (int i = 0; i < 1000; i++) {
        snprintf(name, sizeof name, "entry-%d-%.*s", i, i % 40,
                 "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn");
        CHECK_EQ(ext2_mknod(&im.fs, dir, name, strlen(name), &file_attr, NULL), 0);
    }
    CHECK_EQ(ext2_stat(&im.fs, dir, &st), 0);
    CHECK(st.size > 12 * 1024);
    size = st.size;
    CHECK_EQ(fsck(&im), 0);
    CHECK_EQ(compare_tree_stats(&im, 0), 0);
    for (int i = 0; i < 1000; i += 2) {
        snprintf(name, sizeof name, "entry-%d-%.*s", i, i % 40,
                 "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn");
        CHECK_EQ(ext2_unlink(&im.fs, dir, name, strlen(name), &ino), 0);
        CHECK_EQ(ext2_evict(&im.fs, ino), 0);
    }
    CHECK_EQ(fsck(&im), 0);
    for (int i = 0; i < 400; i++) {
        snprintf(name, sizeof name, "new%d", i);
        CHECK_EQ(ext2_mknod(&im.fs, dir, name, strlen(name), &file_attr, NULL), 0);
    }
    CHECK_EQ(ext2_stat(&im.fs, dir, &st), 0);
    CHECK_EQ(st.size, size);        /* all fitted into the freed room */
    CHECK_EQ(fsck(&im), 0);
    CHECK_EQ(compare_tree_stats(&im, 0), 0);
    image_free(&im);
}

/* A directory with a hashed index (made by e2fsck -D): changing it drops
 * the index flag, and the records stay a valid linear directory. */
TEST(indexed_directory_loses_its_index_when_changed)
{
    char src[PATH_LEN], img[PATH_LEN], path[PATH_LEN + 64];
    struct image im;
    struct ext2_inode *ip;
    uint32_t dir, ino;

    scratch(src, "htree-src");
    scratch(img, "htree.img");
    sh("rm -rf '%s' && mkdir -p '%s/d'", src, src);
    for (int i = 0; i < 300; i++) {
        snprintf(path, sizeof path, "%s/d/file-with-a-longish-name-%d", src, i);
        write_host_file(path, "x", 1);
    }
    sh("rm -f '%s'", img);
    CHECK_EQ(sh("mke2fs -q -F -t ext2 -b 1024 -d '%s' '%s' 8M >/dev/null 2>&1", src,
                img), 0);
    sh("e2fsck -fyD '%s' >/dev/null 2>&1", img);
    CHECK_EQ(image_load(&im, img), 0);
    im.fs.now = NOW;
    dir = lookup_path(&im.fs, "/d");
    CHECK_EQ(ext2_inode(&im.fs, dir, &ip), 0);
    CHECK(ip->i_flags & EXT2_INDEX_FL);
    CHECK_EQ(compare_tree_stats(&im, 0), 0);
    CHECK_EQ(ext2_unlink(&im.fs, dir, "file-with-a-longish-name-7", 26, &ino), 0);
    CHECK_EQ(ext2_evict(&im.fs, ino), 0);
    CHECK_EQ(ext2_mknod(&im.fs, dir, "newcomer", 8, &file_attr, NULL), 0);
    CHECK_EQ(ip->i_flags & EXT2_INDEX_FL, 0);
    CHECK_EQ(fsck(&im), 0);
    CHECK_EQ(compare_tree_stats(&im, 0), 0);
    image_free(&im);
}

/* The errors of the name operations that the random test rarely meets. */
TEST(name_operation_errors)
{
    struct image im;
    char name[300];
    uint32_t dir, file, ino;
    struct ext2_inode *ip;

    CHECK_EQ(fresh_image(&im, "errs", "-b 1024", "4M"), 0);
    struct ext2 *fs = &im.fs;
    CHECK_EQ(ext2_mkdir(fs, EXT2_ROOT_INO, "d", 1, &dir_attr, &dir), 0);
    file = make_file(fs, EXT2_ROOT_INO, "f");
    memset(name, 'n', sizeof name);
    CHECK_EQ(ext2_mknod(fs, EXT2_ROOT_INO, name, 256, &file_attr, NULL), -ENAMETOOLONG);
    CHECK_EQ(ext2_mknod(fs, EXT2_ROOT_INO, name, 255, &file_attr, NULL), 0);
    CHECK_EQ(ext2_mknod(fs, EXT2_ROOT_INO, name, 0, &file_attr, NULL), -ENOENT);
    CHECK_EQ(ext2_mknod(fs, file, "x", 1, &file_attr, NULL), -ENOTDIR);
    CHECK_EQ(ext2_mkdir(fs, EXT2_ROOT_INO, "f", 1, &dir_attr, NULL), -EEXIST);
    CHECK_EQ(ext2_mkdir(fs, EXT2_ROOT_INO, ".", 1, &dir_attr, NULL), -EEXIST);
    CHECK_EQ(ext2_rmdir(fs, dir, ".", 1, NULL), -EINVAL);
    CHECK_EQ(ext2_rmdir(fs, dir, "..", 2, NULL), -ENOTEMPTY);
    CHECK_EQ(ext2_rmdir(fs, EXT2_ROOT_INO, "f", 1, NULL), -ENOTDIR);
    CHECK_EQ(ext2_unlink(fs, EXT2_ROOT_INO, "d", 1, NULL), -EISDIR);
    CHECK_EQ(ext2_unlink(fs, EXT2_ROOT_INO, "zz", 2, NULL), -ENOENT);
    CHECK_EQ(ext2_rename(fs, EXT2_ROOT_INO, ".", 1, dir, "x", 1, NULL), -EBUSY);
    CHECK_EQ(ext2_rename(fs, EXT2_ROOT_INO, "d", 1, dir, "x", 1, NULL), -EINVAL);
    CHECK_EQ(ext2_link(fs, EXT2_ROOT_INO, "d2", 2, dir), -EPERM);
    CHECK_EQ(ext2_evict(fs, file), -EBUSY);
    CHECK_EQ(ext2_is_ancestor(fs, EXT2_ROOT_INO, dir), 1);
    CHECK_EQ(ext2_is_ancestor(fs, dir, EXT2_ROOT_INO), 0);
    /* A removed directory that is still open takes no new names. */
    CHECK_EQ(ext2_rmdir(fs, EXT2_ROOT_INO, "d", 1, &ino), 0);
    CHECK_EQ(ext2_mknod(fs, dir, "late", 4, &file_attr, NULL), -ENOENT);
    uint64_t pos = 0;
    struct ext2_dirent de;
    CHECK_EQ(ext2_readdir(fs, dir, &pos, &de), 0);   /* and lists as empty */
    CHECK_EQ(ext2_evict(fs, ino), 0);
    /* Link counts at the limit of 32000. */
    CHECK_EQ(ext2_inode(fs, file, &ip), 0);
    ip->i_links_count = EXT2_LINK_MAX - 1;
    CHECK_EQ(ext2_link(fs, EXT2_ROOT_INO, "l1", 2, file), 0);
    CHECK_EQ(ext2_link(fs, EXT2_ROOT_INO, "l2", 2, file), -EMLINK);
    CHECK_EQ(ext2_mkdir(fs, EXT2_ROOT_INO, "sub", 3, &dir_attr, &dir), 0);
    CHECK_EQ(ext2_mkdir(fs, EXT2_ROOT_INO, "other", 5, &dir_attr, NULL), 0);
    CHECK_EQ(ext2_inode(fs, dir, &ip), 0);
    ip->i_links_count = EXT2_LINK_MAX;
    CHECK_EQ(ext2_mkdir(fs, dir, "x", 1, &dir_attr, NULL), -EMLINK);
    CHECK_EQ(ext2_rename(fs, EXT2_ROOT_INO, "other", 5, dir, "o", 1, NULL), -EMLINK);
    CHECK_EQ(ext2_mknod(fs, dir, "x", 1, &file_attr, NULL), 0); /* files are fine */
    image_free(&im);
}

/* New inodes go to their parent's group, new blocks next to the file's. */
TEST(allocation_stays_near_the_parent)
{
    struct image im;
    struct ext2_inode *ip;
    uint32_t ino, dir = 0, blk, prev = 0;

    /* 8 groups of 32 inodes: fill group 0 so that a directory lands in
     * group 1, then empty group 0 again. */
    CHECK_EQ(fresh_image(&im, "spread", "-b 1024 -g 2048 -N 256", "16M"), 0);
    char name[16];
    uint32_t made[64], n = 0;
    do {
        snprintf(name, sizeof name, "f%u", n);
        made[n] = make_file(&im.fs, EXT2_ROOT_INO, name);
        CHECK(made[n] != 0);
    } while ((made[n++] - 1) / im.fs.inodes_per_group == 0 && n < 64);
    CHECK_EQ(ext2_mkdir(&im.fs, EXT2_ROOT_INO, "d", 1, &dir_attr, &dir), 0);
    for (uint32_t i = 0; i < n; i++) {
        snprintf(name, sizeof name, "f%u", i);
        CHECK_EQ(ext2_unlink(&im.fs, EXT2_ROOT_INO, name, strlen(name), &ino), 0);
        CHECK_EQ(ext2_evict(&im.fs, ino), 0);
    }
    CHECK_EQ((dir - 1) / im.fs.inodes_per_group, 1);
    uint32_t group = (dir - 1) / im.fs.inodes_per_group;
    ino = make_file(&im.fs, dir, "f");
    CHECK_EQ((ino - 1) / im.fs.inodes_per_group, group);
    CHECK_EQ(write_pattern(&im.fs, ino, 0, 40 * 1024, 1, 4096), 40 * 1024);
    CHECK_EQ(ext2_inode(&im.fs, ino, &ip), 0);
    for (uint32_t b = 0; b < 40; b++) {
        CHECK_EQ(ext2_map(&im.fs, ip, b, &blk), 0);
        CHECK_EQ((blk - im.fs.first_data_block) / im.fs.blocks_per_group, group);
        if (b > 0 && b != 12)
            CHECK_EQ(blk, prev + 1);  /* contiguous (the indirect block sits before 12) */
        prev = blk;
    }
    CHECK_EQ(fsck(&im), 0);
    image_free(&im);
}
