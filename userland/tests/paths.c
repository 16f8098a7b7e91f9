/*
 * Path lookup edge cases, each with the errno Linux gives; getcwd, fchdir
 * and the file status flags (F_GETFL, F_SETFL) as Linux's calls give them.
 */
#include <fcntl.h>
#include <sys/stat.h>

#include "t.h"

/* Linux i386 numbers: the raw calls show what the kernel itself returns. */
#define NR_OPEN 5
#define NR_FCNTL 55
#define NR_GETCWD 183

static void same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) != 0 || stat(b, &sb) != 0)
        printf("stat %s or %s: %s\n", a, b, strerror(errno));
    CHECK(stat(a, &sa) == 0);
    CHECK(stat(b, &sb) == 0);
    if (sa.st_ino != sb.st_ino)
        printf("%s and %s differ\n", a, b);
    CHECK_EQ(sa.st_ino, sb.st_ino);
}

static void fails(const char *path, int err)
{
    struct stat st;
    errno = 0;
    int r = stat(path, &st);
    if (r != -1 || errno != err)
        printf("stat(%s): %d, errno %d (want %d)\n", path, r, errno, err);
    CHECK(r == -1 && errno == err);
}

/* The system call returns the length of the path with its NUL (the C
 * library's getcwd returns the buffer). */
static void getcwd_length(void)
{
    char buf[64];
    CHECK(chdir("/") == 0);
    CHECK_EQ(raw(NR_GETCWD, (long)buf, sizeof buf, 0), 2);
    CHECK(strcmp(buf, "/") == 0);
    CHECK(chdir("/bin") == 0);
    CHECK_EQ(raw(NR_GETCWD, (long)buf, sizeof buf, 0), 5);
    CHECK(strcmp(buf, "/bin") == 0);
    CHECK_EQ(raw(NR_GETCWD, (long)buf, 5, 0), 5);       /* just fits */
    CHECK_EQ(raw(NR_GETCWD, (long)buf, 4, 0), -ERANGE);
    CHECK(chdir("/") == 0);
}

/* fchdir to an open directory; not to a file or a closed descriptor. */
static void fchdir_calls(void)
{
    char cwd[64];
    int dir = open("/bin", O_RDONLY | O_DIRECTORY);
    int file = open("/bin/sh", O_RDONLY);
    CHECK(dir >= 0 && file >= 0);
    CHECK(fchdir(dir) == 0);
    CHECK(getcwd(cwd, sizeof cwd) && strcmp(cwd, "/bin") == 0);
    same_file("sh", "/bin/sh");
    CHECK(fchdir(file) == -1 && errno == ENOTDIR);
    close(file);
    CHECK(fchdir(file) == -1 && errno == EBADF);
    CHECK(getcwd(cwd, sizeof cwd) && strcmp(cwd, "/bin") == 0);
    close(dir);
    CHECK(chdir("/") == 0);
}

/* F_GETFL shows the access mode and the status flags, not the flags that
 * only acted at open (O_CREAT, O_TRUNC); F_SETFL changes O_APPEND and
 * O_NONBLOCK and keeps the access mode. */
static void status_flags(void)
{
    int fd = (int)raw(NR_OPEN, (long)"/tmp/flags", O_RDWR | O_CREAT | O_TRUNC, 0644);
    CHECK(fd >= 0);
    CHECK_EQ(raw(NR_FCNTL, fd, F_GETFL, 0), O_RDWR);
    CHECK_EQ(raw(NR_FCNTL, fd, F_SETFL, O_RDONLY | O_APPEND | O_NONBLOCK), 0);
    CHECK_EQ(raw(NR_FCNTL, fd, F_GETFL, 0), O_RDWR | O_APPEND | O_NONBLOCK);
    CHECK(write(fd, "ab", 2) == 2 && lseek(fd, 0, SEEK_SET) == 0);
    CHECK(write(fd, "c", 1) == 1);                      /* appended */
    CHECK_EQ(lseek(fd, 0, SEEK_CUR), 3);
    CHECK_EQ(raw(NR_FCNTL, fd, F_SETFL, 0), 0);
    CHECK_EQ(raw(NR_FCNTL, fd, F_GETFL, 0), O_RDWR);
    close(fd);
    CHECK(unlink("/tmp/flags") == 0);

    int p[2];
    char c;
    CHECK(pipe(p) == 0);
    CHECK_EQ(raw(NR_FCNTL, p[0], F_GETFL, 0), O_RDONLY);
    CHECK_EQ(raw(NR_FCNTL, p[1], F_GETFL, 0), O_WRONLY);
    CHECK_EQ(raw(NR_FCNTL, p[0], F_SETFL, O_NONBLOCK), 0);
    CHECK(read(p[0], &c, 1) == -1 && errno == EAGAIN);  /* would block */
    close(p[0]);
    close(p[1]);
}

int main(void)
{
    same_file("/", "//");
    same_file("/", "/..");
    same_file("/", "/../../..");
    same_file("/bin/sh", "/./bin/../bin//sh");
    same_file("/bin/sh", "///bin///sh");
    same_file("/dev", "/dev/.");
    same_file("/", "/dev/..");
    same_file("/", "/proc/..");
    CHECK(chdir("/bin") == 0);
    same_file("sh", "/bin/sh");
    same_file("..", "/");
    same_file("../bin/./sh", "/bin/sh");
    char cwd[64];
    CHECK(getcwd(cwd, sizeof cwd) != NULL);
    CHECK(strcmp(cwd, "/bin") == 0);
    CHECK(getcwd(cwd, 4) == NULL && errno == ERANGE);
    CHECK(chdir("/dev") == 0 && getcwd(cwd, sizeof cwd) && strcmp(cwd, "/dev") == 0);
    CHECK(chdir("/") == 0);

    fails("", ENOENT);
    fails("/no/such", ENOENT);
    fails("/bin/sh/x", ENOTDIR);
    fails("/bin/sh/", ENOTDIR);
    CHECK(chdir("/bin/sh") == -1 && errno == ENOTDIR);

    char name[300];
    memset(name, 'n', 257);
    name[0] = '/';
    name[257] = 0;
    fails(name, ENAMETOOLONG);              /* one component of 256 bytes */
    static char longpath[5000];
    for (int i = 0; i < 4990; i += 2)
        memcpy(longpath + i, "/.", 2);
    fails(longpath, ENAMETOOLONG);          /* more than PATH_MAX */

    /* Symbolic links: relative ones resolve from their directory; a loop
     * is ELOOP; O_NOFOLLOW refuses a final link. */
    mkdir("/tmp/p", 0755);
    CHECK(symlink("../../bin", "/tmp/p/up") == 0);    /* from /tmp/p */
    same_file("/tmp/p/up/sh", "/bin/sh");
    CHECK(symlink("loop2", "/tmp/p/loop1") == 0);
    CHECK(symlink("loop1", "/tmp/p/loop2") == 0);
    fails("/tmp/p/loop1", ELOOP);
    CHECK(open("/tmp/p/up", O_RDONLY | O_NOFOLLOW) == -1 && errno == ELOOP);
    struct stat st;
    CHECK(lstat("/tmp/p/up", &st) == 0 && S_ISLNK(st.st_mode));
    CHECK(chdir("/tmp/p/up") == 0 && getcwd(cwd, sizeof cwd) && strcmp(cwd, "/bin") == 0);
    CHECK(chdir("/") == 0);
    unlink("/tmp/p/up");
    unlink("/tmp/p/loop1");
    unlink("/tmp/p/loop2");
    CHECK(rmdir("/tmp/p") == 0);

    getcwd_length();
    fchdir_calls();
    status_flags();
    printf("getcwd length with the NUL, fchdir, F_GETFL/F_SETFL as on Linux\n");
    pass("paths");
    return 0;
}
