/*
 * Scanning command text for the end of a word and of the quotes and
 * expansions inside it.  Nothing is copied or interpreted here: a word is
 * a sequence of units (a plain character, \c, '...', "...", $..., `...`),
 * and each unit knows where it ends.
 *
 * The end of $(...) cannot be found by counting parentheses, because the
 * command inside may contain unbalanced ones (`case x in a) ...`), so the
 * parser is asked: it parses the command and says where it stopped.
 */
#include <stdio.h>
#include <string.h>
#include "userland/sh/scan.h"
#include "userland/sh/parse.h"

int scan_is_operator_char(char c)
{
    return c != '\0' && strchr("|&;<>()\n", c) != NULL;
}

/* A backslash at the very end (or before a final newline) wants more. */
static int trailing_backslash(const char *s)
{
    return s[1] == '\0' || (s[1] == '\n' && s[2] == '\0');
}

static enum scan scan_unit(const char *s, const char **end)
{
    const char *q;

    switch (*s) {
    case '\\':
        if (trailing_backslash(s))
            return SCAN_MORE;
        *end = s + 2;
        return SCAN_OK;
    case '\'':
        if ((q = strchr(s + 1, '\'')) == NULL)
            return SCAN_MORE;
        *end = q + 1;
        return SCAN_OK;
    case '"':
        return scan_dquote(s, end);
    case '$':
        return scan_dollar(s, end);
    case '`':
        return scan_backquote(s, end);
    default:
        *end = s + 1;
        return SCAN_OK;
    }
}

enum scan scan_word(const char *s, const char **end)
{
    enum scan r = SCAN_OK;

    while (r == SCAN_OK && *s && *s != ' ' && *s != '\t' &&
           !scan_is_operator_char(*s))
        r = scan_unit(s, &s);
    *end = s;
    return r;
}

/* Inside "...", only \, $ and ` are special. */
enum scan scan_dquote(const char *s, const char **end)
{
    enum scan r = SCAN_OK;

    for (s++; r == SCAN_OK && *s != '"'; ) {
        if (*s == '\0')
            return SCAN_MORE;
        if (*s == '\\' || *s == '$' || *s == '`')
            r = scan_unit(s, &s);
        else
            s++;
    }
    *end = s + 1;
    return r;
}

/* ${...}: up to the matching brace, with quotes and expansions inside. */
static enum scan scan_braces(const char *s, const char **end)
{
    enum scan r = SCAN_OK;

    for (s += 2; r == SCAN_OK && *s != '}'; ) {
        if (*s == '\0')
            return SCAN_MORE;
        r = scan_unit(s, &s);
    }
    *end = s + 1;
    return r;
}

/* $((...)): up to the "))" that balances the opening parentheses. */
static enum scan scan_arith(const char *s, const char **end)
{
    enum scan r = SCAN_OK;
    int depth = 0;

    for (s += 3; r == SCAN_OK; ) {
        if (*s == '\0')
            return SCAN_MORE;
        if (*s == ')' && depth == 0) {
            if (s[1] != ')') {
                fprintf(stderr, "sh: syntax error: missing '))'\n");
                return SCAN_BAD;
            }
            *end = s + 2;
            return SCAN_OK;
        }
        depth += *s == '(' ? 1 : *s == ')' ? -1 : 0;
        r = scan_unit(s, &s);
    }
    return r;
}

enum scan scan_dollar(const char *s, const char **end)
{
    if (s[1] == '(' && s[2] == '(')
        return scan_arith(s, end);
    if (s[1] == '(')
        return parse_subst_end(s + 2, end);
    if (s[1] == '{')
        return scan_braces(s, end);
    *end = s + 1;               /* $NAME: the name is plain characters */
    return SCAN_OK;
}

enum scan scan_backquote(const char *s, const char **end)
{
    for (s++; *s != '`'; s++) {
        if (*s == '\0')
            return SCAN_MORE;
        if (*s == '\\') {
            if (s[1] == '\0')
                return SCAN_MORE;
            s++;
        }
    }
    *end = s + 1;
    return SCAN_OK;
}
