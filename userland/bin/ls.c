/*
 * ls [-la1] [FILE...]: list directory contents, sorted by name.
 *   -l  long format: mode, links, owner, group, size, date, name
 *   -a  include names starting with '.'
 *   -1  one name per line (the default when not writing to a terminal;
 *       on a terminal names are laid out in columns)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <dirent.h>
#include <unistd.h>
#include <err.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include "userland/bin/lib/tools.h"

static int long_format, show_all, one_per_line;

struct entry {
    char *name;             /* as shown */
    char *path;             /* for lstat / readlink */
    struct stat st;
};

static int by_name(const void *a, const void *b)
{
    return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

/* "Jan  2 15:04" for recent times, "Jan  2  2023" for older or future ones. */
static void format_time(time_t t, char *buf, size_t size)
{
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    int recent = t <= now && now - t < 182L * 24 * 3600;
    strftime(buf, size, recent ? "%b %e %H:%M" : "%b %e  %Y", &tm);
}

static void print_long(const struct entry *e)
{
    char mode[11], date[32];

    mode_string(e->st.st_mode, mode);
    format_time(e->st.st_mtime, date, sizeof date);
    printf("%s %2u %4u %4u ", mode, (unsigned)e->st.st_nlink,
           (unsigned)e->st.st_uid, (unsigned)e->st.st_gid);
    if (S_ISCHR(e->st.st_mode) || S_ISBLK(e->st.st_mode))
        printf("%3u, %3u ", major(e->st.st_rdev), minor(e->st.st_rdev));
    else
        printf("%8lld ", (long long)e->st.st_size);
    printf("%s %s", date, e->name);
    if (S_ISLNK(e->st.st_mode)) {
        char target[4096];
        ssize_t n = readlink(e->path, target, sizeof target - 1);
        if (n >= 0)
            printf(" -> %.*s", (int)n, target);
    }
    putchar('\n');
}

static int terminal_width(void)
{
    struct winsize ws;
    if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 80;
}

/* Names in columns, filled top to bottom, as wide as the terminal. */
static void print_columns(const struct entry *e, int n)
{
    size_t width = 1;
    for (int i = 0; i < n; i++)
        if (strlen(e[i].name) + 2 > width)
            width = strlen(e[i].name) + 2;
    int cols = terminal_width() / (int)width;
    if (cols < 1)
        cols = 1;
    int rows = (n + cols - 1) / cols;
    for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
            int i = c * rows + r;
            if (i >= n)
                break;
            if (c == cols - 1 || i + rows >= n)
                fputs(e[i].name, stdout);      /* last column: no padding */
            else
                printf("%-*s", (int)width, e[i].name);
        }
        putchar('\n');
    }
}

static void print_entries(struct entry *e, int n, int with_total)
{
    qsort(e, (size_t)n, sizeof *e, by_name);
    if (long_format) {
        if (with_total) {
            long long blocks = 0;
            for (int i = 0; i < n; i++)
                blocks += e[i].st.st_blocks;
            printf("total %lld\n", blocks / 2);
        }
        for (int i = 0; i < n; i++)
            print_long(&e[i]);
    } else if (one_per_line) {
        for (int i = 0; i < n; i++)
            puts(e[i].name);
    } else if (n > 0) {
        print_columns(e, n);
    }
}

static void free_entries(struct entry *e, int n)
{
    for (int i = 0; i < n; i++) {
        free(e[i].name);
        free(e[i].path);
    }
    free(e);
}

static int list_dir(const char *path)
{
    DIR *d = opendir(path);
    if (d == NULL) {
        warn("cannot open directory '%s'", path);
        return 2;
    }
    struct entry *e = NULL;
    int n = 0, cap = 0, status = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.' && !show_all)
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            struct entry *bigger = realloc(e, (size_t)cap * sizeof *e);
            if (bigger == NULL)
                err(2, "out of memory");
            e = bigger;
        }
        e[n].name = strdup(de->d_name);
        e[n].path = path_join(path, de->d_name);
        if (e[n].name == NULL || e[n].path == NULL)
            err(2, "out of memory");
        if (long_format && lstat(e[n].path, &e[n].st) < 0) {
            warn("cannot access '%s'", e[n].path);
            status = 1;
            free(e[n].name);
            free(e[n].path);
            continue;
        }
        n++;
    }
    closedir(d);
    print_entries(e, n, 1);
    free_entries(e, n);
    return status;
}

int main(int argc, char **argv)
{
    int opt, status = 0;

    one_per_line = !isatty(1);
    while ((opt = getopt(argc, argv, "la1")) != -1) {
        switch (opt) {
        case 'l': long_format = 1; break;
        case 'a': show_all = 1; break;
        case '1': one_per_line = 1; break;
        default:
            fprintf(stderr, "usage: ls [-la1] [file...]\n");
            return 2;
        }
    }
    char *dot[] = {".", NULL};
    char **args = optind < argc ? argv + optind : dot;
    int nargs = optind < argc ? argc - optind : 1;

    /* Plain files named on the command line first, then directories. */
    struct entry *files = calloc((size_t)nargs, sizeof *files);
    char **dirs = calloc((size_t)nargs, sizeof *dirs);
    int nfiles = 0, ndirs = 0;
    if (files == NULL || dirs == NULL)
        err(2, "out of memory");
    for (int i = 0; i < nargs; i++) {
        struct stat st;
        if (lstat(args[i], &st) < 0) {
            warn("cannot access '%s'", args[i]);
            status = 2;
        } else if (S_ISDIR(st.st_mode) ||
                   (S_ISLNK(st.st_mode) && !long_format && is_directory(args[i]))) {
            dirs[ndirs++] = args[i];
        } else {
            files[nfiles].name = strdup(args[i]);
            files[nfiles].path = strdup(args[i]);
            files[nfiles].st = st;
            nfiles++;
        }
    }
    print_entries(files, nfiles, 0);
    free_entries(files, nfiles);
    for (int i = 0; i < ndirs; i++) {
        if (nfiles > 0 || ndirs > 1)
            printf("%s%s:\n", i > 0 || nfiles > 0 ? "\n" : "", dirs[i]);
        int r = list_dir(dirs[i]);
        if (r > status)
            status = r;
    }
    free(dirs);
    return status;
}
