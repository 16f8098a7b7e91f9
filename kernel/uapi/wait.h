/*
 * wait4(114) / waitpid(7) / waitid(284) options and the status word.
 *
 * Status encoding (the low 16 bits):
 *   exited with code c      c << 8            (low 7 bits 0)
 *   killed by signal s      s, | 0x80 if a core was dumped
 *   stopped by signal s     (s << 8) | 0x7f
 *   continued               0xffff
 * The W* test macros below are the ones the libc exports in <sys/wait.h>.
 */
#ifndef UAPI_WAIT_H
#define UAPI_WAIT_H

#define WNOHANG    0x00000001
#define WUNTRACED  0x00000002
#define WSTOPPED   WUNTRACED
#define WEXITED    0x00000004
#define WCONTINUED 0x00000008
#define WNOWAIT    0x01000000
#define __WALL     0x40000000
#define __WCLONE   0x80000000

/* waitid id types */
#define P_ALL  0
#define P_PID  1
#define P_PGID 2

/* Building a status word (kernel side) */
#define W_EXITCODE(code, sig) (((code) & 0xff) << 8 | ((sig) & 0x7f))
#define W_STOPCODE(sig)       (((sig) << 8) | 0x7f)
#define W_CONTINUED           0xffff
#define WCOREFLAG             0x80

/* Reading one (user side) */
#define WEXITSTATUS(s)  (((s) >> 8) & 0xff)
#define WTERMSIG(s)     ((s) & 0x7f)
#define WSTOPSIG(s)     WEXITSTATUS(s)
#define WCOREDUMP(s)    ((s) & WCOREFLAG)
#define WIFEXITED(s)    (WTERMSIG(s) == 0)
#define WIFSIGNALED(s)  (((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)
#define WIFSTOPPED(s)   (((s) & 0xff) == 0x7f)
#define WIFCONTINUED(s) ((s) == W_CONTINUED)

#endif
