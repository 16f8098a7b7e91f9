/*
 * A recursive-descent parser for the grammar in parse.h.  Arrays grow in
 * the arena (old copies are simply left there until the line is done).
 */
#include <stdio.h>
#include <string.h>
#include "userland/sh/parse.h"
#include "userland/sh/arena.h"

struct parser {
    const char *text;
    struct token *tok;      /* current token */
    int incomplete;         /* ran out of tokens where more were needed */
    int error;
};

/* Append one element of `size` bytes to a growing arena array. */
static void *grow(void *array, int n, size_t size)
{
    if ((n & (n - 1)) == 0) {       /* n is 0 or a power of two: full */
        void *bigger = arena_alloc((size_t)(n ? 2 * n : 1) * size);
        if (n)
            memcpy(bigger, array, (size_t)n * size);
        array = bigger;
    }
    return array;
}

static void syntax_error(struct parser *ps)
{
    if (ps->error || ps->incomplete)
        return;
    if (ps->tok->type == T_END) {
        ps->incomplete = 1;
        return;
    }
    const char *near = ps->tok->type == T_NEWLINE ? "newline"
                                                  : ps->text + ps->tok->start;
    int len = ps->tok->type == T_NEWLINE ? 7 : ps->tok->end - ps->tok->start;
    fprintf(stderr, "sh: syntax error near unexpected token `%.*s'\n", len, near);
    ps->error = 1;
}

static int at(struct parser *ps, enum token_type type)
{
    return ps->tok->type == type;
}

static void skip_newlines(struct parser *ps)
{
    while (at(ps, T_NEWLINE))
        ps->tok++;
}

static int is_redirection(enum token_type t)
{
    return t == T_LESS || t == T_GREAT || t == T_DGREAT || t == T_LESSAND ||
           t == T_GREATAND;
}

static void parse_redirection(struct parser *ps, struct command *cmd)
{
    struct token *op = ps->tok++;
    if (!at(ps, T_WORD)) {
        syntax_error(ps);
        return;
    }
    cmd->redirs = grow(cmd->redirs, cmd->nredirs, sizeof *cmd->redirs);
    struct redir *r = &cmd->redirs[cmd->nredirs++];
    static const enum redir_kind kinds[] = {
        [T_LESS] = R_IN, [T_GREAT] = R_OUT, [T_DGREAT] = R_APPEND,
        [T_LESSAND] = R_DUP_IN, [T_GREATAND] = R_DUP_OUT,
    };
    r->kind = kinds[op->type];
    r->fd = op->io_number >= 0 ? op->io_number
          : (r->kind == R_IN || r->kind == R_DUP_IN) ? 0 : 1;
    r->target = ps->tok->text;
    ps->tok++;
}

static void parse_command(struct parser *ps, struct command *cmd)
{
    for (;;) {
        if (at(ps, T_WORD)) {
            cmd->words = grow(cmd->words, cmd->nwords, sizeof *cmd->words);
            cmd->words[cmd->nwords++] = ps->tok->text;
            ps->tok++;
        } else if (is_redirection(ps->tok->type)) {
            parse_redirection(ps, cmd);
            if (ps->error || ps->incomplete)
                return;
        } else {
            break;
        }
    }
    if (cmd->nwords == 0 && cmd->nredirs == 0) {
        syntax_error(ps);
        return;
    }
    cmd->words = grow(cmd->words, cmd->nwords, sizeof *cmd->words);
    cmd->words[cmd->nwords] = NULL;
}

static void parse_pipeline(struct parser *ps, struct pipeline *pl)
{
    if (at(ps, T_BANG)) {
        pl->negate = 1;
        ps->tok++;
    }
    for (;;) {
        pl->cmds = grow(pl->cmds, pl->ncmds, sizeof *pl->cmds);
        memset(&pl->cmds[pl->ncmds], 0, sizeof *pl->cmds);
        parse_command(ps, &pl->cmds[pl->ncmds++]);
        if (ps->error || ps->incomplete || !at(ps, T_PIPE))
            return;
        ps->tok++;
        skip_newlines(ps);
    }
}

static void parse_and_or(struct parser *ps, struct and_or *ao)
{
    int start = ps->tok->start;

    for (;;) {
        ao->pipes = grow(ao->pipes, ao->npipes, sizeof *ao->pipes);
        memset(&ao->pipes[ao->npipes], 0, sizeof *ao->pipes);
        parse_pipeline(ps, &ao->pipes[ao->npipes++]);
        if (ps->error || ps->incomplete)
            return;
        if (!at(ps, T_AND) && !at(ps, T_OR))
            break;
        ao->ops = grow(ao->ops, ao->npipes - 1, sizeof *ao->ops);
        ao->ops[ao->npipes - 1] = at(ps, T_AND) ? OP_AND : OP_OR;
        ps->tok++;
        skip_newlines(ps);
    }
    ao->text = arena_strndup(ps->text + start, (size_t)(ps->tok[-1].end - start));
}

enum parse_result parse(const char *text, struct list *list)
{
    struct token *tokens;
    int count;
    struct parser ps = {text, NULL, 0, 0};

    memset(list, 0, sizeof *list);
    if (lex(text, &tokens, &count) == LEX_INCOMPLETE)
        return PARSE_INCOMPLETE;
    ps.tok = tokens;

    for (;;) {
        skip_newlines(&ps);
        if (at(&ps, T_END))
            break;
        list->items = grow(list->items, list->nitems, sizeof *list->items);
        struct and_or *ao = &list->items[list->nitems++];
        memset(ao, 0, sizeof *ao);
        parse_and_or(&ps, ao);
        if (ps.error || ps.incomplete)
            break;
        if (at(&ps, T_AMP) || at(&ps, T_SEMI)) {
            ao->background = at(&ps, T_AMP);
            ps.tok++;
        } else if (!at(&ps, T_NEWLINE) && !at(&ps, T_END)) {
            syntax_error(&ps);
            break;
        }
    }
    if (ps.error)
        return PARSE_ERROR;
    return ps.incomplete ? PARSE_INCOMPLETE : PARSE_OK;
}
