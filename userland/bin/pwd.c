/*
 * pwd: print the current directory.
 */
#include <stdio.h>
#include <limits.h>
#include <unistd.h>
#include <err.h>

int main(int argc, char **argv)
{
    char buf[PATH_MAX];

    (void)argv;
    if (argc > 1) {
        fprintf(stderr, "usage: pwd\n");
        return 2;
    }
    if (getcwd(buf, sizeof buf) == NULL)
        err(1, "getcwd");
    puts(buf);
    return 0;
}
