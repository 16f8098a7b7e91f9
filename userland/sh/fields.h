/*
 * Building the fields (words) that come out of word expansion.
 *
 * Characters are added one at a time, each marked quoted or not.  Beside
 * the text a glob pattern is built in which quoted wildcard characters are
 * escaped with a backslash, so that "*" stays a literal star.  Values of
 * unquoted expansions are split into several fields at the characters of
 * $IFS (field splitting); when a field is finished, unquoted wildcards
 * in it make it a pattern that is replaced by the matching path names.
 */
#ifndef USERLAND_SH_FIELDS_H
#define USERLAND_SH_FIELDS_H

#include <stddef.h>

/* A growing NULL-terminated array of strings, in the arena. */
struct fields {
    char **v;
    int n, cap;
};

void fields_add(struct fields *f, const char *s);

struct builder {
    struct fields *out;
    char *text, *pattern;
    size_t len, plen, cap;
    int started;            /* a field exists, even if empty ("") */
    int magic;              /* an unquoted wildcard was seen */
    int split;              /* split and glob; else build one string */
    int white_delim;        /* the last field ended at IFS white space */
    int empty_at;           /* "$@" with no parameters: no field for it */
};

void builder_init(struct builder *b, struct fields *out, int split);
void add_char(struct builder *b, char c, int quoted);
void add_string(struct builder *b, const char *s, int quoted);

/* The value of an expansion; unquoted, it is split at $IFS. */
void add_value(struct builder *b, const char *value, int quoted);

/* End the current field, if there is one; with `force`, even if empty. */
void finish_field(struct builder *b, int force);

/* The text (or the pattern) built so far, as one string in the arena. */
char *builder_text(struct builder *b);
char *builder_pattern(struct builder *b);

#endif
