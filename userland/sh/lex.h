/*
 * The tokenizer: splits command text into words and operators.
 *
 * A word keeps its quotes and $ signs exactly as typed ("raw"): expansion
 * and quote removal happen later, when the command runs (expand.c), so
 * that `x=1; echo $x` sees the new value.  The lexer only needs quotes to
 * know where a word ends.
 */
#ifndef USERLAND_SH_LEX_H
#define USERLAND_SH_LEX_H

enum token_type {
    T_WORD,
    T_PIPE,         /* |  */
    T_OR,           /* || */
    T_AMP,          /* &  */
    T_AND,          /* && */
    T_SEMI,         /* ;  */
    T_NEWLINE,
    T_LESS,         /* <  */
    T_GREAT,        /* >  */
    T_DGREAT,       /* >> */
    T_LESSAND,      /* <& */
    T_GREATAND,     /* >& */
    T_BANG,         /* !  (only as a whole word) */
    T_END,
};

struct token {
    enum token_type type;
    char *text;         /* T_WORD: the raw word */
    int io_number;      /* redirections: the fd before the operator, or -1 */
    int start, end;     /* position in the source text */
};

enum lex_result {
    LEX_OK,
    LEX_INCOMPLETE,     /* open quote or trailing backslash: need more lines */
};

/* Tokenize text into an arena array ended by T_END; *count excludes it. */
enum lex_result lex(const char *text, struct token **tokens, int *count);

#endif
