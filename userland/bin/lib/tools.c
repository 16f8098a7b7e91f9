/*
 * Helpers shared by the tools: file modes as text, joining paths,
 * copying between descriptors, parsing counts.
 */
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <libgen.h>
#include <err.h>
#include <sys/stat.h>
#include "userland/bin/lib/tools.h"

static char type_char(mode_t mode)
{
    switch (mode & S_IFMT) {
    case S_IFDIR: return 'd';
    case S_IFLNK: return 'l';
    case S_IFCHR: return 'c';
    case S_IFBLK: return 'b';
    case S_IFIFO: return 'p';
    case S_IFSOCK: return 's';
    default: return '-';
    }
}

char *mode_string(mode_t mode, char *buf)
{
    static const char rwx[] = "rwxrwxrwx";

    buf[0] = type_char(mode);
    for (int i = 0; i < 9; i++)
        buf[i + 1] = (mode & (0400 >> i)) ? rwx[i] : '-';
    if (mode & S_ISUID)
        buf[3] = (mode & S_IXUSR) ? 's' : 'S';
    if (mode & S_ISGID)
        buf[6] = (mode & S_IXGRP) ? 's' : 'S';
    if (mode & S_ISVTX)
        buf[9] = (mode & S_IXOTH) ? 't' : 'T';
    buf[10] = '\0';
    return buf;
}

char *path_join(const char *dir, const char *name)
{
    size_t dlen = strlen(dir), nlen = strlen(name);
    int slash = dlen > 0 && dir[dlen - 1] != '/';
    char *p = malloc(dlen + slash + nlen + 1);

    if (p) {
        memcpy(p, dir, dlen);
        if (slash)
            p[dlen] = '/';
        memcpy(p + dlen + slash, name, nlen + 1);
    }
    return p;
}

int is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* dest/basename(src) if into_dir, else dest; malloc'd. */
static char *target_path(const char *dest, const char *src, int into_dir)
{
    char *copy = strdup(src);
    char *target = NULL;

    if (copy)
        target = into_dir ? path_join(dest, basename(copy)) : strdup(dest);
    free(copy);
    if (target == NULL)
        err(1, "out of memory");
    return target;
}

int for_each_target(int nsources, char **sources, const char *dest,
                    int (*act)(const char *source, const char *target))
{
    int into_dir = is_directory(dest), status = 0;

    if (nsources > 1 && !into_dir)
        errx(1, "target '%s' is not a directory", dest);
    for (int i = 0; i < nsources; i++) {
        char *target = target_path(dest, sources[i], into_dir);
        status |= act(sources[i], target);
        free(target);
    }
    return status;
}

int copy_fd(int in, int out, int *failed_fd)
{
    static char buf[65536];

    for (;;) {
        ssize_t n = read(in, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *failed_fd = in;
            return -1;
        }
        if (n == 0)
            return 0;
        for (ssize_t done = 0; done < n; ) {
            ssize_t w = write(out, buf + done, (size_t)(n - done));
            if (w < 0 && errno == EINTR)
                continue;
            if (w <= 0) {
                *failed_fd = out;
                return -1;
            }
            done += w;
        }
    }
}

int parse_count(const char *s, long *out)
{
    char *end;

    if (*s < '0' || *s > '9')
        return -1;
    errno = 0;
    *out = strtol(s, &end, 10);
    return *end != '\0' || errno ? -1 : 0;
}
