/*
 * execve of files that are not runnable programs fails with Linux's errno
 * and leaves the caller exactly as it was: memory, break, descriptors and
 * signal handlers.
 */
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>

#include "t.h"

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

int main(void)
{
    int marker = 12345;
    char *heap = malloc(100);
    strcpy(heap, "still here");
    void *brk_before = sbrk(0);
    signal(SIGUSR1, handler);
    int fd = open("/etc/motd", O_RDONLY);
    CHECK(fd >= 0);

    /* A real ELF header to mutate: the start of /tests/hello. */
    static unsigned char elf[4096];
    int h = open("/tests/hello", O_RDONLY);
    CHECK(h >= 0 && read(h, elf, sizeof elf) == sizeof elf);
    close(h);

    make_file("/tmp/text", "just some words\n", 16, 0755);
    make_file("/tmp/empty", "", 0, 0755);
    make_file("/tmp/short", elf, 30, 0755);
    unsigned char bad[4096];
    memcpy(bad, elf, sizeof bad);
    bad[18] = 62;                                   /* machine: x86-64 */
    make_file("/tmp/machine", bad, sizeof bad, 0755);
    memcpy(bad, elf, sizeof bad);
    bad[4] = 2;                                     /* 64-bit class */
    make_file("/tmp/class", bad, sizeof bad, 0755);
    memcpy(bad, elf, sizeof bad);
    memset(bad + 52, 0xff, 64);                     /* program headers garbage */
    make_file("/tmp/phdrs", bad, sizeof bad, 0755);
    make_file("/tmp/noexec", elf, sizeof elf, 0644);
    make_file("/tmp/loop.sh", "#!/tmp/loop.sh\n", 15, 0755);
    make_file("/tmp/nointerp.sh", "#!/no/such/shell\n", 17, 0755);

    expect("/tmp/text", ENOEXEC);
    expect("/tmp/empty", ENOEXEC);
    expect("/tmp/short", ENOEXEC);
    expect("/tmp/machine", ENOEXEC);
    expect("/tmp/class", ENOEXEC);
    expect("/tmp/phdrs", ENOEXEC);
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
                           "loop.sh", "nointerp.sh"};
    for (unsigned i = 0; i < sizeof names / sizeof *names; i++) {
        char path[64];
        snprintf(path, sizeof path, "/tmp/%s", names[i]);
        CHECK(unlink(path) == 0);
    }
    pass("badelf");
    return 0;
}
