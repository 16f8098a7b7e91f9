/*
 * The parser: turns tokens into the tree the executor walks.
 *
 *   list      := and_or { (';' | '&' | newline) and_or } [';' | '&']
 *   and_or    := pipeline { ('&&' | '||') pipeline }
 *   pipeline  := ['!'] command { '|' command }
 *   command   := { word | redirection }
 *   redirection := [fd] ('<' | '>' | '>>' | '<&' | '>&') word
 *
 * Words stay raw (quotes and $ included) until the command runs.
 */
#ifndef USERLAND_SH_PARSE_H
#define USERLAND_SH_PARSE_H

#include "userland/sh/lex.h"

enum redir_kind { R_IN, R_OUT, R_APPEND, R_DUP_IN, R_DUP_OUT };

struct redir {
    enum redir_kind kind;
    int fd;                 /* the fd redirected */
    char *target;           /* raw word: a file name, or an fd / "-" for R_DUP_* */
};

struct command {
    char **words;           /* raw words, NULL-terminated */
    int nwords;
    struct redir *redirs;
    int nredirs;
};

struct pipeline {
    struct command *cmds;
    int ncmds;
    int negate;             /* '!': invert the exit status */
};

enum andor_op { OP_AND, OP_OR };

struct and_or {
    struct pipeline *pipes;
    enum andor_op *ops;     /* ops[i] joins pipes[i] and pipes[i + 1] */
    int npipes;
    int background;         /* ended by '&' */
    char *text;             /* its source text, for job messages */
};

struct list {
    struct and_or *items;
    int nitems;
};

enum parse_result {
    PARSE_OK,
    PARSE_INCOMPLETE,       /* the text ends where more must follow */
    PARSE_ERROR,            /* message already printed */
};

/* Parse text (tokenizing it first) into *list, allocated in the arena. */
enum parse_result parse(const char *text, struct list *list);

#endif
