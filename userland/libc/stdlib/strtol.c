/*
 * String to integer: strtol, strtoul, strtoll, strtoull, atoi, atol,
 * atoll, strtoimax, strtoumax.
 *
 * All share scan(), which reads optional blanks, a sign, a base prefix
 * ("0x" for 16, "0" for 8 when base is 0) and digits, and returns the
 * magnitude.  Each function then checks the magnitude against its type's
 * range: out of range gives the nearest limit and errno = ERANGE.
 */
#include <stdlib.h>
#include <inttypes.h>
#include <limits.h>
#include <ctype.h>
#include <errno.h>

static int digit_value(int c)
{
    if (isdigit(c))
        return c - '0';
    if (isalpha(c))
        return tolower(c) - 'a' + 10;
    return 99;
}

struct scanned {
    unsigned long long mag;     /* magnitude, saturated at ULLONG_MAX */
    int neg;                    /* a '-' sign was read */
    int overflow;               /* the digits exceeded ULLONG_MAX */
};

static struct scanned scan(const char *s, char **end, int base)
{
    struct scanned r = {0, 0, 0};
    const char *p = s;

    while (isspace((unsigned char)*p))
        p++;
    if (*p == '+' || *p == '-')
        r.neg = *p++ == '-';
    if ((base == 0 || base == 16) && p[0] == '0' &&
        (p[1] == 'x' || p[1] == 'X') && digit_value((unsigned char)p[2]) < 16) {
        p += 2;
        base = 16;
    } else if (base == 0) {
        base = *p == '0' ? 8 : 10;
    }

    const char *digits = p;
    for (int d; (d = digit_value((unsigned char)*p)) < base; p++) {
        if (r.mag > (ULLONG_MAX - (unsigned)d) / (unsigned)base)
            r.overflow = 1;
        else
            r.mag = r.mag * (unsigned)base + (unsigned)d;
    }
    if (r.overflow)
        r.mag = ULLONG_MAX;
    if (end)
        *end = (char *)(p == digits ? s : p);   /* no digits: nothing read */
    return r;
}

/* The value of r as a signed type whose largest value is max. */
static long long to_signed(struct scanned r, long long max)
{
    unsigned long long limit = (unsigned long long)max + r.neg;

    if (r.overflow || r.mag > limit) {
        errno = ERANGE;
        return r.neg ? -max - 1 : max;
    }
    return r.neg ? (long long)(0 - r.mag) : (long long)r.mag;
}

/* The value of r as an unsigned type whose largest value is max. */
static unsigned long long to_unsigned(struct scanned r, unsigned long long max)
{
    if (r.overflow || r.mag > max) {
        errno = ERANGE;
        return max;
    }
    return r.neg ? (0 - r.mag) & max : r.mag;
}

long strtol(const char *s, char **end, int base)
{
    return (long)to_signed(scan(s, end, base), LONG_MAX);
}

long long strtoll(const char *s, char **end, int base)
{
    return to_signed(scan(s, end, base), LLONG_MAX);
}

unsigned long strtoul(const char *s, char **end, int base)
{
    return (unsigned long)to_unsigned(scan(s, end, base), ULONG_MAX);
}

unsigned long long strtoull(const char *s, char **end, int base)
{
    return to_unsigned(scan(s, end, base), ULLONG_MAX);
}

intmax_t strtoimax(const char *s, char **end, int base)
{
    return strtoll(s, end, base);
}

uintmax_t strtoumax(const char *s, char **end, int base)
{
    return strtoull(s, end, base);
}

int atoi(const char *s)
{
    return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
    return strtol(s, NULL, 10);
}

long long atoll(const char *s)
{
    return strtoll(s, NULL, 10);
}
