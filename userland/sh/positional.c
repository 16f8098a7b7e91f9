/*
 * Positional parameters.  shell.params points either at memory the shell
 * does not own (its own argv, a function call's arguments in the arena)
 * or into an array that `set` allocated (`owned`), whose strings are
 * malloc'd one by one.  `shift` moves shell.params forward, freeing the
 * strings it passes when they are owned.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "userland/sh/positional.h"
#include "userland/sh/builtins.h"
#include "userland/sh/shell.h"
#include "userland/sh/vars.h"

static char **owned;        /* the malloc'd array shell.params points into */

static void free_owned(void)
{
    if (owned == NULL)
        return;
    for (int i = 0; i < shell.nparams; i++)
        free(shell.params[i]);
    free(owned);
    owned = NULL;
}

void params_set(char **args, int n)
{
    char **copy = calloc((size_t)n + 1, sizeof *copy);

    for (int i = 0; copy && i < n; i++) {
        copy[i] = strdup(args[i]);
        if (copy[i] == NULL) {
            fprintf(stderr, "sh: out of memory\n");
            exit(2);
        }
    }
    if (copy == NULL) {
        fprintf(stderr, "sh: out of memory\n");
        exit(2);
    }
    free_owned();
    owned = shell.params = copy;
    shell.nparams = n;
}

void params_push(struct params_frame *frame, char **args)
{
    frame->params = shell.params;
    frame->nparams = shell.nparams;
    frame->owned = owned;
    owned = NULL;
    shell.params = args;
    for (shell.nparams = 0; args[shell.nparams]; shell.nparams++)
        ;
}

void params_pop(struct params_frame *frame)
{
    free_owned();
    shell.params = frame->params;
    shell.nparams = frame->nparams;
    owned = frame->owned;
}

/* shift [N]: $N+1 becomes $1, and so on. */
int bi_shift(int argc, char **argv)
{
    long n = 1;

    if (argc > 1) {
        char *end;
        n = strtol(argv[1], &end, 10);
        if (*end != '\0' || end == argv[1] || n < 0) {
            fprintf(stderr, "sh: shift: Illegal number: %s\n", argv[1]);
            return 2;
        }
    }
    if (n > shell.nparams) {
        fprintf(stderr, "sh: shift: can't shift that many\n");
        if (!shell.interactive)
            exit(2);            /* an error in a special builtin, as dash does */
        return 2;
    }
    for (int i = 0; owned && i < n; i++)
        free(shell.params[i]);
    shell.params += n;
    shell.nparams -= (int)n;
    return 0;
}

/*
 * set: print the variables; set [--] ARGS: make ARGS the positional
 * parameters.  Options (-e, -x...) are not supported.
 */
int bi_set(int argc, char **argv)
{
    int i = 1;

    if (argc == 1) {
        vars_print();
        return 0;
    }
    if (strcmp(argv[1], "--") == 0) {
        i = 2;
    } else if (argv[1][0] == '-' || argv[1][0] == '+') {
        fprintf(stderr, "sh: set: %s: unsupported option\n", argv[1]);
        return 2;
    }
    params_set(argv + i, argc - i);
    return 0;
}
