/*
 * Terminal control: every function is an ioctl on the terminal's fd.
 */
#include <termios.h>
#include <unistd.h>
#include <errno.h>
#include <sys/ioctl.h>

int tcgetattr(int fd, struct termios *t)
{
    return ioctl(fd, TCGETS, t);
}

/* TCSETS, TCSETSW and TCSETSF follow each other in TCSANOW.. order. */
int tcsetattr(int fd, int when, const struct termios *t)
{
    if (when < TCSANOW || when > TCSAFLUSH) {
        errno = EINVAL;
        return -1;
    }
    return ioctl(fd, TCSETS + when, t);
}

int tcflush(int fd, int queue)
{
    return ioctl(fd, TCFLSH, queue);
}

/* TCSBRK with a non-zero argument just waits for output to drain. */
int tcdrain(int fd)
{
    return ioctl(fd, TCSBRK, 1);
}

/* Raw mode: bytes as typed, no echo, no signals, no output processing. */
void cfmakeraw(struct termios *t)
{
    t->c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR |
                              IGNCR | ICRNL | IXON);
    t->c_oflag &= ~(tcflag_t)OPOST;
    t->c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    t->c_cflag = (t->c_cflag & ~(tcflag_t)(CSIZE | PARENB)) | CS8;
    t->c_cc[VMIN] = 1;
    t->c_cc[VTIME] = 0;
}

speed_t cfgetospeed(const struct termios *t)
{
    return t->c_cflag & CBAUD;
}

speed_t cfgetispeed(const struct termios *t)
{
    return cfgetospeed(t);
}

int cfsetospeed(struct termios *t, speed_t speed)
{
    if (speed & ~(speed_t)CBAUD) {
        errno = EINVAL;
        return -1;
    }
    t->c_cflag = (t->c_cflag & ~(tcflag_t)CBAUD) | speed;
    return 0;
}

int cfsetispeed(struct termios *t, speed_t speed)
{
    return speed == 0 ? 0 : cfsetospeed(t, speed);
}

int isatty(int fd)
{
    struct termios t;
    return tcgetattr(fd, &t) == 0;
}

pid_t tcgetpgrp(int fd)
{
    pid_t pgrp;
    return ioctl(fd, TIOCGPGRP, &pgrp) < 0 ? -1 : pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
    return ioctl(fd, TIOCSPGRP, &pgrp);
}

pid_t tcgetsid(int fd)
{
    pid_t sid;
    return ioctl(fd, TIOCGSID, &sid) < 0 ? -1 : sid;
}
