/*
 * Leak checks shared by the robustness programs (fuzz, hostile_*,
 * exhaust_*): a snapshot of the kernel's counters in /proc/kstat and of
 * the root file system's free blocks and inodes (statfs64), and a
 * comparison that names every figure that did not come back; whether a
 * program still runs; and the removal of a directory's contents, to put
 * the file system back.
 */
#ifndef TESTS_ROBUST_H
#define TESTS_ROBUST_H

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kernel/uapi/statfs.h"

/* The /proc/kstat counters, in the order of kstat_names. */
enum {
    KS_FRAMES_FREE, KS_HEAP_BYTES, KS_HEAP_BLOCKS, KS_PROCESSES, KS_FILES,
    KS_INODES, KS_KSTACKS, KS_SHARED_BYTES, KS_COUNT
};

static const char *const kstat_names[KS_COUNT] = {
    "frames_free", "heap_bytes", "heap_blocks", "processes", "files",
    "inodes", "kstacks", "shared_bytes",
};

struct snapshot {
    long k[KS_COUNT];
    long long blocks_free, inodes_free;     /* of the root file system */
    long block_size;
};

/* Fill k[] from /proc/kstat; 0 on success, -1 if a counter is missing. */
static inline int kstat_read(long k[KS_COUNT])
{
    char text[1024];
    int fd = open("/proc/kstat", O_RDONLY);
    if (fd < 0)
        return -1;
    int n = (int)read(fd, text, sizeof text - 1);
    close(fd);
    if (n <= 0)
        return -1;
    text[n] = 0;
    for (int i = 0; i < KS_COUNT; i++) {
        const char *at = strstr(text, kstat_names[i]);
        if (!at || sscanf(at + strlen(kstat_names[i]), " %ld", &k[i]) != 1)
            return -1;
    }
    return 0;
}

static inline int snapshot_take(struct snapshot *s)
{
    struct statfs64 fs;
    if (syscall(__NR_statfs64, "/", sizeof fs, &fs) != 0)
        return -1;
    s->blocks_free = (long long)fs.f_bfree;
    s->inodes_free = (long long)fs.f_ffree;
    s->block_size = (long)fs.f_bsize;
    return kstat_read(s->k);
}

/* Counters that must come back exactly, and those (memory) that may end
 * up to `slack` bytes worse: a kernel that keeps a small cache warm. */
static inline int snapshot_differs(const char *who, const struct snapshot *a,
                                   const struct snapshot *b, long slack)
{
    int bad = 0;
    for (int i = 0; i < KS_COUNT; i++) {
        long worse = a->k[i] - b->k[i];         /* frames_free: fewer is worse */
        if (i == KS_HEAP_BYTES || i == KS_HEAP_BLOCKS)
            worse = -worse;                     /* heap: more is worse */
        if (i == KS_SHARED_BYTES)
            continue;                           /* moves with any fork */
        long allowed = i == KS_FRAMES_FREE ? slack / 4096 :
                       i == KS_HEAP_BYTES ? slack : i == KS_HEAP_BLOCKS ? slack / 16 : 0;
        if (worse > allowed || (allowed == 0 && worse != 0)) {
            printf("%s: %s was %ld, now %ld\n", who, kstat_names[i], a->k[i], b->k[i]);
            bad = 1;
        }
    }
    if (a->blocks_free != b->blocks_free || a->inodes_free != b->inodes_free) {
        printf("%s: free blocks %lld -> %lld, free inodes %lld -> %lld\n", who,
               a->blocks_free, b->blocks_free, a->inodes_free, b->inodes_free);
        bad = 1;
    }
    return bad;
}

/* A leak check around a test.  Linux, where these programs are checked
 * too, has no /proc/kstat: there the check is skipped. */
struct leak_check {
    int on;
    struct snapshot before;
};

static inline void leak_check_begin(struct leak_check *c)
{
    c->on = snapshot_take(&c->before) == 0;
}

/* 1 if something did not come back (and says what). */
static inline int leak_check_end(struct leak_check *c, const char *who)
{
    struct snapshot after;
    if (!c->on)
        return 0;
    if (snapshot_take(&after) != 0) {
        printf("%s: /proc/kstat is gone\n", who);
        return 1;
    }
    return snapshot_differs(who, &c->before, &after, 64 * 1024);
}

/* Whether the program at path still forks, execs and exits 0. */
static inline int program_runs(const char *path)
{
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        execl(path, path, (char *)NULL);
        _exit(99);
    }
    int status = -1;
    return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
           WEXITSTATUS(status) == 0;
}

/* Remove everything in the current directory, working with names
 * relative to it so that no path grows long however deep the tree is.
 * Entries are removed while the directory is being read, so it is read
 * again until a pass finds nothing left.  0 if all of it went. */
static inline int empty_cwd(void)
{
    for (int pass = 0; pass < 100; pass++) {
        DIR *d = opendir(".");
        if (!d)
            return -1;
        int seen = 0;
        struct dirent *e;
        while ((e = readdir(d))) {
            struct stat st;
            if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
                continue;
            seen++;
            if (lstat(e->d_name, &st) == 0 && S_ISDIR(st.st_mode)) {
                chmod(e->d_name, 0700);
                if (chdir(e->d_name) == 0) {
                    empty_cwd();
                    chdir("..");
                }
                rmdir(e->d_name);
            } else {
                unlink(e->d_name);
            }
        }
        closedir(d);
        if (!seen)
            return 0;
    }
    return -1;
}

/* Remove everything below dir (dir itself stays); the working directory
 * is left as it was. */
static inline int empty_dir(const char *dir)
{
    int here = open(".", O_RDONLY | O_DIRECTORY);
    int err = chdir(dir) == 0 ? empty_cwd() : -1;
    if (here >= 0) {
        fchdir(here);
        close(here);
    }
    return err;
}

#endif
