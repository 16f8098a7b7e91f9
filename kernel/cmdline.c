/*
 * Parsing of the kernel command line into struct boot_options.  Pure C
 * (host unit-tested): every bad word is reported through a callback and
 * leaves the default in place, so a typo never stops the boot.
 */
#include "kernel/cmdline.h"

#include "kernel/format.h"
#include "kernel/string.h"

static void defaults(struct boot_options *o)
{
    memset(o, 0, sizeof *o);
    strlcpy(o->init, "/sbin/init", sizeof o->init);
    o->quantum_ms = 10;
    o->tick_ms = 1;
}

/* Next space-separated word of *p into buf; returns its length (0 = end). */
static int next_word(const char **p, char *buf, int size, int *too_long)
{
    const char *s = *p;
    while (*s == ' ' || *s == '\t' || *s == '\n')
        s++;
    int n = 0;
    *too_long = 0;
    while (*s && *s != ' ' && *s != '\t' && *s != '\n') {
        if (n < size - 1)
            buf[n++] = *s;
        else
            *too_long = 1;
        s++;
    }
    buf[n] = 0;
    *p = s;
    return n;
}

/* Decimal in [lo, hi]; -1 when not a number or out of range. */
static int parse_int(const char *s, int lo, int hi)
{
    long v = 0;
    if (!*s)
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9' || v > 100000)
            return -1;
        v = v * 10 + (*s - '0');
    }
    return v >= lo && v <= hi ? (int)v : -1;
}

static bool looks_like_kernel_path(const char *w)
{
    if (strchr(w, '='))
        return false;
    size_t n = strlen(w);
    return strchr(w, '/') || (n > 4 && strcmp(w + n - 4, ".elf") == 0);
}

static int warn_word(cmdline_warn_fn warn, const char *what, const char *word)
{
    char msg[192];
    ksnprintf(msg, sizeof msg, "cmdline: %s '%s' ignored", what, word);
    if (warn)
        warn(msg);
    return 1;
}

static int set_int(int *dst, const char *word, const char *val, int lo, int hi,
                   cmdline_warn_fn warn)
{
    int v = parse_int(val, lo, hi);
    if (v < 0)
        return warn_word(warn, "value out of range in", word);
    *dst = v;
    return 0;
}

/* hz=N is accepted when it is a whole number of milliseconds. */
static int set_hz(struct boot_options *o, const char *word, const char *val,
                  cmdline_warn_fn warn)
{
    int hz = parse_int(val, 1, 1000);
    if (hz < 0 || 1000 % hz != 0 || 1000 / hz > 54)
        return warn_word(warn, "unsupported timer rate in", word);
    o->tick_ms = 1000 / hz;
    return 0;
}

static int apply_word(struct boot_options *o, const char *w, cmdline_warn_fn warn)
{
    const char *eq = strchr(w, '=');
    const char *val = eq ? eq + 1 : "";
    size_t klen = eq ? (size_t)(eq - w) : strlen(w);
    if (klen == 5 && !strncmp(w, "ktest", 5)) {
        o->ktest = true;
        strlcpy(o->ktest_name, val, sizeof o->ktest_name);
        return 0;
    }
    if (eq && klen == 4 && !strncmp(w, "init", 4)) {
        if (val[0] != '/')
            return warn_word(warn, "init must be an absolute path:", w);
        strlcpy(o->init, val, sizeof o->init);
        return 0;
    }
    if (eq && klen == 7 && !strncmp(w, "quantum", 7))
        return set_int(&o->quantum_ms, w, val, 1, 1000, warn);
    if (eq && klen == 4 && !strncmp(w, "tick", 4))
        return set_int(&o->tick_ms, w, val, 1, 54, warn);
    if (eq && klen == 2 && !strncmp(w, "hz", 2))
        return set_hz(o, w, val, warn);
    if (klen == 6 && !strncmp(w, "strace", 6)) {
        o->strace = !eq || strcmp(val, "0") != 0;
        return 0;
    }
    return warn_word(warn, "unknown word", w);
}

int cmdline_parse(const char *line, struct boot_options *o, cmdline_warn_fn warn)
{
    char w[CMDLINE_WORD_MAX];
    int problems = 0, too_long, first = 1, after_dashes = 0;
    defaults(o);
    if (!line)
        return 0;
    while (next_word(&line, w, sizeof w, &too_long)) {
        if (too_long) {
            problems += warn_word(warn, "word too long:", w);
        } else if (after_dashes) {
            if (o->init_argc < CMDLINE_MAX_INIT_ARGS)
                strlcpy(o->init_argv[o->init_argc++], w, CMDLINE_WORD_MAX);
            else
                problems += warn_word(warn, "too many init arguments:", w);
        } else if (!strcmp(w, "--")) {
            after_dashes = 1;
        } else if (!(first && looks_like_kernel_path(w))) {
            problems += apply_word(o, w, warn);
        }
        first = 0;
    }
    return problems;
}
