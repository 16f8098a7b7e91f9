/*
 * Finding where things end in command text: words, quoted strings and the
 * expansions $(...), $((...)), ${...} and `...`, which may nest.  The
 * lexer uses this to know where a word ends; the expander uses it again
 * to find the pieces of a word it expands.
 */
#ifndef USERLAND_SH_SCAN_H
#define USERLAND_SH_SCAN_H

enum scan {
    SCAN_OK,
    SCAN_MORE,      /* the text ends first: an open quote, a trailing \ ... */
    SCAN_BAD,       /* a syntax error inside $(...) (already reported) */
};

/* Characters that end an unquoted word (they start operators). */
int scan_is_operator_char(char c);

/* Each sets *end just past what starts at s. */
enum scan scan_word(const char *s, const char **end);
enum scan scan_dquote(const char *s, const char **end);     /* s at '"' */
enum scan scan_dollar(const char *s, const char **end);     /* s at '$' */
enum scan scan_backquote(const char *s, const char **end);  /* s at '`' */

#endif
