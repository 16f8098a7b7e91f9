/*
 * warn, warnx, err, errx: "program: message[: strerror(errno)]" on stderr,
 * written with a single write so that messages from several processes do
 * not interleave.
 */
#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *program_invocation_name = "";
char *program_invocation_short_name = "";

static void report(const char *fmt, va_list ap, int with_errno)
{
    char msg[512];
    int saved = errno;
    int n = snprintf(msg, sizeof msg, "%s: ", program_invocation_short_name);

    if (fmt && n < (int)sizeof msg)
        n += vsnprintf(msg + n, sizeof msg - (size_t)n, fmt, ap);
    if (with_errno && n < (int)sizeof msg)
        n += snprintf(msg + n, sizeof msg - (size_t)n, "%s%s",
                      fmt ? ": " : "", strerror(saved));
    fprintf(stderr, "%.*s\n", n < (int)sizeof msg ? n : (int)sizeof msg - 1,
            msg);
    errno = saved;
}

void vwarn(const char *fmt, va_list ap)  { report(fmt, ap, 1); }
void vwarnx(const char *fmt, va_list ap) { report(fmt, ap, 0); }

void warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vwarn(fmt, ap);
    va_end(ap);
}

void warnx(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vwarnx(fmt, ap);
    va_end(ap);
}

_Noreturn void err(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vwarn(fmt, ap);
    va_end(ap);
    exit(status);
}

_Noreturn void errx(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vwarnx(fmt, ap);
    va_end(ap);
    exit(status);
}
