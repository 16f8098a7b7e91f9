/*
 * Shell variables: the private table of unexported ones is a small linked
 * list; exported ones are in environ (getenv/setenv/unsetenv).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include "userland/sh/vars.h"

struct var {
    struct var *next;
    char *name;
    char *value;
};

static struct var *locals;

static struct var **find_local(const char *name)
{
    struct var **v = &locals;
    while (*v && strcmp((*v)->name, name) != 0)
        v = &(*v)->next;
    return v;
}

const char *var_get(const char *name)
{
    struct var *v = *find_local(name);
    return v ? v->value : getenv(name);
}

void var_set(const char *name, const char *value)
{
    if (getenv(name)) {                 /* exported: stays exported */
        setenv(name, value, 1);
        return;
    }
    struct var **slot = find_local(name), *v = *slot;
    char *copy = strdup(value);
    if (copy == NULL)
        return;
    if (v == NULL) {
        v = calloc(1, sizeof *v);
        if (v == NULL || (v->name = strdup(name)) == NULL) {
            free(v);
            free(copy);
            return;
        }
        *slot = v;
    }
    free(v->value);
    v->value = copy;
}

/* Drop name from the private table, if it is there. */
static void remove_local(const char *name)
{
    struct var **slot = find_local(name), *v = *slot;
    if (v) {
        *slot = v->next;
        free(v->name);
        free(v->value);
        free(v);
    }
}

void var_unset(const char *name)
{
    remove_local(name);
    unsetenv(name);
}

void var_export(const char *name)
{
    struct var *v = *find_local(name);
    if (v) {
        setenv(name, v->value, 1);
        remove_local(name);
    } else if (!getenv(name)) {
        setenv(name, "", 1);            /* exported, empty until set */
    }
}

int var_valid_name(const char *s, size_t len)
{
    if (len == 0 || isdigit((unsigned char)s[0]))
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!isalnum((unsigned char)s[i]) && s[i] != '_')
            return 0;
    return 1;
}

size_t var_assignment(const char *word)
{
    const char *eq = strchr(word, '=');
    if (eq == NULL || !var_valid_name(word, (size_t)(eq - word)))
        return 0;
    return (size_t)(eq - word);
}

void var_backup(struct var_backup *b, const char *name)
{
    const char *value = var_get(name);

    b->name = strdup(name);
    b->value = value ? strdup(value) : NULL;
    b->exported = *find_local(name) == NULL && getenv(name) != NULL;
}

void var_restore(struct var_backup *b)
{
    if (b->name == NULL)
        return;
    var_unset(b->name);
    if (b->value) {
        var_set(b->name, b->value);
        if (b->exported)
            var_export(b->name);
    }
    free(b->name);
    free(b->value);
}

/* name='value', with each ' written as '\'' */
static void print_quoted(const char *name, size_t len, const char *value)
{
    printf("%.*s='", (int)len, name);
    for (; *value; value++) {
        if (*value == '\'')
            fputs("'\\''", stdout);
        else
            putchar(*value);
    }
    puts("'");
}

void vars_print(void)
{
    extern char **environ;

    for (struct var *v = locals; v; v = v->next)
        print_quoted(v->name, strlen(v->name), v->value);
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (eq)
            print_quoted(*e, (size_t)(eq - *e), eq + 1);
    }
}
