/*
 * mv SOURCE DEST  or  mv SOURCE... DIR: rename files (within one file
 * system).
 */
#include <stdio.h>
#include <err.h>
#include "userland/bin/lib/tools.h"

static int move(const char *source, const char *target)
{
    if (rename(source, target) == 0)
        return 0;
    warn("cannot move '%s' to '%s'", source, target);
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 3 || argv[1][0] == '-') {
        fprintf(stderr, "usage: mv source dest | mv source... directory\n");
        return 2;
    }
    return for_each_target(argc - 2, argv + 1, argv[argc - 1], move);
}
