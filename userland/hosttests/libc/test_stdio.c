/*
 * Tests of the stdio streams: reading and writing files, buffering modes,
 * seeking, lines, ungetc.  Files live in a fresh directory under /tmp.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "tests/unit/unit.h"

static char dir[64];

static const char *path(const char *name)
{
    static char buf[128];
    if (dir[0] == '\0') {
        snprintf(dir, sizeof dir, "/tmp/cowix-stdio-%d", getpid());
        mkdir(dir, 0700);
    }
    snprintf(buf, sizeof buf, "%s/%s", dir, name);
    return buf;
}

/* The whole content of a file, read with plain read(2). */
static char *contents(const char *p)
{
    static char buf[8192];
    int fd = open(p, O_RDONLY);
    ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
    if (fd >= 0)
        close(fd);
    buf[n < 0 ? 0 : n] = '\0';
    return buf;
}

TEST(write_then_read_back)
{
    FILE *f = fopen(path("a"), "w");
    CHECK(f != NULL);
    CHECK_EQ(fprintf(f, "line %d\n", 1), 7);
    CHECK_EQ(fputs("line 2\n", f), 0);
    CHECK_EQ(fputc('x', f), 'x');
    CHECK_EQ(fwrite("yz\n", 1, 3, f), 3);
    CHECK_EQ(fclose(f), 0);
    CHECK_STR(contents(path("a")), "line 1\nline 2\nxyz\n");

    f = fopen(path("a"), "r");
    char line[64];
    CHECK(fgets(line, sizeof line, f) == line);
    CHECK_STR(line, "line 1\n");
    CHECK_EQ(fgetc(f), 'l');
    CHECK_EQ(ungetc('L', f), 'L');
    CHECK(fgets(line, sizeof line, f) == line);
    CHECK_STR(line, "Line 2\n");
    char small[3];
    CHECK(fgets(small, sizeof small, f) == small);  /* stops when full */
    CHECK_STR(small, "xy");
    CHECK(fgets(line, sizeof line, f) == line);
    CHECK_STR(line, "z\n");
    CHECK(fgets(line, sizeof line, f) == NULL);
    CHECK(feof(f));
    fclose(f);
}

TEST(fopen_modes)
{
    CHECK(fopen(path("missing"), "r") == NULL);
    CHECK(fopen(path("x"), "q") == NULL);
    FILE *f = fopen(path("m"), "w");
    fputs("abc", f);
    fclose(f);
    f = fopen(path("m"), "a");
    fputs("def", f);
    fclose(f);
    CHECK_STR(contents(path("m")), "abcdef");
    f = fopen(path("m"), "r+");
    fseek(f, 1, SEEK_SET);
    fputc('X', f);
    fclose(f);
    CHECK_STR(contents(path("m")), "aXcdef");
    f = fopen(path("m"), "w+");                 /* truncates */
    fputs("12345", f);
    rewind(f);
    char buf[8] = "";
    CHECK_EQ(fread(buf, 1, 7, f), 5);
    CHECK_STR(buf, "12345");
    fclose(f);
}

TEST(seek_and_tell_across_the_buffer)
{
    FILE *f = fopen(path("s"), "w+");
    for (int i = 0; i < 10000; i++)
        fputc('a' + i % 26, f);
    CHECK_EQ(ftell(f), 10000);                  /* counts unflushed bytes */
    fseek(f, 5000, SEEK_SET);
    CHECK_EQ(fgetc(f), 'a' + 5000 % 26);
    CHECK_EQ(ftell(f), 5001);                   /* minus the read-ahead */
    fseek(f, 10, SEEK_CUR);
    CHECK_EQ(fgetc(f), 'a' + 5011 % 26);
    fseek(f, -1, SEEK_END);
    CHECK_EQ(fgetc(f), 'a' + 9999 % 26);
    CHECK_EQ(fgetc(f), EOF);
    fclose(f);
}

TEST(large_fread_fwrite)
{
    static char out[200000], in[200000];
    for (size_t i = 0; i < sizeof out; i++)
        out[i] = (char)(i * 31);
    FILE *f = fopen(path("big"), "w");
    CHECK_EQ(fwrite(out, 1, 10, f), 10);
    CHECK_EQ(fwrite(out + 10, 1, sizeof out - 10, f), sizeof out - 10);
    fclose(f);
    f = fopen(path("big"), "r");
    CHECK_EQ(fread(in, 1, 3, f), 3);
    CHECK_EQ(fread(in + 3, 4, (sizeof in - 3) / 4, f), (sizeof in - 3) / 4);
    CHECK_EQ(fread(in + sizeof in - 1, 1, 5, f), 1);
    CHECK(memcmp(in, out, sizeof out) == 0);
    fclose(f);
}

TEST(getline_long_lines)
{
    FILE *f = fopen(path("g"), "w");
    for (int i = 0; i < 10000; i++)
        fputc('x', f);
    fputs("\nshort\nlast", f);
    fclose(f);
    f = fopen(path("g"), "r");
    char *line = NULL;
    size_t cap = 0;
    CHECK_EQ(getline(&line, &cap, f), 10001);
    CHECK_EQ(strspn(line, "x"), 10000);
    CHECK_EQ(getline(&line, &cap, f), 6);
    CHECK_STR(line, "short\n");
    CHECK_EQ(getline(&line, &cap, f), 4);       /* no final newline */
    CHECK_STR(line, "last");
    CHECK_EQ(getline(&line, &cap, f), -1);
    free(line);
    fclose(f);
}

/*
 * Run fn in a child with stdout going to a file; returns what was written
 * *before* the child's final flush at exit, by making the child kill
 * itself without flushing (_exit) after fn.
 */
static char *stdout_before_exit(void (*fn)(void), int flush_at_end)
{
    int fd = open(path("out"), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fd, 1);
        fn();
        if (flush_at_end)
            exit(0);
        _exit(0);
    }
    close(fd);
    waitpid(pid, NULL, 0);
    return contents(path("out"));
}

static void write_some(void)
{
    printf("partial");
    printf(" line\nmore");
}

static void write_line_buffered(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    write_some();
}

TEST(stdout_fully_buffered_on_a_file)
{
    CHECK_STR(stdout_before_exit(write_some, 0), "");   /* all still buffered */
    CHECK_STR(stdout_before_exit(write_some, 1), "partial line\nmore");
    CHECK_STR(stdout_before_exit(write_line_buffered, 0), "partial line\n");
}

TEST(stderr_unbuffered)
{
    int fds[2];
    CHECK_EQ(pipe(fds), 0);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 2);
        fprintf(stderr, "err %d", 1);
        _exit(0);                               /* no flush: must be out */
    }
    close(fds[1]);
    char buf[32] = "";
    waitpid(pid, NULL, 0);
    CHECK_EQ(read(fds[0], buf, sizeof buf), 5);
    CHECK_STR(buf, "err 1");
    close(fds[0]);
}

TEST(fdopen_and_fileno)
{
    int fd = open(path("fd"), O_RDWR | O_CREAT | O_TRUNC, 0600);
    FILE *f = fdopen(fd, "r+");
    CHECK(f != NULL);
    CHECK_EQ(fileno(f), fd);
    fprintf(f, "via fd");
    fflush(f);
    CHECK_STR(contents(path("fd")), "via fd");
    fclose(f);
    CHECK(write(fd, "x", 1) < 0);               /* fclose closed it */
}

TEST(cleanup_stdio_dir)
{
    const char *names[] = {"a", "m", "s", "big", "g", "out", "fd"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        unlink(path(names[i]));
    CHECK_EQ(rmdir(dir), 0);
}
