/*
 * wc [-lwc] [FILE...]: count lines, words and bytes.  Without options all
 * three are printed; with several files, a total line follows.
 */
#include <stdio.h>
#include <string.h>
#include <ctype.h>
#include <fcntl.h>
#include <unistd.h>
#include <err.h>

struct counts {
    unsigned long lines, words, bytes;
};

static int show_lines, show_words, show_bytes;

static int count(int fd, struct counts *c)
{
    static char buf[65536];
    int in_word = 0;
    ssize_t n;

    while ((n = read(fd, buf, sizeof buf)) > 0) {
        c->bytes += (unsigned long)n;
        for (ssize_t i = 0; i < n; i++) {
            unsigned char ch = (unsigned char)buf[i];
            c->lines += ch == '\n';
            if (isspace(ch))
                in_word = 0;
            else if (!in_word) {
                in_word = 1;
                c->words++;
            }
        }
    }
    return n < 0 ? -1 : 0;
}

/* The selected counts, each in 7 columns, then the name if any. */
static void print(const struct counts *c, const char *name)
{
    const unsigned long values[] = {c->lines, c->words, c->bytes};
    const int shown[] = {show_lines, show_words, show_bytes};
    int first = 1;

    for (int i = 0; i < 3; i++)
        if (shown[i]) {
            printf("%s%7lu", first ? "" : " ", values[i]);
            first = 0;
        }
    if (name)
        printf(" %s", name);
    putchar('\n');
}

int main(int argc, char **argv)
{
    struct counts total = {0, 0, 0};
    int opt, status = 0;

    while ((opt = getopt(argc, argv, "lwc")) != -1) {
        switch (opt) {
        case 'l': show_lines = 1; break;
        case 'w': show_words = 1; break;
        case 'c': show_bytes = 1; break;
        default:
            fprintf(stderr, "usage: wc [-lwc] [file...]\n");
            return 2;
        }
    }
    if (!show_lines && !show_words && !show_bytes)
        show_lines = show_words = show_bytes = 1;

    if (optind == argc) {
        struct counts c = {0, 0, 0};
        if (count(0, &c) < 0)
            err(1, "read");
        print(&c, NULL);
        return 0;
    }
    for (int i = optind; i < argc; i++) {
        struct counts c = {0, 0, 0};
        int fd = strcmp(argv[i], "-") == 0 ? 0 : open(argv[i], O_RDONLY);
        if (fd < 0 || count(fd, &c) < 0) {
            warn("%s", argv[i]);
            status = 1;
        } else {
            print(&c, argv[i]);
            total.lines += c.lines;
            total.words += c.words;
            total.bytes += c.bytes;
        }
        if (fd > 0)
            close(fd);
    }
    if (argc - optind > 1)
        print(&total, "total");
    return status;
}
