/*
 * mkdir [-p] DIR...: make directories.  -p: make missing parents too, and
 * do not complain if a directory exists already.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <err.h>
#include <sys/stat.h>
#include "userland/bin/lib/tools.h"

/* mkdir -p: create each prefix of path that ends at a '/', then path. */
static int make_parents(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/' || p[-1] == '/')
            continue;
        *p = '\0';
        int r = mkdir(path, 0777);
        int ok = r == 0 || (errno == EEXIST && is_directory(path));
        *p = '/';
        if (!ok)
            return -1;
    }
    if (mkdir(path, 0777) == 0 || (errno == EEXIST && is_directory(path)))
        return 0;
    return -1;
}

static int usage(void)
{
    fprintf(stderr, "usage: mkdir [-p] directory...\n");
    return 2;
}

int main(int argc, char **argv)
{
    int opt, parents = 0, status = 0;

    while ((opt = getopt(argc, argv, "p")) != -1) {
        if (opt != 'p')
            return usage();
        parents = 1;
    }
    if (optind >= argc)
        return usage();
    for (int i = optind; i < argc; i++) {
        int r = parents ? make_parents(argv[i]) : mkdir(argv[i], 0777);
        if (r < 0) {
            warn("cannot create directory '%s'", argv[i]);
            status = 1;
        }
    }
    return status;
}
