/*
 * trap: commands the shell runs when it receives a signal, or when it
 * exits (EXIT, signal 0).
 *
 *   trap                    list the traps
 *   trap 'commands' SIG...  run commands when SIG arrives
 *   trap '' SIG...          ignore SIG
 *   trap - SIG...           back to what SIG did before
 */
#ifndef USERLAND_SH_TRAP_H
#define USERLAND_SH_TRAP_H

/* Run the traps of the signals that arrived (between commands). */
void trap_run_pending(void);

/* A subshell forgets the traps with commands (ignored signals stay so). */
void trap_reset_for_subshell(void);

/* Leave the shell (or subshell): run the EXIT trap, then exit(status). */
_Noreturn void shell_exit(int status);

#endif
