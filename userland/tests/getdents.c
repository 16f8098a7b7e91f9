/*
 * getdents64 with buffers of every small size: too small for one entry is
 * -EINVAL; any size that fits entries returns all of them, the same as a
 * big buffer, with records 8-byte aligned and d_off resuming correctly.
 */
#include <fcntl.h>
#include <sys/syscall.h>

#include "t.h"

struct dirent64 {
    unsigned long long d_ino;
    long long d_off;
    unsigned short d_reclen;
    unsigned char d_type;
    char d_name[];
};

/* All names in `path` read with buffers of `size` bytes, joined by '/'. */
static int list(const char *path, int size, char *out, int cap)
{
    static char buf[8192];
    int fd = open(path, O_RDONLY | O_DIRECTORY);
    CHECK(fd >= 0);
    int len = 0, count = 0;
    long n;
    out[0] = 0;
    while ((n = raw(__NR_getdents64, fd, (long)buf, size)) > 0) {
        for (long off = 0; off < n;) {
            struct dirent64 *d = (struct dirent64 *)(buf + off);
            CHECK(d->d_reclen % 8 == 0 && d->d_reclen >= 20);
            len += snprintf(out + len, (size_t)(cap - len), "%s/", d->d_name);
            count++;
            off += d->d_reclen;
        }
    }
    CHECK_EQ(n, 0);
    close(fd);
    return count;
}

int main(void)
{
    static char big[16384], small[16384];
    int all = list("/bin", 8192, big, sizeof big);
    printf("/bin has %d entries\n", all);
    CHECK(all > 20);
    int fd = open("/bin", O_RDONLY | O_DIRECTORY);
    char tiny[24];
    CHECK_EQ(raw(__NR_getdents64, fd, (long)tiny, 8), -EINVAL);
    CHECK_EQ(raw(__NR_getdents64, fd, (long)tiny, 0), -EINVAL);
    CHECK_EQ(raw(__NR_getdents64, 1, (long)tiny, sizeof tiny), -ENOTDIR);
    close(fd);
    /* From the size of the largest record in /bin ("bench-tiny": 32). */
    for (int size = 32; size <= 88; size += 8) {
        int n = list("/bin", size, small, sizeof small);
        CHECK_EQ(n, all);
        CHECK(strcmp(small, big) == 0);
    }
    /* Seeking back to 0 starts over. */
    fd = open("/", O_RDONLY | O_DIRECTORY);
    char b1[512], b2[512];
    long n1 = raw(__NR_getdents64, fd, (long)b1, sizeof b1);
    CHECK(lseek(fd, 0, SEEK_SET) == 0);
    long n2 = raw(__NR_getdents64, fd, (long)b2, sizeof b2);
    CHECK(n1 > 0 && n1 == n2 && memcmp(b1, b2, (size_t)n1) == 0);
    close(fd);
    pass("getdents");
    return 0;
}
