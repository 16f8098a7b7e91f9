/*
 * test EXPRESSION, [ EXPRESSION ]: the shell's test builtin as a program.
 * /bin/[ is a hard link to /bin/test (userland/Makefile); the name a
 * program is called by (argv[0]) decides whether a closing ] is required.  The evaluator is the shell's own source file,
 * compiled in here, so the builtin and the programs always agree.
 */
#include "userland/sh/test.c"

int main(int argc, char **argv)
{
    return test_run(argc, argv, "");
}
