/*
 * The tokenizer: splits command text into words and operators, one token
 * at a time as the parser asks for them.
 *
 * A word keeps its quotes and $ signs exactly as typed ("raw"): expansion
 * and quote removal happen later, when the command runs (expand.c), so
 * that `x=1; echo $x` sees the new value.  The lexer only needs to know
 * where a word ends (scan.c).  Reserved words (if, then, done, {, !,
 * ...) are ordinary words here; the parser recognizes them where a
 * command may start.  The bodies of here-documents are read here too, as
 * raw text, when the newline after their << is reached.
 */
#ifndef USERLAND_SH_LEX_H
#define USERLAND_SH_LEX_H

#include "userland/sh/scan.h"

enum token_type {
    T_WORD,
    T_PIPE,         /* |  */
    T_OR,           /* || */
    T_AMP,          /* &  */
    T_AND,          /* && */
    T_SEMI,         /* ;  */
    T_DSEMI,        /* ;; */
    T_NEWLINE,
    T_LPAREN,       /* (  */
    T_RPAREN,       /* )  */
    T_LESS,         /* <  */
    T_GREAT,        /* >  */
    T_DGREAT,       /* >> */
    T_DLESS,        /* << */
    T_DLESSDASH,    /* <<- */
    T_LESSAND,      /* <& */
    T_GREATAND,     /* >& */
    T_END,
};

struct token {
    enum token_type type;
    char *text;         /* T_WORD: the raw word, in the arena */
    int io_number;      /* redirections: the fd before the operator, or -1 */
    int start, end;     /* position in the source text */
};

/*
 * A here-document (<<WORD): its lines follow the next newline, up to a
 * line that is WORD.  The parser announces it when it reads WORD; the
 * lexer fills in the body when it passes that newline.
 */
struct heredoc {
    char *delimiter;    /* WORD without its quotes */
    int quoted;         /* WORD had quotes: the body is not expanded */
    int strip_tabs;     /* <<-: leading tabs are removed from each line */
    char *body;         /* raw text, in the arena */
    struct heredoc *next;
};

struct lexer {
    const char *text;
    const char *p;      /* the next character to read */
    struct heredoc *pending;    /* announced, body not read yet */
};

void lex_init(struct lexer *lx, const char *text);

/* More text was appended to the text, which now lives at `text`. */
void lex_moved(struct lexer *lx, const char *text);

/* A here-document whose body starts after the next newline. */
void lex_add_heredoc(struct lexer *lx, struct heredoc *h);

/* Read the next token: SCAN_MORE if the text ends inside it. */
enum scan lex_next(struct lexer *lx, struct token *tok);

#endif
