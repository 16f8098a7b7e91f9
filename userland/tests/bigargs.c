/*
 * execve with large argument and environment lists: the new program finds
 * every string in place, the auxiliary vector Linux provides, and a stack
 * 16-byte aligned at argc; beyond 256 KiB of strings execve fails with
 * -E2BIG and the caller goes on.
 */
#include <sys/auxv.h>

#include "t.h"

#define NARGS 1500
#define NENV 300

extern char **environ;

static int check_self(int argc, char **argv)
{
    CHECK_EQ(argc, NARGS);
    for (int i = 1; i < argc; i++) {
        char want[128];
        snprintf(want, sizeof want, "argument-%04d-%s", i, "x........................................................................");
        CHECK(strcmp(argv[i], want) == 0);
    }
    int nenv = 0;
    for (char **e = environ; *e; e++)
        if (!strncmp(*e, "BIG", 3))
            nenv++;
    CHECK_EQ(nenv, NENV);
    CHECK_EQ(getauxval(AT_PAGESZ), 4096);
    CHECK(getauxval(AT_RANDOM) != 0);
    CHECK(getauxval(AT_PHDR) != 0 && getauxval(AT_PHNUM) > 0);
    CHECK(getauxval(AT_ENTRY) != 0);
    CHECK(getauxval(AT_EXECFN) && strcmp((char *)getauxval(AT_EXECFN), "/tests/bigargs") == 0);
    /* argc sits right below argv: its address is 16-byte aligned. */
    CHECK((((unsigned long)argv - 4) & 15) == 0);
    printf("new image: %d args, %d big env vars, auxv and alignment right\n", argc, nenv);
    pass("bigargs");
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1)
        return check_self(argc, argv);
    static char *args[NARGS + 1], *env[NENV + 1];
    args[0] = "/tests/bigargs";
    for (int i = 1; i < NARGS; i++) {
        args[i] = malloc(128);
        snprintf(args[i], 128, "argument-%04d-%s", i, "x........................................................................");
    }
    for (int i = 0; i < NENV; i++) {
        env[i] = malloc(64);
        snprintf(env[i], 64, "BIG%03d=value-%d", i, i);
    }
    /* Too much: 300 strings of 1000 bytes = 300 KB > 256 KiB. */
    static char *huge[301];
    for (int i = 0; i < 300; i++) {
        huge[i] = malloc(1000);
        memset(huge[i], 'h', 999);
        huge[i][999] = 0;
    }
    CHECK(execve("/tests/bigargs", huge, env) == -1 && errno == E2BIG);
    printf("300 KB of arguments: E2BIG, caller intact\n");
    fflush(stdout);
    execve("/tests/bigargs", args, env);
    printf("execve failed: %s\n", strerror(errno));
    return 1;
}
