/*
 * Where the shell's commands come from: a terminal (with line editing), a
 * script file, or another file descriptor such as a pipe.
 */
#ifndef USERLAND_SH_INPUT_H
#define USERLAND_SH_INPUT_H

#include <stddef.h>

struct input {
    int fd;
    int terminal;       /* use the line editor */
    int own_fd;         /* a script the shell opened: may read ahead */
    char buf[4096];
    size_t pos, len;
};

/* One line, ending in '\n' unless it is the last one; malloc'd; NULL at
 * end of input.  The prompt is shown only on a terminal. */
char *input_line(struct input *in, const char *prompt);

#endif
