/*
 * Running commands from a text: a string (sh -c, eval, command
 * substitution) or an input read line by line (the terminal, a script,
 * a file read by `.`).
 */
#ifndef USERLAND_SH_SOURCE_H
#define USERLAND_SH_SOURCE_H

#include "userland/sh/input.h"

/* Parse the whole text, then run it; its status (2 on a syntax error). */
int run_string(const char *text);

/* Read a line (and more while the command is unfinished), run the
 * commands.  Returns 0, or -1 at the end of the input. */
int run_next(struct input *in);

#endif
