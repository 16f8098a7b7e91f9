/*
 * Copying and joining NUL-terminated strings, and duplicating them on the
 * heap.
 */
#include <string.h>
#include <stdlib.h>

char *stpcpy(char *restrict dst, const char *restrict src)
{
    while ((*dst = *src++) != '\0')
        dst++;
    return dst;
}

char *strcpy(char *restrict dst, const char *restrict src)
{
    stpcpy(dst, src);
    return dst;
}

/* Copies at most n bytes and pads with NULs; may leave dst unterminated. */
char *strncpy(char *restrict dst, const char *restrict src, size_t n)
{
    size_t len = strnlen(src, n);

    memcpy(dst, src, len);
    memset(dst + len, 0, n - len);
    return dst;
}

/* Always terminates (if size > 0); returns strlen(src) to detect truncation. */
size_t strlcpy(char *restrict dst, const char *restrict src, size_t size)
{
    size_t len = strlen(src);

    if (size > 0) {
        size_t n = len < size - 1 ? len : size - 1;
        memcpy(dst, src, n);
        dst[n] = '\0';
    }
    return len;
}

char *strcat(char *restrict dst, const char *restrict src)
{
    strcpy(dst + strlen(dst), src);
    return dst;
}

char *strncat(char *restrict dst, const char *restrict src, size_t n)
{
    char *end = dst + strlen(dst);
    size_t len = strnlen(src, n);

    memcpy(end, src, len);
    end[len] = '\0';
    return dst;
}

char *strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *copy = malloc(len + 1);

    if (copy) {
        memcpy(copy, s, len);
        copy[len] = '\0';
    }
    return copy;
}

char *strdup(const char *s)
{
    return strndup(s, (size_t)-1);
}
