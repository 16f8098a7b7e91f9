/*
 * Devices and /proc: device nodes made on the ext2 image open the Cowix
 * device with that major:minor; /dev's own devices behave as on Linux;
 * /proc shows this process as Linux would.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "t.h"

static void read_zeros(const char *path)
{
    char buf[64];
    memset(buf, 'x', sizeof buf);
    int fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    CHECK_EQ(read(fd, buf, sizeof buf), (long)sizeof buf);
    for (unsigned i = 0; i < sizeof buf; i++)
        CHECK_EQ(buf[i], 0);
    close(fd);
}

static void slurp(const char *path, char *buf, int size)
{
    int fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    int n = read_all(fd, buf, size - 1);
    CHECK(n > 0);
    close(fd);
}

int main(int argc, char **argv)
{
    (void)argc;
    CHECK(mknod("/tmp/zero", S_IFCHR | 0666, makedev(1, 5)) == 0);
    CHECK(mknod("/tmp/null", S_IFCHR | 0666, makedev(1, 3)) == 0);
    CHECK(mknod("/tmp/nodev", S_IFCHR | 0666, makedev(42, 42)) == 0);
    struct stat st;
    CHECK(stat("/tmp/zero", &st) == 0 && S_ISCHR(st.st_mode));
    CHECK(major(st.st_rdev) == 1 && minor(st.st_rdev) == 5);
    read_zeros("/tmp/zero");
    read_zeros("/dev/zero");
    int fd = open("/tmp/null", O_RDWR);
    char c;
    CHECK(fd >= 0 && write(fd, "gone", 4) == 4 && read(fd, &c, 1) == 0);
    close(fd);
    CHECK(open("/tmp/nodev", O_RDONLY) == -1 && errno == ENXIO);
    fd = open("/dev/full", O_WRONLY);
    CHECK(fd >= 0 && write(fd, "x", 1) == -1 && errno == ENOSPC);
    close(fd);
    unsigned char rnd[32] = {0};
    fd = open("/dev/urandom", O_RDONLY);
    CHECK(fd >= 0 && read(fd, rnd, sizeof rnd) == sizeof rnd);
    close(fd);
    int nonzero = 0;
    for (unsigned i = 0; i < sizeof rnd; i++)
        nonzero += rnd[i] != 0;
    CHECK(nonzero > 20);
    unlink("/tmp/zero");
    unlink("/tmp/null");
    unlink("/tmp/nodev");
    printf("device nodes on ext2 and in /dev open the right devices\n");

    static char text[8192];
    slurp("/proc/self/stat", text, sizeof text);
    char want[64];
    snprintf(want, sizeof want, "%d (procdev) R %d ", getpid(), getppid());
    CHECK(strncmp(text, want, strlen(want)) == 0);
    slurp("/proc/self/cmdline", text, sizeof text);
    CHECK(strcmp(text, argv[0]) == 0);
    slurp("/proc/self/status", text, sizeof text);
    CHECK(strstr(text, "Name:\tprocdev\n") && strstr(text, "State:\tR (running)\n"));
    slurp("/proc/meminfo", text, sizeof text);
    CHECK(strncmp(text, "MemTotal:", 9) == 0 && strstr(text, "\nCowShared:"));
    slurp("/proc/self/maps", text, sizeof text);
    CHECK(strstr(text, "[stack]") && strstr(text, "r-xp"));
    char link[64] = {0};
    CHECK(readlink("/proc/self/exe", link, sizeof link) > 0 && strcmp(link, "/tests/procdev") == 0);
    snprintf(want, sizeof want, "%d", getpid());
    memset(link, 0, sizeof link);
    CHECK(readlink("/proc/self", link, sizeof link) > 0 && strcmp(link, want) == 0);
    printf("/proc/self: stat, cmdline, status, maps, exe as Linux shows them\n");
    pass("procdev");
    return 0;
}
