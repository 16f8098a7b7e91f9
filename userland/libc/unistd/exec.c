/*
 * The exec family on top of execve: execv uses the current environment,
 * execvp searches PATH for a name without a '/', execl* take the
 * arguments as a list.
 */
#include <unistd.h>
#include <stdarg.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

#define DEFAULT_PATH "/bin:/usr/bin"
#define MAX_LIST_ARGS 256     /* execl* argument lists, script argv */

int execv(const char *path, char *const argv[])
{
    return execve(path, argv, environ);
}

/*
 * execve, and if the file is not a binary the kernel can run (ENOEXEC),
 * run it as a shell script, as POSIX asks of execvp.
 */
static int try_exec(const char *path, char *const argv[], char *const envp[])
{
    execve(path, argv, envp);
    if (errno != ENOEXEC)
        return -1;

    int argc = 0;
    while (argv[argc])
        argc++;
    if (argc + 2 > MAX_LIST_ARGS) {
        errno = E2BIG;
        return -1;
    }
    char *shargv[MAX_LIST_ARGS];
    shargv[0] = "sh";
    shargv[1] = (char *)path;
    for (int i = 1; i <= argc; i++)
        shargv[i + 1] = argv[i];        /* argv[argc] is the NULL */
    execve("/bin/sh", shargv, envp);
    errno = ENOEXEC;
    return -1;
}

/*
 * Try each PATH directory in turn.  Keep going after ENOENT-like errors;
 * remember EACCES so that "permission denied" wins over "not found".
 */
int execvpe(const char *file, char *const argv[], char *const envp[])
{
    if (*file == '\0') {
        errno = ENOENT;
        return -1;
    }
    if (strchr(file, '/'))
        return try_exec(file, argv, envp);

    const char *path = getenv("PATH");
    if (path == NULL)
        path = DEFAULT_PATH;
    size_t flen = strlen(file);
    int saw_eacces = 0;

    for (const char *p = path;; p++) {
        const char *colon = strchrnul(p, ':');
        size_t dlen = (size_t)(colon - p);
        char full[PATH_MAX];
        if (dlen + 1 + flen < sizeof full) {
            memcpy(full, p, dlen);
            if (dlen == 0)
                full[dlen++] = '.';         /* empty entry: current dir */
            full[dlen] = '/';
            memcpy(full + dlen + 1, file, flen + 1);
            try_exec(full, argv, envp);
            if (errno == EACCES)
                saw_eacces = 1;
            else if (errno != ENOENT && errno != ENOTDIR)
                return -1;              /* found but cannot run: stop */
        }
        p = colon;
        if (*p == '\0')
            break;
    }
    errno = saw_eacces ? EACCES : ENOENT;
    return -1;
}

int execvp(const char *file, char *const argv[])
{
    return execvpe(file, argv, environ);
}

/* Collect the NULL-terminated list after arg into argv; envp after it. */
static int collect(const char *arg, va_list ap, char **argv, char ***envp)
{
    int n = 0;

    argv[n++] = (char *)arg;
    while (argv[n - 1] != NULL) {
        if (n == MAX_LIST_ARGS) {
            errno = E2BIG;
            return -1;
        }
        argv[n++] = va_arg(ap, char *);
    }
    if (envp)
        *envp = va_arg(ap, char **);
    return 0;
}

int execl(const char *path, const char *arg, ...)
{
    char *argv[MAX_LIST_ARGS];
    va_list ap;
    va_start(ap, arg);
    int r = collect(arg, ap, argv, NULL);
    va_end(ap);
    return r < 0 ? -1 : execv(path, argv);
}

int execlp(const char *file, const char *arg, ...)
{
    char *argv[MAX_LIST_ARGS];
    va_list ap;
    va_start(ap, arg);
    int r = collect(arg, ap, argv, NULL);
    va_end(ap);
    return r < 0 ? -1 : execvp(file, argv);
}

int execle(const char *path, const char *arg, ...)
{
    char *argv[MAX_LIST_ARGS], **envp;
    va_list ap;
    va_start(ap, arg);
    int r = collect(arg, ap, argv, &envp);
    va_end(ap);
    return r < 0 ? -1 : execve(path, argv, envp);
}
