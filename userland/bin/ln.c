/*
 * ln [-s] TARGET LINK  or  ln [-s] TARGET... DIR: make hard links, or
 * symbolic links with -s.
 */
#include <stdio.h>
#include <unistd.h>
#include <err.h>
#include "userland/bin/lib/tools.h"

static int symbolic;

static int make_link(const char *target, const char *name)
{
    if ((symbolic ? symlink(target, name) : link(target, name)) == 0)
        return 0;
    warn("failed to create %s link '%s'", symbolic ? "symbolic" : "hard", name);
    return 1;
}

static int usage(void)
{
    fprintf(stderr, "usage: ln [-s] target link | ln [-s] target... directory\n");
    return 2;
}

int main(int argc, char **argv)
{
    int opt;

    while ((opt = getopt(argc, argv, "s")) != -1) {
        if (opt != 's')
            return usage();
        symbolic = 1;
    }
    if (argc - optind < 2)
        return usage();
    return for_each_target(argc - optind - 1, argv + optind, argv[argc - 1],
                           make_link);
}
