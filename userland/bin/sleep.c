/*
 * sleep SECONDS: wait; SECONDS may have a fraction ("0.25").
 */
#include <stdio.h>
#include <ctype.h>
#include <time.h>
#include <errno.h>

/* Parse "N" or "N.FFF" into a timespec; -1 if malformed. */
static int parse_seconds(const char *s, struct timespec *ts)
{
    long sec = 0, nsec = 0, scale = 100000000;

    if (!isdigit((unsigned char)*s) && *s != '.')
        return -1;
    for (; isdigit((unsigned char)*s); s++)
        sec = sec * 10 + (*s - '0');
    if (*s == '.')
        for (s++; isdigit((unsigned char)*s); s++, scale /= 10)
            nsec += (*s - '0') * scale;
    if (*s != '\0')
        return -1;
    ts->tv_sec = sec;
    ts->tv_nsec = nsec;
    return 0;
}

int main(int argc, char **argv)
{
    struct timespec ts;

    if (argc != 2 || parse_seconds(argv[1], &ts) < 0) {
        fprintf(stderr, "usage: sleep seconds\n");
        return 2;
    }
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
        ;
    return 0;
}
