/*
 * Fields of word expansion: the text and glob pattern of the field being
 * built, field splitting at $IFS, and pathname expansion when a field ends.
 *
 * Field splitting (POSIX 2.6.5): IFS white space (space, tab, newline)
 * separates fields and runs of it count once, at the ends of a value it
 * counts for nothing; any other IFS character ends a field by itself,
 * with the white space around it, so "a::b" with IFS=: is a, "", b.
 */
#include <string.h>
#include "userland/sh/fields.h"
#include "userland/sh/arena.h"
#include "userland/sh/glob.h"
#include "userland/sh/vars.h"

void fields_add(struct fields *f, const char *s)
{
    if (f->n + 1 >= f->cap) {
        int cap = f->cap ? 2 * f->cap : 8;
        char **v = arena_alloc((size_t)cap * sizeof *v);
        if (f->n)
            memcpy(v, f->v, (size_t)f->n * sizeof *v);
        f->v = v;
        f->cap = cap;
    }
    f->v[f->n++] = arena_strdup(s);
    f->v[f->n] = NULL;
}

static void reserve(struct builder *b, size_t more)
{
    if (b->plen + more + 1 <= b->cap)
        return;
    size_t cap = (b->cap + more + 1) * 2;
    char *text = arena_alloc(cap), *pattern = arena_alloc(cap);
    memcpy(text, b->text, b->len);
    memcpy(pattern, b->pattern, b->plen);
    b->text = text;
    b->pattern = pattern;
    b->cap = cap;
}

void builder_init(struct builder *b, struct fields *out, int split)
{
    memset(b, 0, sizeof *b);
    b->out = out;
    b->split = split;
    reserve(b, 64);
}

void add_char(struct builder *b, char c, int quoted)
{
    reserve(b, 2);
    b->text[b->len++] = c;
    if (c == '*' || c == '?' || c == '[' || c == '\\') {
        if (quoted)
            b->pattern[b->plen++] = '\\';
        else if (c != '\\')
            b->magic = 1;
    }
    b->pattern[b->plen++] = c;
    b->started = 1;
    b->white_delim = 0;
}

void add_string(struct builder *b, const char *s, int quoted)
{
    while (*s)
        add_char(b, *s++, quoted);
}

static void add_glob_match(const char *path, void *ctx)
{
    fields_add(ctx, path);
}

void finish_field(struct builder *b, int force)
{
    if (!b->started && !force)
        return;
    b->text[b->len] = '\0';
    b->pattern[b->plen] = '\0';
    if (!(b->split && b->magic && glob_has_magic(b->pattern) &&
          glob_expand(b->pattern, add_glob_match, b->out) > 0))
        fields_add(b->out, b->text);
    b->len = b->plen = 0;
    b->started = b->magic = 0;
}

static const char *ifs(void)
{
    const char *v = var_get("IFS");
    return v ? v : " \t\n";
}

static int is_ifs_white(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

void add_value(struct builder *b, const char *value, int quoted)
{
    const char *delims = quoted || !b->split ? "" : ifs();

    for (; *value; value++) {
        char c = *value;
        if (strchr(delims, c) == NULL) {
            add_char(b, c, quoted);
        } else if (is_ifs_white(c)) {
            if (b->started) {
                finish_field(b, 0);
                b->white_delim = 1;
            }
        } else if (b->white_delim) {
            b->white_delim = 0;     /* "a :b": one delimiter, not two */
        } else {
            finish_field(b, 1);
        }
    }
}

char *builder_text(struct builder *b)
{
    b->text[b->len] = '\0';
    return b->text;
}

char *builder_pattern(struct builder *b)
{
    b->pattern[b->plen] = '\0';
    return b->pattern;
}
