/*
 * rm [-rf] FILE...: remove files.  -r: remove directories and their
 * contents; -f: ignore missing files, never complain about them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <dirent.h>
#include <unistd.h>
#include <err.h>
#include <sys/stat.h>
#include "userland/bin/lib/tools.h"

static int recursive, force;

static int remove_path(const char *path);

/* Remove everything inside directory path, then path itself. */
static int remove_tree(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *e;
    int status = 0;

    if (d == NULL) {
        warn("cannot remove '%s'", path);
        return 1;
    }
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *child = path_join(path, e->d_name);
        if (child == NULL)
            err(1, "malloc");
        status |= remove_path(child);
        free(child);
    }
    closedir(d);
    if (rmdir(path) < 0) {
        warn("cannot remove '%s'", path);
        status = 1;
    }
    return status;
}

static int remove_path(const char *path)
{
    struct stat st;

    if (lstat(path, &st) < 0) {
        if (force && errno == ENOENT)
            return 0;
        warn("cannot remove '%s'", path);
        return 1;
    }
    if (S_ISDIR(st.st_mode)) {
        if (recursive)
            return remove_tree(path);
        warnx("cannot remove '%s': Is a directory", path);
        return 1;
    }
    if (unlink(path) < 0) {
        warn("cannot remove '%s'", path);
        return 1;
    }
    return 0;
}

static int usage(void)
{
    fprintf(stderr, "usage: rm [-rf] file...\n");
    return 2;
}

int main(int argc, char **argv)
{
    int opt, status = 0;

    while ((opt = getopt(argc, argv, "rRf")) != -1) {
        if (opt == 'f')
            force = 1;
        else if (opt == 'r' || opt == 'R')
            recursive = 1;
        else
            return usage();
    }
    if (optind == argc && !force)
        return usage();
    for (int i = optind; i < argc; i++)
        status |= remove_path(argv[i]);
    return status;
}
