/*
 * The tokenizer.  Words end at unquoted blanks or operator characters;
 * inside '...' and "..." everything belongs to the word, and a backslash
 * protects the next character.  `#` at the start of a word begins a
 * comment.  Digits right before < or > are the fd of the redirection
 * ("2>file").
 */
#include <stdlib.h>
#include <string.h>
#include "userland/sh/lex.h"
#include "userland/sh/arena.h"

static int is_operator_char(char c)
{
    return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' ||
           c == '\n';
}

/*
 * Find the end of the word starting at s.  Returns NULL if a quote is
 * left open or the text ends in a backslash.
 */
static const char *word_end(const char *s)
{
    while (*s && *s != ' ' && *s != '\t' && !is_operator_char(*s)) {
        if (*s == '\\') {
            if (s[1] == '\0')
                return NULL;
            s += 2;
        } else if (*s == '\'') {
            s = strchr(s + 1, '\'');
            if (s == NULL)
                return NULL;
            s++;
        } else if (*s == '"') {
            for (s++; *s != '"'; s++) {
                if (*s == '\0')
                    return NULL;
                if (*s == '\\' && s[1])
                    s++;
            }
            s++;
        } else {
            s++;
        }
    }
    return s;
}

/* The operator at s: its type and length. */
static enum token_type operator_at(const char *s, int *len)
{
    static const struct {
        const char *text;
        enum token_type type;
    } ops[] = {
        {"||", T_OR}, {"&&", T_AND}, {">>", T_DGREAT}, {"<&", T_LESSAND},
        {">&", T_GREATAND}, {"|", T_PIPE}, {"&", T_AMP}, {";", T_SEMI},
        {"<", T_LESS}, {">", T_GREAT}, {"\n", T_NEWLINE},
    };
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        size_t n = strlen(ops[i].text);
        if (strncmp(s, ops[i].text, n) == 0) {
            *len = (int)n;
            return ops[i].type;
        }
    }
    *len = 0;
    return T_END;
}

/* A line that ends in an escaped newline continues on the next one. */
static int ends_in_continuation(const char *text)
{
    size_t n = strlen(text);
    return n >= 2 && text[n - 1] == '\n' && text[n - 2] == '\\';
}

/*
 * A word at p: its raw text, or the redirection it introduces when it is
 * all digits glued to < or > ("2>").  Returns the length consumed, or -1
 * if the word is unfinished (open quote).
 */
static int word_token(const char *p, struct token *tok)
{
    const char *end = word_end(p);
    if (end == NULL)
        return -1;
    int len = (int)(end - p);
    tok->type = T_WORD;
    tok->text = arena_strndup(p, (size_t)len);
    if (strcmp(tok->text, "!") == 0)
        tok->type = T_BANG;
    if ((*end == '<' || *end == '>') && len < 4 &&
        strspn(tok->text, "0123456789") == (size_t)len) {
        int oplen;
        tok->io_number = atoi(tok->text);
        tok->type = operator_at(end, &oplen);
        len += oplen;
    }
    return len;
}

/* Read the token at *pp into tok and advance; -1 if the text is unfinished. */
static int next_token(const char *text, const char **pp, struct token *tok)
{
    const char *p = *pp;
    int len = 0;

    while (*p == ' ' || *p == '\t' || (p[0] == '\\' && p[1] == '\n'))
        p += *p == '\\' ? 2 : 1;
    if (*p == '#')
        while (*p && *p != '\n')
            p++;
    tok->start = (int)(p - text);
    tok->io_number = -1;
    if (*p == '\0')
        tok->type = T_END;
    else if (is_operator_char(*p))
        tok->type = operator_at(p, &len);
    else if ((len = word_token(p, tok)) < 0)
        return -1;
    p += len;
    tok->end = (int)(p - text);
    *pp = p;
    return 0;
}

enum lex_result lex(const char *text, struct token **tokens, int *count)
{
    int cap = 16, n = 0;
    struct token *t = arena_alloc((size_t)cap * sizeof *t);
    const char *p = text;

    if (ends_in_continuation(text))
        return LEX_INCOMPLETE;
    for (;;) {
        if (n == cap) {
            struct token *bigger = arena_alloc(2 * (size_t)cap * sizeof *t);
            memcpy(bigger, t, (size_t)cap * sizeof *t);
            t = bigger;
            cap *= 2;
        }
        if (next_token(text, &p, &t[n]) < 0)
            return LEX_INCOMPLETE;
        if (t[n].type == T_END)
            break;
        n++;
    }
    *tokens = t;
    *count = n;
    return LEX_OK;
}
