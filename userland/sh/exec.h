/*
 * Running parsed commands: lists, and-or lists, pipelines and simple
 * commands, in the foreground or as background jobs.  Compound commands
 * are in exec_compound.c.
 */
#ifndef USERLAND_SH_EXEC_H
#define USERLAND_SH_EXEC_H

#include "userland/sh/parse.h"

/* Run every item of the list; sets and returns shell.last_status. */
int run_list(struct list *list);

/* Replace the shell by the command argv (the `exec` builtin). */
_Noreturn void exec_program(char **argv);

/* In a child: stop being the interactive shell with jobs (a subshell). */
void become_subshell(void);

#endif
