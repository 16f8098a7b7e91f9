/*
 * Line editing on a terminal: the shell reads commands with it when its
 * input is a terminal.  The terminal is put in raw mode (no echo, byte by
 * byte) while a line is typed, and restored before the line is returned.
 *
 * Keys: Left/Right (Ctrl-B/F), Home/End (Ctrl-A/E), Backspace, Delete,
 * Ctrl-U (erase to start), Ctrl-K (erase to end), Ctrl-W (erase word),
 * Up/Down (Ctrl-P/N) for history, Ctrl-L (clear screen), Ctrl-C (drop
 * the line), Ctrl-D (end of input on an empty line).
 */
#ifndef USERLAND_SH_LINEEDIT_H
#define USERLAND_SH_LINEEDIT_H

/*
 * Show prompt and read one line from terminal fd `in`, echoing to fd
 * `out`.  Returns a malloc'd string ending in '\n', or NULL at end of
 * input.  Sets *not_tty and returns NULL if `in` cannot be put in raw mode.
 */
char *lineedit_read(int in, int out, const char *prompt, int *not_tty);

/* Remember a line for Up/Down (empty lines and repeats are skipped). */
void lineedit_history_add(const char *line);

#endif
