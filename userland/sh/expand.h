/*
 * Word expansion, done when a command runs: parameters ($NAME, ${NAME},
 * $?, $$, $!, $#, $0-$9, $@, $*), a leading ~, quote removal, field
 * splitting of unquoted expansions at blanks, and pathname expansion of
 * unquoted wildcards.
 */
#ifndef USERLAND_SH_EXPAND_H
#define USERLAND_SH_EXPAND_H

/* A growing NULL-terminated array of strings, in the arena. */
struct fields {
    char **v;
    int n, cap;
};

void fields_add(struct fields *f, const char *s);

/* Expand raw word into zero or more fields appended to f. */
void expand_word(const char *raw, struct fields *f);

/* Expand raw word into exactly one string: no splitting, no wildcards
 * (variable assignments and redirection targets). */
char *expand_single(const char *raw);

#endif
