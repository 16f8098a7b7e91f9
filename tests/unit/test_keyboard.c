/*
 * PS/2 scancode set 1 translation on the host: scancodes in (as a US
 * keyboard sends them), terminal bytes out (as xterm sends them).
 */
#include "unit.h"

#include <string.h>

#include "kernel/keyboard.c"

static struct keyboard_state kb;
static char typed[256];

/* Feed scancodes; returns all the bytes they produced, as a string. */
static const char *keys(const uint8_t *codes, size_t n)
{
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        char out[KEYBOARD_MAX_BYTES];
        size_t k = keyboard_translate(&kb, codes[i], out);
        memcpy(typed + len, out, k);
        len += k;
    }
    typed[len] = '\0';
    return typed;
}

#define KEYS(...) keys((const uint8_t[]){__VA_ARGS__}, sizeof((const uint8_t[]){__VA_ARGS__}))

static void fresh(void)
{
    memset(&kb, 0, sizeof kb);
}

TEST(letters_digits_and_releases)
{
    fresh();
    CHECK_STR(KEYS(0x23, 0xa3, 0x17, 0x97), "hi");   /* h, i with releases */
    CHECK_STR(KEYS(0x02, 0x0b, 0x39, 0x35), "10 /");
}

TEST(shift_gives_upper_case_and_symbols_while_held)
{
    fresh();
    CHECK_STR(KEYS(0x2a, 0x1e, 0x02, 0xaa, 0x1e), "A!a");
    CHECK_STR(KEYS(0x36, 0x28, 0x2b, 0xb6, 0x28), "\"|'");  /* right shift */
}

TEST(caps_lock_toggles_letters_only)
{
    fresh();
    CHECK_STR(KEYS(0x3a, 0xba, 0x1e, 0x02), "A1");
    CHECK_STR(KEYS(0x2a, 0x1e, 0xaa), "a");           /* shift undoes caps */
    CHECK_STR(KEYS(0x3a, 0xba, 0x1e), "a");
}

TEST(ctrl_gives_control_codes)
{
    fresh();
    CHECK_STR(KEYS(0x1d, 0x2e, 0x9d, 0x2e), "\x03" "c");      /* left ctrl */
    CHECK_STR(KEYS(0xe0, 0x1d, 0x20, 0xe0, 0x9d, 0x20), "\x04" "d");  /* right */
    CHECK_STR(KEYS(0x1d, 0x2b, 0x1a, 0x9d), "\x1c\x1b");      /* ^\ ^[ */
    memset(typed, 1, sizeof typed);
    CHECK_EQ(keyboard_translate(&kb, 0x1d, typed), 0);
    CHECK_EQ(keyboard_translate(&kb, 0x39, typed), 1);        /* ^Space */
    CHECK_EQ(typed[0], '\0');
}

TEST(enter_backspace_tab_escape)
{
    fresh();
    CHECK_STR(KEYS(0x1c, 0x0e, 0x0f, 0x01), "\r\x7f\t\x1b");
    CHECK_STR(KEYS(0xe0, 0x1c, 0xe0, 0x35), "\r/");   /* keypad Enter and / */
}

TEST(cursor_keys_send_xterm_sequences)
{
    fresh();
    CHECK_STR(KEYS(0xe0, 0x48, 0xe0, 0xc8), "\x1b[A");
    CHECK_STR(KEYS(0xe0, 0x50), "\x1b[B");
    CHECK_STR(KEYS(0xe0, 0x4d), "\x1b[C");
    CHECK_STR(KEYS(0xe0, 0x4b), "\x1b[D");
    CHECK_STR(KEYS(0xe0, 0x47), "\x1b[H");
    CHECK_STR(KEYS(0xe0, 0x4f), "\x1b[F");
    CHECK_STR(KEYS(0xe0, 0x53), "\x1b[3~");
    CHECK_STR(KEYS(0xe0, 0x52), "\x1b[2~");
    CHECK_STR(KEYS(0xe0, 0x49, 0xe0, 0x51), "\x1b[5~\x1b[6~");
}

TEST(function_keys)
{
    fresh();
    CHECK_STR(KEYS(0x3b), "\x1bOP");
    CHECK_STR(KEYS(0x3f), "\x1b[15~");
    CHECK_STR(KEYS(0x58), "\x1b[24~");
}

TEST(fake_shifts_around_extended_keys_are_ignored)
{
    fresh();
    CHECK_STR(KEYS(0xe0, 0x2a, 0xe0, 0x48, 0xe0, 0xc8, 0xe0, 0xaa), "\x1b[A");
    CHECK_STR(KEYS(0x1e), "a");                       /* shift not held */
}

TEST(keypad_follows_num_lock)
{
    fresh();
    CHECK_STR(KEYS(0x48, 0x4f), "\x1b[A\x1b[F");      /* off: cursor keys */
    CHECK_STR(KEYS(0x4a, 0x4e, 0x37), "-+*");
    CHECK_STR(KEYS(0x45, 0xc5, 0x48, 0x4f, 0x52, 0x53), "810.");
}

TEST(alt_sends_escape_first)
{
    fresh();
    CHECK_STR(KEYS(0x38, 0x30, 0xb8, 0x30), "\x1b" "bb");
    CHECK_STR(KEYS(0xe0, 0x38, 0x2a, 0x30, 0xaa, 0xe0, 0xb8), "\x1b" "B");
}

TEST(pause_sequence_produces_nothing)
{
    fresh();
    CHECK_STR(KEYS(0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5, 0x1e), "a");
    CHECK(!kb.num_lock);
    CHECK_EQ(kb.modifiers, 0);
}
