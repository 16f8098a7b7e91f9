/*
 * Splitting strings into tokens.  strtok keeps its position in a static
 * variable; strtok_r in the caller's; strsep also returns empty fields.
 */
#include <string.h>

char *strtok_r(char *restrict s, const char *restrict delim,
               char **restrict save)
{
    if (s == NULL)
        s = *save;
    s += strspn(s, delim);
    if (*s == '\0') {
        *save = s;
        return NULL;
    }
    char *end = s + strcspn(s, delim);
    if (*end)
        *end++ = '\0';
    *save = end;
    return s;
}

char *strtok(char *restrict s, const char *restrict delim)
{
    static char *save;
    return strtok_r(s, delim, &save);
}

char *strsep(char **s, const char *delim)
{
    char *start = *s;

    if (start == NULL)
        return NULL;
    char *end = start + strcspn(start, delim);
    if (*end) {
        *end = '\0';
        *s = end + 1;
    } else {
        *s = NULL;
    }
    return start;
}
