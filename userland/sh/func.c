/*
 * Shell functions.  The parse tree of a command lives in the arena only
 * while the command runs, so a function keeps the source text of its body
 * (malloc'd) and parses it again at each call, into the arena above the
 * caller's mark; everything is freed when the call returns.
 *
 * A call saves the positional parameters and sets new ones from its
 * arguments ($0 stays); `return N` sets shell.skip, which stops every
 * list up to the call, where it is cleared.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "userland/sh/func.h"
#include "userland/sh/arena.h"
#include "userland/sh/builtins.h"
#include "userland/sh/exec.h"
#include "userland/sh/positional.h"
#include "userland/sh/parse.h"
#include "userland/sh/shell.h"

struct function {
    struct function *next;
    char *name;
    char *body;
};

static struct function *functions;

/* The link that points at the function called name (or the list's end). */
static struct function **find_slot(const char *name)
{
    struct function **p = &functions;
    while (*p && strcmp((*p)->name, name) != 0)
        p = &(*p)->next;
    return p;
}

struct function *func_find(const char *name)
{
    return *find_slot(name);
}

void func_unset(const char *name)
{
    struct function **p = find_slot(name), *f = *p;
    if (f) {
        *p = f->next;
        free(f->name);
        free(f->body);
        free(f);
    }
}

int func_define(const char *name, const char *body)
{
    struct function *f = func_find(name);
    char *copy = strdup(body);

    if (copy == NULL)
        return 1;
    if (f == NULL) {
        f = calloc(1, sizeof *f);
        if (f == NULL || (f->name = strdup(name)) == NULL) {
            free(f);
            free(copy);
            return 1;
        }
        f->next = functions;
        functions = f;
    }
    free(f->body);          /* a running call has its own parsed copy */
    f->body = copy;
    return 0;
}

int func_call(struct function *f, char **argv)
{
    struct params_frame frame;
    struct arena_mark mark = arena_mark();
    int loops = shell.loop_depth;
    struct list body;
    int status = 2;

    if (parse(f->body, &body) == PARSE_OK) {
        params_push(&frame, argv + 1);
        shell.loop_depth = 0;       /* break does not leave the function */
        status = run_list(&body);
        shell.loop_depth = loops;
        params_pop(&frame);
    }
    arena_release(mark);
    if (shell.skip == SKIP_RETURN)
        shell.skip = SKIP_NONE;
    return status;
}

/* return [N]: leave the function (or . file) with status N, default $?. */
int bi_return(int argc, char **argv)
{
    int status = shell.last_status;

    if (argc > 1) {
        char *end;
        status = (int)strtol(argv[1], &end, 10);
        if (*end != '\0' || end == argv[1]) {
            fprintf(stderr, "sh: return: Illegal number: %s\n", argv[1]);
            return 2;
        }
    }
    shell.skip = SKIP_RETURN;
    return status & 0xff;
}
