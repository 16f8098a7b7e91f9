/*
 * Parsing the compound commands: { list }, ( list ), if, while, until,
 * for, case, and function definitions.  Each starts with a reserved word
 * (or a parenthesis) where a command may start, and each has its own node
 * in the tree (parse.h).  Newlines may appear between all their parts.
 */
#include <string.h>
#include "userland/sh/parse_internal.h"
#include "userland/sh/arena.h"
#include "userland/sh/vars.h"

static void parse_group(struct parser *ps, struct command *cmd)
{
    cmd->type = C_GROUP;
    advance(ps);                            /* { */
    cmd->body = parse_body(ps);
    expect_word(ps, "}");
}

static void parse_subshell(struct parser *ps, struct command *cmd)
{
    cmd->type = C_SUBSHELL;
    advance(ps);                            /* ( */
    cmd->body = parse_body(ps);
    if (at(ps, T_RPAREN))
        advance(ps);
    else
        syntax_error(ps);
}

static void parse_if(struct parser *ps, struct command *cmd)
{
    struct if_clause *c = arena_alloc(sizeof *c);

    cmd->type = C_IF;
    cmd->if_clause = c;
    do {                                    /* if / elif */
        advance(ps);
        c->conds = grow(c->conds, c->nbranches, sizeof *c->conds);
        c->bodies = grow(c->bodies, c->nbranches, sizeof *c->bodies);
        c->conds[c->nbranches] = *parse_body(ps);
        expect_word(ps, "then");
        c->bodies[c->nbranches++] = *parse_body(ps);
    } while (!failed(ps) && at_word(ps, "elif"));
    if (at_word(ps, "else")) {
        advance(ps);
        c->else_body = parse_body(ps);
    }
    expect_word(ps, "fi");
}

/* do list done: the body of while, until and for. */
static struct list *parse_do_group(struct parser *ps)
{
    expect_word(ps, "do");
    struct list *body = parse_body(ps);
    expect_word(ps, "done");
    return body;
}

static void parse_loop(struct parser *ps, struct command *cmd)
{
    struct loop_clause *c = arena_alloc(sizeof *c);

    cmd->type = at_word(ps, "while") ? C_WHILE : C_UNTIL;
    cmd->loop = c;
    advance(ps);
    c->cond = parse_body(ps);
    c->body = parse_do_group(ps);
}

/* for NAME [in WORD...] ; do ... done   (the ; may be a newline) */
static void parse_for(struct parser *ps, struct command *cmd)
{
    struct for_clause *c = arena_alloc(sizeof *c);

    cmd->type = C_FOR;
    cmd->for_clause = c;
    advance(ps);
    if (!at(ps, T_WORD) || !var_valid_name(ps->tok.text, strlen(ps->tok.text))) {
        syntax_error(ps);
        return;
    }
    c->name = ps->tok.text;
    advance(ps);
    if (at(ps, T_SEMI)) {                   /* for i; do */
        advance(ps);
        c->over_params = 1;
    } else {
        skip_newlines(ps);
        c->over_params = !at_word(ps, "in");
        if (!c->over_params) {
            for (advance(ps); at(ps, T_WORD); advance(ps)) {
                c->words = grow(c->words, c->nwords, sizeof *c->words);
                c->words[c->nwords++] = ps->tok.text;
            }
            if (at(ps, T_SEMI) || at(ps, T_NEWLINE))
                advance(ps);
            else
                syntax_error(ps);
        }
    }
    skip_newlines(ps);
    c->body = parse_do_group(ps);
}

/* One `pattern | pattern ) list ;;` of a case command. */
static void parse_case_item(struct parser *ps, struct case_item *item)
{
    if (at(ps, T_LPAREN))
        advance(ps);
    for (;;) {
        if (!at(ps, T_WORD)) {
            syntax_error(ps);
            return;
        }
        item->patterns = grow(item->patterns, item->npatterns,
                              sizeof *item->patterns);
        item->patterns[item->npatterns++] = ps->tok.text;
        advance(ps);
        if (!at(ps, T_PIPE))
            break;
        advance(ps);
    }
    if (!at(ps, T_RPAREN)) {
        syntax_error(ps);
        return;
    }
    advance(ps);
    item->body = arena_alloc(sizeof *item->body);
    parse_list(ps, item->body);             /* may be empty */
    if (at(ps, T_DSEMI))
        advance(ps);
    else if (!at_word(ps, "esac"))
        syntax_error(ps);
}

static void parse_case(struct parser *ps, struct command *cmd)
{
    struct case_clause *c = arena_alloc(sizeof *c);

    cmd->type = C_CASE;
    cmd->case_clause = c;
    advance(ps);
    if (!at(ps, T_WORD)) {
        syntax_error(ps);
        return;
    }
    c->word = ps->tok.text;
    advance(ps);
    skip_newlines(ps);
    expect_word(ps, "in");
    for (;;) {
        skip_newlines(ps);
        if (failed(ps) || at_word(ps, "esac"))
            break;
        c->items = grow(c->items, c->nitems, sizeof *c->items);
        memset(&c->items[c->nitems], 0, sizeof *c->items);
        parse_case_item(ps, &c->items[c->nitems++]);
    }
    expect_word(ps, "esac");
}

int parse_compound(struct parser *ps, struct command *cmd)
{
    static const struct {
        const char *word;
        void (*parse)(struct parser *, struct command *);
    } starts[] = {
        {"{", parse_group}, {"if", parse_if}, {"while", parse_loop},
        {"until", parse_loop}, {"for", parse_for}, {"case", parse_case},
    };

    void (*parse)(struct parser *, struct command *) = NULL;

    if (at(ps, T_LPAREN))
        parse = parse_subshell;
    for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++)
        if (at_word(ps, starts[i].word))
            parse = starts[i].parse;
    if (parse == NULL)
        return 0;
    ps->depth++;                /* open: the end of a line does not end it */
    parse(ps, cmd);
    ps->depth--;
    return 1;
}

/*
 * name() compound-command [redirections]: the body is kept as source
 * text; the tree parsed here only checks it.
 */
void parse_funcdef(struct parser *ps, struct command *cmd)
{
    struct funcdef *f = arena_alloc(sizeof *f);

    cmd->type = C_FUNCDEF;
    cmd->funcdef = f;
    f->name = ps->tok.text;
    advance(ps);                            /* name */
    advance(ps);                            /* ( */
    if (!at(ps, T_RPAREN)) {
        syntax_error(ps);
        return;
    }
    ps->depth++;                            /* the body must follow */
    advance(ps);
    skip_newlines(ps);
    ps->depth--;

    int start = ps->tok.start;
    struct command body;
    memset(&body, 0, sizeof body);
    if (!parse_compound(ps, &body)) {
        syntax_error(ps);
        return;
    }
    parse_redirections(ps, &body);
    f->body = arena_strndup(ps->text + start, (size_t)(ps->last_end - start));
}
