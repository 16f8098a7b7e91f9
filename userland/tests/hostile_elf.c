/*
 * Thousands of mutated executables: copies of /bin/true and /bin/echo with
 * their ELF and program headers (sometimes their code) changed at random
 * or set to hostile values (hostile_mutate.h) are written to /tmp and run
 * in a child each.
 *
 *   /tests/hostile_elf [files=N] [seed=S]     (default 3000 files, seed 1)
 *
 * Every exec must either fail with an errno Linux gives for a bad
 * executable, or run the program, which may exit or die by a signal: that
 * child and nothing else.  At the end the original programs still run and
 * the kernel's counters (/proc/kstat) and free blocks and inodes are what
 * they were: nothing leaked.  The last line is "hostile_elf: all checks
 * passed" (exit status 0).
 */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <sys/stat.h>

#include "t.h"
#include "robust.h"
#include "hostile_mutate.h"

#define MAX_FILE   (64 * 1024)
#define NAMES      8                /* files are written under 8 names in turn */
#define MAX_ERRNO  134

struct sample {
    const char *path;
    uint8_t data[MAX_FILE];
    int size;
};

static struct sample samples[2] = {{"/bin/true", {0}, 0}, {"/bin/echo", {0}, 0}};
static uint8_t buf[MAX_FILE];
static struct elf_file file = {buf, 0};

/* Tallies of what the execs did. */
static long refused[MAX_ERRNO], ran, signalled[65], problems;

static void make_mutant(void)
{
    const struct sample *s = &samples[below(2)];
    memcpy(buf, s->data, (size_t)s->size);
    file.size = (uint32_t)s->size;
    mutate_elf(&file);
}

static int write_file(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
    if (fd < 0)
        return -1;
    int ok = write(fd, buf, file.size) == (ssize_t)file.size;
    return close(fd) == 0 && ok ? 0 : -1;
}

/* The errors Linux gives for an executable it cannot run. */
static int acceptable(int err)
{
    static const int ok[] = {ENOEXEC, EINVAL, ENOMEM, EFAULT, EACCES, EIO, ENOENT,
                             ENOTDIR, ELOOP, ENAMETOOLONG, ETXTBSY, E2BIG};
    for (unsigned i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (err == ok[i])
            return 1;
    return 0;
}

/* Exec path in a child, its output to /dev/null and SIGALRM in 2 s should
 * it loop.  A close-on-exec pipe brings back errno if execve returns. */
static void run_mutant(const char *path, long n)
{
    int p[2];
    CHECK(pipe2(p, O_CLOEXEC) == 0);
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0), dup2(null, 1), dup2(null, 2);
        alarm(2);
        char *argv[] = {(char *)path, "hostile", NULL}, *envp[] = {NULL};
        execve(path, argv, envp);
        int err = errno;
        write(p[1], &err, sizeof err);
        _exit(127);
    }
    close(p[1]);
    int err = 0, status;
    long got = read(p[0], &err, sizeof err);
    close(p[0]);
    CHECK_EQ(waitpid(pid, &status, 0), pid);
    if (got == sizeof err && (!acceptable(err) || err >= MAX_ERRNO)) {
        printf("hostile_elf: file %ld: execve failed with errno %d (%s)\n", n, err,
               strerror(err));
        problems++;
    } else if (got == sizeof err) {
        refused[err]++;
    } else if (WIFSIGNALED(status)) {
        signalled[WTERMSIG(status)]++;
    } else {
        ran++;
    }
}

static void load_samples(void)
{
    for (int i = 0; i < 2; i++) {
        int fd = open(samples[i].path, O_RDONLY);
        CHECK(fd >= 0);
        samples[i].size = read_all(fd, (char *)samples[i].data, MAX_FILE - 1);
        close(fd);
        CHECK(samples[i].size > EHDR_SIZE);
    }
}

static void report(long files)
{
    long nrefused = 0, nsignalled = 0;
    for (int i = 0; i < MAX_ERRNO; i++)
        nrefused += refused[i];
    for (int i = 0; i < 65; i++)
        nsignalled += signalled[i];
    printf("hostile_elf: %ld files: %ld refused, %ld ran and exited, %ld killed by a signal\n",
           files, nrefused, ran, nsignalled);
    for (int i = 0; i < MAX_ERRNO; i++)
        if (refused[i])
            printf("hostile_elf:   %5ld %s\n", refused[i], strerror(i));
    for (int i = 0; i < 65; i++)
        if (signalled[i])
            printf("hostile_elf:   %5ld %s\n", signalled[i], strsignal(i));
}

int main(int argc, char **argv)
{
    long files = 3000;
    uint32_t seed = 1;
    for (int i = 1; i < argc; i++) {
        if (!strncmp(argv[i], "files=", 6))
            files = strtol(argv[i] + 6, NULL, 0);
        else if (!strncmp(argv[i], "seed=", 5))
            seed = (uint32_t)strtoul(argv[i] + 5, NULL, 0);
    }
    load_samples();
    mkdir("/tmp/hostile", 0755);
    CHECK(empty_dir("/tmp/hostile") == 0);
    struct snapshot before, after;
    CHECK(snapshot_take(&before) == 0);
    for (long n = 0; n < files; n++) {
        char path[32];
        rng_seed(seed, (uint32_t)n);
        make_mutant();
        snprintf(path, sizeof path, "/tmp/hostile/e%ld", n % NAMES);
        CHECK(write_file(path) == 0);
        run_mutant(path, n);
    }
    report(files);
    CHECK(empty_dir("/tmp/hostile") == 0);
    CHECK(program_runs("/bin/true") && program_runs("/bin/echo"));
    CHECK(snapshot_take(&after) == 0);
    CHECK(!snapshot_differs("hostile_elf: leak", &before, &after, 64 * 1024));
    CHECK_EQ(problems, 0);
    pass("hostile_elf");
    return 0;
}
