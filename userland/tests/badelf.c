/*
 * execve of files that are not runnable programs fails with Linux's errno
 * and leaves the caller exactly as it was: memory, break, descriptors and
 * signal handlers.  The bad ELF files are copies of /tests/hello with one
 * field changed; the unchanged copy runs, so each failure is the field's.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <sys/stat.h>

#include "t.h"

/* Offsets in an ELF32 file header and in a program header. */
#define EI_DATA 5
#define EI_VERSION 6
#define E_VERSION 20
#define E_PHOFF 28
#define E_PHNUM 44
#define P_TYPE 0
#define P_VADDR 8
#define P_FILESZ 16
#define P_MEMSZ 20
#define P_FLAGS 24
#define PT_LOAD 1
#define PF_W 2

static unsigned char elf[65536], bad[65536];   /* /tests/hello, whole */
static size_t elf_size;

static void handler(int sig) { (void)sig; }

static void make_file(const char *path, const void *data, size_t n, int mode)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
    CHECK(fd >= 0);
    CHECK_EQ(write(fd, data, n), (long)n);
    close(fd);
    chmod(path, mode);
}

static void expect(const char *path, int err)
{
    char *argv[] = {(char *)path, NULL};
    errno = 0;
    int r = execve(path, argv, environ);
    printf("%-22s -> %s\n", path, strerror(errno));
    CHECK(r == -1);
    CHECK_EQ(errno, err);
}

static uint32_t get32(const unsigned char *b, size_t at)
{
    uint32_t v;
    memcpy(&v, b + at, 4);
    return v;
}

static void put32(unsigned char *b, size_t at, uint32_t v)
{
    memcpy(b + at, &v, 4);
}

/* A fresh copy of the good image to change one field of. */
static unsigned char *mutant(void)
{
    memcpy(bad, elf, elf_size);
    return bad;
}

/* Where the program header of the writable PT_LOAD (data, bss) is. */
static size_t data_phdr(void)
{
    size_t phoff = get32(elf, E_PHOFF);
    int phnum = elf[E_PHNUM] | elf[E_PHNUM + 1] << 8;
    for (int i = 0; i < phnum; i++) {
        size_t at = phoff + 32 * (size_t)i;
        if (get32(elf, at + P_TYPE) == PT_LOAD && (get32(elf, at + P_FLAGS) & PF_W))
            return at;
    }
    CHECK(!"a writable PT_LOAD in /tests/hello");
    return 0;
}

/* The unchanged copy is a program: /tests/hello exits with its argument. */
static void good_copy_runs(void)
{
    make_file("/tmp/good", elf, elf_size, 0755);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char *argv[] = {"/tmp/good", "7", NULL};
        execve(argv[0], argv, environ);
        _exit(99);
    }
    int status;
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 7);
}

/* One field changed per file, each a reason for ENOEXEC.  Linux itself
 * checks only the magic, type and machine before its point of no return:
 * it runs a file with a wrong byte order or version, and kills the caller
 * (EINVAL, ENOMEM) for a bad PT_LOAD; Cowix checks it all beforehand. */
static void make_mutants(void)
{
    size_t ph = data_phdr();
    uint32_t vaddr = get32(elf, ph + P_VADDR), filesz = get32(elf, ph + P_FILESZ);
    mutant()[EI_DATA] = 2;                          /* big-endian */
    make_file("/tmp/byteorder", bad, elf_size, 0755);
    mutant()[EI_VERSION] = 0;
    make_file("/tmp/identversion", bad, elf_size, 0755);
    put32(mutant(), E_VERSION, 0);
    make_file("/tmp/version", bad, elf_size, 0755);
    put32(mutant(), ph + P_MEMSZ, filesz - 1);      /* more file than memory */
    make_file("/tmp/filesz", bad, elf_size, 0755);
    put32(mutant(), ph + P_VADDR, 0xc0000000u | (vaddr & 0xfff));
    make_file("/tmp/kernel", bad, elf_size, 0755);
    put32(mutant(), ph + P_VADDR, 0xbffff000u | (vaddr & 0xfff));
    put32(bad, ph + P_MEMSZ, 0x2000);               /* ends above 0xc0000000 */
    make_file("/tmp/kernel_end", bad, elf_size, 0755);
    put32(mutant(), ph + P_MEMSZ, 0xfffff000u);     /* vaddr + memsz wraps */
    make_file("/tmp/wrap", bad, elf_size, 0755);
    put32(mutant(), E_PHOFF, (uint32_t)elf_size + 64);
    make_file("/tmp/phoff", bad, elf_size, 0755);
    put32(mutant(), E_PHOFF, (uint32_t)elf_size - 16);
    make_file("/tmp/phoff_tail", bad, elf_size, 0755);
}

int main(void)
{
    int marker = 12345;
    char *heap = malloc(100);
    strcpy(heap, "still here");
    void *brk_before = sbrk(0);
    signal(SIGUSR1, handler);
    int fd = open("/etc/motd", O_RDONLY);
    CHECK(fd >= 0);

    int h = open("/tests/hello", O_RDONLY);
    CHECK(h >= 0);
    elf_size = (size_t)read_all(h, (char *)elf, sizeof elf - 1);
    CHECK(elf_size > 4096 && elf_size < sizeof elf - 1);
    close(h);
    good_copy_runs();
    make_mutants();

    make_file("/tmp/text", "just some words\n", 16, 0755);
    make_file("/tmp/empty", "", 0, 0755);
    make_file("/tmp/short", elf, 30, 0755);
    mutant()[18] = 62;                              /* machine: x86-64 */
    make_file("/tmp/machine", bad, elf_size, 0755);
    mutant()[4] = 2;                                /* 64-bit class */
    make_file("/tmp/class", bad, elf_size, 0755);
    memset(mutant() + 52, 0xff, 64);                /* program headers garbage */
    make_file("/tmp/phdrs", bad, elf_size, 0755);
    make_file("/tmp/noexec", elf, elf_size, 0644);
    make_file("/tmp/loop.sh", "#!/tmp/loop.sh\n", 15, 0755);
    make_file("/tmp/nointerp.sh", "#!/no/such/shell\n", 17, 0755);

    expect("/tmp/text", ENOEXEC);
    expect("/tmp/empty", ENOEXEC);
    expect("/tmp/short", ENOEXEC);
    expect("/tmp/machine", ENOEXEC);
    expect("/tmp/class", ENOEXEC);
    expect("/tmp/phdrs", ENOEXEC);
    expect("/tmp/byteorder", ENOEXEC);
    expect("/tmp/identversion", ENOEXEC);
    expect("/tmp/version", ENOEXEC);
    expect("/tmp/filesz", ENOEXEC);
    expect("/tmp/kernel", ENOEXEC);
    expect("/tmp/kernel_end", ENOEXEC);
    expect("/tmp/wrap", ENOEXEC);
    expect("/tmp/phoff", ENOEXEC);
    expect("/tmp/phoff_tail", ENOEXEC);
    expect("/tmp/noexec", EACCES);
    expect("/tmp", EACCES);
    expect("/no/such/file", ENOENT);
    expect("/tmp/loop.sh", ELOOP);
    expect("/tmp/nointerp.sh", ENOENT);

    CHECK_EQ(marker, 12345);
    CHECK(strcmp(heap, "still here") == 0);
    CHECK(sbrk(0) == brk_before);
    CHECK(fcntl(fd, F_GETFD) >= 0);
    struct sigaction sa;
    CHECK(sigaction(SIGUSR1, NULL, &sa) == 0 && sa.sa_handler == handler);
    const char *names[] = {"text", "empty", "short", "machine", "class", "phdrs", "noexec",
                           "loop.sh", "nointerp.sh", "good", "byteorder", "identversion",
                           "version", "filesz", "kernel", "kernel_end", "wrap", "phoff",
                           "phoff_tail"};
    for (unsigned i = 0; i < sizeof names / sizeof *names; i++) {
        char path[64];
        snprintf(path, sizeof path, "/tmp/%s", names[i]);
        CHECK(unlink(path) == 0);
    }
    pass("badelf");
    return 0;
}
