/*
 * Running compound commands.  They run inside the shell (exec.c forks
 * only for ( ... ) and for pipelines), so a loop can set variables and
 * `cd` in a group stays.
 *
 * break, continue and return do not jump: they set shell.skip, and every
 * list stops running commands while it is set (shell_stopping()).  The
 * loop that break N or continue N is meant for clears it again; return
 * is cleared by the function call (func.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include "userland/sh/exec_compound.h"
#include "userland/sh/builtins.h"
#include "userland/sh/exec.h"
#include "userland/sh/expand.h"
#include "userland/sh/func.h"
#include "userland/sh/glob.h"
#include "userland/sh/shell.h"
#include "userland/sh/vars.h"

/* ---- loops ---- */

/* After a loop's body: must the loop end now? */
static int leave_loop(void)
{
    if (shell.skip == SKIP_BREAK || shell.skip == SKIP_CONTINUE) {
        if (--shell.skip_count > 0)
            return 1;               /* meant for an outer loop */
        int is_break = shell.skip == SKIP_BREAK;
        shell.skip = SKIP_NONE;
        return is_break;
    }
    return shell_stopping();        /* return, Ctrl-C */
}

/*
 * while / until: the status of the body's last run, 0 if it never ran.
 * (Each command in the lists gives its arena memory back when it ends,
 * so a loop runs in constant memory.)
 */
static int run_loop(struct loop_clause *c, int until)
{
    int status = 0;

    shell.loop_depth++;
    for (;;) {
        int cond = run_list(c->cond);
        if (shell_stopping() ? leave_loop() : (cond == 0) == until)
            break;
        status = run_list(c->body);
        if (leave_loop())
            break;
    }
    shell.loop_depth--;
    return status;
}

/* The words a for loop goes through: its own, or "$@". */
static struct fields loop_words(struct for_clause *c)
{
    struct fields f = {0};

    if (c->over_params) {
        for (int i = 0; i < shell.nparams; i++)
            fields_add(&f, shell.params[i]);    /* copies: `set` may free them */
    } else {
        for (int i = 0; i < c->nwords; i++)
            expand_word(c->words[i], &f);
    }
    return f;
}

static int run_for(struct for_clause *c)
{
    struct fields words = loop_words(c);
    int status = 0;

    if (expand_failed())
        return 2;
    shell.loop_depth++;
    for (int i = 0; i < words.n; i++) {
        var_set(c->name, words.v[i]);
        status = run_list(c->body);
        if (leave_loop())
            break;
    }
    shell.loop_depth--;
    return status;
}

/* break [N] and continue [N]: leave (or go on with) the N-th enclosing loop. */
int bi_break(int argc, char **argv)
{
    long n = 1;

    if (argc > 1) {
        char *end;
        n = strtol(argv[1], &end, 10);
        if (*end != '\0' || n < 1) {
            fprintf(stderr, "sh: %s: Illegal number: %s\n", argv[0], argv[1]);
            return 2;
        }
    }
    if (shell.loop_depth == 0)
        return 0;                   /* as dash does: nothing to leave */
    shell.skip = argv[0][0] == 'b' ? SKIP_BREAK : SKIP_CONTINUE;
    shell.skip_count = n < shell.loop_depth ? (int)n : shell.loop_depth;
    return 0;
}

/* ---- if and case ---- */

static int run_if(struct if_clause *c)
{
    for (int i = 0; i < c->nbranches; i++) {
        int status = run_list(&c->conds[i]);
        if (shell_stopping())
            return status;
        if (status == 0)
            return run_list(&c->bodies[i]);
    }
    return c->else_body ? run_list(c->else_body) : 0;
}

/* The first item with a pattern matching the word runs. */
static int run_case(struct case_clause *c)
{
    char *word = expand_single(c->word);

    if (expand_failed())
        return 2;
    for (int i = 0; i < c->nitems; i++) {
        struct case_item *item = &c->items[i];
        for (int k = 0; k < item->npatterns; k++) {
            char *pattern = expand_pattern(item->patterns[k]);
            if (expand_failed())
                return 2;
            if (glob_match(pattern, word))
                return run_list(item->body);
        }
    }
    return 0;
}

int run_compound(struct command *cmd)
{
    switch (cmd->type) {
    case C_GROUP:
    case C_SUBSHELL:
        return run_list(cmd->body);
    case C_IF:
        return run_if(cmd->if_clause);
    case C_WHILE:
    case C_UNTIL:
        return run_loop(cmd->loop, cmd->type == C_UNTIL);
    case C_FOR:
        return run_for(cmd->for_clause);
    case C_CASE:
        return run_case(cmd->case_clause);
    case C_FUNCDEF:
        return func_define(cmd->funcdef->name, cmd->funcdef->body);
    case C_SIMPLE:
        break;
    }
    return 2;
}
