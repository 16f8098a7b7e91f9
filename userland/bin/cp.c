/*
 * cp [-r] SOURCE DEST       copy a file (or, with -r, a directory tree)
 * cp [-r] SOURCE... DIR     copy into a directory
 * The copy gets the source's permission bits.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <unistd.h>
#include <err.h>
#include <sys/stat.h>
#include "userland/bin/lib/tools.h"

static int recursive;

static int copy_path(const char *src, const char *dst);

static int copy_file(const char *src, const char *dst, mode_t mode)
{
    int in = open(src, O_RDONLY), out, failed_fd, status = 0;

    if (in < 0) {
        warn("cannot open '%s' for reading", src);
        return 1;
    }
    out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, mode & 07777);
    if (out < 0) {
        warn("cannot create regular file '%s'", dst);
        close(in);
        return 1;
    }
    if (copy_fd(in, out, &failed_fd) < 0) {
        warn("%s", failed_fd == in ? src : dst);
        status = 1;
    }
    close(in);
    if (close(out) < 0) {
        warn("%s", dst);
        status = 1;
    }
    return status;
}

static int copy_dir(const char *src, const char *dst, mode_t mode)
{
    if (mkdir(dst, mode & 07777) < 0 && errno != EEXIST) {
        warn("cannot create directory '%s'", dst);
        return 1;
    }
    DIR *d = opendir(src);
    if (d == NULL) {
        warn("cannot access '%s'", src);
        return 1;
    }
    int status = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *s = path_join(src, e->d_name), *t = path_join(dst, e->d_name);
        if (s == NULL || t == NULL)
            err(1, "malloc");
        status |= copy_path(s, t);
        free(s);
        free(t);
    }
    closedir(d);
    return status;
}

static int copy_path(const char *src, const char *dst)
{
    struct stat st;

    if (stat(src, &st) < 0) {
        warn("cannot stat '%s'", src);
        return 1;
    }
    if (!S_ISDIR(st.st_mode))
        return copy_file(src, dst, st.st_mode);
    if (!recursive) {
        warnx("-r not specified; omitting directory '%s'", src);
        return 1;
    }
    return copy_dir(src, dst, st.st_mode);
}

static int usage(void)
{
    fprintf(stderr, "usage: cp [-r] source dest | cp [-r] source... directory\n");
    return 2;
}

int main(int argc, char **argv)
{
    int opt;

    while ((opt = getopt(argc, argv, "rR")) != -1) {
        if (opt == '?')
            return usage();
        recursive = 1;
    }
    if (argc - optind < 2)
        return usage();
    return for_each_target(argc - optind - 1, argv + optind, argv[argc - 1],
                           copy_path);
}
