/*
 * The line-count option shared by head and tail: "-n N" or "-N".
 */
#ifndef USERLAND_BIN_LIB_LINES_H
#define USERLAND_BIN_LIB_LINES_H

/*
 * Parse the options of head/tail; returns the index of the first file
 * argument, or -1 after printing `usage` for bad options.
 */
int parse_line_count(int argc, char **argv, long *count, const char *usage);

#endif
