/*
 * The positional parameters $1, $2, ... ($# of them): set from the
 * command line, by `set -- args`, by `shift`, and for each function call.
 */
#ifndef USERLAND_SH_POSITIONAL_H
#define USERLAND_SH_POSITIONAL_H

/* Replace them by copies of args[0..n). */
void params_set(char **args, int n);

/* The parameters of a caller, kept while a function runs. */
struct params_frame {
    char **params;
    int nparams;
    char **owned;
};

/* A function call: args (NULL-terminated, not copied) become the parameters. */
void params_push(struct params_frame *frame, char **args);
void params_pop(struct params_frame *frame);

#endif
