/*
 * Command-line parsing: both loaders' forms, every option, and the
 * warnings for words that are wrong.
 */
#include "unit.h"

#include <string.h>

#include "kernel/cmdline.c"
#include "kernel/format.c"

static char last_warning[256];
static int warnings;

static void record(const char *msg)
{
    snprintf(last_warning, sizeof last_warning, "%s", msg);
    warnings++;
}

static int parse(const char *line, struct boot_options *o)
{
    warnings = 0;
    last_warning[0] = 0;
    return cmdline_parse(line, o, record);
}

TEST(cmdline_defaults)
{
    struct boot_options o;
    CHECK_EQ(parse(NULL, &o), 0);
    CHECK_STR(o.init, "/sbin/init");
    CHECK_EQ(o.quantum_ms, 10);
    CHECK_EQ(o.tick_ms, 1);
    CHECK(!o.ktest);
    CHECK(!o.strace);
    CHECK_EQ(parse("", &o), 0);
    CHECK_EQ(parse("   ", &o), 0);
}

TEST(cmdline_qemu_form_skips_kernel_path)
{
    struct boot_options o;
    CHECK_EQ(parse("build/kernel.elf ktest quantum=5", &o), 0);
    CHECK(o.ktest);
    CHECK_STR(o.ktest_name, "");
    CHECK_EQ(o.quantum_ms, 5);
    CHECK_EQ(parse("/boot/kernel.elf init=/bin/sh", &o), 0);
    CHECK_STR(o.init, "/bin/sh");
}

TEST(cmdline_grub_form_args_only)
{
    struct boot_options o;
    CHECK_EQ(parse("ktest=frame_alloc strace=1 tick=10", &o), 0);
    CHECK(o.ktest);
    CHECK_STR(o.ktest_name, "frame_alloc");
    CHECK(o.strace);
    CHECK_EQ(o.tick_ms, 10);
}

TEST(cmdline_hz)
{
    struct boot_options o;
    CHECK_EQ(parse("hz=100", &o), 0);
    CHECK_EQ(o.tick_ms, 10);
    CHECK_EQ(parse("hz=300", &o), 1);
    CHECK_EQ(o.tick_ms, 1);
    CHECK_EQ(parse("hz=10", &o), 1);    /* 100 ms: beyond the PIT's 54 */
}

TEST(cmdline_bad_values_keep_defaults)
{
    struct boot_options o;
    CHECK_EQ(parse("quantum=0 tick=55 quantum=abc init=relative", &o), 4);
    CHECK_EQ(o.quantum_ms, 10);
    CHECK_EQ(o.tick_ms, 1);
    CHECK_STR(o.init, "/sbin/init");
    CHECK(strstr(last_warning, "init=relative") != NULL);
}

TEST(cmdline_unknown_word_reported)
{
    struct boot_options o;
    CHECK_EQ(parse("kernel.elf frobnicate ktest", &o), 1);
    CHECK(strstr(last_warning, "unknown word 'frobnicate'") != NULL);
    CHECK(o.ktest);
}

TEST(cmdline_init_args_after_dashes)
{
    struct boot_options o;
    CHECK_EQ(parse("init=/tests/run -- alpha beta=1 --", &o), 0);
    CHECK_EQ(o.init_argc, 3);
    CHECK_STR(o.init_argv[0], "alpha");
    CHECK_STR(o.init_argv[1], "beta=1");
    CHECK_STR(o.init_argv[2], "--");
}

TEST(cmdline_long_word_rejected)
{
    struct boot_options o;
    char line[400] = "init=/";
    memset(line + 6, 'a', 300);
    line[306] = 0;
    CHECK_EQ(parse(line, &o), 1);
    CHECK_STR(o.init, "/sbin/init");
}
