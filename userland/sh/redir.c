/*
 * Redirections.  Saved copies of fds are made with F_DUPFD at 10 or above
 * (out of the way of the small numbers scripts use) and close-on-exec, so
 * the commands started meanwhile do not inherit them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#include "userland/sh/redir.h"
#include "userland/sh/expand.h"

static void save_fd(struct saved_fds *s, int fd)
{
    if (s == NULL || s->n == MAX_SAVED)
        return;
    int copy = fcntl(fd, F_DUPFD, 10);
    if (copy >= 0)
        fcntl(copy, F_SETFD, FD_CLOEXEC);
    s->fd[s->n] = fd;
    s->copy[s->n] = copy;
    s->n++;
}

void restore_fds(struct saved_fds *s)
{
    fflush(stdout);
    fflush(stderr);
    while (s->n > 0) {
        s->n--;
        if (s->copy[s->n] >= 0) {
            dup2(s->copy[s->n], s->fd[s->n]);
            close(s->copy[s->n]);
        } else {
            close(s->fd[s->n]);
        }
    }
}

/* Make fd `to` what `fd` is, and close `fd`. */
static int move_fd(int fd, int to)
{
    if (fd != to) {
        dup2(fd, to);
        close(fd);
    }
    return 0;
}

/* N<&M, N>&M, N>&-: r->fd becomes a copy of M, or is closed. */
static int redirect_dup(const struct redir *r, const char *target)
{
    char *end;
    int fd;

    if (strcmp(target, "-") == 0) {
        close(r->fd);
        return 0;
    }
    fd = (int)strtol(target, &end, 10);
    if (*target == '\0' || *end != '\0') {
        fprintf(stderr, "sh: %s: ambiguous redirect\n", target);
        return -1;
    }
    if (fcntl(fd, F_GETFD) < 0) {
        fprintf(stderr, "sh: %d: %s\n", fd, strerror(errno));
        return -1;
    }
    return dup2(fd, r->fd) < 0 ? -1 : 0;
}

/*
 * A here-document's text to read on a new fd: through a pipe when it
 * fits in one (the writer must not block: nobody reads yet), else in a
 * file in /tmp that is unlinked at once.
 */
static int heredoc_fd(const char *text)
{
    size_t len = strlen(text);
    int fds[2];

    if (len <= PIPE_BUF) {
        if (pipe(fds) < 0)
            return -1;
        write(fds[1], text, len);
        close(fds[1]);
        return fds[0];
    }
    char path[64];
    static int serial;
    snprintf(path, sizeof path, "/tmp/sh-heredoc-%d-%d", (int)getpid(), serial++);
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
    if (fd < 0)
        return -1;
    unlink(path);
    if (write(fd, text, len) != (ssize_t)len || lseek(fd, 0, SEEK_SET) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Make r->fd refer to what `r` says. */
static int redirect(const struct redir *r)
{
    if (r->kind == R_HEREDOC) {
        const struct heredoc *h = r->heredoc;
        char *text = h->quoted ? h->body : expand_heredoc(h->body);
        int fd = expand_failed() ? -1 : heredoc_fd(text);
        if (fd < 0) {
            fprintf(stderr, "sh: here-document: %s\n", strerror(errno));
            return -1;
        }
        return move_fd(fd, r->fd);
    }
    static const int flags[] = {
        [R_IN] = O_RDONLY,
        [R_OUT] = O_WRONLY | O_CREAT | O_TRUNC,
        [R_APPEND] = O_WRONLY | O_CREAT | O_APPEND,
    };
    char *target = expand_single(r->target);

    if (expand_failed())
        return -1;
    if (r->kind == R_DUP_IN || r->kind == R_DUP_OUT)
        return redirect_dup(r, target);
    int fd = open(target, flags[r->kind], 0666);
    if (fd < 0) {
        fprintf(stderr, "sh: %s: %s\n", target, strerror(errno));
        return -1;
    }
    return move_fd(fd, r->fd);
}

int apply_redirs(const struct redir *r, int n, struct saved_fds *saved)
{
    fflush(stdout);                 /* what was written goes where it was meant */
    for (int i = 0; i < n; i++) {
        save_fd(saved, r[i].fd);
        if (redirect(&r[i]) < 0)
            return -1;
    }
    return 0;
}
