/*
 * Word expansion.  The raw word is read left to right with a quoting
 * state (none, '...', "...").  Characters go into the current field; in
 * parallel a glob pattern is built in which quoted wildcard characters
 * are escaped with a backslash, so that "*" stays a literal star.
 * Unquoted parameter values are split at blanks into several fields.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <unistd.h>
#include "userland/sh/expand.h"
#include "userland/sh/arena.h"
#include "userland/sh/glob.h"
#include "userland/sh/shell.h"
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

/* The field being built: its text and its glob pattern. */
struct builder {
    struct fields *out;
    char *text, *pattern;
    size_t len, plen, cap;
    int started;            /* a field exists, even if empty ("") */
    int magic;              /* an unquoted wildcard was seen */
    int split;              /* split unquoted expansions into fields */
};

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

static void add_char(struct builder *b, char c, int quoted)
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
}

static void add_glob_match(const char *path, void *ctx)
{
    fields_add(ctx, path);
}

/* End the current field: emit it (globbed if it has wildcards). */
static void finish_field(struct builder *b)
{
    if (!b->started)
        return;
    b->text[b->len] = '\0';
    b->pattern[b->plen] = '\0';
    if (!(b->split && b->magic && glob_expand(b->pattern, add_glob_match,
                                              b->out) > 0))
        fields_add(b->out, b->text);
    b->len = b->plen = 0;
    b->started = b->magic = 0;
}

/* Add an expansion result; unquoted, blanks separate fields. */
static void add_value(struct builder *b, const char *value, int quoted)
{
    for (; *value; value++) {
        if (!quoted && b->split && isspace((unsigned char)*value))
            finish_field(b);
        else
            add_char(b, *value, quoted);
    }
}

/* The value of a special or named parameter, in a static or var buffer. */
static const char *param_value(const char *name, size_t len)
{
    static char num[16];
    static char *joined;

    if (len == 1 && strchr("?$!#", name[0])) {
        int v = name[0] == '?' ? shell.last_status : name[0] == '$' ? shell.pid
              : name[0] == '!' ? shell.last_bg : shell.nparams - 1;
        if (name[0] == '!' && v == 0)
            return "";
        snprintf(num, sizeof num, "%d", v);
        return num;
    }
    if (len == 1 && isdigit((unsigned char)name[0])) {
        int i = name[0] - '0';
        return i < shell.nparams ? shell.params[i] : "";
    }
    if (len == 1 && (name[0] == '@' || name[0] == '*')) {
        size_t total = 1;
        for (int i = 1; i < shell.nparams; i++)
            total += strlen(shell.params[i]) + 1;
        joined = arena_alloc(total);
        for (int i = 1; i < shell.nparams; i++) {
            if (i > 1)
                strcat(joined, " ");
            strcat(joined, shell.params[i]);
        }
        return joined;
    }
    char *n = arena_strndup(name, len);
    const char *v = var_get(n);
    return v ? v : "";
}

/*
 * Expand the parameter after the '$' at *p; advances *p past it.
 * A '$' not followed by a name is literal.
 */
static void expand_param(struct builder *b, const char **p, int quoted)
{
    const char *s = *p + 1;
    const char *name = s;
    size_t len = 0;

    if (*s == '{') {
        const char *close = strchr(s, '}');
        if (close == NULL) {
            add_char(b, '$', quoted);
            *p = s;
            return;
        }
        name = s + 1;
        len = (size_t)(close - name);
        s = close + 1;
    } else if (*s && strchr("?$!#@*", *s)) {
        len = 1;
        s++;
    } else if (isdigit((unsigned char)*s)) {
        len = 1;
        s++;
    } else {
        while (isalnum((unsigned char)s[len]) || s[len] == '_')
            len++;
        if (len == 0) {
            add_char(b, '$', quoted);
            *p = s;
            return;
        }
        s += len;
    }
    add_value(b, param_value(name, len), quoted);
    if (quoted)
        b->started = 1;     /* "$EMPTY" is an empty field; $EMPTY is none */
    *p = s;
}

/* Inside "...": backslash only escapes $ ` " \ and newline. */
static const char *double_quoted(struct builder *b, const char *p)
{
    b->started = 1;
    for (p++; *p && *p != '"'; ) {
        if (*p == '\\' && p[1] && strchr("$`\"\\\n", p[1])) {
            if (p[1] != '\n')
                add_char(b, p[1], 1);
            p += 2;
        } else if (*p == '$') {
            expand_param(b, &p, 1);
        } else {
            add_char(b, *p++, 1);
        }
    }
    return *p ? p + 1 : p;
}

static void expand(const char *raw, struct builder *b)
{
    const char *p = raw;

    if (*p == '~' && (p[1] == '\0' || p[1] == '/')) {
        const char *home = var_get("HOME");
        add_value(b, home ? home : "~", 1);
        p++;
    }
    while (*p) {
        if (*p == '\'') {
            const char *end = strchrnul(p + 1, '\'');
            b->started = 1;
            for (p++; p < end; p++)
                add_char(b, *p, 1);
            p = *end ? end + 1 : end;
        } else if (*p == '"') {
            p = double_quoted(b, p);
        } else if (*p == '\\' && p[1]) {
            if (p[1] != '\n')
                add_char(b, p[1], 1);
            p += 2;
        } else if (*p == '$') {
            expand_param(b, &p, 0);
        } else {
            add_char(b, *p++, 0);
        }
    }
    finish_field(b);
}

void expand_word(const char *raw, struct fields *f)
{
    struct builder b = {.out = f, .split = 1};
    reserve(&b, 64);
    expand(raw, &b);
}

char *expand_single(const char *raw)
{
    struct fields f = {0};
    struct builder b = {.out = &f, .split = 0};
    reserve(&b, 64);
    b.started = 1;                      /* always exactly one field */
    expand(raw, &b);
    return f.v[0];
}
