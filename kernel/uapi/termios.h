/*
 * Terminals: the kernel's struct termios (what TCGETS/TCSETS copy, 36 bytes
 * on i386), its flag bits and control-character indices, struct winsize
 * and the terminal ioctl request numbers.  The libc's <termios.h> uses
 * this struct termios as is.
 */
#ifndef UAPI_TERMIOS_H
#define UAPI_TERMIOS_H

#include <stdint.h>

typedef uint32_t tcflag_t;
typedef uint8_t cc_t;
typedef uint32_t speed_t;

#define NCCS 19

struct termios {
    tcflag_t c_iflag;           /* input modes */
    tcflag_t c_oflag;           /* output modes */
    tcflag_t c_cflag;           /* control modes (baud rate, size) */
    tcflag_t c_lflag;           /* local modes (canonical, echo, signals) */
    cc_t c_line;                /* line discipline, 0 */
    cc_t c_cc[NCCS];            /* special characters, indexed by V* */
};

struct winsize {
    uint16_t ws_row;
    uint16_t ws_col;
    uint16_t ws_xpixel;
    uint16_t ws_ypixel;
};

/* c_cc indices */
#define VINTR     0
#define VQUIT     1
#define VERASE    2
#define VKILL     3
#define VEOF      4
#define VTIME     5
#define VMIN      6
#define VSWTC     7
#define VSTART    8
#define VSTOP     9
#define VSUSP    10
#define VEOL     11
#define VREPRINT 12
#define VDISCARD 13
#define VWERASE  14
#define VLNEXT   15
#define VEOL2    16

/* c_iflag */
#define IGNBRK  0000001
#define BRKINT  0000002
#define IGNPAR  0000004
#define PARMRK  0000010
#define INPCK   0000020
#define ISTRIP  0000040
#define INLCR   0000100
#define IGNCR   0000200
#define ICRNL   0000400
#define IUCLC   0001000
#define IXON    0002000
#define IXANY   0004000
#define IXOFF   0010000
#define IMAXBEL 0020000
#define IUTF8   0040000

/* c_oflag */
#define OPOST   0000001
#define OLCUC   0000002
#define ONLCR   0000004
#define OCRNL   0000010
#define ONOCR   0000020
#define ONLRET  0000040
#define OFILL   0000100
#define OFDEL   0000200

/* c_cflag */
#define CBAUD   0010017
#define B0      0000000
#define B50     0000001
#define B75     0000002
#define B110    0000003
#define B134    0000004
#define B150    0000005
#define B200    0000006
#define B300    0000007
#define B600    0000010
#define B1200   0000011
#define B1800   0000012
#define B2400   0000013
#define B4800   0000014
#define B9600   0000015
#define B19200  0000016
#define B38400  0000017
#define B57600  0010001
#define B115200 0010002
#define CSIZE   0000060
#define CS5     0000000
#define CS6     0000020
#define CS7     0000040
#define CS8     0000060
#define CSTOPB  0000100
#define CREAD   0000200
#define PARENB  0000400
#define PARODD  0001000
#define HUPCL   0002000
#define CLOCAL  0004000

/* c_lflag */
#define ISIG    0000001
#define ICANON  0000002
#define XCASE   0000004
#define ECHO    0000010
#define ECHOE   0000020
#define ECHOK   0000040
#define ECHONL  0000100
#define NOFLSH  0000200
#define TOSTOP  0000400
#define ECHOCTL 0001000
#define ECHOPRT 0002000
#define ECHOKE  0004000
#define FLUSHO  0010000
#define PENDIN  0040000
#define IEXTEN  0100000

/* TCFLSH / TCXONC arguments */
#define TCIFLUSH  0
#define TCOFLUSH  1
#define TCIOFLUSH 2
#define TCOOFF    0
#define TCOON     1
#define TCIOFF    2
#define TCION     3

/* ioctl requests on terminals (and FIO* on any file) */
#define TCGETS      0x5401
#define TCSETS      0x5402      /* now */
#define TCSETSW     0x5403      /* after output drains */
#define TCSETSF     0x5404      /* after output drains, discarding input */
#define TCSBRK      0x5409
#define TCXONC      0x540A
#define TCFLSH      0x540B
#define TIOCEXCL    0x540C
#define TIOCNXCL    0x540D
#define TIOCSCTTY   0x540E      /* make this the caller's controlling tty */
#define TIOCGPGRP   0x540F      /* foreground process group */
#define TIOCSPGRP   0x5410
#define TIOCOUTQ    0x5411
#define TIOCSTI     0x5412
#define TIOCGWINSZ  0x5413
#define TIOCSWINSZ  0x5414
#define TIOCMGET    0x5415
#define TIOCMSET    0x5418
#define FIONREAD    0x541B      /* bytes ready to read */
#define TIOCINQ     FIONREAD
#define TIOCLINUX   0x541C
#define TIOCCONS    0x541D
#define TIOCGSERIAL 0x541E
#define TIOCSSERIAL 0x541F
#define TIOCPKT     0x5420
#define FIONBIO     0x5421
#define TIOCNOTTY   0x5422      /* give up the controlling tty */
#define TIOCSETD    0x5423
#define TIOCGETD    0x5424
#define TIOCGSID    0x5429      /* session of the tty */
#define TIOCGPTN    0x80045430
#define TIOCSPTLCK  0x40045431
#define FIONCLEX    0x5450
#define FIOCLEX     0x5451
#define FIOASYNC    0x5452

/* Virtual consoles */
#define VT_OPENQRY    0x5600
#define VT_GETMODE    0x5601
#define VT_SETMODE    0x5602
#define VT_GETSTATE   0x5603
#define VT_ACTIVATE   0x5606
#define VT_WAITACTIVE 0x5607

struct vt_stat {
    uint16_t v_active;          /* active console */
    uint16_t v_signal;
    uint16_t v_state;           /* bit n: console n is open */
};

/* Keyboard (some programs probe for a console with it) */
#define KDGKBTYPE 0x4B33
#define KB_101    0x02

_Static_assert(sizeof(struct termios) == 36, "kernel termios is 36 bytes");
_Static_assert(sizeof(struct winsize) == 8, "winsize is 8 bytes");

#endif
