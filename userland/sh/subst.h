/*
 * Command substitution: $(command) and `command` are replaced by what the
 * command writes on its standard output, without the trailing newlines.
 */
#ifndef USERLAND_SH_SUBST_H
#define USERLAND_SH_SUBST_H

/* Run the command text in a subshell; its output, in the arena.  Its
 * status goes to shell.subst_status. */
char *command_output(const char *text);

#endif
