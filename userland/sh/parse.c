/*
 * A recursive-descent parser for the grammar in parse.h: lists, and-or
 * lists, pipelines and simple commands, plus the helpers the compound
 * commands (parse_compound.c) use.  Tokens are read one at a time, with
 * one token of look-ahead for `name()`.  Arrays grow in the arena (old
 * copies are simply left there until the command is done).
 */
#include <stdio.h>
#include <string.h>
#include "userland/sh/parse_internal.h"
#include "userland/sh/arena.h"
#include "userland/sh/vars.h"

/* ---- tokens ---- */

/* Append a line to the text, if there is a source of lines. */
static int read_more(struct parser *ps)
{
    const char *text;

    if (ps->more == NULL || ps->more(ps->more_ctx, &text) < 0)
        return -1;
    ps->text = text;
    lex_moved(&ps->lx, text);
    return 0;
}

/*
 * Lex one token into *tok.  Where the text ends too early (inside a word,
 * or inside a command: depth > 0) read another line and try again.  A
 * lexing problem reads as the end of text.
 */
static void lex_into(struct parser *ps, struct token *tok)
{
    enum scan r;

    while ((r = lex_next(&ps->lx, tok)) == SCAN_MORE ||
           (r == SCAN_OK && tok->type == T_END && ps->depth > 0)) {
        if (read_more(ps) < 0)
            break;
    }
    if (r == SCAN_MORE)
        ps->incomplete = 1;
    else if (r == SCAN_BAD)
        ps->error = 1;
    if (r != SCAN_OK)
        tok->type = T_END;
}

void parser_init(struct parser *ps, const char *text, more_fn more, void *ctx)
{
    memset(ps, 0, sizeof *ps);
    ps->text = text;
    ps->more = more;
    ps->more_ctx = ctx;
    lex_init(&ps->lx, text);
    lex_into(ps, &ps->tok);
}

void advance(struct parser *ps)
{
    ps->last_end = ps->tok.end;
    if (ps->have_next) {
        ps->tok = ps->next;
        ps->have_next = 0;
    } else {
        lex_into(ps, &ps->tok);
    }
}

const struct token *peek(struct parser *ps)
{
    if (!ps->have_next) {
        lex_into(ps, &ps->next);
        ps->have_next = 1;
    }
    return &ps->next;
}

int failed(const struct parser *ps)
{
    return ps->error || ps->incomplete;
}

int at(const struct parser *ps, enum token_type type)
{
    return ps->tok.type == type;
}

/* Is the current token the (unquoted) word `word`? */
int at_word(const struct parser *ps, const char *word)
{
    return ps->tok.type == T_WORD && strcmp(ps->tok.text, word) == 0;
}

/* At the end of text this means "incomplete", not an error. */
void syntax_error(struct parser *ps)
{
    if (failed(ps))
        return;
    if (at(ps, T_END)) {
        ps->incomplete = 1;
        return;
    }
    const char *near = at(ps, T_NEWLINE) ? "newline" : ps->text + ps->tok.start;
    int len = at(ps, T_NEWLINE) ? 7 : ps->tok.end - ps->tok.start;
    fprintf(stderr, "sh: syntax error near unexpected token `%.*s'\n", len, near);
    ps->error = 1;
}

void expect_word(struct parser *ps, const char *word)
{
    if (at_word(ps, word))
        advance(ps);
    else
        syntax_error(ps);
}

void skip_newlines(struct parser *ps)
{
    while (at(ps, T_NEWLINE))
        advance(ps);
}

/* Make room for one more element of `size` bytes in a growing array. */
void *grow(void *array, int n, size_t size)
{
    if ((n & (n - 1)) == 0) {       /* n is 0 or a power of two: full */
        void *bigger = arena_alloc((size_t)(n ? 2 * n : 1) * size);
        if (n)
            memcpy(bigger, array, (size_t)n * size);
        array = bigger;
    }
    return array;
}

/* ---- simple commands and redirections ---- */

static int is_redirection(enum token_type t)
{
    return t == T_LESS || t == T_GREAT || t == T_DGREAT || t == T_LESSAND ||
           t == T_GREATAND || t == T_DLESS || t == T_DLESSDASH;
}

/* <<WORD: the delimiter is WORD without quotes; quotes mean "no expansion". */
static struct heredoc *new_heredoc(const char *word, int strip_tabs)
{
    struct heredoc *h = arena_alloc(sizeof *h);
    char *d = h->delimiter = arena_alloc(strlen(word) + 1);
    char quote = 0;

    for (; *word; word++) {
        if (*word == quote) {
            quote = 0;
        } else if (!quote && (*word == '\'' || *word == '"')) {
            quote = *word;
            h->quoted = 1;
        } else if (*word == '\\' && quote != '\'' && word[1]) {
            *d++ = *++word;
            h->quoted = 1;
        } else {
            *d++ = *word;
        }
    }
    h->strip_tabs = strip_tabs;
    return h;
}

static void parse_redirection(struct parser *ps, struct command *cmd)
{
    struct token op = ps->tok;
    advance(ps);
    if (!at(ps, T_WORD)) {
        syntax_error(ps);
        return;
    }
    cmd->redirs = grow(cmd->redirs, cmd->nredirs, sizeof *cmd->redirs);
    struct redir *r = &cmd->redirs[cmd->nredirs++];
    static const enum redir_kind kinds[] = {
        [T_LESS] = R_IN, [T_GREAT] = R_OUT, [T_DGREAT] = R_APPEND,
        [T_LESSAND] = R_DUP_IN, [T_GREATAND] = R_DUP_OUT,
        [T_DLESS] = R_HEREDOC, [T_DLESSDASH] = R_HEREDOC,
    };
    r->kind = kinds[op.type];
    r->fd = op.io_number >= 0 ? op.io_number
          : (r->kind == R_OUT || r->kind == R_APPEND || r->kind == R_DUP_OUT) ? 1 : 0;
    r->target = ps->tok.text;
    if (r->kind == R_HEREDOC) {     /* before the newline after it is read */
        r->heredoc = new_heredoc(r->target, op.type == T_DLESSDASH);
        lex_add_heredoc(&ps->lx, r->heredoc);
    }
    advance(ps);
}

/* The redirections after a compound command. */
void parse_redirections(struct parser *ps, struct command *cmd)
{
    while (!failed(ps) && is_redirection(ps->tok.type))
        parse_redirection(ps, cmd);
}

static void add_word(struct command *cmd, char *word)
{
    cmd->words = grow(cmd->words, cmd->nwords, sizeof *cmd->words);
    cmd->words[cmd->nwords++] = word;
}

static void parse_simple(struct parser *ps, struct command *cmd)
{
    cmd->type = C_SIMPLE;
    while (!failed(ps)) {
        if (at(ps, T_WORD)) {
            add_word(cmd, ps->tok.text);
            advance(ps);
        } else if (is_redirection(ps->tok.type)) {
            parse_redirection(ps, cmd);
        } else {
            break;
        }
    }
    if (cmd->nwords == 0 && cmd->nredirs == 0) {
        syntax_error(ps);
        return;
    }
    add_word(cmd, NULL);
    cmd->nwords--;
}

/* Reserved words that end a list, and so cannot start a command. */
static int at_closing_word(const struct parser *ps)
{
    static const char *const words[] = {
        "then", "else", "elif", "fi", "do", "done", "esac", "}",
    };
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (at_word(ps, words[i]))
            return 1;
    return 0;
}

void parse_command(struct parser *ps, struct command *cmd)
{
    if (parse_compound(ps, cmd)) {
        parse_redirections(ps, cmd);
    } else if (at_closing_word(ps)) {
        syntax_error(ps);
    } else if (at(ps, T_WORD) && peek(ps)->type == T_LPAREN &&
               var_valid_name(ps->tok.text, strlen(ps->tok.text))) {
        parse_funcdef(ps, cmd);
    } else {
        parse_simple(ps, cmd);
    }
}

/* ---- pipelines, and-or lists, lists ---- */

static void parse_pipeline(struct parser *ps, struct pipeline *pl)
{
    if (at_word(ps, "!")) {
        pl->negate = 1;
        advance(ps);
    }
    for (;;) {
        pl->cmds = grow(pl->cmds, pl->ncmds, sizeof *pl->cmds);
        memset(&pl->cmds[pl->ncmds], 0, sizeof *pl->cmds);
        parse_command(ps, &pl->cmds[pl->ncmds++]);
        if (failed(ps) || !at(ps, T_PIPE))
            return;
        ps->depth++;                /* a command must follow the | */
        advance(ps);
        skip_newlines(ps);
        ps->depth--;
    }
}

static void parse_and_or(struct parser *ps, struct and_or *ao)
{
    int start = ps->tok.start;

    for (;;) {
        ao->pipes = grow(ao->pipes, ao->npipes, sizeof *ao->pipes);
        memset(&ao->pipes[ao->npipes], 0, sizeof *ao->pipes);
        parse_pipeline(ps, &ao->pipes[ao->npipes++]);
        if (failed(ps))
            return;
        if (!at(ps, T_AND) && !at(ps, T_OR))
            break;
        ao->ops = grow(ao->ops, ao->npipes - 1, sizeof *ao->ops);
        ao->ops[ao->npipes - 1] = at(ps, T_AND) ? OP_AND : OP_OR;
        ps->depth++;                /* and a command after && or || */
        advance(ps);
        skip_newlines(ps);
        ps->depth--;
    }
    ao->text = arena_strndup(ps->text + start, (size_t)(ps->last_end - start));
}

/* Tokens after which a list cannot go on. */
static int at_list_end(const struct parser *ps)
{
    return at(ps, T_END) || at(ps, T_RPAREN) || at(ps, T_DSEMI) ||
           at_closing_word(ps);
}

void parse_list(struct parser *ps, struct list *list)
{
    memset(list, 0, sizeof *list);
    for (;;) {
        skip_newlines(ps);
        if (failed(ps) || at_list_end(ps))
            return;
        list->items = grow(list->items, list->nitems, sizeof *list->items);
        struct and_or *ao = &list->items[list->nitems++];
        memset(ao, 0, sizeof *ao);
        parse_and_or(ps, ao);
        if (failed(ps))
            return;
        if (at(ps, T_AMP) || at(ps, T_SEMI)) {
            ao->background = at(ps, T_AMP);
            advance(ps);
        } else if (!at(ps, T_NEWLINE)) {
            return;                 /* the caller checks what follows */
        }
    }
}

struct list *parse_body(struct parser *ps)
{
    struct list *list = arena_alloc(sizeof *list);
    parse_list(ps, list);
    if (list->nitems == 0)
        syntax_error(ps);
    return list;
}

enum parse_result parse_more(const char *text, struct list *list,
                             more_fn more, void *ctx)
{
    struct parser ps;

    parser_init(&ps, text, more, ctx);
    parse_list(&ps, list);
    if (!at(&ps, T_END))
        syntax_error(&ps);
    if (ps.error)
        return PARSE_ERROR;
    return ps.incomplete ? PARSE_INCOMPLETE : PARSE_OK;
}

enum parse_result parse(const char *text, struct list *list)
{
    return parse_more(text, list, NULL, NULL);
}

enum scan parse_subst_end(const char *s, const char **end)
{
    struct parser ps;
    struct list list;

    parser_init(&ps, s, NULL, NULL);     /* the caller reads more lines */
    parse_list(&ps, &list);
    if (!at(&ps, T_RPAREN))
        syntax_error(&ps);
    if (ps.error)
        return SCAN_BAD;
    if (ps.incomplete)
        return SCAN_MORE;
    *end = s + ps.tok.end;
    return SCAN_OK;
}
