/*
 * Auxiliary vector keys: the (key, value) pairs the kernel puts on a new
 * process's stack after the environment pointers, ended by AT_NULL.
 */
#ifndef UAPI_AUXV_H
#define UAPI_AUXV_H

#define AT_NULL           0     /* end of the vector */
#define AT_IGNORE         1
#define AT_EXECFD         2
#define AT_PHDR           3     /* address of the program headers */
#define AT_PHENT          4     /* size of one program header */
#define AT_PHNUM          5     /* number of program headers */
#define AT_PAGESZ         6     /* page size */
#define AT_BASE           7     /* interpreter base (0: none) */
#define AT_FLAGS          8
#define AT_ENTRY          9     /* program entry point */
#define AT_NOTELF        10
#define AT_UID           11
#define AT_EUID          12
#define AT_GID           13
#define AT_EGID          14
#define AT_PLATFORM      15     /* address of a string, "i686" */
#define AT_HWCAP         16
#define AT_CLKTCK        17     /* times() ticks per second */
#define AT_SECURE        23
#define AT_BASE_PLATFORM 24
#define AT_RANDOM        25     /* address of 16 random bytes */
#define AT_HWCAP2        26
#define AT_EXECFN        31     /* address of the file name executed */
#define AT_SYSINFO       32
#define AT_SYSINFO_EHDR  33
#define AT_MINSIGSTKSZ   51

#endif
