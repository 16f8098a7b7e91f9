/*
 * basename and dirname (POSIX versions: they may write into the path).
 *   "/usr/lib/" -> basename "lib", dirname "/usr"
 *   "file"      -> basename "file", dirname "."
 *   "/"         -> basename "/", dirname "/"
 */
#include <libgen.h>
#include <string.h>

/* Drop trailing slashes (but keep a lone "/"); returns the new length. */
static size_t strip_slashes(char *path)
{
    size_t len = strlen(path);

    while (len > 1 && path[len - 1] == '/')
        path[--len] = '\0';
    return len;
}

char *basename(char *path)
{
    if (path == NULL || *path == '\0')
        return ".";
    strip_slashes(path);
    char *slash = strrchr(path, '/');
    return slash && slash[1] ? slash + 1 : path;
}

char *dirname(char *path)
{
    if (path == NULL || *path == '\0')
        return ".";
    strip_slashes(path);
    char *slash = strrchr(path, '/');
    if (slash == NULL)
        return ".";
    while (slash > path && slash[-1] == '/')
        slash--;
    if (slash == path)
        return "/";
    *slash = '\0';
    return path;
}
