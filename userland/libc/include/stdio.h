/*
 * Buffered input and output on file descriptors.  A FILE is opaque; see
 * userland/libc/stdio/stdio_impl.h.  stdout is line-buffered on a
 * terminal and fully buffered otherwise; stderr is unbuffered.
 */
#ifndef _STDIO_H
#define _STDIO_H

#include <stdarg.h>
#include <sys/types.h>
#include <kernel/uapi/fcntl.h>      /* SEEK_SET, SEEK_CUR, SEEK_END */

typedef struct file FILE;
typedef off_t fpos_t;

#define EOF (-1)
#define BUFSIZ 4096
#define FILENAME_MAX 4096

/* setvbuf modes */
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2

extern FILE *const stdin;
extern FILE *const stdout;
extern FILE *const stderr;

FILE *fopen(const char *path, const char *mode);
FILE *fdopen(int fd, const char *mode);
FILE *freopen(const char *path, const char *mode, FILE *f);
int fclose(FILE *f);
int fflush(FILE *f);
int fileno(FILE *f);
int setvbuf(FILE *f, char *buf, int mode, size_t size);
void setbuf(FILE *f, char *buf);
int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);
int fseek(FILE *f, long off, int whence);
int fseeko(FILE *f, off_t off, int whence);
long ftell(FILE *f);
off_t ftello(FILE *f);
void rewind(FILE *f);

int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
int ungetc(int c, FILE *f);
char *fgets(char *s, int size, FILE *f);
size_t fread(void *buf, size_t size, size_t n, FILE *f);
ssize_t getline(char **line, size_t *cap, FILE *f);
ssize_t getdelim(char **line, size_t *cap, int delim, FILE *f);

int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
int fputs(const char *s, FILE *f);
int puts(const char *s);
size_t fwrite(const void *buf, size_t size, size_t n, FILE *f);

int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int dprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int sprintf(char *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int snprintf(char *s, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int vprintf(const char *fmt, va_list ap);
int vfprintf(FILE *f, const char *fmt, va_list ap);
int vdprintf(int fd, const char *fmt, va_list ap);
int vsprintf(char *s, const char *fmt, va_list ap);
int vsnprintf(char *s, size_t n, const char *fmt, va_list ap);
int asprintf(char **s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int vasprintf(char **s, const char *fmt, va_list ap);

int sscanf(const char *s, const char *fmt, ...);

void perror(const char *s);
int remove(const char *path);
int rename(const char *old, const char *new_);

#endif
