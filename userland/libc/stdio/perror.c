/*
 * perror: "s: message\n" on stderr for the current errno; and remove(),
 * which deletes a file or an empty directory.
 */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>

void perror(const char *s)
{
    const char *msg = strerror(errno);

    if (s && *s)
        fprintf(stderr, "%s: %s\n", s, msg);
    else
        fprintf(stderr, "%s\n", msg);
}

int remove(const char *path)
{
    if (unlink(path) == 0)
        return 0;
    if (errno == EISDIR)
        return rmdir(path);
    return -1;
}
