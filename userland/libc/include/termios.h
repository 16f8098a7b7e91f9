/*
 * Terminal modes.  struct termios is the kernel's (kernel/uapi/termios.h):
 * tcgetattr/tcsetattr are the TCGETS/TCSETS* ioctls.
 */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <sys/types.h>
#include <kernel/uapi/termios.h>

/* tcsetattr: when the change takes effect */
#define TCSANOW   0
#define TCSADRAIN 1
#define TCSAFLUSH 2

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);
int tcflush(int fd, int queue);
int tcdrain(int fd);
void cfmakeraw(struct termios *t);
speed_t cfgetospeed(const struct termios *t);
speed_t cfgetispeed(const struct termios *t);
int cfsetospeed(struct termios *t, speed_t speed);
int cfsetispeed(struct termios *t, speed_t speed);
pid_t tcgetsid(int fd);

#endif
