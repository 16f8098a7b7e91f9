/*
 * hexdump [-C] [-v] [FILE...]: show the bytes of the files (or standard
 * input), 16 per line, after the offset:
 *   default  "0000000 6568 6c6c ..."  as 16-bit little-endian words
 *   -C       "00000000  68 65 6c 6c ...  |hell...|"  bytes and ASCII
 * A line equal to the one before is shown as a single "*" (unless -v).
 * The files are dumped as one stream, offsets counting across them.
 */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <err.h>

static int canonical, verbose;

static void line_canonical(unsigned long off, const unsigned char *b, int n)
{
    printf("%08lx ", off);
    for (int i = 0; i < 16; i++) {
        if (i == 8)
            putchar(' ');
        if (i < n)
            printf(" %02x", b[i]);
        else
            fputs("   ", stdout);
    }
    fputs("  |", stdout);
    for (int i = 0; i < n; i++)
        putchar(b[i] >= 32 && b[i] < 127 ? b[i] : '.');
    puts("|");
}

static void line_words(unsigned long off, const unsigned char *b, int n)
{
    printf("%07lx", off);
    for (int i = 0; i < n; i += 2)
        printf(" %04x", b[i] | (i + 1 < n ? b[i + 1] << 8 : 0));
    putchar('\n');
}

/* The dump state across files: a partial line may continue in the next. */
struct dump {
    unsigned char line[16], prev[16];
    int n;                  /* bytes in line */
    int have_prev, starred;
    unsigned long off;      /* offset of line[0] */
};

static void emit(struct dump *d)
{
    if (d->n == 16 && d->have_prev && !verbose &&
        memcmp(d->line, d->prev, 16) == 0) {
        if (!d->starred)
            puts("*");
        d->starred = 1;
    } else {
        (canonical ? line_canonical : line_words)(d->off, d->line, d->n);
        d->starred = 0;
    }
    memcpy(d->prev, d->line, 16);
    d->have_prev = d->n == 16;
    d->off += (unsigned long)d->n;
    d->n = 0;
}

static int dump_fd(struct dump *d, int fd)
{
    unsigned char buf[4096];
    ssize_t n;

    while ((n = read(fd, buf, sizeof buf)) > 0)
        for (ssize_t i = 0; i < n; i++) {
            d->line[d->n++] = buf[i];
            if (d->n == 16)
                emit(d);
        }
    return n < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
    struct dump d;
    int opt, status = 0;

    memset(&d, 0, sizeof d);
    while ((opt = getopt(argc, argv, "Cv")) != -1) {
        switch (opt) {
        case 'C': canonical = 1; break;
        case 'v': verbose = 1; break;
        default:
            fprintf(stderr, "usage: hexdump [-Cv] [file...]\n");
            return 2;
        }
    }
    if (optind == argc && dump_fd(&d, 0) < 0)
        err(1, "read");
    for (int i = optind; i < argc; i++) {
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0 || dump_fd(&d, fd) < 0) {
            warn("%s", argv[i]);
            status = 1;
        }
        if (fd >= 0)
            close(fd);
    }
    if (d.n > 0)
        emit(&d);
    if (d.off > 0 || status == 0)
        printf(canonical ? "%08lx\n" : "%07lx\n", d.off);
    return status;
}
