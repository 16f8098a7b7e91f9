/*
 * Mutated ext2 images, mounted and read inside Cowix.  A seed image
 * (made on the host: /tests/data/seed.ext2) is copied, mutated at random
 * (metadata mostly: superblock, group descriptors, bitmaps, inode table,
 * directory blocks), written to /tmp and mounted with `mount -t ext2`;
 * then the whole tree is walked and every file read (and, on writable
 * mounts, a few files created and removed).  Every failure must be an
 * errno and never a panic; every mount must unmount again; at the end the
 * kernel's counters are back (the run is made under /tests/run).
 *
 *   /tests/hostile_ext2 [images=N] [seed=S]    (default 500 images, seed 1)
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include "t.h"
#include "fuzz_rng.h"

#define SEED_IMAGE "/tests/data/seed.ext2"
#define IMAGE "/tmp/mutant.ext2"
#define MOUNT "/tmp/mnt"
#define MAX_IMAGE (512 * 1024)
#define MS_RDONLY 1

static uint8_t seed_img[MAX_IMAGE], img[MAX_IMAGE];
static long seed_size;
static long mounted, refused, entries, bytes_read, problems;

static long sys_mount(const char *src, const char *dst, int flags)
{
    long r;
    __asm__ volatile("int $0x80" : "=a"(r)
                     : "a"(__NR_mount), "b"(src), "c"(dst), "d"("ext2"), "S"(flags), "D"(0)
                     : "memory");
    return r;
}

static long sys_umount(const char *dst)
{
    return raw(__NR_umount2, (long)dst, 0, 0);
}

static uint32_t hostile(void)
{
    static const uint32_t values[] = {0, 1, 2, 0xff, 0xffff, 0x7fffffff, 0x80000000,
                                      0xffffffff, 1024, 4096, 12, 13, 0x10000};
    return one_in(2) ? rng() : values[below(sizeof values / sizeof values[0])];
}

/* A few changes, most of them in the first 16 KiB where the metadata is. */
static void mutate(void)
{
    memcpy(img, seed_img, (size_t)seed_size);
    int changes = 1 + (int)below(12);
    for (int i = 0; i < changes; i++) {
        uint32_t span = one_in(5) ? (uint32_t)seed_size : 16384;
        uint32_t at = below(span);
        if (one_in(3)) {
            uint32_t v = hostile();
            at &= ~3u;
            memcpy(img + at, &v, 4);
        } else if (one_in(2)) {
            img[at] ^= (uint8_t)(1u << below(8));
        } else {
            img[at] = (uint8_t)rng();
        }
    }
}

static void read_file(const char *path)
{
    static char buf[4096];
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return;
    long n, total = 0;
    while (total < 256 * 1024 && (n = read(fd, buf, sizeof buf)) > 0)
        total += n;
    bytes_read += total;
    close(fd);
}

/* Walk at most a few hundred entries, a few levels deep. */
static void walk(const char *dir, int depth)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    for (int n = 0; n < 200 && (e = readdir(d)) != NULL; n++) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        entries++;
        struct stat st;
        if (lstat(path, &st) < 0)
            continue;
        if (S_ISDIR(st.st_mode) && depth < 6)
            walk(path, depth + 1);
        else if (S_ISLNK(st.st_mode)) {
            char target[256];
            readlink(path, target, sizeof target);
        } else if (S_ISREG(st.st_mode)) {
            read_file(path);
        }
    }
    closedir(d);
}

static void scribble(void)
{
    int fd = open(MOUNT "/new", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd >= 0) {
        static char data[20000];
        write(fd, data, sizeof data);
        close(fd);
    }
    mkdir(MOUNT "/newdir", 0755);
    rename(MOUNT "/new", MOUNT "/newdir/moved");
    unlink(MOUNT "/newdir/moved");
    rmdir(MOUNT "/newdir");
}

static void one_image(int i)
{
    mutate();
    int fd = open(IMAGE, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0 && write(fd, img, (size_t)seed_size) == seed_size);
    close(fd);
    int flags = i % 2 ? MS_RDONLY : 0;
    long r = sys_mount(IMAGE, MOUNT, flags);
    if (r < 0) {
        refused++;
        if (r != -EINVAL && r != -EIO && r != -ENOMEM) {
            printf("image %d: mount gave %ld\n", i, r);
            problems++;
        }
        return;
    }
    mounted++;
    walk(MOUNT, 0);
    if (!flags)
        scribble();
    r = sys_umount(MOUNT);
    if (r != 0) {
        printf("image %d: umount gave %ld\n", i, r);
        problems++;
    }
}

int main(int argc, char **argv)
{
    long images = 500, seed = 1;
    for (int i = 1; i < argc; i++) {
        if (!strncmp(argv[i], "images=", 7))
            images = atol(argv[i] + 7);
        else if (!strncmp(argv[i], "seed=", 5))
            seed = atol(argv[i] + 5);
    }
    int fd = open(SEED_IMAGE, O_RDONLY);
    CHECK(fd >= 0);
    seed_size = read(fd, seed_img, sizeof seed_img);
    close(fd);
    CHECK(seed_size > 4096);
    CHECK(mkdir(MOUNT, 0755) == 0);

    /* First the intact image: mounted, read, busy while in use. */
    memcpy(img, seed_img, (size_t)seed_size);
    fd = open(IMAGE, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0 && write(fd, img, (size_t)seed_size) == seed_size);
    close(fd);
    CHECK_EQ(sys_mount(IMAGE, MOUNT, 0), 0);
    CHECK_EQ(sys_mount(IMAGE, MOUNT, 0), -EBUSY);
    walk(MOUNT, 0);
    CHECK(entries > 5 && bytes_read > 10000);
    int open_file = open(MOUNT "/big", O_RDONLY);
    CHECK(open_file >= 0);
    CHECK_EQ(sys_umount(MOUNT), -EBUSY);            /* a file is open */
    close(open_file);
    CHECK_EQ(rmdir(MOUNT), -1);                      /* a mount point */
    CHECK_EQ(errno, EBUSY);
    CHECK_EQ(sys_umount(MOUNT), 0);
    CHECK_EQ(sys_umount(MOUNT), -EINVAL);            /* nothing mounted now */
    printf("the intact image: %ld entries, %ld bytes read\n", entries, bytes_read);

    rng_seed((uint32_t)seed, 0);
    entries = bytes_read = 0;
    for (int i = 0; i < images; i++)
        one_image(i);
    printf("%ld mutated images: %ld mounted and walked (%ld entries, %ld bytes), "
           "%ld refused\n", images, mounted, entries, bytes_read, refused);
    CHECK(unlink(IMAGE) == 0 && rmdir(MOUNT) == 0);
    CHECK_EQ(problems, 0);
    pass("hostile_ext2");
    return 0;
}
