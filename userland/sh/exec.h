/*
 * Running parsed commands: lists, and-or lists, pipelines and simple
 * commands, in the foreground or as background jobs.
 */
#ifndef USERLAND_SH_EXEC_H
#define USERLAND_SH_EXEC_H

#include "userland/sh/parse.h"

/* Run every item of the list; sets and returns shell.last_status. */
int run_list(struct list *list);

/* Replace the shell by the command argv (the `exec` builtin). */
void exec_program(char **argv);

/* Apply `exec`'s redirections to the shell itself; 0 or -1. */
int redirect_shell(struct command *cmd);

#endif
