/*
 * The fuzz parent's housekeeping of the file system (part of /tests/fuzz,
 * see fuzz.c): the workers' sandboxes /tmp/fuzz/SLOT, the files random
 * calls leave outside them, and the leak check at the end.  The check
 * allows for one thing: a directory keeps the blocks it grew to when its
 * entries go (ext2 on Linux does the same), and "/" and "/tmp" may have
 * grown to hold those strays.
 */
#ifndef TESTS_FUZZ_CLEANUP_H
#define TESTS_FUZZ_CLEANUP_H

#include "robust.h"
#include "t.h"

#define MAX_NAMES 64

/* A directory random calls may leave files in: "/" (paths of random
 * bytes that start with '/') and "/tmp" (names made relative to a
 * descriptor the fuzz opened on it).  What was there before stays. */
struct watched {
    const char *path;
    char names[MAX_NAMES][64];
    int nnames;
    long blocks;                    /* its size, in 512-byte units */
};

static struct watched watched[] = {{"/", {{0}}, 0, 0}, {"/tmp", {{0}}, 0, 0}};
#define NWATCHED (sizeof watched / sizeof watched[0])

static long dir_blocks(const char *path)
{
    struct stat st;
    CHECK(stat(path, &st) == 0);
    return (long)st.st_blocks;
}

static void list_names(struct watched *w)
{
    DIR *d = opendir(w->path);
    struct dirent *e;
    CHECK(d != NULL);
    while ((e = readdir(d)) && w->nnames < MAX_NAMES)
        snprintf(w->names[w->nnames++], sizeof w->names[0], "%s", e->d_name);
    closedir(d);
    w->blocks = dir_blocks(w->path);
}

static int was_there(const struct watched *w, const char *name)
{
    for (int i = 0; i < w->nnames; i++)
        if (!strcmp(w->names[i], name))
            return 1;
    return 0;
}

static void remove_new_names(const struct watched *w)
{
    char path[300];
    struct dirent *e;
    DIR *d = opendir(w->path);
    CHECK(d != NULL);
    while ((e = readdir(d))) {
        struct stat st;
        if (was_there(w, e->d_name))
            continue;
        snprintf(path, sizeof path, "%s/%s", w->path, e->d_name);
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            empty_dir(path);
            rmdir(path);
        } else {
            unlink(path);
        }
    }
    closedir(d);
}

/* Counters and the watched directories, before any sandbox exists. */
static void baseline_take(struct snapshot *b)
{
    for (unsigned i = 0; i < NWATCHED; i++)
        list_names(&watched[i]);
    CHECK(snapshot_take(b) == 0);
}

static void remove_strays(void)
{
    for (unsigned i = 0; i < NWATCHED; i++)
        remove_new_names(&watched[i]);
}

/* 1 (and what moved is printed) if something did not come back. */
static int leaked_since(const struct snapshot *before)
{
    struct snapshot now, want = *before;
    CHECK(snapshot_take(&now) == 0);
    for (unsigned i = 0; i < NWATCHED; i++)
        want.blocks_free -= (dir_blocks(watched[i].path) - watched[i].blocks) * 512 /
                            now.block_size;
    return snapshot_differs("fuzz: leak", &want, &now, 64 * 1024);
}

static void sandbox_path(char *buf, size_t size, int slot)
{
    snprintf(buf, size, "/tmp/fuzz/%d", slot);
}

static int make_sandboxes(int n)
{
    char dir[32];
    mkdir("/tmp/fuzz", 0755);
    for (int i = 0; i < n; i++) {
        sandbox_path(dir, sizeof dir, i);
        if (mkdir(dir, 0755) != 0)
            return -1;
    }
    return 0;
}

/* What is left in a sandbox that would not go, and why, to find the
 * call that made it. */
static void report_left(const char *dir)
{
    char path[300];
    struct dirent *e;
    DIR *d = opendir(dir);
    if (!d) {
        printf("fuzz: cannot open %s: %s\n", dir, strerror(errno));
        return;
    }
    while ((e = readdir(d))) {
        struct stat st;
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        int r = lstat(path, &st) == 0 && S_ISDIR(st.st_mode) ? rmdir(path) : unlink(path);
        printf("fuzz: left %s (mode %o): %s\n", path, (unsigned)st.st_mode,
               r ? strerror(errno) : "removed now");
    }
    closedir(d);
}

/* Remove /tmp/fuzz: the sandboxes and what random paths such as "../x"
 * made beside them.  0 if all of it went. */
static int remove_sandboxes(void)
{
    if (access("/tmp/fuzz", F_OK) != 0)
        return 0;
    if (empty_dir("/tmp/fuzz") == 0 && rmdir("/tmp/fuzz") == 0)
        return 0;
    printf("fuzz: cannot remove /tmp/fuzz: %s\n", strerror(errno));
    report_left("/tmp/fuzz");
    return -1;
}

#endif
