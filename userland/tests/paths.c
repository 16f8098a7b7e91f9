/*
 * Path lookup edge cases, each with the errno Linux gives.
 */
#include <fcntl.h>
#include <sys/stat.h>

#include "t.h"

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
    pass("paths");
    return 0;
}
