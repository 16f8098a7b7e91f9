/*
 * The VGA text console.  Each cell is a character byte and an attribute
 * byte; the hardware cursor is moved through the CRT controller ports.
 * ANSI escape sequences from user programs are skipped, not interpreted
 * (the serial terminal is the one that understands them).
 */
#include "kernel/vga.h"

#include <stdint.h>

#include "kernel/cpu.h"
#include "kernel/layout.h"

#define COLS 80
#define ROWS 25
#define ATTR 0x0700                 /* light grey on black */

static uint16_t *const screen = (uint16_t *)PHYS_TO_VIRT(0xb8000);
static int row, col;
static int in_escape;               /* inside ESC [ ... final-byte */

static void move_cursor(void)
{
    uint16_t pos = (uint16_t)(row * COLS + col);
    outb(0x3d4, 0x0f);
    outb(0x3d5, pos & 0xff);
    outb(0x3d4, 0x0e);
    outb(0x3d5, pos >> 8);
}

void vga_clear(void)
{
    for (int i = 0; i < COLS * ROWS; i++)
        screen[i] = ATTR | ' ';
    row = col = 0;
    move_cursor();
}

void vga_init(void)
{
    vga_clear();
}

static void scroll(void)
{
    for (int i = 0; i < COLS * (ROWS - 1); i++)
        screen[i] = screen[i + COLS];
    for (int i = COLS * (ROWS - 1); i < COLS * ROWS; i++)
        screen[i] = ATTR | ' ';
    row = ROWS - 1;
}

/* Returns 1 while the character belongs to an escape sequence. */
static int skip_escape(char c)
{
    if (c == '\033') {
        in_escape = 1;
        return 1;
    }
    if (!in_escape)
        return 0;
    if (in_escape == 1 && c == '[') {
        in_escape = 2;
        return 1;
    }
    /* A final byte (@ to ~) ends the sequence; digits and ; continue it. */
    if (in_escape == 1 || (c >= '@' && c <= '~'))
        in_escape = 0;
    return 1;
}

void vga_putc(char c)
{
    if (skip_escape(c))
        return;
    switch (c) {
    case '\n': col = 0; row++; break;
    case '\r': col = 0; break;
    case '\b': if (col > 0) col--; break;
    case '\t': col = (col + 8) & ~7; break;
    default:
        if ((unsigned char)c < ' ')
            return;
        screen[row * COLS + col] = ATTR | (uint8_t)c;
        col++;
    }
    if (col >= COLS) {
        col = 0;
        row++;
    }
    if (row >= ROWS)
        scroll();
    move_cursor();
}
