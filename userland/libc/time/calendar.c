/*
 * Calendar time: seconds since 1970-01-01 00:00 UTC <-> broken-down
 * date, and strftime.  There are no time zones: local time is UTC.
 *
 * Years are walked one at a time from 1970, which is plenty fast for the
 * dates a 32-bit time_t can hold (1901-2038).
 */
#include <time.h>
#include <string.h>
#include <stdio.h>

static const char *const day_names[] = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday",
};
static const char *const month_names[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
};

static int is_leap(long year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int year_days(long year)
{
    return is_leap(year) ? 366 : 365;
}

static int month_days(long year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return days[month] + (month == 1 && is_leap(year));
}

/* Leap years in 1..year-1 (year > 0). */
static long leaps_before(long year)
{
    year--;
    return year / 4 - year / 100 + year / 400;
}

/* Days from 1970-01-01 to January 1st of `year`. */
static long days_before_year(long year)
{
    return 365 * (year - 1970) + leaps_before(year) - leaps_before(1970);
}

struct tm *gmtime_r(const time_t *t, struct tm *tm)
{
    long days = *t / 86400, secs = *t % 86400;
    if (secs < 0) {                     /* before 1970: round days down */
        secs += 86400;
        days--;
    }
    tm->tm_hour = (int)(secs / 3600);
    tm->tm_min = (int)(secs / 60 % 60);
    tm->tm_sec = (int)(secs % 60);
    tm->tm_wday = (int)((days % 7 + 11) % 7);   /* 1970-01-01 was a Thursday */

    long year = 1970;
    while (days < 0)
        days += year_days(--year);
    while (days >= year_days(year))
        days -= year_days(year++);
    tm->tm_year = (int)(year - 1900);
    tm->tm_yday = (int)days;

    int month = 0;
    while (days >= month_days(year, month))
        days -= month_days(year, month++);
    tm->tm_mon = month;
    tm->tm_mday = (int)days + 1;
    tm->tm_isdst = 0;
    return tm;
}

struct tm *gmtime(const time_t *t)
{
    static struct tm tm;
    return gmtime_r(t, &tm);
}

struct tm *localtime_r(const time_t *t, struct tm *tm)
{
    return gmtime_r(t, tm);
}

struct tm *localtime(const time_t *t)
{
    return gmtime(t);
}

/* The inverse of gmtime; normalises out-of-range fields as mktime does. */
time_t timegm(struct tm *tm)
{
    long year = tm->tm_year + 1900L + tm->tm_mon / 12;
    int month = tm->tm_mon % 12;
    if (month < 0) {
        month += 12;
        year--;
    }
    long days = days_before_year(year);
    for (int m = 0; m < month; m++)
        days += month_days(year, m);
    days += tm->tm_mday - 1;
    time_t t = days * 86400L + tm->tm_hour * 3600L + tm->tm_min * 60L + tm->tm_sec;
    gmtime_r(&t, tm);
    return t;
}

time_t mktime(struct tm *tm)
{
    return timegm(tm);
}

/*
 * strftime: %a %A %b %B %d %e %H %I %j %m %M %p %S %y %Y %Z %z %F %T %D
 * %R %c %s %n %t %%.  Returns the length, or 0 if it did not fit.
 */
size_t strftime(char *s, size_t max, const char *fmt, const struct tm *tm)
{
    size_t n = 0;
    char piece[64];

    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            piece[0] = *fmt;
            piece[1] = '\0';
        } else {
            switch (*++fmt) {
            case 'a': snprintf(piece, sizeof piece, "%.3s", day_names[tm->tm_wday]); break;
            case 'A': snprintf(piece, sizeof piece, "%s", day_names[tm->tm_wday]); break;
            case 'b': case 'h':
                snprintf(piece, sizeof piece, "%.3s", month_names[tm->tm_mon]); break;
            case 'B': snprintf(piece, sizeof piece, "%s", month_names[tm->tm_mon]); break;
            case 'd': snprintf(piece, sizeof piece, "%02d", tm->tm_mday); break;
            case 'e': snprintf(piece, sizeof piece, "%2d", tm->tm_mday); break;
            case 'H': snprintf(piece, sizeof piece, "%02d", tm->tm_hour); break;
            case 'I': snprintf(piece, sizeof piece, "%02d", (tm->tm_hour + 11) % 12 + 1); break;
            case 'j': snprintf(piece, sizeof piece, "%03d", tm->tm_yday + 1); break;
            case 'm': snprintf(piece, sizeof piece, "%02d", tm->tm_mon + 1); break;
            case 'M': snprintf(piece, sizeof piece, "%02d", tm->tm_min); break;
            case 'p': snprintf(piece, sizeof piece, "%s", tm->tm_hour < 12 ? "AM" : "PM"); break;
            case 'S': snprintf(piece, sizeof piece, "%02d", tm->tm_sec); break;
            case 'y': snprintf(piece, sizeof piece, "%02d", (tm->tm_year + 1900) % 100); break;
            case 'Y': snprintf(piece, sizeof piece, "%d", tm->tm_year + 1900); break;
            case 'Z': snprintf(piece, sizeof piece, "UTC"); break;
            case 'z': snprintf(piece, sizeof piece, "+0000"); break;
            case 'F': strftime(piece, sizeof piece, "%Y-%m-%d", tm); break;
            case 'T': strftime(piece, sizeof piece, "%H:%M:%S", tm); break;
            case 'D': strftime(piece, sizeof piece, "%m/%d/%y", tm); break;
            case 'R': strftime(piece, sizeof piece, "%H:%M", tm); break;
            case 'c': strftime(piece, sizeof piece, "%a %b %e %H:%M:%S %Y", tm); break;
            case 's': {
                struct tm copy = *tm;
                snprintf(piece, sizeof piece, "%ld", (long)timegm(&copy));
                break;
            }
            case 'n': strcpy(piece, "\n"); break;
            case 't': strcpy(piece, "\t"); break;
            case '%': strcpy(piece, "%"); break;
            default: return 0;
            }
        }
        size_t len = strlen(piece);
        if (n + len >= max)
            return 0;
        memcpy(s + n, piece, len);
        n += len;
    }
    s[n] = '\0';
    return n;
}
