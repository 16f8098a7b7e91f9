/*
 * Parameter expansion (see param.h).  A parameter is named by a variable
 * name, a number (positional parameter; more than one digit only inside
 * braces) or one special character: ? $ ! # - @ * 0.
 *
 * "$@" is special: each positional parameter becomes a field of its own,
 * the text before it joining the first, the text after it the last.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include "userland/sh/param.h"
#include "userland/sh/arena.h"
#include "userland/sh/expand.h"
#include "userland/sh/glob.h"
#include "userland/sh/scan.h"
#include "userland/sh/shell.h"
#include "userland/sh/vars.h"

/* The length of the parameter name at s (0 if there is none). */
static size_t name_length(const char *s, int braced)
{
    size_t len = 0;

    if (*s && strchr("?$!#-@*", *s))
        return 1;
    if (isdigit((unsigned char)*s)) {
        if (!braced)
            return 1;
        while (isdigit((unsigned char)s[len]))
            len++;
        return len;
    }
    while (isalnum((unsigned char)s[len]) || s[len] == '_')
        len++;
    return len;
}

/* The positional parameters joined by the first character of $IFS. */
static char *joined_params(void)
{
    const char *ifs = var_get("IFS");
    char sep = ifs ? ifs[0] : ' ';
    size_t total = 1;

    for (int i = 0; i < shell.nparams; i++)
        total += strlen(shell.params[i]) + 1;
    char *s = arena_alloc(total), *d = s;
    for (int i = 0; i < shell.nparams; i++) {
        if (i > 0 && sep)
            *d++ = sep;
        d = stpcpy(d, shell.params[i]);
    }
    return s;
}

/* The value of a parameter, or NULL if it is unset. */
static const char *lookup(const char *name, size_t len)
{
    char *num = arena_alloc(24);

    if (len == 1 && strchr("?$!#-", name[0])) {
        int v = name[0] == '?' ? shell.last_status : name[0] == '$' ? shell.pid
              : name[0] == '!' ? shell.last_bg : shell.nparams;
        if (name[0] == '!' && v == 0)
            return NULL;
        if (name[0] == '-')
            return "";
        snprintf(num, 24, "%d", v);
        return num;
    }
    if (len == 1 && (name[0] == '@' || name[0] == '*'))
        return shell.nparams ? joined_params() : NULL;
    if (isdigit((unsigned char)name[0])) {
        long i = strtol(arena_strndup(name, len), NULL, 10);
        if (i == 0)
            return shell.arg0;
        return i <= shell.nparams ? shell.params[i - 1] : NULL;
    }
    return var_get(arena_strndup(name, len));
}

/* $@ and $*: one field per parameter (quoted "$*": all in one). */
static void add_params(struct builder *b, char which, int quoted)
{
    if (quoted && (which == '*' || !b->split)) {
        add_value(b, joined_params(), 1);
        return;
    }
    if (shell.nparams == 0 && quoted)
        b->empty_at = 1;
    for (int i = 0; i < shell.nparams; i++) {
        if (i > 0)
            finish_field(b, quoted);    /* "$@": even empty ones count */
        add_value(b, shell.params[i], quoted);
    }
}

static void add_param(struct builder *b, const char *name, size_t len, int quoted)
{
    if (len == 1 && (name[0] == '@' || name[0] == '*')) {
        add_params(b, name[0], quoted);
        return;
    }
    const char *value = lookup(name, len);
    add_value(b, value ? value : "", quoted);
    if (quoted)
        b->started = 1;     /* "$EMPTY" is an empty field; $EMPTY is none */
}

/* The word of ${name-word}, expanded to one string (for := and :?). */
static char *word_string(const char *word, const char *end)
{
    struct builder w;
    expand_string(&w, word, end, UNQUOTED);
    return builder_text(&w);
}

/* ${name#pattern} and friends: value without the matching part. */
static const char *remove_affix(const char *value, const char *op,
                                const char *word, const char *end)
{
    struct builder w;
    expand_string(&w, word, end, UNQUOTED);
    const char *pattern = builder_pattern(&w);
    int prefix = op[0] == '#', longest = op[1] == op[0];
    size_t len = strlen(value);
    char *part = arena_alloc(len + 1);

    for (size_t k = 0; k <= len; k++) {
        size_t n = longest ? len - k : k;   /* length of the part tried */
        if (prefix) {
            memcpy(part, value, n);
            part[n] = '\0';
        } else {
            strcpy(part, value + len - n);
        }
        if (glob_match(pattern, part))
            return prefix ? value + n : arena_strndup(value, len - n);
    }
    return value;
}

/* What ${name OP word} does, for the operators with a word. */
static void apply_operator(struct builder *b, const char *name, size_t len,
                           const char *op, const char *word, const char *end,
                           int quoted)
{
    const char *value = lookup(name, len);
    int colon = op[0] == ':';
    int missing = value == NULL || (colon && *value == '\0');
    char kind = op[colon];

    if (kind == '#' || kind == '%') {
        add_value(b, remove_affix(value ? value : "", op, word, end), quoted);
    } else if ((kind == '-' && missing) || (kind == '+' && !missing)) {
        expand_text(b, word, end, quoted ? IN_DQUOTE_WORD : UNQUOTED);
    } else if (kind == '=' && missing) {
        char *name0 = arena_strndup(name, len);
        if (!var_valid_name(name0, len)) {
            expand_fail("%s: cannot assign in this way", name0);
            return;
        }
        var_set(name0, word_string(word, end));
        add_value(b, var_get(name0), quoted);
    } else if (kind == '?' && missing) {
        const char *msg = word < end ? word_string(word, end)
                        : colon ? "parameter not set or null" : "parameter not set";
        expand_fail("%.*s: %s", (int)len, name, msg);
    } else if (kind != '+') {
        add_param(b, name, len, quoted);
        return;
    }
    if (quoted)
        b->started = 1;
}

/* The operator after the name in ${name...}: its length, 0 if none. */
static size_t operator_length(const char *s)
{
    static const char *const ops[] = {
        ":-", ":=", ":+", ":?", "##", "%%", "-", "=", "+", "?", "#", "%",
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strncmp(s, ops[i], strlen(ops[i])) == 0)
            return strlen(ops[i]);
    return 0;
}

/* ${...}: s at '$', end just past the closing brace. */
static void expand_braces(struct builder *b, const char *s, const char *end,
                          int quoted)
{
    const char *body = s + 2, *close = end - 1;
    int length_of = body[0] == '#' && close - body > 1;
    const char *name = body + length_of;
    size_t len = name_length(name, 1);
    const char *after = name + len;

    if (len == 0 || (after != close && (length_of || !operator_length(after)))) {
        expand_fail("%.*s: bad substitution", (int)(end - s), s);
        return;
    }
    if (length_of) {
        const char *value = lookup(name, len);
        char num[24];
        snprintf(num, sizeof num, "%zu", value ? strlen(value) : 0);
        add_value(b, num, quoted);
    } else if (after == close) {
        add_param(b, name, len, quoted);
    } else {
        size_t oplen = operator_length(after);
        apply_operator(b, name, len, after, after + oplen, close, quoted);
    }
}

const char *expand_param(struct builder *b, const char *s, int quoted)
{
    const char *end;

    if (s[1] == '{') {
        scan_dollar(s, &end);
        expand_braces(b, s, end, quoted);
        return end;
    }
    size_t len = name_length(s + 1, 0);
    if (len == 0) {
        add_char(b, '$', quoted);           /* a lone $ is literal */
        return s + 1;
    }
    add_param(b, s + 1, len, quoted);
    return s + 1 + len;
}
