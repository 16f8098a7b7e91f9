/*
 * grep [-cvinq] PATTERN [FILE...]: print lines matching a basic regular
 * expression.
 *   -c  print only the number of matching lines    -v  select non-matching
 *   -i  ignore case    -n  prefix line numbers     -q  print nothing
 * Exit status: 0 if a line was selected, 1 if none, 2 on error.
 *
 * The patterns: c (literal), . (any), [set] [^set] with ranges, x* (zero
 * or more), ^ and $ (anchors), \c (literal c).  The pattern is compiled to
 * a list of items, each optionally starred, and matched by backtracking.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <unistd.h>
#include <err.h>

enum kind { LITERAL, ANY, SET, END_ANCHOR };

struct item {
    enum kind kind;
    int star;               /* repeated zero or more times */
    char c;                 /* LITERAL */
    int negate;             /* SET: [^...] */
    unsigned char in[32];   /* SET: bitmap of the 256 byte values */
};

static struct item *items;
static int nitems, anchored, ignore_case;

static void set_add(struct item *it, int c)
{
    it->in[c / 8] |= (unsigned char)(1 << (c % 8));
    if (ignore_case && isalpha(c)) {
        int o = islower(c) ? toupper(c) : tolower(c);
        it->in[o / 8] |= (unsigned char)(1 << (o % 8));
    }
}

/* Parse "[...]" starting after the '['; returns the char after ']'. */
static const char *parse_set(const char *p, struct item *it)
{
    it->kind = SET;
    if (*p == '^') {
        it->negate = 1;
        p++;
    }
    const char *start = p;
    while (*p && (*p != ']' || p == start)) {
        int lo = (unsigned char)*p, hi = lo;
        if (p[1] == '-' && p[2] && p[2] != ']') {
            hi = (unsigned char)p[2];
            p += 2;
        }
        for (int c = lo; c <= hi; c++)
            set_add(it, c);
        p++;
    }
    if (*p != ']')
        errx(2, "unmatched [");
    return p + 1;
}

static void compile(const char *p)
{
    items = calloc(strlen(p) + 1, sizeof *items);
    if (items == NULL)
        err(2, "malloc");
    if (*p == '^') {
        anchored = 1;
        p++;
    }
    while (*p) {
        struct item *it = &items[nitems];
        if (*p == '*' && nitems > 0 && !items[nitems - 1].star) {
            items[nitems - 1].star = 1;
            p++;
            continue;
        }
        if (*p == '$' && p[1] == '\0') {
            it->kind = END_ANCHOR;
            p++;
        } else if (*p == '.') {
            it->kind = ANY;
            p++;
        } else if (*p == '[') {
            p = parse_set(p + 1, it);
        } else {
            if (*p == '\\' && p[1])
                p++;
            it->kind = LITERAL;
            it->c = *p++;
        }
        nitems++;
    }
}

static int item_matches(const struct item *it, char ch)
{
    unsigned char c = (unsigned char)ch;
    switch (it->kind) {
    case ANY:
        return c != '\0';
    case LITERAL:
        return c != '\0' && (ignore_case ? tolower(c) == tolower((unsigned char)it->c)
                                         : ch == it->c);
    case SET:
        return c != '\0' && ((it->in[c / 8] >> (c % 8) & 1) != it->negate);
    default:
        return 0;
    }
}

/* Do items[i..] match a prefix of s? */
static int match_here(int i, const char *s)
{
    for (; i < nitems; i++) {
        const struct item *it = &items[i];
        if (it->kind == END_ANCHOR)
            return *s == '\0';
        if (it->star) {
            const char *t = s;
            while (item_matches(it, *t))
                t++;
            for (; t >= s; t--)         /* longest first, then back off */
                if (match_here(i + 1, t))
                    return 1;
            return 0;
        }
        if (!item_matches(it, *s))
            return 0;
        s++;
    }
    return 1;
}

static int matches(const char *line)
{
    if (anchored)
        return match_here(0, line);
    do {
        if (match_here(0, line))
            return 1;
    } while (*line++);
    return 0;
}

struct options {
    int count, invert, number, quiet, show_name;
};

/* Search one stream; returns the number of selected lines. */
static long search(FILE *f, const char *name, const struct options *o)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long lineno = 0, selected = 0;

    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = '\0';
        if (matches(line) == o->invert)
            continue;
        selected++;
        if (o->quiet)
            break;
        if (o->count)
            continue;
        if (o->show_name)
            printf("%s:", name);
        if (o->number)
            printf("%ld:", lineno);
        printf("%s\n", line);
    }
    free(line);
    if (o->count && !o->quiet) {
        if (o->show_name)
            printf("%s:", name);
        printf("%ld\n", selected);
    }
    return selected;
}

static int usage(void)
{
    fprintf(stderr, "usage: grep [-cvinq] pattern [file...]\n");
    return 2;
}

int main(int argc, char **argv)
{
    struct options o = {0, 0, 0, 0, 0};
    int opt, status = 1, trouble = 0;

    while ((opt = getopt(argc, argv, "cvinq")) != -1) {
        switch (opt) {
        case 'c': o.count = 1; break;
        case 'v': o.invert = 1; break;
        case 'i': ignore_case = 1; break;
        case 'n': o.number = 1; break;
        case 'q': o.quiet = 1; break;
        default: return usage();
        }
    }
    if (optind >= argc)
        return usage();
    compile(argv[optind++]);
    o.show_name = argc - optind > 1;

    if (optind == argc)
        return search(stdin, "(standard input)", &o) > 0 ? 0 : 1;
    for (int i = optind; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (f == NULL) {
            warn("%s", argv[i]);
            trouble = 1;
            continue;
        }
        if (search(f, argv[i], &o) > 0)
            status = 0;
        if (f != stdin)
            fclose(f);
        if (status == 0 && o.quiet)
            break;
    }
    return trouble && !(o.quiet && status == 0) ? 2 : status;
}
