/*
 * touch FILE...: create empty files, or set the times of existing ones
 * to now.
 */
#include <stdio.h>
#include <fcntl.h>
#include <errno.h>
#include <unistd.h>
#include <err.h>
#include <sys/stat.h>

int main(int argc, char **argv)
{
    int status = 0;

    if (argc < 2 || argv[1][0] == '-') {
        fprintf(stderr, "usage: touch file...\n");
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        if (utimensat(AT_FDCWD, argv[i], NULL, 0) == 0)
            continue;
        int fd = errno == ENOENT ? open(argv[i], O_WRONLY | O_CREAT, 0666) : -1;
        if (fd < 0) {
            warn("cannot touch '%s'", argv[i]);
            status = 1;
        } else {
            close(fd);
        }
    }
    return status;
}
