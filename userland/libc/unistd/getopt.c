/*
 * getopt: POSIX command-line option parsing.
 *
 * Options are letters after a '-', possibly grouped ("-la"); a letter
 * followed by ':' in optstring takes an argument, either the rest of the
 * word ("-n5") or the next word ("-n 5").  Parsing stops at the first
 * non-option word or after "--".  Errors print the usual messages unless
 * optstring starts with ':' (then ':' is returned for a missing argument)
 * or opterr is 0.  Setting optind back to 1 (or 0) restarts parsing.
 */
#include <unistd.h>
#include <string.h>
#include <stdio.h>

char *optarg;
int optind = 1, opterr = 1, optopt;

static const char *next;        /* rest of the current group of options */
static int next_optind;         /* the optind that `next` belongs to */

int getopt(int argc, char *const argv[], const char *optstring)
{
    int silent = optstring[0] == ':';

    if (optind == 0 || optind != next_optind) {
        if (optind == 0)
            optind = 1;
        next = NULL;            /* restarted by the caller */
    }
    optarg = NULL;
    if (next == NULL || *next == '\0') {
        if (optind >= argc || argv[optind][0] != '-' || argv[optind][1] == '\0')
            return -1;
        if (strcmp(argv[optind], "--") == 0) {
            optind++;
            return -1;
        }
        next = argv[optind] + 1;
    }

    int c = (unsigned char)*next++;
    const char *spec = c == ':' ? NULL : strchr(optstring + silent, c);
    if (*next == '\0') {
        optind++;               /* this word is used up */
        next = NULL;
    }
    next_optind = optind;
    optopt = c;

    if (spec == NULL) {
        if (opterr && !silent)
            fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], c);
        return '?';
    }
    if (spec[1] != ':')
        return c;

    /* The option takes an argument: the rest of this word, or the next. */
    if (next != NULL) {
        optarg = (char *)next;
        next = NULL;
        optind++;
    } else if (optind < argc) {
        optarg = argv[optind++];
    } else {
        if (opterr && !silent)
            fprintf(stderr, "%s: option requires an argument -- '%c'\n",
                    argv[0], c);
        next_optind = optind;
        return silent ? ':' : '?';
    }
    next_optind = optind;
    return c;
}
