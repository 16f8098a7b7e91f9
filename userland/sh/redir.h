/*
 * Redirections: making fds refer to files (<, >, >>), to other fds (<&,
 * >&, and closing them with -) or to here-documents (<<, <<-).  When a
 * builtin or a compound command runs inside the shell, the fds it
 * replaced are saved and put back afterwards, so `while read x; do ...;
 * done < file` leaves the shell's standard input as it was.
 */
#ifndef USERLAND_SH_REDIR_H
#define USERLAND_SH_REDIR_H

#include "userland/sh/parse.h"

#define MAX_SAVED 16

/* fds the redirections replaced, to put back afterwards */
struct saved_fds {
    int fd[MAX_SAVED];
    int copy[MAX_SAVED];        /* a dup of the original, or -1 if closed */
    int n;
};

/* Apply the redirections in order, saving the old fds in `saved` unless
 * it is NULL.  0, or -1 after a message (those applied stay applied). */
int apply_redirs(const struct redir *r, int n, struct saved_fds *saved);

/* Put back what apply_redirs replaced (flushing stdio first). */
void restore_fds(struct saved_fds *saved);

#endif
