/*
 * The line discipline on the host: bytes typed go in, and the tests check
 * what a reader gets, what the terminal shows (the echo, byte for byte)
 * and which signals are asked for.  The expected bytes are what a Linux
 * terminal in the same mode produces (stty defaults of a Linux console).
 */
#include "unit.h"

#include <string.h>

#include "fs/ldisc.c"

#define DEL_KEY "\x7f"

static struct ldisc ld;
static char screen[16384];          /* everything the ldisc emitted */
static size_t screen_len;

static void capture(void *ctx, char c)
{
    (void)ctx;
    if (screen_len < sizeof screen - 1)
        screen[screen_len++] = c;
    screen[screen_len] = '\0';
}

static void fresh(void)
{
    ldisc_init(&ld, capture, NULL);
    screen_len = 0;
    screen[0] = '\0';
}

static void clear_screen(void)
{
    screen_len = 0;
    screen[0] = '\0';
}

/* Type n bytes; returns the last signal asked for (0 if none). */
static int type_n(const char *s, size_t n)
{
    int sig = 0;
    for (size_t i = 0; i < n; i++) {
        int r = ldisc_receive(&ld, (uint8_t)s[i]);
        if (r)
            sig = r;
    }
    return sig;
}

static int type(const char *s)
{
    return type_n(s, strlen(s));
}

/* One read of at most n bytes, as a string (the tests use no NULs here). */
static char got[LDISC_BUF_SIZE + 1];
static bool got_line_end;

static const char *read_n(size_t n)
{
    size_t k = ldisc_read(&ld, (uint8_t *)got, n, &got_line_end);
    got[k] = '\0';
    return got;
}

/* Turn flags on and off in one flag word, as a TCSETS would. */
#define SET_FLAGS(word, on, off)                                          \
    do {                                                                  \
        struct termios t_ = ld.termios;                                   \
        t_.word = (t_.word | (on)) & ~(tcflag_t)(off);                    \
        ldisc_set_termios(&ld, &t_);                                      \
    } while (0)
#define set_iflag(on, off) SET_FLAGS(c_iflag, on, off)
#define set_oflag(on, off) SET_FLAGS(c_oflag, on, off)
#define set_lflag(on, off) SET_FLAGS(c_lflag, on, off)

static void set_cc(int index, cc_t value)
{
    struct termios t = ld.termios;
    t.c_cc[index] = value;
    ldisc_set_termios(&ld, &t);
}

/* ---- defaults ---- */

TEST(defaults_are_linux_console_settings)
{
    /* `stty -g` on a Linux console: 500:5:bf:8a3b and this c_cc. */
    static const unsigned char linux_cc[17] =
        "\003\034\177\025\004\0\1\0\021\023\032\0\022\017\027\026\0";
    fresh();
    CHECK_EQ(ld.termios.c_iflag, 0x500);
    CHECK_EQ(ld.termios.c_oflag, 0x5);
    CHECK_EQ(ld.termios.c_cflag & ~(tcflag_t)CBAUD, 0xb0 | HUPCL);
    CHECK_EQ(ld.termios.c_cflag & CBAUD, B38400);
    CHECK_EQ(ld.termios.c_lflag, 0x8a3b);
    CHECK_EQ(ld.termios.c_line, 0);
    CHECK(memcmp(ld.termios.c_cc, linux_cc, sizeof linux_cc) == 0);
    CHECK_EQ(ld.termios.c_cc[17], 0);
    CHECK_EQ(ld.termios.c_cc[18], 0);
}

/* ---- canonical input ---- */

TEST(canonical_line_waits_for_newline)
{
    fresh();
    type("hello");
    CHECK_EQ(ldisc_pending(&ld), 0);
    CHECK_STR(read_n(100), "");
    CHECK_STR(screen, "hello");
    type("\n");
    CHECK_EQ(ldisc_pending(&ld), 6);
    CHECK_STR(read_n(100), "hello\n");
    CHECK(got_line_end);
    CHECK_STR(screen, "hello\r\n");
    CHECK_EQ(ldisc_pending(&ld), 0);
}

TEST(carriage_return_becomes_newline)
{
    fresh();
    type("ls\r");
    CHECK_STR(read_n(100), "ls\n");
    CHECK_STR(screen, "ls\r\n");
}

TEST(a_read_returns_one_line_at_most)
{
    fresh();
    type("one\ntwo\n");
    CHECK_STR(read_n(100), "one\n");
    CHECK_STR(read_n(100), "two\n");
    CHECK_STR(read_n(100), "");
}

TEST(a_short_read_leaves_the_rest_of_the_line)
{
    fresh();
    type("abcdef\nxy\n");
    CHECK_STR(read_n(3), "abc");
    CHECK(!got_line_end);
    CHECK_STR(read_n(100), "def\n");
    CHECK(got_line_end);
    CHECK_STR(read_n(100), "xy\n");
}

TEST(erase_removes_one_character_visibly)
{
    fresh();
    type("abc" DEL_KEY);
    CHECK_STR(screen, "abc\b \b");
    type("\b");                     /* backspace erases too */
    CHECK_STR(screen, "abc\b \b\b \b");
    type("\n");
    CHECK_STR(read_n(100), "a\n");
}

TEST(erase_at_line_start_does_nothing)
{
    fresh();
    type(DEL_KEY DEL_KEY);
    CHECK_STR(screen, "");
    CHECK_EQ(ldisc_pending(&ld), 0);
    type("x\n");
    CHECK_STR(read_n(100), "x\n");
}

TEST(erase_stops_at_a_completed_line)
{
    fresh();
    type("a\n" DEL_KEY);
    CHECK_STR(screen, "a\r\n");
    CHECK_STR(read_n(100), "a\n");
}

TEST(erase_without_echoe_shows_the_erase_character)
{
    fresh();
    set_lflag(0, ECHOE);
    type("ab" DEL_KEY "\n");
    CHECK_STR(screen, "ab^?\r\n");
    CHECK_STR(read_n(100), "a\n");
}

TEST(erase_of_a_control_character_takes_two_columns)
{
    fresh();
    type("x\x16\x01");              /* ^V ^A: a literal ^A, shown as "^A" */
    CHECK_STR(screen, "x^\b^A");
    clear_screen();
    type(DEL_KEY);
    CHECK_STR(screen, "\b \b\b \b");
    type("\n");
    CHECK_STR(read_n(100), "x\n");
}

TEST(erase_of_a_tab_backs_up_to_where_it_started)
{
    fresh();
    uint8_t prompt[] = "$ ";
    ldisc_write(&ld, prompt, 2);    /* the tab then goes from column 2 to 8 */
    type("\tab");
    clear_screen();
    type(DEL_KEY DEL_KEY);
    CHECK_STR(screen, "\b \b\b \b");
    clear_screen();
    type(DEL_KEY);
    CHECK_STR(screen, "\b\b\b\b\b\b");
    type("\n");
    CHECK_STR(read_n(100), "\n");
}

TEST(erase_of_a_utf8_character_with_iutf8)
{
    fresh();
    set_iflag(IUTF8, 0);
    type("a\xc3\xa9");              /* a, e-acute */
    clear_screen();
    type(DEL_KEY);
    CHECK_STR(screen, "\b \b");
    type("\n");
    CHECK_STR(read_n(100), "a\n");
}

TEST(kill_erases_the_whole_line)
{
    fresh();
    type("hello\x15");
    CHECK_STR(screen, "hello\b \b\b \b\b \b\b \b\b \b");
    CHECK_EQ(ldisc_pending(&ld), 0);
    type("x\n");
    CHECK_STR(read_n(100), "x\n");
}

TEST(kill_without_echoke_echoes_it_and_a_newline)
{
    fresh();
    set_lflag(0, ECHOKE);
    type("hi\x15");
    CHECK_STR(screen, "hi^U\r\n");
    type("yo\n");
    CHECK_STR(read_n(100), "yo\n");
}

TEST(kill_keeps_completed_lines)
{
    fresh();
    type("keep\nlose\x15");
    CHECK_STR(read_n(100), "keep\n");
    CHECK_EQ(ldisc_pending(&ld), 0);
}

TEST(word_erase_takes_the_last_word_and_trailing_blanks)
{
    fresh();
    type("echo foo  \x17");
    CHECK_STR(screen, "echo foo  \b \b\b \b\b \b\b \b\b \b");
    type("bar\n");
    CHECK_STR(read_n(100), "echo bar\n");
}

TEST(word_erase_stops_at_punctuation_before_the_word)
{
    fresh();
    type("cd /usr/bin\x17\n");
    CHECK_STR(read_n(100), "cd /usr/\n");
    type("cd /usr/\x17\n");         /* the slash, then "usr" */
    CHECK_STR(read_n(100), "cd /\n");
}

TEST(word_erase_needs_iexten)
{
    fresh();
    set_lflag(0, IEXTEN);
    type("a b\x17\n");
    CHECK_STR(read_n(100), "a b\x17\n");
}

TEST(eof_at_line_start_reads_as_end_of_file)
{
    fresh();
    type("\x04");
    CHECK_STR(screen, "");          /* ^D is not echoed */
    CHECK_EQ(ldisc_pending(&ld), 1);
    CHECK_EQ(ldisc_readable_bytes(&ld), 0);
    CHECK_STR(read_n(100), "");
    CHECK(got_line_end);
    CHECK_EQ(ldisc_pending(&ld), 0);
}

TEST(eof_mid_line_ends_the_line_without_newline)
{
    fresh();
    type("abc\x04");
    CHECK_STR(screen, "abc");
    CHECK_EQ(ldisc_pending(&ld), 3);
    CHECK_STR(read_n(100), "abc");
    CHECK(got_line_end);
    CHECK_EQ(ldisc_pending(&ld), 0);
}

TEST(eof_mid_line_read_byte_by_byte_gives_no_false_eof)
{
    fresh();
    type("ab\x04");
    CHECK_STR(read_n(1), "a");
    CHECK(!got_line_end);
    CHECK_STR(read_n(1), "b");
    CHECK(got_line_end);
    CHECK_EQ(ldisc_pending(&ld), 0);
}

TEST(eof_after_a_line_comes_after_it)
{
    fresh();
    type("abc\n\x04");
    CHECK_EQ(ldisc_readable_bytes(&ld), 4);
    CHECK_STR(read_n(100), "abc\n");
    CHECK_EQ(ldisc_pending(&ld), 1);
    CHECK_STR(read_n(100), "");
    CHECK(got_line_end);
}

TEST(veol_ends_a_line_and_is_kept)
{
    fresh();
    set_cc(VEOL, ';');
    type("a;b");
    CHECK_STR(read_n(100), "a;");
    CHECK_EQ(ldisc_pending(&ld), 0);
}

TEST(disabled_special_characters_do_not_match_nul)
{
    fresh();                        /* VEOL and VEOL2 are 0: disabled */
    set_cc(VINTR, 0);
    CHECK_EQ(type_n("\0", 1), 0);
    CHECK_EQ(ldisc_pending(&ld), 0);
    type("\n");
    CHECK_EQ(ldisc_read(&ld, (uint8_t *)got, 100, NULL), 2);
    CHECK_EQ(got[0], '\0');
    CHECK_EQ(got[1], '\n');
}

TEST(reprint_shows_the_line_again)
{
    fresh();
    type("abc\x12");
    CHECK_STR(screen, "abc^R\r\nabc");
}

/* ---- echo ---- */

TEST(echoctl_shows_control_characters_with_a_caret)
{
    fresh();
    type("\x01\t\x1b");
    CHECK_STR(screen, "^A\t^[");
    fresh();
    set_lflag(0, ECHOCTL);
    type("\x01");
    CHECK_STR(screen, "\x01");
}

TEST(no_echo_shows_nothing_but_echonl_shows_newlines)
{
    fresh();
    set_lflag(0, ECHO);
    type("secret\n");
    CHECK_STR(screen, "");
    CHECK_STR(read_n(100), "secret\n");
    set_lflag(ECHONL, 0);
    type("pw\n");
    CHECK_STR(screen, "\r\n");
}

/* ---- signals ---- */

TEST(signal_characters_ask_for_signals_and_flush)
{
    fresh();
    type("done\npartial");
    CHECK_EQ(type("\x03"), SIGINT);
    CHECK_STR(screen, "done\r\npartial^C");
    CHECK_EQ(ldisc_pending(&ld), 0);
    type("\n");
    CHECK_STR(read_n(100), "\n");   /* nothing typed before ^C is left */
    CHECK_EQ(type("\x1c"), SIGQUIT);
    CHECK_EQ(type("\x1a"), SIGTSTP);
    CHECK_STR(screen, "done\r\npartial^C\r\n^\\^Z");
}

TEST(noflsh_keeps_input_on_signals)
{
    fresh();
    set_lflag(NOFLSH, 0);
    type("ab\ncd");
    CHECK_EQ(type("\x03"), SIGINT);
    type("\n");
    CHECK_STR(read_n(100), "ab\n");
    CHECK_STR(read_n(100), "cd\n");
}

TEST(without_isig_control_c_is_a_character)
{
    fresh();
    set_lflag(0, ISIG);
    CHECK_EQ(type("\x03\n"), 0);
    CHECK_STR(read_n(100), "\x03\n");
    CHECK_STR(screen, "^C\r\n");
}

TEST(signals_work_in_raw_mode)
{
    fresh();
    set_lflag(0, ICANON);
    CHECK_EQ(type("x\x03"), SIGINT);
    CHECK_EQ(ldisc_pending(&ld), 0);
}

/* ---- literal next ---- */

TEST(literal_next_takes_special_characters_as_data)
{
    fresh();
    CHECK_EQ(type("\x16\x03"), 0);  /* no SIGINT */
    CHECK_STR(screen, "^\b^C");
    type("\x16" DEL_KEY);           /* not an erase */
    type("\x16\n");                 /* not the end of the line */
    CHECK_EQ(ldisc_pending(&ld), 0);
    type("\n");
    CHECK_STR(read_n(100), "\x03\x7f\n\n");
}

/* ---- full buffer ---- */

TEST(full_line_drops_characters_but_takes_erase_and_newline)
{
    fresh();
    set_lflag(0, ECHO);
    for (int i = 0; i < LDISC_BUF_SIZE + 10; i++)
        type("x");
    type(DEL_KEY "y" "z");          /* room for one again: y, not z */
    type("\n");
    size_t n = ldisc_read(&ld, (uint8_t *)got, sizeof got, NULL);
    CHECK_EQ(n, LDISC_BUF_SIZE);
    CHECK_EQ(got[LDISC_BUF_SIZE - 3], 'x');
    CHECK_EQ(got[LDISC_BUF_SIZE - 2], 'y');
    CHECK_EQ(got[LDISC_BUF_SIZE - 1], '\n');
    CHECK_EQ(ldisc_pending(&ld), 0);
}

TEST(full_line_can_be_killed)
{
    fresh();
    set_lflag(0, ECHO);
    for (int i = 0; i < LDISC_BUF_SIZE; i++)
        type("x");
    type("\x15ok\n");
    CHECK_STR(read_n(100), "ok\n");
}

TEST(full_buffer_rings_the_bell_with_imaxbel)
{
    fresh();
    set_lflag(0, ECHO);
    set_iflag(IMAXBEL, 0);
    for (int i = 0; i < LDISC_BUF_SIZE - 1; i++)
        type("x");
    CHECK_STR(screen, "");
    type("x");
    CHECK_STR(screen, "\a");
}

TEST(raw_mode_buffer_holds_exactly_its_size)
{
    fresh();
    set_lflag(0, ICANON | ECHO);
    for (int i = 0; i < LDISC_BUF_SIZE + 5; i++)
        type("r");
    CHECK_EQ(ldisc_pending(&ld), LDISC_BUF_SIZE);
    CHECK_EQ(ldisc_read(&ld, (uint8_t *)got, sizeof got, NULL), LDISC_BUF_SIZE);
    type("s");                      /* the ring wrapped around cleanly */
    CHECK_STR(read_n(10), "s");
}

/* ---- raw mode ---- */

TEST(raw_mode_gives_bytes_at_once)
{
    fresh();
    set_lflag(0, ICANON);
    type("ab");
    CHECK_EQ(ldisc_pending(&ld), 2);
    CHECK_STR(screen, "ab");
    type(DEL_KEY "\x04\x15");        /* no editing: all data */
    CHECK_STR(read_n(100), "ab\x7f\x04\x15");
    CHECK(!got_line_end);
}

TEST(raw_mode_still_maps_cr_with_icrnl)
{
    fresh();
    set_lflag(0, ICANON | ECHO);
    type("\r");
    CHECK_STR(read_n(10), "\n");
    set_iflag(0, ICRNL);
    type("\r");
    CHECK_STR(read_n(10), "\r");
}

TEST(raw_reads_do_not_stop_at_line_ends)
{
    fresh();
    set_lflag(0, ICANON);
    type("a\nb\n");
    CHECK_STR(read_n(100), "a\nb\n");
}

TEST(leaving_canonical_mode_makes_the_edited_line_readable)
{
    fresh();
    type("half");
    CHECK_EQ(ldisc_pending(&ld), 0);
    set_lflag(0, ICANON);
    CHECK_EQ(ldisc_pending(&ld), 4);
    CHECK_STR(read_n(100), "half");
}

TEST(entering_canonical_mode_makes_raw_input_one_line)
{
    fresh();
    set_lflag(0, ICANON);
    type("raw");
    set_lflag(ICANON, 0);
    type("next\n");
    CHECK_STR(read_n(100), "raw");
    CHECK(got_line_end);
    CHECK_STR(read_n(100), "next\n");
}

TEST(raw_readers_skip_end_of_file_marks)
{
    fresh();
    type("\x04");
    set_lflag(0, ICANON);
    type("z");
    CHECK_STR(read_n(100), "z");
}

/* ---- input flags ---- */

TEST(igncr_drops_and_inlcr_maps)
{
    fresh();
    set_iflag(IGNCR, 0);
    type("a\rb\n");
    CHECK_STR(read_n(100), "ab\n");
    fresh();
    set_lflag(0, ICANON);
    set_iflag(INLCR, ICRNL);
    type("\n");
    CHECK_STR(read_n(100), "\r");
}

TEST(istrip_clears_the_eighth_bit)
{
    fresh();
    set_iflag(ISTRIP, 0);
    set_lflag(0, ICANON);
    type("\xc1");
    CHECK_STR(read_n(10), "A");
}

TEST(cread_off_ignores_input)
{
    fresh();
    struct termios t = ld.termios;
    t.c_cflag &= ~(tcflag_t)CREAD;
    ldisc_set_termios(&ld, &t);
    CHECK_EQ(type("a\n\x03"), 0);
    CHECK_EQ(ldisc_pending(&ld), 0);
}

TEST(ixon_stop_and_start_are_not_input)
{
    fresh();
    type("\x13");
    CHECK(ld.stopped);
    type("a");
    CHECK(ld.stopped);              /* no IXANY: only START resumes */
    type("\x11");
    CHECK(!ld.stopped);
    type("\n");
    CHECK_STR(read_n(100), "a\n");
    set_iflag(IXANY, 0);
    type("\x13" "b");
    CHECK(!ld.stopped);
    set_iflag(0, IXON);
    type("\x13\n");
    CHECK(!ld.stopped);
    CHECK_STR(read_n(100), "b\x13\n");
}

TEST(signal_character_resumes_stopped_output)
{
    fresh();
    type("\x13");
    CHECK(ld.stopped);
    CHECK_EQ(type("\x03"), SIGINT);
    CHECK(!ld.stopped);
}

/* ---- output ---- */

static void write_str(const char *s)
{
    ldisc_write(&ld, (const uint8_t *)s, strlen(s));
}

TEST(output_turns_newline_into_crlf)
{
    fresh();
    write_str("a\nb\n");
    CHECK_STR(screen, "a\r\nb\r\n");
}

TEST(output_without_opost_is_untouched)
{
    fresh();
    set_oflag(0, OPOST);
    write_str("a\nb\r");
    CHECK_STR(screen, "a\nb\r");
}

TEST(output_flags_ocrnl_onocr_olcuc)
{
    fresh();
    set_oflag(OCRNL, ONLCR);
    write_str("a\r");
    CHECK_STR(screen, "a\n");
    fresh();
    set_oflag(ONOCR, 0);
    write_str("\rab\r");            /* the first CR is at column 0: dropped */
    CHECK_STR(screen, "ab\r");
    fresh();
    set_oflag(OLCUC, 0);
    write_str("Hi!");
    CHECK_STR(screen, "HI!");
}

TEST(flush_discards_everything_typed)
{
    fresh();
    type("line\nhalf");
    ldisc_flush_input(&ld);
    CHECK_EQ(ldisc_pending(&ld), 0);
    type("new\n");
    CHECK_STR(read_n(100), "new\n");
}
