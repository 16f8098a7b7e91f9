/*
 * Names at and past their limits: a path of 4095 bytes is looked up and
 * one of 4096 is -ENAMETOOLONG; the same for a symlink's target; and a
 * directory tree 1400 levels deep (a path of over 4 KiB) can be built,
 * worked in with relative names, and removed again, while getcwd fails
 * and absolute paths into it are -ENAMETOOLONG.  Afterwards the free blocks
 * and inodes are what they were.  (The limit of 40 symlinks in one lookup
 * is fuzz_regress's case symlink_chain_40.)
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>

#include "t.h"
#include "robust.h"

#define PATH_MAX  4096
#define DEPTH     1400
#define TOP       "/tmp/names"

static char path[2 * PATH_MAX];

/* "././././...x" of exactly len bytes. */
static const char *dots(int len)
{
    for (int i = 0; i < len - 1; i += 2)
        memcpy(path + i, "./", 2);
    path[len - 1] = 'x';
    path[len] = 0;
    return path;
}

static void path_length_limit(void)
{
    CHECK_EQ(raw(__NR_access, (long)dots(PATH_MAX - 1), F_OK, 0), -ENOENT);
    CHECK_EQ(raw(__NR_access, (long)dots(PATH_MAX + 1), F_OK, 0), -ENAMETOOLONG);
    memset(path, 'a', PATH_MAX);
    path[PATH_MAX] = 0;                     /* 4096 bytes */
    CHECK_EQ(raw(__NR_symlink, (long)path, (long)"long", 0), -ENAMETOOLONG);
    path[PATH_MAX - 1] = 0;                 /* 4095 bytes */
    CHECK(symlink(path, "long") == 0);
    static char back[PATH_MAX + 16];
    CHECK_EQ(readlink("long", back, sizeof back), PATH_MAX - 1);
    CHECK(memcmp(back, path, PATH_MAX - 1) == 0);
    CHECK(unlink("long") == 0);
}

static void deep_tree(void)
{
    for (int i = 0; i < DEPTH; i++)
        CHECK(mkdir("dd", 0755) == 0 && chdir("dd") == 0);
    int fd = open("f", O_WRONLY | O_CREAT, 0644);               /* relative names work */
    CHECK(fd >= 0 && write(fd, "deep", 4) == 4);
    close(fd);
    struct stat st;
    CHECK(stat("../dd/f", &st) == 0 && st.st_size == 4);
    static char cwd[3 * PATH_MAX];
    CHECK(getcwd(cwd, sizeof cwd) == NULL);     /* the errno: fuzz_regress getcwd_too_long */
    CHECK(unlink("f") == 0);
    for (int i = 0; i < DEPTH; i++)
        CHECK(chdir("..") == 0 && rmdir("dd") == 0);
    CHECK(getcwd(cwd, sizeof cwd) != NULL && !strcmp(cwd, TOP));
}

static void deep_path_from_top(void)
{
    char *p = path;
    p += sprintf(p, "%s", TOP);
    for (int i = 0; i < DEPTH && p < path + sizeof path - 8; i++)
        p += sprintf(p, "/dd");
    CHECK_EQ(raw(__NR_mkdir, (long)path, 0755, 0), -ENAMETOOLONG);
}

int main(void)
{
    mkdir(TOP, 0755);
    CHECK(empty_dir(TOP) == 0);
    CHECK(chdir(TOP) == 0);
    struct leak_check leaks;
    leak_check_begin(&leaks);
    path_length_limit();
    deep_tree();
    printf("a tree %d directories deep was built and removed\n", DEPTH);
    deep_path_from_top();
    CHECK(!leak_check_end(&leaks, "exhaust_names: leak"));
    CHECK(chdir("/") == 0 && rmdir(TOP) == 0);
    pass("exhaust_names");
    return 0;
}
