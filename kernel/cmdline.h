/*
 * The kernel command line, parsed in one place.  Words:
 *   ktest            run every in-kernel self-test, then power off
 *   ktest=NAME       run one self-test (also the ones not run by default)
 *   init=PATH        first program (default /sbin/init)
 *   quantum=MS       scheduler time slice, 1-1000 ms (default 10)
 *   tick=MS / hz=N   timer period, 1-54 ms (default 1 ms = 1000 Hz)
 *   strace=1         log each unimplemented system call number once
 *   -- ARGS...       everything after "--" is passed to init as argv[1..]
 * QEMU's -kernel puts the kernel's path first; GRUB gives only the
 * arguments: a first word that looks like a path is skipped.
 */
#ifndef KERNEL_CMDLINE_H
#define KERNEL_CMDLINE_H

#include <stdbool.h>

#define CMDLINE_MAX_INIT_ARGS 8
#define CMDLINE_WORD_MAX 128

struct boot_options {
    bool ktest;
    char ktest_name[64];            /* empty: run all default tests */
    char init[CMDLINE_WORD_MAX];
    int quantum_ms;
    int tick_ms;
    bool strace;
    int init_argc;                  /* words after "--" */
    char init_argv[CMDLINE_MAX_INIT_ARGS][CMDLINE_WORD_MAX];
};

/* Called once per problem found (unknown word, bad value), with a message. */
typedef void (*cmdline_warn_fn)(const char *msg);

/* Fill `opt` with defaults, then apply the words of `line` (may be NULL).
 * Returns the number of problems reported through `warn`. */
int cmdline_parse(const char *line, struct boot_options *opt, cmdline_warn_fn warn);

#endif
