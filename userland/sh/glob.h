/*
 * Pathname expansion: `*`, `?` and `[...]` patterns matched against the
 * names in directories.  A backslash in a pattern makes the next
 * character literal (expand.c escapes quoted characters this way).
 */
#ifndef USERLAND_SH_GLOB_H
#define USERLAND_SH_GLOB_H

/* Does name match pattern (one path component, no '/')? */
int glob_match(const char *pattern, const char *name);

/* Does pattern contain an unescaped *, ? or [ ? */
int glob_has_magic(const char *pattern);

/*
 * Call add(path, ctx) for each existing path matching pattern, in sorted
 * order per directory.  Returns the number of matches.
 */
int glob_expand(const char *pattern, void (*add)(const char *path, void *ctx),
                void *ctx);

#endif
