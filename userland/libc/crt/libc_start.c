/*
 * libc_start: the C half of program startup.  Finds argc, argv, envp and
 * the auxiliary vector on the initial stack, records environ and the
 * auxiliary vector, runs the constructors, then main, and exits with its
 * result.
 *
 *   sp[0]            argc
 *   sp[1..argc]      argv[0..argc-1]
 *   sp[argc+1]       NULL
 *   ...              envp[], NULL
 *   ...              auxv pairs (key, value), ended by AT_NULL
 */
#include <stdlib.h>
#include <string.h>
#include <err.h>
#include <sys/auxv.h>

extern int main(int argc, char **argv, char **envp);

extern char **environ;
unsigned long *libc_auxv;

/*
 * Constructors (__attribute__((constructor)), C++ static objects): the
 * linker gathers pointers to them in .preinit_array and .init_array and
 * marks the bounds with these symbols.
 */
typedef void (*init_fn)(int, char **, char **);
extern init_fn __preinit_array_start[], __preinit_array_end[];
extern init_fn __init_array_start[], __init_array_end[];

static void run_constructors(int argc, char **argv, char **envp)
{
    for (init_fn *f = __preinit_array_start; f < __preinit_array_end; f++)
        (*f)(argc, argv, envp);
    for (init_fn *f = __init_array_start; f < __init_array_end; f++)
        (*f)(argc, argv, envp);
}

_Noreturn void libc_start(long *sp);

_Noreturn void libc_start(long *sp)
{
    int argc = (int)sp[0];
    char **argv = (char **)(sp + 1);
    char **envp = argv + argc + 1;
    char **p = envp;

    while (*p)
        p++;
    libc_auxv = (unsigned long *)(p + 1);
    environ = envp;
    if (argc > 0) {
        char *slash = strrchr(argv[0], '/');
        program_invocation_name = argv[0];
        program_invocation_short_name = slash ? slash + 1 : argv[0];
    }
    run_constructors(argc, argv, envp);
    exit(main(argc, argv, envp));
}

unsigned long getauxval(unsigned long type)
{
    for (unsigned long *a = libc_auxv; a && a[0] != AT_NULL; a += 2)
        if (a[0] == type)
            return a[1];
    return 0;
}
