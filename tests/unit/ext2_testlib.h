/*
 * Helpers shared by the ext2 unit tests (tests/unit/test_ext2*.c), which
 * include this file first.  It pulls in the ext2 sources (the tests are
 * unity builds) and offers: a scratch directory, running the e2fsprogs
 * tools, images loaded into memory and saved back, and compare_tree(),
 * which checks everything our code reads against what debugfs reports.
 */
#ifndef TESTS_UNIT_EXT2_TESTLIB_H
#define TESTS_UNIT_EXT2_TESTLIB_H

#define _DEFAULT_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fs/ext2.c"
#include "fs/ext2_alloc.c"
#include "fs/ext2_attr.c"
#include "fs/ext2_bmap.c"
#include "fs/ext2_dir.c"
#include "fs/ext2_file.c"
#include "fs/ext2_namei.c"
#include "tests/unit/unit.h"

#define PATH_LEN 512

/* ---- Scratch directory and shell commands ---------------------------- */

static char scratch_dir[PATH_LEN];

static inline void scratch_remove(void)
{
    char cmd[PATH_LEN + 16];

    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch_dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", scratch_dir);
}

/* A path inside the test program's scratch directory (made on first use,
 * removed at exit). */
static inline char *scratch(char *buf, const char *fmt, ...)
{
    char name[PATH_LEN / 2];
    va_list ap;

    if (!scratch_dir[0]) {
        strcpy(scratch_dir, "/tmp/cowix-ext2-XXXXXX");
        if (!mkdtemp(scratch_dir)) {
            perror("mkdtemp");
            exit(2);
        }
        atexit(scratch_remove);
    }
    va_start(ap, fmt);
    vsnprintf(name, sizeof name, fmt, ap);
    va_end(ap);
    snprintf(buf, PATH_LEN, "%.*s/%s", PATH_LEN / 2 - 2, scratch_dir, name);
    return buf;
}

/* Runs a shell command; returns its exit status (-1 if it died). */
static inline int sh(const char *fmt, ...)
{
    char cmd[4 * PATH_LEN];
    va_list ap;
    int status;

    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    status = system(cmd);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The whole output of a command (NUL-terminated, to free()). */
static inline char *capture(size_t *len, const char *fmt, ...)
{
    char cmd[4 * PATH_LEN];
    size_t cap = 1 << 16, n = 0, got;
    char *out = malloc(cap);
    va_list ap;
    FILE *p;

    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    p = popen(cmd, "r");
    while (p && (got = fread(out + n, 1, cap - n - 1, p)) > 0) {
        n += got;
        if (cap - n - 1 == 0)
            out = realloc(out, cap *= 2);
    }
    if (p)
        pclose(p);
    out[n] = '\0';
    if (len)
        *len = n;
    return out;
}

/* The contents of a host file (to free()), or NULL. */
static inline uint8_t *read_host_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    long size;
    uint8_t *data;

    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    rewind(f);
    data = malloc(size ? (size_t)size : 1);
    if (fread(data, 1, (size_t)size, f) != (size_t)size) {
        free(data);
        data = NULL;
    }
    fclose(f);
    *len = (size_t)size;
    return data;
}

static inline void write_host_file(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");

    if (!f || fwrite(data, 1, len, f) != len) {
        perror(path);
        exit(2);
    }
    fclose(f);
}

/* Deterministic file contents: byte i of a file with seed s. */
static inline uint8_t pattern_byte(uint32_t seed, uint64_t i)
{
    uint64_t x = (i + 1) * 0x9E3779B97F4A7C15ull ^ seed * 0xBF58476D1CE4E5B9ull;

    return (uint8_t)(x >> 29 ^ x >> 47);
}

static inline void fill_pattern(uint8_t *buf, size_t n, uint32_t seed, uint64_t off)
{
    for (size_t i = 0; i < n; i++)
        buf[i] = pattern_byte(seed, off + i);
}

/* A host file of `len` pattern bytes. */
static inline void make_pattern_file(const char *path, size_t len, uint32_t seed)
{
    uint8_t *buf = malloc(len ? len : 1);

    fill_pattern(buf, len, seed, 0);
    write_host_file(path, buf, len);
    free(buf);
}

/* ---- Images in memory -------------------------------------------------- */

struct image {
    char path[PATH_LEN];
    uint8_t *data;
    size_t size;
    struct ext2 fs;
};

/* Loads an image file and mounts it; returns ext2_mount's result. */
static inline int image_load(struct image *im, const char *path)
{
    uint8_t *file = read_host_file(path, &im->size);

    snprintf(im->path, sizeof im->path, "%s", path);
    if (!file) {
        im->data = NULL;
        return -ENOENT;
    }
    /* Page-aligned, as the boot loader places it. */
    im->data = aligned_alloc(4096, (im->size + 4095) / 4096 * 4096);
    memcpy(im->data, file, im->size);
    free(file);
    return ext2_mount(&im->fs, im->data, im->size);
}

static inline void image_save(struct image *im)
{
    write_host_file(im->path, im->data, im->size);
}

static inline void image_free(struct image *im)
{
    free(im->data);
    im->data = NULL;
}

/* Saves the image and runs e2fsck -fn on it: 0 when it is clean (the
 * report is printed otherwise). */
static inline int fsck(struct image *im)
{
    char *out;
    int status;

    image_save(im);
    status = sh("e2fsck -fn '%s' >/dev/null 2>&1", im->path);
    if (status != 0) {
        out = capture(NULL, "e2fsck -fn '%s' 2>&1 | head -40", im->path);
        printf("# e2fsck exit %d on %s:\n%s", status, im->path, out);
        free(out);
    }
    return status;
}

/* Runs debugfs with the commands in `cmds` (one per line) on an image. */
static inline char *debugfs(const char *img, const char *cmds)
{
    char cmdfile[PATH_LEN];

    scratch(cmdfile, "debugfs.cmds");
    write_host_file(cmdfile, cmds, strlen(cmds));
    return capture(NULL, "DEBUGFS_PAGER=__none__ debugfs -f '%s' '%s' 2>/dev/null",
                   cmdfile, img);
}

/* ---- Helpers on our side ------------------------------------------------ */

static inline uint32_t lookup_path(struct ext2 *fs, const char *path)
{
    uint32_t ino = EXT2_ROOT_INO;

    while (*path) {
        const char *end;

        while (*path == '/')
            path++;
        if (!*path)
            break;
        end = strchr(path, '/');
        if (!end)
            end = path + strlen(path);
        if (ext2_lookup(fs, ino, path, (size_t)(end - path), &ino) != 0)
            return 0;
        path = end;
    }
    return ino;
}

/* The whole contents of a regular file (to free()), via ext2_read. */
static inline uint8_t *read_whole(struct ext2 *fs, uint32_t ino, size_t *len)
{
    struct ext2_stat st;
    uint8_t *buf;
    long got;

    if (ext2_stat(fs, ino, &st) != 0)
        return NULL;
    buf = malloc(st.size ? st.size : 1);
    got = ext2_read(fs, ino, 0, buf, st.size, NULL);
    if (got != (long)st.size) {
        printf("# read of inode %u gave %ld, size %llu\n", ino, got,
               (unsigned long long)st.size);
        free(buf);
        return NULL;
    }
    *len = st.size;
    return buf;
}

/* ---- Comparing with debugfs ------------------------------------------- */

struct walk_dir {
    uint32_t ino;
    char path[PATH_LEN];
};

/* Parses `debugfs: stat <N>` output for one inode into *st. */
static inline int parse_debugfs_stat(const char *text, struct ext2_stat *st)
{
    const char *p;
    unsigned major = 0, minor = 0;

    memset(st, 0, sizeof *st);
    if (!(p = strstr(text, "Mode:")) || sscanf(p, "Mode: %o", &st->mode) != 1)
        return -1;
    if (!(p = strstr(text, "User:")) ||
        sscanf(p, "User: %u Group: %u", &st->uid, &st->gid) != 2)
        return -1;
    if (!(p = strstr(text, "Size:")) ||
        sscanf(p, "Size: %llu", (unsigned long long *)&st->size) != 1)
        return -1;
    if (!(p = strstr(text, "Links:")) ||
        sscanf(p, "Links: %u Blockcount: %u", &st->nlink, &st->blocks) != 2)
        return -1;
    if ((p = strstr(text, "ctime: 0x")))
        st->ctime = (uint32_t)strtoul(p + 9, NULL, 16);
    if ((p = strstr(text, "atime: 0x")))
        st->atime = (uint32_t)strtoul(p + 9, NULL, 16);
    if ((p = strstr(text, "mtime: 0x")))
        st->mtime = (uint32_t)strtoul(p + 9, NULL, 16);
    if ((p = strstr(text, "Device major/minor number:")) &&
        sscanf(p, "Device major/minor number: %u:%u", &major, &minor) == 2) {
        st->rdev_major = major;
        st->rdev_minor = minor;
    }
    return 0;
}

/* Compares our stat of `ino` with debugfs's: type and permissions (debugfs
 * prints only the permission part as "Mode"), owner, size, links, blocks,
 * times, device numbers. */
static inline int compare_stat(struct ext2 *fs, const char *img, uint32_t ino,
                        const char *path)
{
    char cmd[64], *out;
    struct ext2_stat ours, theirs;
    int bad = 0;

    snprintf(cmd, sizeof cmd, "stat <%u>\n", ino);
    out = debugfs(img, cmd);
    if (ext2_stat(fs, ino, &ours) != 0 || parse_debugfs_stat(out, &theirs) != 0) {
        printf("# %s: no stat\n", path);
        free(out);
        return 1;
    }
    free(out);
#define SAME(field)                                                        \
    if (ours.field != theirs.field) {                                      \
        printf("# %s: " #field " %llu, debugfs %llu\n", path,              \
               (unsigned long long)ours.field,                             \
               (unsigned long long)theirs.field);                          \
        bad++;                                                             \
    }
    ours.mode &= 07777;
    SAME(mode) SAME(uid) SAME(gid) SAME(size) SAME(nlink) SAME(blocks)
    SAME(ctime) SAME(atime) SAME(mtime) SAME(rdev_major) SAME(rdev_minor)
#undef SAME
    return bad;
}

/* One line of `ls -p`: /ino/mode/uid/gid/name/size/ */
static inline int parse_ls_line(char *line, uint32_t *ino, uint32_t *mode, uint32_t *uid,
                         uint32_t *gid, char **name, char **size)
{
    char *f[7];
    int n = 0;

    if (line[0] != '/')
        return -1;
    for (char *p = line + 1; n < 7; n++) {
        char *slash = strchr(p, '/');

        if (!slash)
            break;
        *slash = '\0';
        f[n] = p;
        p = slash + 1;
    }
    if (n != 6)
        return -1;
    *ino = (uint32_t)strtoul(f[0], NULL, 10);
    *mode = (uint32_t)strtoul(f[1], NULL, 8);
    *uid = (uint32_t)strtoul(f[2], NULL, 10);
    *gid = (uint32_t)strtoul(f[3], NULL, 10);
    *name = f[4];
    *size = f[5];
    return 0;
}

/* Compares one directory's listing: every record in disk order, and the
 * mode, owner and size of what each names. */
static inline int compare_listing(struct ext2 *fs, const struct walk_dir *d,
                           char *ls_out)
{
    struct ext2_dirent de;
    uint64_t pos = 0;
    char *line, *save = NULL;
    int bad = 0, r;

    for (line = strtok_r(ls_out, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        uint32_t ino, mode, uid, gid;
        char *name, *size;
        struct ext2_stat st;

        /* debugfs also shows the unused record that starts a block. */
        if (parse_ls_line(line, &ino, &mode, &uid, &gid, &name, &size) != 0 ||
            ino == 0)
            continue;
        r = ext2_readdir(fs, d->ino, &pos, &de);
        if (r != 1) {
            printf("# %s: readdir %d, debugfs has %s\n", d->path, r, name);
            return bad + 1;
        }
        if (de.ino != ino || strcmp(de.name, name) != 0 ||
            ext2_stat(fs, ino, &st) != 0 || st.mode != mode || st.uid != uid ||
            st.gid != gid || de.type != (st.mode & EXT2_S_IFMT) >> 12 ||
            (*size && st.size != strtoull(size, NULL, 10))) {
            printf("# %s: entry %u '%s' type %u, debugfs %u '%s' mode %o size %s\n",
                   d->path, de.ino, de.name, de.type, ino, name, mode, size);
            bad++;
        }
    }
    r = ext2_readdir(fs, d->ino, &pos, &de);
    if (r != 0) {
        printf("# %s: extra entry '%s' (%d)\n", d->path, de.name, r);
        bad++;
    }
    return bad;
}

/* Compares a non-directory with the copy debugfs's rdump made of it. */
static inline int compare_file(struct ext2 *fs, const char *img, uint32_t ino,
                        const char *path, const char *dumped)
{
    struct ext2_stat st;
    uint8_t *ours, *theirs;
    size_t our_len, their_len;
    const char *target;
    size_t target_len;
    char link[4096];
    ssize_t n;
    int bad = 0;

    ext2_stat(fs, ino, &st);
    switch (st.mode & EXT2_S_IFMT) {
    case EXT2_S_IFREG:
        ours = read_whole(fs, ino, &our_len);
        theirs = read_host_file(dumped, &their_len);
        bad = !ours || !theirs || our_len != their_len ||
              memcmp(ours, theirs, our_len) != 0;
        free(ours);
        free(theirs);
        break;
    case EXT2_S_IFLNK:
        n = readlink(dumped, link, sizeof link);
        bad = n < 0 || ext2_readlink(fs, ino, &target, &target_len) != 0 ||
              target_len != (size_t)n || memcmp(target, link, (size_t)n) != 0;
        break;
    case EXT2_S_IFCHR:
    case EXT2_S_IFBLK:              /* rdump skips devices: ask debugfs stat */
        return compare_stat(fs, img, ino, path);
    }
    if (bad)
        printf("# %s differs from debugfs's copy\n", path);
    return bad;
}

/*
 * Walks the whole tree with our code and compares it with debugfs: each
 * directory's listing (`ls -p`), each file's bytes, symlink target and
 * device number (against `rdump`), and the full stat of up to
 * `stat_limit` inodes.  Returns the number of differences (0 = identical).
 */
static inline int compare_tree_stats(struct image *im, int stat_limit)
{
    enum { MAX_DIRS = 2048 };
    static struct walk_dir dirs[MAX_DIRS];
    char dump[PATH_LEN], *cmds, *out, *p;
    size_t ndirs = 1, cmds_len = 0;
    int bad = 0, stats = 0;

    image_save(im);
    scratch(dump, "dump");
    sh("rm -rf '%s' && mkdir '%s'", dump, dump);
    out = capture(NULL, "debugfs -R 'rdump / %s' '%s' 2>&1", dump, im->path);
    free(out);
    dirs[0].ino = EXT2_ROOT_INO;
    strcpy(dirs[0].path, "/");

    for (size_t i = 0; i < ndirs; i++) {
        struct walk_dir *d = &dirs[i];
        struct ext2_dirent de;
        uint64_t pos = 0;

        while (ext2_readdir(&im->fs, d->ino, &pos, &de) == 1) {
            char path[PATH_LEN], dumped[2 * PATH_LEN];

            if (!strcmp(de.name, ".") || !strcmp(de.name, ".."))
                continue;
            snprintf(path, sizeof path, "%s%s%s", d->path,
                     strcmp(d->path, "/") ? "/" : "", de.name);
            if (stats < stat_limit) {
                bad += compare_stat(&im->fs, im->path, de.ino, path);
                stats++;
            }
            if (de.type == EXT2_DT_DIR && ndirs < MAX_DIRS) {
                dirs[ndirs].ino = de.ino;
                snprintf(dirs[ndirs++].path, PATH_LEN, "%s", path);
            } else if (de.type != EXT2_DT_DIR) {
                snprintf(dumped, sizeof dumped, "%s%s", dump, path);
                bad += compare_file(&im->fs, im->path, de.ino, path, dumped);
            }
        }
    }
    /* One debugfs run lists every directory. */
    cmds = malloc(ndirs * (PATH_LEN + 16) + 1);
    for (size_t i = 0; i < ndirs; i++)
        cmds_len += (size_t)sprintf(cmds + cmds_len, "ls -p %s\n", dirs[i].path);
    out = debugfs(im->path, cmds);
    free(cmds);
    p = out;
    for (size_t i = 0; i < ndirs; i++) {
        char marker[PATH_LEN + 16], *start, *end;

        snprintf(marker, sizeof marker, "debugfs: ls -p %s\n", dirs[i].path);
        start = strstr(p, marker);
        if (!start) {
            printf("# debugfs did not list %s\n", dirs[i].path);
            bad++;
            continue;
        }
        start += strlen(marker);
        end = strstr(start, "debugfs: ");
        if (end)
            end[-1] = '\0';
        bad += compare_listing(&im->fs, &dirs[i], start);
        if (!end)
            break;
        p = end;
    }
    free(out);
    return bad;
}

static inline int compare_tree(struct image *im)
{
    return compare_tree_stats(im, 64);
}

#endif
