/*
 * stat FILE...: show everything lstat knows about files.
 */
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <err.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include "userland/bin/lib/tools.h"

static const char *type_name(mode_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFREG: return "regular file";
    case S_IFDIR: return "directory";
    case S_IFLNK: return "symbolic link";
    case S_IFCHR: return "character special file";
    case S_IFBLK: return "block special file";
    case S_IFIFO: return "fifo";
    case S_IFSOCK: return "socket";
    default: return "unknown";
    }
}

static void print_time(const char *label, const struct timespec *ts)
{
    char buf[32];
    time_t t = ts->tv_sec;
    struct tm tm;
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", gmtime_r(&t, &tm));
    printf("%s: %s.%09ld +0000\n", label, buf, ts->tv_nsec);
}

static void show(const char *path, const struct stat *st)
{
    char mode[11];

    printf("  File: %s", path);
    if (S_ISLNK(st->st_mode)) {
        char target[4096];
        ssize_t n = readlink(path, target, sizeof target - 1);
        if (n >= 0)
            printf(" -> %.*s", (int)n, target);
    }
    printf("\n  Size: %-10lld Blocks: %-10lld IO Block: %-6ld %s\n",
           (long long)st->st_size, (long long)st->st_blocks,
           (long)st->st_blksize, type_name(st->st_mode));
    printf("Device: %u,%u\tInode: %-10llu Links: %u",
           major(st->st_dev), minor(st->st_dev),
           (unsigned long long)st->st_ino, (unsigned)st->st_nlink);
    if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
        printf("\tDevice type: %u,%u", major(st->st_rdev), minor(st->st_rdev));
    printf("\nAccess: (%04o/%s)  Uid: %5u   Gid: %5u\n",
           (unsigned)(st->st_mode & 07777), mode_string(st->st_mode, mode),
           (unsigned)st->st_uid, (unsigned)st->st_gid);
    print_time("Access", &st->st_atim);
    print_time("Modify", &st->st_mtim);
    print_time("Change", &st->st_ctim);
}

int main(int argc, char **argv)
{
    int status = 0;

    if (argc < 2 || argv[1][0] == '-') {
        fprintf(stderr, "usage: stat file...\n");
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (lstat(argv[i], &st) < 0) {
            warn("cannot stat '%s'", argv[i]);
            status = 1;
            continue;
        }
        show(argv[i], &st);
    }
    return status;
}
