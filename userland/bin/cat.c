/*
 * cat [FILE...]: copy the files (or standard input, also for "-") to
 * standard output.
 */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <err.h>
#include "userland/bin/lib/tools.h"

static int cat(const char *name)
{
    int fd = strcmp(name, "-") == 0 ? 0 : open(name, O_RDONLY);
    int failed_fd;

    if (fd < 0) {
        warn("%s", name);
        return 1;
    }
    int r = copy_fd(fd, 1, &failed_fd);
    if (r < 0)
        warn("%s", failed_fd == 1 ? "write error" : name);
    if (fd != 0)
        close(fd);
    return r < 0;
}

int main(int argc, char **argv)
{
    int status = 0;

    if (argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0') {
        fprintf(stderr, "usage: cat [file...]\n");
        return 2;
    }
    if (argc == 1)
        return cat("-");
    for (int i = 1; i < argc; i++)
        status |= cat(argv[i]);
    return status;
}
