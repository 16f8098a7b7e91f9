/*
 * Memory blocks: copy, move, fill, compare, search.
 *
 * Copying and filling use the x86 string instructions: `rep movsl` moves
 * four bytes per iteration and is fast on every i686, then `rep movsb`
 * finishes the last 0-3 bytes.  The compiler calls these too (for struct
 * copies), so they must never call themselves.
 */
#include <string.h>
#include <stdint.h>

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
    void *d = dst;
    const void *s = src;
    size_t words = n / 4, rest = n % 4;

    __asm__ volatile("rep movsl\n\t"
                     "mov %[rest], %%ecx\n\t"
                     "rep movsb"
                     : "+D"(d), "+S"(s), "+c"(words)
                     : [rest] "r"(rest)
                     : "memory");
    return dst;
}

void *mempcpy(void *restrict dst, const void *restrict src, size_t n)
{
    return (char *)memcpy(dst, src, n) + n;
}

/*
 * When the destination starts inside the source, a forward copy would
 * overwrite bytes before reading them: copy backwards (direction flag
 * set), starting at the last byte.  The ABI requires DF clear on return.
 */
void *memmove(void *dst, const void *src, size_t n)
{
    if ((uintptr_t)dst - (uintptr_t)src >= n)
        return memcpy(dst, src, n);     /* no harmful overlap */

    void *d = (char *)dst + n - 1;
    const void *s = (const char *)src + n - 1;
    __asm__ volatile("std\n\t"
                     "rep movsb\n\t"
                     "cld"
                     : "+D"(d), "+S"(s), "+c"(n)
                     :
                     : "memory");
    return dst;
}

void *memset(void *dst, int c, size_t n)
{
    void *d = dst;
    uint32_t pattern = (uint8_t)c * 0x01010101u;
    size_t words = n / 4, rest = n % 4;

    __asm__ volatile("rep stosl\n\t"
                     "mov %[rest], %%ecx\n\t"
                     "rep stosb"
                     : "+D"(d), "+c"(words)
                     : "a"(pattern), [rest] "r"(rest)
                     : "memory");
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;

    for (; n > 0; n--, p++, q++)
        if (*p != *q)
            return *p - *q;
    return 0;
}

void *memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;

    for (; n > 0; n--, p++)
        if (*p == (unsigned char)c)
            return (void *)p;
    return NULL;
}

void *memrchr(const void *s, int c, size_t n)
{
    const unsigned char *p = (const unsigned char *)s + n;

    while (n-- > 0)
        if (*--p == (unsigned char)c)
            return (void *)p;
    return NULL;
}
