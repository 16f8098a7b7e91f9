/*
 * Argument generators of the fuzzer (part of /tests/fuzz, see fuzz.c).
 * Each kind of argument mixes values a correct program would pass (the
 * worker's descriptors, its memory, paths that exist) with the values a
 * kernel must survive: unmapped and kernel addresses, pointers that run
 * into a guard page, huge and negative lengths, strings without an end.
 */
#ifndef TESTS_FUZZ_ARGS_H
#define TESTS_FUZZ_ARGS_H

#include "fuzz_world.h"

enum kind {
    A_NONE,         /* unused argument: random */
    A_FD,           /* a descriptor */
    A_PATH,         /* a string, mostly a path */
    A_PTR,          /* a buffer or structure the kernel reads or writes */
    A_LEN,          /* a size */
    A_INT,          /* flags, modes, commands, offsets */
    A_PID,          /* a process to signal: never init or another worker */
    A_WPID,         /* a process to wait for */
    A_SIG,          /* a signal number */
    A_ADDR,         /* an address for munmap, mprotect, MAP_FIXED... */
    A_BRK,          /* a program break */
    A_ANY,          /* any of the above */
};

#define KERNEL_BASE 0xc0000000u

/* A pointer the kernel must refuse (or, for text, refuse to write). */
static long bad_pointer(void)
{
    extern char _start[];
    static const uint32_t fixed[] = {
        0, 1, 0x1000, 0x0fff, KERNEL_BASE, KERNEL_BASE + 0x100000, 0xc0400000,
        0xfffff000, 0xffffffff, 0xbffffffc, 0x7ffffffe,
    };
    switch (below(5)) {
    case 0:
        return (long)PICK(fixed);
    case 1:
        return (long)(W.scratch + SCRATCH_SIZE - 1 - below(16));  /* runs into the guard */
    case 2:
        return (long)(W.scratch - PAGE + below(PAGE));             /* the guard itself */
    case 3:
        return (long)_start + (long)below(256);                    /* read-only code */
    default:
        return (long)rng();
    }
}

static long arg_fd(void)
{
    static const long odd[] = {-1, -100 /* AT_FDCWD */, 10, 63, 64, 255, 256, 1024,
                               0x7fffffff, -2147483647 - 1};
    return one_in(4) ? PICK(odd) : (long)below(NFDS);
}

static long arg_path(void)
{
    switch (below(16)) {
    case 0:
        return (long)W.long_path;
    case 1:
        return (long)W.long_name;
    case 2:
        return (long)W.unterminated;
    case 3:
        return bad_pointer();
    case 4:
        return (long)(W.scratch + below(RANDOM_PART));      /* random bytes */
    default:
        return (long)some_path();
    }
}

static long arg_ptr(void)
{
    static const int structures[] = {S_IOV, S_TIME, S_TIME + 8, S_TIME + 16, S_TIME + 24,
                                     S_TIME + 32, S_POLL, S_SIGACT, S_ARGV, S_FDSET,
                                     S_MMAP, S_INTS};
    uint32_t r = below(20);
    if (r < 8)
        return (long)(W.scratch + (below(RANDOM_PART) & ~3u));
    if (r < 13)
        return (long)(W.scratch + PICK(structures));
    if (r < 14)
        return (long)(W.play + below(PLAY_SIZE));
    if (r < 15)
        return (long)W.strings;                 /* readable, not writable */
    return bad_pointer();
}

static long arg_len(void)
{
    static const long lens[] = {0, 1, 2, 3, 4, 8, 16, 64, 255, 256, 512, 4095, 4096,
                                4097, 8192, 65536, 0x7fffffff, (long)0x80000000u, -1, -4096,
                                0x10000000, PLAY_SIZE};
    return one_in(3) ? (long)below(one_in(2) ? 100 : 10000) : PICK(lens);
}

static long arg_int(void)
{
    static const long ints[] = {0, 0, 1, 2, 3, 4, 5, 8, 16, 0x7f, 0xff, 0x1ff, 0x8000,
                                0xffff, 0x7fffffff, (long)0x80000000u, -1, -2, -4095};
    switch (below(4)) {
    case 0:
        return (long)(1u << below(32)) | (long)(1u << below(32));   /* two flag bits */
    case 1:
        return (long)below(64);
    case 2:
        return one_in(4) ? (long)rng() : (long)(rng() & 0x3ffff);
    default:
        return PICK(ints);
    }
}

/* Mostly nobody; sometimes itself or its own group (0 or -pid); never
 * init (1), everyone (-1) or another worker. */
static long arg_pid(void)
{
    static const long nobody[] = {99999, -99999, 0x7fffffff, -2147483647 - 1, 32768};
    switch (below(8)) {
    case 0:
        return 0;
    case 1:
        return W.pid;
    case 2:
        return -W.pid;
    default:
        return PICK(nobody);
    }
}

static long arg_wpid(void)
{
    return one_in(2) ? -1 : arg_pid();
}

/* Half the time a signal whose default action is not to end the worker
 * (0 only checks), so that batches last. */
static long arg_sig(void)
{
    static const long mild[] = {0, SIGCHLD, SIGURG, SIGWINCH, SIGCONT, SIGALRM};
    static const long odd[] = {-1, 65, 0x7fffffff, 1000};
    if (one_in(2))
        return PICK(mild);
    return one_in(10) ? PICK(odd) : (long)below(65);
}

static long arg_addr(void)
{
    static const uint32_t fixed[] = {0, KERNEL_BASE, 0xfffff000, 0xbffff000, 0x1000};
    switch (below(8)) {
    case 0:
        return (long)PICK(fixed);
    case 1:
        return (long)rng();
    case 2:
        return (long)(W.play + below(PLAY_SIZE));           /* unaligned */
    default:
        return (long)(W.play + below(PLAY_SIZE / PAGE) * PAGE);
    }
}

static long arg_brk(void)
{
    long now = syscall(__NR_brk, 0);
    static const long odd[] = {0, KERNEL_BASE, (long)0xfffff000u, 0x08048000, 0x1000};
    switch (below(3)) {
    case 0:
        return PICK(odd);
    case 1:
        return now - (long)below(64 * 1024);
    default:
        return now + (long)below(one_in(8) ? 0x10000000 : 256 * 1024);
    }
}

static long arg_of(enum kind k);

static long arg_any(void)
{
    static const enum kind kinds[] = {A_FD, A_PATH, A_PTR, A_LEN, A_INT, A_SIG};
    return arg_of(PICK(kinds));
}

static long arg_of(enum kind k)
{
    switch (k) {
    case A_FD: return arg_fd();
    case A_PATH: return arg_path();
    case A_PTR: return arg_ptr();
    case A_LEN: return arg_len();
    case A_INT: return arg_int();
    case A_PID: return arg_pid();
    case A_WPID: return arg_wpid();
    case A_SIG: return arg_sig();
    case A_ADDR: return arg_addr();
    case A_BRK: return arg_brk();
    case A_ANY: return arg_any();
    default: return (long)rng();
    }
}

#endif
