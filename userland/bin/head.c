/*
 * head [-n N | -N] [FILE...]: the first N lines (default 10).  With
 * several files each gets a "==> name <==" header.
 */
#include <stdio.h>
#include <string.h>
#include <err.h>
#include "userland/bin/lib/lines.h"

static void head(FILE *f, long n)
{
    int c;
    while (n > 0 && (c = getc(f)) != EOF) {
        putchar(c);
        if (c == '\n')
            n--;
    }
}

int main(int argc, char **argv)
{
    long n = 10;
    int first = parse_line_count(argc, argv, &n, "head [-n lines] [file...]");
    int status = 0;

    if (first < 0)
        return 2;
    if (first == argc) {
        head(stdin, n);
        return 0;
    }
    for (int i = first; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (f == NULL) {
            warn("%s", argv[i]);
            status = 1;
            continue;
        }
        if (argc - first > 1)
            printf("%s==> %s <==\n", i > first ? "\n" : "", argv[i]);
        head(f, n);
        if (f != stdin)
            fclose(f);
    }
    return status;
}
