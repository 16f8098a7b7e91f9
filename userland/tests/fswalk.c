/*
 * Walks the whole root file system (not /dev or /proc) and prints one line
 * per entry: "path type mode size hash" (hash: FNV-1a 64 of the contents
 * for files, of the target for symlinks).  The system test compares the
 * listing with the host's view of the tree the image was made from.  On
 * the way it checks that getdents64's d_ino equals lstat's st_ino and
 * d_type agrees with st_mode.
 */
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include "t.h"

static unsigned long long fnv(unsigned long long h, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static unsigned long long hash_file(const char *path, long long *size)
{
    static unsigned char buf[8192];
    unsigned long long h = 0xcbf29ce484222325ull;
    int fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    ssize_t n;
    *size = 0;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        h = fnv(h, buf, (size_t)n);
        *size += n;
    }
    CHECK(n == 0);
    close(fd);
    return h;
}

static int entries;

static void walk(const char *dir)
{
    DIR *d = opendir(dir);
    CHECK(d != NULL);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", strcmp(dir, "/") ? dir : "", e->d_name);
        if (!strcmp(path, "/dev") || !strcmp(path, "/proc"))
            continue;                       /* mount points */
        struct stat st;
        CHECK(lstat(path, &st) == 0);
        CHECK_EQ(e->d_ino, st.st_ino);
        if (e->d_type != DT_UNKNOWN)
            CHECK_EQ(e->d_type, (st.st_mode >> 12) & 017);
        entries++;
        if (S_ISDIR(st.st_mode)) {
            printf("%s d %o 0 0\n", path, st.st_mode & 07777);
            walk(path);
        } else if (S_ISLNK(st.st_mode)) {
            char target[1024];
            ssize_t n = readlink(path, target, sizeof target);
            CHECK(n > 0);
            printf("%s l %o %ld %016llx\n", path, st.st_mode & 07777, (long)n,
                   fnv(0xcbf29ce484222325ull, (unsigned char *)target, (size_t)n));
        } else {
            long long size;
            unsigned long long h = hash_file(path, &size);
            CHECK_EQ(size, st.st_size);
            printf("%s f %o %lld %016llx\n", path, st.st_mode & 07777, size, h);
        }
    }
    closedir(d);
}

int main(void)
{
    printf("WALK-BEGIN\n");
    walk("/");
    printf("WALK-END %d entries\n", entries);
    pass("fswalk");
    return 0;
}
