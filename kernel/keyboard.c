/*
 * PS/2 keyboard: scancode set 1 (what the i8042 controller delivers after
 * its usual translation) to terminal bytes.  A scancode names a key, not a
 * character: bit 7 set means the key was released, and 0xE0 announces a
 * second bank of keys (arrows, Home, right Ctrl...).  The translation
 * follows the modifiers from their press and release codes.
 */
#include "kernel/keyboard.h"

#include "kernel/cpu.h"

#define PORT_DATA     0x60
#define PORT_STATUS   0x64
#define STATUS_FULL   0x01          /* a byte is waiting in PORT_DATA */
#define STATUS_MOUSE  0x20          /* ... and it comes from the mouse */

#define PREFIX_EXTENDED 0xe0
#define PREFIX_PAUSE    0xe1        /* Pause: E1 1D 45 E1 9D C5, no release */
#define RELEASED        0x80

#define SC_LSHIFT 0x2a
#define SC_RSHIFT 0x36
#define SC_CTRL   0x1d
#define SC_ALT    0x38
#define SC_CAPS   0x3a
#define SC_NUM    0x45
#define SC_KP_ENTER 0x1c            /* with the prefix */
#define SC_KP_SLASH 0x35            /* with the prefix */
#define SC_KP_FIRST 0x47            /* keypad 7 ... keypad . */
#define SC_KP_LAST  0x53

#define KBD_LSHIFT 0x01
#define KBD_RSHIFT 0x02
#define KBD_LCTRL  0x04
#define KBD_RCTRL  0x08
#define KBD_LALT   0x10
#define KBD_RALT   0x20
#define KBD_SHIFT  (KBD_LSHIFT | KBD_RSHIFT)
#define KBD_CTRL   (KBD_LCTRL | KBD_RCTRL)
#define KBD_ALT    (KBD_LALT | KBD_RALT)

#define ESC 0x1b
#define DEL 0x7f                    /* Backspace, as Linux's console sends */

/* The US layout, unshifted and shifted, by scancode. */
static const char plain[0x3a] = {
    [0x01] = ESC, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '-', '=', DEL, '\t',
    'q', 'w', 'e', 'r', 't', 'y', 'u', 'i', 'o', 'p', '[', ']', '\r',
    [0x1e] = 'a', 's', 'd', 'f', 'g', 'h', 'j', 'k', 'l', ';', '\'', '`',
    [0x2b] = '\\', 'z', 'x', 'c', 'v', 'b', 'n', 'm', ',', '.', '/',
    [0x37] = '*', [0x39] = ' ',
};

static const char shifted[0x3a] = {
    [0x01] = ESC, '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', DEL, '\t',
    'Q', 'W', 'E', 'R', 'T', 'Y', 'U', 'I', 'O', 'P', '{', '}', '\r',
    [0x1e] = 'A', 'S', 'D', 'F', 'G', 'H', 'J', 'K', 'L', ':', '"', '~',
    [0x2b] = '|', 'Z', 'X', 'C', 'V', 'B', 'N', 'M', '<', '>', '?',
    [0x37] = '*', [0x39] = ' ',
};

/* The keypad with Num Lock on, from keypad 7 (0x47) to keypad . (0x53). */
static const char keypad[] = "789-456+1230.";

/* Keys that send xterm escape sequences: function keys, and the cursor
 * and editing keys (the E0 ones, and the keypad without Num Lock). */
static const char *const sequences[0x59] = {
    [0x3b] = "\033OP", [0x3c] = "\033OQ", [0x3d] = "\033OR", [0x3e] = "\033OS",
    [0x3f] = "\033[15~", [0x40] = "\033[17~", [0x41] = "\033[18~",
    [0x42] = "\033[19~", [0x43] = "\033[20~", [0x44] = "\033[21~",
    [0x57] = "\033[23~", [0x58] = "\033[24~",
    [0x47] = "\033[H", [0x48] = "\033[A", [0x49] = "\033[5~",
    [0x4b] = "\033[D", [0x4c] = "\033[E", [0x4d] = "\033[C",
    [0x4f] = "\033[F", [0x50] = "\033[B", [0x51] = "\033[6~",
    [0x52] = "\033[2~", [0x53] = "\033[3~",
};

static bool is_keypad(uint8_t code)
{
    return code >= SC_KP_FIRST && code <= SC_KP_LAST;
}

static bool is_letter(char c)
{
    return c >= 'a' && c <= 'z';
}

/* Ctrl+key: letters and @ [ \ ] ^ _ give their control code; as in xterm,
 * Ctrl+Space and Ctrl+2 give NUL, Ctrl+6 RS, Ctrl+- and Ctrl+/ US, and
 * Ctrl+? DEL. */
static int control_of(int c)
{
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 1;
    if (c >= '@' && c <= '_')
        return c & 0x1f;
    switch (c) {
    case ' ': case '2': return 0;
    case '6': return 0x1e;
    case '-': case '/': return 0x1f;
    case '?': return DEL;
    }
    return c;
}

/* Shift, Ctrl and Alt count while held.  True if code is one of them; the
 * "fake" shifts some keyboards wrap around E0 keys are swallowed. */
static bool track_modifier(struct keyboard_state *k, bool ext, uint8_t code, bool release)
{
    uint8_t bit;
    switch (code) {
    case SC_LSHIFT: bit = KBD_LSHIFT; break;
    case SC_RSHIFT: bit = KBD_RSHIFT; break;
    case SC_CTRL: bit = ext ? KBD_RCTRL : KBD_LCTRL; break;
    case SC_ALT: bit = ext ? KBD_RALT : KBD_LALT; break;
    default: return false;
    }
    if (ext && (bit & KBD_SHIFT))
        return true;
    if (release)
        k->modifiers &= (uint8_t)~bit;
    else
        k->modifiers |= bit;
    return true;
}

/* Caps Lock and Num Lock change state on each press. */
static bool toggle_lock(struct keyboard_state *k, bool ext, uint8_t code)
{
    if (!ext && code == SC_CAPS)
        k->caps_lock = !k->caps_lock;
    else if (!ext && code == SC_NUM)
        k->num_lock = !k->num_lock;
    else
        return false;
    return true;
}

/* The escape sequence of a key, or NULL if it is not such a key. */
static const char *key_sequence(const struct keyboard_state *k, bool ext, uint8_t code)
{
    if (code >= sizeof sequences / sizeof *sequences)
        return NULL;
    if (ext ? !is_keypad(code) : is_keypad(code) && k->num_lock)
        return NULL;
    return sequences[code];
}

/* The character of a key with Shift, Caps Lock and Ctrl applied; -1 if
 * the key has none. */
static int key_char(const struct keyboard_state *k, bool ext, uint8_t code)
{
    if (ext)
        return code == SC_KP_ENTER ? '\r' : code == SC_KP_SLASH ? '/' : -1;
    if (is_keypad(code))
        return keypad[code - SC_KP_FIRST];
    if (code >= sizeof plain || !plain[code])
        return -1;
    bool shift = k->modifiers & KBD_SHIFT;
    if (k->caps_lock && is_letter(plain[code]))
        shift = !shift;
    int c = (unsigned char)(shift ? shifted[code] : plain[code]);
    return k->modifiers & KBD_CTRL ? control_of(c) : c;
}

/* The bytes of a key press: Alt (Meta) puts ESC in front, as xterm does. */
static size_t press(const struct keyboard_state *k, const char *bytes, size_t len,
                    char out[KEYBOARD_MAX_BYTES])
{
    size_t n = 0;
    if (k->modifiers & KBD_ALT)
        out[n++] = ESC;
    for (size_t i = 0; i < len; i++)
        out[n++] = bytes[i];
    return n;
}

size_t keyboard_translate(struct keyboard_state *k, uint8_t code,
                          char out[KEYBOARD_MAX_BYTES])
{
    if (k->skip) {
        k->skip--;
        return 0;
    }
    if (code == PREFIX_PAUSE) {
        k->skip = 5;
        return 0;
    }
    if (code == PREFIX_EXTENDED) {
        k->extended = true;
        return 0;
    }
    bool ext = k->extended, release = code & RELEASED;
    k->extended = false;
    code &= (uint8_t)~RELEASED;
    if (track_modifier(k, ext, code, release) || release || toggle_lock(k, ext, code))
        return 0;

    const char *seq = key_sequence(k, ext, code);
    if (seq) {
        size_t len = 0;
        while (seq[len])
            len++;
        return press(k, seq, len, out);
    }
    int c = key_char(k, ext, code);
    if (c < 0)
        return 0;
    char byte = (char)c;
    return press(k, &byte, 1, out);
}

/* ---- the controller ---- */

static struct keyboard_state state;

void keyboard_init(void)
{
    for (int i = 0; i < 64 && (inb(PORT_STATUS) & STATUS_FULL); i++)
        (void)inb(PORT_DATA);
}

size_t keyboard_read(char out[KEYBOARD_MAX_BYTES])
{
    uint8_t status = inb(PORT_STATUS);
    if (!(status & STATUS_FULL))
        return 0;
    uint8_t code = inb(PORT_DATA);
    if (status & STATUS_MOUSE)
        return 0;
    return keyboard_translate(&state, code, out);
}
