/*
 * The parser: turns tokens into the tree the executor walks.
 *
 *   list      := and_or { (';' | '&' | newline) and_or } [';' | '&']
 *   and_or    := pipeline { ('&&' | '||') newline* pipeline }
 *   pipeline  := ['!'] command { '|' newline* command }
 *   command   := simple | compound redirection* | NAME '(' ')' compound
 *   simple    := { word | redirection }
 *   compound  := '{' list '}' | '(' list ')'
 *              | if list then list { elif list then list } [else list] fi
 *              | while list do list done | until list do list done
 *              | for NAME [in word...] do list done
 *              | case word in { ['('] pattern { '|' pattern } ')' list ';;' } esac
 *   redirection := [fd] ('<' | '>' | '>>' | '<&' | '>&' | '<<' | '<<-') word
 *
 * Inside compound commands newlines may separate everything.  Words stay
 * raw (quotes and $ included) until the command runs.  The tree lives in
 * the arena; a function definition keeps the source text of its body
 * instead (the arena is freed after each command), see func.c.
 */
#ifndef USERLAND_SH_PARSE_H
#define USERLAND_SH_PARSE_H

#include "userland/sh/lex.h"

enum redir_kind { R_IN, R_OUT, R_APPEND, R_DUP_IN, R_DUP_OUT, R_HEREDOC };

struct redir {
    enum redir_kind kind;
    int fd;                 /* the fd redirected */
    char *target;           /* raw word: a file name, or an fd / "-" for R_DUP_* */
    struct heredoc *heredoc;    /* R_HEREDOC: its body (lex.h) */
};

struct list;

enum command_type {
    C_SIMPLE, C_GROUP, C_SUBSHELL, C_IF, C_WHILE, C_UNTIL, C_FOR, C_CASE,
    C_FUNCDEF,
};

/* if c1; then b1; elif c2; then b2; else e; fi */
struct if_clause {
    struct list *conds, *bodies;    /* nbranches of each */
    int nbranches;
    struct list *else_body;         /* NULL without else */
};

/* while / until cond; do body; done */
struct loop_clause {
    struct list *cond, *body;
};

/* for name in words; do body; done  (no `in`: over "$@") */
struct for_clause {
    char *name;
    char **words;                   /* raw words */
    int nwords;
    int over_params;                /* no `in` part */
    struct list *body;
};

struct case_item {
    char **patterns;                /* raw words */
    int npatterns;
    struct list *body;
};

struct case_clause {
    char *word;                     /* raw word */
    struct case_item *items;
    int nitems;
};

/* name() body: the body's source text, parsed again at each call */
struct funcdef {
    char *name;
    char *body;
};

struct command {
    enum command_type type;
    struct redir *redirs;
    int nredirs;
    union {
        struct {                    /* C_SIMPLE */
            char **words;           /* raw words, NULL-terminated */
            int nwords;
        };
        struct list *body;          /* C_GROUP, C_SUBSHELL */
        struct if_clause *if_clause;
        struct loop_clause *loop;   /* C_WHILE, C_UNTIL */
        struct for_clause *for_clause;
        struct case_clause *case_clause;
        struct funcdef *funcdef;
    };
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

/* Parse text into *list, allocated in the arena. */
enum parse_result parse(const char *text, struct list *list);

/*
 * Where more lines come from when the text ends inside a command (an open
 * quote or compound command, a trailing | && ||...): more() appends a
 * line to the text and sets *text to it (it may have moved); it returns
 * -1 at the end of the input.
 */
typedef int (*more_fn)(void *ctx, const char **text);

/* Parse like parse(), asking `more` for lines while the command is
 * unfinished.  PARSE_INCOMPLETE then means the input ended first. */
enum parse_result parse_more(const char *text, struct list *list,
                             more_fn more, void *ctx);

/*
 * For the scanner: s follows "$(": parse the command up to the ')' that
 * closes the substitution and set *end just past it.
 */
enum scan parse_subst_end(const char *s, const char **end);

#endif
