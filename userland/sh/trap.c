/*
 * Traps.  The signal handler only notes that the signal came; the shell
 * runs the trap's commands at the next safe point, between two commands
 * (run_list calls trap_run_pending), so a trap never interrupts the shell
 * in the middle of changing its own data.  A foreground command is
 * waited for first, as POSIX says.  $? is kept across a trap.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <signal.h>
#include "userland/sh/trap.h"
#include "userland/sh/builtins.h"
#include "userland/sh/shell.h"
#include "userland/sh/source.h"

#define NTRAPS 32                   /* 0 (EXIT) and signals 1..31 */

static char *actions[NTRAPS];       /* malloc'd commands; "" = ignore */
static struct sigaction original[NTRAPS];   /* before the first trap */
static int changed[NTRAPS];
static volatile sig_atomic_t pending[NTRAPS], any_pending;
static int running;                 /* in a trap's commands */

static void note_signal(int sig)
{
    pending[sig] = 1;
    any_pending = 1;
}

/* Run commands keeping $? (and its own status does not count). */
static void run_action(const char *commands)
{
    int status = shell.last_status;
    running = 1;
    run_string(commands);
    running = 0;
    shell.last_status = status;
}

void trap_run_pending(void)
{
    if (!any_pending || running)
        return;
    any_pending = 0;
    for (int sig = 1; sig < NTRAPS; sig++) {
        if (pending[sig]) {
            pending[sig] = 0;
            if (actions[sig])
                run_action(actions[sig]);
        }
    }
}

_Noreturn void shell_exit(int status)
{
    char *action = actions[0];

    shell.last_status = status;
    actions[0] = NULL;              /* `exit` in it must not run it again */
    if (action && *action)
        run_action(action);
    fflush(stdout);
    exit(shell.last_status & 0xff);
}

void trap_reset_for_subshell(void)
{
    for (int sig = 0; sig < NTRAPS; sig++) {
        if (actions[sig] && *actions[sig]) {
            free(actions[sig]);
            actions[sig] = NULL;
            if (sig > 0)
                sigaction(sig, &original[sig], NULL);
        }
    }
}

/* "INT", "SIGINT", "2", "EXIT" or "0" -> the number; -1 if unknown. */
static int trap_number(const char *s)
{
    if (isdigit((unsigned char)*s)) {
        char *end;
        long n = strtol(s, &end, 10);
        return *end == '\0' && n >= 0 && n < NTRAPS ? (int)n : -1;
    }
    if (strcasecmp(s, "EXIT") == 0)
        return 0;
    if (strncasecmp(s, "SIG", 3) == 0)
        s += 3;
    for (int sig = 1; sig < NTRAPS; sig++)
        if (sigabbrev_np(sig) && strcasecmp(s, sigabbrev_np(sig)) == 0)
            return sig;
    return -1;
}

/* Set what signal sig does: action NULL (as before), "" (ignore) or commands. */
static int set_trap(int sig, const char *action)
{
    if (sig == SIGKILL || sig == SIGSTOP)
        return -1;
    if (sig > 0) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = action == NULL ? SIG_DFL : *action ? note_signal : SIG_IGN;
        if (!changed[sig])
            sigaction(sig, NULL, &original[sig]);
        changed[sig] = 1;
        sigaction(sig, action ? &sa : &original[sig], NULL);
    }
    free(actions[sig]);
    actions[sig] = action ? strdup(action) : NULL;
    return 0;
}

static void list_traps(void)
{
    for (int sig = 0; sig < NTRAPS; sig++) {
        if (actions[sig] == NULL)
            continue;
        printf("trap -- '");
        for (const char *p = actions[sig]; *p; p++) {
            if (*p == '\'')
                fputs("'\\''", stdout);
            else
                putchar(*p);
        }
        printf("' %s\n", sig ? sigabbrev_np(sig) : "EXIT");
    }
}

int bi_trap(int argc, char **argv)
{
    int status = 0, i = 1;
    const char *action;

    if (argc == 1) {
        list_traps();
        return 0;
    }
    if (argc > 1 && strcmp(argv[1], "--") == 0)
        i++;
    if (i >= argc)
        return 0;
    /* "-", a number, or a condition alone: back to the original action. */
    action = argv[i];
    if (strcmp(action, "-") == 0)
        i++;
    if (strcmp(action, "-") == 0 || isdigit((unsigned char)*action) || i == argc - 1)
        action = NULL;
    else
        i++;
    for (; i < argc; i++) {
        int sig = trap_number(argv[i]);
        if (sig < 0 || set_trap(sig, action) < 0) {
            fprintf(stderr, "sh: trap: %s: bad trap\n", argv[i]);
            status = 1;
        }
    }
    return status;
}
