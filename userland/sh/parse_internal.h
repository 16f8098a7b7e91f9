/*
 * What parse.c (lists, pipelines, simple commands) and parse_compound.c
 * (if, loops, case, groups, functions) share: the parser's state and its
 * small helpers.
 */
#ifndef USERLAND_SH_PARSE_INTERNAL_H
#define USERLAND_SH_PARSE_INTERNAL_H

#include <stddef.h>
#include "userland/sh/parse.h"

struct parser {
    const char *text;
    struct lexer lx;
    struct token tok;       /* the current token */
    struct token next;      /* the token after it, once peek() read it */
    int have_next;
    int last_end;           /* where the last token taken ended */
    int incomplete;         /* ran out of text where more was needed */
    int error;              /* a syntax error was reported */
    int depth;              /* > 0: inside a command, the end of the text
                               is not the end of the command */
    more_fn more;           /* where more lines come from, or NULL */
    void *more_ctx;
};

/* ---- parse.c ---- */
void parser_init(struct parser *ps, const char *text, more_fn more, void *ctx);
void advance(struct parser *ps);
const struct token *peek(struct parser *ps);
int failed(const struct parser *ps);
int at(const struct parser *ps, enum token_type type);
int at_word(const struct parser *ps, const char *word);
void syntax_error(struct parser *ps);
void expect_word(struct parser *ps, const char *word);
void skip_newlines(struct parser *ps);
void *grow(void *array, int n, size_t size);

/* A list of and-or lists (possibly empty), up to a token that ends it. */
void parse_list(struct parser *ps, struct list *list);
/* The same, but it must not be empty: the body of a compound command. */
struct list *parse_body(struct parser *ps);
void parse_command(struct parser *ps, struct command *cmd);
void parse_redirections(struct parser *ps, struct command *cmd);

/* ---- parse_compound.c ---- */
/* If the current token starts a compound command, parse it into cmd. */
int parse_compound(struct parser *ps, struct command *cmd);
void parse_funcdef(struct parser *ps, struct command *cmd);

#endif
