/*
 * Running compound commands: { }, ( ), if, while, until, for, case, and
 * function definitions.  (The loop controls break and continue are there
 * too: bi_break in builtins.h.)
 */
#ifndef USERLAND_SH_EXEC_COMPOUND_H
#define USERLAND_SH_EXEC_COMPOUND_H

#include "userland/sh/parse.h"

/* Run cmd (not its redirections: the caller applied them).  A subshell's
 * body runs right here: the caller has already forked. */
int run_compound(struct command *cmd);

#endif
