/*
 * Word expansion, done when a command runs: a leading ~, parameters
 * ($NAME, ${NAME...}, special parameters), command substitution ($(...)
 * and `...`), arithmetic ($((...))), then field splitting of unquoted
 * results, pathname expansion and quote removal.
 */
#ifndef USERLAND_SH_EXPAND_H
#define USERLAND_SH_EXPAND_H

#include "userland/sh/fields.h"

/* Expand raw word into zero or more fields appended to f. */
void expand_word(const char *raw, struct fields *f);

/* Expand raw word into exactly one string: no splitting, no wildcards
 * (variable assignments, redirection targets, case words). */
char *expand_single(const char *raw);

/* Expand raw word into a glob pattern (case patterns, ${x#pattern}). */
char *expand_pattern(const char *raw);

/* Expand a here-document's body (when its delimiter was not quoted). */
char *expand_heredoc(const char *body);

/* How the text given to expand_text is quoted. */
enum quoting {
    UNQUOTED,
    IN_DQUOTE,          /* inside "..." */
    IN_DQUOTE_WORD,     /* the word of "${x-word}": quoted, but "..." in it quote too */
    IN_HEREDOC,         /* a here-document: as in "...", but " is ordinary */
};

/*
 * Expand the text [p, end) into b, quoted as q says.  Used for parts of
 * words: the word of ${name-word}, the inside of $((...)) and "...".
 */
void expand_text(struct builder *b, const char *p, const char *end, enum quoting q);

/* The same into a new builder *b that makes one string (no fields). */
void expand_string(struct builder *b, const char *p, const char *end, enum quoting q);

/*
 * Expansion errors (${x?}, $((1/0)), ...): expand_fail() reports one and
 * remembers it; expand_failed() tells the command that its expansion
 * failed (and forgets it).  A shell that is not interactive exits there.
 */
void expand_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int expand_failed(void);

#endif
