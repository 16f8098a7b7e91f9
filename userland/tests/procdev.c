/*
 * Devices and /proc: device nodes made on the ext2 image open the Cowix
 * device with that major:minor; /dev's own devices behave as on Linux,
 * the terminals too (/dev/tty only with a controlling terminal); /proc
 * shows this process as Linux would.
 */
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <termios.h>

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

/* Open path; whether it is a terminal; close it.  -errno if it cannot be
 * opened. */
static int open_isatty(const char *path, int flags)
{
    int fd = open(path, flags);
    if (fd < 0)
        return -errno;
    errno = 0;
    int tty = isatty(fd);
    CHECK(tty || errno == ENOTTY);
    close(fd);
    return tty;
}

static void make_node(const char *path, int major, int minor)
{
    CHECK(mknod(path, S_IFCHR | 0666, makedev(major, minor)) == 0);
}

/* Nodes made on ext2 with the numbers of urandom, tty, console and ttyS0
 * open those devices. */
static void made_nodes(void)
{
    make_node("/tmp/urandom", 1, 9);
    make_node("/tmp/tty", 5, 0);
    make_node("/tmp/console", 5, 1);
    make_node("/tmp/ttyS0", 4, 64);
    unsigned char rnd[16] = {0};
    int fd = open("/tmp/urandom", O_RDONLY);
    CHECK(fd >= 0 && read(fd, rnd, sizeof rnd) == sizeof rnd);
    CHECK(!isatty(fd) && errno == ENOTTY);
    close(fd);
    int nonzero = 0;
    for (unsigned i = 0; i < sizeof rnd; i++)
        nonzero += rnd[i] != 0;
    CHECK(nonzero > 8);
    CHECK_EQ(open_isatty("/tmp/console", O_RDWR | O_NOCTTY), 1);
    CHECK_EQ(open_isatty("/tmp/ttyS0", O_RDWR | O_NOCTTY), 1);
    CHECK_EQ(open_isatty("/tmp/tty", O_RDWR), -ENXIO);     /* no controlling tty */
}

/* /tests/run's console is not a controlling terminal (Linux gives init
 * none), and opening the line from outside a session leader does not make
 * it one, so /dev/tty is ENXIO.  A new session's leader that opens the
 * serial line gets it as its controlling terminal, and then /dev/tty is
 * that line; /dev/console never becomes one. */
static void controlling_tty(void)
{
    CHECK(getsid(0) != getpid());
    CHECK_EQ(open_isatty("/dev/console", O_RDWR), 1);
    CHECK_EQ(open_isatty("/dev/ttyS0", O_RDWR), 1);
    CHECK_EQ(open_isatty("/dev/tty", O_RDWR), -ENXIO);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        CHECK(setsid() == getpid());
        CHECK_EQ(open_isatty("/dev/console", O_RDWR), 1);
        CHECK_EQ(open_isatty("/dev/tty", O_RDWR), -ENXIO);
        int fd = open("/dev/ttyS0", O_RDWR);
        CHECK(fd >= 0 && isatty(fd));
        CHECK_EQ(tcgetsid(fd), getpid());
        CHECK_EQ(open_isatty("/dev/tty", O_RDWR), 1);
        CHECK_EQ(open_isatty("/tmp/tty", O_RDWR), 1);
        _exit(0);
    }
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK_EQ(status, 0);
    CHECK_EQ(open_isatty("/dev/tty", O_RDWR), -ENXIO);  /* that session is gone */
    CHECK_EQ(open_isatty("/dev/null", O_RDWR), 0);
}

/* Descriptors 0, 1 and 2 are the console init was given. */
static void standard_fds(void)
{
    for (int fd = 0; fd < 3; fd++) {
        char path[32], link[64] = {0};
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        CHECK(readlink(path, link, sizeof link - 1) > 0);
        CHECK(strcmp(link, "/dev/console") == 0);
        CHECK(isatty(fd));
    }
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
    made_nodes();
    controlling_tty();
    standard_fds();
    const char *nodes[] = {"zero", "null", "nodev", "urandom", "tty", "console", "ttyS0"};
    for (unsigned i = 0; i < sizeof nodes / sizeof *nodes; i++) {
        char path[32];
        snprintf(path, sizeof path, "/tmp/%s", nodes[i]);
        CHECK(unlink(path) == 0);
    }
    printf("device nodes on ext2 and in /dev open the right devices\n");
    printf("terminals: /dev/tty only with a controlling tty; fds 0-2 the console\n");

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

    /* /proc/self/fd: links naming each open file, that open it again. */
    int p[2];
    CHECK(pipe(p) == 0);
    int motd = open("/etc/motd", O_RDONLY);
    CHECK(motd >= 0);
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", p[0]);
    memset(link, 0, sizeof link);
    CHECK(readlink(path, link, sizeof link) > 0 && strncmp(link, "pipe:[", 6) == 0);
    snprintf(path, sizeof path, "/proc/self/fd/%d", motd);
    memset(link, 0, sizeof link);
    CHECK(readlink(path, link, sizeof link) > 0 && strcmp(link, "/etc/motd") == 0);
    memset(link, 0, sizeof link);
    CHECK(readlink("/proc/self/fd/1", link, sizeof link) > 0 && strcmp(link, "/dev/console") == 0);
    snprintf(path, sizeof path, "/proc/self/fd/%d", p[1]);
    int again = open(path, O_WRONLY);               /* the same pipe */
    CHECK(again >= 0 && write(again, "via fd link", 11) == 11);
    close(again);
    char got[16] = {0};
    CHECK(read(p[0], got, sizeof got) == 11 && strcmp(got, "via fd link") == 0);
    int out = open("/dev/stdout", O_WRONLY);        /* -> /proc/self/fd/1 */
    CHECK(out >= 0 && write(out, "written to /dev/stdout\n", 23) == 23);
    close(out);
    int listed = 0;
    DIR *d = opendir("/proc/self/fd");
    CHECK(d != NULL);
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        listed += e->d_name[0] != '.';
    closedir(d);
    CHECK(listed >= 6);             /* 0, 1, 2, the pipe, motd, the directory */
    close(p[0]);
    close(p[1]);
    close(motd);
    printf("/proc/self/fd: links name pipes, devices and files, and reopen them\n");
    pass("procdev");
    return 0;
}
