/*
 * The builtin commands.  Each takes argc/argv like a program and returns
 * its exit status; messages go to stderr as "sh: name: ...".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <limits.h>
#include "userland/sh/builtins.h"
#include "userland/sh/exec.h"
#include "userland/sh/func.h"
#include "userland/sh/jobs.h"
#include "userland/sh/shell.h"
#include "userland/sh/trap.h"
#include "userland/sh/vars.h"

static int bi_cd(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : var_get("HOME");
    int print = 0;

    if (argc > 2) {
        fprintf(stderr, "sh: cd: too many arguments\n");
        return 1;
    }
    if (dir == NULL || *dir == '\0')
        dir = "/";
    if (strcmp(dir, "-") == 0) {
        dir = var_get("OLDPWD");
        if (dir == NULL) {
            fprintf(stderr, "sh: cd: OLDPWD not set\n");
            return 1;
        }
        print = 1;
    }
    char old[PATH_MAX], now[PATH_MAX];
    int have_old = getcwd(old, sizeof old) != NULL;
    if (chdir(dir) < 0) {
        fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
        return 1;
    }
    if (have_old)
        setenv("OLDPWD", old, 1);
    if (getcwd(now, sizeof now)) {
        setenv("PWD", now, 1);
        if (print)
            printf("%s\n", now);
    }
    return 0;
}

static int bi_pwd(int argc, char **argv)
{
    char buf[PATH_MAX];
    (void)argc;
    (void)argv;
    if (getcwd(buf, sizeof buf) == NULL) {
        fprintf(stderr, "sh: pwd: %s\n", strerror(errno));
        return 1;
    }
    printf("%s\n", buf);
    return 0;
}

static int bi_exit(int argc, char **argv)
{
    int status = shell.last_status;
    if (argc > 1) {
        char *end;
        status = (int)strtol(argv[1], &end, 10);
        if (*end != '\0' || end == argv[1]) {
            fprintf(stderr, "sh: exit: %s: numeric argument required\n", argv[1]);
            status = 2;
        }
    }
    if (shell.interactive)
        jobs_hangup_stopped();
    shell_exit(status);
}

/* export [NAME[=value]]...; with no names, list the exported variables. */
static int bi_export(int argc, char **argv)
{
    extern char **environ;
    int status = 0;

    if (argc == 1) {
        for (char **e = environ; e && *e; e++) {
            const char *eq = strchr(*e, '=');
            int len = eq ? (int)(eq - *e) : (int)strlen(*e);
            printf("export %.*s=\"%s\"\n", len, *e, eq ? eq + 1 : "");
        }
        return 0;
    }
    for (int i = 1; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        size_t len = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);
        if (!var_valid_name(argv[i], len)) {
            fprintf(stderr, "sh: export: `%s': not a valid identifier\n", argv[i]);
            status = 1;
            continue;
        }
        if (eq) {
            *eq = '\0';
            var_set(argv[i], eq + 1);
        }
        var_export(argv[i]);
    }
    return status;
}

/* unset [-v] NAME...: forget variables; unset -f NAME...: functions. */
static int bi_unset(int argc, char **argv)
{
    int i = 1, functions = 0;

    if (i < argc && (strcmp(argv[i], "-f") == 0 || strcmp(argv[i], "-v") == 0))
        functions = argv[i++][1] == 'f';
    for (; i < argc; i++) {
        if (functions)
            func_unset(argv[i]);
        else
            var_unset(argv[i]);
    }
    return 0;
}

static int bi_wait(int argc, char **argv)
{
    int status = 0;

    if (argc == 1) {
        jobs_wait_all();
        return 0;
    }
    for (int i = 1; i < argc; i++) {
        struct job *j = job_find(argv[i]);
        if (j == NULL) {
            fprintf(stderr, "sh: wait: %s: no such job\n", argv[i]);
            status = 127;
            continue;
        }
        status = job_wait(j);
        if (job_is_done(j))
            job_discard(j);
    }
    return status;
}

static int bi_jobs(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    jobs_list();
    return 0;
}

/* The job named by argv[1] (default: the current one), for fg and bg. */
static struct job *job_arg(int argc, char **argv)
{
    if (!shell.job_control) {
        fprintf(stderr, "sh: %s: no job control\n", argv[0]);
        return NULL;
    }
    struct job *j = job_find(argc > 1 ? argv[1] : NULL);
    if (j == NULL || job_is_done(j))
        fprintf(stderr, "sh: %s: %s: no such job\n", argv[0],
                argc > 1 ? argv[1] : "current");
    return j && !job_is_done(j) ? j : NULL;
}

static int bi_fg(int argc, char **argv)
{
    struct job *j = job_arg(argc, argv);
    if (j == NULL)
        return 1;
    printf("%s\n", j->text);
    fflush(stdout);
    return job_run_foreground(j, 1);
}

static int bi_bg(int argc, char **argv)
{
    struct job *j = job_arg(argc, argv);
    if (j == NULL)
        return 1;
    printf("[%d]+ %s &\n", j->id, j->text);
    job_run_background(j, 1);
    return 0;
}

/* exec cmd: replace the shell (redirections were applied by exec.c). */
static int bi_exec(int argc, char **argv)
{
    if (argc > 1) {
        fflush(stdout);
        exec_program(argv + 1);
    }
    return 0;
}

static int bi_true(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static int bi_false(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return 1;
}

static int bi_help(int argc, char **argv);

static const struct builtin builtins[] = {
    {".", bi_dot, 1, ". file"},
    {":", bi_true, 1, ": [args...]"},
    {"[", bi_test, 0, "[ expression ]"},
    {"bg", bi_bg, 0, "bg [%job]"},
    {"break", bi_break, 1, "break [n]"},
    {"cd", bi_cd, 0, "cd [dir | -]"},
    {"continue", bi_break, 1, "continue [n]"},
    {"eval", bi_eval, 1, "eval [args...]"},
    {"exec", bi_exec, 1, "exec [command [args...]]"},
    {"exit", bi_exit, 1, "exit [status]"},
    {"export", bi_export, 1, "export [name[=value]...]"},
    {"false", bi_false, 0, "false"},
    {"fg", bi_fg, 0, "fg [%job]"},
    {"help", bi_help, 0, "help"},
    {"jobs", bi_jobs, 0, "jobs"},
    {"pwd", bi_pwd, 0, "pwd"},
    {"read", bi_read, 0, "read [-r] name..."},
    {"return", bi_return, 1, "return [n]"},
    {"set", bi_set, 1, "set [-- args...]"},
    {"shift", bi_shift, 1, "shift [n]"},
    {"test", bi_test, 0, "test expression"},
    {"trap", bi_trap, 1, "trap [action signal...]"},
    {"true", bi_true, 0, "true"},
    {"unset", bi_unset, 1, "unset [-f | -v] name..."},
    {"wait", bi_wait, 0, "wait [pid | %job]..."},
};
#define NBUILTINS (int)(sizeof builtins / sizeof builtins[0])

static int bi_help(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    printf("Builtin commands:\n");
    for (int i = 0; i < NBUILTINS; i++)
        printf("  %s\n", builtins[i].usage);
    printf("Other commands are looked up in $PATH.\n");
    return 0;
}

const struct builtin *builtin_find(const char *name)
{
    for (int i = 0; i < NBUILTINS; i++)
        if (strcmp(builtins[i].name, name) == 0)
            return &builtins[i];
    return NULL;
}
