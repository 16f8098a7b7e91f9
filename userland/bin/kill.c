/*
 * kill [-s NAME | -NAME | -N] PID...   send a signal (default TERM)
 * kill -l                               list the signal names
 * A negative PID signals a whole process group ("kill -9 -- -42").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include <signal.h>
#include <err.h>

/* "9", "KILL" or "SIGKILL" -> 9; -1 if unknown. */
static int signal_number(const char *s)
{
    if (isdigit((unsigned char)*s)) {
        char *end;
        long n = strtol(s, &end, 10);
        return *end == '\0' && n >= 0 && n < NSIG ? (int)n : -1;
    }
    if (strncasecmp(s, "SIG", 3) == 0)
        s += 3;
    for (int sig = 1; sig < 32; sig++)
        if (sigabbrev_np(sig) && strcasecmp(s, sigabbrev_np(sig)) == 0)
            return sig;
    return -1;
}

static int usage(void)
{
    fprintf(stderr, "usage: kill [-s signal | -signal] pid...\n"
                    "       kill -l\n");
    return 2;
}

int main(int argc, char **argv)
{
    int sig = SIGTERM, i = 1, status = 0;

    if (argc > 1 && strcmp(argv[1], "-l") == 0) {
        for (int s = 1; s < 32; s++)
            printf("%2d) SIG%s\n", s, sigabbrev_np(s));
        return 0;
    }
    if (i < argc && strcmp(argv[i], "-s") == 0) {
        if (i + 1 >= argc || (sig = signal_number(argv[i + 1])) < 0)
            return usage();
        i += 2;
    } else if (i < argc && argv[i][0] == '-' && strcmp(argv[i], "--") != 0) {
        if ((sig = signal_number(argv[i] + 1)) < 0)
            return usage();
        i++;
    }
    if (i < argc && strcmp(argv[i], "--") == 0)
        i++;
    if (i == argc)
        return usage();
    for (; i < argc; i++) {
        char *end;
        long pid = strtol(argv[i], &end, 10);
        if (*argv[i] == '\0' || *end != '\0') {
            warnx("%s: arguments must be process ids", argv[i]);
            status = 1;
        } else if (kill((pid_t)pid, sig) < 0) {
            warn("(%ld)", pid);
            status = 1;
        }
    }
    return status;
}
