/*
 * seq [FIRST [INCREMENT]] LAST: print the integers from FIRST (default 1)
 * to LAST, stepping by INCREMENT (default 1; may be negative).
 */
#include <stdio.h>
#include <stdlib.h>

static int parse(const char *s, long long *v)
{
    char *end;
    *v = strtoll(s, &end, 10);
    return *s != '\0' && *end == '\0' ? 0 : -1;
}

int main(int argc, char **argv)
{
    long long first = 1, step = 1, last;

    if (argc < 2 || argc > 4 || parse(argv[argc - 1], &last) < 0 ||
        (argc > 2 && parse(argv[1], &first) < 0) ||
        (argc > 3 && parse(argv[2], &step) < 0) || step == 0) {
        fprintf(stderr, "usage: seq [first [increment]] last\n");
        return 2;
    }
    for (long long i = first; step > 0 ? i <= last : i >= last; i += step)
        printf("%lld\n", i);
    return 0;
}
