/*
 * head and tail options: "-n N", "-nN" or the old form "-N".
 */
#include <stdio.h>
#include <string.h>
#include <ctype.h>
#include "userland/bin/lib/lines.h"
#include "userland/bin/lib/tools.h"

int parse_line_count(int argc, char **argv, long *count, const char *usage)
{
    int i = 1;

    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *arg = argv[i] + 1;
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (*arg == 'n') {
            arg++;
            if (*arg == '\0') {
                if (++i == argc)
                    goto bad;
                arg = argv[i];
            }
        }
        if (parse_count(arg, count) < 0)
            goto bad;
    }
    return i;
bad:
    fprintf(stderr, "usage: %s\n", usage);
    return -1;
}
