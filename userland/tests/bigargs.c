/*
 * execve with large argument and environment lists: the new program finds
 * every string in place, the auxiliary vector Linux provides, and a stack
 * 16-byte aligned at argc; beyond 256 KiB of strings execve fails with
 * -E2BIG and the caller goes on.  The new image's memory is checked too:
 * the data page's tail past the file's bytes is zero, the break starts at
 * the page after the last segment.
 */
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/auxv.h>

#include "t.h"

#define NARGS 1500
#define NENV 300
#define NR_BRK 45
#define PT_LOAD 1
#define PF_W 2

extern char **environ;
extern char _end[];                 /* the linker's end of .bss */

/* Filled in by the parent only: zero in the exec'd image, where they lie
 * at the start of .bss (this file's .bss is linked first). */
static char *args[NARGS + 1], *env[NENV + 1], *huge[301];

struct phdr {
    uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

static uintptr_t page_up(uintptr_t a)
{
    return (a + 4095) & ~(uintptr_t)4095;
}

/* An entry of the auxiliary vector, which follows the environment. */
static bool aux(unsigned long type, unsigned long *value)
{
    char **e = environ;
    while (*e)
        e++;
    for (unsigned long *a = (unsigned long *)(e + 1); a[0] != AT_NULL; a += 2) {
        if (a[0] == type) {
            *value = a[1];
            return true;
        }
    }
    return false;
}

static void check_aux(unsigned long type, unsigned long want)
{
    unsigned long v = ~0ul;
    CHECK(aux(type, &v));
    CHECK_EQ(v, want);
}

/* The writable PT_LOAD: .data, then .bss. */
static const struct phdr *data_segment(void)
{
    const struct phdr *ph = (const struct phdr *)getauxval(AT_PHDR);
    for (unsigned long i = 0; i < getauxval(AT_PHNUM); i++)
        if (ph[i].type == PT_LOAD && (ph[i].flags & PF_W))
            return &ph[i];
    CHECK(!"a writable PT_LOAD");
    return NULL;
}

static uintptr_t lowest(uintptr_t a, uintptr_t b) { return a < b ? a : b; }
static uintptr_t highest(uintptr_t a, uintptr_t b) { return a > b ? a : b; }

/* The last file page of the data segment holds the file's next bytes (the
 * symbol table) past p_filesz: in memory they must be zeros.  Only the
 * three arrays above live there, untouched in this image. */
static void check_data_tail(const struct phdr *data)
{
    uintptr_t from = data->vaddr + data->filesz, to = page_up(from);
    uintptr_t lo = lowest((uintptr_t)args, lowest((uintptr_t)env, (uintptr_t)huge));
    uintptr_t hi = highest((uintptr_t)(args + NARGS + 1),
                           highest((uintptr_t)(env + NENV + 1), (uintptr_t)(huge + 301)));
    CHECK(lo >= from && lo - from < 32 && hi >= to);
    unsigned char file[4096];
    int fd = open("/proc/self/exe", O_RDONLY);
    CHECK(fd >= 0);
    CHECK(lseek(fd, data->offset + data->filesz, SEEK_SET) >= 0);
    long n = read(fd, file, to - from);     /* the file may end first */
    close(fd);
    CHECK(n > 0);
    int file_nonzero = 0;
    for (long i = 0; i < n; i++)
        file_nonzero += file[i] != 0;
    CHECK(file_nonzero > 100);      /* a loader copying whole pages shows */
    for (uintptr_t a = from; a < to; a++)
        CHECK_EQ(*(unsigned char *)a, 0);
}

static int check_self(int argc, char **argv)
{
    uintptr_t brk = (uintptr_t)raw(NR_BRK, 0, 0, 0);    /* before any malloc */
    const struct phdr *data = data_segment();
    CHECK_EQ(brk, page_up(data->vaddr + data->memsz));
    CHECK_EQ(brk, page_up((uintptr_t)_end));
    check_data_tail(data);
    CHECK_EQ(argc, NARGS);
    for (int i = 1; i < argc; i++) {
        char want[128];
        snprintf(want, sizeof want, "argument-%04d-%s", i, "x........................................................................");
        CHECK(strcmp(argv[i], want) == 0);
    }
    int nenv = 0;
    for (char **e = environ; *e; e++)
        if (!strncmp(*e, "BIG", 3))
            nenv++;
    CHECK_EQ(nenv, NENV);
    CHECK_EQ(getauxval(AT_PAGESZ), 4096);
    CHECK(getauxval(AT_RANDOM) != 0);
    CHECK(getauxval(AT_PHDR) != 0 && getauxval(AT_PHNUM) > 0);
    CHECK(getauxval(AT_ENTRY) != 0);
    CHECK(getauxval(AT_EXECFN) && strcmp((char *)getauxval(AT_EXECFN), "/tests/bigargs") == 0);
    check_aux(AT_PHENT, 32);
    check_aux(AT_UID, 0);
    check_aux(AT_EUID, 0);
    check_aux(AT_GID, 0);
    check_aux(AT_EGID, 0);
    /* argc sits right below argv: its address is 16-byte aligned. */
    CHECK((((unsigned long)argv - 4) & 15) == 0);
    printf("new image: %d args, %d big env vars, auxv and alignment right\n", argc, nenv);
    printf("new image: data tail zero, brk at %#lx = page after the end\n", (unsigned long)brk);
    pass("bigargs");
    return 0;
}

int main(int argc, char **argv)
{
    if (argc > 1)
        return check_self(argc, argv);
    args[0] = "/tests/bigargs";
    for (int i = 1; i < NARGS; i++) {
        args[i] = malloc(128);
        snprintf(args[i], 128, "argument-%04d-%s", i, "x........................................................................");
    }
    for (int i = 0; i < NENV; i++) {
        env[i] = malloc(64);
        snprintf(env[i], 64, "BIG%03d=value-%d", i, i);
    }
    /* Too much: 300 strings of 1000 bytes = 300 KB > 256 KiB. */
    for (int i = 0; i < 300; i++) {
        huge[i] = malloc(1000);
        memset(huge[i], 'h', 999);
        huge[i][999] = 0;
    }
    CHECK(execve("/tests/bigargs", huge, env) == -1 && errno == E2BIG);
    printf("300 KB of arguments: E2BIG, caller intact\n");
    fflush(stdout);
    execve("/tests/bigargs", args, env);
    printf("execve failed: %s\n", strerror(errno));
    return 1;
}
