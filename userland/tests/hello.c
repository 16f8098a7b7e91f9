/*
 * The smallest end-to-end check: exec'd as init, argv and envp arrive,
 * write() reaches the console, the exit status reaches the test.
 */
#include "t.h"

int main(int argc, char **argv)
{
    printf("hello from %s, pid %d, %d args", argv[0], getpid(), argc);
    for (int i = 1; i < argc; i++)
        printf(" [%s]", argv[i]);
    printf(", HOME=%s\n", getenv("HOME") ? getenv("HOME") : "(unset)");
    return argc > 1 ? atoi(argv[1]) : 0;
}
