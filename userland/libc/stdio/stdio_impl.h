/*
 * The inside of a FILE, shared by the stdio sources.
 *
 * A stream has one buffer used in one direction at a time:
 *   reading: buf[pos..len) is data read ahead from the fd, not yet consumed;
 *   writing: buf[0..pos) is data written by the program, not yet sent.
 * `writing` says which.  Switching direction first empties the buffer
 * (flushing pending output, or seeking back over unread input).
 *
 * Buffering modes (setvbuf): fully buffered streams write when the buffer
 * fills, line-buffered ones also at each '\n', unbuffered ones at once.
 * MODE_AUTO is decided on first use: line-buffered if the fd is a
 * terminal, fully buffered otherwise (this is how stdout starts).
 */
#ifndef USERLAND_LIBC_STDIO_IMPL_H
#define USERLAND_LIBC_STDIO_IMPL_H

#include <stdio.h>

#define MODE_AUTO (-1)

/* flags */
#define F_READ  1       /* opened for reading */
#define F_WRITE 2       /* opened for writing */
#define F_EOF   4       /* end of file seen */
#define F_ERR   8       /* an I/O error happened */
#define F_FREE_BUF  16  /* buf was malloc'd by us */
#define F_FREE_FILE 32  /* the FILE itself was malloc'd by us */

struct file {
    int fd;
    int flags;
    int mode;               /* _IOFBF, _IOLBF, _IONBF or MODE_AUTO */
    int writing;            /* buffer direction, see above */
    unsigned char *buf;
    size_t size;            /* capacity of buf */
    size_t pos;
    size_t len;             /* reading: end of valid data */
    struct file *next;      /* all open streams, for fflush(NULL) */
    unsigned char one_byte; /* the buffer of an unbuffered input stream */
};

/* Decide the buffering mode and get a buffer, on first use. */
int stdio_setup(FILE *f);

/* Send out pending output; 0 or EOF (error flag set). */
int stdio_flush(FILE *f);

/* Make f ready to read / to write; 0 or EOF. */
int stdio_to_read(FILE *f);
int stdio_to_write(FILE *f);

/* Read more input into an empty buffer: bytes read, 0 at end, -1 error. */
int stdio_refill(FILE *f);

/* Write n bytes straight to the fd, retrying short writes. */
int stdio_write_all(FILE *f, const void *p, size_t n);

/* Add / remove a stream from the list of open streams. */
void stdio_link(FILE *f);
void stdio_unlink(FILE *f);

/* Parse an fopen mode string: open(2) flags, or -1 if invalid. */
int stdio_mode_flags(const char *mode);

/*
 * The printf engine writes its output through a sink: a function that
 * takes pieces of text.  The sink accumulates the count printf returns.
 */
struct sink {
    void (*put)(struct sink *s, const char *p, size_t n);
    size_t count;           /* total bytes given to put */
};

int stdio_format(struct sink *s, const char *fmt, va_list ap);

#endif
