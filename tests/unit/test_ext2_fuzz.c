/*
 * A corruption fuzzer for the ext2 code.  Valid images (several block
 * sizes, with and without filetype, revision 0) are mutated at random (bit
 * flips, random bytes, interesting values), mostly where the metadata lies:
 * superblock, group descriptors, inodes, directory and indirect blocks.
 * Each mutant is mounted, walked whole, read whole, and changed a little;
 * the sanitizers catch any out-of-bounds access or undefined behaviour, an
 * alarm catches a hang, and every error returned must be one the
 * operation can legitimately give.
 *
 *   EXT2_FUZZ_ITERS=N   iterations (default 8000, a few seconds)
 *   EXT2_FUZZ_SEED=S    first seed (default 1); iteration i uses seed S+i
 */
#include "tests/unit/ext2_testlib.h"

#include <signal.h>

enum { MAX_REGIONS = 4096, MAX_BASES = 4 };

/* Where the metadata of a valid image lies: mutations aim there. */
struct region {
    uint32_t off, len;
};

struct base {
    struct image im;
    struct region regions[MAX_REGIONS];
    int nregions;
    int entries;                    /* names in the tree */
};

static struct base bases[MAX_BASES];
static int nbases;
static uint32_t rng;
static uint32_t current_seed;

static uint32_t rnd(uint32_t n)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return n ? rng % n : 0;
}

static void on_alarm(int sig)
{
    (void)sig;
    printf("not ok fuzz: seed %u hangs\n", current_seed);
    fflush(stdout);
    _exit(1);
}

static void add_region(struct base *b, uint64_t off, uint32_t len)
{
    if (b->nregions < MAX_REGIONS && off + len <= b->im.size)
        b->regions[b->nregions++] = (struct region){(uint32_t)off, len};
}

/* Records the blocks of an inode's block map (up to the first indirect
 * levels) as regions. */
static void add_inode_regions(struct base *b, uint32_t ino)
{
    struct ext2 *fs = &b->im.fs;
    struct ext2_inode *ip;
    uint32_t blk;

    if (ext2_inode(fs, ino, &ip) != 0)
        return;
    add_region(b, (uint64_t)((uint8_t *)ip - fs->image), fs->inode_size);
    if (!ext2_has_block_map(fs, ip))
        return;
    for (uint32_t f = 0; f < 16; f++)
        if (ext2_map(fs, ip, f, &blk) == 0 && blk)
            add_region(b, (uint64_t)blk << fs->block_shift, fs->block_size);
    for (int i = EXT2_IND_BLOCK; i <= EXT2_TIND_BLOCK; i++)
        if (ext2_block(fs, ip->i_block[i]))
            add_region(b, (uint64_t)ip->i_block[i] << fs->block_shift, fs->block_size);
}

/* The source tree of the fuzzed images: small, but with every kind of
 * thing the code reads. */
static void make_fuzz_tree(const char *dir)
{
    char path[PATH_LEN + 64];

    sh("rm -rf '%s' && mkdir -p '%s/a/b/c' '%s/many' '%s/e'", dir, dir, dir, dir);
    for (int i = 0; i < 40; i++) {
        snprintf(path, sizeof path, "%s/many/name%d", dir, i);
        make_pattern_file(path, (size_t)(i * 37), (uint32_t)i);
    }
    snprintf(path, sizeof path, "%s/a/ind", dir);
    make_pattern_file(path, 20000, 1);          /* single indirect with 1 KiB */
    snprintf(path, sizeof path, "%s/a/b/c/dind", dir);
    make_pattern_file(path, 300000, 2);         /* double indirect with 1 KiB */
    sh("ln -s a/ind '%s/fast' && ln -s %0100d '%s/slow' && ln '%s/a/ind' '%s/hard' && "
       "truncate -s 200000 '%s/holes' && echo end >> '%s/holes'",
       dir, 0, dir, dir, dir, dir, dir);
}

static int load_base(const char *name, const char *make_cmd)
{
    char src[PATH_LEN], img[PATH_LEN];
    struct base *b = &bases[nbases];

    scratch(src, "fuzz-src");
    scratch(img, "%s.img", name);
    make_fuzz_tree(src);
    sh("rm -f '%s'", img);
    if (sh(make_cmd, src, img) != 0 || image_load(&b->im, img) != 0)
        return -1;
    struct ext2 *fs = &b->im.fs;
    /* Superblock and group descriptors, then every inode and its blocks. */
    add_region(b, 1024, 1024);
    add_region(b, (uint64_t)fs->gdt_block << fs->block_shift, fs->block_size);
    for (uint32_t ino = 1; ino <= fs->inodes_count; ino++) {
        struct ext2_inode *ip;

        if (ext2_inode(fs, ino, &ip) == 0 && ip->i_links_count)
            add_inode_regions(b, ino);
    }
    b->entries = sh("test $(find '%s' | wc -l) -gt 0", src) == 0 ? 0 : -1;
    nbases++;
    return 0;
}

/* ---- Walking a mutant --------------------------------------------------- */

static bool allowed_read_error(long err)
{
    return err == -EIO || err == -ENOENT || err == -ENOTDIR || err == -EISDIR ||
           err == -EINVAL || err == -EFBIG;
}

static bool allowed_write_error(long err)
{
    return allowed_read_error(err) || err == -ENOSPC || err == -EEXIST ||
           err == -ENOTEMPTY || err == -EMLINK || err == -EBUSY || err == -EPERM ||
           err == -EROFS;
}

struct walk_result {
    int names;                      /* entries seen, "." and ".." aside */
    int bad;                        /* unexpected results */
    uint32_t dirs[256];
    int ndirs;
};

static void note_bad(struct walk_result *w, const char *what, long err)
{
    if (w->bad++ < 3)
        printf("# seed %u: %s gave %ld\n", current_seed, what, err);
}

static void read_everything(struct ext2 *fs, uint32_t ino, struct walk_result *w)
{
    static uint8_t buf[65536];
    struct ext2_stat st;
    const char *target;
    size_t len;
    uint32_t blk;
    long r = ext2_stat(fs, ino, &st);

    if (r != 0) {
        if (!allowed_read_error(r))
            note_bad(w, "stat", r);
        return;
    }
    switch (st.mode & EXT2_S_IFMT) {
    case EXT2_S_IFREG:
        for (uint64_t off = 0; off < st.size && off < 512 * 1024; off += sizeof buf) {
            r = ext2_read(fs, ino, off, buf, sizeof buf, NULL);
            if (r < 0 && !allowed_read_error(r))
                note_bad(w, "read", r);
            if (r <= 0)
                break;
        }
        r = ext2_read(fs, ino, st.size > 3 ? st.size - 3 : 0, buf, 100, NULL);
        if (r < 0 && !allowed_read_error(r))
            note_bad(w, "read at the end", r);
        break;
    case EXT2_S_IFLNK:
        r = ext2_readlink(fs, ino, &target, &len);
        if (r == 0)
            memcpy(buf, target, len);   /* touch every byte: ASan checks */
        else if (!allowed_read_error(r))
            note_bad(w, "readlink", r);
        break;
    }
    r = ext2_bmap(fs, ino, rnd(70000), &blk);
    if (r == 0 && blk && !ext2_block(fs, blk))
        note_bad(w, "bmap to an invalid block", blk);
}

/* Walks every directory reachable from the root (each at most once). */
static void walk(struct ext2 *fs, struct walk_result *w)
{
    w->ndirs = 1;
    w->dirs[0] = EXT2_ROOT_INO;
    for (int i = 0; i < w->ndirs; i++) {
        struct ext2_dirent de;
        uint64_t pos = 0, last = 0;
        uint32_t ino;
        int r, n = 0;

        while ((r = ext2_readdir(fs, w->dirs[i], &pos, &de)) == 1 && n++ < 5000) {
            if (pos <= last)
                note_bad(w, "readdir going backwards", (long)pos);
            last = pos;
            if (!strcmp(de.name, ".") || !strcmp(de.name, ".."))
                continue;
            w->names++;
            r = ext2_lookup(fs, w->dirs[i], de.name, de.name_len, &ino);
            if (r != 0 && !allowed_read_error(r))
                note_bad(w, "lookup", r);
            read_everything(fs, de.ino, w);
            if (de.type == EXT2_DT_DIR && w->ndirs < 256) {
                bool seen = false;

                for (int k = 0; k < w->ndirs; k++)
                    seen |= w->dirs[k] == de.ino;
                if (!seen)
                    w->dirs[w->ndirs++] = de.ino;
            }
        }
        if (r < 0 && !allowed_read_error(r))
            note_bad(w, "readdir", r);
    }
}

/* A few changes in random directories of the mutant. */
static void change_some(struct ext2 *fs, struct walk_result *w)
{
    static const struct ext2_new_inode attr = {EXT2_S_IFREG | 0644, 0, 0, 0, 0};
    static const struct ext2_new_inode dattr = {0755, 0, 0, 0, 0};
    static uint8_t data[5000];
    char target[200];
    uint32_t ino = 0, victim = 0;
    long r = 0;

    memset(target, 'q', sizeof target);
    fs->now = 1700000000u;
    for (int i = 0; i < 8; i++) {
        uint32_t dir = w->dirs[rnd((uint32_t)w->ndirs)];
        uint32_t dir2 = w->dirs[rnd((uint32_t)w->ndirs)];
        const char *names[] = {"name1", "new", "a", "many", "fast"};
        const char *n1 = names[rnd(5)], *n2 = names[rnd(5)];
        const char *what = "?";

        switch (rnd(8)) {
        case 0: what = "mknod"; r = ext2_mknod(fs, dir, "new", 3, &attr, &ino); break;
        case 1: what = "mkdir"; r = ext2_mkdir(fs, dir, n1, strlen(n1), &dattr, NULL); break;
        case 2: what = "symlink";
            r = ext2_symlink(fs, dir, n1, strlen(n1), target, 1 + rnd(150), &attr, NULL);
            break;
        case 3: what = "write";
            if (ext2_lookup(fs, dir, n1, strlen(n1), &ino) == 0)
                r = ext2_write(fs, ino, rnd(300000), data, rnd(sizeof data), NULL);
            break;
        case 4: what = "truncate";
            if (ext2_lookup(fs, dir, n1, strlen(n1), &ino) == 0)
                r = ext2_truncate(fs, ino, rnd(400000));
            break;
        case 5: what = "unlink";
            r = ext2_unlink(fs, dir, n1, strlen(n1), &victim);
            if (r == 0 && ext2_stat(fs, victim, &(struct ext2_stat){0}) == 0)
                r = ext2_evict(fs, victim) == -EBUSY ? 0 : ext2_evict(fs, victim);
            break;
        case 6: what = "rmdir"; r = ext2_rmdir(fs, dir, n1, strlen(n1), &victim); break;
        case 7: what = "rename";
            r = ext2_rename(fs, dir, n1, strlen(n1), dir2, n2, strlen(n2), &victim);
            break;
        }
        if (r < 0 && !allowed_write_error(r))
            note_bad(w, what, r);
    }
}

/* ---- Mutations ------------------------------------------------------------ */

static void mutate(uint8_t *img, size_t size, const struct base *b)
{
    static const uint32_t interesting[] = {
        0, 1, 2, 3, 4, 7, 8, 11, 12, 0x7f, 0x80, 0xff, 0x100, 0x3ff, 0x400,
        0xfff, 0x1000, 0x7fff, 0x8000, 0xffff, 0x10000, 0x7fffffff, 0x80000000,
        0xfffffffe, 0xffffffff,
    };
    int count = 1 + (int)rnd(rnd(2) ? 4 : 30);

    for (int i = 0; i < count; i++) {
        uint32_t off;
        const struct region *reg = &b->regions[rnd((uint32_t)b->nregions)];

        off = rnd(4) == 0 ? rnd((uint32_t)size) : reg->off + rnd(reg->len);
        switch (rnd(4)) {
        case 0:
            img[off] ^= (uint8_t)(1u << rnd(8));
            break;
        case 1:
            img[off] = (uint8_t)rnd(256);
            break;
        default: {
            uint32_t v = interesting[rnd(sizeof interesting / sizeof interesting[0])];
            uint32_t width = 1u << rnd(3);  /* 1, 2 or 4 bytes */

            off &= ~(width - 1);
            if (rnd(3) == 0)
                v = b->im.fs.blocks_count - rnd(3) + rnd(3) - 1;
            if (off + width <= size)
                memcpy(img + off, &v, width);
        }
        }
    }
}

static int fuzz_once(uint32_t seed, uint8_t *work)
{
    struct base *b;
    struct ext2 fs;
    struct walk_result w = {0};

    current_seed = seed;
    rng = seed * 2654435761u + 1;
    b = &bases[rnd((uint32_t)nbases)];
    memcpy(work, b->im.data, b->im.size);
    mutate(work, b->im.size, b);
    alarm(20);
    if (ext2_mount(&fs, work, b->im.size) == 0) {
        walk(&fs, &w);
        change_some(&fs, &w);
        walk(&fs, &w);
    }
    alarm(0);
    return w.bad;
}

static int setup(void)
{
    static int result = 1;          /* 1: not done yet */

    if (result != 1)
        return result;
    signal(SIGALRM, on_alarm);
    if (load_base("fuzz1k", "mke2fs -q -F -t ext2 -b 1024 -N 128 -d '%s' '%s' 2M "
                            ">/dev/null 2>&1") ||
        load_base("fuzzgen", "genext2fs -B 1024 -N 96 -b 1200 -d '%s' '%s' "
                             ">/dev/null 2>&1") ||
        load_base("fuzz4k", "mke2fs -q -F -t ext2 -b 4096 -g 256 -N 256 -d '%s' '%s' "
                            "3M >/dev/null 2>&1") ||
        load_base("fuzzr0", "mke2fs -q -F -r 0 -b 2048 -N 128 -d '%s' '%s' 2M "
                            ">/dev/null 2>&1"))
        return result = -1;
    return result = 0;
}

/* The unmutated images walk cleanly and show the whole tree (the fuzzer's
 * walker is itself correct). */
TEST(fuzz_bases_walk_cleanly)
{
    CHECK_EQ(setup(), 0);
    for (int i = 0; i < nbases; i++) {
        struct walk_result w = {0};

        CHECK_EQ(bases[i].nregions > 50, 1);
        walk(&bases[i].im.fs, &w);
        CHECK_EQ(w.bad, 0);
        /* /: lost+found a many e fast slow hard holes; /a: ind b; /a/b: c;
         * /a/b/c: dind; /many: 40 files */
        CHECK_EQ(w.names, 8 + 2 + 1 + 1 + 40);
        CHECK_EQ(fsck(&bases[i].im), 0);
    }
}

TEST(fuzz_corrupted_images)
{
    const char *iters_env = getenv("EXT2_FUZZ_ITERS");
    const char *seed_env = getenv("EXT2_FUZZ_SEED");
    uint32_t iters = iters_env ? (uint32_t)strtoul(iters_env, NULL, 10) : 8000;
    uint32_t first = seed_env ? (uint32_t)strtoul(seed_env, NULL, 10) : 1;
    size_t largest = 0;
    uint8_t *work;
    int bad = 0;

    CHECK_EQ(setup(), 0);
    for (int i = 0; i < nbases; i++)
        if (bases[i].im.size > largest)
            largest = bases[i].im.size;
    work = aligned_alloc(4096, (largest + 4095) / 4096 * 4096);
    for (uint32_t i = 0; i < iters && bad == 0; i++)
        bad += fuzz_once(first + i, work);
    free(work);
    CHECK_EQ(bad, 0);
    for (int i = 0; i < nbases; i++)
        image_free(&bases[i].im);
}
