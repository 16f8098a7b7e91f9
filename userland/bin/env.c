/*
 * env [-i] [NAME=VALUE...] [COMMAND [ARG...]]: run COMMAND with a
 * modified environment, or print the environment.  -i starts empty.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <err.h>

int main(int argc, char **argv)
{
    int i = 1;

    if (i < argc && (strcmp(argv[i], "-i") == 0 || strcmp(argv[i], "-") == 0)) {
        clearenv();
        i++;
    } else if (i < argc && argv[i][0] == '-' && argv[i][1]) {
        fprintf(stderr, "usage: env [-i] [name=value...] [command [args...]]\n");
        return 2;
    }
    for (; i < argc && strchr(argv[i], '='); i++)
        if (putenv(argv[i]) < 0)
            err(125, "putenv");
    if (i == argc) {
        for (char **e = environ; e && *e; e++)
            puts(*e);
        return 0;
    }
    execvp(argv[i], argv + i);
    warn("%s", argv[i]);
    return errno == ENOENT ? 127 : 126;
}
