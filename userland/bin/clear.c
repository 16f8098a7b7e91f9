/*
 * clear: clear the terminal (cursor home, erase the screen).
 */
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    static const char seq[] = "\x1b[H\x1b[2J";

    (void)argv;
    if (argc > 1) {
        fprintf(stderr, "usage: clear\n");
        return 2;
    }
    return write(1, seq, sizeof seq - 1) == sizeof seq - 1 ? 0 : 1;
}
