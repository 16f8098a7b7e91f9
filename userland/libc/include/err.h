/*
 * BSD error reporting, used by the tools:
 *   warn("%s", path)   ->  "ls: path: No such file or directory" on stderr
 *   warnx("bad count") ->  "ls: bad count"
 *   err / errx          the same, then exit(status)
 * The prefix is the program's name (argv[0] without its directory).
 */
#ifndef _ERR_H
#define _ERR_H

#include <stdarg.h>

extern char *program_invocation_name;          /* argv[0] */
extern char *program_invocation_short_name;    /* its last component */

void warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void err(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
_Noreturn void errx(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void vwarn(const char *fmt, va_list ap);
void vwarnx(const char *fmt, va_list ap);

#endif
