/*
 * Helpers shared by the programs in userland/bin (linked into each as
 * libtools.a).
 */
#ifndef USERLAND_BIN_LIB_TOOLS_H
#define USERLAND_BIN_LIB_TOOLS_H

#include <sys/types.h>

/* "drwxr-xr-x" for a st_mode; buf holds at least 11 bytes. */
char *mode_string(mode_t mode, char *buf);

/* "dir/name" in a malloc'd string (no double slash if dir ends in '/'). */
char *path_join(const char *dir, const char *name);

/* Does path name a directory (following symbolic links)? */
int is_directory(const char *path);

/*
 * The common end of cp, mv and ln: "SOURCE... DEST", where DEST is the
 * new name (one source) or an existing directory that receives the
 * sources under their own names.  Calls act(source, target) for each;
 * returns non-zero if any call did.  Exits if several sources are given
 * and DEST is not a directory.
 */
int for_each_target(int nsources, char **sources, const char *dest,
                    int (*act)(const char *source, const char *target));

/* Copy everything from fd in to fd out: 0, or -1 with errno set and
 * *failed_fd telling which side failed. */
int copy_fd(int in, int out, int *failed_fd);

/* Parse a non-negative decimal count: 0 on success, -1 if malformed. */
int parse_count(const char *s, long *out);

#endif
