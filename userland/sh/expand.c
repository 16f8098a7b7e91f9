/*
 * Word expansion: walking the raw word.  The word is read left to right;
 * quoting decides how each piece is added to the field being built
 * (fields.c): quoted characters are literal and never split or globbed.
 * Parameters are expanded by param.c, $(...) and `...` by subst.c, and
 * $((...)) by arith.c; scan.c finds where each of them ends.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "userland/sh/expand.h"
#include "userland/sh/arena.h"
#include "userland/sh/arith.h"
#include "userland/sh/param.h"
#include "userland/sh/scan.h"
#include "userland/sh/shell.h"
#include "userland/sh/subst.h"
#include "userland/sh/vars.h"

static int failed;

void expand_fail(const char *fmt, ...)
{
    va_list ap;
    char msg[256];

    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "sh: %s\n", msg);
    failed = 1;
}

int expand_failed(void)
{
    if (!failed)
        return 0;
    failed = 0;
    if (!shell.interactive)
        exit(2);
    shell.interrupted = 1;          /* back to the prompt */
    return 1;
}

/* $((expr)) at s, ending at end: expand the inside, then evaluate it. */
static void expand_arith(struct builder *b, const char *s, const char *end,
                         int quoted)
{
    struct builder inner;
    long long value;
    char num[24];

    expand_string(&inner, s + 3, end - 2, IN_DQUOTE);
    if (arith_eval(builder_text(&inner), &value) < 0)
        return;
    snprintf(num, sizeof num, "%lld", value);
    add_value(b, num, quoted);
}

/* `...`: inside, a backslash quotes only $ ` \ (and " within "..."). */
static char *backquoted_command(const char *s, const char *end, int quoted)
{
    char *cmd = arena_alloc((size_t)(end - s)), *d = cmd;

    for (s++, end--; s < end; s++) {
        if (*s == '\\' && (strchr("$`\\", s[1]) || (quoted && s[1] == '"')))
            s++;
        *d++ = *s;
    }
    return cmd;
}

/* A $ or ` at *p: one of the expansions; advances *p past it. */
static void expand_dollar(struct builder *b, const char **p, int quoted)
{
    const char *s = *p, *end;
    enum scan r = *s == '`' ? scan_backquote(s, &end) : scan_dollar(s, &end);

    if (r != SCAN_OK) {             /* unfinished, in a here-document */
        add_char(b, *s, quoted);
        *p = s + 1;
        return;
    }
    *p = end;
    if (*s == '`')
        add_value(b, command_output(backquoted_command(s, end, quoted)), quoted);
    else if (s[1] == '(' && s[2] == '(')
        expand_arith(b, s, end, quoted);
    else if (s[1] == '(')
        add_value(b, command_output(arena_strndup(s + 2, (size_t)(end - s - 3))),
                  quoted);
    else
        *p = expand_param(b, s, quoted);
}

/* "..." at p: the inside is quoted; even "" makes a field. */
static const char *double_quoted(struct builder *b, const char *p)
{
    const char *end;

    scan_dquote(p, &end);
    b->empty_at = 0;
    expand_text(b, p + 1, end - 1, IN_DQUOTE);
    if (!b->empty_at)               /* "$@" without parameters: no field */
        b->started = 1;
    return end;
}

/* A backslash: in "..." it quotes only $ ` " \ and newline (no " in a
 * here-document). */
static const char *backslash(struct builder *b, const char *p, enum quoting q)
{
    const char *special = q == IN_HEREDOC ? "$`\\\n" : "$`\"\\\n";
    if (q != UNQUOTED && !strchr(special, p[1])) {
        add_char(b, '\\', 1);
        return p + 1;
    }
    if (p[1] != '\n')               /* backslash-newline: nothing */
        add_char(b, p[1], 1);
    return p + 2;
}

void expand_text(struct builder *b, const char *p, const char *end, enum quoting q)
{
    int quoted = q != UNQUOTED;

    while (p < end) {
        if (*p == '\'' && !quoted) {
            const char *close = strchr(p + 1, '\'');
            b->started = 1;
            for (p++; p < close; p++)
                add_char(b, *p, 1);
            p = close + 1;
        } else if (*p == '"' && (q == UNQUOTED || q == IN_DQUOTE_WORD)) {
            p = double_quoted(b, p);
        } else if (*p == '\\' && p + 1 < end) {
            p = backslash(b, p, q);
        } else if (*p == '$' || *p == '`') {
            expand_dollar(b, &p, quoted);
        } else {
            add_char(b, *p++, quoted);
        }
    }
}

/* A leading ~ (alone or before /) is $HOME. */
static const char *tilde(struct builder *b, const char *raw)
{
    if (*raw == '~' && (raw[1] == '\0' || raw[1] == '/')) {
        const char *home = var_get("HOME");
        add_string(b, home ? home : "~", 1);
        return raw + 1;
    }
    return raw;
}

void expand_word(const char *raw, struct fields *f)
{
    struct builder b;
    builder_init(&b, f, 1);
    raw = tilde(&b, raw);
    expand_text(&b, raw, raw + strlen(raw), UNQUOTED);
    finish_field(&b, 0);
}

/* One string from raw, or its glob pattern. */
static struct builder expand_one(const char *raw)
{
    static struct fields unused;
    struct builder b;
    builder_init(&b, &unused, 0);
    raw = tilde(&b, raw);
    expand_text(&b, raw, raw + strlen(raw), UNQUOTED);
    return b;
}

char *expand_single(const char *raw)
{
    struct builder b = expand_one(raw);
    return builder_text(&b);
}

char *expand_pattern(const char *raw)
{
    struct builder b = expand_one(raw);
    return builder_pattern(&b);
}

void expand_string(struct builder *b, const char *p, const char *end, enum quoting q)
{
    static struct fields unused;        /* never used: no fields are made */
    builder_init(b, &unused, 0);
    expand_text(b, p, end, q);
}

char *expand_heredoc(const char *body)
{
    struct builder b;
    expand_string(&b, body, body + strlen(body), IN_HEREDOC);
    return builder_text(&b);
}
