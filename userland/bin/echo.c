/*
 * echo [-n] [-e] [ARG...]: print the arguments separated by spaces.
 * -n: no newline at the end; -e: interpret \n \t \\ \a \b \r \c (stop).
 */
#include <stdio.h>
#include <string.h>

/* Print s with backslash escapes; returns 0 if \c asked to stop. */
static int print_escaped(const char *s)
{
    static const char from[] = "nt\\abrfv", to[] = "\n\t\\\a\b\r\f\v";

    for (; *s; s++) {
        if (*s != '\\' || s[1] == '\0') {
            putchar(*s);
            continue;
        }
        s++;
        if (*s == 'c')
            return 0;
        const char *p = strchr(from, *s);
        if (p)
            putchar(to[p - from]);
        else {
            putchar('\\');
            putchar(*s);
        }
    }
    return 1;
}

int main(int argc, char **argv)
{
    int newline = 1, escapes = 0, i = 1;

    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strspn(argv[i] + 1, "ne") != strlen(argv[i] + 1))
            break;                      /* not an option: print it */
        newline &= !strchr(argv[i], 'n');
        escapes |= strchr(argv[i], 'e') != NULL;
    }
    for (int first = i; i < argc; i++) {
        if (i > first)
            putchar(' ');
        if (escapes) {
            if (!print_escaped(argv[i]))
                return 0;
        } else {
            fputs(argv[i], stdout);
        }
    }
    if (newline)
        putchar('\n');
    return fflush(stdout) == 0 ? 0 : 1;
}
