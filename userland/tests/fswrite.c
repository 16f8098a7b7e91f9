/*
 * The writable file system from user space: create, append, rename, link
 * and remove files and directories; a 6 MiB file (double-indirect
 * blocks) with a hole; 3,000 files in one directory; filling the disk to
 * -ENOSPC (blocks, then inodes) and freeing it all, with statfs's figures
 * back where they started; a file unlinked while open.  Leaves the image
 * as it found it and says so, so the host can dump it and run e2fsck.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <kernel/uapi/statfs.h>
#include <sys/syscall.h>

#include "t.h"

/* statfs64 directly: the figures e2fsck will also see. */
static int fs_figures(struct statfs64 *s)
{
    return raw(__NR_statfs64, (long)"/", sizeof *s, (long)s) == 0 ? 0 : -1;
}

static void put(const char *path, const char *text, int flags)
{
    int fd = open(path, O_WRONLY | O_CREAT | flags, 0644);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, text, strlen(text)), (long)strlen(text));
    CHECK(close(fd) == 0);
}

static void expect(const char *path, const char *text)
{
    char buf[256];
    int fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    CHECK(n >= 0);
    buf[n] = 0;
    close(fd);
    if (strcmp(buf, text))
        printf("%s holds \"%s\", not \"%s\"\n", path, buf, text);
    CHECK(strcmp(buf, text) == 0);
}

static void names(void)
{
    CHECK(mkdir("/tmp/w", 0755) == 0);
    CHECK(mkdir("/tmp/w", 0755) == -1 && errno == EEXIST);
    put("/tmp/w/a", "one\n", O_TRUNC);
    put("/tmp/w/a", "two\n", O_APPEND);
    expect("/tmp/w/a", "one\ntwo\n");
    CHECK(open("/tmp/w/a", O_CREAT | O_EXCL | O_WRONLY, 0644) == -1 && errno == EEXIST);
    CHECK(rename("/tmp/w/a", "/tmp/w/b") == 0);
    CHECK(access("/tmp/w/a", F_OK) == -1 && errno == ENOENT);
    CHECK(link("/tmp/w/b", "/tmp/w/c") == 0);
    struct stat st;
    CHECK(stat("/tmp/w/b", &st) == 0 && st.st_nlink == 2);
    CHECK(symlink("b", "/tmp/w/s") == 0);
    expect("/tmp/w/s", "one\ntwo\n");
    CHECK(mkdir("/tmp/w/d", 0755) == 0);
    put("/tmp/w/d/x", "x\n", 0);
    CHECK(rmdir("/tmp/w/d") == -1 && errno == ENOTEMPTY);
    CHECK(rename("/tmp/w/d", "/tmp/w/d/sub") == -1 && errno == EINVAL);
    CHECK(rename("/tmp/w/d", "/tmp/w/e") == 0);         /* a directory moves */
    CHECK(rename("/tmp/w/c", "/tmp/w/b") == 0);         /* same inode: no-op */
    put("/tmp/w/f", "replaced\n", 0);
    CHECK(rename("/tmp/w/f", "/tmp/w/b") == 0);         /* atomic replace */
    expect("/tmp/w/b", "replaced\n");
    expect("/tmp/w/c", "one\ntwo\n");
    CHECK(unlink("/tmp/w/e") == -1 && errno == EISDIR);
    CHECK(rmdir("/tmp/w/b") == -1 && errno == ENOTDIR);
    CHECK(rmdir("/") == -1 && errno == EBUSY);
    char longname[300];
    memset(longname, 'l', 299);
    longname[299] = 0;
    CHECK(open(longname, O_CREAT | O_WRONLY, 0644) == -1 && errno == ENAMETOOLONG);
    CHECK(unlink("/tmp/w/e/x") == 0 && rmdir("/tmp/w/e") == 0);
    CHECK(unlink("/tmp/w/b") == 0 && unlink("/tmp/w/c") == 0 && unlink("/tmp/w/s") == 0);
    CHECK(rmdir("/tmp/w") == 0);
    printf("names: create, append, rename, link, symlink, rmdir and their errors\n");
}

#define BIG (6 * 1024 * 1024)

static void big_file(void)
{
    static char chunk[65536];
    int fd = open("/tmp/big", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    for (long off = 0; off < BIG; off += sizeof chunk) {
        for (size_t i = 0; i < sizeof chunk; i += 4096)
            memcpy(chunk + i, &off, sizeof off), chunk[i + 8] = (char)(i >> 12);
        CHECK_EQ(write(fd, chunk, sizeof chunk), (long)sizeof chunk);
    }
    CHECK(lseek(fd, BIG + 1000000, SEEK_SET) == BIG + 1000000);  /* a hole */
    CHECK_EQ(write(fd, "end", 3), 3);
    struct stat st;
    CHECK(fstat(fd, &st) == 0 && st.st_size == BIG + 1000003);
    CHECK(pread(fd, chunk, 4096, BIG + 4096) == 4096);
    for (int i = 0; i < 4096; i++)
        CHECK_EQ(chunk[i], 0);                                /* holes read zero */
    long off = 5 * 1024 * 1024;
    CHECK(pread(fd, chunk, 16, off) == 16);
    CHECK(memcmp(chunk, &off, sizeof off) == 0);
    CHECK(ftruncate(fd, 100) == 0 && fstat(fd, &st) == 0 && st.st_size == 100);
    CHECK(close(fd) == 0 && unlink("/tmp/big") == 0);
    printf("a 6 MiB file with a hole, read back and truncated\n");
}

static void many_files(void)
{
    CHECK(mkdir("/tmp/many", 0755) == 0);
    char path[64];
    for (int i = 0; i < 3000; i++) {
        snprintf(path, sizeof path, "/tmp/many/file-%04d", i);
        put(path, path, 0);
    }
    for (int i = 0; i < 3000; i += 250) {
        snprintf(path, sizeof path, "/tmp/many/file-%04d", i);
        expect(path, path);
    }
    for (int i = 0; i < 3000; i++) {
        snprintf(path, sizeof path, "/tmp/many/file-%04d", i);
        CHECK(unlink(path) == 0);
    }
    CHECK(rmdir("/tmp/many") == 0);
    printf("3000 files in one directory created, read and removed\n");
}

static void fill_disk(void)
{
    static char chunk[65536];
    memset(chunk, 'F', sizeof chunk);
    int fd = open("/tmp/fill", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    long total = 0, n;
    while ((n = write(fd, chunk, sizeof chunk)) > 0)
        total += n;
    CHECK(n == -1 && errno == ENOSPC);
    close(fd);
    CHECK(mkdir("/tmp/inodes", 0755) == 0 || errno == ENOSPC);
    CHECK(unlink("/tmp/fill") == 0);
    printf("disk full after %ld KiB: ENOSPC\n", total / 1024);
    CHECK(total > 16 * 1024 * 1024);
    rmdir("/tmp/inodes");
    CHECK(mkdir("/tmp/inodes", 0755) == 0);
    char path[64];
    int files = 0;
    for (;; files++) {
        snprintf(path, sizeof path, "/tmp/inodes/%d", files);
        int f = open(path, O_WRONLY | O_CREAT, 0644);
        if (f < 0) {
            CHECK(errno == ENOSPC);
            break;
        }
        close(f);
    }
    printf("out of inodes after %d files: ENOSPC\n", files);
    CHECK(files > 4096);
    for (int i = 0; i < files; i++) {
        snprintf(path, sizeof path, "/tmp/inodes/%d", i);
        CHECK(unlink(path) == 0);
    }
    CHECK(rmdir("/tmp/inodes") == 0);
}

static void unlinked_while_open(void)
{
    put("/tmp/ghost", "still readable\n", O_TRUNC);
    int fd = open("/tmp/ghost", O_RDONLY);
    CHECK(fd >= 0 && unlink("/tmp/ghost") == 0);
    CHECK(access("/tmp/ghost", F_OK) == -1);
    char buf[32] = {0};
    CHECK(read(fd, buf, sizeof buf) == 15 && strcmp(buf, "still readable\n") == 0);
    CHECK(close(fd) == 0);
    printf("a file unlinked while open stays readable until closed\n");
}

int main(int argc, char **argv)
{
    struct statfs64 before, after;
    CHECK(fs_figures(&before) == 0);
    printf("before: %llu free blocks, %llu free inodes\n",
           (unsigned long long)before.f_bfree, (unsigned long long)before.f_ffree);
    names();
    big_file();
    many_files();
    unlinked_while_open();
    fill_disk();
    CHECK(fs_figures(&after) == 0);
    printf("after: %llu free blocks, %llu free inodes\n",
           (unsigned long long)after.f_bfree, (unsigned long long)after.f_ffree);
    CHECK_EQ(after.f_bfree, before.f_bfree);
    CHECK_EQ(after.f_ffree, before.f_ffree);
    pass("fswrite");
    if (argc > 1 && !strcmp(argv[1], "hold")) {
        printf("IMAGE-DUMP-NOW\n");     /* the host dumps the image now */
        fflush(stdout);
        for (;;)
            pause();
    }
    return 0;
}
