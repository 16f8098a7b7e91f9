/*
 * The tokenizer.  Words end at unquoted blanks or operator characters
 * (scan.c knows about quotes and nested expansions).  `#` at the start of
 * a word begins a comment.  Digits right before < or > are the fd of the
 * redirection ("2>file").  A backslash-newline between words is skipped.
 */
#include <stdlib.h>
#include <string.h>
#include "userland/sh/lex.h"
#include "userland/sh/arena.h"

void lex_init(struct lexer *lx, const char *text)
{
    lx->text = text;
    lx->p = text;
}

void lex_moved(struct lexer *lx, const char *text)
{
    lx->p = text + (lx->p - lx->text);
    lx->text = text;
}

/* The operator at s: its type and length. */
static enum token_type operator_at(const char *s, int *len)
{
    static const struct {
        const char *text;
        enum token_type type;
    } ops[] = {
        {"||", T_OR}, {"&&", T_AND}, {";;", T_DSEMI}, {">>", T_DGREAT},
        {"<<-", T_DLESSDASH}, {"<<", T_DLESS}, {"<&", T_LESSAND}, {">&", T_GREATAND}, {"|", T_PIPE}, {"&", T_AMP},
        {";", T_SEMI}, {"<", T_LESS}, {">", T_GREAT}, {"(", T_LPAREN},
        {")", T_RPAREN}, {"\n", T_NEWLINE},
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

/*
 * A word at p: its raw text, or the redirection it introduces when it is
 * all digits glued to < or > ("2>").  Sets *len to the length consumed.
 */
static enum scan word_token(const char *p, struct token *tok, int *len)
{
    const char *end;
    enum scan r = scan_word(p, &end);
    if (r != SCAN_OK)
        return r;
    *len = (int)(end - p);
    tok->type = T_WORD;
    tok->text = arena_strndup(p, (size_t)*len);
    if ((*end == '<' || *end == '>') && *len < 4 &&
        strspn(tok->text, "0123456789") == (size_t)*len) {
        int oplen;
        tok->io_number = atoi(tok->text);
        tok->type = operator_at(end, &oplen);
        *len += oplen;
    }
    return SCAN_OK;
}

/* Skip blanks, backslash-newlines and a comment. */
static enum scan skip_blanks(const char **pp)
{
    const char *p = *pp;

    for (;;) {
        if (*p == ' ' || *p == '\t') {
            p++;
        } else if (p[0] == '\\' && p[1] == '\n') {
            if (p[2] == '\0')
                return SCAN_MORE;       /* the line goes on */
            p += 2;
        } else {
            break;
        }
    }
    if (*p == '#')
        while (*p && *p != '\n')
            p++;
    *pp = p;
    return SCAN_OK;
}

void lex_add_heredoc(struct lexer *lx, struct heredoc *h)
{
    struct heredoc **tail = &lx->pending;
    while (*tail)
        tail = &(*tail)->next;
    h->next = NULL;
    *tail = h;
}

/* The line at p without its leading tabs, if <<- strips them. */
static const char *skip_tabs(const char *p, int strip)
{
    while (strip && *p == '\t')
        p++;
    return p;
}

/*
 * The body of h starts at *pp: copy its lines (without the tabs <<- strips)
 * up to the delimiter line, and move *pp past that line.
 */
static enum scan read_body(struct heredoc *h, const char **pp)
{
    const char *p = *pp;
    size_t dlen = strlen(h->delimiter), len = 0;
    char *body = arena_alloc(strlen(p) + 1);

    for (;;) {
        if (*p == '\0')
            return SCAN_MORE;               /* no delimiter line yet */
        const char *line = skip_tabs(p, h->strip_tabs);
        const char *eol = strchrnul(line, '\n');
        if ((size_t)(eol - line) == dlen && strncmp(line, h->delimiter, dlen) == 0) {
            *pp = *eol ? eol + 1 : eol;
            h->body = body;
            return SCAN_OK;
        }
        if (*eol == '\0')
            return SCAN_MORE;
        memcpy(body + len, line, (size_t)(eol + 1 - line));
        len += (size_t)(eol + 1 - line);
        p = eol + 1;
    }
}

/*
 * After a newline at *pp: the bodies of the here-documents announced
 * before it.  Nothing changes unless all of them are there.
 */
static enum scan read_bodies(struct lexer *lx, const char **pp)
{
    const char *p = *pp;

    for (struct heredoc *h = lx->pending; h; h = h->next) {
        enum scan r = read_body(h, &p);
        if (r != SCAN_OK)
            return r;
    }
    lx->pending = NULL;
    *pp = p;
    return SCAN_OK;
}

/* The lexer moves on only when the whole token is there: after SCAN_MORE
 * the caller may append text and ask again. */
enum scan lex_next(struct lexer *lx, struct token *tok)
{
    const char *p = lx->p;
    int len = 0;
    enum scan r = skip_blanks(&p);

    memset(tok, 0, sizeof *tok);
    tok->io_number = -1;
    tok->start = (int)(p - lx->text);
    if (r != SCAN_OK)
        return r;
    if (*p == '\0')
        tok->type = T_END;
    else if (scan_is_operator_char(*p))
        tok->type = operator_at(p, &len);
    else if ((r = word_token(p, tok, &len)) != SCAN_OK)
        return r;
    p += len;
    tok->end = (int)(p - lx->text);
    if (tok->type == T_END && lx->pending)
        return SCAN_MORE;           /* here-documents still to come */
    if (tok->type == T_NEWLINE && lx->pending &&
        (r = read_bodies(lx, &p)) != SCAN_OK)
        return r;
    lx->p = p;
    return SCAN_OK;
}
