/*
 * Pathname expansion.  The pattern is taken one '/'-separated component
 * at a time: a component without wildcards is simply appended to the
 * path; one with wildcards is matched against every name in the directory
 * built so far (names starting with '.' only match a pattern that starts
 * with '.').  Matching recurses on '*'.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "userland/sh/glob.h"

/* Match one character c against the bracket expression at *p ("[...]"). */
static int match_bracket(const char **p, char c)
{
    const char *s = *p + 1;
    int negate = *s == '!' || *s == '^';
    int found = 0;

    if (negate)
        s++;
    do {                                /* a ']' first is a literal */
        char lo = *s, hi = lo;
        if (lo == '\\' && s[1])
            lo = hi = *++s;
        if (s[1] == '-' && s[2] && s[2] != ']') {
            hi = s[2];
            s += 2;
        }
        if (c >= lo && c <= hi)
            found = 1;
        s++;
    } while (*s && *s != ']');
    if (*s != ']')
        return -1;                      /* not a bracket expression */
    *p = s + 1;
    return found != negate;
}

int glob_match(const char *p, const char *s)
{
    for (; *p; p++, s++) {
        switch (*p) {
        case '*':
            while (p[1] == '*')
                p++;
            for (const char *t = s;; t++) {
                if (glob_match(p + 1, t))
                    return 1;
                if (*t == '\0')
                    return 0;
            }
        case '?':
            if (*s == '\0')
                return 0;
            break;
        case '[': {
            if (*s == '\0')
                return 0;
            const char *q = p;
            int r = match_bracket(&q, *s);
            if (r < 0) {                /* lone '[': literal */
                if (*s != '[')
                    return 0;
                break;
            }
            if (!r)
                return 0;
            p = q - 1;
            break;
        }
        case '\\':
            if (p[1])
                p++;
            /* fall through */
        default:
            if (*p != *s)
                return 0;
        }
    }
    return *s == '\0';
}

int glob_has_magic(const char *p)
{
    for (; *p; p++) {
        if (*p == '\\' && p[1])
            p++;
        else if (*p == '*' || *p == '?')
            return 1;
        else if (*p == '[' && p[1] && strchr(p + 2, ']'))
            return 1;                   /* a lone [ (the test command) is not */
    }
    return 0;
}

/* Remove the escaping backslashes from a component without wildcards. */
static void unescape(char *dst, const char *src, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (src[i] == '\\' && i + 1 < n)
            i++;
        *dst++ = src[i];
    }
    *dst = '\0';
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

struct walk {
    void (*add)(const char *path, void *ctx);
    void *ctx;
    int matches;
};

/* Names in dir matching comp, sorted, malloc'd; *n is their count. */
static char **matching_names(const char *dir, const char *comp, int *n)
{
    DIR *d = opendir(*dir ? dir : ".");
    char **names = NULL;
    int cap = 0;
    struct dirent *e;

    *n = 0;
    if (d == NULL)
        return NULL;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' && comp[0] != '.')
            continue;
        if (!glob_match(comp, e->d_name))
            continue;
        if (*n == cap) {
            cap = cap ? 2 * cap : 16;
            char **bigger = realloc(names, cap * sizeof *names);
            if (!bigger)
                break;
            names = bigger;
        }
        names[(*n)++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)*n, sizeof *names, by_name);
    return names;
}

/* path: the part already matched; rest: the pattern still to match. */
static void walk(struct walk *w, char *path, size_t len, const char *rest)
{
    while (*rest == '/') {
        path[len++] = '/';
        rest++;
    }
    path[len] = '\0';
    if (*rest == '\0') {
        if (access(path, F_OK) == 0) {
            w->add(path, w->ctx);
            w->matches++;
        }
        return;
    }
    const char *slash = strchrnul(rest, '/');
    size_t clen = (size_t)(slash - rest);
    char comp[256];
    if (clen >= sizeof comp || len + clen + 2 >= 4096)
        return;
    memcpy(comp, rest, clen);
    comp[clen] = '\0';

    if (!glob_has_magic(comp)) {
        unescape(path + len, comp, clen);
        walk(w, path, strlen(path), slash);
        return;
    }
    int n;
    char **names = matching_names(path, comp, &n);
    for (int i = 0; i < n; i++) {
        if (len + strlen(names[i]) + 2 < 4096) {
            strcpy(path + len, names[i]);
            walk(w, path, len + strlen(names[i]), slash);
        }
        free(names[i]);
    }
    free(names);
}

int glob_expand(const char *pattern, void (*add)(const char *path, void *ctx),
                void *ctx)
{
    struct walk w = {add, ctx, 0};
    char *path = malloc(4096);

    if (path == NULL)
        return 0;
    walk(&w, path, 0, pattern);
    free(path);
    return w.matches;
}
