/*
 * The PS/2 keyboard (i8042 controller, IRQ 1, scancode set 1), turned into
 * the bytes a terminal sends: US layout, Shift, Caps Lock, Ctrl (^A...),
 * Alt as an ESC prefix, and the cursor and editing keys as the xterm
 * escape sequences (Up is ESC [ A, Home ESC [ H, Delete ESC [ 3 ~ ...), so
 * that line editors behave on the VGA console as on a serial terminal.
 *
 * The driver only translates; fs/tty.c installs the interrupt handler and
 * feeds the bytes to the terminal.
 */
#ifndef KERNEL_KEYBOARD_H
#define KERNEL_KEYBOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define KEYBOARD_MAX_BYTES 8        /* the longest key: Alt+F5, ESC ESC [ 1 5 ~ */

/* What the translation remembers between scancodes. */
struct keyboard_state {
    uint8_t modifiers;              /* which Shift, Ctrl, Alt keys are down */
    bool caps_lock, num_lock;
    bool extended;                  /* the previous byte was the 0xE0 prefix */
    uint8_t skip;                   /* bytes left of a Pause sequence */
};

/* Translate one scancode: the bytes the key press produces (none for a
 * release, a modifier or an unknown key).  Pure, for host tests. */
size_t keyboard_translate(struct keyboard_state *k, uint8_t scancode,
                          char out[KEYBOARD_MAX_BYTES]);

/* Discard what the controller holds (keys pressed during boot). */
void keyboard_init(void);

/* In the IRQ 1 handler: read the waiting scancode and translate it. */
size_t keyboard_read(char out[KEYBOARD_MAX_BYTES]);

#endif
