/*
 * yes [STRING]: print STRING (default "y") on lines forever, until the
 * reader goes away.  A block of many copies is written at a time.
 */
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    static char block[8192];
    const char *s = argc > 1 ? argv[1] : "y";
    size_t len = strlen(s), used = 0;

    if (len + 1 > sizeof block)
        len = sizeof block - 1;
    while (used + len + 1 <= sizeof block) {
        memcpy(block + used, s, len);
        block[used + len] = '\n';
        used += len + 1;
    }
    while (write(1, block, used) > 0)
        ;
    return 1;
}
