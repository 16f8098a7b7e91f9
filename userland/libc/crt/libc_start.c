/*
 * libc_start: the C half of program startup.  Finds argc, argv, envp and
 * the auxiliary vector on the initial stack, records environ and the
 * auxiliary vector, runs main and exits with its result.
 *
 *   sp[0]            argc
 *   sp[1..argc]      argv[0..argc-1]
 *   sp[argc+1]       NULL
 *   ...              envp[], NULL
 *   ...              auxv pairs (key, value), ended by AT_NULL
 */
#include <stdlib.h>
#include <sys/auxv.h>

extern int main(int argc, char **argv, char **envp);

extern char **environ;
unsigned long *libc_auxv;

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
    exit(main(argc, argv, envp));
}

unsigned long getauxval(unsigned long type)
{
    for (unsigned long *a = libc_auxv; a && a[0] != AT_NULL; a += 2)
        if (a[0] == type)
            return a[1];
    return 0;
}
