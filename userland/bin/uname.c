/*
 * uname [-asnrvm]: print system information (default: -s).
 */
#include <stdio.h>
#include <unistd.h>
#include <err.h>
#include <sys/utsname.h>

int main(int argc, char **argv)
{
    struct utsname u;
    int opt, fields = 0;        /* bits: s n r v m, in printing order */

    while ((opt = getopt(argc, argv, "asnrvm")) != -1) {
        switch (opt) {
        case 'a': fields |= 31; break;
        case 's': fields |= 1; break;
        case 'n': fields |= 2; break;
        case 'r': fields |= 4; break;
        case 'v': fields |= 8; break;
        case 'm': fields |= 16; break;
        default:
            fprintf(stderr, "usage: uname [-asnrvm]\n");
            return 2;
        }
    }
    if (optind != argc) {
        fprintf(stderr, "usage: uname [-asnrvm]\n");
        return 2;
    }
    if (uname(&u) < 0)
        err(1, "uname");
    const char *values[] = {u.sysname, u.nodename, u.release, u.version,
                            u.machine};
    int printed = 0;
    for (int i = 0; i < 5; i++)
        if ((fields ? fields : 1) & (1 << i))
            printf("%s%s", printed++ ? " " : "", values[i]);
    putchar('\n');
    return 0;
}
